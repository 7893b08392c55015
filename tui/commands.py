"""The command palette (ctrl+p): one entry for each main action of the app."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

# (name, help, app action)
ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("Start quiz", "Start a session with the choices on the home screen", "start_from_home"),
    ("Review due", "Spaced review: the questions due now, then new ones", "review"),
    ("Stats", "History, accuracy per tag, reviews due, calibration", "stats"),
    ("Debate practice", "Drill arguments and run timed rounds", "debate"),
    ("Switch theme", "Pick one of Textual's colour themes", "change_theme"),
    ("Home", "Back to the home screen", "home"),
    ("Help", "The keys of the current screen", "help"),
)


class SparringCommands(Provider):
    """Sparring's own commands, beside Textual's system commands."""

    def _run(self, action: str) -> Callable[[], object]:
        return partial(self.app.run_action, action)

    async def discover(self) -> Hits:
        for name, help_text, action in ACTIONS:
            yield DiscoveryHit(name, self._run(action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, action in ACTIONS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), self._run(action), text=name, help=help_text)
