"""Figures over a learner's stored history: `sparring stats` and the stats screen read these.

Accuracy, everywhere in Sparring (a session's results, the stats screen, `sparring
stats`), is the share of points: points earned / points possible, 0..1. A half-right
multi answer worth 2 points adds 1 of 2. `correct` counts answers with full credit;
it is reported beside accuracy, never called accuracy. (Calibration is the one
exception by nature: how often an answer at a certainty level was fully right.)

Days are local calendar days: stored times are UTC, and each is placed on the
learner's calendar in the time zone `tz` (default: the system's local zone; pass a
`datetime.tzinfo` for a fixed one, e.g. in tests).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from tui.store.db import Store, parse_ts, ts


def share_of_points(earned: float, possible: float) -> float:
    """Accuracy as Sparring defines it: points earned / points possible (0 when nothing was possible)."""
    return earned / possible if possible > 0 else 0.0


def local_day(when: datetime, tz: tzinfo | None = None) -> date:
    """The calendar day `when` falls on in `tz` (None: the system's local time zone)."""
    return when.astimezone(tz).date() if tz is not None else when.astimezone().date()


def local_start(day: date, tz: tzinfo | None = None) -> datetime:
    """The first moment of `day` in `tz` (None: the system's local time zone), timezone-aware."""
    midnight = datetime.combine(day, datetime.min.time())
    return midnight.replace(tzinfo=tz) if tz is not None else midnight.astimezone()


@dataclass(frozen=True, slots=True)
class BankStats:
    attempts: int = 0
    correct: int = 0  # answers with full credit
    earned: float = 0.0
    possible: float = 0.0
    questions: int = 0  # distinct questions answered
    due: int = 0
    last: str | None = None  # ISO time of the latest answer

    @property
    def accuracy(self) -> float:
        """Points earned / points possible, 0..1."""
        return share_of_points(self.earned, self.possible)

    def as_dict(self) -> dict[str, object]:
        return {
            "attempts": self.attempts,
            "correct": self.correct,
            "accuracy": round(self.accuracy, 4),
            "earned": round(self.earned, 4),
            "possible": round(self.possible, 4),
            "questions": self.questions,
            "due": self.due,
            "last": self.last,
        }


@dataclass(frozen=True, slots=True)
class Stats:
    """Totals for one profile: `attempts`, `correct` (full credit), `accuracy` (points earned /
    points possible, 0..1), `due` now, and per-bank figures."""

    profile: str
    attempts: int
    correct: int
    due: int
    sessions: int
    banks: dict[str, BankStats] = field(default_factory=dict)

    @property
    def earned(self) -> float:
        return sum(b.earned for b in self.banks.values())

    @property
    def possible(self) -> float:
        return sum(b.possible for b in self.banks.values())

    @property
    def accuracy(self) -> float:
        """Points earned / points possible, 0..1."""
        return share_of_points(self.earned, self.possible)

    def as_dict(self) -> dict[str, object]:
        return {
            "profile": self.profile,
            "attempts": self.attempts,
            "correct": self.correct,
            "accuracy": round(self.accuracy, 4),
            "earned": round(self.earned, 4),
            "possible": round(self.possible, 4),
            "due": self.due,
            "sessions": self.sessions,
            "banks": {k: v.as_dict() for k, v in sorted(self.banks.items())},
        }


def stats(store: Store, profile: str, now: datetime) -> Stats:
    pid = store.profile_id(profile)
    banks: dict[str, BankStats] = {}
    for r in store.query(
        "SELECT bank_id, count(*), sum(correct), sum(earned), sum(points), count(DISTINCT question_id),"
        " max(answered_at) FROM attempts WHERE profile_id = ? GROUP BY bank_id",
        (pid,),
    ):
        banks[r[0]] = BankStats(
            attempts=r[1],
            correct=int(r[2] or 0),
            earned=float(r[3] or 0),
            possible=float(r[4] or 0),
            questions=r[5],
            last=r[6],
        )
    for bank_id, due in store.due_by_bank(profile, now).items():
        old = banks.get(bank_id, BankStats())
        banks[bank_id] = BankStats(
            old.attempts, old.correct, old.earned, old.possible, old.questions, due, old.last
        )
    attempts = sum(b.attempts for b in banks.values())
    correct = sum(b.correct for b in banks.values())
    sessions = int(store.query("SELECT count(*) FROM sessions WHERE profile_id = ?", (pid,))[0][0])
    return Stats(
        profile=profile,
        attempts=attempts,
        correct=correct,
        due=store.due_count(profile, now),
        sessions=sessions,
        banks=banks,
    )


@dataclass(frozen=True, slots=True)
class DayFigures:
    """The answers of one local calendar day."""

    day: date
    attempts: int
    correct: int  # full credit
    earned: float = 0.0
    possible: float = 0.0

    @property
    def accuracy(self) -> float:
        """Points earned / points possible, 0..1."""
        return share_of_points(self.earned, self.possible)


def history(
    store: Store, profile: str, now: datetime, days: int = 30, *, tz: tzinfo | None = None
) -> list[DayFigures]:
    """Answers per local calendar day over the last `days` days up to `now`'s day (oldest first,
    empty days included). `tz` is the learner's time zone (None: the system's local zone)."""
    pid = store.profile_id(profile)
    today = local_day(now, tz)
    first = today - timedelta(days=days - 1)
    since = local_start(first, tz)
    counts: dict[date, list[float]] = {first + timedelta(days=i): [0, 0, 0.0, 0.0] for i in range(days)}
    for answered_at, correct, earned, possible in store.query(
        "SELECT answered_at, correct, earned, points FROM attempts WHERE profile_id = ? AND answered_at >= ?",
        (pid, ts(since)),
    ):
        figures = counts.get(local_day(parse_ts(answered_at), tz))
        if figures is not None:
            figures[0] += 1
            figures[1] += int(correct)
            figures[2] += float(earned)
            figures[3] += float(possible)
    return [DayFigures(d, int(a), int(c), e, p) for d, (a, c, e, p) in sorted(counts.items())]


@dataclass(frozen=True, slots=True)
class TagFigures:
    """The stored answers to questions carrying one tag."""

    attempts: int = 0
    correct: int = 0  # full credit
    earned: float = 0.0
    possible: float = 0.0

    @property
    def accuracy(self) -> float:
        """Points earned / points possible, 0..1 (as a session's results show per tag)."""
        return share_of_points(self.earned, self.possible)


def tag_accuracy(store: Store, profile: str) -> dict[str, TagFigures]:
    """tag -> its figures over every stored attempt; accuracy is points earned / points possible."""
    pid = store.profile_id(profile)
    sums: dict[str, list[float]] = {}
    for tags, correct, earned, possible in store.query(
        "SELECT tags, correct, earned, points FROM attempts WHERE profile_id = ?", (pid,)
    ):
        for tag in json.loads(tags or "[]"):
            row = sums.setdefault(tag, [0, 0, 0.0, 0.0])
            row[0] += 1
            row[1] += int(correct)
            row[2] += float(earned)
            row[3] += float(possible)
    return {tag: TagFigures(int(a), int(c), e, p) for tag, (a, c, e, p) in sorted(sums.items())}


def due_forecast(
    store: Store, profile: str, now: datetime, days: int = 14, *, tz: tzinfo | None = None
) -> list[int]:
    """Reviews falling due on each of the next `days` local calendar days (in `tz`; None: the system's
    local zone); the first day includes the overdue ones."""
    today = local_day(now, tz)
    out = [0] * days
    for due in store.due_dates(profile):
        offset = (local_day(due, tz) - today).days
        if offset < days:
            out[max(0, offset)] += 1
    return out


def calibration_pairs(store: Store, profile: str) -> list[tuple[int, bool]]:
    """(certainty 1-3, right?) of every stored answer that carried a certainty: feed `tui.quiz.marks.calibration`."""
    pid = store.profile_id(profile)
    return [
        (int(r[0]), bool(r[1]))
        for r in store.query(
            "SELECT confidence, correct FROM attempts WHERE profile_id = ? AND confidence IS NOT NULL", (pid,)
        )
    ]
