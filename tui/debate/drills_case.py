"""The case drill: pick your side's best three arguments."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from tui.content.models import Argument, Side
from tui.debate.clock import mmss
from tui.debate.drill_base import (
    SIDE_NAMES,
    Drill,
    DrillResult,
    Prompt,
    _numbers,
    other,
)
from tui.debate.errors import BadAnswer, fmt_score
from tui.debate.matcher import TextIndex, best_rebuttal


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
