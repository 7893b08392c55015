"""The question screen: drives a `QuizSession` one item at a time.

The screen turns what the learner did on screen into the same answer line
plain mode reads (`2`, `1,3`, `3 1 2`, `1b 2a`, a number, words) and hands it
to the engine's `parse_answer`; the engine scores, records and says what to
show. Timers tick on `set_interval` and read the session's injected clock,
so tests move a fake clock and call `tick()`; nothing sleeps.
"""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from tui.bindings import QUIZ
from tui.quiz import AnswerError, AnswerResult, Item, QuizSession, SessionError, parse_answer
from tui.quiz.scoring import format_number
from tui.screens.dialogs import ConfidenceScreen, ConfirmScreen
from tui.widgets.choice_list import ChoiceList
from tui.widgets.feedback import FeedbackPanel, verdict_line
from tui.widgets.key_bar import KeyBar
from tui.widgets.match_picker import MatchPicker
from tui.widgets.order_list import OrderList
from tui.widgets.quiz_status import QuizStatus

Phase = Literal["asking", "confidence", "feedback", "done"]
TICK_SECONDS = 0.2
TYPE_NAMES = {
    "choice": "One answer",
    "multi": "Several answers",
    "truefalse": "True or false",
    "numeric": "A number",
    "short": "A short answer",
    "order": "Put in order",
    "match": "Match",
}


def hint_for(item: Item) -> str:
    n = len(item.choices) or len(item.items) or len(item.lefts)
    t = item.type
    if t in ("choice", "truefalse"):
        return f"Press 1-{n} to choose, Enter to submit."
    if t == "multi":
        return f"Press 1-{n} to tick every right answer (again to untick), Enter to submit."
    if t == "numeric":
        return f"Type a number{f' in {item.unit}' if item.unit else ''}, then Enter."
    if t == "short":
        return "Type your answer, then Enter."
    if t == "order":
        return "↑↓ pick an item, shift+↑↓ (or u / j) move it, Enter to submit."
    if t == "match":
        return f"1-{n} picks an item, a letter pairs it (or → ↑↓ space); Enter to submit."
    return "Enter to submit."


def answer_widget(item: Item) -> Widget:
    t = item.type
    if t in ("choice", "truefalse", "multi"):
        return ChoiceList(item.choices, multi=t == "multi", id="answer-widget")
    if t == "order":
        return OrderList(item.items, id="answer-widget")
    if t == "match":
        return MatchPicker(item.lefts, item.rights, id="answer-widget")
    placeholder = f"a number{f' ({item.unit})' if item.unit else ''}" if t == "numeric" else "your answer"
    return Input(placeholder=placeholder, id="answer-widget")


class QuestionScreen(Screen[None]):
    CSS_PATH = "question.tcss"
    BINDINGS = QUIZ

    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session
        self.item: Item | None = None
        self.result: AnswerResult | None = None
        self.phase: Phase = "asking"
        self._answer: Widget | None = None
        self._headline_in_view = False  # the verdict line above the answer was in view when it came
        self._hint_width = 0  # the cells of the line above the answer (a keys hint, then the verdict)
        self.status = QuizStatus(self.session.mode, self.session.total)
        self.feedback = FeedbackPanel(id="feedback")

    def compose(self) -> ComposeResult:
        yield self.status
        # The column is at least as tall as the view: a panel appearing below the answer then changes
        # neither the column's size nor the view's, so only the panel is painted, not the whole view.
        with VerticalScroll(id="body"), Vertical(id="column"):
            yield Static("", id="meta")
            yield Static("", id="prompt")
            yield Static("", id="hint", classes="hint")
            yield Vertical(id="answer")
            yield self.feedback
        yield KeyBar()

    async def on_mount(self) -> None:
        self.screen_layout_refresh_signal.subscribe(self, self._keep_verdict_in_view)
        await self.show_next()
        self.set_interval(TICK_SECONDS, self.tick, name="quiz-timer")

    # ---------------------------------------------------------------- showing

    @property
    def answer(self) -> Widget | None:
        return self._answer

    async def show_next(self) -> None:
        item = self.session.next_item()
        if item is None:
            self.show_results()
            return
        self.item, self.result, self.phase = item, None, "asking"
        q = item.question
        dots = "●" * q.difficulty + "○" * (3 - q.difficulty)
        points = f"{format_number(q.points)} point{'s' if q.points != 1 else ''}"
        tags = ", ".join(q.tags)
        self.query_one("#meta", Static).update(
            Content.assemble(
                (TYPE_NAMES.get(q.type, q.type), "bold"),
                f"  ·  {dots}  ·  {points}",
                ("  ·  ", ""),
                (tags, "dim"),
            )
        )
        self.query_one("#prompt", Static).update(Content(item.prompt))
        self._set_hint(Content(hint_for(item)))  # the unit comes from a file
        self._answer = None
        await self.query_one("#answer").remove_children()
        self.feedback.hide()
        widget = answer_widget(item)
        await self.query_one("#answer").mount(widget)
        self._answer = widget
        widget.focus()
        body = self.query_one("#body", VerticalScroll)
        body.anchor(False)
        body.scroll_home(animate=False)
        self.update_status()
        self.refresh_bindings()
        self.call_after_refresh(self.prepare_feedback, item)

    def update_status(self) -> None:
        status = self.status
        number = self.item.number if self.item is not None else self.session.total
        status.show_position(number, len(self.session.answers))
        if self.session.shows_feedback:
            blitz = (
                sum(a.blitz or 0.0 for a in self.session.answers) if self.session.mode == "blitz" else None
            )
            status.show_score(self.session.earned, self.session.possible, blitz)
        else:
            status.show_answered(len(self.session.answers))
        self.update_timer()

    def update_timer(self) -> None:
        left = self.session.time_left() if self.phase in ("asking", "confidence") else None
        if left is None and self.session.mode == "exam":
            left = self.session.exam_time_left()
        low = left is not None and left <= (60 if self.session.mode == "exam" else 5)
        self.status.show_timer(left, low)

    def prepare_feedback(self, item: Item) -> None:
        """While the question is on show, build and render the feedback that does not depend on the answer.

        The explanation and the cited facts are rendered at the width the panel will give them, so
        that after the answer they cost little more than a copy of their lines to lay out and paint.
        """
        if item is not self.item or self.phase != "asking" or not self.session.shows_feedback:
            return
        question = item.question
        facts = tuple(self.session.facts(question)) if self.session.facts is not None else ()
        width = self._panel_text_width()
        self.feedback.prepare(question.explanation, facts, width if width > 0 else None)

    def _panel_text_width(self) -> int:
        return self.query_one("#column").outer_size.width - self.feedback.styles.gutter.width

    async def show_feedback(self, result: AnswerResult) -> None:
        """Show the feedback: the verdict on the frame after the key, the rest on the next frame.

        What the learner wants first is right or wrong; the frame after the key carries only that:
        the line above the answer (the keys hint until now) becomes the verdict line (right or wrong,
        the points), repainted in place without a layout of the screen, so it is painted about as
        soon as a bare label update would be. Everything else (the choices marked with the authors'
        notes, the panel with the right answer, the explanation and the cited facts, the score)
        needs a layout and a larger paint: it follows on the next frame (`_show_details`), one
        frame later at Textual's 60 fps. When the verdict line is out of view (a long prompt, the
        view scrolled to the answer), the panel carries the verdict line too.
        """
        self.phase = "feedback"
        self._headline_in_view = self._in_view(self.query_one("#hint"))
        self._set_hint(verdict_line(result))
        self.call_after_refresh(self._show_details, result)

    def _set_hint(self, content: Content) -> None:
        """Show `content` on the line above the answer; laid out again only when its height may change."""
        hint = self.query_one("#hint", Static)
        width = hint.content_region.width
        one_line = width > 0 and content.cell_length <= width and self._hint_width <= width
        hint.update(content, layout=not one_line)
        self._hint_width = content.cell_length

    def _in_view(self, widget: Widget) -> bool:
        """Is all of `widget` inside the scrolled view?"""
        view = self.query_one("#body").scrollable_content_region
        return bool(widget.region) and view.contains_region(widget.region)

    def _show_details(self, result: AnswerResult) -> None:
        """The frame after the verdict: the answer marked, the panel, the score, the next keys."""
        if self.phase != "feedback" or result is not self.result:
            return
        widget = self.answer
        if isinstance(widget, ChoiceList):
            widget.show_feedback(result.choices)
        elif isinstance(widget, OrderList | MatchPicker):
            widget.show_feedback(result.parts)
        elif isinstance(widget, Input):
            widget.disabled = True
        self.feedback.show(result, headline=not self._headline_in_view)
        # Scroll the panel into view: when it fits in the view (it ends the column), anchoring the
        # view to its bottom scrolls on this frame; else its top goes to the top, a frame later.
        # Either scroll may take the verdict line above the answer out of view: then the panel
        # carries it too (at once when its top goes to the top, which always does so).
        body = self.query_one("#body", VerticalScroll)
        height = self.feedback.full_height(self._panel_text_width())
        if height is not None and height <= body.scrollable_content_region.height:
            body.anchor()  # `_keep_verdict_in_view` follows the scroll
        else:
            if not self.feedback.headline:
                self.feedback.show(result, headline=True)
            self.call_after_refresh(self.feedback.scroll_visible, top=True, animate=False)
        self.update_status()
        last = self.session.position >= self.session.total
        hint = "Enter or n: results." if last else "Enter or n: next question."
        unpaired = [p for p in result.parts if p.given is None] if result.item.type == "match" else []
        if unpaired and result.response is not None:  # a partial match is fine; say how it counted
            hint = f"{len(unpaired)} left unpaired, counted as wrong.  {hint}"
        self._set_hint(Content.assemble(verdict_line(result), "     ", hint))
        # Focus stays on the (locked) answer widget; Enter and n reach the screen's bindings.
        self.refresh_bindings()

    def _keep_verdict_in_view(self, screen: Screen[object]) -> None:
        """After each layout or scroll: if the verdict line above the answer went out of view while
        feedback is on show, the panel shows it."""
        result = self.feedback.result
        shown = self.phase == "feedback" and result is not None and not self.feedback.headline
        if shown and result is not None and not self._in_view(self.query_one("#hint")):
            self.feedback.show(result, headline=True)

    def show_results(self) -> None:
        from tui.screens.results import ResultsScreen

        self.phase = "done"
        results = self.session.finish()
        self.app.switch_screen(ResultsScreen(self.session, results))

    # ---------------------------------------------------------------- answering

    def answer_line(self) -> str:
        widget = self.answer
        if isinstance(widget, Input):
            return widget.value
        if isinstance(widget, ChoiceList | OrderList | MatchPicker):
            return widget.answer_line()
        return ""

    async def submit(self) -> None:
        if self.phase != "asking" or self.item is None:
            return
        try:
            response = parse_answer(self.item, self.answer_line())
        except AnswerError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        try:
            result = self.session.answer(response)  # stored now, before any certainty is asked
        except SessionError:
            return
        if self.session.awaiting_confidence is not None:
            # Stored without a certainty: quitting at the prompt keeps it so; a level updates it.
            self.phase = "confidence"
            self.app.push_screen(ConfidenceScreen(), self._confidence_given)
        else:
            await self.after_answer(result)

    async def _confidence_given(self, level: int | None) -> None:
        if self.phase != "confidence":
            return
        waiting = self.session.awaiting_confidence is not None
        if level is None and waiting and not self.session.is_finished:
            self.session.withdraw()  # back to the question: the stored answer is taken back
            self.phase = "asking"
            return
        result = (
            self.session.set_confidence(level) if level is not None and waiting else self.session.last_result
        )
        if result is not None:
            await self.after_answer(result)

    async def after_answer(self, result: AnswerResult) -> None:
        self.result = result
        if self.session.is_finished:  # an exam's time ran out
            self.update_status()
            self.show_results()
        elif self.session.shows_feedback:
            await self.show_feedback(result)  # the score follows with the rest of the feedback
        else:
            await self.show_next()

    async def tick(self) -> None:
        """Apply the timers (called every TICK_SECONDS, and by tests after moving a fake clock)."""
        if self.phase == "asking":
            timed_out = self.session.check_time()
            if timed_out is not None or self.session.is_finished:
                if timed_out is not None:
                    self.notify("Out of time.", severity="warning")
                if self.session.is_finished:
                    self.show_results()
                    return
                if timed_out is not None:
                    await self.after_answer(timed_out)
                    return
        if self.phase != "done":
            self.update_timer()

    # ---------------------------------------------------------------- actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next":
            return self.phase == "feedback"
        if action in ("choose", "skip"):
            return self.phase == "asking"
        return True

    def action_choose(self, number: int) -> None:
        widget = self.answer
        if self.phase == "asking" and isinstance(widget, ChoiceList | OrderList | MatchPicker):
            widget.choose(number)

    async def action_advance(self) -> None:
        if self.phase == "asking":
            await self.submit()
        elif self.phase == "feedback":
            await self.show_next()

    async def action_next(self) -> None:
        if self.phase == "feedback":
            await self.show_next()

    async def action_skip(self) -> None:
        if self.phase == "asking":
            try:
                result = self.session.skip()
            except SessionError:
                return
            await self.after_answer(result)

    def action_leave(self) -> None:
        if self.phase == "done":
            return
        answered = len(self.session.answers)
        body = (
            f"You answered {answered} of {self.session.total}; what you answered is saved."
            if answered
            else "Nothing was answered yet."
        )
        self.app.push_screen(ConfirmScreen("Leave this quiz?", body, yes="Leave", no="Stay"), self._leave)

    def _leave(self, yes: bool | None) -> None:
        if not yes:
            return
        if self.session.answers:
            self.show_results()
        else:
            self.phase = "done"
            self.session.finish()
            self.app.pop_screen()

    def on_unmount(self) -> None:
        # ctrl+q from anywhere: every answer given is already stored (one submitted while the
        # confidence prompt was up, without a certainty); the session row is closed.
        if not self.session.is_finished:
            self.session.finish()

    @on(Input.Submitted, "#answer-widget")
    async def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        await self.submit()
