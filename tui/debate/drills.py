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

from collections.abc import Sequence
from typing import Any

from tui.content.models import ArgumentSet, Side
from tui.debate.clock import Clock
from tui.debate.drill_base import (
    DRILL_KINDS,
    SIDE_NAMES,
    SIDE_WORDS,
    Drill,
    DrillKind,
    DrillResult,
    DrillSummary,
    ItemT,
    Prompt,
    _numbers,
    _with_why,
    new_seed,
    other,
)
from tui.debate.drills_case import (
    CaseDrill,
    _best_spread,
    _CaseItem,
    answers,
    strongest,
)
from tui.debate.drills_choosing import (
    PickDrill,
    SideDrill,
    _PickItem,
    _SideItem,
)
from tui.debate.drills_writing import (
    AXIS_POINT,
    DRILLS,
    MODEL_WEIGHING,
    STRUCTURE_POINTS,
    RebuttalDrill,
    WeighDrill,
    _WeighItem,
    score_rebuttal,
    score_weighing,
)
from tui.debate.errors import BadAnswer, DebateError

__all__ = [
    "AXIS_POINT",
    "DRILLS",
    "DRILL_KINDS",
    "MODEL_WEIGHING",
    "SIDE_NAMES",
    "SIDE_WORDS",
    "STRUCTURE_POINTS",
    "BadAnswer",
    "CaseDrill",
    "DebateError",
    "Drill",
    "DrillKind",
    "DrillResult",
    "DrillSummary",
    "ItemT",
    "PickDrill",
    "Prompt",
    "RebuttalDrill",
    "SideDrill",
    "WeighDrill",
    "_CaseItem",
    "_PickItem",
    "_SideItem",
    "_WeighItem",
    "_best_spread",
    "_numbers",
    "_with_why",
    "answers",
    "make_drill",
    "new_seed",
    "other",
    "score_rebuttal",
    "score_weighing",
    "strongest",
]


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
