"""Quiz commands: `sparring quiz` (the app, or `--plain` line by line) and `sparring stats`.

Neither imports Textual unless the app is opened: `--plain` and `stats` stay fast
and usable in pipes and scripts.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any, TextIO

from tui.settings import Settings


def _difficulty(text: str) -> list[int]:
    try:
        values = [int(x) for x in text.replace(",", " ").split()]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"difficulty is 1, 2 or 3 (or a list like 1,2), not {text!r}"
        ) from None
    if not values or any(v not in (1, 2, 3) for v in values):
        raise argparse.ArgumentTypeError(f"difficulty is 1, 2 or 3 (or a list like 1,2), not {text!r}")
    return values


def _int_at_least(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number no smaller than `minimum`."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"expected a number of at least {minimum}, not {text!r}")
        return value

    return parse


_positive_int = _int_at_least(1)
_non_negative_int = _int_at_least(0)


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, not {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a positive number, not {text!r}")
    return value


def add_quiz_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    quiz = sub.add_parser(
        "quiz",
        parents=[common],
        help="take a quiz (the app, or --plain line by line)",
        description="Take a quiz on one or more banks (ids or paths to bank files; none: every bank).",
    )
    quiz.add_argument("banks", nargs="*", metavar="BANK_ID_OR_PATH", help="bank ids or bank files")
    quiz.add_argument(
        "--mode",
        choices=("practice", "exam", "review", "blitz"),
        default="practice",
        help="practice: feedback after each answer (default); exam: feedback at the end; "
        "review: spaced repetition; blitz: timed, points fall with time",
    )
    quiz.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="TAG",
        help="only questions with this tag (repeatable: any of them)",
    )
    quiz.add_argument(
        "--difficulty",
        type=_difficulty,
        action="append",
        default=[],
        metavar="N",
        help="only this difficulty, 1-3 (repeatable, or 1,2)",
    )
    quiz.add_argument(
        "--question",
        action="append",
        default=[],
        metavar="ID",
        dest="question_ids",
        help="only this question id (repeatable)",
    )
    quiz.add_argument("--count", type=_positive_int, default=None, metavar="N", help="at most N questions")
    quiz.add_argument(
        "--seed",
        type=int,
        default=None,
        metavar="N",
        help="seed of the shuffle and of review due dates' fuzz: the same seed gives the same run",
    )
    quiz.add_argument(
        "--no-shuffle", action="store_true", help="keep the bank's order of questions and choices"
    )
    quiz.add_argument(
        "--confidence",
        action="store_true",
        help="after each answer, say how sure you are (1-3): certainty-based marks and calibration",
    )
    quiz.add_argument(
        "--time-limit",
        type=_positive_float,
        default=None,
        metavar="MINUTES",
        help="exam: total time limit in minutes",
    )
    quiz.add_argument(
        "--blitz-seconds",
        type=_positive_float,
        default=None,
        metavar="S",
        help="blitz: seconds per question without its own time limit (default 20)",
    )
    quiz.add_argument(
        "--new-per-day",
        type=_non_negative_int,
        default=None,
        metavar="N",
        help="review: new questions per day (default 20)",
    )
    quiz.add_argument(
        "--plain",
        action="store_true",
        help="line by line on stdin/stdout, no full-screen app (screen readers, pipes, scripts)",
    )
    quiz.set_defaults(handler=run_quiz)

    stats = sub.add_parser(
        "stats",
        parents=[common],
        help="print a learner's totals: attempts, accuracy (share of points), due",
        description="Print a learner's totals: attempts, answers with full credit, accuracy (points "
        "earned / points possible), reviews due now, and the same per bank.",
    )
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(handler=run_stats)


def config_from_args(args: argparse.Namespace) -> Any:
    """The `SessionConfig` the quiz arguments describe."""
    from tui.quiz.model import DEFAULT_BLITZ_SECONDS, DEFAULT_NEW_PER_DAY, SessionConfig

    difficulty = sorted({d for group in args.difficulty for d in group})
    return SessionConfig(
        banks=tuple(args.banks),
        mode=args.mode,
        tags=tuple(args.tag),
        difficulty=tuple(difficulty),
        question_ids=tuple(args.question_ids),
        count=args.count,
        seed=args.seed,
        confidence=args.confidence,
        time_limit=args.time_limit * 60 if args.time_limit is not None else None,
        blitz_seconds=args.blitz_seconds or DEFAULT_BLITZ_SECONDS,
        new_per_day=args.new_per_day if args.new_per_day is not None else DEFAULT_NEW_PER_DAY,
        shuffle=not args.no_shuffle,
    )


def run_quiz(args: argparse.Namespace, settings: Settings) -> int:
    config = config_from_args(args)
    if not args.plain:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            print("sparring: not a terminal; running in plain mode (--plain)", file=sys.stderr)
        else:
            try:
                from tui.app import run_quiz_app
            except ImportError:
                print(
                    "sparring: the full-screen quiz is not available here; running in plain mode",
                    file=sys.stderr,
                )
            else:
                return int(run_quiz_app(settings, config))
    return run_plain_quiz(settings, config)


def run_plain_quiz(
    settings: Settings,
    config: Any,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    *,
    clock: Any = None,
    library: Any = None,
) -> int:
    """Plain mode on the given streams (default: the process's). Returns the exit status."""
    from tui.quiz.launch import QuizSetupError, prepare
    from tui.quiz.plain import run_plain
    from tui.store.db import StoreError

    if stdin is None:
        stdin = sys.stdin
        if hasattr(stdin, "reconfigure"):
            stdin.reconfigure(errors="replace")  # a stray byte is a bad answer line, not a crash
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    try:
        prepared = prepare(settings, config, clock=clock, library=library)
    except QuizSetupError as e:
        for line in e.lines:
            print(line, file=stderr)
        return 1
    except StoreError as e:
        print(f"sparring: {e}", file=stderr)
        return 1
    try:
        for note in prepared.notices:
            print(note, file=stderr)
        session = prepared.session
        if session.total == 0:
            if config.mode == "review":
                print(
                    "Nothing to review now: no question is due and today's new questions are done.",
                    file=stdout,
                )
                print("score: 0/0", file=stdout)
                return 0
            print("sparring: no questions match the filters", file=stderr)
            return 1
        run_plain(session, stdin, stdout)
        return 0
    except StoreError as e:
        print(f"sparring: {e}", file=stderr)
        return 1
    finally:
        prepared.close()


def run_stats(args: argparse.Namespace, settings: Settings, stdout: TextIO | None = None) -> int:
    from tui.quiz.clock import SystemClock
    from tui.quiz.scoring import format_number
    from tui.store.db import Store, StoreError
    from tui.store.stats import stats

    out = stdout or sys.stdout
    try:
        store = Store.open(settings.db_path)
    except StoreError as e:
        print(f"sparring: {e}", file=sys.stderr)
        return 1
    with store:
        if store.notice:
            print(store.notice, file=sys.stderr)
        figures = stats(store, settings.profile, SystemClock().now())
    if args.json:
        print(json.dumps(figures.as_dict(), indent=2), file=out)
        return 0
    print(f"profile: {figures.profile}", file=out)
    print(f"attempts: {figures.attempts}", file=out)
    print(f"correct: {figures.correct}", file=out)
    print(f"accuracy: {figures.accuracy * 100:.0f}% of points", file=out)
    print(f"due now: {figures.due}", file=out)
    print(f"sessions: {figures.sessions}", file=out)
    if figures.banks:
        width = max(len(b) for b in figures.banks)
        print("", file=out)
        print(f"{'bank':<{width}}  attempts  accuracy  points        due", file=out)
        for bank_id, b in sorted(figures.banks.items()):
            points = f"{format_number(b.earned)}/{format_number(b.possible)}"
            print(
                f"{bank_id:<{width}}  {b.attempts:>8}  {b.accuracy * 100:>7.0f}%  {points:<12}  {b.due:>3}",
                file=out,
            )
    return 0
