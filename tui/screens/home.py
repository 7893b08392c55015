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
    Header,
    Input,
    Label,
    RadioButton,
    RadioSet,
    SelectionList,
    Static,
)

from tui.bindings import HOME
from tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from tui.app import SparringApp
    from tui.screens.backend import BankRow

MODES = {
    "practice": "feedback after each answer",
    "exam": "no feedback until the end",
    "review": "spaced repetition: due first, then new",
    "blitz": "a timer on each question, points fall",
}
ROW_FIXED = 4 + 14  # the tick box, and " 123 questions"
DUE_WIDTH = 8  # "  12 due"


def bank_prompt(row: BankRow, width: int = 56, show_due: bool = True) -> Content:
    """One bank's line in `width` cells: its title (never markup, cut to fit), its size, the reviews due."""
    room = max(12, width - ROW_FIXED - (DUE_WIDTH if show_due else 0))
    title = row.title if len(row.title) <= room else row.title[: room - 1] + "…"
    size = f" {row.questions:>3} question{'s' if row.questions != 1 else ' '}"
    due = (f"{row.due:>5} due", "$text-warning bold") if row.due else ("", "")
    return Content.assemble(title.ljust(room), (size, "dim"), due)


class HomeScreen(Screen[None]):
    # Inline, not a .tcss file: the default screen's CSS_PATH is not loaded by Textual, and parsing
    # DEFAULT_CSS at registration is the cheapest path to the first frame.
    DEFAULT_CSS = """
    #home { height: 1fr; }
    #bank-panel { width: 3fr; border: round $primary; padding: 0 1; }
    #bank-panel:focus-within { border: round $accent; }
    #session-panel { width: 2fr; border: round $primary; padding: 0 1; }
    #session-panel:focus-within { border: round $accent; }
    #banks { height: 1fr; }
    #loading { color: $text-muted; padding: 1 0; }
    #bank-hint { color: $text-muted; height: auto; }
    #more { height: auto; margin: 1 0 0 0; }
    #more > Button { margin: 0 2 0 0; }
    .field { margin: 1 0 0 0; color: $text-muted; }
    #mode { width: 1fr; }
    #confidence { margin: 1 0 0 0; }
    #bank-hint { margin: 1 0 0 0; }
    #difficulty { height: auto; }
    #difficulty > Checkbox { margin: 0 1 0 0; }
    #start { margin: 1 0 0 0; width: 1fr; }
    #mode-help { margin: 0 0 0 4; }
    """
    BINDINGS = HOME
    AUTO_FOCUS = None

    @property
    def sparring(self) -> SparringApp:
        return cast("SparringApp", self.app)

    def compose(self) -> ComposeResult:
        # The first frame is kept light (start-up must cost about what a bare app does): the form,
        # the bank list and the footer are mounted by `build()` once the content has loaded.
        yield Header()
        with Horizontal(id="home"):
            with Vertical(id="bank-panel"):
                yield Label("Loading content…", id="loading")
            yield VerticalScroll(id="session-panel")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#bank-panel").border_title = "Banks"
        self.query_one("#session-panel").border_title = "Session"
        self.sub_title = f"profile: {self.sparring.settings.profile}"

    async def on_screen_resume(self) -> None:
        if self.sparring.loaded.is_set():
            await self.refresh_banks()

    async def build(self) -> None:
        """Mount the bank list and the session's choices (once)."""
        if self.query("#banks"):
            return

        await self.query_one("#bank-panel").mount_all(
            [
                SelectionList[str](id="banks", compact=True),
                Label("", id="bank-hint"),
                Horizontal(
                    Button("Review due", id="review", compact=True),
                    Button("Stats", id="stats", compact=True),
                    Button("Debate practice", id="debate", compact=True),
                    id="more",
                ),
            ]
        )
        await self.query_one("#session-panel").mount_all(
            [
                Label("Mode", classes="field"),
                RadioSet(
                    *(
                        RadioButton(value.capitalize(), value=value == "practice", name=value, compact=True)
                        for value in MODES
                    ),
                    id="mode",
                    compact=True,
                ),
                Static(MODES["practice"], id="mode-help", classes="hint"),
                Checkbox("Ask how sure I am (1-3)", id="confidence", compact=True),
                Label("Tags", classes="field"),
                Input(placeholder="any tag (comma separated)", id="tags", compact=True),
                Label("Difficulty", classes="field"),
                Horizontal(
                    *(
                        Checkbox(f"{level} {name}", id=f"difficulty-{level}", compact=True)
                        for level, name in ((1, "easy"), (2, "medium"), (3, "hard"))
                    ),
                    id="difficulty",
                ),
                Label("Questions", classes="field"),
                Input(placeholder="all", id="count", type="integer", compact=True),
                Button("Start", id="start", variant="primary", compact=True),
            ]
        )

    # ---------------------------------------------------------------- banks

    async def refresh_banks(self) -> None:
        """Show the banks with their counts and reviews due (after loading, and on coming back)."""
        from textual.widgets.selection_list import Selection

        loading = self.query_one("#loading", Label)
        if self.sparring.load_error:
            loading.update(Content(self.sparring.load_error))
            return
        await self.build()
        backend = self.sparring.backend
        banks = self.query_one("#banks", SelectionList)
        chosen = set(banks.selected)
        rows = backend.bank_rows()
        highlighted = banks.highlighted
        banks.clear_options()
        panel = self.query_one("#bank-panel").content_size.width
        width = panel - 2 if panel > 20 else 56  # 2: room for a scroll bar; 56 before the first layout
        show_due = any(r.due for r in rows)
        banks.add_options([Selection(bank_prompt(r, width, show_due), r.id, r.id in chosen) for r in rows])
        if rows:
            banks.highlighted = min(highlighted or 0, len(rows) - 1)
        loading.display = False
        due = backend.due_total()
        questions = sum(r.questions for r in rows)
        self.query_one("#bank-hint", Label).update(
            f"{len(rows)} banks, {questions} questions · space ticks · none ticked: all"
        )
        self.query_one("#review", Button).label = f"Review due ({due})" if due else "Review due"
        if self.focused is None or self.focused.id == "session-panel":
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
        return {
            "banks": banks,
            "mode": self.mode(),
            "tags": tags,
            "difficulty": difficulty,
            "count": count,
            "confidence": self.query_one("#confidence", Checkbox).value,
        }

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

    def action_cycle_mode(self) -> None:
        """m: the next mode (practice, exam, review, blitz)."""
        if not self.query("#mode"):
            return
        buttons = list(self.query_one("#mode", RadioSet).query(RadioButton))
        names = [b.name for b in buttons]
        current = names.index(self.mode()) if self.mode() in names else 0
        buttons[(current + 1) % len(buttons)].value = True

    def action_toggle_confidence(self) -> None:
        """c: ask how sure I am, or not."""
        if self.query("#confidence"):
            box = self.query_one("#confidence", Checkbox)
            box.value = not box.value

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
