"""Command palette entries of the debate home screen: each drill, a round on either side, the history."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

# (name, help, action on the debate home screen)
DEBATE_ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("Drill: side", "Which side makes each claim?", "drill('side')"),
    ("Drill: pick", "Choose the best rebuttal of four", "drill('pick')"),
    ("Drill: rebuttal", "Type a rebuttal against the clock", "drill('rebuttal')"),
    ("Drill: case", "Pick your side's best three arguments", "drill('case')"),
    ("Drill: weigh", "One sentence weighing two impacts", "drill('weigh')"),
    ("Spar: as Proposition", "A timed round against the built-in opponent", "spar('prop')"),
    ("Spar: as Opposition", "A timed round against the built-in opponent", "spar('opp')"),
    ("Debate history", "Progress over rounds and drills", "history"),
)


class DebateCommands(Provider):
    def _run(self, action: str) -> Callable[[], object]:
        return partial(self.app.run_action, action, self.screen)

    async def discover(self) -> Hits:
        for name, help_text, action in DEBATE_ACTIONS:
            yield DiscoveryHit(name, self._run(action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, action in DEBATE_ACTIONS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), self._run(action), text=name, help=help_text)


PROVIDERS: set[type[Provider] | Callable[[], type[Provider]]] = {DebateCommands}
"""For `Screen.COMMANDS` of the debate home."""
