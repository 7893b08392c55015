"""Pilot tests of the results and stats screens."""

from __future__ import annotations

from pathlib import Path

from fixtures.ui.appkit import SIZE, START, make_app, quiz_config, screen_text, seed_due_review, settle
from textual.widgets._collapsible import CollapsibleTitle

from tui.quiz import FakeClock
from tui.screens.home import HomeScreen
from tui.screens.question import QuestionScreen
from tui.screens.results import AnswerReview, ResultsScreen
from tui.screens.stats import StatsScreen
from tui.widgets.feedback import FeedbackPanel


async def finish_two(pilot, app) -> None:  # type: ignore[no-untyped-def]
    """Answer ui-tf right (2: False) and ui-choice wrong, in that order."""
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, QuestionScreen)
    for _ in range(2):
        item = screen.item
        if item.id == "ui-tf":
            await pilot.press("2", "enter")
        else:
            await pilot.press(str(item.choices.index("About $56 million") + 1), "enter")
        await pilot.pause()
        await pilot.press("n")
        await settle(pilot)


async def test_results_show_score_tags_difficulty_and_missed(tmp_path: Path) -> None:
    app = make_app(tmp_path, quiz_config(question_ids=("ui-tf", "ui-choice")))
    async with app.run_test(size=SIZE) as pilot:
        await finish_two(pilot, app)
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "Score 1/2 points  (50%)" in text
        assert "Right 1 of 2" in text
        assert "cost" in text and "50%  1/2" in text
        assert "1 easy" in text
        assert "Missed (1)" in text and "How much did the lab report spending? [bold]not bold[/] [/]" in text


async def test_retry_missed_runs_only_the_missed(tmp_path: Path) -> None:
    app = make_app(tmp_path, quiz_config(question_ids=("ui-tf", "ui-choice")))
    async with app.run_test(size=SIZE) as pilot:
        await finish_two(pilot, app)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert [q.id for q in app.screen.session.questions] == ["ui-choice"]


async def test_results_escape_goes_home(tmp_path: Path) -> None:
    app = make_app(tmp_path, quiz_config(question_ids=("ui-tf", "ui-choice")))
    async with app.run_test(size=SIZE) as pilot:
        await finish_two(pilot, app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_exam_results_review_every_answer(tmp_path: Path) -> None:
    app = make_app(tmp_path, quiz_config(question_ids=("ui-tf", "ui-choice"), mode="exam"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(2):
            await pilot.press("1", "enter")
            await pilot.pause()
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        reviews = list(app.screen.query(AnswerReview))
        assert len(reviews) == 2 and all(r.collapsed for r in reviews)
        assert len(app.screen.query(FeedbackPanel)) == 2
        reviews[1].query_one(CollapsibleTitle).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert not reviews[1].collapsed
        reviews[1].scroll_visible(animate=False, top=True)
        await pilot.pause()
        assert "Cited facts" in screen_text(app)


async def test_results_show_calibration_when_confidence_is_on(tmp_path: Path) -> None:
    app = make_app(tmp_path, quiz_config(question_ids=("ui-tf",), confidence=True))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "enter", "3", "n")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "certainty marks 3/3" in text and "3 sure" in text


async def test_stats_screen_draws_history_tags_forecast_and_calibration(tmp_path: Path) -> None:
    clock = FakeClock(START)
    seed_due_review(tmp_path, clock)
    app = make_app(tmp_path, quiz_config(question_ids=("ui-tf", "ui-choice"), confidence=True), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(2):
            await pilot.press("1", "enter", "2", "n")
            await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)
        text = screen_text(app)
        assert "Answers 3" in text and "Sessions 2" in text
        assert "Answers per day" in text and "3 answers" in text
        assert "Accuracy per tag" in text and "cost" in text
        assert "Reviews due, next 14 days" in text and "now" in text
        assert "2 fairly sure" in text and "Brier score" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)


async def test_stats_with_no_history(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        text = screen_text(app)
        assert "Answers 0" in text and "no answers yet" in text and "no certainty marked yet" in text
