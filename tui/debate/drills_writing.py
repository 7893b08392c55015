"""The drills answered in writing: a typed rebuttal, and one sentence weighing two impacts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tui.content.models import Argument
from tui.debate.clock import mmss
from tui.debate.drill_base import (
    SIDE_NAMES,
    Drill,
    DrillKind,
    DrillResult,
    Prompt,
    other,
)
from tui.debate.drills_case import (
    CaseDrill,
)
from tui.debate.drills_choosing import (
    PickDrill,
    SideDrill,
)
from tui.debate.errors import fmt_score
from tui.debate.matcher import TextIndex, best_rebuttal, match_rebuttal
from tui.debate.rhetoric import AXES, AXIS_EXAMPLES, describe_axis, structure, weighing
from tui.debate.text import clean, content_words, stem

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
