"""The bar above a question: position, progress, the running score and the timer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

from tui.quiz.scoring import format_number


def clock_text(seconds: float) -> str:
    whole = max(0, int(seconds + 0.999))  # count down as people expect: 0:01 until it is over
    return f"{whole // 60}:{whole % 60:02d}"


class QuizStatus(Horizontal):
    DEFAULT_CSS = """
    QuizStatus { height: 1; padding: 0 1; background: $panel; }
    QuizStatus > Label { width: auto; padding: 0 2 0 0; }
    QuizStatus > ProgressBar { width: 1fr; padding: 0 2 0 0; }
    QuizStatus > ProgressBar > Bar { width: 1fr; }
    QuizStatus > #timer { padding: 0; }
    QuizStatus > #timer.-low { color: $text-error; text-style: bold; }
    """

    def __init__(self, mode: str, total: int) -> None:
        super().__init__()
        self.mode = mode
        self.total = total

    def compose(self) -> ComposeResult:
        yield Label(self.mode.capitalize(), id="mode")
        yield Label("", id="position")
        yield ProgressBar(total=max(1, self.total), show_eta=False, show_percentage=False, id="progress")
        yield Label("", id="score")
        yield Label("", id="timer")

    def show_position(self, number: int, answered: int) -> None:
        self.query_one("#position", Label).update(f"Question {number} of {self.total}")
        self.query_one("#progress", ProgressBar).update(progress=answered)

    def show_score(self, earned: float, possible: float, blitz: float | None = None) -> None:
        text = f"Score {format_number(earned)}/{format_number(possible)}"
        if blitz is not None:
            text += f"  Blitz {format_number(blitz)}"
        self.query_one("#score", Label).update(text)

    def show_answered(self, answered: int) -> None:
        """Exam mode: no score until the end."""
        self.query_one("#score", Label).update(f"Answered {answered}")

    def show_timer(self, seconds_left: float | None, low: bool = False) -> None:
        timer = self.query_one("#timer", Label)
        timer.display = seconds_left is not None
        if seconds_left is not None:
            timer.update(f"⏱ {clock_text(seconds_left)}")
            timer.set_class(low, "-low")
