"""The stats screen: history per day, accuracy per tag, reviews due over the next 14 days, calibration.

Accuracy is the share of points (points earned / points possible), as in a
session's results and `sparring stats`; days are local calendar days.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, Sparkline, Static

from tui.bindings import STATS
from tui.quiz.scoring import format_number
from tui.store.stats import share_of_points
from tui.widgets.charts import BarChart, BarRow, ColumnChart
from tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from tui.app import SparringApp
    from tui.screens.backend import StatsView
    from tui.store.stats import TagFigures

LEVEL_NAMES = {1: "1 not sure", 2: "2 fairly sure", 3: "3 sure"}


def tag_rows(tags: dict[str, TagFigures]) -> list[BarRow]:
    """One bar per tag: the share of points, with the points behind it."""
    rows = [
        BarRow(
            tag, f.accuracy, f"{f.accuracy:4.0%}  {format_number(f.earned)}/{format_number(f.possible)} pts"
        )
        for tag, f in tags.items()
        if f.possible > 0
    ]
    return sorted(rows, key=lambda r: (r.share, r.label))


def calibration_rows(view: StatsView) -> list[BarRow]:
    rows = []
    for level in view.calibration.levels:
        name = LEVEL_NAMES.get(level.level, str(level.level))
        if level.accuracy is None:
            rows.append(BarRow(name, 0.0, f"—  (claims {level.expected:.0%})", marker=level.expected))
        else:
            rows.append(
                BarRow(
                    name,
                    level.accuracy,
                    f"{level.accuracy:4.0%} of {level.answers}  (claims {level.expected:.0%})",
                    marker=level.expected,
                )
            )
    return rows


def totals_line(view: StatsView) -> Content:
    t = view.totals
    return Content.assemble(
        ("Answers ", "bold"),
        f"{t.attempts}     ",
        ("Accuracy ", "bold"),
        f"{t.accuracy:.0%} of points     ",
        ("Sessions ", "bold"),
        f"{t.sessions}     ",
        ("Due now ", "bold"),
        (str(t.due), "$text-warning bold" if t.due else ""),
    )


class StatsScreen(Screen[None]):
    CSS_PATH = "stats.tcss"
    BINDINGS = STATS

    def compose(self) -> ComposeResult:
        yield Label(" Stats", id="title")
        with VerticalScroll(id="stats-body"):
            yield Static("Reading your history…", id="totals")
            with Horizontal(classes="row"):
                with Vertical(classes="column"):
                    yield Label("Answers per day, last 30 days", classes="heading")
                    yield Sparkline([], id="history")
                    yield Static("", id="history-note", classes="hint")
                    yield Label("Reviews due, next 14 days", classes="heading")
                    yield ColumnChart(id="forecast", column=3, height=4)
                with Vertical(classes="column"):
                    yield Label("Accuracy per tag (share of points)", classes="heading")
                    yield BarChart(width=12, label_width=16, id="tags", empty="no answers yet")
            yield Label("Calibration: how often you were right at each certainty", classes="heading")
            yield BarChart(width=24, label_width=14, id="calibration", empty="no certainty marked yet")
            yield Static("", id="brier", classes="hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.load()

    @work(exclusive=True)
    async def load(self) -> None:
        import asyncio

        app = cast("SparringApp", self.app)
        view = await asyncio.to_thread(app.backend.stats_view)
        self.show(view)

    def show(self, view: StatsView) -> None:
        self.query_one("#totals", Static).update(totals_line(view))
        attempts = [d.attempts for d in view.history]
        self.query_one("#history", Sparkline).data = attempts
        if view.history:
            first, last = view.history[0].day, view.history[-1].day
            total = sum(attempts)
            earned = sum(d.earned for d in view.history)
            possible = sum(d.possible for d in view.history)
            share = f", {share_of_points(earned, possible):.0%} of points" if possible else ""
            self.query_one("#history-note", Static).update(
                f"{first:%d %b} – {last:%d %b}: {total} answers{share}"
            )
        today = view.history[-1].day if view.history else None
        labels = [
            (today + timedelta(days=i)).strftime("%d") if today else str(i) for i in range(len(view.forecast))
        ]
        if labels:
            labels[0] = "now"
        self.query_one("#forecast", ColumnChart).set_values(view.forecast, labels)
        self.query_one("#tags", BarChart).set_rows(tag_rows(view.tags))
        self.query_one("#calibration", BarChart).set_rows(
            calibration_rows(view) if view.calibration.answers else []
        )
        brier = view.calibration.brier
        self.query_one("#brier", Static).update(
            ""
            if brier is None
            else f"Brier score {brier:.3f} (0 is perfect; always saying 50% scores 0.25). "
            f"Certainty marks {view.calibration.marks:+g} of {view.calibration.max_marks:g}."
        )

    def action_back(self) -> None:
        self.app.pop_screen()
