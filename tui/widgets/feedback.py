"""The feedback panel: the verdict, the right answer, the explanation and the cited facts.

Everything shown comes from the engine's `AnswerResult`; nothing is scored
here. Content text is wrapped in `Content(...)` (or passed as plain text in
`Content.assemble`), so `[bold]` in a file shows as typed. One widget, so
showing it after an answer costs one mount.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from tui.quiz.marks import CERTAINTY_LABELS
from tui.quiz.model import AnswerResult
from tui.quiz.scoring import format_number

Part = str | Content | tuple[str, str]

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
    parts: list[Part] = [
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
        return Content.assemble(("Right answer: ", "bold"), result.right_answer)
    if qtype in ("numeric", "short"):
        given = "—" if result.response is None else (
            format_number(result.response) if isinstance(result.response, float) else str(result.response))
        parts: list[Part] = [("You answered: ", "bold"), given]
        if not result.correct:
            parts += ["\n", ("Right answer: ", "bold"), result.right_answer]
        return Content.assemble(*parts)
    return None


def review_line(result: AnswerResult) -> Content | None:
    if result.rating is None:
        return None
    parts: list[Part] = [("Review: ", "bold"), RATING_NAMES.get(result.rating, "?")]
    if result.card is not None:
        days = (result.card.due - result.answered_at).total_seconds() / 86400
        when = f"in {days:.0f} days" if days >= 1.5 else ("tomorrow" if days >= 0.5 else "later today")
        parts.append(f", next {when}")
    return Content.assemble(*parts)


def fact_lines(result: AnswerResult) -> list[Content]:
    lines = [Content.assemble(("Cited facts", "bold"))]
    for fact in result.facts:
        parts: list[Part] = [(f"[{fact.kind}] ", f"bold {KIND_STYLE.get(fact.kind, '')}"), fact.text]
        if fact.ref:
            parts += [("  — ", "dim"), (fact.ref, "dim italic")]
        lines.append(Content.assemble(*parts))
    return lines


def feedback_content(result: AnswerResult) -> Content:
    """The whole panel as one piece of content."""
    blocks: list[list[Content]] = [[verdict_line(result)]]
    lines = answer_lines(result)
    if lines is not None:
        blocks[0].append(lines)
    if result.explanation:
        blocks.append([Content(result.explanation)])
    review = review_line(result)
    if review is not None:
        blocks.append([review])
    if result.facts:
        blocks.append(fact_lines(result))
    return Content("\n\n").join(Content("\n").join(block) for block in blocks)


class FeedbackPanel(Static):
    """Shown after each answer in practice, review and blitz, and for each question in a results review.

    The question screen keeps one, hidden, and fills it on each answer (`show`): updating a mounted
    widget paints sooner than mounting a new one.
    """

    DEFAULT_CSS = """
    FeedbackPanel { height: auto; border: round $error; padding: 0 1; }
    FeedbackPanel.-right { border: round $success; }
    FeedbackPanel.-empty { display: none; }
    """

    def __init__(self, result: AnswerResult | None = None, *, id: str | None = None) -> None:
        super().__init__(feedback_content(result) if result is not None else "", id=id,
                         classes="-empty" if result is None else ("-right" if result.correct else ""))
        self.result = result
        self.border_title = "Feedback"

    def show(self, result: AnswerResult) -> None:
        self.result = result
        self.update(feedback_content(result))
        self.set_classes("-right" if result.correct else "")

    def hide(self) -> None:
        self.result = None
        self.set_classes("-empty")
