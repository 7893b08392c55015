"""The flow sheet on its own screen: open during a round (F2) and after it; Esc goes back."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Label

from tui.bindings import FLOW
from tui.debate import FlowSheet
from tui.widgets.debate_flow import FlowTable


class FlowScreen(Screen[None]):
    CSS_PATH = "debate.tcss"
    BINDINGS = FLOW
    AUTO_FOCUS = "#flow-table"

    def __init__(self, sheet: FlowSheet, *, title: str = "Flow sheet") -> None:
        super().__init__()
        self.sheet = sheet
        self.title_text = title

    def compose(self) -> ComposeResult:
        yield Label(f" {self.title_text}", classes="dtitle")
        yield FlowTable(self.sheet, id="flow")
        yield Footer()

    def action_close(self) -> None:
        self.app.pop_screen()
