"""Snapshots (SVG, 100x30) of the quiz screens: home, a question of each type, feedback, results, stats.

Deterministic: the small fixed bank in tests/fixtures/ui, seed 7 (which also
seeds the FSRS fuzz of review due dates), a fake clock at 2025-01-27 09:00 UTC,
and the stats screen's days counted in UTC (`backend.tz`), whatever the
machine's time zone. Regenerate with `pytest tests/test_snapshots_quiz.py
--snapshot-update` and look at the SVGs in tests/__snapshots__/.
"""

from __future__ import annotations

from datetime import UTC
from pathlib import Path
from typing import Any

import pytest
from fixtures.ui.appkit import SIZE, START, make_app, quiz_config, settle
from textual.pilot import Pilot

from tui.quiz import FakeClock
from tui.settings import Settings


def presses(*keys: str) -> Any:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
            await settle(pilot)

    return run_before


def test_home(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=presses())


@pytest.mark.parametrize(
    "qid", ["ui-choice", "ui-multi", "ui-tf", "ui-numeric", "ui-short", "ui-order", "ui-match"]
)
def test_question(snap_compare: Any, tmp_path: Path, qid: str) -> None:
    app = make_app(tmp_path, quiz_config(question_ids=(qid,)))
    assert snap_compare(app, terminal_size=SIZE, run_before=presses())


def test_feedback_wrong_choice(snap_compare: Any, tmp_path: Path) -> None:
    """Per-choice feedback, the right answer, the explanation and cited facts (markup shown literally)."""
    app = make_app(tmp_path, quiz_config(question_ids=("ui-choice",)))
    # With seed 7 the choices show as: $560 million, $5.6 million, [red]$5.6 billion[/red], $56 million.
    assert snap_compare(app, terminal_size=SIZE, run_before=presses("3", "enter"))


def test_feedback_order_partly_right(snap_compare: Any, tmp_path: Path) -> None:
    app = make_app(tmp_path, quiz_config(question_ids=("ui-order",)))
    assert snap_compare(app, terminal_size=SIZE, run_before=presses("shift+down", "enter"))


def test_feedback_match_with_confidence(snap_compare: Any, tmp_path: Path) -> None:
    app = make_app(tmp_path, quiz_config(question_ids=("ui-match",), confidence=True))
    assert snap_compare(app, terminal_size=SIZE, run_before=presses("a", "c", "b", "enter", "2"))


def test_confidence_prompt(snap_compare: Any, tmp_path: Path) -> None:
    app = make_app(tmp_path, quiz_config(question_ids=("ui-tf",), confidence=True))
    assert snap_compare(app, terminal_size=SIZE, run_before=presses("2", "enter"))


def test_results(snap_compare: Any, tmp_path: Path) -> None:
    app = make_app(tmp_path, quiz_config(question_ids=("ui-tf", "ui-choice", "ui-multi"), confidence=True))
    keys = ("2", "enter", "3", "n", "3", "enter", "2", "n", "1", "2", "enter", "1", "n")
    assert snap_compare(app, terminal_size=SIZE, run_before=presses(*keys))


def test_stats(snap_compare: Any, tmp_path: Path) -> None:
    clock = FakeClock(START)
    app = make_app(
        tmp_path,
        quiz_config(question_ids=("ui-tf", "ui-choice", "ui-multi"), confidence=True, mode="review"),
        clock=clock,
    )
    app.backend.tz = UTC  # the learner's calendar days, fixed for the snapshot
    keys = ("2", "enter", "3", "n", "3", "enter", "2", "n", "1", "2", "enter", "1", "n", "t")
    assert snap_compare(app, terminal_size=SIZE, run_before=presses(*keys))


def test_help(snap_compare: Any, tmp_path: Path) -> None:
    app = make_app(tmp_path, quiz_config(question_ids=("ui-order",)))

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        pilot.app.settings = Settings(
            data_dir=Path("/home/learner/.local/share/sparring")
        )  # a fixed path to show
        await pilot.press("f1")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
