"""Debate commands: `sparring drill KIND MOTION` and `sparring spar MOTION --side prop|opp`.

Without `--plain` they open the debate screens (`tui.app.run_debate_app`);
with it (or when the screens are not available) they run line by line on
stdin/stdout without importing Textual. Results are saved per profile as they
are scored.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from tui.debate.clock import Clock
    from tui.debate.launch import DebateConfig
    from tui.settings import Settings

DRILL_KINDS = ("side", "pick", "rebuttal", "case", "weigh")


def add_debate_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    drill = sub.add_parser(
        "drill",
        parents=[common],
        help="argument drills: side, pick, rebuttal, case, weigh",
        description="Argument drills on one motion. side: which side makes a claim; pick: the best rebuttal of "
        "four; rebuttal: type a rebuttal against the clock; case: pick your best three arguments; "
        "weigh: one sentence weighing two impacts.",
    )
    drill.add_argument("kind", choices=DRILL_KINDS, help="which drill")
    drill.add_argument("motion", metavar="MOTION", help="motion id, or the path of an argument file")
    drill.add_argument("--seed", type=int, default=None, help="same seed, same items in the same order")
    drill.add_argument("--plain", action="store_true", help="line by line, without the full-screen app")
    drill.add_argument(
        "--side",
        choices=("prop", "opp"),
        default=None,
        help="your side: you answer the other side's arguments (default: both sides)",
    )
    drill.add_argument("--count", type=int, default=None, help="how many items")
    drill.add_argument(
        "--level",
        type=int,
        choices=(1, 2),
        default=1,
        help="side drill: 2 mixes motions (which motion, which side)",
    )
    drill.add_argument(
        "--time",
        type=float,
        default=None,
        dest="time_limit",
        metavar="SECONDS",
        help="time limit per item (rebuttal: 90 by default)",
    )
    drill.set_defaults(handler=run_drill_command)

    spar = sub.add_parser(
        "spar",
        parents=[common],
        help="a timed sparring round against the built-in opponent",
        description="Prep, then the format's speeches in order against an opponent built from the argument set; "
        "a flow sheet and an adjudication at the end.",
    )
    spar.add_argument("motion", metavar="MOTION", help="motion id, or the path of an argument file")
    spar.add_argument("--side", choices=("prop", "opp"), required=True, help="your side")
    spar.add_argument(
        "--format",
        default="practice",
        dest="format_id",
        metavar="FORMAT",
        help="debate format id (default: practice; also wsdc, bp, australs, pf, ld)",
    )
    spar.add_argument("--seed", type=int, default=None, help="same seed, same opponent")
    spar.add_argument("--plain", action="store_true", help="line by line, without the full-screen app")
    spar.add_argument("--no-prep", action="store_true", help="skip the prep clock (plain mode)")
    spar.set_defaults(handler=run_spar_command)


def _config(args: argparse.Namespace, settings: Settings, err: TextIO) -> DebateConfig | None:
    """Load content and resolve the motion (and format); None after printing why it failed."""
    from tui.debate.launch import DebateConfig, MotionError, facts_for, resolve_motion
    from tui.settings import load_content

    library = load_content(settings)
    try:
        motion = resolve_motion(args.motion, library)
    except MotionError as e:
        for line in e.lines:
            print(line, file=err)
        return None
    others = tuple(m for m in library.motions.values() if m.id != motion.id)
    if args.command == "drill":
        return DebateConfig(
            "drill",
            motion,
            seed=args.seed,
            kind=args.kind,
            side=args.side,
            count=args.count,
            level=args.level,
            time_limit=args.time_limit,
            others=others,
            facts=facts_for(motion, library),
        )
    fmt = library.formats.get(args.format_id)
    if fmt is None:
        known = ", ".join(sorted(library.formats))
        print(f"sparring: no format {args.format_id!r} (known: {known})", file=err)
        return None
    return DebateConfig(
        "spar",
        motion,
        seed=args.seed,
        side=args.side,
        format=fmt,
        others=others,
        facts=facts_for(motion, library),
    )


def _open_store(settings: Settings, err: TextIO) -> Any:
    from tui.store import Store, StoreError

    try:
        store = Store.open(settings.db_path)
    except (StoreError, ValueError) as e:
        print(f"sparring: {e}; results will not be saved", file=err)
        return None
    if store.notice:
        print(f"sparring: {store.notice}", file=err)
    return store


def _app(settings: Settings, config: DebateConfig, err: TextIO) -> int | None:
    """Run the debate screens; None when they are not available (the caller falls back to plain)."""
    try:
        from tui.app import run_debate_app  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        print("sparring: the debate screens are not available here; running in plain mode", file=err)
        return None
    return int(run_debate_app(settings, config))


def _launch(
    args: argparse.Namespace, settings: Settings, err: TextIO, build: Callable[[DebateConfig], Any]
) -> tuple[Any, int | None]:
    """Resolve the motion and build the engine; open the screens unless --plain.

    Returns the engine and, when the command is already over (an error, or
    the app ran), its exit code.
    """
    config = _config(args, settings, err)
    if config is None:
        return None, 1
    from tui.debate.errors import DebateError

    try:
        engine = build(config)
    except DebateError as e:
        print(f"sparring: {e}", file=err)
        return None, 1
    if not args.plain:
        code = _app(settings, config, err)
        if code is not None:
            return engine, code
    return engine, None


def run_drill_command(
    args: argparse.Namespace,
    settings: Settings,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    clock: Clock | None = None,
) -> int:
    out, err, inp = stdout or sys.stdout, stderr or sys.stderr, stdin or sys.stdin
    drill, code = _launch(args, settings, err, lambda config: config.drill(clock))
    if code is not None:
        return code
    from tui.debate.plain import run_drill
    from tui.debate.records import DrillSaver

    store = _open_store(settings, err)
    saver = DrillSaver(store, settings.profile, drill) if store is not None else None
    try:
        run_drill(drill, inp, out, on_result=saver.save if saver else None)
    finally:
        if store is not None:
            store.close()
    return 0


def run_spar_command(
    args: argparse.Namespace,
    settings: Settings,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    clock: Clock | None = None,
) -> int:
    out, err, inp = stdout or sys.stdout, stderr or sys.stderr, stdin or sys.stdin
    rnd, code = _launch(args, settings, err, lambda config: config.round(clock))
    if code is not None:
        return code
    from tui.debate.plain import run_round
    from tui.debate.records import RoundKeeper

    store = _open_store(settings, err)
    keeper = RoundKeeper(store, settings.profile, rnd) if store is not None else None
    try:
        if keeper is not None:
            keeper.save()
        finished = run_round(
            rnd, inp, out, skip_prep=args.no_prep, on_speech=(lambda _rec: keeper.save()) if keeper else None
        )
        if keeper is not None:
            keeper.save()
            out.write(f"round saved (#{keeper.round_id}{'' if finished else ', unfinished'})\n")
    finally:
        if store is not None:
            store.close()
    return 0
