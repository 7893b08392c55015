"""The `sparring` command: parses arguments and hands each subcommand to its module.

Textual is imported only by the commands that open the app, so `lint`,
`schema`, `stats` and the `--plain` modes stay fast in a teacher's CI.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from tui import __version__
from tui.settings import DEFAULT_PROFILE, Settings


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help="folder for learner data (default: the platform's user data dir; env SPARRING_DATA_DIR)",
    )
    common.add_argument(
        "--profile",
        default=argparse.SUPPRESS,
        help=f"learner profile, for a shared computer (default: {DEFAULT_PROFILE})",
    )
    common.add_argument(
        "--content",
        type=Path,
        action="append",
        default=argparse.SUPPRESS,
        metavar="DIR",
        help="extra content folder (repeatable)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="sparring",
        parents=[common],
        description="A terminal trainer for AI geopolitics: quizzes, spaced review, debate drills and rounds.",
    )
    parser.add_argument("--version", action="version", version=f"sparring {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    lint = sub.add_parser("lint", parents=[common], help="check content files (default: the bundled content)")
    lint.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders")
    lint.add_argument("--strict", action="store_true", help="warnings fail too")
    lint.add_argument("--format", choices=("text", "json"), default="text", dest="output")
    lint.add_argument("--max-bytes", type=int, default=None, help="size cap per file (default 5 MiB)")
    lint.add_argument("--max-depth", type=int, default=None, help="nesting cap (default 64)")

    schema = sub.add_parser("schema", parents=[common], help="print a content JSON Schema")
    schema.add_argument("kind", choices=("seed", "bank", "arguments", "format"))

    from tui.cli_debate import add_debate_parsers
    from tui.cli_quiz import add_quiz_parsers

    add_quiz_parsers(sub, common)
    add_debate_parsers(sub, common)
    return parser


def settings_from(args: argparse.Namespace) -> Settings:
    return Settings(
        data_dir=getattr(args, "data_dir", None),
        profile=getattr(args, "profile", DEFAULT_PROFILE),
        content=tuple(getattr(args, "content", ())),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    settings = settings_from(args)
    try:
        if args.command is None:
            from tui.app import run_app

            return run_app(settings)
        if args.command == "lint":
            from tui.cli_lint import run_lint

            return run_lint(args)
        if args.command == "schema":
            import json

            from tui.content.schema import json_schema

            print(json.dumps(json_schema(args.kind), indent=2))
            return 0
        handler = getattr(args, "handler", None)
        if handler is None:  # pragma: no cover - every subcommand sets one
            parser.print_help()
            return 2
        return int(handler(args, settings))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # A closed pipe (`sparring stats | head`) is not an error worth a traceback.
        sys.stderr.close()
        return 0
