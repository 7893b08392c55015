"""Figures over a learner's stored history: `sparring stats` and the stats screen read these."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from tui.store.db import Store, parse_ts, ts


@dataclass(frozen=True, slots=True)
class BankStats:
    attempts: int = 0
    correct: int = 0
    earned: float = 0.0
    possible: float = 0.0
    questions: int = 0  # distinct questions answered
    due: int = 0
    last: str | None = None  # ISO time of the latest answer

    @property
    def accuracy(self) -> float:
        """Share of attempts with full credit, 0..1."""
        return self.correct / self.attempts if self.attempts else 0.0

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
    """Totals for one profile: `attempts`, `correct`, `accuracy` (0..1), `due` now, and per-bank figures."""

    profile: str
    attempts: int
    correct: int
    due: int
    sessions: int
    banks: dict[str, BankStats] = field(default_factory=dict)

    @property
    def accuracy(self) -> float:
        return self.correct / self.attempts if self.attempts else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "profile": self.profile,
            "attempts": self.attempts,
            "correct": self.correct,
            "accuracy": round(self.accuracy, 4),
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
    day: date
    attempts: int
    correct: int


def history(store: Store, profile: str, now: datetime, days: int = 30) -> list[DayFigures]:
    """Attempts and right answers per local day over the last `days` days (oldest first, empty days included)."""
    pid = store.profile_id(profile)
    today = now.astimezone().date()
    first = today - timedelta(days=days - 1)
    since = datetime.combine(first, datetime.min.time()).astimezone()
    counts: dict[date, list[int]] = {first + timedelta(days=i): [0, 0] for i in range(days)}
    for answered_at, correct in store.query(
        "SELECT answered_at, correct FROM attempts WHERE profile_id = ? AND answered_at >= ?",
        (pid, ts(since)),
    ):
        day = parse_ts(answered_at).astimezone().date()
        if day in counts:
            counts[day][0] += 1
            counts[day][1] += int(correct)
    return [DayFigures(d, a, c) for d, (a, c) in sorted(counts.items())]


def tag_accuracy(store: Store, profile: str) -> dict[str, tuple[int, int]]:
    """tag -> (attempts, right answers), over every stored attempt."""
    pid = store.profile_id(profile)
    attempts: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for tags, correct in store.query("SELECT tags, correct FROM attempts WHERE profile_id = ?", (pid,)):
        for tag in json.loads(tags or "[]"):
            attempts[tag] += 1
            right[tag] += int(correct)
    return {tag: (attempts[tag], right[tag]) for tag in sorted(attempts)}


def due_forecast(store: Store, profile: str, now: datetime, days: int = 14) -> list[int]:
    """Reviews falling due on each of the next `days` local days; the first day includes the overdue ones."""
    today = now.astimezone().date()
    out = [0] * days
    for due in store.due_dates(profile):
        offset = (due.astimezone().date() - today).days
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
