"""Saving debate practice: engine results turned into store records, written as they happen::

    saver = DrillSaver(store, profile, drill)   # one per drill sitting
    result = drill.answer(text); saver.save(result)

    keeper = RoundKeeper(store, profile, round_)  # saves the round now and after every speech
    keeper.save()                                 # call after each speech and at the end

    drafts = DraftKeeper(store, profile, speech_draft_key(keeper.round_id, turn.index), clock=clock)
    drafts.touch() on every edit; drafts.poll(get_text) on a timer; drafts.flush(get_text) on leaving;
    drafts.discard() once submitted (see `DraftKeeper`)

    past = past_round(store, profile, record, motion=..., fmt=...)   # a saved round, read back

Every write is one short committed transaction (`tui.store.rounds`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from tui.content.models import ArgumentSet, DebateFormat, Side
from tui.debate.adjudicate import Adjudication
from tui.debate.clock import Clock
from tui.debate.drills import SIDE_NAMES, Drill, DrillResult
from tui.debate.flow import FlowSheet
from tui.debate.round import SpeechRecord
from tui.debate.text import safe
from tui.store.rounds import (
    Draft,
    DrillResultRecord,
    RoundRecord,
    delete_draft,
    get_draft,
    round_drafts,
    save_draft,
    save_drill_result,
    save_round,
)

if TYPE_CHECKING:
    from tui.debate.round import Round
    from tui.store.db import Store

Now = Callable[[], datetime]


def _utcnow() -> datetime:
    return datetime.now(UTC)


def drill_record(
    result: DrillResult, *, run_id: str, seed: int | None, level: int, answered_at: datetime
) -> DrillResultRecord:
    detail = {
        k: v
        for k, v in result.as_dict().items()
        if k in ("why", "made", "missed", "models", "notes", "claim")
    }
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


# ---------------------------------------------------------------------------- drafts
DRAFT_SECONDS = 3.0
"""How often, at most, a draft being typed is written to the store (and so the most typing a kill loses)."""


def prep_draft_key(round_id: int) -> str:
    return f"round:{round_id}:prep"


def speech_draft_key(round_id: int, index: int) -> str:
    return f"round:{round_id}:speech:{index}"


def drill_draft_key(kind: str, motion_id: str, item_id: str) -> str:
    """Drafts of drill answers wait for the same item of the same drill on the same motion, in any sitting."""
    return f"drill:{kind}:{motion_id}:{item_id}"


class DraftKeeper:
    """Autosaves one editor's text that is not submitted yet, cheaply while typing and safely on a crash.

        keeper = DraftKeeper(store, profile, key, clock=clock, label="First Proposition", round_id=7)
        keeper.restore()        # a draft saved earlier (before a crash, or the last time), or None
        keeper.touch()          # on every change: marks it dirty, nothing else (no text is read)
        keeper.poll(get_text)   # on a timer: saves once DRAFT_SECONDS have passed since the first
                                #   unsaved change (reads the text only then)
        keeper.flush(get_text)  # leaving the screen: saves now if anything is unsaved
        keeper.discard()        # submitted: the draft is deleted

    An empty text deletes the draft; a text equal to the last one saved is not written again.
    """

    def __init__(
        self,
        store: Store,
        profile: str,
        key: str,
        *,
        clock: Clock,
        interval: float = DRAFT_SECONDS,
        label: str = "",
        round_id: int | None = None,
        now: Now = _utcnow,
    ) -> None:
        self.store = store
        self.profile = profile
        self.key = key
        self.clock = clock
        self.interval = interval
        self.label = label
        self.round_id = round_id
        self.now = now
        self.dirty_since: float | None = None
        self.saved_text: str | None = None
        self.writes = 0

    @property
    def dirty(self) -> bool:
        return self.dirty_since is not None

    def restore(self) -> Draft | None:
        draft = get_draft(self.store, self.profile, self.key)
        self.saved_text = draft.text if draft is not None else None
        return draft

    def touch(self) -> None:
        if self.dirty_since is None:
            self.dirty_since = self.clock.now()

    def due(self) -> bool:
        return self.dirty_since is not None and self.clock.now() - self.dirty_since >= self.interval

    def poll(self, get_text: Callable[[], str]) -> bool:
        """Save if the interval has passed since the first unsaved change; True when it wrote."""
        return self.flush(get_text) if self.due() else False

    def flush(self, get_text: Callable[[], str]) -> bool:
        """Save now if anything is unsaved; True when it wrote."""
        if self.dirty_since is None:
            return False
        self.dirty_since = None
        return self.save(get_text())

    def save(self, text: str) -> bool:
        if text == (self.saved_text or ""):
            return False
        if not text.strip():
            delete_draft(self.store, self.profile, self.key)
            self.saved_text = None
        else:
            save_draft(
                self.store,
                self.profile,
                Draft(self.key, safe(text), self.now(), label=self.label, round_id=self.round_id),
            )
            self.saved_text = text
        self.writes += 1
        return True

    def discard(self) -> None:
        """The text was submitted: forget the draft."""
        self.dirty_since = None
        if self.saved_text is not None:
            delete_draft(self.store, self.profile, self.key)
            self.saved_text = None


# ---------------------------------------------------------------------------- past rounds
@dataclass(frozen=True)
class PastRound:
    """A saved round read back for the history: its speeches, flow sheet, adjudication and drafts."""

    record: RoundRecord
    motion_text: str
    format_name: str
    side_name: str
    speeches: tuple[SpeechRecord, ...]
    flow: FlowSheet
    adjudication: Adjudication | None
    drafts: tuple[Draft, ...] = ()
    total_speeches: int | None = None

    @property
    def finished(self) -> bool:
        return self.record.finished is not None and self.adjudication is not None


def past_round(
    store: Store,
    profile: str,
    record: RoundRecord,
    *,
    motion: ArgumentSet | None = None,
    fmt: DebateFormat | None = None,
) -> PastRound:
    """Read a stored round back (its motion and format, if still loaded, name the arguments and sides)."""
    detail = record.detail
    arguments = {a.id: a for a in motion.arguments} if motion is not None else {}
    speeches = tuple(SpeechRecord.from_dict(s) for s in detail.get("speeches") or ())
    flow = FlowSheet.from_dict(detail.get("flow") or {}, arguments)
    adj_data = detail.get("adjudication")
    adjudication = Adjudication.from_dict(adj_data) if adj_data else None
    drafts = tuple(round_drafts(store, profile, record.id)) if record.id is not None else ()
    side: Side = "opp" if record.side == "opp" else "prop"
    side_name = fmt.side_name(side) if fmt is not None else SIDE_NAMES[side]
    return PastRound(
        record,
        str(detail.get("motion_text") or (motion.motion if motion else record.motion_id)),
        fmt.name if fmt is not None else record.format_id,
        side_name,
        speeches,
        flow,
        adjudication,
        drafts,
        len(fmt.speeches) if fmt is not None else None,
    )
