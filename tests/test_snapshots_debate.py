"""Snapshots of the debate screens at 100x30: fixed content, fixed seed, a fake clock.

Update after an intended change with `pytest tests/test_snapshots_debate.py --snapshot-update`
and look at the report before committing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fixtures.debate_ui.kit import SIZE, drill_config, make_app, settle, spar_config, tick
from textual.pilot import Pilot

from tui.quiz import FakeClock
from tui.widgets.debate_clock import SpeechClock
from tui.widgets.debate_editor import SpeechEditor

CASE = (
    "First, the lab reached the frontier on chips the rules allowed. Second, chipmakers lose billions in "
    "sales abroad. This outweighs, because it is more likely and permanent."
)


async def still(pilot: Pilot[Any]) -> None:
    """No blinking cursor, bell flash or toast in a picture (they come and go on the wall clock)."""
    pilot.app.clear_notifications()
    for editor in pilot.app.screen.query(SpeechEditor):
        editor.cursor_blink = False
    for clock in pilot.app.screen.query(SpeechClock):
        clock.remove_class("-bell")
    await pilot.pause()


async def play_round(pilot: Pilot[Any], clock: FakeClock, speeches: int) -> None:
    """End prep, then give `speeches` learner speeches (CASE), reading on after each."""
    await settle(pilot)
    await pilot.press("ctrl+s")
    await pilot.pause()
    for n in range(speeches):
        if n:
            await pilot.press("enter")
            await pilot.pause()
        pilot.app.screen.query_one("#speech-editor", SpeechEditor).insert(CASE)
        await tick(pilot, clock, 150)
        await pilot.press("ctrl+s")
        await pilot.pause()


async def settled(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await still(pilot)


def test_debate_home(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=settled)


def test_pick_drill(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path, drill_config("pick")), terminal_size=SIZE, run_before=settled)


def test_rebuttal_result(snap_compare: Any, tmp_path: Path) -> None:
    clock = FakeClock()

    async def answer(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        pilot.app.screen.query_one(SpeechEditor).insert(
            "They say the controls slowed them. But the rival caught up within months, because the delay "
            "was short. Therefore the point falls."
        )
        await tick(pilot, clock, 40)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await still(pilot)

    app = make_app(tmp_path, drill_config("rebuttal", count=1), clock=clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=answer)


def test_round_editor_with_the_speech_clock(snap_compare: Any, tmp_path: Path) -> None:
    clock = FakeClock()

    async def speaking(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        pilot.app.screen.query_one("#speech-editor", SpeechEditor).insert(CASE)
        await tick(pilot, clock, 75)
        await still(pilot)

    app = make_app(tmp_path, spar_config("prop"), clock=clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=speaking)


def test_flow_sheet(snap_compare: Any, tmp_path: Path) -> None:
    clock = FakeClock()

    async def flow(pilot: Pilot[Any]) -> None:
        await play_round(pilot, clock, 2)
        await pilot.press("f2")
        await pilot.pause()
        await still(pilot)

    app = make_app(tmp_path, spar_config("prop"), clock=clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=flow)


def test_adjudication(snap_compare: Any, tmp_path: Path) -> None:
    clock = FakeClock()

    async def judged(pilot: Pilot[Any]) -> None:
        await play_round(pilot, clock, 3)
        await settle(pilot)
        await still(pilot)

    app = make_app(tmp_path, spar_config("prop"), clock=clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=judged)
