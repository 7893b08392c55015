"""The results of a session: score, time, by tag and difficulty, calibration, missed questions, every answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Collapsible, Label, Static

from tui.bindings import RESULTS
from tui.quiz import AnswerResult, Figures, QuizSession, Results
from tui.quiz.marks import CERTAINTY_LABELS
from tui.quiz.scoring import format_number
from tui.widgets.charts import BarChart, BarRow
from tui.widgets.choice_list import ChoiceList
from tui.widgets.feedback import FeedbackPanel
from tui.widgets.key_bar import KeyBar
from tui.widgets.match_picker import MatchPicker
from tui.widgets.order_list import OrderList

if TYPE_CHECKING:
    from tui.app import SparringApp

DIFFICULTY_NAMES = {1: "1 easy", 2: "2 medium", 3: "3 hard"}


def duration(seconds: float) -> str:
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def figure_rows(figures: dict[str, Figures]) -> list[BarRow]:
    """One bar per group: its accuracy, the share of points (as the stats screen shows per tag)."""
    return [
        BarRow(
            label,
            f.percent / 100,
            f"{f.percent:3.0f}%  {format_number(f.earned)}/{format_number(f.possible)} pts",
        )
        for label, f in figures.items()
    ]


def summary(results: Results) -> Content:
    parts: list[str | Content | tuple[str, str]] = [
        ("Score ", "bold"),
        (f"{format_number(results.earned)}/{format_number(results.possible)}", "bold"),
        f" points  ({results.percent:.0f}%)     ",
        ("Right ", "bold"),
        f"{results.correct} of {len(results.answers) + len(results.expired)}     ",
        ("Time ", "bold"),
        duration(results.seconds),
    ]
    if results.blitz is not None:
        parts += ["     ", ("Blitz ", "bold"), f"{format_number(results.blitz)} points"]
    if results.expired:
        parts += [
            "\n",
            (
                f"The clock ran out on {len(results.expired)} question(s); they count as missed.",
                "$text-warning",
            ),
        ]
    if results.unanswered:
        parts += [
            "\n",
            (f"Left early: {len(results.unanswered)} question(s) not reached (not scored).", "dim"),
        ]
    return Content.assemble(*parts)


def calibration_rows(results: Results) -> list[BarRow]:
    cal = results.calibration
    if cal is None:
        return []
    rows = []
    for level in cal.levels:
        name = f"{level.level} {CERTAINTY_LABELS.get(level.level, '')}"
        if level.accuracy is None:
            rows.append(BarRow(name, 0.0, "no answers", marker=level.expected))
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


def review_widget(result: AnswerResult) -> Widget | None:
    """The answer as it was given, marked (not focusable: it is a record, not a control)."""
    item = result.item
    widget: Widget | None = None
    if result.choices:
        widget = ChoiceList(item.choices, multi=item.type == "multi")
        widget.picked = {
            i for i, c in enumerate(item.choices) if any(f.text == c and f.chosen for f in result.choices)
        }
    elif item.type == "order":
        widget = OrderList(item.items)
    elif item.type == "match":
        widget = MatchPicker(item.lefts, item.rights)
    if widget is not None:
        widget.can_focus = False
    return widget


class AnswerReview(Collapsible):
    """One answered question: collapsed to its verdict and prompt, open to the full feedback."""

    DEFAULT_CSS = """
    AnswerReview { padding: 0; border-top: none; }
    AnswerReview > Contents { padding: 0 0 0 2; }
    """

    def __init__(self, number: int, result: AnswerResult) -> None:
        mark = {"right": ("✓", "$text-success"), "partly right": ("≈", "$text-warning")}.get(
            result.verdict, ("✗", "$text-error")
        )
        prompt = result.item.prompt if len(result.item.prompt) <= 70 else result.item.prompt[:69] + "…"
        title = Content.assemble((mark[0], f"bold {mark[1]}"), f" {number}. ", Content(prompt))
        super().__init__(title=title, collapsed=True)  # type: ignore[arg-type]
        self.result = result

    def on_mount(self) -> None:
        contents = self.query_one(Collapsible.Contents)
        contents.mount(Static(Content(self.result.item.prompt), classes="review-prompt"))
        widget = review_widget(self.result)
        if widget is not None:
            contents.mount(widget)
            if isinstance(widget, ChoiceList):
                widget.call_after_refresh(widget.show_feedback, self.result.choices)
            elif isinstance(widget, OrderList | MatchPicker):
                widget.call_after_refresh(widget.show_feedback, self.result.parts)
        contents.mount(FeedbackPanel(self.result))


class ResultsScreen(Screen[None]):
    CSS_PATH = "results.tcss"
    BINDINGS = RESULTS

    def __init__(self, session: QuizSession, results: Results) -> None:
        super().__init__()
        self.session = session
        self.results = results

    def compose(self) -> ComposeResult:
        r = self.results
        yield Label(f" Results · {r.mode.capitalize()}", id="title")
        with VerticalScroll(id="results-body"):
            yield Static(summary(r), id="summary")
            with Horizontal(id="figures"):
                with Vertical(classes="column"):
                    yield Label("By tag · share of points", classes="heading")
                    yield BarChart(figure_rows(dict(r.by_tag)), width=12, label_width=16, id="by-tag")
                with Vertical(classes="column"):
                    yield Label("By difficulty · share of points", classes="heading")
                    yield BarChart(
                        figure_rows({DIFFICULTY_NAMES.get(d, str(d)): f for d, f in r.by_difficulty.items()}),
                        width=12,
                        label_width=10,
                        id="by-difficulty",
                    )
            if r.calibration is not None and not r.calibration.answers:
                yield Label(
                    "Calibration: no answer carried a certainty (skips and time-outs do not)",
                    classes="heading",
                )
            elif r.calibration is not None:
                cal = r.calibration
                brier = "—" if cal.brier is None else f"{cal.brier:.3f}"
                yield Label(
                    f"Calibration · certainty marks {format_number(cal.marks)}/"
                    f"{format_number(cal.max_marks)} · Brier {brier}",
                    classes="heading",
                )
                yield BarChart(calibration_rows(r), width=24, label_width=14, id="calibration")
            missed = r.missed
            yield Label(f"Missed ({len(missed)})" if missed else "Missed: none", classes="heading")
            if missed:
                yield Static(
                    Content("\n").join(
                        Content.assemble(("• ", "$text-error"), Content(q.prompt)) for q in missed
                    ),
                    id="missed",
                )
            yield Label("Every answer (Enter opens one)", classes="heading")
            with Vertical(id="answers"):
                for number, result in enumerate(r.answers, 1):
                    yield AnswerReview(number, result)
        with Horizontal(id="actions"):
            yield Button(
                "Retry missed (r)", id="retry", variant="primary", compact=True, disabled=not r.missed
            )
            yield Button("Stats (t)", id="stats", compact=True)
            yield Button("Home (Esc)", id="home", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#retry" if self.results.missed else "#home", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return bool(self.results.missed)
        return True

    def action_retry(self) -> None:
        from tui.screens.question import QuestionScreen

        retry = self.session.retry_missed()
        if retry is None or retry.total == 0:
            self.notify("Nothing missed to retry.")
            return
        self.app.switch_screen(QuestionScreen(retry))

    def action_stats(self) -> None:
        app: SparringApp = self.app  # type: ignore[assignment]
        app.action_stats()

    def action_home(self) -> None:
        self.app.pop_screen()

    @on(Button.Pressed, "#retry")
    def _retry(self) -> None:
        self.action_retry()

    @on(Button.Pressed, "#stats")
    def _stats(self) -> None:
        self.action_stats()

    @on(Button.Pressed, "#home")
    def _home(self) -> None:
        self.action_home()
