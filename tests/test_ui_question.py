"""Pilot tests of the question screen: every type's keys, feedback, next, leaving, quitting, timers.

The screen hands the engine what was done on screen; these tests check that
the engine got the right response (the stored attempt and the result), and
that what the learner sees follows. Timers move a fake clock; nothing sleeps.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.ui.appkit import (
    SIZE,
    START,
    make_app,
    notices,
    quiz_config,
    screen_text,
    settle,
    stored_attempts,
)
from textual.color import Color
from textual.widgets import Input

from tui.app import SparringApp
from tui.quiz import FakeClock
from tui.screens.dialogs import ConfidenceScreen, ConfirmScreen
from tui.screens.home import HomeScreen
from tui.screens.question import QuestionScreen
from tui.screens.results import ResultsScreen
from tui.store.records import AttemptRecord
from tui.widgets.choice_list import ChoiceList
from tui.widgets.feedback import FeedbackPanel
from tui.widgets.match_picker import MatchPicker
from tui.widgets.order_list import OrderList


def stored_records(data_dir: Path) -> list[AttemptRecord]:
    """The stored answers, read through a second connection (what a restart after a kill finds)."""
    from tui.settings import Settings
    from tui.store import Store

    with Store.open(Settings(data_dir=data_dir).db_path) as store:
        return store.attempts("default")


def question(app: object) -> QuestionScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, QuestionScreen), screen
    return screen


def one(tmp_path: Path, qid: str, **config: object) -> SparringApp:
    """An app asking the one question `qid`."""
    return make_app(tmp_path, quiz_config(question_ids=(qid,), **config))


async def test_choice_keys_choose_and_enter_submits(tmp_path: Path) -> None:
    app = one(tmp_path, "ui-choice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = question(app)
        item = screen.item
        assert item is not None and item.type == "choice"
        right = item.choices.index("About $5.6 million") + 1
        wrong = 1 if right != 1 else 2
        await pilot.press(str(wrong), "9", str(right))  # 9: no such choice, ignored; the last key wins
        assert screen.query_one(ChoiceList).picked == {right - 1}
        await pilot.press("enter")
        await pilot.pause()
        result = screen.session.last_result
        assert result is not None and result.correct and result.response == "About $5.6 million"
        assert screen.phase == "feedback"
        assert screen.query_one(FeedbackPanel)
        assert "✓ Right" in screen_text(app)
        assert stored_attempts(tmp_path) == 1


async def test_submit_without_a_pick_warns_and_records_nothing(tmp_path: Path) -> None:
    app = one(tmp_path, "ui-choice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert question(app).phase == "asking"
        assert any("number of your choice" in n for n in notices(app))
        assert stored_attempts(tmp_path) == 0


async def test_wrong_choice_shows_per_choice_feedback_explanation_and_facts(tmp_path: Path) -> None:
    app = one(tmp_path, "ui-choice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        item = question(app).item
        assert item is not None
        await pilot.press(str(item.choices.index("About $56 million") + 1), "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "✗ Wrong" in text
        assert "Ten times too much." in text  # the author's feedback on the picked choice
        assert "Right answer: About $5.6 million" in text
        assert "[reported] A lab reported" in text and "[verified] The figure covers" in text


async def test_markup_in_content_shows_literally(tmp_path: Path) -> None:
    app = one(tmp_path, "ui-choice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "How much did the lab report spending? [bold]not bold[/] [/]" in text
        assert "About [red]$5.6 billion[/red]" in text
        item = question(app).item
        assert item is not None
        await pilot.press(str(item.choices.index("About [red]$5.6 billion[/red]") + 1), "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "[italic]it covers the final run only[/]" in text  # the explanation
        assert "That is a large US lab's yearly spend." in text


def record_frames(app: SparringApp, screen: QuestionScreen) -> list[str]:
    """The screen's text as each compositor refresh painted it, from now on."""
    frames: list[str] = []
    original = screen._compositor_refresh

    def refresh() -> None:
        original()
        frames.append(screen_text(app))

    screen._compositor_refresh = refresh  # type: ignore[method-assign]
    return frames


@pytest.mark.parametrize("height", [30, 20])
async def test_the_verdict_is_painted_first_and_the_rest_on_the_next_frame(tmp_path: Path, height: int) -> None:
    """The frame after Enter carries the verdict only, on the line above the choices (the keys hint
    until then); the choices marked with the authors' notes, the panel and the score come next."""
    app = one(tmp_path, "ui-choice")
    async with app.run_test(size=(100, height)) as pilot:
        await settle(pilot)
        screen = question(app)
        item = screen.item
        assert item is not None
        await pilot.press(str(item.choices.index("About $56 million") + 1))
        await settle(pilot)
        frames = record_frames(app, screen)
        await pilot.press("enter")
        await settle(pilot)
        first = frames[0]
        assert "✗ Wrong   0/1 points" in first and "Press 1-" not in first
        assert "✗ ▶" not in first and "Ten times too much." not in first and "Right answer" not in first
        assert "Score 0/1" not in first
        last = screen_text(app)
        assert "✗ Wrong   0/1 points     Enter or n: results." in last
        assert "✗ ▶ About $56 million" in last and "Ten times too much." in last
        assert "The lab's own figure" in last and "Cited facts" in last and "Score 0/1" in last
        assert screen.query_one(FeedbackPanel).complete
        assert last.count("✗ Wrong") == 1  # the panel does not repeat the verdict line


async def test_the_panel_carries_the_verdict_when_its_line_is_out_of_view(tmp_path: Path) -> None:
    app = one(tmp_path, "ui-choice")
    async with app.run_test(size=(100, 8)) as pilot:
        await settle(pilot)
        screen = question(app)
        await pilot.press("1")
        screen.query_one("#body").scroll_end(animate=False)
        await settle(pilot)
        assert "Press 1-4" not in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        panel = screen.query_one(FeedbackPanel)
        assert panel.render().plain.startswith(("✓ Right", "✗ Wrong"))


async def test_explanation_and_facts_are_rendered_while_the_question_shows(tmp_path: Path) -> None:
    """Rendered ahead at the width the panel gives them: after the answer they are painted from those lines."""
    app = one(tmp_path, "ui-choice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = question(app).query_one(FeedbackPanel)
        assert not panel.display and panel.result is None
        width = panel.prepared_width
        assert width is not None
        await pilot.press("1", "enter")
        await settle(pilot)
        assert panel.size.width == width and panel.prepared_width == width


async def test_feedback_shows_the_results_explanation_whatever_was_prepared(tmp_path: Path) -> None:
    """What was rendered ahead is used only when it is the answered question's: else the result's own."""
    app = one(tmp_path, "ui-choice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = question(app).query_one(FeedbackPanel)
        panel.prepare("A stale explanation.", (), panel.prepared_width)
        await pilot.press("1", "enter")
        await settle(pilot)
        text = screen_text(app)
        assert "The lab's own figure" in text and "A stale explanation." not in text


async def test_the_panel_carries_the_verdict_when_scrolling_to_it_hides_its_line(tmp_path: Path) -> None:
    """15 rows: the panel fits in the view, and scrolling down to its bottom takes the verdict line above
    the choices out of view; the panel then shows the verdict."""
    app = one(tmp_path, "ui-choice")
    async with app.run_test(size=(100, 15)) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter")
        await settle(pilot)
        screen = question(app)
        assert not screen._in_view(screen.query_one("#hint"))
        assert screen.query_one(FeedbackPanel).render().plain.startswith(("✓ Right", "✗ Wrong"))


@pytest.mark.parametrize("height", [20, 10])
async def test_feedback_is_scrolled_into_view(tmp_path: Path, height: int) -> None:
    """All of the panel in view when it fits (20 rows), else its top at the top of the view (10 rows)."""
    app = one(tmp_path, "ui-choice")
    async with app.run_test(size=(100, height)) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter")
        await settle(pilot)
        screen = question(app)
        view = screen.query_one("#body").scrollable_content_region
        region = screen.query_one(FeedbackPanel).region
        assert screen.query_one("#body").scroll_y > 0  # it did not fit below the question
        assert "✓ Right" in screen_text(app) or "✗ Wrong" in screen_text(app)  # the verdict stays in view
        if height == 20:
            assert region.height <= view.height and view.contains_region(region)
        else:
            assert region.height > view.height and region.y == view.y


async def test_feedback_border_follows_the_theme(tmp_path: Path) -> None:
    app = one(tmp_path, "ui-choice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        item = question(app).item
        assert item is not None
        await pilot.press(str(item.choices.index("About $56 million") + 1), "enter")
        await settle(pilot)
        panel = question(app).query_one(FeedbackPanel)
        assert panel.styles.border_top[1] == Color.parse(app.get_css_variables()["error"])
        app.theme = "nord" if app.theme != "nord" else "dracula"  # another error colour
        await settle(pilot)
        assert panel.styles.border_top[1] == Color.parse(app.get_css_variables()["error"])


async def test_multi_keys_toggle(tmp_path: Path) -> None:
    app = one(tmp_path, "ui-multi")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        item = question(app).item
        assert item is not None
        a, b = item.choices.index("reported") + 1, item.choices.index("verified") + 1
        wrong = item.choices.index("rumoured") + 1
        await pilot.press(str(a), str(wrong), str(b), str(wrong))  # wrong toggled on, then off
        assert question(app).query_one(ChoiceList).picked == {a - 1, b - 1}
        await pilot.press("enter")
        await pilot.pause()
        result = question(app).session.last_result
        assert (
            result is not None and result.correct and result.response == frozenset({"reported", "verified"})
        )


async def test_multi_cursor_and_space(tmp_path: Path) -> None:
    app = one(tmp_path, "ui-multi")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "space", "down", "space", "up", "space")
        assert question(app).query_one(ChoiceList).picked == {2}


async def test_truefalse(tmp_path: Path) -> None:
    app = one(tmp_path, "ui-tf")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "enter")  # True, False: 2 is False
        await pilot.pause()
        result = question(app).session.last_result
        assert result is not None and result.response is False and result.correct


@pytest.mark.parametrize(("typed", "right"), [("5.6", True), ("about 5.65 million usd", True), ("7", False)])
async def test_numeric_input(tmp_path: Path, typed: str, right: bool) -> None:
    app = one(tmp_path, "ui-numeric")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.focused, Input)
        await pilot.press(*typed, "enter")
        await pilot.pause()
        result = question(app).session.last_result
        assert result is not None and result.correct is right
        assert "You answered:" in screen_text(app)
        assert app.screen.query_one("#answer-widget", Input).disabled


async def test_numeric_rejects_words_without_recording(tmp_path: Path) -> None:
    app = one(tmp_path, "ui-numeric")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"lots", "enter")
        await pilot.pause()
        assert question(app).phase == "asking"
        assert any("Expected" in n for n in notices(app))
        assert stored_attempts(tmp_path) == 0


async def test_short_input_digits_are_text_not_choices(tmp_path: Path) -> None:
    app = one(tmp_path, "ui-short")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"Sputnik 1", "enter")
        await pilot.pause()
        result = question(app).session.last_result
        assert result is not None and result.response == "Sputnik 1"


async def test_order_keyboard_reordering(tmp_path: Path) -> None:
    app = one(tmp_path, "ui-order")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = question(app)
        widget = screen.query_one(OrderList)
        target = ["One", "Two", "Three", "Four"]
        # Selection sort with the keys: highlight an item by its place (1-9), move it up with shift+up.
        for place, text in enumerate(target):
            at = list(widget.order).index(text)
            await pilot.press(str(at + 1), *(["shift+up"] * (at - place)))
        assert list(widget.order) == target
        await pilot.press("u", "j")  # u / j move too: up, then back down
        assert list(widget.order) == target
        await pilot.press("enter")
        await pilot.pause()
        result = screen.session.last_result
        assert result is not None and result.correct and result.response == tuple(target)


async def test_order_partial_credit_feedback(tmp_path: Path) -> None:
    app = one(tmp_path, "ui-order")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the shown (shuffled) order as it is
        await pilot.pause()
        result = question(app).session.last_result
        assert result is not None and not result.correct
        assert "→ goes" in screen_text(app)


async def test_match_letters_pair_and_arrows_space(tmp_path: Path) -> None:
    app = one(tmp_path, "ui-match")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = question(app)
        item = screen.item
        assert item is not None
        picker = screen.query_one(MatchPicker)
        expected = dict(item.question.pairs)
        letter_of = {right: "abc"[i] for i, right in enumerate(item.rights)}
        # First pair with a letter key, the second with right-arrow, up/down and space.
        await pilot.press(letter_of[expected[item.lefts[0]]])
        assert picker.cursor == 1
        target = item.rights.index(expected[item.lefts[1]])
        await pilot.press("right", *(["down"] * target), "space")
        assert picker.pairs()[item.lefts[1]] == expected[item.lefts[1]]
        await pilot.press("3", letter_of[expected[item.lefts[2]]], "enter")
        await pilot.pause()
        result = screen.session.last_result
        assert result is not None and result.correct
        assert dict(result.response) == expected  # type: ignore[arg-type]


async def test_match_may_be_submitted_partly_paired(tmp_path: Path) -> None:
    app = one(tmp_path, "ui-match")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = question(app)
        item = screen.item
        assert item is not None
        expected = dict(item.question.pairs)
        await pilot.press("abc"[item.rights.index(expected[item.lefts[0]])], "enter")  # one pair of three
        await pilot.pause()
        result = screen.session.last_result
        assert screen.phase == "feedback" and result is not None
        assert result.verdict == "partly right" and result.fraction == pytest.approx(1 / 3)
        assert dict(result.response) == {item.lefts[0]: expected[item.lefts[0]]}  # type: ignore[arg-type]
        assert not any("missing" in n for n in notices(app))
        text = screen_text(app)
        assert "2 left unpaired, counted as wrong." in text and "→ ✗ — (is " in text
        assert stored_attempts(tmp_path) == 1


async def test_match_letter_used_twice_is_refused(tmp_path: Path) -> None:
    app = one(tmp_path, "ui-match")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = question(app)
        await pilot.press("a", "a", "enter")  # items 1 and 2 both given a
        await pilot.pause()
        assert screen.phase == "asking" and not screen.session.answers
        assert any("Letter a is used twice (items 1 and 2)" in n for n in notices(app))
        assert stored_attempts(tmp_path) == 0


async def test_match_backspace_clears(tmp_path: Path) -> None:
    app = one(tmp_path, "ui-match")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        picker = question(app).query_one(MatchPicker)
        await pilot.press("a", "1", "backspace")
        assert picker.chosen == {}


async def test_enter_and_n_go_next_then_results(tmp_path: Path) -> None:
    app = make_app(tmp_path, quiz_config(question_ids=("ui-tf", "ui-choice")))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = question(app).item
        await pilot.press("1", "enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert question(app).item is not first and question(app).phase == "asking"
        await pilot.press("n")  # n does nothing before an answer
        await pilot.press("1", "enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert stored_attempts(tmp_path) == 2


async def test_exam_shows_no_feedback(tmp_path: Path) -> None:
    app = make_app(tmp_path, quiz_config(question_ids=("ui-tf", "ui-choice"), mode="exam"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter")
        await pilot.pause()
        screen = question(app)
        assert screen.phase == "asking" and screen.item is not None and screen.item.number == 2
        panel = screen.query_one(FeedbackPanel)
        assert panel.result is None and not panel.display  # hidden, nothing shown
        assert "Feedback" not in screen_text(app)
        assert "Answered 1" in screen_text(app)
        await pilot.press("1", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)


async def test_skip(tmp_path: Path) -> None:
    app = one(tmp_path, "ui-choice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        result = question(app).session.last_result
        assert result is not None and result.skipped
        assert "Skipped" in screen_text(app)


async def test_escape_asks_then_stays_or_leaves_keeping_answers(tmp_path: Path) -> None:
    app = make_app(tmp_path, quiz_config())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s", "n", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # stay
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("escape", "enter")  # Enter on the focused "Stay": a stray Enter never leaves
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert len(app.screen.results.answers) == 1 and len(app.screen.results.unanswered) == 6
        assert stored_attempts(tmp_path) == 1


async def test_escape_before_any_answer_goes_home(tmp_path: Path) -> None:
    app = make_app(tmp_path, quiz_config())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_ctrl_q_quits_from_a_question_keeping_answers(tmp_path: Path) -> None:
    app = make_app(tmp_path, quiz_config())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s", "n", "ctrl+s", "n")
        await pilot.pause()
        session = question(app).session
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert session.is_finished
    assert stored_attempts(tmp_path) == 2


async def test_ctrl_q_quits_from_a_dialog(tmp_path: Path) -> None:
    app = make_app(tmp_path, quiz_config())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


async def test_confidence_prompt(tmp_path: Path) -> None:
    app = make_app(tmp_path, quiz_config(question_ids=("ui-tf", "ui-choice"), confidence=True))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfidenceScreen)
        assert stored_attempts(tmp_path) == 1  # stored as given, before its certainty
        await pilot.press("escape")  # back to the question: the answer is taken back
        await pilot.pause()
        assert question(app).phase == "asking" and not question(app).session.answers
        assert stored_attempts(tmp_path) == 0
        await pilot.press("enter", "3")
        await pilot.pause()
        result = question(app).session.last_result
        assert result is not None and result.confidence == 3 and result.marks == 3.0
        assert "sure: +3 marks" in screen_text(app)
    (attempt,) = stored_records(tmp_path)
    assert attempt.confidence == 3 and attempt.marks == 3.0


async def test_ctrl_q_at_the_confidence_prompt_keeps_the_answer(tmp_path: Path) -> None:
    app = make_app(tmp_path, quiz_config(question_ids=("ui-tf",), confidence=True))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        session = question(app).session
        await pilot.press("2", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfidenceScreen)
        (attempt,) = stored_records(tmp_path)  # already committed: a kill here would lose nothing
        assert attempt.correct and attempt.confidence is None
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert stored_attempts(tmp_path) == 1
    assert session.answers[0].correct and session.answers[0].confidence is None
    (attempt,) = stored_records(tmp_path)
    assert attempt.confidence is None and attempt.marks is None


async def test_review_certainty_updates_the_stored_card(tmp_path: Path) -> None:
    app = make_app(tmp_path, quiz_config(question_ids=("ui-tf",), confidence=True, mode="review"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "enter")
        await pilot.pause()
        (attempt,) = stored_records(tmp_path)
        assert attempt.rating == 4 and attempt.confidence is None  # instant and right: easy, for now
        await pilot.press("1")  # "not sure": a right answer rated hard
        await pilot.pause()
        result = question(app).session.last_result
        assert result is not None and result.rating == 2 and result.card is not None
    (attempt,) = stored_records(tmp_path)
    assert attempt.rating == 2 and attempt.confidence == 1
    from tui.settings import Settings
    from tui.store import Store

    with Store.open(Settings(data_dir=tmp_path).db_path) as store:
        assert store.cards("default")["ui-tf"] == result.card


async def test_blitz_timer_runs_out_on_the_fake_clock(tmp_path: Path) -> None:
    clock = FakeClock(START)
    app = make_app(
        tmp_path, quiz_config(question_ids=("ui-tf",), mode="blitz", blitz_seconds=10), clock=clock
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = question(app)
        await screen.tick()
        assert "0:10" in screen_text(app)
        clock.advance(4.2)
        await screen.tick()
        assert "0:06" in screen_text(app)
        clock.advance(6)
        await screen.tick()
        await pilot.pause()
        result = screen.session.last_result
        assert result is not None and result.timed_out
        assert "Out of time" in screen_text(app)


async def test_blitz_answer_gets_time_weighted_points(tmp_path: Path) -> None:
    clock = FakeClock(START)
    app = make_app(
        tmp_path, quiz_config(question_ids=("ui-tf",), mode="blitz", blitz_seconds=10), clock=clock
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        clock.advance(5)
        await pilot.press("2", "enter")
        await pilot.pause()
        result = question(app).session.last_result
        assert result is not None and result.blitz == pytest.approx(0.75)
        assert "blitz 0.75" in screen_text(app)


async def test_exam_time_limit_ends_the_session(tmp_path: Path) -> None:
    clock = FakeClock(START)
    app = make_app(tmp_path, quiz_config(mode="exam", time_limit=60), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = question(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        clock.advance(61)
        await screen.tick()
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.results.expired
        assert "The clock ran out" in screen_text(app)


async def test_bank_file_whose_seed_is_missing_warns_once(tmp_path: Path) -> None:
    """A bank given as a path citing a seed that is neither loaded nor beside it: one notice."""
    from fixtures.ui.appkit import UI_FIXTURES

    folder = tmp_path / "teacher"
    folder.mkdir()
    text = (UI_FIXTURES / "second-bank.yaml").read_text(encoding="utf-8")
    bank = folder / "bank.yaml"
    bank.write_text(text.replace("bank: ui-second", "bank: teacher").replace("seed: ui-seed", "seed: gone"))
    app = make_app(tmp_path / "data", quiz_config(banks=(str(bank),), question_ids=("ui2-tf",)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        said = [n for n in notices(app) if "cannot be shown" in n]
        assert len(said) == 1 and "the seed 'gone' this bank cites" in said[0]
        await pilot.press("2", "enter")
        await pilot.pause()
        assert "✓ Right" in screen_text(app) and "Cited facts" not in screen_text(app)


async def test_bank_file_finds_its_seed_beside_it(tmp_path: Path) -> None:
    from fixtures.ui.appkit import UI_FIXTURES

    folder = tmp_path / "teacher"
    (folder / "seeds").mkdir(parents=True)
    text = (UI_FIXTURES / "second-bank.yaml").read_text(encoding="utf-8")
    bank = folder / "bank.yaml"
    bank.write_text(text.replace("bank: ui-second", "bank: teacher").replace("seed: ui-seed", "seed: own"))
    seed = (UI_FIXTURES / "ui-seed.yaml").read_text(encoding="utf-8").replace("seed: ui-seed", "seed: own")
    (folder / "seeds" / "own.yaml").write_text(seed)
    app = make_app(tmp_path / "data", quiz_config(banks=(str(bank),), question_ids=("ui2-tf",)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not any("cannot be shown" in n for n in notices(app))
        await pilot.press("2", "enter")
        await pilot.pause()
        assert "Cited facts" in screen_text(app) and "[opinion]" in screen_text(app)
