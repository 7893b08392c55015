"""A trend of shares (0..1) on a fixed scale: one column per round or drill run, oldest on the left.

Unlike a sparkline scaled to its own maximum, 50% always reaches half way,
so two runs at 40% and 50% do not look like a leap to the top.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

LEVELS = " ▁▂▃▄▅▆▇█"


def trend_content(
    shares: Sequence[float], *, height: int = 3, width: int = 40, empty: str = "nothing yet"
) -> Content:
    values = [min(1.0, max(0.0, s)) for s in shares][-width:]
    if not values:
        return Content.assemble((empty, "dim"))
    lines: list[Content] = []
    for row in range(height, 0, -1):
        floor = (row - 1) * 8
        axis = {height: "100% ", 1: "  0% "}.get(row, "     ")
        cells = []
        for v in values:
            fill = min(8, max(0, round(v * height * 8) - floor))
            style = "$text-success" if v >= 0.8 else "$text-warning" if v >= 0.5 else "$text-error"
            cells.append((LEVELS[fill] if fill else ("▁" if row == 1 else " "), style if fill else "dim"))
        lines.append(Content.assemble((axis, "dim"), *cells))
    return Content("\n").join(lines)


class TrendLine(Static):
    DEFAULT_CSS = """
    TrendLine { height: auto; }
    """

    def __init__(self, *, height: int = 3, empty: str = "nothing yet", id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = height
        self.empty = empty

    def set_shares(self, shares: Sequence[float]) -> None:
        width = max(8, (self.size.width or 45) - 5)
        self.update(trend_content(shares, height=self.rows, width=width, empty=self.empty))
