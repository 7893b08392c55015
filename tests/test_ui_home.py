"""Pilot tests of the home screen: banks, due reviews, the session's choices, start, the other entries."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fixtures.ui.appkit import SIZE, START, make_app, notices, screen_text, seed_due_review, settle
from textual.widgets import Checkbox, Input, RadioButton, RadioSet, SelectionList

from tui.quiz import FakeClock
from tui.screens.dialogs import NoticeScreen
from tui.screens.home import HomeScreen
from tui.screens.question import QuestionScreen
from tui.screens.stats import StatsScreen


async def test_home_lists_banks_with_counts_and_markup_literally(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        text = screen_text(app)
        assert "UI test bank" in text and "7 questions" in text
        assert "Second bank [b]markup[/b]" in text  # a title from a file is never markup
        assert "2 banks, 8 questions" in text


async def test_home_shows_reviews_due(tmp_path: Path) -> None:
    clock = FakeClock(START)
    seed_due_review(tmp_path, clock)
    clock.advance(days=2)
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "1 due" in text, text
        assert "Review due (1)" in text
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        session = app.screen.session
        assert session.mode == "review"
        assert session.questions[0].id == "ui-tf"  # the due question comes first


async def test_start_with_ticked_bank_mode_confidence_and_filters(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        banks = app.screen.query_one("#banks", SelectionList)
        banks.highlighted = next(i for i in range(banks.option_count)
                                 if banks.get_option_at_index(i).value == "ui-bank")
        await pilot.press("space")
        app.screen.query_one("#mode", RadioSet).query(RadioButton)[1].value = True  # Exam
        app.screen.query_one("#confidence", Checkbox).value = True
        app.screen.query_one("#tags", Input).value = "cost, reading"
        app.screen.query_one("#difficulty-1", Checkbox).value = True
        app.screen.query_one("#difficulty-2", Checkbox).value = True
        app.screen.query_one("#count", Input).value = "3"
        await pilot.pause()
        app.screen.query_one("#banks").focus()
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        config = app.screen.session.config
        assert config.banks == ("ui-bank",)
        assert config.mode == "exam" and config.confidence
        assert config.tags == ("cost", "reading") and config.difficulty == (1, 2) and config.count == 3
        assert app.screen.session.total == 3
        assert all(q.difficulty in (1, 2) for q in app.screen.session.questions)


async def test_m_cycles_the_mode_and_c_toggles_confidence(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        modes = []
        for _ in range(4):
            await pilot.press("m")
            await pilot.pause()
            modes.append(screen.mode())
        assert modes == ["exam", "review", "blitz", "practice"]
        await pilot.press("m", "m", "m", "c")  # blitz, with confidence
        await pilot.pause()
        assert "timer on each question" in screen_text(app)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.session.mode == "blitz" and app.screen.session.asks_confidence


async def test_bad_count_and_unknown_tag_are_reported_and_nothing_starts(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        count = app.screen.query_one("#count", Input)
        count.value = "0"
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("at least 1" in n for n in notices(app))
        count.value = ""
        app.screen.query_one("#tags", Input).value = "no-such-tag"
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("Unknown tag: no-such-tag" in n for n in notices(app))


async def test_enter_in_count_starts(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#count", Input).focus()
        await pilot.press("2", "enter")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.session.total == 2


async def test_no_matching_questions_is_a_notice(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#tags", Input).value = "reaction"
        app.screen.query_one("#difficulty-1", Checkbox).value = True
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("No questions match" in n for n in notices(app))


async def test_stats_and_debate_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tui.screens.debate_home", None)  # as before the debate screens exist
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.click("#debate")
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)


async def test_home_is_interactive_before_content_loads(tmp_path: Path) -> None:
    """The home screen is up while the content loads; pressing start then just says so."""
    app = make_app(tmp_path)
    app.backend.library = None  # force a real load through the worker
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await settle(pilot)
        assert "banks" in screen_text(app)
        assert app.backend.ready


async def test_an_unusable_data_dir_is_reported_not_a_crash(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    app = make_app(blocker / "data")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "Could not load" in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
