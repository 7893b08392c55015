"""The home screen: the banks (question counts, reviews due), the session choices, start.

It imports nothing of the engine at module level: the app loads the content in
a worker and calls `refresh_banks()` when it is ready.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import (
    Button,
    Checkbox,
    Footer,
    Header,
    Input,
    Label,
    RadioButton,
    RadioSet,
    SelectionList,
    Static,
)
from textual.widgets.selection_list import Selection

from tui.bindings import HOME

if TYPE_CHECKING:
    from tui.app import SparringApp
    from tui.screens.backend import BankRow

MODES = {
    "practice": "feedback after each answer",
    "exam": "no feedback until the end",
    "review": "spaced repetition: due first, then new",
    "blitz": "a timer on each question, points fall",
}
TITLE_WIDTH = 28


def bank_prompt(row: BankRow) -> Content:
    """One bank's line: its title (never markup), its size and the reviews due."""
    title = row.title if len(row.title) <= TITLE_WIDTH else row.title[: TITLE_WIDTH - 1] + "…"
    due = (f"{row.due:>3} due", "$text-warning bold") if row.due else ("", "")
    return Content.assemble(Content(title.ljust(TITLE_WIDTH)), (f" {row.questions:>3} question{'s' if row.questions != 1 else ' '}  ", "dim"), due)


class HomeScreen(Screen[None]):
    CSS_PATH = "home.tcss"
    BINDINGS = HOME
    AUTO_FOCUS = "#banks"

    @property
    def sparring(self) -> SparringApp:
        return cast("SparringApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="home"):
            with Vertical(id="bank-panel"):
                yield Label("Loading content…", id="loading")
                yield SelectionList[str](id="banks", compact=True)
                yield Label("", id="bank-hint")
                with Horizontal(id="more"):
                    yield Button("Review due", id="review", compact=True)
                    yield Button("Stats", id="stats", compact=True)
                    yield Button("Debate practice", id="debate", compact=True)
            with VerticalScroll(id="session-panel"):
                yield Label("Mode", classes="field")
                with RadioSet(id="mode", compact=True):
                    for value in MODES:
                        yield RadioButton(value.capitalize(), value=value == "practice", name=value, compact=True)
                yield Static(MODES["practice"], id="mode-help", classes="hint")
                yield Checkbox("Ask how sure I am (1-3)", id="confidence", compact=True)
                yield Label("Tags", classes="field")
                yield Input(placeholder="any tag (comma separated)", id="tags", compact=True)
                yield Label("Difficulty", classes="field")
                with Horizontal(id="difficulty"):
                    for level, name in ((1, "easy"), (2, "medium"), (3, "hard")):
                        yield Checkbox(f"{level} {name}", id=f"difficulty-{level}", compact=True)
                yield Label("Questions", classes="field")
                yield Input(placeholder="all", id="count", type="integer", compact=True)
                yield Button("Start", id="start", variant="primary", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#bank-panel").border_title = "Banks"
        self.query_one("#session-panel").border_title = "Session"
        self.sub_title = f"profile: {self.sparring.settings.profile}"
        self.query_one("#banks").display = False
        if self.sparring.loaded.is_set():
            self.refresh_banks()

    def on_screen_resume(self) -> None:
        if self.sparring.loaded.is_set():
            self.refresh_banks()

    # ---------------------------------------------------------------- banks

    def refresh_banks(self) -> None:
        """Show the banks with their counts and reviews due (after loading, and on coming back)."""
        backend = self.sparring.backend
        banks = self.query_one("#banks", SelectionList)
        loading = self.query_one("#loading", Label)
        if self.sparring.load_error:
            loading.update(Content(self.sparring.load_error))
            return
        chosen = set(banks.selected)
        rows = backend.bank_rows()
        highlighted = banks.highlighted
        banks.clear_options()
        banks.add_options([Selection(bank_prompt(r), r.id, r.id in chosen) for r in rows])
        if rows:
            banks.highlighted = min(highlighted or 0, len(rows) - 1)
        loading.display = False
        banks.display = True
        due = backend.due_total()
        questions = sum(r.questions for r in rows)
        self.query_one("#bank-hint", Label).update(
            f"{len(rows)} banks, {questions} questions · space ticks · none ticked: all")
        self.query_one("#review", Button).label = f"Review due ({due})" if due else "Review due"
        if self.focused is None:
            banks.focus()

    # ---------------------------------------------------------------- the session's settings

    def mode(self) -> str:
        pressed = self.query_one("#mode", RadioSet).pressed_button
        if pressed is None or not pressed.name:
            return "practice"
        return pressed.name

    def settings_values(self) -> dict[str, Any]:
        """The choices on the screen as `SessionConfig` fields (raises ValueError with a message)."""
        banks = tuple(self.query_one("#banks", SelectionList).selected)
        tags = tuple(t.strip() for t in self.query_one("#tags", Input).value.split(",") if t.strip())
        difficulty = tuple(d for d in (1, 2, 3) if self.query_one(f"#difficulty-{d}", Checkbox).value)
        count_text = self.query_one("#count", Input).value.strip()
        count = None
        if count_text:
            try:
                count = int(count_text)
            except ValueError:
                raise ValueError("Questions: give a whole number, or leave it empty for all") from None
            if count < 1:
                raise ValueError("Questions: give at least 1, or leave it empty for all")
        known = {t for r in self.sparring.backend.bank_rows() for t in r.tags}
        unknown = [t for t in tags if t not in known]
        if unknown:
            raise ValueError(f"Unknown tag: {', '.join(unknown)} (known: {', '.join(sorted(known))})")
        return {"banks": banks, "mode": self.mode(), "tags": tags, "difficulty": difficulty, "count": count,
                "confidence": self.query_one("#confidence", Checkbox).value}

    def action_start(self) -> None:
        from tui.screens.backend import config_from

        if not self.sparring.backend.ready:
            self.notify("Still loading the content…")
            return
        try:
            config = config_from(**self.settings_values())
        except ValueError as exc:
            self.notify(str(exc), title="Cannot start", severity="error", markup=False)
            return
        self.sparring.start_quiz(config)

    def action_review(self) -> None:
        self.sparring.action_review()

    def action_stats(self) -> None:
        self.sparring.action_stats()

    def action_debate(self) -> None:
        self.sparring.action_debate()

    @on(Button.Pressed, "#start")
    def _start(self) -> None:
        self.action_start()

    @on(Button.Pressed, "#review")
    def _review(self) -> None:
        self.action_review()

    @on(Button.Pressed, "#stats")
    def _stats(self) -> None:
        self.action_stats()

    @on(Button.Pressed, "#debate")
    def _debate(self) -> None:
        self.action_debate()

    @on(RadioSet.Changed, "#mode")
    def _mode_changed(self) -> None:
        self.query_one("#mode-help", Static).update(MODES.get(self.mode(), ""))

    @on(Input.Submitted, "#count, #tags")
    def _submitted(self) -> None:
        self.action_start()
