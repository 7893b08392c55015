"""Items to put in order: up/down highlight an item, shift+up/down (or u/j) move it.

Keys 1-9 (from the question screen) highlight the item at that place.
`order` is the learner's current order of the item texts. After the answer,
`show_feedback` shows each place as right or wrong with what belongs there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from tui.bindings import ORDER
from tui.quiz.model import PartFeedback


class OrderRow(Static):
    DEFAULT_CSS = """
    OrderRow { padding: 0 1; height: auto; }
    OrderRow.-cursor { background: $boost; text-style: bold; }
    OrderList:focus OrderRow.-cursor { background: $block-cursor-blurred-background; }
    """


class OrderList(Vertical, can_focus=True):
    DEFAULT_CSS = """
    OrderList { height: auto; padding: 0 0 1 0; }
    """
    BINDINGS = ORDER

    cursor: reactive[int] = reactive(0, init=False)

    @dataclass
    class Moved(Message):
        """An item moved; `order` is the new order of the texts."""

        order_list: OrderList
        order: tuple[str, ...]

        @property
        def control(self) -> OrderList:
            return self.order_list

    def __init__(self, items: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown = tuple(items)
        self.positions: list[int] = list(range(len(self.shown)))  # indexes into `shown`, in the learner's order
        self.locked = False
        self.parts: tuple[PartFeedback, ...] = ()

    @property
    def order(self) -> tuple[str, ...]:
        """The item texts in the learner's current order."""
        return tuple(self.shown[i] for i in self.positions)

    def answer_line(self) -> str:
        """The order as plain mode takes it: the shown numbers of the items, in the learner's order."""
        return " ".join(str(i + 1) for i in self.positions)

    def compose(self) -> ComposeResult:
        for _ in self.shown:
            yield OrderRow()

    def on_mount(self) -> None:
        self.call_after_refresh(self.paint)  # the rows mount after this widget's Mount event

    def paint(self) -> None:
        rows = list(self.query_children(OrderRow))
        for place, (row, text) in enumerate(zip(rows, self.order, strict=True)):
            row.set_class(place == self.cursor and not self.locked, "-cursor")
            if self.parts:
                part = self.parts[place]
                expected = [p.expected for p in self.parts]
                style = "$text-success" if part.right else "$text-error"
                mark = ("✓ ", f"bold {style}") if part.right else ("✗ ", f"bold {style}")
                tail: tuple[str, str] = ("", "")
                if not part.right and part.given in expected:
                    tail = (f"  → goes {expected.index(part.given) + 1}.", "bold")
                row.update(Content.assemble((f"{place + 1}. ", "bold"), mark, (part.given or "—", style), tail))
            else:
                handle = "⇅ " if place == self.cursor and not self.locked else "  "
                row.update(Content.assemble((f"{place + 1}. ", "bold"), handle, Content(text)))

    def choose(self, number: int) -> bool:
        """Highlight the item at place `number` (1-based)."""
        if self.locked or not 1 <= number <= len(self.shown):
            return False
        self.cursor = number - 1
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Once answered the keys fall through to the screen (a keymap may give them to "next")."""
        return not self.locked

    def action_cursor(self, delta: int) -> None:
        if self.shown and not self.locked:
            self.cursor = (self.cursor + delta) % len(self.shown)

    def action_move(self, delta: int) -> None:
        """Move the highlighted item up (-1) or down (+1); the highlight follows it."""
        target = self.cursor + delta
        if self.locked or not 0 <= target < len(self.order):
            return
        p = self.positions
        p[self.cursor], p[target] = p[target], p[self.cursor]
        self.cursor = target
        self.paint()
        self.post_message(self.Moved(self, self.order))

    def watch_cursor(self) -> None:
        self.paint()

    def show_feedback(self, parts: Sequence[PartFeedback]) -> None:
        self.locked = True
        self.parts = tuple(parts)
        self.paint()
