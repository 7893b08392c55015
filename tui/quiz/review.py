"""Spaced review with FSRS (the `fsrs` package, v6): what is due, and how an answer is rated.

How an answer becomes an FSRS rating
------------------------------------
The learner never presses "again/hard/good/easy": the rating comes from the
answer itself. The *time budget* of a question is its `time_limit` when the
bank sets one, else 30 seconds.

| the answer                                                          | rating |
|---------------------------------------------------------------------|--------|
| wrong, partly right, skipped or timed out                           | Again  |
| right, but the learner said "not sure" (certainty 1)                | Hard   |
| right, but slow: took more than 3/4 of the time budget              | Hard   |
| right and fast (within 1/4 of the budget), not marked 1 or 2        | Easy   |
| right otherwise                                                     | Good   |

"Right" means full credit (a partly right multi, order or match answer
counts as a lapse). Certainty 2 ("fairly sure") caps a right answer at Good;
certainty 3, or no confidence marking, leaves the time to decide.

Only review mode updates the schedule: practice, exam and blitz answers are
stored as attempts but do not move due dates (time pressure and exam
conditions would skew the ratings).

What a review session asks
--------------------------
First the due questions (due date at or before now), most overdue first; then
questions never reviewed, in bank order, up to the daily cap of new questions
(`new_per_day`, counted from local midnight, including new ones already
started today). Questions reviewed and not yet due are left out. Filters
(tags, difficulty, ids) apply first, then `count` caps the total.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

import fsrs

from tui.content.models import Question
from tui.quiz.clock import utc
from tui.store.records import CardState

DEFAULT_BUDGET = 30.0
FAST_SHARE = 0.25
SLOW_SHARE = 0.75


def time_budget(question: Question) -> float:
    """Seconds a considered answer may take: the question's time_limit, else 30."""
    return float(question.time_limit) if question.time_limit else DEFAULT_BUDGET


def rating_for(correct: bool, seconds: float, budget: float, confidence: int | None = None) -> fsrs.Rating:
    """The FSRS rating of one answer (see the module docstring for the table)."""
    if not correct:
        return fsrs.Rating.Again
    if confidence == 1 or seconds > SLOW_SHARE * budget:
        return fsrs.Rating.Hard
    if seconds <= FAST_SHARE * budget and confidence in (None, 3):
        return fsrs.Rating.Easy
    return fsrs.Rating.Good


def make_scheduler(*, fuzz: bool = True) -> fsrs.Scheduler:
    """The default FSRS scheduler (90 % desired retention; `fuzz=False` for exact dates in tests)."""
    return fsrs.Scheduler(enable_fuzzing=fuzz)


def review(
    scheduler: fsrs.Scheduler,
    question: Question,
    state: CardState | None,
    rating: fsrs.Rating,
    when: datetime,
    seconds: float,
) -> CardState:
    """The card after one review (a new card when `state` is None)."""
    when = utc(when)
    card = state.card if state is not None else fsrs.Card(card_id=1, due=when)
    updated, _log = scheduler.review_card(
        card, rating, review_datetime=when, review_duration=max(0, int(seconds * 1000))
    )
    lapse = rating == fsrs.Rating.Again and card.state != fsrs.State.Learning
    return CardState(
        question_id=question.id,
        bank_id=question.bank,
        card=updated,
        created=state.created if state is not None else when,
        reps=(state.reps if state is not None else 0) + 1,
        lapses=(state.lapses if state is not None else 0) + int(lapse),
    )


def local_midnight(now: datetime) -> datetime:
    """The start of the learner's local day containing `now`, in UTC."""
    local = utc(now).astimezone()
    return utc(local.replace(hour=0, minute=0, second=0, microsecond=0))


def new_today(cards: Iterable[CardState], now: datetime) -> int:
    """How many questions had their first review today (local time)."""
    start = local_midnight(now)
    end = start + timedelta(days=1)
    return sum(1 for c in cards if start <= utc(c.created) < end)


def pick_review(
    questions: Iterable[Question],
    cards: Mapping[str, CardState],
    now: datetime,
    new_per_day: int,
) -> list[Question]:
    """Due questions (most overdue first), then new ones in the given order up to today's remaining cap."""
    now = utc(now)
    due: list[tuple[datetime, int, Question]] = []
    fresh: list[Question] = []
    for index, q in enumerate(questions):
        state = cards.get(q.id)
        if state is None:
            fresh.append(q)
        elif utc(state.due) <= now:
            due.append((utc(state.due), index, q))
    due.sort(key=lambda t: (t[0], t[1]))
    room = max(0, new_per_day - new_today(cards.values(), now))
    return [q for _, _, q in due] + fresh[:room]
