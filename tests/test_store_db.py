"""The learner database: migrations, WAL, a damaged file set aside, two connections, profiles, cards, stats."""

from __future__ import annotations

import os
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import fsrs
import pytest

from tui.store import (
    AttemptRecord,
    CardState,
    Store,
    StoreError,
    calibration_pairs,
    due_forecast,
    history,
    migrate,
    stats,
    tag_accuracy,
)
from tui.store.db import _Flusher, split_sql
from tui.store.migrations import MIGRATIONS
from tui.store.stats import TagFigures

NOW = datetime(2025, 1, 27, 12, 0, tzinfo=UTC)


def attempt(qid: str = "q1", bank: str = "b1", correct: bool = True, **kw: object) -> AttemptRecord:
    base: dict[str, object] = dict(
        question_id=qid,
        bank_id=bank,
        qtype="choice",
        mode="practice",
        answered_at=NOW,
        seconds=3.0,
        response="x",
        fraction=1.0 if correct else 0.0,
        earned=1.0 if correct else 0.0,
        points=1.0,
        correct=correct,
        tags=("cost",),
    )
    base.update(kw)
    return AttemptRecord(**base)  # type: ignore[arg-type]


def card(qid: str, due: datetime, bank: str = "b1") -> CardState:
    return CardState(
        question_id=qid,
        bank_id=bank,
        created=NOW - timedelta(days=3),
        card=fsrs.Card(
            card_id=1,
            state=fsrs.State.Review,
            step=None,
            stability=3.2,
            difficulty=5.1,
            due=due,
            last_review=NOW - timedelta(days=2),
        ),
        reps=2,
        lapses=1,
    )


def test_fresh_database_is_migrated_in_wal(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "sparring.db"
    with Store.open(path) as store:
        assert path.exists() and store.notice is None
        assert store.version == len(MIGRATIONS)
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"profiles", "sessions", "attempts", "cards"} <= tables
    with Store.open(path) as again:  # reopening runs nothing twice
        assert again.version == len(MIGRATIONS)


def test_commits_are_synced_by_a_flush_after_the_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A commit is kill-safe at once (no disk sync on the answer's path); a thread syncs the WAL soon after,
    and closing syncs what it has not."""
    path = tmp_path / "sparring.db"
    synced: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr("tui.store.db.FLUSH_DELAY_SECONDS", 3600.0)  # the thread waits: the test syncs
    with Store.open(path) as store:
        assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert not store.flush_pending
        store.record_attempt("default", attempt())
        assert store.flush_pending and not synced  # the commit did not wait on a sync
        store.flush()
        assert len(synced) == 1
        store.record_attempt("default", attempt("q2"))
    assert len(synced) >= 2  # the close synced the pending write
    with Store.open(path) as again:
        assert again.count_attempts("default") == 2


def test_the_flush_thread_syncs_after_a_request() -> None:
    done = threading.Event()
    flusher = _Flusher(done.set, 0.0)
    flusher.request()
    assert done.wait(10)  # an event, not a sleep: set by the thread's sync
    assert not flusher.stop()  # nothing was left to sync


def test_a_stop_between_the_wait_and_the_clear_ends_the_flush_thread() -> None:
    """Once, a stop that came after the thread's delay ran out and before it cleared its wake was swallowed
    by the clear, and closing the store hung. The stop is made to come exactly there."""
    synced = threading.Event()
    flusher = _Flusher(synced.set, 0.0)

    class StopComesNow(threading.Event):
        def wait(self, timeout: float | None = None) -> bool:
            if timeout is not None and not self.is_set():  # the delay ran out; now `stop` comes
                self.set()
                flusher._wake.set()
                return False
            return super().wait(timeout)

    flusher._stop = StopComesNow()
    flusher.request()
    assert synced.wait(10)
    flusher._thread.join(10)
    assert not flusher._thread.is_alive()


def test_migrations_run_in_order_and_only_once(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    steps = [
        "CREATE TABLE a (x INTEGER); -- one; with a semicolon in a comment\n",
        "ALTER TABLE a ADD COLUMN y TEXT DEFAULT 'a;b';\nCREATE INDEX a_y ON a(y);",
    ]
    assert migrate(conn, steps[:1]) == 1
    assert migrate(conn, steps) == 2
    assert migrate(conn, steps) == 2
    conn.execute("INSERT INTO a (x) VALUES (1)")
    assert conn.execute("SELECT y FROM a").fetchone()[0] == "a;b"
    with pytest.raises(StoreError, match="newer"):
        migrate(conn, steps[:1])


def test_a_failing_migration_leaves_the_old_version(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, ["CREATE TABLE a (x INTEGER);", "CREATE TABLE b (x); CREATE TABLE a (x);"])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'b'").fetchone()[0] == 0


def test_every_shipped_migration_splits_into_statements() -> None:
    for step in MIGRATIONS:
        statements = split_sql(step)
        assert statements and all(sqlite3.complete_statement(s) for s in statements)
        assert not any(
            s.lstrip().upper().startswith(("BEGIN", "COMMIT", "PRAGMA USER_VERSION")) for s in statements
        )


def test_not_a_database_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "sparring.db"
    path.write_bytes(b"this is not sqlite at all, just some text" * 100)
    with Store.open(path, now=NOW) as store:
        assert store.notice is not None and "sparring.db.corrupt-20250127T120000Z" in store.notice
        assert store.count_attempts("default") == 0
    aside = tmp_path / "sparring.db.corrupt-20250127T120000Z"
    assert aside.read_bytes().startswith(b"this is not sqlite")


def test_damaged_pages_are_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "sparring.db"
    with Store.open(path) as store:
        for i in range(300):
            store.record_attempt("default", attempt(f"q{i}", response="x" * 200))
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, min(len(data), 12 * page)):
        data[offset] = 0xA5  # scribble over the b-tree pages, keep the header
    path.write_bytes(bytes(data))
    with Store.open(path, now=NOW) as store:
        assert store.notice is not None and "moved aside" in store.notice
        store.record_attempt("default", attempt())
        assert store.count_attempts("default") == 1
    assert list(tmp_path.glob("sparring.db.corrupt-*"))


def test_two_connections_write_alongside(tmp_path: Path) -> None:
    path = tmp_path / "sparring.db"
    first = Store.open(path)
    second = Store.open(path)
    errors: list[BaseException] = []

    def write(store: Store, tag: str) -> None:
        try:
            for i in range(40):
                store.record_attempt("default", attempt(f"{tag}{i}"))
        except BaseException as e:  # pragma: no cover - the failure being tested for
            errors.append(e)

    threads = [threading.Thread(target=write, args=(s, t)) for s, t in ((first, "a"), (second, "b"))]
    for t in threads:
        t.start()
    # a reader in the middle of it all sees a consistent count
    assert first.count_attempts("default") <= 80
    for t in threads:
        t.join()
    assert not errors
    assert first.count_attempts("default") == second.count_attempts("default") == 80
    # a long-held write lock: the other side waits rather than failing at once
    with first.transaction() as c:
        c.execute("INSERT INTO profiles (name, created) VALUES ('held', 'x')")
        reader_sees = second.conn.execute("SELECT count(*) FROM profiles WHERE name = 'held'").fetchone()[0]
        assert reader_sees == 0  # WAL: readers are not blocked and see the last commit
    first.close()
    second.close()
    with Store.open(path) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_busy_beyond_the_timeout_is_a_store_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "sparring.db"
    first = Store.open(path)
    second = Store.open(path)
    second.conn.execute("PRAGMA busy_timeout = 50")
    with first.transaction(), pytest.raises(StoreError, match="busy"):
        second.record_attempt("default", attempt())
    first.close()
    second.close()


def test_profiles_are_separate(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        store.record_attempt("ana", attempt())
        store.record_attempt("ben", attempt(correct=False))
        store.record_attempt("ben", attempt("q2"))
        assert store.profiles() == ["ana", "ben"]
        assert store.count_attempts("ana") == 1 and store.count_attempts("ben") == 2
        with pytest.raises(ValueError):
            store.profile_id("  ")


def test_attempts_round_trip(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        sid = store.start_session("default", mode="exam", banks=["b1"], config={"seed": 3}, started=NOW)
        a = attempt(
            response={"OpenAI": "US"}, confidence=3, marks=3.0, session_id=sid, tags=("a", "b"), difficulty=2
        )
        store.record_attempt("default", a)
        store.finish_session(sid, finished=NOW + timedelta(minutes=5), earned=1, possible=1)
        (back,) = store.attempts("default", session_id=sid)
        assert back == a and back.response == {"OpenAI": "US"}
        (session,) = store.sessions("default")
        assert session["config"] == {"seed": 3} and session["earned"] == 1


def test_cards_round_trip_and_due_counts(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        store.save_card("default", card("q1", NOW - timedelta(hours=1)))
        store.save_card("default", card("q2", NOW + timedelta(days=3), bank="b2"))
        newer = card("q1", NOW + timedelta(days=1))
        store.record_attempt(
            "default", attempt(), card=newer
        )  # the attempt moves its card in one transaction
        cards = store.cards("default")
        assert set(cards) == {"q1", "q2"}
        assert cards["q1"].due == newer.due and cards["q1"].card.stability == pytest.approx(3.2)
        assert cards["q1"].card.state == fsrs.State.Review and cards["q1"].lapses == 1
        assert store.due_count("default", NOW) == 0
        assert store.due_count("default", NOW + timedelta(days=4)) == 2
        assert store.due_by_bank("default", NOW + timedelta(days=2)) == {"b1": 1}
        assert sum(due_forecast(store, "default", NOW, days=14)) == 2


def test_stats_totals_and_per_bank(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        store.record_attempt("default", attempt("q1", "b1"))
        store.record_attempt("default", attempt("q2", "b1", correct=False, confidence=3))
        store.record_attempt("default", attempt("q3", "b2", tags=("chips",), confidence=1))
        store.save_card("default", card("q1", NOW - timedelta(hours=1)))
        figures = stats(store, "default", NOW)
        assert (figures.attempts, figures.correct, figures.due) == (3, 2, 1)
        assert figures.accuracy == pytest.approx(2 / 3)  # points: 2 of 3
        data = figures.as_dict()
        assert set(data) >= {"attempts", "correct", "accuracy", "due", "banks"}
        assert data["banks"] == {
            "b1": {
                "attempts": 2,
                "correct": 1,
                "accuracy": 0.5,
                "earned": 1.0,
                "possible": 2.0,
                "questions": 2,
                "due": 1,
                "last": "2025-01-27T12:00:00.000000+00:00",
            },
            "b2": {
                "attempts": 1,
                "correct": 1,
                "accuracy": 1.0,
                "earned": 1.0,
                "possible": 1.0,
                "questions": 1,
                "due": 0,
                "last": "2025-01-27T12:00:00.000000+00:00",
            },
        }
        assert tag_accuracy(store, "default") == {
            "chips": TagFigures(attempts=1, correct=1, earned=1.0, possible=1.0),
            "cost": TagFigures(attempts=2, correct=1, earned=1.0, possible=2.0),
        }
        assert sorted(calibration_pairs(store, "default")) == [(1, True), (3, False)]
        days = history(store, "default", NOW + timedelta(days=1), days=7)
        assert len(days) == 7 and sum(d.attempts for d in days) == 3
        assert stats(store, "nobody", NOW).attempts == 0


def test_accuracy_is_the_share_of_points_everywhere(tmp_path: Path) -> None:
    """Half right on a 2-point question counts 1 of 2 points: per tag, per bank, in total, per day,
    exactly as a session's results count it (`Figures.percent`)."""
    from tui.quiz.model import Figures

    with Store.open(tmp_path / "s.db") as store:
        half = attempt("m", correct=False, fraction=0.5, earned=1.0, points=2.0, tags=("labs",))
        store.record_attempt("default", half)
        store.record_attempt("default", attempt("c", tags=("labs",)))
        tag = tag_accuracy(store, "default")["labs"]
        assert (tag.attempts, tag.correct, tag.earned, tag.possible) == (2, 1, 2.0, 3.0)
        assert tag.accuracy == pytest.approx(2 / 3)
        session = Figures().plus(False, 1.0, 2.0).plus(True, 1.0, 1.0)
        assert tag.accuracy == pytest.approx(session.percent / 100)
        figures = stats(store, "default", NOW)
        assert figures.accuracy == pytest.approx(2 / 3) and figures.banks["b1"].accuracy == pytest.approx(
            2 / 3
        )
        assert figures.correct == 1  # full credit, counted beside accuracy
        data = figures.as_dict()
        assert data["accuracy"] == 0.6667 and data["earned"] == 2.0 and data["possible"] == 3.0
        (day,) = [d for d in history(store, "default", NOW, days=3) if d.attempts]
        assert day.accuracy == pytest.approx(2 / 3) and day.correct == 1


def test_history_and_forecast_count_local_calendar_days(tmp_path: Path) -> None:
    """Stored times are UTC; days are the learner's calendar days in the given time zone."""
    from datetime import timezone

    tokyo = timezone(timedelta(hours=9))
    new_york = timezone(timedelta(hours=-5))
    late = datetime(2025, 1, 26, 20, 0, tzinfo=UTC)  # Jan 27 05:00 in Tokyo, Jan 26 15:00 in New York
    with Store.open(tmp_path / "s.db") as store:
        store.record_attempt("default", attempt("q1", answered_at=late))
        store.record_attempt("default", attempt("q2", answered_at=NOW))  # Jan 27 21:00 Tokyo, 07:00 New York
        store.save_card("default", card("q1", datetime(2025, 1, 28, 16, 0, tzinfo=UTC)))  # Jan 29 in Tokyo

        def counts(tz: timezone) -> dict[str, int]:
            days = history(store, "default", NOW, days=3, tz=tz)
            assert days[-1].day == NOW.astimezone(tz).date()  # the last day is today, in that zone
            return {d.day.isoformat(): d.attempts for d in days}

        assert counts(tokyo) == {"2025-01-25": 0, "2025-01-26": 0, "2025-01-27": 2}
        assert counts(new_york) == {"2025-01-25": 0, "2025-01-26": 1, "2025-01-27": 1}
        assert counts(UTC) == {"2025-01-25": 0, "2025-01-26": 1, "2025-01-27": 1}
        assert due_forecast(store, "default", NOW, days=4, tz=tokyo) == [0, 0, 1, 0]
        assert due_forecast(store, "default", NOW, days=4, tz=new_york) == [0, 1, 0, 0]
        # just after midnight in Tokyo, yesterday's answers are yesterday's
        after_midnight = datetime(2025, 1, 27, 15, 30, tzinfo=UTC)  # Jan 28 00:30 in Tokyo
        days = history(store, "default", after_midnight, days=2, tz=tokyo)
        assert [(d.day.isoformat(), d.attempts) for d in days] == [("2025-01-27", 2), ("2025-01-28", 0)]
