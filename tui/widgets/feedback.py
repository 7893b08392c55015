"""The feedback panel: the verdict, the right answer, the explanation and the cited facts.

Everything shown comes from the engine's `AnswerResult`; nothing is scored
here. Content text is wrapped in `Content(...)` (or passed as plain text in
`Content.assemble`), so `[bold]` in a file shows as typed.

Speed: the panel is one widget drawing lines it renders itself. The
explanation and the cited facts do not depend on the answer and are the bulk
of it: the question screen hands them over while the question is on show
(`prepare`), and the panel renders them then, at the width they will be shown
at. After the answer only the verdict block (and the review line) is rendered;
the rest is a copy of lines. The question screen paints the verdict line
itself, on the frame after the key, and shows this panel on the next frame
without it (`show(result, headline=False)`).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.color import Color
from textual.content import Content
from textual.geometry import Size
from textual.selection import Selection
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from tui.content.models import Fact
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


def fact_lines(facts: Sequence[Fact]) -> list[Content]:
    lines = [Content.assemble(("Cited facts", "bold"))]
    for fact in facts:
        parts: list[Part] = [(f"[{fact.kind}] ", f"bold {KIND_STYLE.get(fact.kind, '')}"), fact.text]
        if fact.ref:
            parts += [("  — ", "dim"), (fact.ref, "dim italic")]
        lines.append(Content.assemble(*parts))
    return lines


def verdict_content(result: AnswerResult, headline: bool = True) -> Content:
    """The verdict block: right or wrong and the points (the headline), the right answer (or what was given)."""
    lines = [verdict_line(result)] if headline else []
    answer = answer_lines(result)
    if answer is not None:
        lines.append(answer)
    return Content("\n").join(lines)


def explanation_content(explanation: str) -> Content:
    return Content(explanation)


def facts_content(facts: Sequence[Fact]) -> Content:
    return Content("\n").join(fact_lines(facts)) if facts else Content()


class FeedbackPanel(Widget):
    """Shown after each answer in practice, review and blitz, and for each question in a results review.

    Blocks, a blank line between two: the verdict (right or wrong and the points, unless the
    screen shows that line elsewhere; the right answer), the explanation, the review line (review
    mode), the cited facts. One widget drawing lines it renders itself (rather than a container
    of a widget per block): cheaper to lay out and paint. Built from a result it shows all the
    blocks. The question screen keeps one panel, hidden, and calls `prepare` while the question is
    on show: the blocks that do not depend on the answer (the explanation, the facts) are built
    and rendered then, at the width they will be shown at; `show` copies their lines.

    Showing and hiding set the display and the border colour on the panel itself rather than
    through CSS classes: a class change costs a stylesheet pass, between the answer key and the
    feedback being painted.
    """

    DEFAULT_CSS = """
    FeedbackPanel { height: auto; border: round $error; padding: 0 1; }
    FeedbackPanel.-right { border: round $success; }
    """

    def __init__(self, result: AnswerResult | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="-right" if result is not None and result.correct else "")
        self.result = result
        self.border_title = "Feedback"
        self.headline = True  # the verdict line is one of the blocks
        self._prepared: tuple[str, tuple[Fact, ...]] | None = None
        self._explanation = Content()
        self._facts = Content()
        self._verdict = Content()
        self._review: Content | None = None
        self._block_lines: dict[str, tuple[int, list[Strip]]] = {}  # by block: (width, lines)
        self._lines: tuple[int, list[Strip]] | None = None  # the panel's lines at a width
        self._border_colours: tuple[str, Color, Color] | None = None
        if result is None:
            self.display = False
        else:
            self._verdict, self._review = verdict_content(result), review_line(result)
            self.prepare(result.explanation, result.facts)

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._theme_changed())

    # ---------------------------------------------------------------- showing

    @property
    def complete(self) -> bool:
        """Is a result on show?"""
        return self.result is not None and self.display

    def prepare(self, explanation: str, facts: Sequence[Fact], width: int | None = None) -> None:
        """Build the answer-independent blocks (and render them at `width`) ahead of the answer."""
        key = (explanation, tuple(facts))
        if key != self._prepared:
            self._prepared = key
            self._explanation = explanation_content(explanation)
            self._facts = facts_content(facts)
            self._block_lines.clear()
            self._lines = None
        if width is not None and width > 0:
            self._render_block("explanation", self._explanation, width)
            self._render_block("facts", self._facts, width)
        if self.is_attached:
            self._colours()

    @property
    def prepared_width(self) -> int | None:
        """The width the explanation is rendered at, if it is."""
        found = self._block_lines.get("explanation")
        return found[0] if found is not None else None

    def show(self, result: AnswerResult, *, headline: bool = True) -> None:
        """Show `result`; without its headline (right or wrong, the points) when that is shown elsewhere."""
        self.result = result
        self.headline = headline
        self.prepare(result.explanation, result.facts)  # nothing to do when prepared for this question
        self._verdict, self._review = verdict_content(result, headline), review_line(result)
        self._block_lines.pop("verdict", None)
        self._block_lines.pop("review", None)
        self._lines = None
        self.refresh(layout=True)
        self._paint_border()
        self.display = True

    def hide(self) -> None:
        self.result = None
        self.display = False

    def full_height(self, width: int) -> int | None:
        """The panel's height with all its blocks, its text `width` wide, worked out before any layout.

        Cheap once `prepare` has rendered the explanation and the facts at that width.
        """
        if self.result is None or width <= 0:
            return None
        return self.styles.gutter.height + len(self._assemble(width))

    # ---------------------------------------------------------------- drawing

    def _blocks(self) -> list[tuple[str, Content]]:
        result = self.result
        if result is None:
            return []
        blocks = [("verdict", self._verdict)] if self._verdict.plain else []
        if result.explanation:
            blocks.append(("explanation", self._explanation))
        if self._review is not None:
            blocks.append(("review", self._review))
        if result.facts:
            blocks.append(("facts", self._facts))
        return blocks

    def _render_block(self, name: str, content: Content, width: int) -> list[Strip]:
        found = self._block_lines.get(name)
        if found is not None and found[0] == width:
            return found[1]
        lines = Visual.to_strips(self, content, width, None, self.visual_style)
        self._block_lines[name] = (width, lines)
        return lines

    def _assemble(self, width: int) -> list[Strip]:
        blocks = self._blocks()
        if self.text_selection is not None:  # selection offsets run over the whole: render it as one
            whole = Content("\n\n").join(content for _, content in blocks)
            return Visual.to_strips(self, whole, width, None, self.visual_style)
        blank = Strip.blank(width, self.visual_style.rich_style)
        lines: list[Strip] = []
        for name, content in blocks:
            if lines:
                lines.append(blank)
            lines += self._render_block(name, content, width)
        return lines

    def lines(self, width: int) -> list[Strip]:
        """The panel's lines (inside its border and padding) at `width`."""
        if self._lines is None or self._lines[0] != width:
            self._lines = (width, self._assemble(width))
        return self._lines[1]

    def render(self) -> Content:
        """What the panel shows as one piece of content (for text selection and copying)."""
        return Content("\n\n").join(content for _, content in self._blocks())

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return max((line.cell_length for line in self.lines(container.width)), default=0)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width)) if self.result is not None else 0

    def render_line(self, y: int) -> Strip:
        lines = self.lines(self.size.width)
        return lines[y] if y < len(lines) else Strip.blank(self.size.width, self.visual_style.rich_style)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._block_lines.clear()  # rendered with the old styles
        self._lines = None

    def selection_updated(self, selection: Selection | None) -> None:
        self._lines = None  # drawn as one piece while there is a selection
        super().selection_updated(selection)

    # ---------------------------------------------------------------- border

    def _colours(self) -> tuple[Color, Color]:
        """The border colours for a right and a wrong answer in the current theme."""
        theme = self.app.theme
        if self._border_colours is None or self._border_colours[0] != theme:
            variables = self.app.get_css_variables()
            self._border_colours = (theme, Color.parse(variables["success"]), Color.parse(variables["error"]))
        return self._border_colours[1], self._border_colours[2]

    def _paint_border(self) -> None:
        if self.result is not None:
            right, wrong = self._colours()
            self.styles.border = ("round", right if self.result.correct else wrong)

    def _theme_changed(self) -> None:
        if self.styles.inline.has_rule("border_top") and self.display:  # coloured in `show`
            self._paint_border()
