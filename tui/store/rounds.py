"""Debate practice in the learner database: drill results and sparring rounds, per profile.

Plain records only (the store knows nothing of the debate engine; the engine
converts its results with `tui.debate.records`). Every write is one short
committed transaction: a drill saves each answered item as it is scored, a
round saves itself after every speech, so a killed process loses nothing.

    rid = save_drill_result(store, profile, DrillResultRecord(...))
    round_id = save_round(store, profile, RoundRecord(...))             # insert
    save_round(store, profile, replace(record, id=round_id, ...))        # update
    history = debate_history(store, profile)                            # for the history screen

Drafts (text typed but not submitted yet), one row per key, replaced on every save:

    save_draft(store, profile, Draft(key, text, updated, label=..., round_id=...))
    get_draft(store, profile, key); delete_draft(store, profile, key); round_drafts(store, profile, round_id)
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tui.store.db import Store, parse_ts, ts


@dataclass(frozen=True, slots=True)
class DrillResultRecord:
    """One answered drill item (one row of `drill_results`)."""

    run_id: str
    drill: str
    motion_id: str
    item_id: str
    answered_at: datetime
    seconds: float
    answer: str
    earned: float
    possible: float
    correct: bool | None = None
    level: int = 1
    seed: int | None = None
    time_limit: float | None = None
    detail: Mapping[str, Any] = field(default_factory=dict)
    id: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class RoundRecord:
    """One sparring round (one row of `rounds`); `detail` holds speeches, flow sheet and adjudication."""

    motion_id: str
    format_id: str
    side: str
    started: datetime
    updated: datetime
    detail: Mapping[str, Any] = field(default_factory=dict)
    seed: int | None = None
    finished: datetime | None = None
    score: float | None = None
    scale_low: float | None = None
    scale_high: float | None = None
    content: float | None = None
    rebuttal: float | None = None
    strategy: float | None = None
    id: int | None = field(default=None, compare=False)

    @property
    def share(self) -> float | None:
        """The score as a share of its scale (0..1), comparable across formats."""
        if self.score is None or self.scale_low is None or self.scale_high is None:
            return None
        span = self.scale_high - self.scale_low
        return (self.score - self.scale_low) / span if span else None


def save_drill_result(store: Store, profile: str, record: DrillResultRecord) -> int:
    pid = store.profile_id(profile)
    r = record
    with store.transaction() as c:
        cur = c.execute(
            "INSERT INTO drill_results (profile_id, run_id, drill, motion_id, item_id, level, seed, answered_at,"
            " seconds, time_limit, answer, earned, possible, correct, detail)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                pid,
                r.run_id,
                r.drill,
                r.motion_id,
                r.item_id,
                r.level,
                r.seed,
                ts(r.answered_at),
                r.seconds,
                r.time_limit,
                r.answer,
                r.earned,
                r.possible,
                None if r.correct is None else int(r.correct),
                json.dumps(dict(r.detail)),
            ),
        )
        return int(cur.lastrowid or 0)


def drill_results(
    store: Store,
    profile: str,
    *,
    drill: str | None = None,
    motion_id: str | None = None,
    run_id: str | None = None,
) -> list[DrillResultRecord]:
    """The profile's drill results, oldest first, optionally filtered."""
    pid = store.profile_id(profile)
    sql = (
        "SELECT id, run_id, drill, motion_id, item_id, level, seed, answered_at, seconds, time_limit, answer,"
        " earned, possible, correct, detail FROM drill_results WHERE profile_id = ?"
    )
    params: list[object] = [pid]
    for column, value in (("drill", drill), ("motion_id", motion_id), ("run_id", run_id)):
        if value is not None:
            sql += f" AND {column} = ?"
            params.append(value)
    out = []
    for r in store.conn.execute(sql + " ORDER BY answered_at, id", params):
        out.append(
            DrillResultRecord(
                id=r[0],
                run_id=r[1],
                drill=r[2],
                motion_id=r[3],
                item_id=r[4],
                level=r[5],
                seed=r[6],
                answered_at=parse_ts(r[7]),
                seconds=r[8],
                time_limit=r[9],
                answer=r[10],
                earned=r[11],
                possible=r[12],
                correct=None if r[13] is None else bool(r[13]),
                detail=json.loads(r[14] or "{}"),
            )
        )
    return out


_ROUND_COLUMNS = (
    "motion_id",
    "format_id",
    "side",
    "seed",
    "started",
    "updated",
    "finished",
    "score",
    "scale_low",
    "scale_high",
    "content",
    "rebuttal",
    "strategy",
    "detail",
)


def _round_values(r: RoundRecord) -> tuple[object, ...]:
    return (
        r.motion_id,
        r.format_id,
        r.side,
        r.seed,
        ts(r.started),
        ts(r.updated),
        ts(r.finished) if r.finished else None,
        r.score,
        r.scale_low,
        r.scale_high,
        r.content,
        r.rebuttal,
        r.strategy,
        json.dumps(dict(r.detail)),
    )


def save_round(store: Store, profile: str, record: RoundRecord) -> int:
    """Insert the round (when `record.id` is None) or update it; returns its id."""
    pid = store.profile_id(profile)
    with store.transaction() as c:
        if record.id is None:
            cur = c.execute(
                f"INSERT INTO rounds (profile_id, {', '.join(_ROUND_COLUMNS)}) VALUES (?, "
                + ", ".join("?" for _ in _ROUND_COLUMNS)
                + ")",
                (pid, *_round_values(record)),
            )
            return int(cur.lastrowid or 0)
        c.execute(
            f"UPDATE rounds SET {', '.join(f'{col} = ?' for col in _ROUND_COLUMNS)}"
            " WHERE id = ? AND profile_id = ?",
            (*_round_values(record), record.id, pid),
        )
        return record.id


def _round(r: tuple[Any, ...]) -> RoundRecord:
    return RoundRecord(
        id=r[0],
        motion_id=r[1],
        format_id=r[2],
        side=r[3],
        seed=r[4],
        started=parse_ts(r[5]),
        updated=parse_ts(r[6]),
        finished=parse_ts(r[7]) if r[7] else None,
        score=r[8],
        scale_low=r[9],
        scale_high=r[10],
        content=r[11],
        rebuttal=r[12],
        strategy=r[13],
        detail=json.loads(r[14] or "{}"),
    )


def rounds(store: Store, profile: str, *, finished_only: bool = False, limit: int = 200) -> list[RoundRecord]:
    """The profile's rounds, oldest first (the newest `limit`)."""
    pid = store.profile_id(profile)
    sql = f"SELECT id, {', '.join(_ROUND_COLUMNS)} FROM rounds WHERE profile_id = ?"
    if finished_only:
        sql += " AND finished IS NOT NULL"
    rows = store.conn.execute(sql + " ORDER BY started DESC, id DESC LIMIT ?", (pid, limit)).fetchall()
    return [_round(r) for r in reversed(rows)]


def get_round(store: Store, profile: str, round_id: int) -> RoundRecord | None:
    pid = store.profile_id(profile)
    row = store.conn.execute(
        f"SELECT id, {', '.join(_ROUND_COLUMNS)} FROM rounds WHERE id = ? AND profile_id = ?", (round_id, pid)
    ).fetchone()
    return _round(row) if row else None


@dataclass(frozen=True, slots=True)
class DrillRun:
    """One sitting of one drill, summed."""

    run_id: str
    drill: str
    motion_id: str
    level: int
    started: datetime
    items: int
    earned: float
    possible: float
    correct: int
    seconds: float

    @property
    def share(self) -> float:
        return self.earned / self.possible if self.possible else 0.0


@dataclass(frozen=True, slots=True)
class DebateHistory:
    """Progress over rounds and drills, oldest first: what the history screen shows."""

    rounds: tuple[RoundRecord, ...]
    drill_runs: tuple[DrillRun, ...]
    drafted: frozenset[int] = frozenset()
    """Ids of the rounds with an autosaved draft (text typed but never submitted)."""

    @property
    def finished_rounds(self) -> tuple[RoundRecord, ...]:
        return tuple(r for r in self.rounds if r.finished is not None and r.score is not None)

    def round_points(self) -> list[tuple[datetime, float]]:
        """(when, share of the scale) per finished round: a line to plot."""
        return [(r.started, s) for r in self.finished_rounds if (s := r.share) is not None]

    def drill_points(self, drill: str | None = None) -> list[tuple[datetime, float]]:
        """(when, share) per drill run, optionally of one kind."""
        return [(d.started, d.share) for d in self.drill_runs if drill is None or d.drill == drill]

    def lines(self) -> list[str]:
        """Progress in words, every figure explained."""
        out: list[str] = []
        done = self.finished_rounds
        if done:
            last = done[-1]
            out.append(
                f"rounds finished: {len(done)}; latest {last.score:g} on {last.format_id} "
                f"({last.scale_low:g}–{last.scale_high:g}), {last.motion_id}, as {last.side}"
            )
            trend = _trend([s for _, s in self.round_points()])
            if trend:
                out.append(f"rounds: {trend}")
            for name in ("content", "rebuttal", "strategy"):
                values = [getattr(r, name) for r in done if getattr(r, name) is not None]
                if values:
                    out.append(
                        f"{name}: average {sum(values) / len(values):.0%} over {len(values)} round(s)"
                        + (f", latest {values[-1]:.0%}" if len(values) > 1 else "")
                    )
        else:
            out.append("no finished rounds yet")
        unfinished = len(self.rounds) - len(done)
        if unfinished:
            drafts = sum(1 for r in self.rounds if r.finished is None and r.id in self.drafted)
            out.append(
                f"{unfinished} round(s) not finished (their speeches are saved"
                + (f"; {drafts} with an unsubmitted draft" if drafts else "")
                + ")"
            )
        kinds = sorted({d.drill for d in self.drill_runs})
        for kind in kinds:
            runs = [d for d in self.drill_runs if d.drill == kind]
            items = sum(d.items for d in runs)
            share = sum(d.earned for d in runs) / max(1e-9, sum(d.possible for d in runs))
            line = f"{kind} drill: {len(runs)} run(s), {items} item(s), {share:.0%} of points overall"
            trend = _trend([d.share for d in runs])
            out.append(line + (f"; {trend}" if trend else ""))
        if not kinds:
            out.append("no drills yet")
        return out


def _trend(shares: list[float]) -> str:
    """Compare the first and the latest few (up to three each) of a series."""
    if len(shares) < 2:
        return ""
    k = min(3, len(shares) // 2)
    first = sum(shares[:k]) / k
    latest = sum(shares[-k:]) / k
    delta = latest - first
    word = "up" if delta > 0.005 else "down" if delta < -0.005 else "level"
    return f"first {k} averaged {first:.0%}, latest {k} {latest:.0%} ({word} {abs(delta):.0%})"


def drill_runs(store: Store, profile: str) -> list[DrillRun]:
    pid = store.profile_id(profile)
    rows = store.conn.execute(
        "SELECT run_id, drill, motion_id, max(level), min(answered_at), count(*), sum(earned), sum(possible),"
        " sum(coalesce(correct, 0)), sum(seconds) FROM drill_results WHERE profile_id = ?"
        " GROUP BY run_id ORDER BY min(answered_at), min(id)",
        (pid,),
    ).fetchall()
    return [
        DrillRun(
            r[0],
            r[1],
            r[2],
            int(r[3]),
            parse_ts(r[4]),
            int(r[5]),
            float(r[6]),
            float(r[7]),
            int(r[8]),
            float(r[9]),
        )
        for r in rows
    ]


def debate_history(store: Store, profile: str, *, limit: int = 200) -> DebateHistory:
    """Everything the history screen needs, oldest first."""
    return DebateHistory(
        tuple(rounds(store, profile, limit=limit)),
        tuple(drill_runs(store, profile)[-limit:]),
        frozenset(rounds_with_drafts(store, profile)),
    )


@dataclass(frozen=True, slots=True)
class Draft:
    """Text typed but not yet submitted (one row of `drafts`), kept under a key the engine chooses."""

    key: str
    text: str
    updated: datetime
    label: str = ""
    round_id: int | None = None


def save_draft(store: Store, profile: str, draft: Draft) -> None:
    """Insert or replace the draft under its key (one committed transaction)."""
    pid = store.profile_id(profile)
    d = draft
    with store.transaction() as c:
        c.execute(
            "INSERT INTO drafts (profile_id, key, round_id, label, text, updated) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (profile_id, key) DO UPDATE SET round_id = excluded.round_id, label = excluded.label,"
            " text = excluded.text, updated = excluded.updated",
            (pid, d.key, d.round_id, d.label, d.text, ts(d.updated)),
        )


def _draft(r: tuple[Any, ...]) -> Draft:
    return Draft(key=r[0], text=r[1], updated=parse_ts(r[2]), label=r[3], round_id=r[4])


def get_draft(store: Store, profile: str, key: str) -> Draft | None:
    pid = store.profile_id(profile)
    rows = store.query(
        "SELECT key, text, updated, label, round_id FROM drafts WHERE profile_id = ? AND key = ?", (pid, key)
    )
    return _draft(rows[0]) if rows else None


def delete_draft(store: Store, profile: str, key: str) -> None:
    pid = store.profile_id(profile)
    with store.transaction() as c:
        c.execute("DELETE FROM drafts WHERE profile_id = ? AND key = ?", (pid, key))


def round_drafts(store: Store, profile: str, round_id: int) -> list[Draft]:
    """The drafts of one round (prep notes, an unsubmitted speech), oldest first."""
    pid = store.profile_id(profile)
    rows = store.query(
        "SELECT key, text, updated, label, round_id FROM drafts WHERE profile_id = ? AND round_id = ?"
        " ORDER BY updated, key",
        (pid, round_id),
    )
    return [_draft(r) for r in rows]


def rounds_with_drafts(store: Store, profile: str) -> set[int]:
    pid = store.profile_id(profile)
    rows = store.query(
        "SELECT DISTINCT round_id FROM drafts WHERE profile_id = ? AND round_id IS NOT NULL", (pid,)
    )
    return {int(r[0]) for r in rows}
