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

With confidence marking on, the answer is stored (and the card moved) the
moment it is given, rated as if no certainty was asked; when the learner then
says how sure they were, the card is recomputed from its state before the
answer with the certainty taken into account, so it ends exactly where it
would have had the certainty come with the answer. An answer left without a
certainty (the learner quit at the prompt) keeps the first rating.

Due dates and `--seed`
----------------------
FSRS "fuzzes" intervals of 2.5 days or more by a few percent, so that
questions learned together do not all fall due on the same day. Sparring
keeps the fuzz (a learner expects the same spread of reviews with or without
a seed) but draws it from the session's seed, the question id and how many
times the question was reviewed before, never from the process-wide random
state. So `--seed N` reproduces the due dates as well as the order of the
questions; without `--seed`, the session picks a seed (and reports it), and
due dates spread as usual. Each question gets its own draw, so two questions
answered alike in one session may still fall due on different days.

What a review session asks
--------------------------
First the due questions (due date at or before now), most overdue first; then
questions never reviewed, in bank order, up to the daily cap of new questions
(`new_per_day`, counted from local midnight, including new ones already
started today). Questions reviewed and not yet due are left out. Filters
(tags, difficulty, ids) apply first, then `count` caps the total.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime, timedelta

import fsrs
from fsrs.scheduler import FUZZ_RANGES

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
    """The default FSRS scheduler (90 % desired retention; `fuzz=False` for unfuzzed dates)."""
    return fsrs.Scheduler(enable_fuzzing=fuzz)


def fuzz_rng(seed: int, question_id: str, reps: int) -> random.Random:
    """The random source of one review's fuzz: the session seed, the question, its earlier reviews."""
    return random.Random(f"sparring-fsrs-fuzz:{seed}:{question_id}:{reps}")


def fuzzed_interval(interval: timedelta, rng: random.Random, maximum_interval: int) -> timedelta:
    """FSRS's fuzz (`fsrs.Scheduler._get_fuzzed_interval`, v6) with the draw taken from `rng`."""
    days = interval.days
    if days < 2.5:
        return interval
    delta = 1.0
    for span in FUZZ_RANGES:
        delta += span["factor"] * max(min(float(days), span["end"]) - span["start"], 0.0)
    low = max(2, round(days - delta))
    high = min(round(days + delta), maximum_interval)
    low = min(low, high)
    fuzzed = rng.random() * (high - low + 1) + low
    return timedelta(days=min(round(fuzzed), maximum_interval))


def review(
    scheduler: fsrs.Scheduler,
    question: Question,
    state: CardState | None,
    rating: fsrs.Rating,
    when: datetime,
    seconds: float,
    *,
    rng: random.Random | None = None,
) -> CardState:
    """The card after one review (a new card when `state` is None); `state` itself is left as it was.

    When the scheduler fuzzes and `rng` is given (see `fuzz_rng`), the fuzz is drawn
    from `rng`, so the same `rng` seed gives the same due date.
    """
    when = utc(when)
    card = state.card if state is not None else fsrs.Card(card_id=1, due=when)
    seeded = rng is not None and scheduler.enable_fuzzing
    plain = replace(scheduler, enable_fuzzing=False) if seeded else scheduler
    updated, _log = plain.review_card(
        card, rating, review_datetime=when, review_duration=max(0, int(seconds * 1000))
    )
    if seeded and rng is not None and updated.state == fsrs.State.Review:
        updated.due = when + fuzzed_interval(updated.due - when, rng, scheduler.maximum_interval)
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
