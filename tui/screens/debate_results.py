"""The end of a drill (its summary) and of a round (the adjudication, the flow sheet, the transcript)."""

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
    from tui.screens.debate_home import DebateHomeScreen


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
            rows = [
                BarRow(short(r.claim or r.item_id, 40), r.share, r.score_text) for r in s.results
            ]
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
