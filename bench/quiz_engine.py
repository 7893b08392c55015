"""Benchmark: the quiz engine's answer path (score, feedback, commit to SQLite) per answer.

The UI target (issue 4) is key press to feedback painted within 2x of a bare
Textual app updating a label; the engine's share of that is `answer()`,
which scores and commits the attempt before returning. This prints the
median and p95 of `answer()` with the store, without it, and of a bare
SQLite insert-and-commit in WAL mode with the store's `synchronous = NORMAL`
and, for comparison, with `FULL` (a disk sync per commit, which the store
leaves to its flush thread), in one run.

    python bench/quiz_engine.py [--questions 300]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.content.models import Question
from tui.quiz import QuizSession, SessionConfig, StoreRecorder
from tui.store import Store


def questions(n: int) -> list[Question]:
    out = []
    for i in range(n):
        kind = ("choice", "multi", "order", "match")[i % 4]
        extra: dict[str, object] = {
            "choice": {"answer": "a", "distractors": ("b", "c", "d")},
            "multi": {"answers": ("a", "b"), "distractors": ("c", "d")},
            "order": {"items": ("a", "b", "c", "d", "e")},
            "match": {"pairs": (("a", "1"), ("b", "2"), ("c", "3"), ("d", "4"))},
        }[kind]
        out.append(
            Question(
                id=f"q{i}",
                type=kind,
                prompt="?",
                explanation="e",
                facts=(),
                tags=("t",),
                difficulty=1,
                bank="bench",
                **extra,  # type: ignore[arg-type]
            )
        )
    return out


def answer_for(q: Question) -> object:
    if q.type == "choice":
        return "a"
    if q.type == "multi":
        return frozenset({"a", "c"})
    if q.type == "order":
        return ("b", "a", "c", "d", "e")
    return {"a": "1", "b": "3", "c": "2", "d": "4"}


def run(pool: list[Question], store: Store | None) -> list[float]:
    recorder = StoreRecorder(store, "bench") if store is not None else None
    session = QuizSession.create(pool, SessionConfig(seed=1), recorder=recorder)
    times = []
    while (item := session.next_item()) is not None:
        start = time.perf_counter()
        session.answer(answer_for(item.question))  # type: ignore[arg-type]
        times.append(time.perf_counter() - start)
    session.finish()
    return times


def bare_sqlite(folder: Path, n: int, synchronous: str) -> list[float]:
    conn = sqlite3.connect(folder / f"bare-{synchronous}.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA synchronous = {synchronous}")
    conn.execute("CREATE TABLE t (x TEXT)")
    times = []
    for i in range(n):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t VALUES (?)", (str(i),))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - start)
    conn.close()
    return times


def show(name: str, times: list[float]) -> None:
    times = sorted(times)
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"{name:<30} median {statistics.median(times) * 1000:7.3f} ms   p95 {p95 * 1000:7.3f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=300)
    args = parser.parse_args()
    pool = questions(args.questions)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        show("bare SQLite commit, NORMAL", bare_sqlite(folder, args.questions, "NORMAL"))
        show("bare SQLite commit, FULL", bare_sqlite(folder, args.questions, "FULL"))
        show("answer(), no store", run(pool, None))
        with Store.open(folder / "sparring.db") as store:
            show("answer(), recorded", run(pool, store))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
