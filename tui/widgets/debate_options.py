"""Numbered options for the pick and case drills: keys 1-9 (sent by the screen) choose or toggle.

After the answer, `mark()` shows which were chosen and which were right.
Option texts come from content files and are never markup. A click on a
row posts `NumberedOptions.Chosen`, the same as its number key.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Click
from textual.message import Message
from textual.widgets import Static


class OptionRow(Horizontal):
    """One option: its number and marks in a column, the text wrapping beside them (a hanging indent)."""

    DEFAULT_CSS = """
    OptionRow { height: auto; padding: 0 1; }
    OptionRow > .option-mark { width: 7; height: auto; }
    OptionRow > .option-text { width: 1fr; height: auto; }
    OptionRow.-picked { background: $boost; color: $text-accent; text-style: bold; }
    OptionRow.-right { color: $text-success; }
    OptionRow.-wrong { color: $text-error; }
    """

    def __init__(self, index: int, text: str) -> None:
        super().__init__()
        self.index = index
        self.text = " ".join(text.split())
        self.picked = False
        self.verdict: str | None = None  # "right" | "wrong" | None

    def compose(self) -> ComposeResult:
        yield Static("", classes="option-mark")
        yield Static(Content(self.text), classes="option-text")

    def on_mount(self) -> None:
        self.paint()

    def paint(self) -> None:
        box = "■" if self.picked else "□"
        mark = {"right": ("✓ ", "bold $text-success"), "wrong": ("✗ ", "bold $text-error")}.get(
            self.verdict or "", ("  ", "")
        )
        self.set_class(self.picked, "-picked")
        self.set_class(self.verdict == "right", "-right")
        self.set_class(self.verdict == "wrong", "-wrong")
        self.query_one(".option-mark", Static).update(
            Content.assemble((f"{self.index + 1} ", "bold"), mark, (f"{box} ", "dim"))
        )

    def on_click(self, event: Click) -> None:
        event.stop()
        self.post_message(NumberedOptions.Chosen(self.index))


class NumberedOptions(Vertical):
    """The options, numbered from 1; `multi` lets several be picked (toggle)."""

    DEFAULT_CSS = """
    NumberedOptions { height: auto; }
    """

    class Chosen(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, options: Sequence[str], *, multi: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.options = tuple(options)
        self.multi = multi
        self.picked: list[int] = []
        self.locked = False

    def compose(self) -> ComposeResult:
        for i, text in enumerate(self.options):
            yield OptionRow(i, text)

    def rows(self) -> list[OptionRow]:
        return list(self.query(OptionRow))

    def choose(self, number: int) -> bool:
        """Pick (multi: toggle) option `number` (from 1); False when there is no such option or it is locked."""
        index = number - 1
        if self.locked or not 0 <= index < len(self.options):
            return False
        if self.multi:
            if index in self.picked:
                self.picked.remove(index)
            else:
                self.picked.append(index)
        else:
            self.picked = [index]
        for row in self.rows():
            row.picked = row.index in self.picked
            row.paint()
        return True

    def mark(self, chosen: Iterable[int], right: Iterable[int]) -> None:
        """After the answer: lock, and mark the right options and the wrong choices."""
        self.locked = True
        chosen, right = set(chosen), set(right)
        for row in self.rows():
            row.picked = row.index in chosen
            row.verdict = "right" if row.index in right else ("wrong" if row.index in chosen else None)
            row.paint()
