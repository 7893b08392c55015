"""Drill results and rounds in the learner database, per profile; the history of progress."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from test_debate_fixtures import CHIPS
from test_debate_round import PROP_CASE, PROP_REBUT, fmt, play

from tui.debate.clock import ManualClock
from tui.debate.drills import RebuttalDrill, SideDrill
from tui.debate.records import DrillSaver, RoundKeeper
from tui.debate.round import Round
from tui.store import Store
from tui.store.rounds import debate_history, drill_results, get_round, rounds

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
