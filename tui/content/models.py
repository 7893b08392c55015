"""Immutable content models, built once from checked YAML.

Every model keeps where it was written (`loc`, and `locs` per field) so
cross-file checks can point at the offending line; those never take part in
equality.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from tui.content.findings import Loc

FactKind = Literal["reported", "verified", "opinion", "question"]
QuestionType = Literal["choice", "multi", "truefalse", "numeric", "short", "order", "match"]
Side = Literal["prop", "opp"]


@dataclass(frozen=True, slots=True)
class Fact:
    id: str
    text: str
    kind: FactKind
    section: str
    origin: Literal["article", "context"] = "article"
    ref: str | None = None
    loc: Loc = field(default_factory=Loc, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Seed:
    id: str
    title: str
    origin: str
    facts: tuple[Fact, ...]
    source: str | None = None
    path: str = field(default="", compare=False)
    loc: Loc = field(default_factory=Loc, compare=False, repr=False)

    def fact(self, fact_id: str) -> Fact | None:
        return next((f for f in self.facts if f.id == fact_id), None)


@dataclass(frozen=True, slots=True)
class Question:
    """One question; which answer fields are set depends on `type`."""

    id: str
    type: QuestionType
    prompt: str
    explanation: str
    facts: tuple[str, ...]
    tags: tuple[str, ...]
    difficulty: int
    points: float = 1.0
    time_limit: int | None = None
    answer: str | bool | float | None = None  # choice: text; truefalse: bool; numeric: number
    answers: tuple[str, ...] = ()  # multi: right choices; short: accepted forms
    distractors: tuple[str, ...] = ()
    feedback: Mapping[str, str] = field(default_factory=dict, compare=False)
    tolerance: float | str = 0  # numeric: absolute, or "10%"
    unit: str | None = None
    fuzzy: float = 0.85
    items: tuple[str, ...] = ()  # order: the correct order
    pairs: tuple[tuple[str, str], ...] = ()  # match: (left, right)
    bank: str = ""
    loc: Loc = field(default_factory=Loc, compare=False, repr=False)
    locs: Mapping[str, Loc] = field(default_factory=dict, compare=False, repr=False)

    @property
    def choices(self) -> tuple[str, ...]:
        """All options of a choice or multi question, right ones first (the engine shuffles)."""
        if self.type == "choice":
            return (str(self.answer), *self.distractors)
        if self.type == "multi":
            return (*self.answers, *self.distractors)
        if self.type == "truefalse":
            return ("True", "False")
        return ()

    def tolerance_for(self, value: float) -> float:
        """The absolute tolerance of a numeric question."""
        if isinstance(self.tolerance, str):
            return abs(value) * float(self.tolerance.rstrip("%")) / 100
        return float(self.tolerance)


@dataclass(frozen=True, slots=True)
class Bank:
    id: str
    title: str
    seed: str
    questions: tuple[Question, ...]
    description: str | None = None
    path: str = field(default="", compare=False)
    loc: Loc = field(default_factory=Loc, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Rebuttal:
    id: str
    text: str
    key_points: tuple[tuple[str, ...], ...]
    loc: Loc = field(default_factory=Loc, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Argument:
    id: str
    side: Side
    claim: str
    reasoning: str
    evidence: tuple[str, ...]
    impact: str
    strength: int
    tags: tuple[str, ...]
    rebuttals: tuple[Rebuttal, ...]
    motion: str = ""
    loc: Loc = field(default_factory=Loc, compare=False, repr=False)
    locs: Mapping[str, Loc] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class ArgumentSet:
    id: str
    motion: str
    info: str
    seed: str
    arguments: tuple[Argument, ...]
    tags: tuple[str, ...] = ()
    path: str = field(default="", compare=False)
    loc: Loc = field(default_factory=Loc, compare=False, repr=False)

    def side(self, side: str) -> tuple[Argument, ...]:
        return tuple(a for a in self.arguments if a.side == side)


@dataclass(frozen=True, slots=True)
class Speech:
    name: str
    side: Literal["prop", "opp", "both"]
    minutes: float
    kind: Literal["speech", "reply", "cross"] = "speech"
    team: str | None = None
    poi: tuple[float, float] | None = None
    bells: tuple[float, ...] = ()

    @property
    def seconds(self) -> float:
        return self.minutes * 60


@dataclass(frozen=True, slots=True)
class Team:
    id: str
    name: str
    side: Side


@dataclass(frozen=True, slots=True)
class Criterion:
    name: str
    max: float


@dataclass(frozen=True, slots=True)
class Scoring:
    criteria: tuple[Criterion, ...]
    speaker_range: tuple[float, float]
    reply_range: tuple[float, float] | None = None
    step: float = 1.0
    ranks: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True)
class DebateFormat:
    id: str
    name: str
    sides: tuple[Side, ...]
    speeches: tuple[Speech, ...]
    scoring: Scoring
    prep_minutes: float = 0
    prep_pool_minutes: float = 0
    side_names: Mapping[str, str] = field(default_factory=dict, compare=False)
    teams: tuple[Team, ...] = ()
    description: str | None = None
    path: str = field(default="", compare=False)
    loc: Loc = field(default_factory=Loc, compare=False, repr=False)

    def side_name(self, side: str) -> str:
        return self.side_names.get(side, {"prop": "Proposition", "opp": "Opposition"}.get(side, side))


Content = Seed | Bank | ArgumentSet | DebateFormat
