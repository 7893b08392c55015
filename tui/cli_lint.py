"""`sparring lint`: check content files and print findings."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tui.content.library import load_library
from tui.content.loader import Limits


def run_lint(args: argparse.Namespace) -> int:
    limits = Limits(
        max_bytes=args.max_bytes if args.max_bytes is not None else Limits.max_bytes,
        max_depth=args.max_depth if args.max_depth is not None else Limits.max_depth,
    )
    paths: list[Path] = list(args.paths)
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        print(f"{p}:1:1: error: no such file or folder [missing-path]", file=sys.stderr)
    if missing:
        return 2
    if paths:
        from tui.content.bundled import content_root

        # A teacher's bank may cite a bundled seed: resolve against it, without
        # judging the bundled seed's coverage.
        reference = load_library([content_root() / "seeds"], limits=limits)
        lib = load_library(paths, limits=limits, reference=reference, partial=True)
    else:
        lib = load_library(None, limits=limits, partial=True)
    errors, warnings = len(lib.errors), len(lib.warnings)
    failed = errors > 0 or (args.strict and warnings > 0)
    if args.output == "json":
        print(
            json.dumps(
                {
                    "files": lib.files,
                    "findings": [f.as_dict() for f in lib.findings],
                    "errors": errors,
                    "warnings": warnings,
                    "ok": not failed,
                },
                indent=2,
            )
        )
    else:
        for finding in lib.findings:
            print(finding)
        summary = f"{len(lib.files)} file(s) checked: {errors} error(s), {warnings} warning(s)"
        print(summary, file=sys.stderr)
    return 1 if failed else 0
