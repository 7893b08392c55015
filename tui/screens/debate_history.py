"""Debate history: progress over rounds and drills, as lines (sparklines, bars) and in words.

Every round is listed, newest first; Enter on one reopens it (`PastRoundScreen`): its
adjudication, flow sheet and transcript, and for an unfinished round the draft that was
being typed when it stopped.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.bindings import DEBATE_HISTORY
from tui.screens.debate_support import sparring
from tui.widgets.charts import BarChart, BarRow, bar
from tui.widgets.debate_result import bullets
from tui.widgets.debate_trend import TrendLine

if TYPE_CHECKING:
    from tui.store.rounds import DebateHistory, RoundRecord


def round_option(r: RoundRecord, drafted: bool = False) -> Content:
    """One line of the round list: when, the score as a bar (or how far it got), motion, format, side."""
    when = f"{r.started.astimezone():%d %b %H:%M}"  # stored in UTC, shown in local time
    if r.score is None or r.share is None:
        given = sum(1 for s in r.detail.get("speeches") or () if s.get("actor") == "learner")
        state = Content.assemble(
            ("unfinished".ljust(10), "$text-warning"), (f" {given} speech(es)".ljust(19), "dim")
        )
    else:
        state = Content.assemble(
            (bar(r.share, 10), "$text-success"), f" {r.score:g} ({r.scale_low:g}–{r.scale_high:g})".ljust(19)
        )
    return Content.assemble(
        (when, "dim"),
        "  ",
        state,
        " ",
        Content(f"{r.motion_id} · {r.format_id} · {r.side}"),
        (" · draft" if drafted else "", "bold $text-accent"),
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
            yield Label("Rounds, newest first (Enter reopens one)", classes="dheading")
            yield Static("no rounds yet", id="no-rounds", classes="hint")
            yield OptionList(id="round-list", compact=True)
        yield Footer()

    def __init__(self) -> None:
        super().__init__()
        self.history: DebateHistory | None = None
        self.listed: list[RoundRecord] = []

    def on_mount(self) -> None:
        self.query_one("#round-list").display = False
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
        self.history = history
        self.listed = list(reversed(history.rounds))
        options = self.query_one("#round-list", OptionList)
        options.clear_options()
        options.add_options([Option(round_option(r, r.id in history.drafted)) for r in self.listed])
        options.display = bool(self.listed)
        self.query_one("#no-rounds").display = not self.listed
        if self.listed:
            options.highlighted = 0
            options.focus()

    def open_round(self, record: RoundRecord) -> None:
        """Reopen a saved round: its adjudication, flow sheet, transcript and drafts."""
        from tui.debate.records import past_round
        from tui.screens.debate_results import PastRoundScreen

        backend = sparring(self.app).backend
        if backend.store is None:
            return
        library = backend.library
        motion = library.motions.get(record.motion_id) if library is not None else None
        fmt = library.formats.get(record.format_id) if library is not None else None
        try:
            past = past_round(backend.store, backend.settings.profile, record, motion=motion, fmt=fmt)
        except Exception as exc:  # a damaged record: say so, keep the history open
            self.notify(f"Could not read this round: {exc}", severity="error", markup=False)
            return
        self.app.push_screen(PastRoundScreen(past))

    @on(OptionList.OptionSelected, "#round-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if 0 <= event.option_index < len(self.listed):
            self.open_round(self.listed[event.option_index])

    def action_back(self) -> None:
        self.app.pop_screen()
