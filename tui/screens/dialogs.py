"""Small modal screens: a yes/no confirmation, the confidence prompt, a notice."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from tui.bindings import CONFIDENCE, CONFIRM, NOTICE

DIALOG_CSS = """
{name} {{ align: center middle; background: $background 60%; }}
{name} > Vertical {{
    width: 64; height: auto; max-width: 90%;
    border: thick $primary; background: $surface; padding: 1 2;
}}
{name} .title {{ text-style: bold; width: 1fr; margin: 0 0 1 0; }}
{name} .body {{ width: 1fr; height: auto; }}
{name} Horizontal {{ height: auto; margin: 1 0 0 0; align-horizontal: center; }}
{name} Button {{ margin: 0 1; }}
"""


class ConfirmScreen(ModalScreen[bool]):
    """Ask a yes/no question; dismisses with True for yes."""

    DEFAULT_CSS = DIALOG_CSS.format(name="ConfirmScreen")
    BINDINGS = CONFIRM
    AUTO_FOCUS = "#no"  # an Escape pressed by mistake and then Enter must not leave

    def __init__(self, title: str, body: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.title_text, self.body, self.yes, self.no = title, body, yes, no

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content(self.title_text), classes="title")
            yield Static(Content(self.body), classes="body")
            with Horizontal():
                yield Button(Content(f"{self.yes} (y)"), id="yes", variant="primary", compact=True)
                yield Button(Content(f"{self.no} (n)"), id="no", compact=True)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class ConfidenceScreen(ModalScreen[int | None]):
    """How sure are you? 1-3 (certainty-based marking). Escape goes back to the question."""

    DEFAULT_CSS = DIALOG_CSS.format(name="ConfidenceScreen")
    BINDINGS = CONFIDENCE
    AUTO_FOCUS = None  # a second Enter right after submitting must not pick a level by accident
    LEVELS = (
        (1, "Not sure", "+1 if right, 0 if wrong"),
        (2, "Fairly sure", "+2 if right, -2 if wrong"),
        (3, "Sure", "+3 if right, -6 if wrong"),
    )

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("How sure are you?", classes="title")
            for level, name, marks in self.LEVELS:
                yield Static(
                    Content.assemble((f"{level}  ", "bold"), (name.ljust(13), "bold"), (marks, "dim")),
                    classes="body",
                )
            with Horizontal():
                for level, name, _ in self.LEVELS:
                    yield Button(f"{level} {name}", id=f"sure-{level}", compact=True)

    def action_sure(self, level: int) -> None:
        self.dismiss(level)

    def action_back(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(int((event.button.id or "sure-2").rsplit("-", 1)[1]))


class NoticeScreen(ModalScreen[None]):
    """A message with a Close button."""

    DEFAULT_CSS = DIALOG_CSS.format(name="NoticeScreen")
    BINDINGS = NOTICE

    def __init__(self, title: str, body: str) -> None:
        super().__init__()
        self.title_text, self.body = title, body

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content(self.title_text), classes="title")
            yield Static(Content(self.body), classes="body")
            with Horizontal():
                yield Button("Close", id="close", variant="primary", compact=True)

    def action_close(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)
