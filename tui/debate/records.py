"""Saving debate practice: engine results turned into store records, written as they happen.

saver = DrillSaver(store, profile, drill)   # one per drill sitting
result = drill.answer(text); saver.save(result)

keeper = RoundKeeper(store, profile, round_)  # saves the round now and after every speech
keeper.save()                                 # call after each speech and at the end
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from tui.debate.drills import Drill, DrillResult
from tui.store.rounds import DrillResultRecord, RoundRecord, save_drill_result, save_round

if TYPE_CHECKING:
    from tui.debate.round import Round
    from tui.store.db import Store

Now = Callable[[], datetime]


def _utcnow() -> datetime:
    return datetime.now(UTC)


def drill_record(
    result: DrillResult, *, run_id: str, seed: int | None, level: int, answered_at: datetime
) -> DrillResultRecord:
    detail = {k: v for k, v in result.as_dict().items() if k in ("why", "made", "missed", "models", "notes", "claim")}
    return DrillResultRecord(
        run_id=run_id,
        drill=result.drill,
        motion_id=result.motion_id,
        item_id=result.item_id,
        answered_at=answered_at,
        seconds=result.seconds,
        answer=result.answer,
        earned=result.earned,
        possible=result.possible,
        correct=result.correct,
        level=level,
        seed=seed,
        time_limit=result.time_limit,
        detail=detail,
    )


class DrillSaver:
    """Saves each answered item of one drill sitting at once (one committed row each)."""

    def __init__(self, store: Store, profile: str, drill: Drill[Any], *, now: Now = _utcnow) -> None:
        self.store = store
        self.profile = profile
        self.drill = drill
        self.run_id = uuid.uuid4().hex
        self.now = now
        self.saved = 0

    def save(self, result: DrillResult) -> int:
        row = save_drill_result(
            self.store,
            self.profile,
            drill_record(
                result,
                run_id=self.run_id,
                seed=self.drill.seed,
                level=self.drill.level,
                answered_at=self.now(),
            ),
        )
        self.saved += 1
        return row


class RoundKeeper:
    """Keeps one round saved: inserted on the first `save()`, updated on every later one."""

    def __init__(self, store: Store, profile: str, round_: Round, *, now: Now = _utcnow) -> None:
        self.store = store
        self.profile = profile
        self.round = round_
        self.now = now
        self.started = now()
        self.round_id: int | None = None

    def record(self) -> RoundRecord:
        r = self.round
        adj = r.adjudication
        low, high = r.format.scoring.speaker_range
        rec = RoundRecord(
            motion_id=r.motion.id,
            format_id=r.format.id,
            side=r.side,
            seed=r.seed,
            started=self.started,
            updated=self.now(),
            detail=r.as_dict(),
            scale_low=low,
            scale_high=high,
            id=self.round_id,
        )
        if adj is not None:
            rec = replace(
                rec,
                finished=rec.updated,
                score=adj.score,
                content=adj.criterion("Content").share,
                rebuttal=adj.criterion("Rebuttal").share,
                strategy=adj.criterion("Strategy").share,
            )
        return rec

    def save(self) -> int:
        self.round_id = save_round(self.store, self.profile, self.record())
        return self.round_id
