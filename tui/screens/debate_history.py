"""Debate history: progress over rounds and drills, as lines (sparklines, bars) and in words."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from tui.bindings import DEBATE_HISTORY
from tui.screens.debate_support import sparring
from tui.widgets.charts import BarChart, BarRow
from tui.widgets.debate_result import bullets
from tui.widgets.debate_trend import TrendLine

if TYPE_CHECKING:
    from tui.store.rounds import DebateHistory, RoundRecord

RECENT_ROUNDS = 8


def round_row(r: RoundRecord) -> BarRow:
    label = f"{r.started:%d %b} {r.motion_id}"
    if r.score is None or r.share is None:
        return BarRow(label, 0.0, f"unfinished · {r.format_id} · {r.side}")
    return BarRow(
        label, r.share, f"{r.score:g} ({r.scale_low:g}–{r.scale_high:g}) · {r.format_id} · {r.side}"
    )


def drill_rows(history: DebateHistory) -> list[BarRow]:
    rows = []
    for kind in sorted({d.drill for d in history.drill_runs}):
        runs = [d for d in history.drill_runs if d.drill == kind]
        earned, possible = sum(d.earned for d in runs), sum(d.possible for d in runs)
        share = earned / possible if possible else 0.0
        items = sum(d.items for d in runs)
        rows.append(BarRow(kind, share, f"{share:4.0%}  {len(runs)} run(s), {items} item(s)"))
    return rows


class DebateHistoryScreen(Screen[None]):
    CSS_PATH = "debate.tcss"
    BINDINGS = DEBATE_HISTORY

    def compose(self) -> ComposeResult:
        yield Label(" Debate history", classes="dtitle")
        with VerticalScroll(classes="dbody"):
            yield Static("Reading your history…", id="history-words")
            with Horizontal(classes="history-row"):
                with Vertical(classes="history-column"):
                    yield Label("Rounds: score as a share of its scale", classes="dheading")
                    yield TrendLine(empty="no finished rounds yet", id="round-line")
                    yield Static("", id="round-note", classes="hint")
                with Vertical(classes="history-column"):
                    yield Label("Drill runs: share of points", classes="dheading")
                    yield TrendLine(empty="no drill runs yet", id="drill-line")
                    yield Static("", id="drill-note", classes="hint")
            yield Label("Drills by kind", classes="dheading")
            yield BarChart(width=20, label_width=10, empty="no drills yet", id="drill-kinds")
            yield Label(f"Latest rounds (up to {RECENT_ROUNDS})", classes="dheading")
            yield BarChart(width=16, label_width=34, empty="no rounds yet", id="recent-rounds")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(exclusive=True)
    async def load(self) -> None:
        from tui.store.rounds import debate_history

        backend = sparring(self.app).backend
        if backend.store is None:
            self.query_one("#history-words", Static).update("The learner database is not open.")
            return
        history = await asyncio.to_thread(debate_history, backend.store, backend.settings.profile)
        self.show(history)

    def show(self, history: DebateHistory) -> None:
        self.query_one("#history-words", Static).update(bullets(history.lines()))
        rounds = [share for _, share in history.round_points()]
        self.query_one("#round-line", TrendLine).set_shares(rounds)
        self.query_one("#round-note", Static).update(
            Content(f"{len(rounds)} finished round(s), latest {rounds[-1]:.0%}" if rounds else "")
        )
        drills = [share for _, share in history.drill_points()]
        self.query_one("#drill-line", TrendLine).set_shares(drills)
        self.query_one("#drill-note", Static).update(
            Content(f"{len(drills)} run(s), latest {drills[-1]:.0%}" if drills else "")
        )
        self.query_one("#drill-kinds", BarChart).set_rows(drill_rows(history))
        recent = list(history.rounds)[-RECENT_ROUNDS:]
        self.query_one("#recent-rounds", BarChart).set_rows([round_row(r) for r in reversed(recent)])

    def action_back(self) -> None:
        self.app.pop_screen()
