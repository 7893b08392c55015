"""Pilot tests of the drill screens: each drill's keys, the open result, saving, the clock, the summary, bad input.

The screen hands the engine the learner's answer; these tests check what the
engine scored (the saved result) and what the learner sees. The clock is a
fake one moved by hand; nothing sleeps.
"""

from __future__ import annotations

import time
from pathlib import Path

from fixtures.debate_ui.kit import (
    SIZE,
    drill_config,
    make_app,
    notices,
    screen_text,
    settle,
    stored,
    tick,
)
from textual import events
from textual.widgets import Input

from tui.debate.records import DRAFT_SECONDS, drill_draft_key
from tui.quiz import FakeClock
from tui.screens.debate_drill import DrillScreen
from tui.screens.debate_home import DebateHomeScreen
from tui.screens.debate_results import DrillSummaryScreen
from tui.screens.dialogs import ConfirmScreen
from tui.settings import Settings
from tui.store import Store
from tui.store.rounds import Draft, get_draft
from tui.widgets.debate_editor import SpeechEditor
from tui.widgets.debate_options import NumberedOptions
from tui.widgets.debate_result import DrillResultPanel


def drill(app: object) -> DrillScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, DrillScreen), screen
    return screen


def draft(data_dir: Path, key: str) -> Draft | None:
    with Store.open(Settings(data_dir=data_dir).db_path) as store:
        return get_draft(store, "default", key)


def pick_answer(screen: DrillScreen) -> int:
    """The number (from 1) of the right option: the rebuttal written for the argument shown."""
    prompt = screen.prompt
    assert prompt is not None and prompt.argument is not None
    own = {r.text for r in prompt.argument.rebuttals}
    return next(i for i, text in enumerate(prompt.options, 1) if text in own)


async def test_pick_keys_choose_score_save_and_show_the_result(tmp_path: Path) -> None:
    app = make_app(tmp_path, drill_config("pick", count=2))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = drill(app)
        text = screen_text(app)
        assert "Press a number 1-4" in text and "Reasoning:" in text and "Impact:" in text
        right = pick_answer(screen)
        await pilot.press("9")  # no such option: nothing happens
        await pilot.pause()
        assert screen.phase == "asking"
        await pilot.press(str(right))
        await pilot.pause()
        assert screen.phase == "result" and screen.result is not None and screen.result.correct
        assert screen.query_one(DrillResultPanel)
        assert "✓ Right" in screen_text(app)
        results, _ = stored(tmp_path)
        assert [(r.drill, r.correct) for r in results] == [("pick", True)]
        await pilot.press("enter")
        await pilot.pause()
        wrong = 1 if pick_answer(screen) != 1 else 2
        await pilot.press(str(wrong))
        await pilot.pause()
        text = screen_text(app)
        assert "✗ Wrong" in text and "The best rebuttal:" in text
        assert f"Your choice: {wrong}) " in text  # the engine's result carries the wrong choice too
        assert screen.result is not None and screen.result.made[0].startswith(f"{wrong}) ")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DrillSummaryScreen)
        assert "Score 1/2" in screen_text(app)
        assert len(stored(tmp_path)[0]) == 2
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DebateHomeScreen)


async def test_side_keys_p_and_o(tmp_path: Path) -> None:
    app = make_app(tmp_path, drill_config("side", count=2))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = drill(app)
        assert "Press p or o." in screen_text(app)
        assert "Proposition argues" not in screen_text(app)  # the card must not give the side away
        prompt = screen.prompt
        assert prompt is not None and prompt.argument is not None
        await pilot.press("p" if prompt.argument.side == "prop" else "o")
        await pilot.pause()
        assert screen.result is not None and screen.result.correct
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert [r.answer for r in stored(tmp_path)[0]] == [
            "prop" if prompt.argument.side == "prop" else "opp",
            "opp",
        ]


async def test_rebuttal_is_typed_against_the_clock_and_scored_openly(tmp_path: Path) -> None:
    clock = FakeClock()
    app = make_app(tmp_path, drill_config("rebuttal", count=1), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = drill(app)
        assert "⏱ 1:30" in screen_text(app)
        await tick(pilot, clock, 40)
        assert "⏱ 0:50" in screen_text(app)
        editor = screen.query_one(SpeechEditor)
        assert editor.has_focus
        prompt = screen.prompt
        assert prompt is not None and prompt.argument is not None
        editor.insert("They say this. But the rules were tightened, because of the lag. Therefore it fails.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        result = screen.result
        assert result is not None and result.earned > 0 and result.seconds == 40
        text = screen_text(app)
        assert "Key points made:" in text and "Key points missed:" in text and "Model rebuttals" in text
        assert "structure: 4/4 steps" in text
        assert editor.read_only
        saved = stored(tmp_path)[0]
        assert saved[0].answer.startswith("They say this.")


async def test_the_drill_clock_running_out_warns_but_keeps_the_answer_open(tmp_path: Path) -> None:
    clock = FakeClock()
    app = make_app(tmp_path, drill_config("rebuttal", count=1), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await tick(pilot, clock, 95)
        assert "over by 0:05" in screen_text(app)
        assert any("Time is up" in n for n in notices(app))
        assert drill(app).phase == "asking"


async def test_an_empty_rebuttal_asks_first(tmp_path: Path) -> None:
    app = make_app(tmp_path, drill_config("rebuttal", count=1))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert drill(app).phase == "asking" and not stored(tmp_path)[0]
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        screen = drill(app)
        assert screen.result is not None and screen.result.earned == 0
        assert "nothing was typed" in screen_text(app)


async def test_case_number_keys_toggle_and_enter_submits_three(tmp_path: Path) -> None:
    app = make_app(tmp_path, drill_config("case", side="prop"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = drill(app)
        options = screen.query_one(NumberedOptions)
        await pilot.press("1", "2", "2")
        await pilot.pause()
        assert options.picked == [0]
        assert "1 of 3 picked" in screen_text(app)
        await pilot.press("enter")  # too few: the engine says what to type, nothing is scored
        await pilot.pause()
        assert screen.phase == "asking"
        assert any("Type 3 different number(s)" in n for n in notices(app))
        await pilot.press("2", "3", "enter")
        await pilot.pause()
        assert screen.result is not None and screen.result.possible == 10
        text = screen_text(app)
        assert "Your case:" in text and "strength:" in text


async def test_weigh_shows_two_impacts_and_takes_one_sentence(tmp_path: Path) -> None:
    app = make_app(tmp_path, drill_config("weigh", count=1, side="prop"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "A · Proposition impact" in text and "B · Opposition impact" in text
        field = app.screen.query_one("#drill-input", Input)
        assert field.has_focus
        field.value = "Lost revenue outweighs the delay because it is more likely and permanent."
        await pilot.press("enter")
        await pilot.pause()
        result = drill(app).result
        assert result is not None and "probability" in result.made
        assert "A model weighing" in screen_text(app)


async def test_a_claim_with_markup_shows_literally(tmp_path: Path) -> None:
    app = make_app(tmp_path, drill_config("case", side="prop"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Smuggling routes [bold]around[/bold] the controls" in screen_text(app)


async def test_pasted_control_characters_are_removed_and_a_100kb_paste_stays_quick(tmp_path: Path) -> None:
    app = make_app(tmp_path, drill_config("rebuttal", count=1))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = drill(app).query_one(SpeechEditor)
        big = "They say it failed. But the rules were \x1b[1mtightened\x1b[0m\x07 with a lag. " * 1500
        assert len(big) > 100_000
        started = time.perf_counter()
        app.post_message(events.Paste(big))
        await pilot.pause()
        assert any("control character(s) removed" in n for n in notices(app))  # before the toast times out
        await pilot.press("a", "b", "c")
        assert (
            time.perf_counter() - started < 20
        )  # generous: a loaded CI machine; the line cap is the real guard
        assert "\x1b" not in editor.text and "\x07" not in editor.text
        assert max(len(line) for line in editor.text.split("\n")) <= 1000
        await pilot.press("ctrl+s")
        await pilot.pause()
        result = drill(app).result
        assert result is not None and result.answer.count("tightened") == 1500 and "\x1b" not in result.answer
        assert "structure: 4/4 steps" in screen_text(app) or any("structure" in w for w in result.why)
        assert len(stored(tmp_path)[0]) == 1


async def test_leaving_asks_and_answered_items_go_to_the_summary(tmp_path: Path) -> None:
    app = make_app(tmp_path, drill_config("pick", count=3))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "every answer is saved" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen)
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, DrillSummaryScreen)
        assert "1 of 3 item(s) answered" in screen_text(app)


async def test_again_runs_the_drill_once_more(tmp_path: Path) -> None:
    app = make_app(tmp_path, drill_config("pick", count=1))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DrillSummaryScreen)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, DrillScreen) and app.screen.drill.kind == "pick"
        assert isinstance(app.screen_stack[-2], DebateHomeScreen)


async def test_side_level_two_asks_for_the_motion_and_the_side(tmp_path: Path) -> None:
    from fixtures.debate_ui.kit import library

    config = drill_config("side", count=1, level=2, others=(library().motions["ui-one-sided"],))
    app = make_app(tmp_path, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = drill(app)
        prompt = screen.prompt
        assert prompt is not None and len(prompt.motions) == 2
        assert "This house would do one thing" in screen_text(app)
        number = next(i for i, m in enumerate(prompt.motions, 1) if m.id == prompt.motion.id)
        assert prompt.argument is not None
        screen.query_one("#drill-input", Input).value = f"{number} {prompt.argument.side}"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.result is not None and screen.result.correct


async def test_a_typed_rebuttal_is_kept_as_a_draft_and_comes_back_next_time(tmp_path: Path) -> None:
    clock = FakeClock()
    typed = "They say the chips were allowed. But the rules were tightened"
    app = make_app(tmp_path, drill_config("rebuttal", count=1), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = drill(app)
        assert screen.prompt is not None
        key = drill_draft_key("rebuttal", "ui-chips", screen.prompt.item_id)
        screen.query_one(SpeechEditor).insert(typed)
        await pilot.pause()
        assert draft(tmp_path, key) is None  # typing alone writes nothing
        await tick(pilot, clock, DRAFT_SECONDS)
        saved = draft(tmp_path, key)
        assert saved is not None and saved.text == typed
        screen.query_one(SpeechEditor).insert(" after a lag")
        await pilot.press("escape", "y")  # left unanswered: the latest typing is written on the way out
        await settle(pilot)
        assert isinstance(app.screen, DebateHomeScreen)
    saved = draft(tmp_path, key)
    assert saved is not None and saved.text == typed + " after a lag"
    app = make_app(tmp_path, drill_config("rebuttal", count=1), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = drill(app).query_one(SpeechEditor)
        assert editor.text == typed + " after a lag"
        assert any("unsubmitted answer" in n for n in notices(app))
        await pilot.press("ctrl+s")
        await pilot.pause()
        result = drill(app).result
        assert result is not None and result.answer == typed + " after a lag"
    assert draft(tmp_path, key) is None  # submitted: the draft is gone


async def test_a_weighing_sentence_is_kept_when_the_app_quits(tmp_path: Path) -> None:
    app = make_app(tmp_path, drill_config("weigh", count=1, side="prop"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = drill(app)
        assert screen.prompt is not None
        key = drill_draft_key("weigh", "ui-chips", screen.prompt.item_id)
        await pilot.press(*"ours")
        await pilot.press("ctrl+q")
    saved = draft(tmp_path, key)
    assert saved is not None and saved.text == "ours"
