"""Plain records the store reads and writes (no engine types: the store knows nothing of sessions)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import fsrs


@dataclass(frozen=True, slots=True)
class CardState:
    """A learner's FSRS memory state for one question (keyed by the question's stable id)."""

    question_id: str
    bank_id: str
    card: fsrs.Card
    created: datetime
    reps: int = 0
    lapses: int = 0

    @property
    def due(self) -> datetime:
        return self.card.due


@dataclass(frozen=True, slots=True)
class AttemptRecord:
    """One answer, as stored (one row of `attempts`)."""

    question_id: str
    bank_id: str
    qtype: str
    mode: str
    answered_at: datetime
    seconds: float
    response: object  # JSON-able: str, bool, float, list, dict or None
    fraction: float
    earned: float
    points: float
    correct: bool
    timed_out: bool = False
    skipped: bool = False
    confidence: int | None = None
    marks: float | None = None
    blitz: float | None = None
    rating: int | None = None
    tags: tuple[str, ...] = ()
    difficulty: int = 1
    session_id: int | None = None
    id: int | None = field(default=None, compare=False)
