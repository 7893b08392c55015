"""The learner database: one SQLite file (WAL) with profiles, sessions, attempts and FSRS cards.

Safety:
- Every write is its own short transaction, committed before the call returns,
  so a killed process loses nothing already answered. A certainty given after
  the answer updates the stored row (`update_attempt`), with the review card
  it changes, in one transaction.
- Commits are not synced to the disk one by one (WAL with `synchronous =
  NORMAL`): a committed row is in the operating system's hands at once, which
  a crash or kill of the app cannot undo, and a sync there would put a disk
  flush (0.5 ms on a fast disk, tens of ms on a slow one) between the answer
  key and its feedback. A power cut could undo recent commits, so a thread
  syncs the WAL file a moment after each write (`flush`), as SQLite would at
  each commit with `synchronous = FULL`. (Not a checkpoint: the next commit
  after one restarts the WAL, which costs about as much as the sync saved.)
- WAL journal and a busy timeout: a second instance (another terminal, the
  plain mode in a script) reads and writes alongside without corrupting the
  file or failing on a momentary lock.
- On open, a file that is not a database or fails `PRAGMA quick_check` is
  moved aside as `<name>.corrupt-<timestamp>` (with its -wal/-shm files) and a
  fresh database is started; `Store.notice` says so, for the caller to show.
- The schema is versioned (`PRAGMA user_version`) and brought up to date with
  the steps in `tui.store.migrations`.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import fsrs

from tui.store.migrations import MIGRATIONS
from tui.store.records import AttemptRecord, CardState

BUSY_TIMEOUT_MS = 10_000
STOP_WAIT_SECONDS = 5.0
FLUSH_DELAY_SECONDS = 0.1  # after a write, before its sync: past the frames of its feedback, before the next key
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26


class StoreError(RuntimeError):
    """The database cannot be used (locked for too long, made by a newer version, unreadable folder)."""


def ts(when: datetime) -> str:
    """A datetime as stored: ISO-8601 UTC with microseconds, so text order is time order."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat(timespec="microseconds")


def parse_ts(text: str) -> datetime:
    when = datetime.fromisoformat(text)
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def split_sql(script: str) -> list[str]:
    """The statements of an SQL script, one per item (comments between statements are dropped)."""
    statements: list[str] = []
    start = 0
    for i, ch in enumerate(script):
        if ch == ";" and sqlite3.complete_statement(script[start : i + 1]):
            statements.append(script[start : i + 1].strip())
            start = i + 1
    tail = script[start:]
    if re.sub(r"--[^\n]*|/\*.*?\*/|\s+", "", tail, flags=re.S):
        statements.append(tail.strip())  # unterminated: let SQLite say what is wrong with it
    return [s for s in statements if re.sub(r"--[^\n]*|/\*.*?\*/|\s+|;", "", s, flags=re.S)]


def _is_corrupt(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB)
    text = str(error).lower()  # pragma: no cover - Python < 3.11
    return "not a database" in text or "malformed" in text  # pragma: no cover


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _health_check(conn: sqlite3.Connection) -> str | None:
    """None when sound, else what is wrong. Raises sqlite3 errors (corrupt, not a database, locked)."""
    rows = conn.execute("PRAGMA quick_check").fetchall()
    if rows and rows[0][0] == "ok":
        return None
    return "; ".join(str(r[0]) for r in rows[:3]) or "quick_check failed"


def set_aside(path: Path, now: datetime | None = None) -> Path:
    """Move a damaged database (and its -wal/-shm files) to `<name>.corrupt-<timestamp>`."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    path.replace(target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(target.with_name(target.name + suffix))
    return target


def migrate(conn: sqlite3.Connection, migrations: Sequence[str] = MIGRATIONS) -> int:
    """Run the missing migration steps, each in its own write transaction; returns the version reached."""
    target = len(migrations)
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > target:
        raise StoreError(
            f"the learner database is from a newer Sparring (schema {version}, this one knows "
            f"{target}); upgrade Sparring"
        )
    while version < target:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another instance may have migrated while we waited for the lock.
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version < target:
                for statement in split_sql(migrations[version]):
                    conn.execute(statement)
                version += 1
                conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return version


class _Flusher:
    """A thread that calls `sync` a moment after each `request`, so the caller never waits on a disk."""

    def __init__(self, sync: Callable[[], None], delay: float) -> None:
        self._sync = sync
        self._delay = delay
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sparring-store-flush", daemon=True)
        self._thread.start()

    @property
    def pending(self) -> bool:
        return self._wake.is_set()

    def request(self) -> None:
        self._wake.set()

    def stop(self) -> bool:
        """End the thread (after a sync under way); True if writes were left to sync (the caller's job)."""
        pending = self.pending
        self._stop.set()
        self._wake.set()
        self._thread.join(STOP_WAIT_SECONDS)  # a sync stuck on a failing disk must not hang the app's exit
        return pending

    def _run(self) -> None:
        # `stop` sets both events; checking `_stop` at the top of the loop too covers a stop that comes
        # between the wait below and `_wake.clear()` (the clear would swallow its wake).
        while not self._stop.is_set():
            self._wake.wait()
            if self._stop.wait(self._delay):  # writes that come meanwhile share this sync
                return
            self._wake.clear()  # before the sync: a write after this point asks for another
            with suppress(OSError):  # the writes stay safe from a kill; the close syncs them
                self._sync()


class Store:
    """The learner database. Open with `Store.open(path)`; close with `close()` or a `with` block."""

    def __init__(self, conn: sqlite3.Connection, path: Path, notice: str | None = None) -> None:
        self.conn = conn
        self.path = path
        self.notice = notice  # set when a damaged file was moved aside: show it to the learner
        self._profiles: dict[str, int] = {}
        # One connection may be used from several threads (the app's workers): one statement at a time.
        self._lock = threading.RLock()
        self._flusher: _Flusher | None = None  # started on the first write
        self._closed = False

    # ---------------------------------------------------------------- opening

    @classmethod
    def open(cls, path: Path | str, *, now: datetime | None = None) -> Store:
        """Open (creating the folder and file) and migrate; a damaged file is set aside and replaced."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"cannot create the data folder {path.parent}: {e.strerror or e}") from None
        notice = None
        conn: sqlite3.Connection | None = None
        try:
            conn = _connect(path)
            problem = _health_check(conn)
        except sqlite3.DatabaseError as e:
            if conn is not None:
                conn.close()
            if not _is_corrupt(e):
                raise StoreError(f"cannot open the learner database {path}: {e}") from None
            problem = str(e)
            conn = None
        if problem is not None:
            if conn is not None:
                conn.close()
            moved = set_aside(path, now)
            notice = (
                f"The learner database {path} was damaged ({problem}); it was moved aside as "
                f"{moved.name} and a fresh one was started."
            )
            conn = _connect(path)
        assert conn is not None
        try:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":  # pragma: no cover - e.g. a file system without shared memory
                conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(conn)
        except sqlite3.OperationalError as e:
            conn.close()
            raise StoreError(f"cannot use the learner database {path}: {e}") from None
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, notice)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._flusher is not None and self._flusher.stop():
            self.flush()
        with self._lock:
            self.conn.close()

    @property
    def flush_pending(self) -> bool:
        """Are there commits the flush thread has not synced yet?"""
        return self._flusher is not None and self._flusher.pending

    def flush(self) -> None:
        """Sync every committed write to the disk, so that a power cut cannot undo it either."""
        try:
            fd = os.open(self.path.with_name(self.path.name + "-wal"), os.O_RDWR)
        except FileNotFoundError:  # no WAL (checkpointed and removed on the last close, or not WAL mode)
            return
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def version(self) -> int:
        return int(self.query("PRAGMA user_version")[0][0])

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (BEGIN IMMEDIATE ... COMMIT), rolled back on error."""
        with self._lock:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as e:
                raise StoreError(f"the learner database is busy: {e}") from None
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            if self._flusher is None:
                self._flusher = _Flusher(self.flush, FLUSH_DELAY_SECONDS)
            self._flusher.request()

    def query(self, sql: str, params: Sequence[object] = ()) -> list[Any]:
        """Run one read statement and fetch every row (safe to call from any thread)."""
        with self._lock:
            return self.conn.execute(sql, params).fetchall()

    # ---------------------------------------------------------------- profiles

    def profile_id(self, name: str, *, now: datetime | None = None) -> int:
        """The id of profile `name`, created on first use."""
        name = name.strip()
        if not name or len(name) > 64:
            raise ValueError("a profile name is 1-64 characters")
        cached = self._profiles.get(name)
        if cached is not None:
            return cached
        rows = self.query("SELECT id FROM profiles WHERE name = ?", (name,))
        if not rows:
            with self.transaction() as c:
                c.execute(
                    "INSERT OR IGNORE INTO profiles (name, created) VALUES (?, ?)",
                    (name, ts(now or datetime.now(UTC))),
                )
            rows = self.query("SELECT id FROM profiles WHERE name = ?", (name,))
        self._profiles[name] = int(rows[0][0])
        return int(rows[0][0])

    def profiles(self) -> list[str]:
        return [r[0] for r in self.query("SELECT name FROM profiles ORDER BY name")]

    # ---------------------------------------------------------------- sessions and attempts

    def start_session(
        self,
        profile: str,
        *,
        mode: str,
        banks: Sequence[str],
        config: dict[str, object],
        started: datetime,
        kind: str = "quiz",
    ) -> int:
        pid = self.profile_id(profile)
        with self.transaction() as c:
            cur = c.execute(
                "INSERT INTO sessions (profile_id, kind, mode, banks, config, started) VALUES (?, ?, ?, ?, ?, ?)",
                (pid, kind, mode, json.dumps(list(banks)), json.dumps(config), ts(started)),
            )
            return int(cur.lastrowid or 0)

    def finish_session(self, session_id: int, *, finished: datetime, earned: float, possible: float) -> None:
        with self.transaction() as c:
            c.execute(
                "UPDATE sessions SET finished = ?, earned = ?, possible = ? WHERE id = ?",
                (ts(finished), earned, possible, session_id),
            )

    def record_attempt(self, profile: str, attempt: AttemptRecord, card: CardState | None = None) -> int:
        """Store one answer (and the card it moved, if any) in one committed transaction."""
        pid = self.profile_id(profile)
        a = attempt
        with self.transaction() as c:
            cur = c.execute(
                "INSERT INTO attempts (profile_id, session_id, question_id, bank_id, qtype, mode, answered_at,"
                " seconds, response, fraction, earned, points, correct, timed_out, skipped, confidence, marks,"
                " blitz, rating, tags, difficulty) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                " ?, ?, ?)",
                (
                    pid,
                    a.session_id,
                    a.question_id,
                    a.bank_id,
                    a.qtype,
                    a.mode,
                    ts(a.answered_at),
                    a.seconds,
                    json.dumps(a.response),
                    a.fraction,
                    a.earned,
                    a.points,
                    int(a.correct),
                    int(a.timed_out),
                    int(a.skipped),
                    a.confidence,
                    a.marks,
                    a.blitz,
                    a.rating,
                    json.dumps(list(a.tags)),
                    a.difficulty,
                ),
            )
            if card is not None:
                self._put_card(c, pid, card)
            return int(cur.lastrowid or 0)

    def update_attempt(
        self,
        profile: str,
        attempt_id: int,
        *,
        confidence: int | None,
        marks: float | None,
        rating: int | None,
        card: CardState | None = None,
    ) -> None:
        """Set the certainty (and its marks, and the review rating) of a stored answer, and store the
        card it now leaves, in one committed transaction (the certainty comes after the answer)."""
        pid = self.profile_id(profile)
        with self.transaction() as c:
            cur = c.execute(
                "UPDATE attempts SET confidence = ?, marks = ?, rating = ? WHERE id = ? AND profile_id = ?",
                (confidence, marks, rating, attempt_id, pid),
            )
            if cur.rowcount != 1:
                raise StoreError(f"no stored answer {attempt_id} for profile {profile!r}")
            if card is not None:
                self._put_card(c, pid, card)

    def delete_attempt(
        self,
        profile: str,
        attempt_id: int,
        *,
        question_id: str | None = None,
        card: CardState | None = None,
    ) -> None:
        """Delete a stored answer the learner took back. With `question_id`, the card that answer
        moved is put back to `card` (None: deleted, the question had none) in the same transaction."""
        pid = self.profile_id(profile)
        with self.transaction() as c:
            c.execute("DELETE FROM attempts WHERE id = ? AND profile_id = ?", (attempt_id, pid))
            if question_id is not None:
                if card is not None:
                    self._put_card(c, pid, card)
                else:
                    c.execute(
                        "DELETE FROM cards WHERE profile_id = ? AND question_id = ?", (pid, question_id)
                    )

    def attempts(
        self, profile: str, *, question_id: str | None = None, session_id: int | None = None
    ) -> list[AttemptRecord]:
        pid = self.profile_id(profile)
        sql = (
            "SELECT id, session_id, question_id, bank_id, qtype, mode, answered_at, seconds, response, fraction,"
            " earned, points, correct, timed_out, skipped, confidence, marks, blitz, rating, tags, difficulty"
            " FROM attempts WHERE profile_id = ?"
        )
        params: list[object] = [pid]
        if question_id is not None:
            sql += " AND question_id = ?"
            params.append(question_id)
        if session_id is not None:
            sql += " AND session_id = ?"
            params.append(session_id)
        out = []
        for r in self.query(sql + " ORDER BY id", params):
            out.append(
                AttemptRecord(
                    id=r[0],
                    session_id=r[1],
                    question_id=r[2],
                    bank_id=r[3],
                    qtype=r[4],
                    mode=r[5],
                    answered_at=parse_ts(r[6]),
                    seconds=r[7],
                    response=json.loads(r[8]) if r[8] else None,
                    fraction=r[9],
                    earned=r[10],
                    points=r[11],
                    correct=bool(r[12]),
                    timed_out=bool(r[13]),
                    skipped=bool(r[14]),
                    confidence=r[15],
                    marks=r[16],
                    blitz=r[17],
                    rating=r[18],
                    tags=tuple(json.loads(r[19] or "[]")),
                    difficulty=r[20],
                )
            )
        return out

    def count_attempts(self, profile: str) -> int:
        pid = self.profile_id(profile)
        return int(self.query("SELECT count(*) FROM attempts WHERE profile_id = ?", (pid,))[0][0])

    def sessions(self, profile: str, limit: int = 50) -> list[dict[str, object]]:
        """The latest sessions, newest first, as dicts (id, mode, banks, started, finished, earned, possible)."""
        pid = self.profile_id(profile)
        rows = self.query(
            "SELECT id, kind, mode, banks, config, started, finished, earned, possible FROM sessions"
            " WHERE profile_id = ? ORDER BY started DESC, id DESC LIMIT ?",
            (pid, limit),
        )
        return [
            {
                "id": r[0],
                "kind": r[1],
                "mode": r[2],
                "banks": json.loads(r[3]),
                "config": json.loads(r[4]),
                "started": r[5],
                "finished": r[6],
                "earned": r[7],
                "possible": r[8],
            }
            for r in rows
        ]

    # ---------------------------------------------------------------- FSRS cards

    @staticmethod
    def _put_card(c: sqlite3.Connection, pid: int, card: CardState) -> None:
        k = card.card
        c.execute(
            "INSERT INTO cards (profile_id, question_id, bank_id, state, step, stability, difficulty, due,"
            " last_review, reps, lapses, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (profile_id, question_id) DO UPDATE SET bank_id = excluded.bank_id,"
            " state = excluded.state, step = excluded.step, stability = excluded.stability,"
            " difficulty = excluded.difficulty, due = excluded.due, last_review = excluded.last_review,"
            " reps = excluded.reps, lapses = excluded.lapses",
            (
                pid,
                card.question_id,
                card.bank_id,
                int(k.state),
                k.step,
                k.stability,
                k.difficulty,
                ts(k.due),
                ts(k.last_review) if k.last_review else None,
                card.reps,
                card.lapses,
                ts(card.created),
            ),
        )

    def save_card(self, profile: str, card: CardState) -> None:
        pid = self.profile_id(profile)
        with self.transaction() as c:
            self._put_card(c, pid, card)

    def cards(self, profile: str) -> dict[str, CardState]:
        """Every FSRS card of the profile, by question id."""
        pid = self.profile_id(profile)
        out: dict[str, CardState] = {}
        for r in self.query(
            "SELECT question_id, bank_id, state, step, stability, difficulty, due, last_review, reps, lapses,"
            " created FROM cards WHERE profile_id = ?",
            (pid,),
        ):
            card = fsrs.Card(
                card_id=1,
                state=fsrs.State(r[2]),
                step=r[3],
                stability=r[4],
                difficulty=r[5],
                due=parse_ts(r[6]),
                last_review=parse_ts(r[7]) if r[7] else None,
            )
            out[r[0]] = CardState(
                question_id=r[0], bank_id=r[1], card=card, reps=r[8], lapses=r[9], created=parse_ts(r[10])
            )
        return out

    def due_count(self, profile: str, now: datetime, bank_id: str | None = None) -> int:
        pid = self.profile_id(profile)
        sql = "SELECT count(*) FROM cards WHERE profile_id = ? AND due <= ?"
        params: list[object] = [pid, ts(now)]
        if bank_id is not None:
            sql += " AND bank_id = ?"
            params.append(bank_id)
        return int(self.query(sql, params)[0][0])

    def due_by_bank(self, profile: str, now: datetime) -> dict[str, int]:
        """Reviews due now, per bank (banks with none are left out)."""
        pid = self.profile_id(profile)
        return {
            r[0]: int(r[1])
            for r in self.query(
                "SELECT bank_id, count(*) FROM cards WHERE profile_id = ? AND due <= ? GROUP BY bank_id",
                (pid, ts(now)),
            )
        }

    def due_dates(self, profile: str) -> list[datetime]:
        """Every card's due date (for a forecast)."""
        pid = self.profile_id(profile)
        return [parse_ts(r[0]) for r in self.query("SELECT due FROM cards WHERE profile_id = ?", (pid,))]
