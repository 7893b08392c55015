"""The drills answered by choosing: side (which side makes this claim) and pick (the best rebuttal of four)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tui.content.models import Argument, ArgumentSet, Rebuttal, Side
from tui.debate.drill_base import (
    SIDE_NAMES,
    SIDE_WORDS,
    Drill,
    DrillResult,
    Prompt,
    _numbers,
    other,
)
from tui.debate.errors import BadAnswer, fmt_score
from tui.debate.matcher import ArgumentTerms, term_evidence


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
OVERLAP_WEIGHT = 1.0
"""A rebuttal written for another argument is not offered as a wrong choice when its key terms for the
shown argument weigh at least this much and at least as much as for its own: it may answer the shown one
too (key terms as in `matcher.term_evidence`; below this weight, a word or two in common is chance)."""


def answers_it_too(rebuttal: Rebuttal, written_for: Argument, shown: Argument, terms: ArgumentTerms) -> bool:
    """Does a rebuttal written for another argument read as an answer to the shown one as well?"""
    shown_weight = term_evidence(rebuttal.text, shown, terms).weight
    return shown_weight >= max(OVERLAP_WEIGHT, term_evidence(rebuttal.text, written_for, terms).weight)


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
        terms = ArgumentTerms(self.motion.arguments, self.motion.motion)
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
                if key in seen or answers_it_too(r, a, arg, terms):
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
