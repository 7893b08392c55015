"""Argument drills: side, pick, rebuttal, case, weigh. Each is a plain state machine.

Driving a drill (the Textual screen and the plain mode do the same)::

    drill = make_drill("rebuttal", motion, seed=7, clock=clock)
    while (prompt := drill.present()) is not None:   # starts this item's clock
        ...show prompt...                            # prompt.time_limit, drill.remaining()
        try:
            result = drill.answer(text)              # scored, explained; moves to the next item
        except BadAnswer as e:                       # unreadable answer: show e, ask again
            ...
    summary = drill.summary()

`answer()` always takes the learner's text ("2" for pick, "1 3 4" for case,
"prop" or "2 opp" for side); `check()` says whether a text is readable
without answering. Every `DrillResult` carries `earned`/`possible` and a
`why` list explaining each figure.
"""

from __future__ import annotations

import itertools
import random
import re
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar, Generic, Literal, TypeVar

from tui.content.models import Argument, ArgumentSet, Rebuttal, Side
from tui.debate.clock import Clock, Countdown, SystemClock, mmss
from tui.debate.errors import BadAnswer, DebateError, fmt_score
from tui.debate.matcher import TextIndex, best_rebuttal, match_rebuttal
from tui.debate.rhetoric import AXES, AXIS_EXAMPLES, describe_axis, structure, weighing
from tui.debate.text import clean, content_words, stem

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


# ============================================================================ side
@dataclass(frozen=True, slots=True)
class _SideItem:
    argument: Argument
    motion: ArgumentSet
    choices: tuple[ArgumentSet, ...]


class SideDrill(Drill[_SideItem]):
    """Claims shown one at a time; which side makes it? Level 2 mixes motions: which motion, and which side."""

    kind = "side"
    default_count = 10

    def __init__(self, motion: ArgumentSet, *, level: int = 1, **kw: Any) -> None:
        self._level = level
        super().__init__(motion, **kw)

    @property
    def level(self) -> int:
        return self._level

    def _build_items(self) -> list[_SideItem]:
        motions = [self.motion]
        if self._level >= 2:
            pool = list(self.others)
            self.rng.shuffle(pool)
            motions.extend(pool[:3])
            if len(motions) < 2:
                self.notes.append("only one motion is loaded, so this is the plain side drill (level 1)")
                self._level = 1
        choices = tuple(sorted(motions, key=lambda m: m.motion))
        items = [_SideItem(a, m, choices if self._level >= 2 else (m,)) for m in motions for a in m.arguments]
        self.rng.shuffle(items)
        return items

    def _empty_message(self) -> str:
        return f"motion {self.motion.id!r} has no arguments"

    def _prompt(self, item: _SideItem, number: int) -> Prompt:
        if self._level >= 2:
            instruction = "Which motion is this argument for, and which side makes it? Type e.g. '2 opp'."
        else:
            instruction = "Which side makes this argument? Type prop or opp."
        return Prompt(
            "side",
            number,
            self.total,
            item.argument.id,
            item.motion,
            instruction,
            argument=item.argument,
            motions=item.choices if self._level >= 2 else (),
            options=tuple(m.motion for m in item.choices) if self._level >= 2 else ("prop", "opp"),
            time_limit=self.time_limit,
        )

    def _parse(self, item: _SideItem, response: str) -> tuple[int | None, Side]:
        tokens = re.findall(r"[a-z]+|\d+", response.lower())
        side = next((SIDE_WORDS[t] for t in tokens if t in SIDE_WORDS), None)
        if side is None and self._level >= 2:  # "2o", "3p"
            glued = re.search(r"\d+\s*([po])\b", response.lower())
            if glued:
                side = SIDE_WORDS[glued.group(1)]
        if side is None:
            raise BadAnswer(
                "type prop or opp" if self._level < 2 else "type the motion's number and a side, e.g. '2 opp'"
            )
        if self._level < 2:
            return None, side
        nums = _numbers(response)
        if len(nums) != 1 or not 1 <= nums[0] <= len(item.choices):
            raise BadAnswer(f"type the motion's number (1-{len(item.choices)}) and a side, e.g. '2 opp'")
        return nums[0] - 1, side

    def _score(
        self, item: _SideItem, parsed: tuple[int | None, Side], answer: str, seconds: float
    ) -> DrillResult:
        motion_index, side = parsed
        arg = item.argument
        right_side = side == arg.side
        why: list[str] = []
        side_line = f"side: {SIDE_NAMES[arg.side]} makes this argument (its impact: {arg.impact})"
        if self._level < 2:
            earned = 1.0 if right_side else 0.0
            why.append(("right " if right_side else "wrong ") + side_line + f" → {fmt_score(earned)}/1")
            return DrillResult(
                "side",
                item.motion.id,
                arg.id,
                answer,
                earned,
                1.0,
                tuple(why),
                correct=right_side,
                seconds=seconds,
                time_limit=self.time_limit,
                claim=arg.claim,
            )
        assert motion_index is not None
        chosen = item.choices[motion_index]
        right_motion = chosen.id == item.motion.id
        earned = (0.5 if right_motion else 0.0) + (0.5 if right_side else 0.0)
        why.append(
            ("right motion: " if right_motion else f"wrong motion: you chose '{chosen.motion}'; ")
            + f"it belongs to '{item.motion.motion}' → {0.5 if right_motion else 0}/0.5"
        )
        why.append(("right " if right_side else "wrong ") + side_line + f" → {0.5 if right_side else 0}/0.5")
        return DrillResult(
            "side",
            item.motion.id,
            arg.id,
            answer,
            earned,
            1.0,
            tuple(why),
            correct=right_motion and right_side,
            seconds=seconds,
            time_limit=self.time_limit,
            claim=arg.claim,
        )


# ============================================================================ pick
@dataclass(frozen=True, slots=True)
class _PickItem:
    argument: Argument
    options: tuple[
        tuple[Rebuttal, Argument], ...
    ]  # each option: the rebuttal and the argument it was written for
    answer: int


class PickDrill(Drill[_PickItem]):
    """An opposing argument; choose its best rebuttal among four (one its own, three written for others)."""

    kind = "pick"
    default_count = 5
    choices = 4

    def _build_items(self) -> list[_PickItem]:
        targets = list(self._opposing())
        self.rng.shuffle(targets)
        items: list[_PickItem] = []
        for arg in targets:
            if not arg.rebuttals:
                continue
            own = self.rng.choice(arg.rebuttals)
            near = [
                (r, a)
                for a in self.motion.arguments
                if a.id != arg.id and a.side == arg.side
                for r in a.rebuttals
            ]
            far = [
                (r, a)
                for a in self.motion.arguments
                if a.id != arg.id and a.side != arg.side
                for r in a.rebuttals
            ]
            far += [(r, a) for m in self.others for a in m.arguments for r in a.rebuttals]
            self.rng.shuffle(near)
            self.rng.shuffle(far)
            distractors: list[tuple[Rebuttal, Argument]] = []
            seen = {own.text.strip().lower()}
            for r, a in near + far:
                key = r.text.strip().lower()
                if key in seen:
                    continue
                seen.add(key)
                distractors.append((r, a))
                if len(distractors) == self.choices - 1:
                    break
            if not distractors:
                continue
            options = [(own, arg), *distractors]
            self.rng.shuffle(options)
            items.append(
                _PickItem(arg, tuple(options), next(i for i, (r, _) in enumerate(options) if r is own))
            )
        if items and len(items[0].options) < self.choices:
            self.notes.append(f"the set has too few rebuttals for {self.choices} choices; showing fewer")
        return items

    def _empty_message(self) -> str:
        if not self._opposing():
            return self._no_side_message()
        return (
            f"motion {self.motion.id!r} needs at least two arguments with rebuttals for the pick drill "
            f"(the wrong choices are rebuttals written for other arguments)"
        )

    def _prompt(self, item: _PickItem, number: int) -> Prompt:
        return Prompt(
            "pick",
            number,
            self.total,
            item.argument.id,
            self.motion,
            f"Which is the best rebuttal to this argument? Type a number 1-{len(item.options)}.",
            argument=item.argument,
            options=tuple(r.text for r, _ in item.options),
            time_limit=self.time_limit,
            side=other(item.argument.side),
        )

    def _parse(self, item: _PickItem, response: str) -> int:
        nums = _numbers(response)
        if len(nums) != 1 or not 1 <= nums[0] <= len(item.options):
            raise BadAnswer(f"type one number from 1 to {len(item.options)}")
        return nums[0] - 1

    def _score(self, item: _PickItem, parsed: int, answer: str, seconds: float) -> DrillResult:
        chosen, written_for = item.options[parsed]
        right, _ = item.options[item.answer]
        ok = parsed == item.answer
        why = []
        if ok:
            why.append(f"right: option {parsed + 1} was written to answer this argument → 1/1")
        else:
            why.append(
                f"wrong: option {parsed + 1} was written to answer '{written_for.claim}', "
                f"a different argument → 0/1"
            )
            why.append(f"the best rebuttal was option {item.answer + 1}")
        points = "; ".join(" / ".join(kp) for kp in right.key_points)
        why.append(f"what makes it answer this argument: {points}")
        return DrillResult(
            "pick",
            self.motion.id,
            item.argument.id,
            answer,
            1.0 if ok else 0.0,
            1.0,
            tuple(why),
            made=(f"{parsed + 1}) {chosen.text}",),  # the learner's choice, right or wrong
            missed=() if ok else (f"{item.answer + 1}) {right.text}",),
            models=(right.text,),
            correct=ok,
            seconds=seconds,
            time_limit=self.time_limit,
            claim=item.argument.claim,
        )


# ============================================================================ rebuttal
STRUCTURE_POINTS = 1.0
"""What the four-step structure is worth in a typed rebuttal (a quarter per step)."""


def score_rebuttal(
    argument: Argument, text: str
) -> tuple[float, float, list[str], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Score a typed rebuttal of `argument`: (earned, possible, why, made, missed, notes).

    Each key point of the model rebuttal the text covers best is worth 1; the
    four-step structure is worth `STRUCTURE_POINTS`, shared between its steps.
    """
    cleaned = clean(text)
    idx = TextIndex(cleaned.text)
    best = best_rebuttal(idx, argument)
    why: list[str] = []
    if best is None:  # pragma: no cover - the schema requires a rebuttal
        return 0.0, STRUCTURE_POINTS, ["this argument has no model rebuttal"], (), (), cleaned.notes
    possible = best.total + STRUCTURE_POINTS
    if not cleaned.text:
        why.append("nothing was typed → 0")
        return (0.0, possible, why, (), tuple(p.label for p in best.points), cleaned.notes)
    if len(argument.rebuttals) > 1:
        why.append(
            f"scored against the model rebuttal your text covers best ('{best.rebuttal.id}'), "
            f"one of {len(argument.rebuttals)}"
        )
    for p in best.points:
        why.append(p.explain() + (" → 1" if p.made else " → 0"))
    for r in argument.rebuttals:
        if r is best.rebuttal:
            continue
        other_match = match_rebuttal(idx, r)
        if other_match.made:
            why.append(
                f"also made from '{r.id}': {', '.join(other_match.made_labels)} (not scored: one line "
                f"of attack is scored)"
            )
    struct = structure(cleaned.text)
    struct_points = STRUCTURE_POINTS * struct.share
    why.extend(struct.explain())
    why.append(
        f"structure: {len(struct.found)}/4 steps → {fmt_score(struct_points)}/{fmt_score(STRUCTURE_POINTS)}"
    )
    earned = best.made + struct_points
    why.append(
        f"total: {best.made} key point(s) + {fmt_score(struct_points)} structure = {fmt_score(earned)}"
        f"/{fmt_score(possible)}"
    )
    return earned, possible, why, best.made_labels, best.missed_labels, cleaned.notes


class RebuttalDrill(Drill[Argument]):
    """An opposing argument and a clock; type a rebuttal, scored by key points and structure."""

    kind = "rebuttal"
    default_count = 3
    default_time_limit = 90.0

    def _build_items(self) -> list[Argument]:
        items = [a for a in self._opposing() if a.rebuttals]
        self.rng.shuffle(items)
        return items

    def _empty_message(self) -> str:
        return self._no_side_message()

    def _prompt(self, item: Argument, number: int) -> Prompt:
        limit = f" You have {mmss(self.time_limit)}." if self.time_limit else ""
        return Prompt(
            "rebuttal",
            number,
            self.total,
            item.id,
            self.motion,
            "Rebut this argument: they say / but / because / therefore." + limit,
            argument=item,
            time_limit=self.time_limit,
            side=other(item.side),
        )

    def _parse(self, item: Argument, response: str) -> str:
        return response

    def _score(self, item: Argument, parsed: str, answer: str, seconds: float) -> DrillResult:
        earned, possible, why, made, missed, notes = score_rebuttal(item, parsed)
        return DrillResult(
            "rebuttal",
            self.motion.id,
            item.id,
            answer,
            earned,
            possible,
            tuple(why),
            made,
            missed,
            tuple(r.text for r in item.rebuttals),
            None,
            seconds,
            self.time_limit,
            notes,
            claim=item.claim,
        )


# ============================================================================ case
@dataclass(frozen=True, slots=True)
class _CaseItem:
    side: Side
    options: tuple[Argument, ...]
    picks: int


CASE_STRENGTH, CASE_SPREAD, CASE_CLASH = 6.0, 2.0, 2.0


def _best_spread(args: Sequence[Argument], k: int) -> int:
    """The most distinct tags any k of the arguments can cover."""
    if len(args) <= 18:
        return max(
            (len({t for a in combo for t in a.tags}) for combo in itertools.combinations(args, k)), default=0
        )
    covered: set[str] = set()  # greedy beyond that: close enough, and fast
    left = list(args)
    for _ in range(k):
        best = max(left, key=lambda a: len(set(a.tags) - covered))
        covered |= set(best.tags)
        left.remove(best)
    return len(covered)


def strongest(args: Sequence[Argument]) -> Argument | None:
    """The strongest argument (ties: the first written)."""
    return max(args, key=lambda a: (a.strength, -args.index(a)), default=None)


def answers(argument: Argument, target: Argument) -> tuple[float, str]:
    """Whether `argument`'s own text answers `target`: 1 by its rebuttals' key points, 0.5 by a shared tag."""
    idx = TextIndex(" ".join((argument.claim, argument.reasoning, argument.impact)))
    match = best_rebuttal(idx, target)
    if match is not None and match.made and match.share >= 0.5:
        return (
            1.0,
            f"'{argument.claim}' makes {', '.join(match.made_labels)} from the rebuttal '{match.rebuttal.id}'",
        )
    shared = set(argument.tags) & set(target.tags)
    if shared:
        return 0.5, f"'{argument.claim}' meets it on the same ground ({', '.join(sorted(shared))})"
    return 0.0, ""


class CaseDrill(Drill[_CaseItem]):
    """Pick your side's best three arguments within a time limit."""

    kind = "case"
    default_time_limit = 120.0
    picks = 3

    def _build_items(self) -> list[_CaseItem]:
        sides: list[Side] = [self.side] if self.side else ["prop", "opp"]
        items = []
        for side in sides:
            args = list(self.motion.side(side))
            if not args:
                self.notes.append(
                    f"motion {self.motion.id!r} has no {SIDE_NAMES[side]} arguments: "
                    f"no case to build for that side"
                )
                continue
            self.rng.shuffle(args)
            items.append(_CaseItem(side, tuple(args), min(self.picks, len(args))))
        return items

    def _empty_message(self) -> str:
        return " ".join(self.notes) or f"motion {self.motion.id!r} has no arguments"

    def _prompt(self, item: _CaseItem, number: int) -> Prompt:
        limit = f" within {mmss(self.time_limit)}" if self.time_limit else ""
        return Prompt(
            "case",
            number,
            self.total,
            item.side,
            self.motion,
            f"Pick {SIDE_NAMES[item.side]}'s best {item.picks} argument(s){limit}: type their numbers, "
            f"e.g. '1 3 4'.",
            arguments=item.options,
            options=tuple(a.claim for a in item.options),
            picks=item.picks,
            time_limit=self.time_limit,
            side=item.side,
        )

    def _parse(self, item: _CaseItem, response: str) -> tuple[int, ...]:
        nums = _numbers(response)
        n = len(item.options)
        if len(nums) != item.picks or len(set(nums)) != len(nums) or not all(1 <= x <= n for x in nums):
            raise BadAnswer(
                f"type {item.picks} different number(s) from 1 to {n}, e.g. "
                f"'{' '.join(str(i) for i in range(1, item.picks + 1))}'"
            )
        return tuple(x - 1 for x in nums)

    def _score(self, item: _CaseItem, parsed: tuple[int, ...], answer: str, seconds: float) -> DrillResult:
        picked = [item.options[i] for i in parsed]
        ranked = sorted(item.options, key=lambda a: (-a.strength, item.options.index(a)))
        best = ranked[: item.picks]
        why: list[str] = []
        got = sum(a.strength for a in picked)
        top = sum(a.strength for a in best)
        s_points = CASE_STRENGTH * got / top if top else CASE_STRENGTH
        why.append(
            f"strength: your picks {'+'.join(str(a.strength) for a in picked)} = {got} of the strongest "
            f"possible {'+'.join(str(a.strength) for a in best)} = {top} → "
            f"{fmt_score(s_points)}/{fmt_score(CASE_STRENGTH)}"
        )
        tags = {t for a in picked for t in a.tags}
        most = _best_spread(item.options, item.picks)
        t_points = CASE_SPREAD * min(1.0, len(tags) / most) if most else CASE_SPREAD
        why.append(
            f"spread: your picks cover {len(tags)} tag(s) ({', '.join(sorted(tags))}); the widest case "
            f"covers {most} → {fmt_score(t_points)}/{fmt_score(CASE_SPREAD)}"
        )
        target = strongest(self.motion.side(other(item.side)))
        if target is None:
            c_points = CASE_CLASH
            why.append(
                f"clash: the other side has no arguments to answer → {fmt_score(CASE_CLASH)}/"
                f"{fmt_score(CASE_CLASH)}"
            )
        else:
            scored = [(answers(a, target), a) for a in picked]
            (value, reason), _ = max(scored, key=lambda s: s[0][0])
            c_points = CASE_CLASH * value
            if value:
                why.append(
                    f"clash: the opponent's strongest argument is '{target.claim}'; {reason} → "
                    f"{fmt_score(c_points)}/{fmt_score(CASE_CLASH)}"
                )
            else:
                helpers = [a for a in item.options if answers(a, target)[0] == 1.0]
                hint = f" ('{helpers[0].claim}' would)" if helpers else ""
                why.append(
                    f"clash: none of your picks answers the opponent's strongest argument, "
                    f"'{target.claim}'{hint} → 0/{fmt_score(CASE_CLASH)}"
                )
        earned = s_points + t_points + c_points
        possible = CASE_STRENGTH + CASE_SPREAD + CASE_CLASH
        why.append(
            f"total: {fmt_score(s_points)} + {fmt_score(t_points)} + {fmt_score(c_points)} = "
            f"{fmt_score(earned)}/{fmt_score(possible)}"
        )
        missed = tuple(a.claim for a in best if a not in picked)
        return DrillResult(
            "case",
            self.motion.id,
            item.side,
            answer,
            earned,
            possible,
            tuple(why),
            made=tuple(a.claim for a in picked),
            missed=missed,
            models=tuple(f"{a.claim} (strength {a.strength})" for a in best),
            correct=got == top,
            seconds=seconds,
            time_limit=self.time_limit,
            claim=f"{SIDE_NAMES[item.side]}'s case",
        )


# ============================================================================ weigh
@dataclass(frozen=True, slots=True)
class _WeighItem:
    first: Argument
    second: Argument


WEIGH_COMPARATIVE, WEIGH_AXES, WEIGH_BOTH = 2.0, 2.0, 1.0
AXIS_POINT = 1.0
"""Each weighing axis named is worth a point, up to WEIGH_AXES."""


def score_weighing(
    first: Argument, second: Argument, text: str
) -> tuple[float, float, list[str], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Score one weighing sentence about two impacts: (earned, possible, why, made, missed, notes)."""
    cleaned = clean(text)
    body = cleaned.text
    possible = WEIGH_COMPARATIVE + WEIGH_AXES + WEIGH_BOTH
    why: list[str] = []
    if not body:
        return 0.0, possible, ["nothing was typed → 0"], (), AXES, cleaned.notes
    w = weighing(body)
    if w.explicit:
        comp = WEIGH_COMPARATIVE
        why.append(
            f"comparative language: you compared directly ('{w.explicit}') → {fmt_score(comp)}/"
            f"{fmt_score(WEIGH_COMPARATIVE)}"
        )
    elif w.comparative:
        comp = WEIGH_COMPARATIVE / 2
        why.append(
            f"comparative language: '{w.comparative}', but no direct comparison (say 'outweighs' or "
            f"'more ... than') → {fmt_score(comp)}/{fmt_score(WEIGH_COMPARATIVE)}"
        )
    else:
        comp = 0.0
        why.append(
            f"comparative language: none found (try 'outweighs', 'more likely than') → 0/"
            f"{fmt_score(WEIGH_COMPARATIVE)}"
        )
    for axis, word in w.axes:
        why.append(f"axis named: {describe_axis(axis, word)}")
    axes_points = min(WEIGH_AXES, AXIS_POINT * len(w.axes))
    missing = tuple(a for a in AXES if a not in w.axis_names)
    why.append(
        f"weighing axes: {len(w.axes)} named ({AXIS_POINT:g} each, up to {fmt_score(WEIGH_AXES)}) → "
        f"{fmt_score(axes_points)}/{fmt_score(WEIGH_AXES)}"
        + (f"; not named: {', '.join(missing)}" if missing else "")
        + (f" (e.g. {AXIS_EXAMPLES[missing[0]]})" if missing else "")
    )
    idx = TextIndex(body)
    refs = []
    for arg in (first, second):
        own = {stem(w) for w in content_words(arg.impact)}
        others = {stem(w) for w in content_words((second if arg is first else first).impact)}
        distinct = [w for w in content_words(arg.impact) if stem(w) in own - others and len(w) > 3]
        hit = next((w for w in distinct if idx.positions(w)), None)
        refs.append(hit)
    both = WEIGH_BOTH if all(refs) else 0.0
    if all(refs):
        why.append(
            f"both impacts referred to ('{refs[0]}', '{refs[1]}') → {fmt_score(both)}/{fmt_score(WEIGH_BOTH)}"
        )
    else:
        which = " and ".join(n for n, r in zip(("the first", "the second"), refs, strict=True) if not r)
        why.append(
            f"{which} impact not referred to: name both sides of the comparison → 0/{fmt_score(WEIGH_BOTH)}"
        )
    if len([s for s in re.split(r"(?<=[.!?])\s+", body) if s.strip()]) > 1:
        why.append("note: the drill asks for one sentence; everything you wrote was read")
    earned = comp + axes_points + both
    why.append(
        f"total: {fmt_score(comp)} + {fmt_score(axes_points)} + {fmt_score(both)} = {fmt_score(earned)}"
        f"/{fmt_score(possible)}"
    )
    made = tuple(w.axis_names)
    return earned, possible, why, made, missing, cleaned.notes


MODEL_WEIGHING = (
    "Even if {a}, {b} outweighs it: it is more likely, it comes sooner, and it is far harder to reverse."
)


class WeighDrill(Drill[_WeighItem]):
    """Two impacts side by side; write one weighing sentence."""

    kind = "weigh"
    default_count = 3
    default_time_limit = 60.0

    def _build_items(self) -> list[_WeighItem]:
        props, opps = list(self.motion.side("prop")), list(self.motion.side("opp"))
        pairs = [(p, o) for p in props for o in opps]
        self.rng.shuffle(pairs)
        pairs.sort(key=lambda po: 0 if set(po[0].tags) & set(po[1].tags) else 1)  # clashing pairs first
        items = []
        used: set[str] = set()
        for p, o in pairs:
            if p.id in used or o.id in used:
                continue
            used.update((p.id, o.id))
            mine_first = self.side != "opp"
            items.append(_WeighItem(p, o) if mine_first else _WeighItem(o, p))
        return items

    def _empty_message(self) -> str:
        missing = [SIDE_NAMES[s] for s in ("prop", "opp") if not self.motion.side(s)]
        return (
            f"motion {self.motion.id!r} has no {' or '.join(missing)} arguments: weighing needs an impact "
            f"from each side"
        )

    def _prompt(self, item: _WeighItem, number: int) -> Prompt:
        return Prompt(
            "weigh",
            number,
            self.total,
            f"{item.first.id}~{item.second.id}",
            self.motion,
            "Write one sentence weighing these two impacts: which matters more, and why "
            "(magnitude, probability, timeframe, reversibility)?",
            arguments=(item.first, item.second),
            time_limit=self.time_limit,
            side=self.side,
        )

    def _parse(self, item: _WeighItem, response: str) -> str:
        return response

    def _score(self, item: _WeighItem, parsed: str, answer: str, seconds: float) -> DrillResult:
        earned, possible, why, made, missed, notes = score_weighing(item.first, item.second, parsed)
        model = MODEL_WEIGHING.format(
            a=item.second.impact.rstrip(".").lower(), b=item.first.impact.rstrip(".").lower()
        )
        return DrillResult(
            "weigh",
            self.motion.id,
            f"{item.first.id}~{item.second.id}",
            answer,
            earned,
            possible,
            tuple(why),
            made,
            missed,
            (model,),
            None,
            seconds,
            self.time_limit,
            notes,
            claim=f"{item.first.claim} vs {item.second.claim}",
        )


DRILLS: dict[DrillKind, type[Drill[Any]]] = {
    "side": SideDrill,
    "pick": PickDrill,
    "rebuttal": RebuttalDrill,
    "case": CaseDrill,
    "weigh": WeighDrill,
}


def make_drill(
    kind: DrillKind,
    motion: ArgumentSet,
    *,
    seed: int | None = None,
    clock: Clock | None = None,
    count: int | None = None,
    time_limit: float | None = None,
    side: Side | None = None,
    others: Sequence[ArgumentSet] = (),
    level: int = 1,
) -> Drill[Any]:
    """Build a drill by name. Raises DebateError (a message for the learner) when the motion cannot run it."""
    if kind not in DRILLS:
        raise DebateError(f"unknown drill {kind!r} (choose from {', '.join(DRILL_KINDS)})")
    kwargs: dict[str, Any] = {
        "seed": seed,
        "clock": clock,
        "count": count,
        "time_limit": time_limit,
        "side": side,
        "others": others,
    }
    if kind == "side":
        return SideDrill(motion, level=level, **kwargs)
    return DRILLS[kind](motion, **kwargs)


__all__ = [
    "DRILLS",
    "DRILL_KINDS",
    "BadAnswer",
    "CaseDrill",
    "DebateError",
    "Drill",
    "DrillKind",
    "DrillResult",
    "DrillSummary",
    "PickDrill",
    "Prompt",
    "RebuttalDrill",
    "SideDrill",
    "WeighDrill",
    "make_drill",
    "score_rebuttal",
    "score_weighing",
]
