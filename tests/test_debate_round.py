"""The sparring round: prep, turns, the opponent's choices, the flow sheet, the adjudication, bad input."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_debate_fixtures import CHIPS, CHIPS_ARGS, ONE_SIDED

import tui.content
from tui.content.loader import load_file
from tui.content.models import DebateFormat
from tui.debate.adjudicate import Adjudication, on_scale
from tui.debate.clock import ManualClock
from tui.debate.errors import DebateError
from tui.debate.flow import FlowSheet
from tui.debate.round import Round, SpeechRecord

PERMITTED, SALES, SMUGGLING, GAP, SLOWER, ALLIES = CHIPS_ARGS
FORMATS = Path(tui.content.__file__).parent / "formats"


def fmt(name: str) -> DebateFormat:
    model = load_file(FORMATS / f"{name}.yaml").model
    assert isinstance(model, DebateFormat)
    return model


PROP_CASE = (
    "First, DeepSeek reached the frontier on chips the rules allowed. Second, chipmakers lose "
    "billions in sales to China. This outweighs, because it is more likely and permanent."
)
PROP_REBUT = (
    "They say the United States keeps a compute lead. But efficiency closes it: a small cluster "
    "now suffices, because methods improved; therefore the lead is not decisive. "
    "They also say progress slowed. But the lead is months, and China caught up."
)


def play(rnd: Round, clock: ManualClock, speeches: list[str], seconds: float = 150) -> list[SpeechRecord]:
    """Play the round to its end: the learner gives `speeches` in order (then empty ones)."""
    queue = list(speeches)
    rnd.start_prep()
    clock.advance(60)
    rnd.end_prep()
    out: list[SpeechRecord] = []
    while (turn := rnd.current_turn()) is not None:
        if turn.actor == "opponent":
            out.append(rnd.opponent_speaks())
        else:
            rnd.start_speech()
            clock.advance(seconds)
            out.append(rnd.submit(queue.pop(0) if queue else ""))
    return out


def test_turns_follow_the_format() -> None:
    rnd = Round(CHIPS, fmt("practice"), "opp", seed=1, clock=ManualClock())
    assert [t.actor for t in rnd.turns] == [
        "opponent",
        "learner",
        "opponent",
        "learner",
        "learner",
        "opponent",
    ]
    pf = Round(CHIPS, fmt("pf"), "prop", seed=1, clock=ManualClock())
    assert [t.actor for t in pf.turns].count("cross") == 3


def test_prep_clock_and_phases() -> None:
    clock = ManualClock()
    rnd = Round(CHIPS, fmt("practice"), "prop", seed=1, clock=clock)
    assert rnd.phase == "prep" and rnd.prep_seconds == 300 and rnd.can_prep()
    prep = rnd.start_prep()
    clock.advance(400)
    assert prep.expired and rnd.end_prep() == 300 and rnd.prep_left == 0
    assert not rnd.can_prep()
    with pytest.raises(DebateError):
        rnd.opponent_speaks()  # it is the learner's turn
    rnd.start_speech()
    assert rnd.phase == "speeches"


def test_prep_pool_is_used_between_speeches() -> None:
    clock = ManualClock()
    rnd = Round(CHIPS, fmt("ld"), "opp", seed=1, clock=clock)
    assert rnd.prep_pool and rnd.prep_seconds == 240
    rnd.start_prep()
    clock.advance(60)
    rnd.end_prep()
    rnd.opponent_speaks()
    rnd.start_speech()  # cross-examination
    rnd.submit("")
    assert rnd.current_turn() is not None and rnd.current_turn().actor == "learner"  # type: ignore[union-attr]
    assert rnd.can_prep()
    rnd.start_prep()
    clock.advance(30)
    rnd.end_prep()
    assert rnd.prep_left == 150


def test_speech_time_comes_from_the_clock() -> None:
    clock = ManualClock()
    rnd = Round(CHIPS, fmt("practice"), "prop", seed=1, clock=clock)
    timer = rnd.start_speech()
    clock.advance(70)
    assert timer.status().poi_open and [b.at for b in timer.poll()] == [60]
    clock.advance(80)
    rec = rnd.submit(PROP_CASE)
    assert rec.seconds == 150 and rec.time_share == 1.0 and "within the bells" in rec.time_why


# ---------------------------------------------------------------- the opponent
def test_opponent_opens_with_its_strongest_arguments() -> None:
    clock = ManualClock()
    rnd = Round(CHIPS, fmt("practice"), "prop", seed=3, clock=clock)
    rnd.start_speech()
    rnd.submit(PROP_CASE)
    first = rnd.opponent_speaks()
    assert first.made[:2] == ("compute-gap", "slower-progress")
    # and rebuts the learner's recognised arguments, strongest first
    assert first.answered == ("permitted-chips", "lost-sales")
    assert "Our answer:" in first.text and PERMITTED.claim in first.text


def test_opponent_is_reproducible_with_a_seed() -> None:
    def transcript(seed: int) -> list[str]:
        clock = ManualClock()
        rnd = Round(CHIPS, fmt("wsdc"), "prop", seed=seed, clock=clock)
        return [r.text for r in play(rnd, clock, [PROP_CASE, PROP_REBUT, PROP_CASE]) if r.actor == "opponent"]

    assert transcript(11) == transcript(11)
    assert len({tuple(transcript(s)) for s in range(8)}) > 1  # the choice of rebuttal varies with the seed


def test_opponent_never_repeats_itself() -> None:
    clock = ManualClock()
    rnd = Round(CHIPS, fmt("wsdc"), "prop", seed=5, clock=clock)
    records = play(rnd, clock, [PROP_CASE, PROP_CASE + " " + PROP_REBUT, PROP_CASE, PROP_CASE])
    opp = [r for r in records if r.actor == "opponent"]
    made = [a for r in opp for a in r.made]
    assert len(made) == len(set(made)) == 3
    memory = rnd.opponent.memory
    assert len(memory.used_rebuttals) == sum(len(v) for v in memory.rebutted.values())
    paragraphs = [p for r in opp for p in r.text.split("\n\n")[1:]]
    assert len(paragraphs) == len(set(paragraphs))
    # the learner extended permitted-chips after it was answered: a fresh rebuttal, never the same one
    assert len(memory.rebutted["permitted-chips"]) == 2
    assert len(set(memory.rebutted["permitted-chips"])) == 2


def test_opponent_defends_what_the_learner_answered() -> None:
    clock = ManualClock()
    rnd = Round(CHIPS, fmt("practice"), "prop", seed=2, clock=clock, facts={})
    play(rnd, clock, [PROP_CASE, PROP_REBUT])
    second_opp = rnd.records[3]
    assert second_opp.name == "Second Opposition"
    assert any("defended" in a for a in second_opp.actions)
    assert {a.id for a in rnd.learner_answered} == {"compute-gap", "slower-progress"}


# ---------------------------------------------------------------- the flow sheet
def test_flow_sheet_rows_and_cells() -> None:
    clock = ManualClock()
    rnd = Round(CHIPS, fmt("practice"), "prop", seed=2, clock=clock)
    play(rnd, clock, [PROP_CASE, "Nothing to add."])
    flow = rnd.flow()
    assert flow.columns == (
        "First Proposition",
        "First Opposition",
        "Second Proposition",
        "Second Opposition",
        "Opposition Reply",
        "Proposition Reply",
    )
    permitted = flow.row("permitted-chips")
    assert (
        permitted is not None
        and permitted.cells[:2] == ("made", "answered")
        and permitted.status == "answered"
    )
    gap = flow.row("compute-gap")
    assert (
        gap is not None and gap.cells[1] == "made" and gap.cells[2] == "dropped" and gap.status == "dropped"
    )
    assert gap.by == "opponent"
    assert {r.argument.id for r in flow.dropped("opponent")} >= {"compute-gap", "slower-progress"}
    text = flow.render()
    assert "dropped" in text and "FP" in text and "●" in text


def test_flow_answered_after_made() -> None:
    clock = ManualClock()
    rnd = Round(CHIPS, fmt("practice"), "prop", seed=2, clock=clock)
    play(rnd, clock, [PROP_CASE, PROP_REBUT])
    flow = rnd.flow()
    gap = flow.row("compute-gap")
    assert gap is not None and gap.cells[1:3] == ("made", "answered") and gap.status == "answered"
    late = [r for r in flow.rows if r.by == "opponent" and r.cells[3] == "made"]
    assert all(
        r.status == "unanswered" for r in late
    )  # made in the last opposition speech: no chance to answer


def test_the_opponents_defences_and_it_stands_in_the_reply_are_on_the_flow() -> None:
    clock = ManualClock()
    rnd = Round(CHIPS, fmt("practice"), "prop", seed=2, clock=clock)
    play(rnd, clock, [PROP_CASE, PROP_REBUT])
    flow = rnd.flow()
    reply = flow.columns.index("Opposition Reply")
    second = flow.columns.index("Second Opposition")
    opp_reply = rnd.records[reply]
    for arg_id in ("compute-gap", "slower-progress"):  # answered by you, defended by the opponent
        row = flow.row(arg_id)
        assert row is not None and row.cells[second] == "defended" and row.status == "answered"
        assert row.cells[reply] == "defended" and arg_id in opp_reply.defended
    stands = [r for r in flow.rows if r.by == "opponent" and r.status != "answered"]
    assert stands  # made late, never answered: "so it stands" in the reply
    for row in stands:
        assert row.cells[reply] == "extended" and row.argument.id in opp_reply.extended
    assert any("so it stands" in a for a in opp_reply.actions)
    text = flow.render()
    assert "◆" in text and "»" in text and "◆ defended  » extended" in text
    saved = json.loads(json.dumps(rnd.as_dict()))
    assert saved["speeches"][reply]["extended"] == list(opp_reply.extended)
    again = FlowSheet.from_dict(saved["flow"], {a.id: a for a in CHIPS.arguments})
    assert again == flow
    again = FlowSheet.from_dict(saved["flow"])  # the motion is gone: the stored claims stand in
    assert [r.argument.claim for r in again.rows] == [r.argument.claim for r in flow.rows]
    assert [r.cells for r in again.rows] == [r.cells for r in flow.rows]


def test_speech_records_and_the_adjudication_read_back_as_they_were() -> None:
    clock = ManualClock()
    rnd = Round(CHIPS, fmt("practice"), "prop", seed=2, clock=clock)
    play(rnd, clock, [PROP_CASE, PROP_REBUT])
    adj = rnd.finish()
    saved = json.loads(json.dumps(rnd.as_dict()))
    records = [SpeechRecord.from_dict(d) for d in saved["speeches"]]
    assert [r.as_dict() for r in records] == saved["speeches"]
    back = Adjudication.from_dict(saved["adjudication"])
    assert back.lines() == adj.lines()
    assert SpeechRecord.from_dict({"name": "Old speech"}).text == ""  # a record from an older version


# ---------------------------------------------------------------- the adjudication
def test_adjudication_explains_every_figure() -> None:
    clock = ManualClock()
    rnd = Round(CHIPS, fmt("practice"), "prop", seed=2, clock=clock)
    with pytest.raises(DebateError, match="not over"):
        rnd.finish()
    play(
        rnd, clock, [PROP_CASE, PROP_REBUT, "In conclusion, our case outweighs: it is likely and permanent."]
    )
    adj = rnd.finish()
    assert [c.name for c in adj.criteria] == ["Content", "Rebuttal", "Strategy"]
    assert [c.weight for c in adj.criteria] == [40, 20, 20]  # from the practice format
    for c in adj.criteria:
        assert 0 <= c.share <= 1 and c.why
    content = adj.criterion("Content")
    assert content.share == pytest.approx(7 / 9)  # made 4 + 3 of the strongest case 4 + 3 + 2
    rebuttal = adj.criterion("Rebuttal")
    assert rebuttal.applies and rebuttal.share == pytest.approx(1.0)
    assert 60 <= adj.score <= 80 and (adj.score * 2) == int(adj.score * 2)  # step 0.5
    assert adj.reply_score is not None and 30 <= adj.reply_score <= 40
    assert any("Smuggling" in b for b in adj.best_speech)  # the unused argument
    lines = adj.lines()
    assert lines[0].startswith("score: ") and any("on the flow" in ln for ln in lines)
    json.dumps(rnd.as_dict())


def test_dropped_arguments_are_named() -> None:
    clock = ManualClock()
    rnd = Round(CHIPS, fmt("practice"), "prop", seed=2, clock=clock)
    play(rnd, clock, [PROP_CASE, "We stand by our case."])
    adj = rnd.finish()
    assert GAP.claim in adj.dropped_by_you and SLOWER.claim in adj.dropped_by_you
    assert adj.criterion("Rebuttal").share == 0
    assert any(GAP.claim in b and "answer to" in b for b in adj.best_speech)
    assert "opponent wins" in adj.verdict


def test_on_scale() -> None:
    assert on_scale(0, 60, 80, 0.5) == 60 and on_scale(1, 60, 80, 0.5) == 80
    assert on_scale(0.51, 60, 80, 0.5) == 70 and on_scale(0.53, 60, 80, 0.5) == 70.5
    assert on_scale(2, 50, 100, 1) == 100 and on_scale(-1, 50, 100, 1) == 50


def test_every_format_plays_to_the_end() -> None:
    for name in ("practice", "wsdc", "bp", "australs", "pf", "ld"):
        for side in ("prop", "opp"):
            clock = ManualClock()
            rnd = Round(CHIPS, fmt(name), side, seed=1, clock=clock)  # type: ignore[arg-type]
            play(rnd, clock, [PROP_CASE if side == "prop" else GAP.claim + " " + SLOWER.claim, PROP_REBUT])
            adj = rnd.finish()
            low, high = rnd.format.scoring.speaker_range
            assert low <= adj.score <= high, name


# ---------------------------------------------------------------- bad input
def test_empty_speech_is_kept_and_explained() -> None:
    clock = ManualClock()
    rnd = Round(CHIPS, fmt("practice"), "prop", seed=1, clock=clock)
    play(rnd, clock, [], seconds=5)
    first = rnd.records[0]
    assert first.text == "" and any("empty speech" in n for n in first.notes)
    adj = rnd.finish()
    assert adj.score == 60 or adj.score < 65
    assert adj.criterion("Content").share == 0 and any(
        "recognised" in w for w in adj.criterion("Content").why
    )


def test_huge_speech_with_control_characters() -> None:
    clock = ManualClock()
    rnd = Round(CHIPS, fmt("practice"), "prop", seed=1, clock=clock)
    body = (PROP_CASE + "\x1b[31m\x00\x07 ") * (100_000 // len(PROP_CASE))
    assert len(body) > 100_000
    rnd.start_speech()
    start = time.perf_counter()
    rec = rnd.submit(body)
    assert time.perf_counter() - start < 10
    assert "\x00" not in rec.text and "\x1b" not in rec.text and "\x07" not in rec.text
    assert len(rec.text) > 90_000  # nothing lost but the control characters
    assert "permitted-chips" in rec.made
    assert any("control character" in n for n in rec.notes)


def test_a_motion_with_no_arguments_on_one_side() -> None:
    with pytest.raises(DebateError, match="no Opposition arguments"):
        Round(ONE_SIDED, fmt("practice"), "opp", seed=1, clock=ManualClock())
    clock = ManualClock()
    rnd = Round(ONE_SIDED, fmt("practice"), "prop", seed=1, clock=clock)
    assert rnd.notices and "only rebut" in rnd.notices[0]
    play(rnd, clock, [PROP_CASE])
    adj = rnd.finish()
    assert not adj.criterion("Rebuttal").applies
    assert rnd.records[1].answered  # the opponent still rebuts


def test_cross_examination_is_kept_not_scored() -> None:
    clock = ManualClock()
    rnd = Round(CHIPS, fmt("pf"), "prop", seed=1, clock=clock)
    records = play(rnd, clock, [PROP_CASE, "My answers to your questions.", PROP_REBUT])
    cross = [r for r in records if r.actor == "cross"]
    assert len(cross) == 3 and cross[0].text == "My answers to your questions." and cross[0].questions
    assert all(name not in rnd.flow().columns for name in ("First Crossfire", "Grand Crossfire"))
    rnd.finish()


def test_early_finish_of_an_abandoned_round() -> None:
    clock = ManualClock()
    rnd = Round(CHIPS, fmt("practice"), "prop", seed=1, clock=clock)
    rnd.start_speech()
    rnd.submit(PROP_CASE)
    adj = rnd.finish(early=True)
    assert any("judged early" in w for w in adj.why)


ODD = st.one_of(
    st.text(max_size=500), st.sampled_from(["", "\x00" * 50, "\x1b[2J" + PROP_CASE, PROP_REBUT * 40])
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=ODD, second=ODD, reply=ODD)
def test_any_speeches_adjudicate_within_the_scale(first: str, second: str, reply: str) -> None:
    clock = ManualClock()
    rnd = Round(CHIPS, fmt("practice"), "prop", seed=1, clock=clock)
    play(rnd, clock, [first, second, reply], seconds=30)
    adj = rnd.finish()
    assert 60 <= adj.score <= 80 and adj.reply_score is not None and 30 <= adj.reply_score <= 40
    for c in adj.criteria:
        assert 0 <= c.share <= 1 and c.why
    assert all("\x00" not in r.text for r in rnd.records)
    json.dumps(rnd.as_dict())


def test_an_answer_needs_two_points_or_one_and_their_claim() -> None:
    from tui.debate.analysis import analyse

    one_point = analyse("The ban was simply tightened.", [SALES], [PERMITTED])
    assert one_point.answered_ids == () and "name their claim" in one_point.answers[0].explain()
    named = analyse(
        "They say DeepSeek reached the frontier on allowed chips. But the rules were tightened.",
        [SALES],
        [PERMITTED],
    )
    assert named.answered_ids == ("permitted-chips",)
    two_points = analyse("It was tightened after a lag.", [SALES], [PERMITTED])
    assert two_points.answered_ids == ("permitted-chips",)
    assert analyse("", [SALES], [PERMITTED]).notes == ("empty speech: nothing to flow",)
