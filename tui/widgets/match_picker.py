"""A two-column picker for match questions: numbered items on the left, lettered on the right.

Keyboard: 1-9 (from the question screen) or up/down pick a left item; a letter
pairs it with that right item and moves on to the next unpaired one. Or:
right/tab goes to the right column, up/down choose there, space pairs.
Backspace clears the pair of the highlighted left item.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from tui.bindings import MATCH
from tui.quiz.answers import letter
from tui.quiz.model import PartFeedback

LETTERS = string.ascii_lowercase


class MatchRow(Static):
    DEFAULT_CSS = """
    MatchRow { padding: 0 1; height: auto; }
    MatchRow.-cursor { background: $boost; }
    MatchPicker:focus MatchRow.-cursor { background: $block-cursor-blurred-background; }
    MatchRow.-paired { color: $text-accent; }
    MatchRow.-right { color: $text-success; }
    MatchRow.-wrong { color: $text-error; }
    """


class MatchPicker(Horizontal, can_focus=True):
    DEFAULT_CSS = """
    MatchPicker { height: auto; padding: 0 0 1 0; }
    MatchPicker > Vertical { height: auto; }
    MatchPicker > #lefts { width: 2fr; }
    MatchPicker > #rights { width: 3fr; }
    """
    BINDINGS = MATCH

    cursor: reactive[int] = reactive(0, init=False)
    right_cursor: reactive[int] = reactive(0, init=False)
    column: reactive[int] = reactive(0, init=False)

    @dataclass
    class Changed(Message):
        """The pairs changed: left text -> right text."""

        picker: MatchPicker
        pairs: dict[str, str]

        @property
        def control(self) -> MatchPicker:
            return self.picker

    def __init__(self, lefts: Sequence[str], rights: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lefts = tuple(lefts)
        self.rights = tuple(rights)
        self.chosen: dict[int, int] = {}  # left index -> right index
        self.locked = False
        self.parts: dict[str, PartFeedback] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="lefts"):
            for _ in self.lefts:
                yield MatchRow(classes="left")
        with Vertical(id="rights"):
            for _ in self.rights:
                yield MatchRow(classes="right")

    def on_mount(self) -> None:
        # The rows mount after this widget's Mount event: paint once they are there.
        self.call_after_refresh(self.paint)

    def letter(self, right_index: int) -> str:
        return letter(right_index)

    def pairs(self) -> dict[str, str]:
        """The learner's answer: left text -> right text."""
        return {self.lefts[i]: self.rights[j] for i, j in sorted(self.chosen.items())}

    def answer_line(self) -> str:
        """The pairs as plain mode takes them: `1b 2a 3c`."""
        return " ".join(f"{i + 1}{self.letter(j)}" for i, j in sorted(self.chosen.items()))

    def choose(self, number: int) -> bool:
        """Highlight left item `number` (1-based)."""
        if self.locked or not 1 <= number <= len(self.lefts):
            return False
        self.cursor = number - 1
        self.column = 0
        return True

    def pair(self, left: int, right: int) -> None:
        if self.locked or not (0 <= left < len(self.lefts) and 0 <= right < len(self.rights)):
            return
        self.chosen[left] = right
        unpaired = [i for i in range(len(self.lefts)) if i not in self.chosen]
        later = [i for i in unpaired if i > left] or unpaired
        self.column = 0
        if later:
            self.cursor = later[0]
        self.paint()
        self.post_message(self.Changed(self, self.pairs()))

    def on_key(self, event: events.Key) -> None:
        char = event.character or ""
        if self.locked or len(char) != 1 or char not in LETTERS[: len(self.rights)]:
            return
        event.stop()
        event.prevent_default()
        self.pair(self.cursor, LETTERS.index(char))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Once answered the keys fall through to the screen (a keymap may give them to "next")."""
        return not self.locked

    def action_cursor(self, delta: int) -> None:
        if self.locked:
            return
        if self.column == 0 and self.lefts:
            self.cursor = (self.cursor + delta) % len(self.lefts)
        elif self.rights:
            self.right_cursor = (self.right_cursor + delta) % len(self.rights)

    def action_column(self, column: int) -> None:
        if not self.locked:
            self.column = column
            if column == 1 and self.cursor in self.chosen:
                self.right_cursor = self.chosen[self.cursor]

    def action_pair(self) -> None:
        if self.column == 0:
            self.action_column(1)
        else:
            self.pair(self.cursor, self.right_cursor)

    def action_unpair(self) -> None:
        if not self.locked and self.chosen.pop(self.cursor, None) is not None:
            self.paint()
            self.post_message(self.Changed(self, self.pairs()))

    def watch_cursor(self) -> None:
        self.paint()

    def watch_right_cursor(self) -> None:
        self.paint()

    def watch_column(self) -> None:
        self.paint()

    def show_feedback(self, parts: Sequence[PartFeedback]) -> None:
        self.locked = True
        self.parts = {p.label: p for p in parts}
        self.paint()

    def _right_letter(self, text: str | None) -> str:
        return self.letter(self.rights.index(text)) if text in self.rights else "—"

    def paint(self) -> None:
        if not self.is_mounted:
            return
        lefts = list(self.query_one("#lefts").query_children(MatchRow))
        rights = list(self.query_one("#rights").query_children(MatchRow))
        for i, row in enumerate(lefts):
            text = self.lefts[i]
            part = self.parts.get(text)
            row.set_class(not self.locked and self.column == 0 and i == self.cursor, "-cursor")
            row.set_class(i in self.chosen and part is None, "-paired")
            if part is not None:
                row.set_class(part.right, "-right")
                row.set_class(not part.right, "-wrong")
                mark = ("✓", "$text-success bold") if part.right else ("✗", "$text-error bold")
                fix = "" if part.right else f" (is {self._right_letter(part.expected)})"
                row.update(Content.assemble((f"{i + 1} ", "bold"), Content(text), " → ", mark, " ",
                                            (self._right_letter(part.given) + fix, "bold")))
            else:
                target = self.letter(self.chosen[i]) if i in self.chosen else "?"
                row.update(Content.assemble((f"{i + 1} ", "bold"), Content(text), " → ", (target, "bold")))
        used = {j: [i for i, jj in self.chosen.items() if jj == j] for j in range(len(self.rights))}
        for j, row in enumerate(rights):
            row.set_class(not self.locked and self.column == 1 and j == self.right_cursor, "-cursor")
            row.set_class(bool(used[j]) and not self.locked, "-paired")
            back = ", ".join(str(i + 1) for i in used[j])
            tail = (f"  ← {back}", "dim") if back and not self.locked else ""
            row.update(Content.assemble((f"{self.letter(j)} ", "bold"), Content(self.rights[j]), tail))
