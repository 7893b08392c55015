"""Pilot tests of a sparring round: prep, speeches with the clock and bells, the flow sheet, the adjudication,
saving after every speech, leaving, and bad input (empty, 100 KB, control characters). A fake clock throughout.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fixtures.debate_ui.kit import SIZE, make_app, notices, screen_text, settle, spar_config, stored, tick
from textual import events
from textual.pilot import Pilot
from textual.widgets import Static

import tui.debate.records as records
from tui.debate.records import DRAFT_SECONDS
from tui.quiz import FakeClock
from tui.screens.debate_flow import FlowScreen
from tui.screens.debate_home import DebateHomeScreen
from tui.screens.debate_results import AdjudicationScreen
from tui.screens.debate_round import RoundScreen
from tui.screens.dialogs import ConfirmScreen
from tui.settings import Settings
from tui.store import Store
from tui.store.rounds import Draft, round_drafts
from tui.widgets.debate_adjudication import AdjudicationPanel
from tui.widgets.debate_clock import SpeechClock
from tui.widgets.debate_editor import SpeechEditor

CASE = (
    "First, the lab reached the frontier on chips the rules allowed. Second, chipmakers lose billions in "
    "sales abroad. This outweighs, because it is more likely and permanent."
)
REBUT = (
    "They say the controls slowed the rival's progress. But the rival caught up within months, because "
    "the delay was short; therefore it does not stand. They say the home side keeps a compute lead. But "
    "efficiency closes it: a small cluster now suffices."
)
SUMMARY = "In summary, our case outweighs theirs: it is more likely and it lasts longer."


def reading(screen: RoundScreen) -> str:
    """The whole reading view (it scrolls: the end may be below the fold)."""
    return str(screen.query_one("#reading-text", Static).render())


def drafts_of(data_dir: Path, round_id: int | None) -> list[Draft]:
    assert round_id is not None
    with Store.open(Settings(data_dir=data_dir).db_path) as store:
        return round_drafts(store, "default", round_id)


def rnd(app: object) -> RoundScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, RoundScreen), screen
    return screen


async def speak(pilot: Pilot[object], clock: FakeClock, text: str, seconds: float = 150) -> None:
    """Type `text` into the speech editor, let `seconds` pass on the clock, submit."""
    screen = rnd(pilot.app)
    assert screen.phase == "speaking"
    screen.query_one("#speech-editor", SpeechEditor).insert(text)
    await tick(pilot, clock, seconds)
    await pilot.press("ctrl+s")
    await pilot.pause()


@pytest.fixture
def bells(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    rung: list[int] = []
    from tui.app import SparringApp

    monkeypatch.setattr(SparringApp, "bell", lambda self: rung.append(1))
    return rung


async def test_a_whole_round_as_proposition(tmp_path: Path) -> None:
    clock = FakeClock()
    app = make_app(tmp_path, spar_config("prop"), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = rnd(app)
        assert screen.phase == "prep"
        text = screen_text(app)
        assert "Prep ⏱ 5:00" in text and "You are Proposition" in text and "A short context paragraph" in text
        await tick(pilot, clock, 90)
        assert "Prep ⏱ 3:30" in screen_text(app)
        await pilot.press("ctrl+s")  # end prep: proposition opens
        await pilot.pause()
        assert screen.phase == "speaking" and screen.round.prep_used == 90
        await speak(pilot, clock, CASE)
        assert screen.phase == "reading"
        text = reading(screen)
        assert "Your First Proposition" in text and "made your argument" in text
        assert "First Opposition" in text and "opponent" in text and "Enter: start speaking" in text
        assert "read, then Enter" in screen_text(app) and "Continue" in screen_text(app)
        _, rounds = stored(tmp_path)
        assert len(rounds) == 1 and len(rounds[0].detail["speeches"]) == 2 and rounds[0].finished is None
        await pilot.press("enter")
        await pilot.pause()
        await speak(pilot, clock, REBUT)
        assert screen.phase == "reading"
        assert "Opposition Reply" in reading(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert "Proposition Reply" in screen.query_one(SpeechClock).border_title  # type: ignore[operator]
        await speak(pilot, clock, SUMMARY, seconds=100)
        await settle(pilot)
        assert isinstance(app.screen, AdjudicationScreen)
        text = screen_text(app)
        for part in (
            "Score ",
            "Practice speaker scale (60–80)",
            "Content",
            "Rebuttal",
            "Strategy",
            "On the flow",
        ):
            assert part in text, part
        panel = app.screen.query_one(AdjudicationPanel)
        assert panel.adjudication.score == screen.round.adjudication.score  # type: ignore[union-attr]
        _, rounds = stored(tmp_path)
        assert rounds[0].finished is not None and rounds[0].score == panel.adjudication.score
        assert len(rounds[0].detail["speeches"]) == 6


async def test_the_adjudication_explains_every_figure(tmp_path: Path) -> None:
    clock = FakeClock()
    app = make_app(tmp_path, spar_config("prop"), clock=clock)
    async with app.run_test(size=(100, 80)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await speak(pilot, clock, CASE)
        await pilot.press("enter")
        await speak(pilot, clock, "")
        await pilot.press("y")  # the empty speech: confirmed
        await pilot.pause()
        await pilot.press("enter")
        await speak(pilot, clock, SUMMARY, seconds=100)
        await settle(pilot)
        assert isinstance(app.screen, AdjudicationScreen)
        app.screen.query_one("#transcript").display = False
        await pilot.pause()
        text = screen_text(app)
        assert "made 'The lab reached the frontier on chips the rules allowed.' (strength 4)" in text
        assert "strength made" in text and "answered 0/" in text
        assert "weighing:" in text and "signposting:" in text and "time in First Proposition" in text
        assert "By you (their arguments you never answered):" in text
        assert "The home side keeps a large compute lead." in text  # dropped, by name
        assert "What the best speech would have added" in text and "argument: Chipmakers" not in text
        assert "How the score was reached" in text and "scale: weights" in text
        assert "Reply" in text


async def test_bells_flash_and_ring_and_the_clock_shows_the_phase(tmp_path: Path, bells: list[int]) -> None:
    clock = FakeClock()
    app = make_app(tmp_path, spar_config("prop"), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        speech_clock = rnd(app).query_one(SpeechClock)
        await tick(pilot, clock, 30)
        assert "PROTECTED TIME" in screen_text(app) and "0:30 / 3:00" in screen_text(app)
        assert not bells and not speech_clock.has_class("-bell")
        await tick(pilot, clock, 31)
        assert bells == [1] and speech_clock.has_class("-bell")
        text = screen_text(app)
        assert "POIs OPEN" in text and "bell 1:00: protected time over:" in text
        await tick(pilot, clock, 60)
        assert len(bells) == 2 and "PROTECTED TIME" in screen_text(app)
        await tick(pilot, clock, 70)
        assert len(bells) == 3 and "OVER TIME" in screen_text(app)
        await tick(pilot, clock, 5)
        assert len(bells) == 3  # each bell rings once


async def test_prep_runs_out_by_itself_and_notes_start_the_first_speech(tmp_path: Path) -> None:
    clock = FakeClock()
    app = make_app(tmp_path, spar_config("prop"), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rnd(app).query_one("#prep-notes", SpeechEditor).insert("first: chips allowed")
        await tick(pilot, clock, 301)
        screen = rnd(app)
        assert screen.phase == "speaking"
        assert any("Prep time is over" in n for n in notices(app))
        assert screen.query_one("#speech-editor", SpeechEditor).text == "first: chips allowed"


async def test_as_opposition_the_opponent_opens_and_its_speech_is_shown(tmp_path: Path) -> None:
    app = make_app(tmp_path, spar_config("opp"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = rnd(app)
        assert screen.phase == "reading"
        assert "First Proposition" in reading(screen) and "Our first argument" in reading(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.phase == "speaking" and screen.round.current_turn().name == "First Opposition"  # type: ignore[union-attr]


async def test_the_flow_sheet_during_the_round(tmp_path: Path) -> None:
    clock = FakeClock()
    app = make_app(tmp_path, spar_config("prop"), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await speak(pilot, clock, CASE)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, FlowScreen)
        text = screen_text(app)
        assert "The lab reached the frontier on chips the r…" in text
        assert "FP First Proposition" in text and "● made" in text
        assert "answered" in text  # the opponent answered your argument in its first speech
        await pilot.press("down")
        await pilot.pause()
        assert "your argument, strength 3" in screen_text(app)
        await pilot.press("down")
        await pilot.pause()
        assert "the opponent's argument" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert rnd(app).phase == "speaking"  # the round went on under the flow sheet


async def test_an_empty_speech_asks_first(tmp_path: Path) -> None:
    app = make_app(tmp_path, spar_config("prop"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "An empty speech makes no argument" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert rnd(app).phase == "speaking" and not rnd(app).round.records
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        assert rnd(app).phase == "reading" and rnd(app).round.records[0].text == ""


async def test_leaving_asks_and_keeps_what_was_submitted(tmp_path: Path) -> None:
    clock = FakeClock()
    app = make_app(tmp_path, spar_config("prop"), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await speak(pilot, clock, CASE)
        await pilot.press("enter")
        await pilot.pause()
        rnd(app).query_one("#speech-editor", SpeechEditor).insert("half a speech")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        text = " ".join(screen_text(app).split())
        assert "Your 1 speech(es) are saved" in text and "kept as a draft with the round" in text
        await pilot.press("n")
        await pilot.pause()
        assert rnd(app).phase == "speaking"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, DebateHomeScreen)
        _, rounds = stored(tmp_path)
        assert rounds[0].finished is None and [s["name"] for s in rounds[0].detail["speeches"]] == [
            "First Proposition",
            "First Opposition",
        ]
        assert [(d.label, d.text) for d in drafts_of(tmp_path, rounds[0].id)] == [
            ("Second Proposition", "half a speech")
        ]


async def test_quitting_mid_round_keeps_every_submitted_speech(tmp_path: Path) -> None:
    clock = FakeClock()
    app = make_app(tmp_path, spar_config("prop"), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await speak(pilot, clock, CASE)
        await pilot.press("ctrl+q")
    _, rounds = stored(tmp_path)
    assert rounds[0].detail["speeches"][0]["text"] == CASE


async def test_a_100kb_speech_with_control_characters_stays_quick_and_is_kept_clean(tmp_path: Path) -> None:
    clock = FakeClock()
    app = make_app(tmp_path, spar_config("prop"), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        big = "First, the lab reached the frontier on chips the rules \x1b[31mallowed\x1b[0m.\x00 " * 1400
        assert len(big) > 100_000
        started = time.perf_counter()
        app.post_message(events.Paste(big))
        await pilot.pause()
        assert any("control character(s) removed" in n for n in notices(app))  # before the toast times out
        await pilot.press("x", "y", "z")
        editor = rnd(app).query_one("#speech-editor", SpeechEditor)
        assert max(len(line) for line in editor.text.split("\n")) <= 1000  # no 100 KB soft-wrapped line
        await tick(pilot, clock, 150)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (
            time.perf_counter() - started < 20
        )  # generous: a loaded CI machine; the line cap is the real guard
        assert rnd(app).phase == "reading"
        _, rounds = stored(tmp_path)
        text = rounds[0].detail["speeches"][0]["text"]
        assert text.count("allowed") == 1400 and "\x1b" not in text and "\x00" not in text


async def test_cross_examination_shows_the_questions_and_pool_prep_can_be_taken(tmp_path: Path) -> None:
    clock = FakeClock()
    app = make_app(tmp_path, spar_config("prop", fmt="pf"), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = rnd(app)
        assert "Prep (pool)" in screen_text(app)
        await tick(pilot, clock, 30)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await speak(pilot, clock, CASE, seconds=200)
        assert screen.phase == "reading"  # the Con Constructive
        await pilot.press("enter")
        await pilot.pause()
        assert screen.round.current_turn().actor == "cross"  # type: ignore[union-attr]
        assert "The opponent asks" in screen_text(app)
        await speak(pilot, clock, "We answer: the chips were legal.", seconds=120)
        assert screen.phase == "reading"
        assert "ctrl+r: use prep (2:30 left)" in reading(screen)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert screen.phase == "prep"
        await tick(pilot, clock, 20)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.phase == "speaking" and screen.round.current_turn().name == "Pro Rebuttal"  # type: ignore[union-attr]
        assert screen.round.prep_used == 50


@pytest.fixture
def draft_writes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the drafts written to the store (each call one committed write)."""
    writes: list[int] = []
    real = records.save_draft

    def counting(*args: object, **kwargs: object) -> None:
        writes.append(len(args[2].text))  # type: ignore[attr-defined]
        real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(records, "save_draft", counting)
    return writes


async def test_a_speech_being_typed_is_autosaved_every_few_seconds(
    tmp_path: Path, draft_writes: list[int]
) -> None:
    clock = FakeClock()
    app = make_app(tmp_path, spar_config("prop"), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = rnd(app)
        round_id = screen.keeper.round_id
        await pilot.press(*"chips")  # typing marks the draft dirty; nothing is read or written per key
        await pilot.pause()
        assert screen.query_one("#speech-editor", SpeechEditor).text == "chips"
        assert draft_writes == [] and drafts_of(tmp_path, round_id) == []
        await tick(pilot, clock, DRAFT_SECONDS - 1)
        assert draft_writes == []  # not yet: at most one write every few seconds
        await tick(pilot, clock, 1)
        assert draft_writes == [5]
        [draft] = drafts_of(tmp_path, round_id)
        assert (draft.label, draft.text) == ("First Proposition", "chips")
        await tick(pilot, clock, DRAFT_SECONDS)
        assert draft_writes == [5]  # nothing new typed: nothing written
        app.post_message(events.Paste(" allowed" * 13_000))  # 104 KB at once
        await pilot.pause()
        await pilot.press(*"abc")
        await tick(pilot, clock, 1)
        assert draft_writes == [5]
        await tick(pilot, clock, DRAFT_SECONDS)
        assert len(draft_writes) == 2 and draft_writes[1] > 100_000
        await pilot.press("ctrl+s")  # submitted: the draft has done its job
        await pilot.pause()
        assert screen.phase == "reading" and drafts_of(tmp_path, round_id) == []


async def test_quitting_mid_speech_keeps_the_draft_and_the_prep_notes(tmp_path: Path) -> None:
    clock = FakeClock()
    app = make_app(tmp_path, spar_config("prop"), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        round_id = rnd(app).keeper.round_id
        await pilot.press(*"notes")
        await pilot.press("ctrl+q")  # no tick came: leaving writes it at once
    assert [(d.label, d.text) for d in drafts_of(tmp_path, round_id)] == [("Prep notes", "notes")]
    app = make_app(tmp_path, spar_config("prop"), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        round_id = rnd(app).keeper.round_id
        await speak(pilot, clock, CASE)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"half")
        await pilot.press("ctrl+q")
    assert [(d.label, d.text) for d in drafts_of(tmp_path, round_id)] == [("Second Proposition", "half")]
