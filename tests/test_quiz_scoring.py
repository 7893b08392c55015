"""Scoring as DESIGN.md says it, and property tests: every score stays within 0..points."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.content.models import Question
from tui.quiz.scoring import (
    Response,
    ResponseError,
    format_number,
    grade,
    normalise,
    order_fraction,
    right_answer_text,
)


def q(type_: str, **kw: Any) -> Question:
    base: dict[str, Any] = dict(
        id=f"q-{type_}",
        type=type_,
        prompt="?",
        explanation="because",
        facts=(),
        tags=("t",),
        difficulty=1,
        bank="b",
    )
    base.update(kw)
    return Question(**base)


CHOICE = q("choice", answer="H800", distractors=("H100", "A100"))
MULTI = q("multi", answers=("OpenAI", "Google", "Anthropic"), distractors=("DeepSeek", "Alibaba"), points=3)
TF = q("truefalse", answer=False)
NUM = q("numeric", answer=5.6, tolerance="10%")
NUM_ABS = q("numeric", answer=2048.0, tolerance=50)
SHORT = q("short", answers=("DeepSeek", "Deep Seek AI"))
ORDER = q("order", items=("a", "b", "c", "d"), points=2)
MATCH = q(
    "match", pairs=(("OpenAI", "US"), ("DeepSeek", "China"), ("Mistral", "France"), ("Aleph", "Germany"))
)


def test_choice_all_or_nothing() -> None:
    assert grade(CHOICE, "H800").fraction == 1
    assert grade(CHOICE, "h800").correct
    assert grade(CHOICE, "H100").fraction == 0
    assert grade(CHOICE, None).fraction == 0


def test_truefalse() -> None:
    assert grade(TF, False).correct
    assert not grade(TF, True).correct


def test_multi_plus_minus_one_over_k_floor_zero() -> None:
    assert grade(MULTI, frozenset({"OpenAI", "Google", "Anthropic"})).fraction == pytest.approx(1)
    assert grade(MULTI, frozenset({"OpenAI", "Google", "Anthropic"})).correct
    assert grade(MULTI, frozenset({"OpenAI"})).fraction == pytest.approx(1 / 3)
    assert grade(MULTI, frozenset({"OpenAI", "Google", "DeepSeek"})).fraction == pytest.approx(1 / 3)
    assert grade(MULTI, frozenset({"OpenAI", "DeepSeek", "Alibaba"})).fraction == 0  # floor
    assert grade(MULTI, frozenset({"OpenAI", "Google"})).earned == pytest.approx(2)  # 3 points * 2/3
    all_picked = frozenset(MULTI.choices)
    assert grade(MULTI, all_picked).fraction == pytest.approx(1 / 3)


def test_numeric_tolerance_percent_and_absolute() -> None:
    assert grade(NUM, 5.6).correct
    assert grade(NUM, 6.16).correct  # exactly 10 % off: inside
    assert not grade(NUM, 6.2).correct
    assert grade(NUM, 5.04).correct
    assert grade(NUM_ABS, 2000).correct
    assert grade(NUM_ABS, 2098.0).correct
    assert not grade(NUM_ABS, 2099.0).correct
    assert not grade(NUM_ABS, float("nan")).correct
    exact = q("numeric", answer=0.3, tolerance=0)
    assert grade(exact, 0.1 + 0.2).correct  # float noise is not a wrong answer


def test_short_normalised_and_fuzzy() -> None:
    assert grade(SHORT, "  deepseek! ").correct
    assert grade(SHORT, "Deep-Seek").correct
    assert grade(SHORT, "DeepSeak").correct  # one letter off: similarity 0.875 >= 0.85
    assert not grade(SHORT, "OpenAI").correct
    assert not grade(SHORT, "").correct
    strict = q("short", answers=("H800",), fuzzy=1.0)
    assert not grade(strict, "H100").correct
    assert grade(strict, "h800.").correct
    assert normalise("  U.S.-made   Chips!  ") == "us made chips"
    assert normalise("Café") == "cafe"
    assert normalise("3.5%") == "3.5" and normalise("2,048 GPUs.") == "2048 gpus"


def test_order_share_of_pairs() -> None:
    assert grade(ORDER, ("a", "b", "c", "d")).fraction == 1
    assert grade(ORDER, ("d", "c", "b", "a")).fraction == 0
    assert grade(ORDER, ("b", "a", "c", "d")).fraction == pytest.approx(5 / 6)
    assert grade(ORDER, ("b", "a", "c", "d")).earned == pytest.approx(10 / 6)
    assert order_fraction(("a", "b", "c"), ("a", "c")) == pytest.approx(
        1 / 3
    )  # missing b: its pairs are wrong
    assert order_fraction(("a",), ("a",)) == 1


def test_match_share_of_pairs() -> None:
    right = dict(MATCH.pairs)
    assert grade(MATCH, right).fraction == 1
    half = {"OpenAI": "US", "DeepSeek": "China", "Mistral": "Germany", "Aleph": "France"}
    assert grade(MATCH, half).fraction == 0.5
    assert grade(MATCH, {}).fraction == 0


def test_wrong_shapes_are_refused() -> None:
    with pytest.raises(ResponseError):
        grade(CHOICE, 1)
    with pytest.raises(ResponseError):
        grade(TF, "true")
    with pytest.raises(ResponseError):
        grade(NUM, "5.6")
    with pytest.raises(ResponseError):
        grade(MULTI, "OpenAI")
    with pytest.raises(ResponseError):
        grade(MATCH, ("OpenAI", "US"))


def test_right_answer_text_and_numbers() -> None:
    assert right_answer_text(NUM) == "5.6 (± 10%)"
    assert right_answer_text(q("numeric", answer=2.0, tolerance=0, unit="USD")) == "2 USD"
    assert right_answer_text(ORDER) == "a -> b -> c -> d"
    assert right_answer_text(TF) == "false"
    assert format_number(3.5) == "3.5"
    assert format_number(5.0) == "5"
    assert format_number(1 / 3) == "0.33"
    assert format_number(-0.001) == "0"


# ------------------------------------------------------------------ properties

texts = st.text(max_size=12)
points = st.floats(min_value=0.25, max_value=10, allow_nan=False)


def responses_for(question: Question) -> st.SearchStrategy[Response]:
    pool = [*question.choices, *question.items, *(r for _, r in question.pairs)]
    some_text = st.one_of(st.sampled_from(pool), texts) if pool else texts
    if question.type in ("choice", "short"):
        return st.one_of(st.none(), some_text)
    if question.type == "truefalse":
        return st.one_of(st.none(), st.booleans())
    if question.type == "numeric":
        return st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers())
    if question.type == "multi":
        return st.one_of(st.none(), st.frozensets(some_text, max_size=8))
    if question.type == "order":
        return st.one_of(
            st.none(),
            st.lists(some_text, max_size=8).map(tuple),
            st.permutations(list(question.items)).map(tuple),
        )
    lefts = [left for left, _ in question.pairs]
    return st.one_of(
        st.none(), st.dictionaries(st.one_of(st.sampled_from(lefts), texts), some_text, max_size=6)
    )


@st.composite
def question_and_response(draw: st.DrawFn) -> tuple[Question, Response]:
    kind = draw(st.sampled_from(["choice", "multi", "truefalse", "numeric", "short", "order", "match"]))
    worth = draw(points)
    words = st.text(min_size=1, max_size=8)
    if kind == "choice":
        options = draw(st.lists(words, min_size=2, max_size=5, unique_by=str.casefold))
        question = q(kind, answer=options[0], distractors=tuple(options[1:]), points=worth)
    elif kind == "multi":
        options = draw(st.lists(words, min_size=2, max_size=7, unique_by=str.casefold))
        k = draw(st.integers(1, len(options) - 1))
        question = q(kind, answers=tuple(options[:k]), distractors=tuple(options[k:]), points=worth)
    elif kind == "truefalse":
        question = q(kind, answer=draw(st.booleans()), points=worth)
    elif kind == "numeric":
        tolerance = draw(st.one_of(st.floats(0, 100), st.integers(0, 50).map(lambda p: f"{p}%")))
        question = q(kind, answer=draw(st.floats(-1e6, 1e6)), tolerance=tolerance, points=worth)
    elif kind == "short":
        question = q(
            kind,
            answers=tuple(draw(st.lists(words, min_size=1, max_size=3))),
            fuzzy=draw(st.floats(0, 1)),
            points=worth,
        )
    elif kind == "order":
        question = q(
            kind, items=tuple(draw(st.lists(words, min_size=2, max_size=6, unique=True))), points=worth
        )
    else:
        lefts = draw(st.lists(words, min_size=2, max_size=5, unique=True))
        rights = draw(st.lists(words, min_size=len(lefts), max_size=len(lefts), unique=True))
        question = q(kind, pairs=tuple(zip(lefts, rights, strict=True)), points=worth)
    return question, draw(responses_for(question))


@settings(max_examples=400, deadline=None)
@given(question_and_response())
def test_every_score_stays_within_zero_and_points(case: tuple[Question, Response]) -> None:
    question, response = case
    result = grade(question, response)
    assert 0.0 <= result.fraction <= 1.0
    assert 0.0 <= result.earned <= question.points + 1e-9


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 9), min_size=2, max_size=8, unique=True), st.randoms())
def test_order_full_marks_only_for_the_right_order(items: list[int], rnd: Any) -> None:
    names = tuple(str(i) for i in items)
    shuffled = list(names)
    rnd.shuffle(shuffled)
    fraction = order_fraction(names, tuple(shuffled))
    assert (fraction == 1.0) == (tuple(shuffled) == names)
    assert order_fraction(names, tuple(reversed(names))) == 0.0
