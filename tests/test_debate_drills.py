"""Each drill's state machine and scoring, every figure explained; any text scores within range."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_debate_fixtures import CHIPS, CHIPS_ARGS, ONE_SIDED, OTHER

from tui.content.models import ArgumentSet
from tui.debate.clock import ManualClock
from tui.debate.drills import (
    BadAnswer,
    CaseDrill,
    DebateError,
    PickDrill,
    RebuttalDrill,
    SideDrill,
    WeighDrill,
    make_drill,
    score_rebuttal,
    score_weighing,
)
from tui.debate.drills_choosing import answers_it_too
from tui.debate.errors import fmt_score
from tui.debate.matcher import ArgumentTerms
from tui.debate.rhetoric import AXIS_EXAMPLES, AXIS_PHRASES, AXIS_QUESTIONS, weighing

PERMITTED, SALES, SMUGGLING, GAP, SLOWER, ALLIES = CHIPS_ARGS


def test_fmt_score() -> None:
    assert [fmt_score(x) for x in (1.0, 1.5, 2 / 3, 0.0, 10.25, -0.0001)] == [
        "1",
        "1.5",
        "0.67",
        "0",
        "10.25",
        "0",
    ]


# ---------------------------------------------------------------- the state machine
def test_present_answer_next_and_time() -> None:
    clock = ManualClock()
    drill = SideDrill(CHIPS, seed=1, clock=clock, count=2)
    assert drill.total == 2 and not drill.finished
    p = drill.present()
    assert p is not None and p.number == 1 and p.argument is not None
    assert drill.present() == p  # presenting again does not restart or move on
    clock.advance(4)
    r = drill.answer(p.argument.side)
    assert r.correct and r.earned == 1 and r.seconds == 4
    p2 = drill.present()
    assert p2 is not None and p2.number == 2
    clock.advance(6)
    wrong = "opp" if p2.argument is not None and p2.argument.side == "prop" else "prop"
    r2 = drill.answer(wrong)
    assert not r2.correct and r2.earned == 0 and any("wrong side" in w for w in r2.why)
    assert drill.finished and drill.present() is None
    s = drill.summary()
    assert (s.answered, s.correct, s.earned, s.possible) == (2, 1, 1, 2)
    assert s.mean_seconds == 5 and any("accuracy: 1/2" in w for w in s.why)
    with pytest.raises(DebateError):
        drill.answer("prop")


def test_bad_answers_are_refused_and_nothing_moves() -> None:
    drill = SideDrill(CHIPS, seed=1, clock=ManualClock())
    drill.present()
    for bad in ("", "maybe", "3"):
        assert drill.check(bad) is not None
        with pytest.raises(BadAnswer):
            drill.answer(bad)
    assert drill.index == 0 and not drill.results
    assert drill.check("Proposition") is None


def test_same_seed_same_items() -> None:
    def order(seed: int) -> list[str]:
        d = PickDrill(CHIPS, seed=seed, clock=ManualClock(), count=None)
        out = []
        while (p := d.present()) is not None:
            out.append(p.item_id + "|" + "|".join(p.options))
            d.answer("1")
        return out

    assert order(5) == order(5)
    assert len({tuple(order(s)) for s in range(6)}) > 1


def test_unseeded_drill_records_its_seed() -> None:
    d = SideDrill(CHIPS, clock=ManualClock())
    again = SideDrill(CHIPS, seed=d.seed, clock=ManualClock())
    assert [d.present()] == [again.present()]


# ---------------------------------------------------------------- side
def test_side_level_two_mixes_motions() -> None:
    drill = SideDrill(CHIPS, seed=3, clock=ManualClock(), level=2, others=[OTHER], count=None)
    assert drill.level == 2 and drill.total == len(CHIPS.arguments) + len(OTHER.arguments)
    p = drill.present()
    assert p is not None and len(p.motions) == 2 and p.argument is not None
    number = next(i for i, m in enumerate(p.motions, 1) if m.id == p.motion.id)
    other_number = 3 - number
    with pytest.raises(BadAnswer):
        drill.answer("opp")  # the motion is needed too
    r = drill.answer(f"{other_number} {p.argument.side}")
    assert r.earned == 0.5 and not r.correct and any("wrong motion" in w for w in r.why)
    p = drill.present()
    assert p is not None and p.argument is not None
    number = next(i for i, m in enumerate(p.motions, 1) if m.id == p.motion.id)
    r = drill.answer(f"{number}{p.argument.side[0]}")
    assert r.earned == 1 and r.correct


def test_side_level_two_with_one_motion_falls_back() -> None:
    drill = SideDrill(CHIPS, seed=3, clock=ManualClock(), level=2)
    assert drill.level == 1 and drill.notes


# ---------------------------------------------------------------- pick
def test_pick_offers_its_own_rebuttal_among_others() -> None:
    drill = PickDrill(CHIPS, seed=2, clock=ManualClock(), side="opp", count=None)
    assert drill.total == 3  # the prop arguments, answered by opp
    while (p := drill.present()) is not None:
        assert p.argument is not None and p.argument.side == "prop"
        assert len(p.options) == 4 and len(set(p.options)) == 4
        own = {r.text for r in p.argument.rebuttals}
        right = [i for i, o in enumerate(p.options, 1) if o in own]
        assert len(right) == 1
        r = drill.answer(str(right[0]))
        assert r.correct and r.score_text == "1/1" and r.models[0] in own


def test_pick_wrong_choice_names_the_argument_it_was_for() -> None:
    drill = PickDrill(CHIPS, seed=2, clock=ManualClock(), side="opp", count=1)
    p = drill.present()
    assert p is not None and p.argument is not None
    own = {r.text for r in p.argument.rebuttals}
    wrong = next(i for i, o in enumerate(p.options, 1) if o not in own)
    r = drill.answer(str(wrong))
    assert r.earned == 0 and r.missed and "written to answer" in r.why[0]
    # the result carries the learner's own (wrong) choice, numbered as it was shown
    assert r.made == (f"{wrong}) {p.options[wrong - 1]}",) and r.correct is False
    assert r.missed[0].endswith(next(o for o in p.options if o in own))
    with pytest.raises(BadAnswer):
        PickDrill(CHIPS, seed=2, clock=ManualClock()).answer("5")


def test_pick_never_offers_a_wrong_choice_that_answers_the_argument_too() -> None:
    """A rebuttal written for another argument whose key terms point at the shown one (it may answer it
    too) is left out of the wrong choices, on every bundled motion; four choices are still offered."""
    from tui.content.library import load_library

    for motion in load_library(None).motions.values():
        terms = ArgumentTerms(motion.arguments, motion.motion)
        by_text = {r.text: (r, a) for a in motion.arguments for r in a.rebuttals}
        for side in ("prop", "opp"):
            for seed in range(3):
                drill = PickDrill(motion, seed=seed, clock=ManualClock(), side=side, count=None)
                while (p := drill.present()) is not None:
                    assert p.argument is not None and len(p.options) == 4, motion.id
                    for option in p.options:
                        found = by_text.get(option)
                        if found is not None and found[1].id != p.argument.id:
                            assert not answers_it_too(*found, p.argument, terms), (motion.id, option)
                    drill.answer("1")


def test_pick_needs_an_opposing_side() -> None:
    with pytest.raises(DebateError, match="no Opposition arguments"):
        PickDrill(ONE_SIDED, seed=1, clock=ManualClock(), side="prop")


# ---------------------------------------------------------------- rebuttal
def test_rebuttal_scores_key_points_and_structure() -> None:
    earned, possible, why, made, missed, _ = score_rebuttal(
        PERMITTED,
        "They say the chips were allowed. But the rules kept tightening, because of the lag; "
        "therefore the controls adapt.",
    )
    assert possible == 3 and earned == 3
    assert made == ("banned", "lag") and missed == ()
    assert any("you wrote 'tightening'" in w for w in why)
    earned, possible, why, made, missed, _ = score_rebuttal(PERMITTED, "The rules were tightened.")
    assert earned == 1 and possible == 3 and missed == ("lag",)
    assert any("structure: 0/4" in w for w in why)


def test_rebuttal_drill_clock_and_models() -> None:
    clock = ManualClock()
    drill = RebuttalDrill(CHIPS, seed=1, clock=clock, side="opp", count=1)
    p = drill.present()
    assert p is not None and p.time_limit == 90 and drill.remaining() == 90
    clock.advance(100)
    assert drill.remaining() == -10
    r = drill.answer("")
    assert r.earned == 0 and r.over_time and any("over the limit" in w for w in r.why)
    assert r.models == tuple(x.text for x in p.argument.rebuttals)  # type: ignore[union-attr]


def test_rebuttal_custom_time_limit() -> None:
    drill = make_drill("rebuttal", CHIPS, seed=1, clock=ManualClock(), time_limit=30)
    p = drill.present()
    assert p is not None and p.time_limit == 30


# ---------------------------------------------------------------- case
def test_case_best_picks_score_full() -> None:
    drill = CaseDrill(CHIPS, seed=4, clock=ManualClock(), side="prop")
    p = drill.present()
    assert p is not None and p.picks == 3 and len(p.arguments) == 3
    r = drill.answer("1 2 3")
    # all three prop arguments: the strongest case, every tag; permitted-chips shares "chips" with compute-gap
    assert r.possible == 10 and r.correct
    assert any(w.startswith("strength:") and "→ 6/6" in w for w in r.why)
    assert any(w.startswith("spread:") and "→ 2/2" in w for w in r.why)
    assert any(w.startswith("clash:") for w in r.why)
    assert r.earned == pytest.approx(
        9.0
    )  # the clash is met on the same ground (a shared tag), not by key points


def test_case_weaker_picks_score_less_and_name_the_strongest_case() -> None:
    big = ArgumentSet("big", "m", "i", "s", (*CHIPS_ARGS, *[a for a in OTHER.arguments]))
    drill = CaseDrill(big, seed=4, clock=ManualClock(), side="prop")
    p = drill.present()
    assert p is not None and len(p.arguments) == 4
    weakest = sorted(range(4), key=lambda i: p.arguments[i].strength)[:3]
    for bad in ("1 1 2", "1 2", "1 2 3 4", "0 1 2", "9 1 2"):
        with pytest.raises(BadAnswer):
            drill.answer(bad)
    r = drill.answer(" ".join(str(i + 1) for i in weakest))
    assert r.earned < r.possible and not r.correct and r.missed


def test_case_both_sides_and_an_empty_side() -> None:
    assert CaseDrill(CHIPS, seed=1, clock=ManualClock()).total == 2
    one = CaseDrill(ONE_SIDED, seed=1, clock=ManualClock())
    assert one.total == 1 and one.notes
    with pytest.raises(DebateError, match="no Opposition arguments"):
        CaseDrill(ONE_SIDED, seed=1, clock=ManualClock(), side="opp")


# ---------------------------------------------------------------- weigh
def test_weighing_sentence_scoring() -> None:
    earned, possible, why, made, missed, _ = score_weighing(
        SALES, SLOWER, "Lost revenue outweighs time bought because it is more likely and permanent."
    )
    assert possible == 5 and earned == 5
    assert made == ("probability", "reversibility") and "magnitude" in missed
    assert any("both impacts referred to" in w for w in why)
    earned, *_ = score_weighing(SALES, SLOWER, "This is bad.")
    assert earned == 0


def test_weigh_drill_pairs_each_argument_once() -> None:
    drill = WeighDrill(CHIPS, seed=1, clock=ManualClock(), count=None)
    seen: set[str] = set()
    while (p := drill.present()) is not None:
        a, b = p.arguments
        assert a.side != b.side and not ({a.id, b.id} & seen)
        seen |= {a.id, b.id}
        r = drill.answer("Ours outweighs theirs.")
        assert r.models
    with pytest.raises(DebateError, match="weighing needs"):
        WeighDrill(ONE_SIDED, seed=1, clock=ManualClock())


@pytest.mark.parametrize(
    ("text", "axis", "found"),
    [
        ("Ours lasts longer than theirs.", "timeframe", "lasts longer"),
        ("Ours comes sooner.", "timeframe", "sooner"),
        ("In the long term ours matters more.", "timeframe", "long term"),
        ("Theirs is a short-term cost.", "timeframe", "short-term"),
        ("Ours is permanent.", "reversibility", "permanent"),
        ("Theirs is only temporary.", "reversibility", "temporary"),
        ("Ours is more likely.", "probability", "more likely"),
        ("The probability of theirs is low.", "probability", "probability"),
        ("Ours is a bigger harm.", "magnitude", "bigger"),
        ("Ours affects more people.", "magnitude", "affects more people"),
        ("Look at the scale of it.", "magnitude", "scale"),
    ],
)
def test_weighing_recognises_common_phrasings_of_each_axis(text: str, axis: str, found: str) -> None:
    w = weighing(text)
    assert (axis, found) in w.axes, w.axes
    _, _, why, made, _, _ = score_weighing(SALES, SLOWER, text)
    assert axis in made
    line = next(x for x in why if x.startswith(f"axis named: {axis}"))
    assert f"'{found}'" in line and AXIS_QUESTIONS[axis] in line  # the why line says what the axis asks


@pytest.mark.parametrize(
    "text", ["Several people said so.", "Now we turn to their case.", "Make sure of it."]
)
def test_everyday_words_name_no_axis(text: str) -> None:
    assert weighing(text).axes == ()


def test_every_axis_phrase_is_listed_in_one_place_and_matches_itself() -> None:
    for axis, phrases in AXIS_PHRASES.items():
        assert axis in AXIS_QUESTIONS and axis in AXIS_EXAMPLES
        for phrase in phrases:
            example = phrase.replace("*", "")
            assert axis in weighing(f"it is {example} here").axis_names, (axis, phrase)


def test_a_missing_axis_is_named_with_an_example() -> None:
    _, _, why, _, missed, _ = score_weighing(SALES, SLOWER, "Ours outweighs theirs: it is more likely.")
    assert "magnitude" in missed
    assert any("not named: magnitude" in w and "'it affects more people'" in w for w in why)


def test_every_result_carries_what_the_item_was_about() -> None:
    clock = ManualClock()
    for kind, answer in (
        ("side", "prop"),
        ("pick", "1"),
        ("rebuttal", "They say"),
        ("case", "1 2 3"),
        ("weigh", "ours"),
    ):
        drill = make_drill(kind, CHIPS, seed=3, clock=clock, count=1, side="opp" if kind == "pick" else None)
        prompt = drill.present()
        assert prompt is not None
        result = drill.answer(answer)
        if kind == "case":
            assert result.claim == f"{'Proposition' if prompt.side == 'prop' else 'Opposition'}'s case"
        elif kind == "weigh":
            a, b = prompt.arguments
            assert result.claim == f"{a.claim} vs {b.claim}"
        else:
            assert prompt.argument is not None and result.claim == prompt.argument.claim
        assert result.as_dict()["claim"] == result.claim


# ---------------------------------------------------------------- any text scores within range
ODD_TEXT = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x3000), max_size=300),
    st.sampled_from(["", " ", "\x00\x1b[31m", "they say but because therefore " * 50, "9" * 5000, "\n\n\n"]),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ODD_TEXT)
def test_any_text_scores_within_range(text: str) -> None:
    for argument in (PERMITTED, GAP):
        earned, possible, why, *_ = score_rebuttal(argument, text)
        assert 0 <= earned <= possible and why
    earned, possible, why, *_ = score_weighing(SALES, SLOWER, text)
    assert 0 <= earned <= possible and why


@settings(max_examples=80, deadline=None)
@given(text=ODD_TEXT, kind=st.sampled_from(["side", "pick", "rebuttal", "case", "weigh"]))
def test_any_answer_is_scored_in_range_or_refused(text: str, kind: str) -> None:
    drill = make_drill(kind, CHIPS, seed=1, clock=ManualClock())  # type: ignore[arg-type]
    drill.present()
    try:
        r = drill.answer(text)
    except BadAnswer as e:
        assert str(e)
        assert drill.index == 0
        return
    assert 0 <= r.earned <= r.possible and r.why
    assert r.score_text.count("/") == 1
