"""The loose matcher, signposts and weighing: what the drills and the round engine stand on."""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_debate_fixtures import CHIPS_ARGS, reb

from tui.content.library import Library, load_library
from tui.debate.analysis import analyse
from tui.debate.matcher import (
    ArgumentTerms,
    TextIndex,
    best_rebuttal,
    coverage,
    match_point,
    match_rebuttal,
    recognise,
    term_evidence,
)
from tui.debate.rhetoric import organisers, structure, weighing
from tui.debate.text import MAX_TEXT_CHARS, clean, safe, words


@pytest.mark.parametrize(
    ("text", "synonym", "how"),
    [
        ("The rules were TIGHTENED.", "tightened", "exact"),
        ("the rules kept tightening", "tightened", "stem"),
        ("they tightned it", "tightened", "typo"),
        ("a stockpiles of chips", "stockpile", "stem"),
        ("a mixture-of-experts model", "mixture of experts", "exact"),
        ("a mixture of many experts", "mixture of experts", "exact"),
        ("US labs also use it", "us labs", "exact"),
        ("banned in October 2023", "october 2023", "exact"),
    ],
)
def test_points_match_loosely(text: str, synonym: str, how: str) -> None:
    result = match_point(text, [synonym])
    assert result.made, result.explain()
    assert result.hit is not None and result.hit.how == how


@pytest.mark.parametrize(
    ("text", "synonym"),
    [
        ("banned in October 2022", "october 2023"),  # numbers never match loosely
        ("the cat sat", "lag"),  # short words need an exact stem
        ("experts of mixture", "mixture of experts"),  # phrase order matters
        ("mixture of many different experts", "mixture of experts"),  # at most one other word inside
        ("", "banned"),
    ],
)
def test_points_do_not_match(text: str, synonym: str) -> None:
    assert not match_point(text, [synonym]).made


def test_any_synonym_makes_the_point_and_explains() -> None:
    result = match_point("there was a long delay", ["lag", "delay", "stockpile"])
    assert result.made and result.label == "lag"
    assert "you wrote 'delay'" in result.explain()
    missed = match_point("nothing here", ["lag", "delay"])
    assert missed.explain() == "missed 'lag' (any of: lag, delay)"


def test_best_rebuttal_is_the_line_of_attack_covered_most() -> None:
    permitted = CHIPS_ARGS[0]
    best = best_rebuttal("It still trails on the benchmarks.", permitted)
    assert best is not None and best.rebuttal.id == "still-behind" and best.made == 2
    none = best_rebuttal("unrelated words", permitted)
    assert none is not None and none.rebuttal.id == "rules-adapt" and none.made == 0


def test_match_rebuttal_counts_points() -> None:
    r = reb("x", "text", ["banned"], ["lag"], ["stockpile"])
    m = match_rebuttal("It was banned after a lag", r)
    assert (m.made, m.total) == (2, 3)
    assert m.made_labels == ("banned", "lag") and m.missed_labels == ("stockpile",)


def test_claims_are_recognised_by_their_words() -> None:
    claim_arg = CHIPS_ARGS[0]
    assert recognise("DeepSeek got to the frontier on chips that the rules allowed", claim_arg).recognised
    assert not recognise("We like apples and oranges", claim_arg).recognised
    cov = coverage("frontier chips", "DeepSeek reached the frontier on chips")
    assert set(cov.matched) == {"frontier", "chips"} and 0 < cov.share < 1


def test_clean_strips_controls_and_escapes() -> None:
    dirty = "they say\x1b[31m red\x1b[0m\x00 but\x07 \u202eevil\r\nok\tyes"
    c = clean(dirty)
    assert c.text == "they say red but evil\nok yes"
    assert c.removed_controls > 0 and c.notes
    assert safe("a\x00b\r\nc") == "ab\nc"


def test_clean_caps_the_scored_length() -> None:
    c = clean("word " * (MAX_TEXT_CHARS // 4))
    assert len(c.text) <= MAX_TEXT_CHARS and c.truncated_chars > 0
    assert any("not read" in n for n in c.notes)


def test_big_text_is_indexed_quickly() -> None:
    text = ("The H800 was banned after a lag and the stockpile grew; " * 2000)[:100_000]
    start = time.perf_counter()
    idx = TextIndex(text)
    assert best_rebuttal(idx, CHIPS_ARGS[0]) is not None
    assert time.perf_counter() - start < 5


def test_words_fold_apostrophes() -> None:
    assert words("China's chips, DON'T") == ["china", "chips", "dont"]


def test_structure_finds_the_four_steps() -> None:
    s = structure(
        "They say the chips were legal. But they were banned, because rules adapt; therefore it works."
    )
    assert s.steps == ("they say", "but", "because", "therefore") and s.share == 1
    partial = structure("The chips were banned because rules adapt.")
    assert partial.steps == ("because",)
    assert any("not found" in line for line in partial.explain())


def test_weighing_finds_comparisons_and_axes() -> None:
    w = weighing(
        "Our harm outweighs theirs: it is far more likely, it comes sooner and it is irreversible, "
        "affecting millions."
    )
    assert w.explicit == "outweighs"
    assert set(w.axis_names) == {"magnitude", "probability", "timeframe", "reversibility"}
    plain = weighing("This is bad.")
    assert plain.explicit is None and plain.comparative is None and not plain.axes


def test_organisers() -> None:
    assert organisers("First, the chips. Second, the money. In conclusion, we win.") == (
        "first",
        "second",
        "in conclusion",
    )


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_any_text_is_matched_without_error(text: str) -> None:
    m = best_rebuttal(text, CHIPS_ARGS[0])
    assert m is not None and 0 <= m.share <= 1
    assert 0 <= structure(text).share <= 1
    weighing(text)
    clean(text)


def test_points_count_only_when_made_together_in_a_long_text() -> None:
    filler = " ".join(f"filler{i}" for i in range(200))
    r = reb("x", "t", ["banned"], ["lag"])
    apart = f"It was banned. {filler} There was a lag."
    together = f"{filler} It was banned after a lag. {filler}"
    assert match_rebuttal(apart, r).made == 2  # short answers are read whole
    assert match_rebuttal(apart, r, width=80).made == 1
    assert match_rebuttal(together, r, width=80).made == 2


def test_claims_are_recognised_only_when_their_words_come_together() -> None:
    claim_arg = CHIPS_ARGS[0]
    filler = " ".join(f"filler{i}" for i in range(60))
    scattered = f"DeepSeek {filler} reached {filler} frontier {filler} chips {filler} rules {filler} allowed"
    assert not recognise(scattered, claim_arg).recognised
    assert recognise(
        f"{filler} DeepSeek reached the frontier on allowed chips. {filler}", claim_arg
    ).recognised


# ---------------------------------------------------------------- key terms: an argument in the learner's own words
@pytest.fixture(scope="module")
def bundled() -> Library:
    return load_library(None)


PARAPHRASES = [
    (
        "ec-permitted-chips",
        "DeepSeek trained V3 on H800s, a part China could legally buy in 2023, and it still beat GPT-4o on "
        "maths. So the hardware the rules permitted was enough.",
    ),
    (
        "ec-permitted-chips",
        "The H800s were legal when DeepSeek bought them, and they were enough to reach near-frontier models. "
        "The rules did not deny the capability.",
    ),
    (
        "ec-scarcity-spurred-efficiency",
        "Being cut off from the best GPUs forced Chinese labs to get leaner: mixture-of-experts designs that "
        "need less compute. Scarcity spurred efficiency.",
    ),
    (
        "ec-costs-us-firms",
        "American chip firms like Nvidia lose revenue from the Chinese market, while Chinese buyers turn to "
        "domestic suppliers.",
    ),
    (
        "ec-goal-missed",
        "Washington promised in 2022 to hold China far back; two years on a Chinese lab roughly matches o1, "
        "so by that stated aim the policy has failed.",
    ),
    (
        "ec-weights-leak-capability",
        "DeepSeek put R1's weights online under the MIT licence; the capability now sits on servers "
        "everywhere, and restricting training hardware cannot call it back.",
    ),
]


@pytest.mark.parametrize(("arg_id", "text"), PARAPHRASES)
def test_a_paraphrase_is_recognised_by_its_key_terms(bundled: Library, arg_id: str, text: str) -> None:
    motion = bundled.motions["export-controls-failed"]
    terms = ArgumentTerms(motion.arguments, motion.motion)
    argument = next(a for a in motion.arguments if a.id == arg_id)
    r = recognise(text, argument, terms)
    assert r.recognised and not r.by_claim, r.explain()  # not the claim's own words: its key terms
    assert r.how.startswith("its key terms: ") and "key terms" in r.explain()
    made = analyse(text, motion.side("prop"), (), terms).made_ids
    assert made == (arg_id,)  # and no other argument of the set


def test_a_long_unrelated_speech_makes_no_argument(bundled: Library) -> None:
    rng = random.Random(5)
    sentences = (
        "the match kicked off under grey skies and the home crowd sang loudly while the striker chased every "
        "loose ball; later we baked bread with flour water salt and yeast, kneading the dough before it rose "
        "in a warm kitchen; the garden needs rain and the tomatoes split; my cousin plays the violin in an "
        "orchestra that tours in spring; first, second, finally, they say but because therefore this "
        "outweighs theirs, it is more likely and lasts longer"
    )
    vocabulary = sentences.split()
    speech = " ".join(rng.choice(vocabulary) for _ in range(20_000))  # about 110 KB
    idx = TextIndex(speech)
    for motion in bundled.motions.values():
        terms = ArgumentTerms(motion.arguments, motion.motion)
        assert [a.id for a in motion.arguments if recognise(idx, a, terms).recognised] == [], motion.id


def test_another_arguments_words_never_make_this_one_by_key_terms(bundled: Library) -> None:
    for motion in bundled.motions.values():
        terms = ArgumentTerms(motion.arguments, motion.motion)
        for other in motion.arguments:
            idx = TextIndex(" ".join((other.claim, other.reasoning, other.impact)))
            assert recognise(idx, other, terms).terms.recognised  # its own words make it ...
            for argument in motion.arguments:
                if argument.id != other.id:
                    evidence = term_evidence(idx, argument, terms)
                    assert not evidence.recognised, (
                        argument.id,
                        other.id,
                        evidence.explain(),
                    )  # ... no other


def test_one_argument_repeated_at_length_makes_only_that_one(bundled: Library) -> None:
    motion = bundled.motions["export-controls-failed"]
    terms = ArgumentTerms(motion.arguments, motion.motion)
    speech = PARAPHRASES[1][1] + " " + ("We have said it before. " + PARAPHRASES[1][1] + " ") * 300
    made = analyse(speech, motion.arguments, (), terms).made_ids
    assert made == ("ec-permitted-chips",)


def test_key_terms_leave_out_everyday_words_and_share_out_common_ones() -> None:
    permitted, sales = CHIPS_ARGS[0], CHIPS_ARGS[1]
    terms = ArgumentTerms(CHIPS_ARGS, "This house believes chip export controls have failed")
    words = {t.word: t for t in terms.of(permitted)}
    assert "deepseek" in words and words["deepseek"].place == "claim" and words["deepseek"].weight == 2
    assert not {"the", "on", "while", "not"} & set(words)  # stopwords and everyday words
    assert words["chips"].weight < 2  # used by other arguments and the motion: it points to none of them
    alone = ArgumentTerms().of(sales)
    assert alone[0].weight == 2 and alone[0].place == "claim"  # heaviest first
    short = recognise("DeepSeek allowed.", permitted, terms)
    assert not short.terms.recognised and "key terms" in short.explain()  # two terms are not enough


# ---------------------------------------------------------------- the claim route: no credit for another argument's words
def test_no_arguments_own_words_make_another_argument_of_its_motion(bundled: Library) -> None:
    """An argument's reasoning and impact, as a learner would say them, make no other argument by either route
    (a claim in common words, such as "The rules keep changing", used to be made by its neighbours' words)."""
    for motion in bundled.motions.values():
        terms = ArgumentTerms(motion.arguments, motion.motion)
        for source in motion.arguments:
            speeches = (
                f"{source.reasoning} {source.impact}",
                f"{source.claim} {source.reasoning} {source.impact}",
                source.reasoning,
                source.impact,
            )
            for speech in speeches:
                idx = TextIndex(speech)
                credited = [
                    r.explain()
                    for r in (recognise(idx, a, terms) for a in motion.arguments if a.id != source.id)
                    if r.recognised
                ]
                assert credited == [], (source.id, speech[:60])


def test_every_claim_is_made_by_its_words_alone_and_among_its_sides_claims(bundled: Library) -> None:
    for motion in bundled.motions.values():
        terms = ArgumentTerms(motion.arguments, motion.motion)
        for side in ("prop", "opp"):
            own = motion.side(side)
            listed = TextIndex(" ".join(f"Point {n}: {a.claim}" for n, a in enumerate(own, 1)))
            for argument in own:
                alone = recognise(argument.claim, argument, terms)
                assert alone.by_claim and alone.how.startswith("its claim's words: "), alone.explain()
                # Shortest stretches keep the neighbouring claims out of the rival check.
                among = recognise(listed, argument, terms)
                assert among.by_claim, among.explain()


def test_a_claim_in_common_words_needs_its_words_to_point_to_it(bundled: Library) -> None:
    motion = bundled.motions["export-controls-failed"]
    terms = ArgumentTerms(motion.arguments, motion.motion)
    by_id = {a.id: a for a in motion.arguments}
    churn, goal = by_id["ec-policy-churn"], by_id["ec-goal-missed"]
    borrowed = recognise(goal.reasoning, churn, terms)
    assert borrowed.claim.share >= 0.5 and not borrowed.by_claim and not borrowed.recognised
    # The explanation says why its claim's words did not count.
    assert f"points at least as much to '{goal.claim}'" in borrowed.explain()
    speech = f"{goal.reasoning} Worse, the rules keep changing, which undermines them."
    stated = recognise(speech, churn, terms)
    assert stated.by_claim and stated.how == "its claim's words: rules, keep, changing, undermines"


def test_a_claim_stated_in_part_counts_where_it_is_stated(bundled: Library) -> None:
    motion = bundled.motions["applications-over-scale"]
    terms = ArgumentTerms(motion.arguments, motion.motion)
    scale = next(a for a in motion.arguments if a.id == "ap-scale-still-delivers")
    # "DeepSeek's own" comes only in the next claim; the stretch holding all six words would take that claim in.
    speech = (
        "Our success was built on a very large model. And geopolitical leadership depends on staying at the "
        "frontier, as DeepSeek's own table shows."
    )
    assert recognise(speech, scale, terms).by_claim
