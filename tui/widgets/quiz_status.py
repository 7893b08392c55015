"""The line above a question: mode, position, a progress bar, the running score and the timer.

One widget drawing one line of a fixed size, so an update repaints it without
a layout of the screen (cheap on every answer and timer tick).
"""

from __future__ import annotations

from textual.content import Content, Span
from textual.widgets import Static

from tui.quiz.scoring import format_number

BAR_WIDTH = 24


def clock_text(seconds: float) -> str:
    whole = max(0, int(seconds + 0.999))  # count down as people expect: 0:01 until it is over
    return f"{whole // 60}:{whole % 60:02d}"


def progress_bar(done: int, total: int, width: int = BAR_WIDTH) -> Content:
    filled = round(width * done / total) if total else 0
    return Content.assemble(("━" * filled, "$accent"), ("━" * (width - filled), "$foreground 20%"))


class QuizStatus(Static):
    DEFAULT_CSS = """
    QuizStatus { width: 1fr; height: 1; padding: 0 1; background: $panel; }
    """

    def __init__(self, mode: str, total: int) -> None:
        super().__init__()
        self.mode = mode
        self.total = total
        self.number = 0
        self.answered = 0
        self.score = ""
        self.seconds_left: float | None = None
        self.low = False
        self.shown: tuple[str, list[Span]] | None = None

    def show_position(self, number: int, answered: int) -> None:
        self.number, self.answered = number, answered
        self.paint()

    def show_score(self, earned: float, possible: float, blitz: float | None = None) -> None:
        self.score = f"Score {format_number(earned)}/{format_number(possible)}" if possible else "Score –"
        if blitz is not None:
            self.score += f"  Blitz {format_number(blitz)}"
        self.paint()

    def show_answered(self, answered: int) -> None:
        """Exam mode: no score until the end."""
        self.score = f"Answered {answered}"
        self.paint()

    def show_timer(self, seconds_left: float | None, low: bool = False) -> None:
        if seconds_left is not None and self.seconds_left is not None and (
                clock_text(seconds_left), low) == (clock_text(self.seconds_left), self.low):
            return  # nothing visible changed: no repaint on every tick
        self.seconds_left, self.low = seconds_left, low
        self.paint()

    def paint(self) -> None:
        parts: list[str | Content | tuple[str, str]] = [
            (self.mode.capitalize(), "bold"), f"   Question {self.number} of {self.total}  ",
            progress_bar(self.answered, self.total), f"  {self.score}",
        ]
        if self.seconds_left is not None:
            parts += ["   ", (f"⏱ {clock_text(self.seconds_left)}", "bold $text-error" if self.low else "bold")]
        content = Content.assemble(*parts)
        shown = (content.plain, list(content.spans))  # Content's == compares the text only
        if shown != self.shown:
            self.shown = shown
            self.update(content, layout=False)  # one line whatever it says: no layout needed
