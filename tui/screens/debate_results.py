"""The end of a drill (its summary) and of a round (the adjudication, the flow sheet, the transcript),
and a past round reopened from the history (`PastRoundScreen`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Collapsible, Footer, Label, Static

from tui.bindings import DEBATE_RESULTS
from tui.debate import Adjudication, DebateConfig, Drill, Round
from tui.widgets.charts import BarChart, BarRow
from tui.widgets.debate_adjudication import AdjudicationPanel
from tui.widgets.debate_result import DrillResultPanel, bullets
from tui.widgets.debate_speech import speech_body, speech_title

if TYPE_CHECKING:
    from tui.debate.records import PastRound
    from tui.screens.debate_home import DebateHomeScreen
    from tui.store.rounds import Draft


def _home(screen: Screen[Any]) -> DebateHomeScreen | None:
    from tui.screens.debate_home import DebateHomeScreen

    return next((s for s in reversed(screen.app.screen_stack) if isinstance(s, DebateHomeScreen)), None)


def again(screen: Screen[Any], config: DebateConfig | None) -> None:
    """Leave this screen and start the same drill or round again (a new seed) from the debate home."""
    home = _home(screen)
    screen.app.pop_screen()
    if home is not None and config is not None:
        home.again(config)


def short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


class DrillSummaryScreen(Screen[None]):
    CSS_PATH = "debate.tcss"
    BINDINGS = DEBATE_RESULTS

    def __init__(self, drill: Drill[Any], config: DebateConfig | None = None) -> None:
        super().__init__()
        self.drill = drill
        self.summary = drill.summary()
        self.config = config

    def compose(self) -> ComposeResult:
        s = self.summary
        yield Label(f" {s.drill.capitalize()} drill · summary", classes="dtitle")
        with VerticalScroll(classes="dbody"):
            yield Static(
                Content.assemble(
                    ("Score ", "bold"),
                    s.score_text,
                    f"  ({s.share:.0%})     ",
                    ("Answered ", "bold"),
                    f"{s.answered} of {s.total}     ",
                    ("Seed ", "bold"),
                    str(s.seed),
                ),
                id="summary-score",
            )
            yield Static(bullets(s.why), id="summary-why")
            yield Label("Item by item", classes="dheading")
            rows = [BarRow(short(r.claim or r.item_id, 40), r.share, r.score_text) for r in s.results]
            yield BarChart(rows, width=16, label_width=40, empty="nothing answered", id="summary-items")
            yield Label("Every answer (Enter opens one)", classes="dheading")
            with Vertical(id="summary-answers"):
                for n, r in enumerate(s.results, 1):
                    title = Content.assemble(
                        f"{n}. ",
                        Content(short(r.claim or r.item_id, 70)),
                        (f"  {r.score_text}", "dim"),
                    )
                    with Collapsible(title=title, collapsed=True):  # type: ignore[arg-type]
                        if r.answer.strip() and r.drill in ("rebuttal", "weigh"):
                            yield Static(
                                Content.assemble(("You wrote: ", "bold"), Content(short(r.answer, 2000)))
                            )
                        yield DrillResultPanel(r)
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "flow":
            return False
        if action == "again":
            return self.config is not None
        return True

    def action_again(self) -> None:
        again(self, self.config)

    def action_back(self) -> None:
        self.app.pop_screen()


class AdjudicationScreen(Screen[None]):
    CSS_PATH = "debate.tcss"
    BINDINGS = DEBATE_RESULTS

    def __init__(self, rnd: Round, adjudication: Adjudication, config: DebateConfig | None = None) -> None:
        super().__init__()
        self.round = rnd
        self.adjudication = adjudication
        self.config = config

    def compose(self) -> ComposeResult:
        r = self.round
        yield Label(
            f" Adjudication · {r.format.name} · you were {r.format.side_name(r.side)}", classes="dtitle"
        )
        with VerticalScroll(classes="dbody"):
            yield Static(Content(r.motion.motion), classes="motion-line")
            yield AdjudicationPanel(self.adjudication, r.format.name)
            yield Label("The speeches (Enter opens one) · f: the flow sheet", classes="dheading")
            with Vertical(id="transcript"):
                for rec in r.records:
                    with Collapsible(title=speech_title(rec), collapsed=True):  # type: ignore[arg-type]
                        yield Static(speech_body(rec))
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "again":
            return self.config is not None
        return True

    def action_flow(self) -> None:
        from tui.screens.debate_flow import FlowScreen

        self.app.push_screen(FlowScreen(self.round.flow(), title="Flow sheet · final"))

    def action_again(self) -> None:
        again(self, self.config)

    def action_back(self) -> None:
        self.app.pop_screen()


DRAFT_SHOWN = 20_000
"""The most of one draft drawn on screen (the whole of it stays in the store)."""


def draft_content(draft: Draft) -> Content:
    text = draft.text
    shown = text if len(text) <= DRAFT_SHOWN else text[:DRAFT_SHOWN]
    parts: list[str | Content | tuple[str, str]] = [
        (f"{draft.label or 'Draft'}", "bold $text-warning"),
        (
            f"  not submitted · autosaved {draft.updated.astimezone():%d %b %H:%M} · {len(text.split())} words",
            "dim",
        ),
        "\n",
        Content(shown),
    ]
    if len(text) > DRAFT_SHOWN:
        parts.append((f"\n… {len(text) - DRAFT_SHOWN:,} more characters (kept, not shown)", "dim"))
    return Content.assemble(*parts)


class PastRoundScreen(Screen[None]):
    """A saved round reopened from the history: adjudication, flow sheet (f), transcript, drafts."""

    CSS_PATH = "debate.tcss"
    BINDINGS = DEBATE_RESULTS

    def __init__(self, past: PastRound) -> None:
        super().__init__()
        self.past = past

    def compose(self) -> ComposeResult:
        p = self.past
        r = p.record
        state = "adjudicated" if p.finished else "not finished"
        yield Label(
            f" Round of {r.started.astimezone():%d %b %Y %H:%M} · {p.format_name} · you were {p.side_name} · {state}",
            classes="dtitle",
        )
        with VerticalScroll(classes="dbody"):
            yield Static(Content(p.motion_text), classes="motion-line")
            if p.adjudication is not None:
                yield AdjudicationPanel(p.adjudication, p.format_name)
            else:
                given = sum(1 for s in p.speeches if s.actor == "learner")
                of = f" of {p.total_speeches}" if p.total_speeches else ""
                yield Static(
                    Content.assemble(
                        ("Not finished: ", "bold $text-warning"),
                        f"{len(p.speeches)}{of} speeches were given ({given} of them yours), so there is no "
                        "adjudication. The speeches are below, with anything typed but not submitted.",
                    ),
                    id="past-state",
                )
            if p.drafts:
                yield Label("Typed but not submitted (autosaved)", classes="dheading")
                with Vertical(id="drafts"):
                    for draft in p.drafts:
                        yield Static(draft_content(draft), classes="draft")
            yield Label("The speeches (Enter opens one) · f: the flow sheet", classes="dheading")
            with Vertical(id="transcript"):
                if not p.speeches:
                    yield Static("No speech was given.", classes="hint")
                for rec in p.speeches:
                    with Collapsible(title=speech_title(rec), collapsed=True):  # type: ignore[arg-type]
                        yield Static(speech_body(rec))
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "again"  # a past round is read, not replayed

    def action_flow(self) -> None:
        from tui.screens.debate_flow import FlowScreen

        when = f"{self.past.record.started.astimezone():%d %b %H:%M}"
        self.app.push_screen(FlowScreen(self.past.flow, title=f"Flow sheet · round of {when}"))

    def action_back(self) -> None:
        self.app.pop_screen()
