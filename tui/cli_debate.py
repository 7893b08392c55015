"""Debate commands: `sparring drill` and `sparring spar` (filled in by the debate trainer)."""

from __future__ import annotations

import argparse
from typing import Any


def add_debate_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    pass
