"""The feedback panel: the verdict, the right answer, the explanation and the cited facts.

Everything shown comes from the engine's `AnswerResult`; nothing is scored
here. Content text is wrapped in `Content(...)`, so `[bold]` in a file shows
as typed.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from tui.quiz.marks import CERTAINTY_LABELS
from tui.quiz.model import AnswerResult
from tui.quiz.scoring import format_number

KIND_STYLE = {
    "reported": "$text-warning",
    "verified": "$text-success",
    "opinion": "$text-secondary",
    "question": "$text-primary",
}
RATING_NAMES = {1: "again", 2: "hard", 3: "good", 4: "easy"}


def verdict_line(result: AnswerResult) -> Content:
    verdict = result.verdict
    style = {"right": "$text-success", "partly right": "$text-warning"}.get(verdict, "$text-error")
    mark = {"right": "✓", "partly right": "≈"}.get(verdict, "✗")
    parts: list[str | Content | tuple[str, str]] = [
        (f"{mark} {verdict.capitalize()}", f"bold {style}"),
        f"   {format_number(result.earned)}/{format_number(result.question.points)} points",
    ]
    if result.blitz is not None:
        parts.append(f"   blitz {format_number(result.blitz)}")
    if result.streak >= 2:
        parts.append(f"   streak {result.streak}")
    if result.confidence is not None and result.marks is not None:
        label = CERTAINTY_LABELS.get(result.confidence, str(result.confidence))
        parts.append(f"   {label}: {result.marks:+g} marks")
    return Content.assemble(*parts)


def answer_lines(result: AnswerResult) -> Content | None:
    """What the learner gave and what was right, for the types without per-choice marks."""
    qtype = result.question.type
    if qtype in ("choice", "multi", "truefalse", "order", "match") and not result.correct:
        return Content.assemble(("Right answer: ", "bold"), Content(result.right_answer))
    if qtype in ("numeric", "short"):
        given = "—" if result.response is None else (
            format_number(result.response) if isinstance(result.response, float) else str(result.response))
        parts: list[str | Content | tuple[str, str]] = [("You answered: ", "bold"), Content(given)]
        if not result.correct:
            parts += ["\n", ("Right answer: ", "bold"), Content(result.right_answer)]
        return Content.assemble(*parts)
    return None


def review_line(result: AnswerResult) -> Content | None:
    if result.rating is None:
        return None
    parts: list[str | Content | tuple[str, str]] = [("Review: ", "bold"), RATING_NAMES.get(result.rating, "?")]
    if result.card is not None:
        days = (result.card.due - result.answered_at).total_seconds() / 86400
        when = f"in {days:.0f} days" if days >= 1.5 else ("tomorrow" if days >= 0.5 else "later today")
        parts.append(f", next {when}")
    return Content.assemble(*parts)


class FeedbackPanel(Vertical):
    """Shown after each answer in practice, review and blitz, and for each question in an exam's review."""

    DEFAULT_CSS = """
    FeedbackPanel { height: auto; border: round $primary; padding: 0 1; }
    FeedbackPanel.-right { border: round $success; }
    FeedbackPanel.-wrong { border: round $error; }
    FeedbackPanel > Static { height: auto; }
    FeedbackPanel > .explanation { margin: 1 0 0 0; }
    FeedbackPanel > .facts-title { margin: 1 0 0 0; text-style: bold; }
    """

    def __init__(self, result: AnswerResult, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.result = result
        self.border_title = "Feedback"
        self.set_class(result.correct, "-right")
        self.set_class(not result.correct, "-wrong")

    def compose(self) -> ComposeResult:
        result = self.result
        yield Static(verdict_line(result), classes="verdict")
        lines = answer_lines(result)
        if lines is not None:
            yield Static(lines, classes="answer")
        if result.explanation:
            yield Static(Content(result.explanation), classes="explanation")
        review = review_line(result)
        if review is not None:
            yield Static(review, classes="review")
        if result.facts:
            yield Static("Cited facts", classes="facts-title")
            for fact in result.facts:
                style = KIND_STYLE.get(fact.kind, "")
                parts: list[str | Content | tuple[str, str]] = [(f"[{fact.kind}] ", f"bold {style}"),
                                                                Content(fact.text)]
                if fact.ref:
                    parts += [("  — ", "dim"), (fact.ref, "dim italic")]
                yield Static(Content.assemble(*parts), classes=f"fact -{fact.kind}")
