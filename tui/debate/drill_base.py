"""Shared ground of the argument drills: prompts, results, summaries and the drill state machine."""

from __future__ import annotations

import random
import re
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar, Generic, Literal, TypeVar

from tui.content.models import Argument, ArgumentSet, Side
from tui.debate.clock import Clock, Countdown, SystemClock
from tui.debate.errors import BadAnswer, DebateError, fmt_score

DrillKind = Literal["side", "pick", "rebuttal", "case", "weigh"]
DRILL_KINDS: tuple[DrillKind, ...] = ("side", "pick", "rebuttal", "case", "weigh")

SIDE_WORDS: Mapping[str, Side] = {
    "prop": "prop",
    "p": "prop",
    "pro": "prop",
    "proposition": "prop",
    "gov": "prop",
    "government": "prop",
    "aff": "prop",
    "affirmative": "prop",
    "for": "prop",
    "opp": "opp",
    "o": "opp",
    "op": "opp",
    "opposition": "opp",
    "con": "opp",
    "neg": "opp",
    "negative": "opp",
    "against": "opp",
}
SIDE_NAMES: Mapping[str, str] = {"prop": "Proposition", "opp": "Opposition"}


def other(side: Side) -> Side:
    return "opp" if side == "prop" else "prop"


def new_seed() -> int:
    return random.SystemRandom().randrange(1, 2**31)


@dataclass(frozen=True, slots=True)
class Prompt:
    """What to show for one drill item. Fields unused by a drill stay empty.

    - side: `argument` (claim only is fair to show); harder level: `motions` to choose among.
    - pick: `argument` and four `options` (rebuttal texts), numbered from 1.
    - rebuttal: `argument`, `time_limit` (seconds).
    - case: `arguments` (numbered options, from 1), `picks` to choose, `time_limit`, `side`.
    - weigh: `arguments` = the two whose impacts are weighed, `time_limit`.
    """

    drill: DrillKind
    number: int
    total: int
    item_id: str
    motion: ArgumentSet
    instruction: str
    argument: Argument | None = None
    options: tuple[str, ...] = ()
    arguments: tuple[Argument, ...] = ()
    motions: tuple[ArgumentSet, ...] = ()
    picks: int = 0
    time_limit: float | None = None
    side: Side | None = None


@dataclass(frozen=True, slots=True)
class DrillResult:
    """One answered item: the score and every reason for it."""

    drill: DrillKind
    motion_id: str
    item_id: str
    answer: str
    earned: float
    possible: float
    why: tuple[str, ...]
    made: tuple[str, ...] = ()
    missed: tuple[str, ...] = ()
    models: tuple[str, ...] = ()
    correct: bool | None = None
    seconds: float = 0.0
    time_limit: float | None = None
    notes: tuple[str, ...] = ()
    claim: str = ""
    """What the item was about, in words: the argument's claim (side, pick, rebuttal), both claims
    (weigh: "A vs B"), or whose case (case). Summaries show it without looking up the motion."""

    @property
    def over_time(self) -> bool:
        return self.time_limit is not None and self.seconds > self.time_limit

    @property
    def share(self) -> float:
        return self.earned / self.possible if self.possible else 0.0

    @property
    def score_text(self) -> str:
        return f"{fmt_score(self.earned)}/{fmt_score(self.possible)}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "drill": self.drill,
            "motion": self.motion_id,
            "item": self.item_id,
            "answer": self.answer,
            "earned": round(self.earned, 4),
            "possible": self.possible,
            "why": list(self.why),
            "made": list(self.made),
            "missed": list(self.missed),
            "models": list(self.models),
            "correct": self.correct,
            "seconds": round(self.seconds, 3),
            "time_limit": self.time_limit,
            "notes": list(self.notes),
            "claim": self.claim,
        }


@dataclass(frozen=True, slots=True)
class DrillSummary:
    """A finished (or abandoned) drill, as the results screen and the store see it."""

    drill: DrillKind
    motion_id: str
    seed: int
    total: int
    results: tuple[DrillResult, ...]
    level: int = 1
    side: Side | None = None

    @property
    def answered(self) -> int:
        return len(self.results)

    @property
    def earned(self) -> float:
        return sum(r.earned for r in self.results)

    @property
    def possible(self) -> float:
        return sum(r.possible for r in self.results)

    @property
    def share(self) -> float:
        return self.earned / self.possible if self.possible else 0.0

    @property
    def correct(self) -> int:
        return sum(1 for r in self.results if r.correct)

    @property
    def mean_seconds(self) -> float:
        return sum(r.seconds for r in self.results) / len(self.results) if self.results else 0.0

    @property
    def score_text(self) -> str:
        return f"{fmt_score(self.earned)}/{fmt_score(self.possible)}"

    @property
    def why(self) -> tuple[str, ...]:
        lines = [
            f"{self.answered} of {self.total} item(s) answered; score {self.score_text} ({self.share:.0%})"
        ]
        if any(r.correct is not None for r in self.results):
            lines.append(f"accuracy: {self.correct}/{self.answered} right")
        if self.results:
            lines.append(f"mean time per item: {self.mean_seconds:.1f} s")
        over = sum(1 for r in self.results if r.over_time)
        if over:
            lines.append(f"{over} answer(s) over the time limit")
        return tuple(lines)


ItemT = TypeVar("ItemT")


class Drill(ABC, Generic[ItemT]):
    """The state machine common to every drill: present → answer → scored result → next."""

    kind: ClassVar[DrillKind]
    default_count: ClassVar[int | None] = None
    default_time_limit: ClassVar[float | None] = None

    def __init__(
        self,
        motion: ArgumentSet,
        *,
        seed: int | None = None,
        clock: Clock | None = None,
        count: int | None = None,
        time_limit: float | None = None,
        side: Side | None = None,
        others: Sequence[ArgumentSet] = (),
    ) -> None:
        self.motion = motion
        self.seed = seed if seed is not None else new_seed()
        self.rng = random.Random(self.seed)
        self.clock: Clock = clock or SystemClock()
        self.side = side
        self.others = tuple(m for m in others if m.id != motion.id)
        self.time_limit = time_limit if time_limit is not None else self.default_time_limit
        self.notes: list[str] = []
        items = self._build_items()
        limit = count if count is not None else self.default_count
        if limit is not None and limit > 0:
            items = items[:limit]
        if not items:
            raise DebateError(self._empty_message())
        self._items: list[ItemT] = items
        self.results: list[DrillResult] = []
        self._index = 0
        self._timer: Countdown | None = None

    # --- what subclasses provide -------------------------------------------------------
    @abstractmethod
    def _build_items(self) -> list[ItemT]: ...

    @abstractmethod
    def _empty_message(self) -> str: ...

    @abstractmethod
    def _prompt(self, item: ItemT, number: int) -> Prompt: ...

    @abstractmethod
    def _parse(self, item: ItemT, response: str) -> Any: ...

    @abstractmethod
    def _score(self, item: ItemT, parsed: Any, answer: str, seconds: float) -> DrillResult: ...

    # --- the state machine ---------------------------------------------------------------
    @property
    def total(self) -> int:
        return len(self._items)

    @property
    def index(self) -> int:
        """How many items have been answered."""
        return self._index

    @property
    def finished(self) -> bool:
        return self._index >= len(self._items)

    @property
    def level(self) -> int:
        return 1

    def present(self) -> Prompt | None:
        """The current item (None when the drill is over); starts its clock on first call."""
        if self.finished:
            return None
        if self._timer is None:
            self._timer = Countdown(self.time_limit or 0.0, self.clock).start()
        return self._prompt(self._items[self._index], self._index + 1)

    def elapsed(self) -> float:
        return self._timer.elapsed if self._timer else 0.0

    def remaining(self) -> float | None:
        """Seconds left on the current item's clock (negative when over), or None without a limit."""
        if self.time_limit is None:
            return None
        return self.time_limit - self.elapsed()

    def check(self, response: str) -> str | None:
        """None if the text is a readable answer to the current item, else what to type instead."""
        if self.finished:
            return "the drill is over"
        try:
            self._parse(self._items[self._index], response)
        except BadAnswer as e:
            return str(e)
        return None

    def answer(self, response: str) -> DrillResult:
        """Score the answer to the current item and move on. Raises BadAnswer if it cannot be read."""
        if self.finished:
            raise DebateError("the drill is over: there is nothing left to answer")
        if self._timer is None:
            self.present()
        item = self._items[self._index]
        parsed = self._parse(item, response)
        assert self._timer is not None
        seconds = self._timer.stop()
        result = self._score(item, parsed, response, seconds)
        if result.time_limit is not None and result.over_time:
            result = _with_why(
                result,
                f"time: {seconds:.0f} s of {result.time_limit:.0f} s: over the limit "
                f"(no deduction; aim to finish inside it)",
            )
        elif result.time_limit is not None:
            result = _with_why(result, f"time: {seconds:.0f} s of {result.time_limit:.0f} s")
        self.results.append(result)
        self._index += 1
        self._timer = None
        return result

    def summary(self) -> DrillSummary:
        return DrillSummary(
            self.kind, self.motion.id, self.seed, self.total, tuple(self.results), self.level, self.side
        )

    # --- helpers -------------------------------------------------------------------------
    def _opposing(self) -> tuple[Argument, ...]:
        """Arguments the learner answers: the other side's if a side was chosen, else all."""
        if self.side is None:
            return self.motion.arguments
        return self.motion.side(other(self.side))

    def _no_side_message(self) -> str:
        if self.side is not None:
            missing = other(self.side)
            return (
                f"motion {self.motion.id!r} has no {SIDE_NAMES[missing]} arguments to answer; "
                f"try --side {missing} or another motion"
            )
        return f"motion {self.motion.id!r} has no arguments"


def _with_why(result: DrillResult, line: str) -> DrillResult:
    return replace(result, why=(*result.why, line))


def _numbers(response: str) -> list[int]:
    """The whole numbers in an answer (absurdly long ones read as a number too big for any list)."""
    return [int(n) if len(n) <= 9 else 10**9 for n in re.findall(r"\d+", response)]
