"""The debate history screen: progress over rounds and drills, drawn and in words."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from fixtures.debate_ui.kit import SIZE, START, drill_config, make_app, screen_text, settle, spar_config

from tui.debate import DrillSaver, ManualClock, RoundKeeper
from tui.screens.debate_history import DebateHistoryScreen
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


async def test_an_empty_history_says_so(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        text = screen_text(app)
        assert "no finished rounds yet" in text and "no drills yet" in text and "no rounds yet" in text


def test_the_trend_uses_a_fixed_scale() -> None:
    tall = str(trend_content([1.0], height=2)).split("\n")
    half = str(trend_content([0.5], height=2)).split("\n")
    assert tall[0].endswith("█") and tall[1].endswith("█")
    assert half[0].endswith(" ") and half[1].endswith("█")  # 50% reaches half way, not the top
