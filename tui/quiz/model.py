"""What a quiz session hands out: its settings, the items it presents, the results it scores."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Literal, get_args

from tui.content.models import Fact, Question, QuestionType
from tui.quiz.marks import Calibration, calibration
from tui.quiz.scoring import Grade, Response
from tui.store.records import CardState

Mode = Literal["practice", "exam", "review", "blitz"]
MODES: tuple[Mode, ...] = get_args(Mode)

DEFAULT_BLITZ_SECONDS = 20.0
DEFAULT_NEW_PER_DAY = 20


@dataclass(frozen=True, slots=True)
class SessionConfig:
    """Everything that decides a session; the CLI builds one and the home screen can too.

    `banks` holds bank ids or paths to bank files (a `.yaml`/`.yml` name or an
    existing file is a path); empty means every loaded bank.
    """

    banks: tuple[str, ...] = ()
    mode: Mode = "practice"
    tags: tuple[str, ...] = ()  # keep questions carrying any of these tags
    difficulty: tuple[int, ...] = ()  # keep these difficulties (1..3)
    question_ids: tuple[str, ...] = ()  # keep only these questions
    count: int | None = None  # at most this many questions
    seed: int | None = None  # the shuffle's seed; None picks one (and the session reports it)
    confidence: bool = False  # ask for certainty 1-3 after each answer
    time_limit: float | None = None  # exam: total seconds
    blitz_seconds: float = DEFAULT_BLITZ_SECONDS  # blitz timer for questions without a time_limit
    new_per_day: int = DEFAULT_NEW_PER_DAY  # review: new questions per day
    shuffle: bool = True  # shuffle questions (review keeps its due order) and choices

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {self.mode!r}")
        if self.count is not None and self.count < 1:
            raise ValueError("count must be at least 1")
        if self.time_limit is not None and self.time_limit <= 0:
            raise ValueError("time_limit must be positive")
        if self.blitz_seconds <= 0:
            raise ValueError("blitz_seconds must be positive")
        if self.new_per_day < 0:
            raise ValueError("new_per_day must not be negative")
        for d in self.difficulty:
            if d not in (1, 2, 3):
                raise ValueError(f"difficulty is 1, 2 or 3, not {d!r}")

    def as_dict(self) -> dict[str, object]:
        """JSON-able (stored with the session)."""
        return {
            "banks": list(self.banks),
            "mode": self.mode,
            "tags": list(self.tags),
            "difficulty": list(self.difficulty),
            "question_ids": list(self.question_ids),
            "count": self.count,
            "seed": self.seed,
            "confidence": self.confidence,
            "time_limit": self.time_limit,
            "blitz_seconds": self.blitz_seconds,
            "new_per_day": self.new_per_day,
            "shuffle": self.shuffle,
        }


@dataclass(frozen=True, slots=True)
class Item:
    """One question as presented: the shuffled choices / items / columns, and its timer.

    The learner answers in terms of what is shown; the response handed to
    `QuizSession.answer` uses the texts (see `tui.quiz.scoring`): e.g. for a
    choice question `item.choices[i]`, for order the texts of `item.items`
    rearranged, for match `{left: right}` with texts from `lefts`/`rights`.
    """

    number: int  # 1-based position in the session
    total: int
    question: Question
    presented_at: datetime
    choices: tuple[str, ...] = ()  # choice, multi, truefalse ("True", "False"): in shown order
    items: tuple[str, ...] = ()  # order: the items shuffled
    lefts: tuple[str, ...] = ()  # match: left column, shown numbered
    rights: tuple[str, ...] = ()  # match: right column, shown lettered
    time_limit: float | None = None  # seconds on this item's timer (blitz), None when untimed

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def type(self) -> QuestionType:
        return self.question.type

    @property
    def prompt(self) -> str:
        return self.question.prompt

    @property
    def points(self) -> float:
        return self.question.points

    @property
    def unit(self) -> str | None:
        return self.question.unit


@dataclass(frozen=True, slots=True)
class ChoiceFeedback:
    """One shown choice after answering: was it right, was it picked, what the author says about it."""

    text: str
    right: bool
    chosen: bool
    feedback: str | None = None


@dataclass(frozen=True, slots=True)
class PartFeedback:
    """One part of an order or match answer: order: a position; match: a left item."""

    label: str  # order: "1", "2", ...; match: the left item
    given: str | None  # what the learner put there
    expected: str  # what belongs there
    right: bool


@dataclass(frozen=True, slots=True)
class AnswerResult:
    """The scored outcome of one item, with everything the feedback panel shows."""

    item: Item
    response: Response
    grade: Grade
    answered_at: datetime
    seconds: float
    right_answer: str  # the right answer written out
    explanation: str
    facts: tuple[Fact, ...]  # the cited facts, each with its kind (reported / verified / opinion / question)
    choices: tuple[ChoiceFeedback, ...] = ()  # choice, multi, truefalse: every shown choice
    parts: tuple[PartFeedback, ...] = ()  # order, match
    timed_out: bool = False
    skipped: bool = False
    confidence: int | None = None
    marks: float | None = None  # certainty-based marks (confidence marking on)
    blitz: float | None = None  # blitz points, streak bonus included
    streak: int = 0  # right answers in a row, this one included
    rating: int | None = None  # FSRS rating (review mode): 1 again, 2 hard, 3 good, 4 easy
    card: CardState | None = None  # the review state after this answer (review mode)

    @property
    def question(self) -> Question:
        return self.item.question

    @property
    def correct(self) -> bool:
        return self.grade.correct

    @property
    def fraction(self) -> float:
        return self.grade.fraction

    @property
    def earned(self) -> float:
        return self.grade.earned

    @property
    def verdict(self) -> str:
        """`right`, `partly right`, `wrong`, `skipped` or `out of time`."""
        if self.timed_out:
            return "out of time"
        if self.skipped:
            return "skipped"
        return self.grade.verdict

    @property
    def chosen_feedback(self) -> tuple[str, ...]:
        """The author's feedback on the choices the learner picked."""
        return tuple(c.feedback for c in self.choices if c.chosen and c.feedback)


@dataclass(frozen=True, slots=True)
class Figures:
    """Counts and points over a group of questions (a tag, a difficulty, the whole session)."""

    questions: int = 0
    correct: int = 0
    earned: float = 0.0
    possible: float = 0.0

    @property
    def percent(self) -> float:
        return 100.0 * self.earned / self.possible if self.possible else 0.0

    def plus(self, correct: bool, earned: float, possible: float) -> Figures:
        return Figures(
            self.questions + 1, self.correct + int(correct), self.earned + earned, self.possible + possible
        )


@dataclass(frozen=True, slots=True)
class Results:
    """A session's outcome. `expired`: questions an exam's clock ran out on (they count as missed);
    `unanswered`: questions not reached when the learner left early (they do not count)."""

    mode: Mode
    seed: int
    answers: tuple[AnswerResult, ...]
    expired: tuple[Question, ...] = ()
    unanswered: tuple[Question, ...] = ()
    seconds: float = 0.0
    complete: bool = False  # finished with every question answered (or expired)
    by_tag: Mapping[str, Figures] = field(default_factory=lambda: MappingProxyType({}))
    by_difficulty: Mapping[int, Figures] = field(default_factory=lambda: MappingProxyType({}))
    blitz: float | None = None  # total blitz points (blitz mode)
    calibration: Calibration | None = None  # confidence marking on

    @property
    def earned(self) -> float:
        return sum(a.earned for a in self.answers)

    @property
    def possible(self) -> float:
        return sum(a.question.points for a in self.answers) + sum(q.points for q in self.expired)

    @property
    def percent(self) -> float:
        return 100.0 * self.earned / self.possible if self.possible else 0.0

    @property
    def correct(self) -> int:
        return sum(1 for a in self.answers if a.correct)

    @property
    def missed(self) -> tuple[Question, ...]:
        """Questions answered without full credit, then those the exam clock ran out on."""
        return tuple(a.question for a in self.answers if not a.correct) + self.expired


def build_results(
    mode: Mode,
    seed: int,
    answers: Iterable[AnswerResult],
    *,
    expired: Iterable[Question] = (),
    unanswered: Iterable[Question] = (),
    seconds: float = 0.0,
    complete: bool = False,
    confidence: bool = False,
) -> Results:
    answers = tuple(answers)
    expired = tuple(expired)
    by_tag: dict[str, Figures] = {}
    by_difficulty: dict[int, Figures] = {}
    rows = [(a.question, a.correct, a.earned) for a in answers] + [(q, False, 0.0) for q in expired]
    for q, correct, earned in rows:
        for tag in q.tags:
            by_tag[tag] = by_tag.get(tag, Figures()).plus(correct, earned, q.points)
        by_difficulty[q.difficulty] = by_difficulty.get(q.difficulty, Figures()).plus(
            correct, earned, q.points
        )
    cal = None
    if confidence:
        cal = calibration((a.confidence, a.correct) for a in answers if a.confidence is not None)
    blitz = sum(a.blitz or 0.0 for a in answers) if mode == "blitz" else None
    return Results(
        mode=mode,
        seed=seed,
        answers=answers,
        expired=expired,
        unanswered=tuple(unanswered),
        seconds=seconds,
        complete=complete,
        by_tag=MappingProxyType(dict(sorted(by_tag.items()))),
        by_difficulty=MappingProxyType(dict(sorted(by_difficulty.items()))),
        blitz=blitz,
        calibration=cal,
    )
