"""Every key binding of the app, each with a stable id, and the user's keymap file.

A learner remaps keys in `<data dir>/keymap.toml` by binding id::

    # keymap.toml: binding id = "key" or "key1,key2"
    [keys]
    "quiz.next" = "n,space"
    "app.help" = "f1,question_mark"

(a top-level `"quiz.next" = "n"` without the `[keys]` table works too). The
ids are listed below and on the F1 help screen. Unknown ids and bad values are
reported and skipped, never fatal.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from textual.binding import Binding, BindingType

KEYMAP_FILE = "keymap.toml"

APP: list[BindingType] = [
    Binding("f1", "help", "Help", id="app.help"),
    Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit"),
]

HOME: list[BindingType] = [
    Binding("s", "start", "Start", id="home.start"),
    Binding("r", "review", "Review due", id="home.review"),
    Binding("t", "stats", "Stats", id="home.stats"),
    Binding("d", "debate", "Debate", id="home.debate"),
    Binding("m", "cycle_mode", "Mode", id="home.mode"),
    Binding("c", "toggle_confidence", "Sure?", id="home.confidence"),
]

QUIZ: list[BindingType] = [
    *(Binding(str(n), f"choose({n})", f"Choose {n}", show=False, id=f"quiz.choose-{n}") for n in range(1, 10)),
    Binding("enter", "advance", "Submit / next", priority=True, id="quiz.submit"),
    Binding("n", "next", "Next", id="quiz.next"),
    Binding("ctrl+s", "skip", "Skip", id="quiz.skip"),
    Binding("escape", "leave", "Leave", id="quiz.leave"),
]

CHOICES: list[BindingType] = [
    Binding("up", "cursor(-1)", "Up", show=False, id="choices.up"),
    Binding("down", "cursor(1)", "Down", show=False, id="choices.down"),
    Binding("space", "pick", "Pick", show=False, id="choices.pick"),
]

ORDER: list[BindingType] = [
    Binding("up", "cursor(-1)", "Up", show=False, id="order.up"),
    Binding("down", "cursor(1)", "Down", show=False, id="order.down"),
    Binding("shift+up,u", "move(-1)", "Move up", id="order.move-up"),
    Binding("shift+down,j", "move(1)", "Move down", id="order.move-down"),
]

MATCH: list[BindingType] = [
    Binding("up", "cursor(-1)", "Up", show=False, id="match.up"),
    Binding("down", "cursor(1)", "Down", show=False, id="match.down"),
    Binding("right,tab", "column(1)", "Right column", show=False, id="match.right"),
    Binding("left,shift+tab", "column(0)", "Left column", show=False, id="match.left"),
    Binding("space", "pair", "Pair", id="match.pair"),
    Binding("backspace,delete", "unpair", "Clear", show=False, id="match.clear"),
]

CONFIDENCE: list[BindingType] = [
    Binding("1", "sure(1)", "Not sure", id="confidence.1"),
    Binding("2", "sure(2)", "Fairly sure", id="confidence.2"),
    Binding("3", "sure(3)", "Sure", id="confidence.3"),
    Binding("escape", "back", "Back", id="confidence.back"),
]

CONFIRM: list[BindingType] = [
    Binding("y", "answer(True)", "Yes", id="confirm.yes"),
    Binding("n,escape", "answer(False)", "No", id="confirm.no"),
]

RESULTS: list[BindingType] = [
    Binding("r", "retry", "Retry missed", id="results.retry"),
    Binding("t", "stats", "Stats", id="results.stats"),
    Binding("escape,h", "home", "Home", id="results.home"),
]

STATS: list[BindingType] = [Binding("escape,q", "back", "Back", id="stats.back")]
HELP: list[BindingType] = [Binding("escape,f1,q", "close", "Close", id="help.close")]
NOTICE: list[BindingType] = [Binding("escape,enter", "close", "Close", id="notice.close")]

# Debate practice (tui/screens/debate_*.py). Drills reuse the quiz's number keys (quiz.choose-N).
DEBATE_HOME: list[BindingType] = [
    *(Binding(str(n), f"drill('{kind}')", kind.capitalize(), show=False, id=f"debate.drill-{kind}")
      for n, kind in enumerate(("side", "pick", "rebuttal", "case", "weigh"), 1)),
    Binding("s", "spar", "Spar", id="debate.spar"),
    Binding("h", "history", "History", id="debate.history"),
    Binding("escape", "back", "Back", id="debate.back"),
]
DRILL: list[BindingType] = [
    Binding("p", "side('prop')", "Prop", id="drill.prop"),
    Binding("o", "side('opp')", "Opp", id="drill.opp"),
    Binding("ctrl+s", "submit", "Submit", id="drill.submit"),
    Binding("enter", "advance", "Next", id="drill.next"),
    Binding("escape", "leave", "Leave", id="drill.leave"),
]
ROUND: list[BindingType] = [
    Binding("ctrl+s", "end_prep", "Start the round", id="round.end-prep"),
    Binding("ctrl+s", "submit", "Submit speech", id="round.submit"),
    Binding("enter", "proceed", "Continue", id="round.continue"),
    Binding("ctrl+r", "take_prep", "Use prep", id="round.prep"),
    Binding("f2", "flow", "Flow sheet", id="round.flow"),
    Binding("escape", "leave", "Leave", id="round.leave"),
]
DEBATE_RESULTS: list[BindingType] = [
    Binding("f2,f", "flow", "Flow sheet", id="debate-results.flow"),
    Binding("r", "again", "Again", id="debate-results.again"),
    Binding("escape,h", "back", "Back", id="debate-results.back"),
]
FLOW: list[BindingType] = [Binding("escape,f2,q", "close", "Close", id="flow.close")]
DEBATE_HISTORY: list[BindingType] = [Binding("escape,q", "back", "Back", id="debate-history.back")]
DEBATE_GROUPS = (DEBATE_HOME, DRILL, ROUND, DEBATE_RESULTS, FLOW, DEBATE_HISTORY)


def all_ids() -> set[str]:
    groups = (APP, HOME, QUIZ, CHOICES, ORDER, MATCH, CONFIDENCE, CONFIRM, RESULTS, STATS, HELP, NOTICE, *DEBATE_GROUPS)
    return {b.id for group in groups for b in group if isinstance(b, Binding) and b.id}


@dataclass
class Keymap:
    """A keymap read from a file, with what was wrong in it."""

    keys: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def load_keymap(path: Path) -> Keymap:
    """Read `path` (TOML): binding id -> key string. A missing file is an empty keymap."""
    out = Keymap()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return out
    except OSError as exc:
        out.problems.append(f"{path}: cannot read: {exc.strerror or exc}")
        return out
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        out.problems.append(f"{path}: not valid TOML: {exc}")
        return out
    table = data.get("keys", data) if isinstance(data.get("keys"), dict) else data
    known = all_ids()
    for binding_id, keys in table.items():
        if binding_id == "keys":
            continue
        if not isinstance(keys, str) or not keys.strip():
            out.problems.append(f"{path}: {binding_id!r}: give the keys as a string, e.g. \"n,space\"")
            continue
        if binding_id not in known:
            out.problems.append(f"{path}: unknown binding id {binding_id!r} (see F1 for the ids)")
            continue
        out.keys[binding_id] = ",".join(k.strip() for k in keys.split(",") if k.strip())
    return out

