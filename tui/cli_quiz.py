"""Quiz commands: `sparring quiz` and `sparring stats` (filled in by the quiz trainer)."""

from __future__ import annotations

import argparse
from typing import Any


def add_quiz_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    pass
