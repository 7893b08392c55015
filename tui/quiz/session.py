"""The quiz engine: a plain state machine that presents items, takes answers and scores them.

Driving a session (the Textual screens and plain mode do exactly this)::

    session = QuizSession.create(questions, config, clock=clock, facts=lookup, recorder=recorder)
    while (item := session.next_item()) is not None:   # presents the next item, starts its timer
        ...show item.prompt and item.choices / items / lefts+rights...
        result = session.answer(response)                   # stored now (or session.skip())
        if session.awaiting_confidence:                     # confidence marking on: ask 1-3, then
            result = session.set_confidence(level)          # ...or session.withdraw() to re-answer
        ...if session.shows_feedback: show result (verdict, choices, explanation, facts)...
    results = session.finish()                          # idempotent; results() gives a snapshot
    retry = session.retry_missed()                      # a new session of the missed questions, or None

States: `ready` (nothing presented yet, or the last answer taken) -> `asking`
(an item is out) -> `answered` -> ... -> `finished`. `next_item()` while
asking returns the same item. Timers: call `check_time()` on a UI tick; it
records a timed-out answer when a blitz item's timer runs out, and ends an
exam whose total time is up (the questions not reached count as missed). An
answer given late is recorded as out of time, with no points.

Every answer goes to the `recorder` (the store) before `answer()` returns, so
a crash or kill never loses an answered question.

Confidence marking: an answer given without a certainty while the switch is
on is stored at once with no certainty, and the session waits for one
(`awaiting_confidence`): `set_confidence(level)` updates the stored answer
(its certainty and marks and, in review mode, its rating and FSRS card,
recomputed from the card as it was before the answer, in the same store
transaction), so the outcome is exactly as if the certainty had come with the
answer. `withdraw()` takes the answer back instead (the learner went back to
change it): the stored answer is deleted, the card restored, and the same
item is out again. Presenting the next item (or quitting) leaves the answer
stored without a certainty.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Literal, Protocol

import fsrs

from tui.content.models import Question
from tui.quiz.clock import Clock, SystemClock
from tui.quiz.items import FactLookup, feedback_for, new_seed, plan_questions, present
from tui.quiz.marks import blitz_points, certainty_marks, streak_bonus
from tui.quiz.model import (
    AnswerResult,
    Item,
    Results,
    SessionConfig,
    build_results,
)
from tui.quiz.review import fuzz_rng, make_scheduler, rating_for, review, time_budget
from tui.quiz.scoring import Grade, Response, check_response, grade, right_answer_text
from tui.store.records import CardState

State = Literal["ready", "asking", "answered", "finished"]


class SessionError(RuntimeError):
    """A call that does not fit the session's state (e.g. answering when no item is out)."""


class Recorder(Protocol):
    """Where a session's progress goes as it happens (the store, in the app and plain mode)."""

    def session_started(self, session: QuizSession) -> int | None:
        """Called once, when the first item is presented; may return a session id."""
        ...

    def answered(self, session: QuizSession, result: AnswerResult) -> int | None:
        """Called for every answer (timeouts and skips too), before `answer()` returns: commit it here.

        May return an id of the stored answer; it is handed back to `confidence_given` and `withdrawn`.
        """
        ...

    def confidence_given(self, session: QuizSession, result: AnswerResult, record: int | None) -> None:
        """The certainty of a stored answer came: update it to `result` (confidence, marks, rating, card)."""
        ...

    def withdrawn(
        self, session: QuizSession, result: AnswerResult, record: int | None, card: CardState | None
    ) -> None:
        """A stored answer was taken back: delete it. If it moved its question's card (`result.card` is
        set: review mode), put the card back to `card`, its state before (None: it had none)."""
        ...

    def session_finished(self, session: QuizSession, results: Results) -> None: ...


@dataclass(frozen=True, slots=True)
class _Pending:
    """A stored answer waiting for its certainty: what undoing or recomputing it needs."""

    result: AnswerResult
    record: int | None  # the recorder's id of the stored answer
    card_before: CardState | None  # review mode: the question's card before this answer
    streak_before: int


class QuizSession:
    """One run through a list of questions in one mode. See the module docstring for the loop."""

    def __init__(
        self,
        questions: Sequence[Question],
        config: SessionConfig,
        *,
        seed: int | None = None,
        clock: Clock | None = None,
        facts: FactLookup | None = None,
        recorder: Recorder | None = None,
        cards: Mapping[str, CardState] | None = None,
        scheduler: fsrs.Scheduler | None = None,
    ) -> None:
        """A session over `questions` as given (already planned; see `create`)."""
        self.config = config
        self.seed = seed if seed is not None else (config.seed if config.seed is not None else new_seed())
        self.questions: tuple[Question, ...] = tuple(questions)
        self.clock: Clock = clock or SystemClock()
        self.facts = facts
        self.recorder = recorder
        self.cards: dict[str, CardState] = dict(cards or {})
        self.scheduler = scheduler
        self.id: int | None = None  # the store's session id, once started
        self.state: State = "ready"
        self.started_at: datetime | None = None
        self.finished_at: datetime | None = None
        self._index = 0  # the next question to present
        self._current: Item | None = None
        self._answers: list[AnswerResult] = []
        self._expired: list[Question] = []
        self._streak = 0
        self._results: Results | None = None
        self._pending: _Pending | None = None

    @classmethod
    def create(
        cls,
        pool: Iterable[Question],
        config: SessionConfig,
        *,
        clock: Clock | None = None,
        facts: FactLookup | None = None,
        recorder: Recorder | None = None,
        cards: Mapping[str, CardState] | None = None,
        scheduler: fsrs.Scheduler | None = None,
    ) -> QuizSession:
        """Plan the questions from `pool` (filters, shuffle or review order, count) and make the session.

        `cards` (review mode): the learner's FSRS states by question id, all of them
        (the daily cap of new questions counts those started today).
        """
        clock = clock or SystemClock()
        seed = config.seed if config.seed is not None else new_seed()
        planned = plan_questions(pool, config, seed=seed, cards=cards, now=clock.now())
        return cls(
            planned,
            config,
            seed=seed,
            clock=clock,
            facts=facts,
            recorder=recorder,
            cards=cards,
            scheduler=scheduler,
        )

    # ---------------------------------------------------------------- state

    @property
    def mode(self) -> str:
        return self.config.mode

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def current(self) -> Item | None:
        """The item out for answering (state `asking`), else None."""
        return self._current if self.state == "asking" else None

    @property
    def last_result(self) -> AnswerResult | None:
        return self._answers[-1] if self._answers else None

    @property
    def answers(self) -> tuple[AnswerResult, ...]:
        return tuple(self._answers)

    @property
    def position(self) -> int:
        """How many items have been presented."""
        return self._index

    @property
    def shows_feedback(self) -> bool:
        """Whether to show each result as it comes (every mode but exam)."""
        return self.config.mode != "exam"

    @property
    def asks_confidence(self) -> bool:
        return self.config.confidence

    @property
    def awaiting_confidence(self) -> AnswerResult | None:
        """The last answer, stored without a certainty, while `set_confidence` or `withdraw` may act on it."""
        return self._pending.result if self._pending is not None else None

    @property
    def earned(self) -> float:
        return sum(a.earned for a in self._answers)

    @property
    def possible(self) -> float:
        """The points of the questions answered so far."""
        return sum(a.question.points for a in self._answers)

    @property
    def streak(self) -> int:
        return self._streak

    @property
    def is_finished(self) -> bool:
        return self.state == "finished"

    @property
    def deadline(self) -> datetime | None:
        """When an exam's total time runs out."""
        if self.config.mode != "exam" or self.config.time_limit is None or self.started_at is None:
            return None
        return self.started_at + timedelta(seconds=self.config.time_limit)

    def item_time_left(self) -> float | None:
        """Seconds left on the current item's timer (blitz), None when untimed."""
        item = self.current
        if item is None or item.time_limit is None:
            return None
        return max(0.0, item.time_limit - (self.clock.now() - item.presented_at).total_seconds())

    def exam_time_left(self) -> float | None:
        """Seconds left of an exam's total time, None without a limit."""
        deadline = self.deadline
        if deadline is None:
            if self.config.mode == "exam" and self.config.time_limit is not None and self.started_at is None:
                return float(self.config.time_limit)
            return None
        return max(0.0, (deadline - self.clock.now()).total_seconds())

    def time_left(self) -> float | None:
        """The tighter of the item and exam timers, None when nothing is timed."""
        left = [t for t in (self.item_time_left(), self.exam_time_left()) if t is not None]
        return min(left) if left else None

    # ---------------------------------------------------------------- the loop

    def next_item(self) -> Item | None:
        """Present the next item and start its timer; None (and the session finishes) when done."""
        if self.state == "finished":
            return None
        if self.state == "asking":
            return self._current
        self._pending = None  # moving on: an answer still without a certainty keeps none
        now = self.clock.now()
        if self.started_at is None:
            self.started_at = now
            if self.recorder is not None:
                self.id = self.recorder.session_started(self)
        if self._exam_over(now):
            self._expire_rest()
            self.finish()
            return None
        if self._index >= len(self.questions):
            self.finish()
            return None
        question = self.questions[self._index]
        self._index += 1
        limit: float | None = None
        if self.config.mode == "blitz":
            limit = float(question.time_limit) if question.time_limit else self.config.blitz_seconds
        self._current = present(question, self._index, self.total, self.seed, self.config.shuffle, now, limit)
        self.state = "asking"
        return self._current

    def answer(
        self, response: Response, *, confidence: int | None = None, answered_at: datetime | None = None
    ) -> AnswerResult:
        """Score `response` to the current item, record it, and return the result.

        `response` is in content terms (see `tui.quiz.scoring`). `confidence` is the
        certainty 1-3 if already known; with confidence marking on and no certainty
        given, the answer is stored without one and `awaiting_confidence` holds it
        until `set_confidence` (or `withdraw`). `answered_at` (default: now) is when
        the answer was submitted.
        """
        item = self._asking()
        response = check_response(item.question, response)
        return self._take(item, response, confidence, answered_at, skipped=response is None)

    def skip(self, *, confidence: int | None = None, answered_at: datetime | None = None) -> AnswerResult:
        """Give up on the current item: recorded as a wrong answer with no response."""
        item = self._asking()
        return self._take(item, None, confidence, answered_at, skipped=True)

    def set_confidence(self, level: int) -> AnswerResult:
        """Give the certainty (1-3) of the answer awaiting one; the stored answer is updated.

        The marks follow from the level; in review mode the rating and the FSRS card are
        recomputed from the card before the answer (same time, same fuzz draw), so the
        schedule ends as if the certainty had come with the answer. Returns the updated result.
        """
        pending = self._pending
        if pending is None:
            raise SessionError("no answer is waiting for a certainty")
        if level not in (1, 2, 3):
            raise ValueError(f"confidence is 1, 2 or 3, not {level!r}")
        old = pending.result
        q = old.question
        rating = old.rating
        card = old.card
        if self.config.mode == "review":
            r = rating_for(old.correct, old.seconds, time_budget(q), level)
            rating = int(r)
            card = self._review(q, pending.card_before, r, old.answered_at, old.seconds)
        result = replace(
            old,
            confidence=level,
            marks=certainty_marks(level, old.correct),
            rating=rating,
            card=card,
        )
        if self.recorder is not None:
            self.recorder.confidence_given(self, result, pending.record)
        # Stored: now the session's own copy follows.
        assert self._answers and self._answers[-1] is old  # nothing is answered while one awaits
        self._answers[-1] = result
        if card is not None:
            self.cards[q.id] = card
        self._pending = None
        if self.state == "finished":
            self._results = self._compute_results()
        return result

    def withdraw(self) -> Item:
        """Take back the answer awaiting its certainty: the stored answer is deleted (the card restored)
        and the same item is out again, its timer still running from when it was first shown."""
        pending = self._pending
        if pending is None or self.state != "answered":
            raise SessionError("no answer to take back")
        old = pending.result
        q = old.question
        if self.recorder is not None:
            self.recorder.withdrawn(self, old, pending.record, pending.card_before)
        assert self._answers and self._answers[-1] is old
        self._answers.pop()
        self._streak = pending.streak_before
        if old.card is not None:
            if pending.card_before is None:
                self.cards.pop(q.id, None)
            else:
                self.cards[q.id] = pending.card_before
        self._pending = None
        self._current = old.item
        self.state = "asking"
        return old.item

    def check_time(self) -> AnswerResult | None:
        """Apply the timers: returns the timed-out result when the current item's time ran out."""
        if self.state == "finished":
            return None
        now = self.clock.now()
        if self._exam_over(now):
            result = self._record_timeout(now) if self.state == "asking" else None
            self._expire_rest()
            self.finish()
            return result
        item = self.current
        if (
            item is not None
            and item.time_limit is not None
            and (now - item.presented_at).total_seconds() > item.time_limit
        ):
            return self._record_timeout(now)
        return None

    def finish(self) -> Results:
        """End the session (idempotent): questions not reached are left unanswered, not scored."""
        if self.state != "finished":
            self.finished_at = self.clock.now()
            if self.started_at is None:
                self.started_at = self.finished_at
            self.state = "finished"
            self._current = None
            self._results = self._compute_results()
            if self.recorder is not None and self.id is not None:
                self.recorder.session_finished(self, self._results)
        assert self._results is not None
        return self._results

    def results(self) -> Results:
        """The results so far (final once finished)."""
        if self.state == "finished" and self._results is not None:
            return self._results
        return self._compute_results()

    def _compute_results(self) -> Results:
        answered = {a.question.id for a in self._answers}
        expired = {q.id for q in self._expired}
        unanswered = [q for q in self.questions if q.id not in answered and q.id not in expired]
        end = self.finished_at or self.clock.now()
        seconds = (end - self.started_at).total_seconds() if self.started_at else 0.0
        return build_results(
            self.config.mode,
            self.seed,
            self._answers,
            expired=self._expired,
            unanswered=unanswered,
            seconds=max(0.0, seconds),
            complete=self.state == "finished" and not unanswered,
            confidence=self.config.confidence,
        )

    def retry_missed(self) -> QuizSession | None:
        """A new session of the questions missed here (same mode, review becomes practice), or None."""
        missed = self.results().missed
        if not missed:
            return None
        mode = "practice" if self.config.mode == "review" else self.config.mode
        config = replace(self.config, mode=mode, question_ids=tuple(q.id for q in missed), count=None)
        return QuizSession.create(
            missed,
            config,
            clock=self.clock,
            facts=self.facts,
            recorder=self.recorder,
            cards=self.cards,
            scheduler=self.scheduler,
        )

    # ---------------------------------------------------------------- inside

    def _asking(self) -> Item:
        if self.state != "asking" or self._current is None:
            raise SessionError(f"no item to answer (state: {self.state}); call next_item() first")
        return self._current

    def _exam_over(self, now: datetime) -> bool:
        deadline = self.deadline
        return deadline is not None and now > deadline

    def _expire_rest(self) -> None:
        answered = {a.question.id for a in self._answers}
        self._expired.extend(q for q in self.questions[self._index :] if q.id not in answered)
        self._index = len(self.questions)

    def _review(
        self, q: Question, before: CardState | None, rating: fsrs.Rating, when: datetime, seconds: float
    ) -> CardState:
        """The card after reviewing `q` from `before`; the fuzz is drawn from the session seed (see review)."""
        if self.scheduler is None:
            self.scheduler = make_scheduler()
        rng = fuzz_rng(self.seed, q.id, before.reps if before is not None else 0)
        return review(self.scheduler, q, before, rating, when, seconds, rng=rng)

    def _record_timeout(self, now: datetime) -> AnswerResult:
        item = self._asking()
        return self._take(item, None, None, now, skipped=False, timed_out=True)

    def _take(
        self,
        item: Item,
        response: Response,
        confidence: int | None,
        answered_at: datetime | None,
        *,
        skipped: bool,
        timed_out: bool = False,
    ) -> AnswerResult:
        if confidence is not None and confidence not in (1, 2, 3):
            raise ValueError(f"confidence is 1, 2 or 3, not {confidence!r}")
        when = answered_at or self.clock.now()
        seconds = max(0.0, (when - item.presented_at).total_seconds())
        exam_over = self._exam_over(when)
        if item.time_limit is not None and seconds > item.time_limit:
            timed_out = True
        if exam_over:
            timed_out = True
        q = item.question
        result_grade = Grade(0.0, q.points) if timed_out or skipped else grade(q, response)
        correct = result_grade.correct
        self_streak = self._streak + 1 if correct else 0
        marks = certainty_marks(confidence, correct) if confidence is not None else None
        blitz = None
        if self.config.mode == "blitz":
            blitz = 0.0
            if not timed_out:
                blitz = blitz_points(q.points, result_grade.fraction, seconds, item.time_limit or 0.0)
                if correct:
                    blitz += streak_bonus(q.points, self_streak)
        rating = None
        card = None
        card_before = self.cards.get(q.id)
        if self.config.mode == "review":
            r = rating_for(correct, seconds, time_budget(q), confidence)
            rating = int(r)
            card = self._review(q, card_before, r, when, seconds)
        choices, parts = feedback_for(item, response)
        result = AnswerResult(
            item=item,
            response=response,
            grade=result_grade,
            answered_at=when,
            seconds=seconds,
            right_answer=right_answer_text(q),
            explanation=q.explanation,
            facts=tuple(self.facts(q)) if self.facts is not None else (),
            choices=choices,
            parts=parts,
            timed_out=timed_out,
            skipped=skipped and not timed_out,
            confidence=confidence,
            marks=marks,
            blitz=blitz,
            streak=self_streak,
            rating=rating,
            card=card,
        )
        record = self.recorder.answered(self, result) if self.recorder is not None else None
        # Only now, with the answer safely stored, does the session move on.
        self._answers.append(result)
        streak_before = self._streak
        self._streak = self_streak
        if card is not None:
            self.cards[q.id] = card
        self.state = "answered"
        self._current = None
        self._pending = None
        if self.config.confidence and confidence is None and not (timed_out or skipped):
            self._pending = _Pending(result, record, card_before, streak_before)
        if exam_over:
            self._expire_rest()
            self.finish()
        return result
