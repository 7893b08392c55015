"""Numbered choices for choice, multi and true/false questions.

Keys 1-9 (sent by the question screen) pick a choice; in a multi question they
toggle. Up/down move a cursor and space picks the choice under it. After the
answer, `show_feedback` marks every choice right or wrong with the author's
note. Choice texts come from content files and are never read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content, Span
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from tui.bindings import CHOICES
from tui.quiz.model import ChoiceFeedback


class ChoiceRow(Static):
    """One choice: its number, a marker and the text."""

    DEFAULT_CSS = """
    ChoiceRow { padding: 0 1; height: auto; }
    ChoiceRow.-cursor { background: $boost; }
    ChoiceList:focus ChoiceRow.-cursor { background: $block-cursor-blurred-background; }
    ChoiceRow.-picked { color: $text-accent; text-style: bold; }
    """

    def __init__(self, index: int, text: str, multi: bool) -> None:
        super().__init__()
        self.index = index
        self.text = text
        self.multi = multi
        self.picked = False
        self.verdict: ChoiceFeedback | None = None
        self.noted = False  # drawn with the author's note under it
        self.shown: tuple[str, list[Span]] | None = None

    def on_mount(self) -> None:
        self.paint()

    def paint(self) -> None:
        """Draw the row: before the answer its marker, after it its marks and the author's note.

        The number and the marker take the same cells before and after an answer ("( ) ",
        "✓ ▶ "), so the row keeps its height, and needs no layout, unless a note is added.
        """
        parts: list[str | Content | tuple[str, str]]
        if self.verdict is not None:
            mark = ("✓ ", "$text-success bold") if self.verdict.right else (
                ("✗ ", "$text-error bold") if self.verdict.chosen else ("  ", ""))
            chosen = "▶ " if self.verdict.chosen else "  "
            text_style = "$text-success" if self.verdict.right else ("$text-error" if self.verdict.chosen else "")
            parts = [(f"{self.index + 1} ", "bold"), mark, chosen, (self.text, text_style)]
            noted = False
            if self.verdict.feedback:
                noted = True
                parts += ["\n      ", (self.verdict.feedback, "italic")]
        else:
            marks = ("[x] ", "[ ] ") if self.multi else ("(•) ", "( ) ")
            parts = [(f"{self.index + 1} ", "bold"), marks[0] if self.picked else marks[1], Content(self.text)]
            noted = False
        self._show(Content.assemble(*parts), layout=self.shown is None or noted != self.noted)
        self.noted = noted

    def _show(self, content: Content, *, layout: bool) -> None:
        shown = (content.plain, list(content.spans))  # Content's == compares the text only
        if shown != self.shown:
            self.shown = shown
            self.update(content, layout=layout)

    def on_click(self, event: Click) -> None:
        event.stop()
        self.post_message(ChoiceList.RowClicked(self.index))


class ChoiceList(Vertical, can_focus=True):
    """The choices of one question. `picked` holds the indexes of the picked choices."""

    DEFAULT_CSS = """
    ChoiceList { height: auto; padding: 0 0 1 0; }
    """
    BINDINGS = CHOICES

    cursor: reactive[int] = reactive(0, init=False)

    @dataclass
    class Changed(Message):
        """The picked choices changed (indexes, in shown order)."""

        choice_list: ChoiceList
        picked: tuple[int, ...]

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

    @dataclass
    class RowClicked(Message):
        index: int

    def __init__(self, choices: Sequence[str], *, multi: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.choices = tuple(choices)
        self.multi = multi
        self.picked: set[int] = set()
        self.locked = False
        self._rows = [ChoiceRow(index, text, multi) for index, text in enumerate(self.choices)]

    def compose(self) -> ComposeResult:
        yield from self._rows

    def on_mount(self) -> None:
        self._paint_cursor()

    @property
    def rows(self) -> list[ChoiceRow]:
        return list(self._rows)

    def choose(self, number: int) -> bool:
        """Pick (or, in multi, toggle) choice `number` (1-based); False if there is no such choice."""
        index = number - 1
        if self.locked or not 0 <= index < len(self.choices):
            return False
        if self.multi:
            self.picked ^= {index}
        else:
            self.picked = {index}
        self.cursor = index
        for row in self.rows:
            row.picked = row.index in self.picked
            row.paint()
        self.post_message(self.Changed(self, tuple(sorted(self.picked))))
        return True

    def answer_line(self) -> str:
        """The picks as plain mode takes them: `2`, or `1,3` in a multi question."""
        return ",".join(str(i + 1) for i in sorted(self.picked))

    def picked_texts(self) -> tuple[str, ...]:
        return tuple(self.choices[i] for i in sorted(self.picked))

    def show_feedback(self, feedback: Sequence[ChoiceFeedback]) -> None:
        """Mark each shown choice right or wrong, with the author's note (the engine's per-choice feedback).

        Colours go in the rows' content rather than CSS classes, and the cursor highlight is cleared
        with a style on its row rather than by removing the class: a class change costs a stylesheet
        pass, between the key press and the feedback being painted.
        """
        self.locked = True
        by_text = {f.text: f for f in feedback}
        for row in self.rows:
            row.verdict = by_text.get(row.text)
            if row.index == self.cursor and row.has_class("-cursor"):
                row.styles.background = "transparent"  # no cursor on a locked list
            row.paint()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Once answered the keys fall through to the screen (a keymap may give them to "next")."""
        return not self.locked

    def action_cursor(self, delta: int) -> None:
        if self.choices and not self.locked:
            self.cursor = (self.cursor + delta) % len(self.choices)

    def action_pick(self) -> None:
        self.choose(self.cursor + 1)

    def watch_cursor(self) -> None:
        self._paint_cursor()

    def _paint_cursor(self) -> None:
        for row in self.rows:
            row.set_class(row.index == self.cursor and not self.locked, "-cursor")
            row.set_class(row.index in self.picked, "-picked")
            if row.index == self.cursor:
                row.scroll_visible()

    @on(RowClicked)
    def _clicked(self, message: RowClicked) -> None:
        message.stop()
        self.focus()
        self.choose(message.index + 1)
