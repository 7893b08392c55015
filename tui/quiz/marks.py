"""Extra marks layered on the base score: blitz points and certainty-based marking.

Neither changes the base score (0..points per question, DESIGN.md); both are
reported beside it.

Blitz (as in Kahoot): a question answered after `t` seconds of a `T`-second
timer earns `points * fraction * (1 - t / T / 2)`: full points for an instant
answer, half at the buzzer, linear between, nothing after it. An answer
streak adds a bonus: the n-th right answer in a row (n >= 2) adds
`points * min(0.1 * (n - 1), 0.5)`, i.e. +10 % of the question's points for a
streak of 2, +20 % for 3 ... capped at +50 %. A wrong, partial, skipped or
late answer ends the streak.

Certainty-based marking (Gardner-Medwin): after answering, the learner says
how sure they are, 1 (not sure), 2 (fairly sure) or 3 (sure). A right answer
(full credit) earns +1 / +2 / +3, anything else 0 / -2 / -6. It pays to say 3
only when more than about 80 % sure and 1 below about 67 %.

Calibration: the accuracy at each certainty level, and the Brier score of the
probabilities the levels stand for (`CERTAINTY_PROBABILITY`: 1 -> 0.5,
2 -> 0.75, 3 -> 0.9): the mean of `(p - outcome)^2`, 0 is perfect, 0.25 is
what always saying "50 %" scores.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

CERTAINTY_MARKS: Mapping[int, tuple[float, float]] = MappingProxyType(
    {1: (1.0, 0.0), 2: (2.0, -2.0), 3: (3.0, -6.0)}
)
"""certainty level -> (marks if right, marks if wrong)."""

CERTAINTY_PROBABILITY: Mapping[int, float] = MappingProxyType({1: 0.5, 2: 0.75, 3: 0.9})
"""certainty level -> the probability of being right it stands for (for the Brier score)."""

CERTAINTY_LABELS: Mapping[int, str] = MappingProxyType({1: "not sure", 2: "fairly sure", 3: "sure"})

STREAK_STEP = 0.1
STREAK_CAP = 0.5


def blitz_points(points: float, fraction: float, seconds: float, limit: float) -> float:
    """Time-weighted points of one blitz answer (no streak bonus); 0 after the buzzer."""
    if limit <= 0:
        return points * fraction
    if seconds > limit:
        return 0.0
    share = max(0.0, seconds) / limit
    return points * fraction * (1.0 - share / 2.0)


def streak_bonus(points: float, streak: int) -> float:
    """The bonus for the `streak`-th right answer in a row (0 for the first)."""
    if streak < 2:
        return 0.0
    return points * min(STREAK_STEP * (streak - 1), STREAK_CAP)


def certainty_marks(confidence: int, correct: bool) -> float:
    """Certainty-based marks for one answer: +1/+2/+3 if right, 0/-2/-6 if wrong."""
    if confidence not in CERTAINTY_MARKS:
        raise ValueError(f"confidence must be 1, 2 or 3, not {confidence!r}")
    right, wrong = CERTAINTY_MARKS[confidence]
    return right if correct else wrong


@dataclass(frozen=True, slots=True)
class LevelFigures:
    """How the answers given at one certainty level came out."""

    level: int
    answers: int
    correct: int

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answers if self.answers else None

    @property
    def expected(self) -> float:
        """The accuracy the level claims."""
        return CERTAINTY_PROBABILITY[self.level]


@dataclass(frozen=True, slots=True)
class Calibration:
    """Certainty-based marks and calibration over a set of answers."""

    marks: float
    max_marks: float
    levels: tuple[LevelFigures, ...]  # one per level 1..3, in order
    brier: float | None  # None when no answer carried a certainty

    @property
    def answers(self) -> int:
        return sum(level.answers for level in self.levels)


def calibration(pairs: Iterable[tuple[int, bool]]) -> Calibration:
    """Calibration from (certainty level, right?) pairs."""
    counts = {level: [0, 0] for level in CERTAINTY_MARKS}
    marks = 0.0
    brier_sum = 0.0
    n = 0
    for level, correct in pairs:
        marks += certainty_marks(level, correct)
        counts[level][0] += 1
        counts[level][1] += int(correct)
        brier_sum += (CERTAINTY_PROBABILITY[level] - (1.0 if correct else 0.0)) ** 2
        n += 1
    levels = tuple(LevelFigures(level, a, c) for level, (a, c) in sorted(counts.items()))
    return Calibration(marks=marks, max_marks=3.0 * n, levels=levels, brier=brier_sum / n if n else None)
