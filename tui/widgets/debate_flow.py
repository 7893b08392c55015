"""The flow sheet: each argument of the round a row, each speech a column, each cell made / answered / dropped.

Drawn from the engine's `FlowSheet`; the highlighted row's full claim and
what happened to it are spelled out under the table.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Static

from tui.debate.flow import CELL_MARKS, FlowRow, FlowSheet

CELL_STYLES = {
    "made": "bold green",
    "defended": "bold green",
    "extended": "green",
    "answered": "bold cyan",
    "dropped": "bold red",
    "": "dim",
}
STATUS_STYLES = {"answered": "cyan", "dropped": "bold red", "unanswered": "yellow"}
CELL_WORDS = {
    "made": "made",
    "defended": "defended",
    "extended": "extended (carried on unanswered)",
    "answered": "answered",
    "dropped": "dropped (passed by unanswered)",
}
CLAIM_WIDTH = 44
LEGEND = "● made  ◆ defended  » extended  ✕ answered  ○ dropped (passed by unanswered)  · nothing"


def abbreviate(name: str) -> str:
    letters = "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isalpha())
    return letters.upper()[:3] or name[:3]


def claim_cell(row: FlowRow, width: int = CLAIM_WIDTH) -> Text:
    claim = " ".join(row.argument.claim.split())
    if len(claim) > width:
        claim = claim[: width - 1] + "…"
    return Text(claim, style="bold" if row.by == "learner" else "")


def row_detail(row: FlowRow, columns: tuple[str, ...]) -> Content:
    """The full story of one row, in words."""
    who = "your argument" if row.by == "learner" else "the opponent's argument"
    events = [f"{CELL_WORDS[c]} in {name}" for c, name in zip(row.cells, columns, strict=True) if c]
    return Content.assemble(
        (row.argument.claim, "bold"),
        ("\n", ""),
        (f"{who}, strength {row.argument.strength}: ", "dim"),
        "; ".join(events) or "not yet on the flow",
        (f"  → {row.status}", "bold"),
    )


class FlowTable(Vertical):
    """The table plus the highlighted row in words and the legend."""

    DEFAULT_CSS = """
    FlowTable { height: 1fr; }
    FlowTable > DataTable { height: 1fr; }
    FlowTable > #flow-detail { height: auto; min-height: 2; margin: 1 0 0 0; }
    FlowTable > #flow-legend { height: auto; color: $text-muted; }
    """

    def __init__(self, sheet: FlowSheet, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.sheet = sheet

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="row", zebra_stripes=True, id="flow-table")
        yield Static("", id="flow-detail")
        yield Static("", id="flow-legend")

    def on_mount(self) -> None:
        self.show(self.sheet)

    def show(self, sheet: FlowSheet) -> None:
        self.sheet = sheet
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_column("Argument", key="claim")
        table.add_column("By", key="by")
        for i, name in enumerate(sheet.columns):
            table.add_column(abbreviate(name), key=f"s{i}")
        table.add_column("Status", key="status")
        for row in sheet.rows:
            cells = [Text(CELL_MARKS[c], style=CELL_STYLES[c], justify="center") for c in row.cells]
            table.add_row(
                claim_cell(row),
                Text("you" if row.by == "learner" else "them"),
                *cells,
                Text(row.status, style=STATUS_STYLES[row.status]),
                key=row.argument.id,
            )
        names = ", ".join(f"{abbreviate(n)} {n}" for n in sheet.columns)
        self.query_one("#flow-legend", Static).update(Content(f"{LEGEND}\n{names}"))
        self._detail(0)

    def _detail(self, index: int) -> None:
        rows = self.sheet.rows
        detail = self.query_one("#flow-detail", Static)
        if not rows:
            detail.update(Content("Nothing on the flow yet: arguments appear here once a speech makes them."))
        else:
            detail.update(row_detail(rows[min(index, len(rows) - 1)], self.sheet.columns))

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._detail(event.cursor_row)
