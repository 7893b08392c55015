"""Drill results and rounds in the learner database, per profile; the history of progress."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from test_debate_fixtures import CHIPS
from test_debate_round import PROP_CASE, PROP_REBUT, fmt, play

from tui.debate.clock import ManualClock
from tui.debate.drills import RebuttalDrill, SideDrill
from tui.debate.records import (
    DRAFT_SECONDS,
    DraftKeeper,
    DrillSaver,
    RoundKeeper,
    past_round,
    speech_draft_key,
)
from tui.debate.round import Round
from tui.store import Store
from tui.store.rounds import debate_history, drill_results, get_draft, get_round, rounds

T0 = datetime(2025, 2, 1, 9, 0, tzinfo=UTC)


class Ticker:
    """A wall clock for the store that moves a minute per call."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def test_drill_results_are_saved_per_profile(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        drill = SideDrill(CHIPS, seed=1, clock=ManualClock(), count=3)
        saver = DrillSaver(store, "ada", drill, now=Ticker())
        while (p := drill.present()) is not None:
            assert p.argument is not None
            saver.save(drill.answer(p.argument.side))
        saved = drill_results(store, "ada")
        assert len(saved) == 3 and all(r.correct for r in saved) and saved[0].seed == 1
        assert saved[0].detail["why"] and saved[0].run_id == saver.run_id
        assert saved[0].detail["claim"] in {a.claim for a in CHIPS.arguments}  # the summary needs no lookup
        assert drill_results(store, "bob") == []
        assert drill_results(store, "ada", drill="pick") == []


def test_a_round_is_saved_after_every_speech_and_at_the_end(tmp_path: Path) -> None:
    clock = ManualClock()
    with Store.open(tmp_path / "s.db") as store:
        rnd = Round(CHIPS, fmt("practice"), "prop", seed=4, clock=clock)
        keeper = RoundKeeper(store, "ada", rnd, now=Ticker())
        round_id = keeper.save()
        rnd.start_speech()
        rnd.submit(PROP_CASE)
        keeper.save()
        mid = get_round(store, "ada", round_id)
        assert mid is not None and mid.finished is None and mid.score is None
        assert mid.detail["speeches"][0]["text"] == PROP_CASE  # a killed round keeps its speeches
        while (turn := rnd.current_turn()) is not None:
            if turn.actor == "opponent":
                rnd.opponent_speaks()
            else:
                rnd.start_speech()
                rnd.submit(PROP_REBUT)
            keeper.save()
        rnd.finish()
        assert keeper.save() == round_id
        done = get_round(store, "ada", round_id)
        assert done is not None and done.finished is not None and done.score is not None
        assert done.content is not None and 0 <= done.content <= 1
        assert done.detail["adjudication"]["score"] == done.score
        assert len(rounds(store, "ada")) == 1 and rounds(store, "bob") == []
        assert get_round(store, "bob", round_id) is None


def test_history_shows_progress_over_rounds(tmp_path: Path) -> None:
    ticker = Ticker()
    with Store.open(tmp_path / "s.db") as store:
        for texts in ([""], [PROP_CASE], [PROP_CASE, PROP_REBUT]):
            clock = ManualClock()
            rnd = Round(CHIPS, fmt("practice"), "prop", seed=4, clock=clock)
            keeper = RoundKeeper(store, "ada", rnd, now=ticker)
            play(rnd, clock, texts)
            rnd.finish()
            keeper.save()
        unfinished = Round(CHIPS, fmt("practice"), "prop", seed=4, clock=ManualClock())
        RoundKeeper(store, "ada", unfinished, now=ticker).save()
        drill = RebuttalDrill(CHIPS, seed=1, clock=ManualClock(), count=2)
        saver = DrillSaver(store, "ada", drill, now=ticker)
        while drill.present() is not None:
            saver.save(drill.answer("They say it. But it was banned with a lag."))
        history = debate_history(store, "ada")
        points = history.round_points()
        assert len(points) == 3 and points[0][1] < points[-1][1]
        assert len(history.drill_runs) == 1 and history.drill_runs[0].items == 2
        lines = history.lines()
        assert lines[0].startswith("rounds finished: 3")
        assert any("up" in ln for ln in lines if ln.startswith("rounds:"))
        assert any("1 round(s) not finished" in ln for ln in lines)
        assert any(ln.startswith("rebuttal drill: 1 run(s), 2 item(s)") for ln in lines)
        empty = debate_history(store, "nobody").lines()
        assert empty == ["no finished rounds yet", "no drills yet"]


# ---------------------------------------------------------------- drafts
class CountingText:
    """The editor's text, counting how often it is read (a 100 KB text must not be read per keystroke)."""

    def __init__(self, text: str = "") -> None:
        self.text = text
        self.reads = 0

    def __call__(self) -> str:
        self.reads += 1
        return self.text


def test_a_draft_is_written_at_most_every_few_seconds_and_never_per_keystroke(tmp_path: Path) -> None:
    clock = ManualClock()
    with Store.open(tmp_path / "s.db") as store:
        keeper = DraftKeeper(
            store, "ada", "round:1:speech:0", clock=clock, label="First Proposition", now=Ticker()
        )
        assert keeper.restore() is None
        text = CountingText()
        for n in range(100_000):  # a 100 KB speech typed key by key
            text.text += "x" if n % 7 else " "
            keeper.touch()
            if n % 5_000 == 0:
                keeper.poll(text)  # the screen's timer: here the clock has not moved
        assert text.reads == 0 and keeper.writes == 0 and get_draft(store, "ada", "round:1:speech:0") is None
        clock.advance(DRAFT_SECONDS - 0.5)
        assert not keeper.poll(text) and text.reads == 0
        clock.advance(0.5)
        assert keeper.poll(text) and text.reads == 1 and keeper.writes == 1
        saved = get_draft(store, "ada", "round:1:speech:0")
        assert saved is not None and saved.text == text.text and saved.label == "First Proposition"
        clock.advance(60)
        assert not keeper.poll(text) and text.reads == 1  # nothing typed since: nothing read or written
        keeper.touch()
        assert not keeper.flush(text) and keeper.writes == 1  # the same text is not written again
        assert get_draft(store, "bob", "round:1:speech:0") is None  # per profile
        again = DraftKeeper(store, "ada", "round:1:speech:0", clock=clock)
        restored = again.restore()
        assert restored is not None and restored.text == text.text
        again.discard()
        assert get_draft(store, "ada", "round:1:speech:0") is None


def test_clearing_the_editor_deletes_the_draft_and_control_characters_are_not_kept(tmp_path: Path) -> None:
    clock = ManualClock()
    with Store.open(tmp_path / "s.db") as store:
        keeper = DraftKeeper(store, "ada", "drill:rebuttal:m:a", clock=clock)
        keeper.touch()
        assert keeper.flush(lambda: "they say\x1b[31m red\x00")
        saved = get_draft(store, "ada", "drill:rebuttal:m:a")
        assert saved is not None and saved.text == "they say red"
        keeper.touch()
        assert keeper.flush(lambda: "   ")
        assert get_draft(store, "ada", "drill:rebuttal:m:a") is None


def test_a_saved_round_reads_back_with_its_drafts(tmp_path: Path) -> None:
    clock = ManualClock()
    with Store.open(tmp_path / "s.db") as store:
        rnd = Round(CHIPS, fmt("practice"), "prop", seed=2, clock=clock)
        keeper = RoundKeeper(store, "ada", rnd, now=Ticker())
        keeper.save()
        rnd.start_speech()
        clock.advance(150)
        rnd.submit(PROP_CASE)
        rnd.opponent_speaks()
        keeper.save()
        assert keeper.round_id is not None
        drafts = DraftKeeper(
            store,
            "ada",
            speech_draft_key(keeper.round_id, 2),
            clock=clock,
            label="Second Proposition",
            round_id=keeper.round_id,
            now=Ticker(),
        )
        drafts.touch()
        drafts.flush(lambda: "They say the lead is large. But")
        record = get_round(store, "ada", keeper.round_id)
        assert record is not None
        past = past_round(store, "ada", record, motion=CHIPS, fmt=fmt("practice"))
        assert not past.finished and past.adjudication is None and past.total_speeches == 6
        assert [s.name for s in past.speeches] == ["First Proposition", "First Opposition"]
        assert past.speeches[0].text == PROP_CASE and past.flow == rnd.flow()
        assert [(d.label, d.text) for d in past.drafts] == [
            ("Second Proposition", "They say the lead is large. But")
        ]
        history = debate_history(store, "ada")
        assert history.drafted == {keeper.round_id}
        assert any("1 with an unsubmitted draft" in line for line in history.lines())
        gone = past_round(store, "ada", record)  # the motion and format no longer loaded
        assert gone.format_name == "practice" and gone.side_name == "Proposition"
        assert [r.argument.claim for r in gone.flow.rows] == [r.argument.claim for r in past.flow.rows]
        play_on = [PROP_REBUT]
        while (turn := rnd.current_turn()) is not None:
            if turn.actor == "opponent":
                rnd.opponent_speaks()
            else:
                rnd.start_speech()
                clock.advance(150)
                rnd.submit(play_on.pop(0) if play_on else "")
        adjudication = rnd.finish()
        keeper.save()
        record = get_round(store, "ada", keeper.round_id)
        assert record is not None
        done = past_round(store, "ada", record, motion=CHIPS, fmt=fmt("practice"))
        assert done.finished and done.adjudication is not None
        assert done.adjudication.lines() == adjudication.lines()
