"""The debate history screen: progress over rounds and drills, drawn and in words."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from fixtures.debate_ui.kit import SIZE, START, drill_config, make_app, screen_text, settle, spar_config
from textual.widgets import OptionList

from tui.debate import DrillSaver, ManualClock, RoundKeeper
from tui.debate.records import DraftKeeper, speech_draft_key
from tui.screens.debate_flow import FlowScreen
from tui.screens.debate_history import DebateHistoryScreen
from tui.screens.debate_results import PastRoundScreen
from tui.settings import Settings
from tui.store import Store
from tui.widgets.debate_trend import trend_content


def seed_history(data_dir: Path) -> None:
    """Two pick runs (all right, then all wrong) and one finished practice round, through the engine."""
    with Store.open(Settings(data_dir=data_dir).db_path) as store:
        for n, right in enumerate((True, False)):
            drill = drill_config("pick", count=2).drill(ManualClock())
            saver = DrillSaver(store, "default", drill, now=lambda n=n: START + timedelta(days=n))
            while (prompt := drill.present()) is not None:
                assert prompt.argument is not None
                own = {r.text for r in prompt.argument.rebuttals}
                index = next(i for i, t in enumerate(prompt.options, 1) if (t in own) == right)
                saver.save(drill.answer(str(index)))
        clock = ManualClock()
        rnd = spar_config("prop").round(clock)
        keeper = RoundKeeper(store, "default", rnd, now=lambda: START)
        while (turn := rnd.current_turn()) is not None:
            if turn.actor == "opponent":
                rnd.opponent_speaks()
            else:
                rnd.start_speech()
                clock.advance(150)
                rnd.submit("First, the lab reached the frontier on chips the rules allowed.")
            keeper.save()
        rnd.finish()
        keeper.save()


async def test_history_shows_rounds_and_drills_in_lines_and_words(tmp_path: Path) -> None:
    seed_history(tmp_path)
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, DebateHistoryScreen)
        text = screen_text(app)
        assert "rounds finished: 1; latest" in text and "on practice (60–80), ui-chips, as prop" in text
        assert "pick drill: 2 run(s), 4 item(s), 50% of points overall" in text
        assert "(down 100%)" in text
        assert "2 run(s), latest 0%" in text and "1 finished round(s)" in text
        assert "pick       ▕" in text
        assert "ui-chips" in text and "practice · prop" in text
        assert "Rounds, newest first (Enter reopens one)" in text


async def test_an_empty_history_says_so(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        text = screen_text(app)
        assert "no finished rounds yet" in text and "no drills yet" in text and "no rounds yet" in text


def seed_unfinished(data_dir: Path) -> None:
    """A round stopped in its third speech: two speeches given, the third typed but never submitted."""
    with Store.open(Settings(data_dir=data_dir).db_path) as store:
        clock = ManualClock()
        rnd = spar_config("prop").round(clock)
        keeper = RoundKeeper(store, "default", rnd, now=lambda: START + timedelta(days=3))
        keeper.save()
        rnd.start_speech()
        clock.advance(150)
        rnd.submit("First, the lab reached the frontier on chips the rules allowed.")
        rnd.opponent_speaks()
        keeper.save()
        turn = rnd.current_turn()
        assert keeper.round_id is not None and turn is not None
        drafts = DraftKeeper(
            store,
            "default",
            speech_draft_key(keeper.round_id, turn.index),
            clock=clock,
            label=turn.name,
            round_id=keeper.round_id,
            now=lambda: START + timedelta(days=3),
        )
        drafts.touch()
        drafts.flush(lambda: "Second, chipmakers lose billions in sales abroad; this I never got to submit")


async def open_history(pilot: object) -> None:
    await settle(pilot)  # type: ignore[arg-type]
    await pilot.press("h")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]


async def test_a_finished_round_reopens_with_its_adjudication_flow_and_transcript(tmp_path: Path) -> None:
    seed_history(tmp_path)
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_history(pilot)
        rounds = app.screen.query_one("#round-list", OptionList)
        assert rounds.option_count == 1 and rounds.has_focus
        assert "ui-chips · practice · prop" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PastRoundScreen)
        text = screen_text(app)
        assert "you were Proposition · adjudicated" in text and "Score " in text and "Content" in text
        assert "This house believes chip export controls have failed" in text
        app.screen.query_one("AdjudicationPanel").display = False
        await pilot.pause()
        text = screen_text(app)
        assert "The speeches (Enter opens one)" in text and "First Proposition" in text
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FlowScreen)
        assert "The lab reached the frontier on chips" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DebateHistoryScreen)


async def test_an_unfinished_round_shows_its_transcript_and_the_draft(tmp_path: Path) -> None:
    seed_history(tmp_path)
    seed_unfinished(tmp_path)
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_history(pilot)
        text = screen_text(app)
        assert "1 round(s) not finished (their speeches are saved; 1 with an unsubmitted draft)" in text
        assert "unfinished" in text and "1 speech(es)" in text and "practice · prop · draft" in text
        await pilot.press("enter")  # the newest round comes first
        await settle(pilot)
        assert isinstance(app.screen, PastRoundScreen)
        text = " ".join(screen_text(app).split())
        assert "not finished" in text and "2 of 6 speeches were given (1 of them yours)" in text
        assert "Typed but not submitted (autosaved)" in text and "Second Proposition" in text
        assert "this I never got to submit" in text
        assert "First Proposition" in text and "First Opposition" in text


def test_the_trend_uses_a_fixed_scale() -> None:
    tall = str(trend_content([1.0], height=2)).split("\n")
    half = str(trend_content([0.5], height=2)).split("\n")
    assert tall[0].endswith("█") and tall[1].endswith("█")
    assert half[0].endswith(" ") and half[1].endswith("█")  # 50% reaches half way, not the top
