"""Terminal charts drawn with block characters: horizontal bars and a column chart.

They draw numbers they are given; the figures come from the engine and store.
Labels (tags, bank titles) come from content files and are never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.content import Content
from textual.widgets import Static

EIGHTHS = " ▏▎▍▌▋▊▉█"
LEVELS = " ▁▂▃▄▅▆▇█"


def bar(share: float, width: int) -> str:
    """A bar `width` cells wide filled to `share` (0..1), in eighths of a cell."""
    share = min(1.0, max(0.0, share))
    eighths = round(share * width * 8)
    full, part = divmod(eighths, 8)
    text = "█" * full + (EIGHTHS[part] if part else "")
    return text.ljust(width)


@dataclass(frozen=True)
class BarRow:
    label: str
    share: float  # 0..1, the bar's length
    value: str  # the figure printed after the bar
    marker: float | None = None  # 0..1, a tick drawn on the bar (e.g. the accuracy a certainty level claims)


class BarChart(Static):
    """One labelled horizontal bar per row."""

    DEFAULT_CSS = """
    BarChart { height: auto; }
    """

    def __init__(self, rows: Sequence[BarRow] = (), *, width: int = 20, label_width: int = 16,
                 empty: str = "nothing yet", id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows = tuple(rows)
        self.bar_width = width
        self.label_width = label_width
        self.empty = empty

    def on_mount(self) -> None:
        self.set_rows(self.rows)

    def set_rows(self, rows: Sequence[BarRow]) -> None:
        self.rows = tuple(rows)
        self.update(self.render_rows())

    def render_rows(self) -> Content:
        if not self.rows:
            return Content.assemble((self.empty, "dim"))
        lines = []
        w = self.label_width
        for row in self.rows:
            label = row.label if len(row.label) <= w else row.label[: w - 1] + "…"
            drawn = bar(row.share, self.bar_width)
            style = "$text-success" if row.share >= 0.8 else ("$text-warning" if row.share >= 0.5 else "$text-error")
            if row.marker is not None:
                at = min(self.bar_width - 1, max(0, round(row.marker * self.bar_width) - 1))
                before, after = drawn[:at], drawn[at + 1:]
                bar_part = Content.assemble((before, style), ("│", "bold $text"), (after, style))
            else:
                bar_part = Content.assemble((drawn, style))
            track = Content.assemble(("▕", "dim"), bar_part, ("▏", "dim"))
            lines.append(Content.assemble(Content(label.ljust(w)), " ", track, " ", row.value))
        return Content("\n").join(lines)


class ColumnChart(Static):
    """Vertical columns, one per value, with a label under each (e.g. reviews due per day)."""

    DEFAULT_CSS = """
    ColumnChart { height: auto; }
    """

    def __init__(self, values: Sequence[int] = (), labels: Sequence[str] = (), *, height: int = 4,
                 column: int = 3, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.values = tuple(values)
        self.labels = tuple(labels)
        self.chart_height = height
        self.column = column

    def on_mount(self) -> None:
        self.set_values(self.values, self.labels)

    def set_values(self, values: Sequence[int], labels: Sequence[str]) -> None:
        self.values, self.labels = tuple(values), tuple(labels)
        self.update(self.render_chart())

    def render_chart(self) -> Content:
        top = max(self.values, default=0)
        cells = self.chart_height * 8
        heights = [round(v / top * cells) if top else 0 for v in self.values]
        heights = [max(h, 1) if v else 0 for h, v in zip(heights, self.values, strict=True)]
        lines: list[Content] = []
        width = self.column
        counts = "".join((str(v) if v else "·").center(width) for v in self.values)
        lines.append(Content.assemble((counts, "dim")))
        for row in range(self.chart_height, 0, -1):
            floor = (row - 1) * 8
            cells_row = []
            for h in heights:
                fill = min(8, max(0, h - floor))
                cells_row.append((LEVELS[fill] * (width - 1)).ljust(width))
            lines.append(Content.assemble(("".join(cells_row), "$text-accent")))
        lines.append(Content("".join(label[:width].center(width) for label in self.labels)))
        return Content("\n").join(lines)
