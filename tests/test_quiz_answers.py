"""Reading typed answer lines (plain mode) into responses."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from tui.content.models import Question
from tui.quiz.answers import AnswerError, letter, parse_answer, parse_number
from tui.quiz.model import Item

NOW = datetime(2025, 1, 27, tzinfo=UTC)


def item(type_: str, shown: dict[str, Any] | None = None, **kw: Any) -> Item:
    shown = dict(shown or {})
    shown.update({k: kw.pop(k) for k in ("choices", "lefts", "rights") if k in kw})
    question = Question(id="q", type=type_, prompt="?", explanation="", facts=(), tags=(), difficulty=1, **kw)  # type: ignore[arg-type]
    return Item(number=1, total=1, question=question, presented_at=NOW, **shown)


def test_choice_by_number_or_text() -> None:
    it = item("choice", answer="H800", distractors=("H100",), choices=("H100", "H800"))
    assert parse_answer(it, "2") == "H800"
    assert parse_answer(it, " h800 ") == "H800"
    with pytest.raises(AnswerError, match="no choice 3"):
        parse_answer(it, "3")
    with pytest.raises(AnswerError, match=r"Cannot read 'x'.*number of your choice \(1-2\)"):
        parse_answer(it, "x")
    with pytest.raises(AnswerError):
        parse_answer(it, "   ")


def test_truefalse() -> None:
    it = item("truefalse", answer=True, choices=("True", "False"))
    assert parse_answer(it, "1") is True
    assert parse_answer(it, "2") is False
    assert parse_answer(it, "False") is False
    assert parse_answer(it, "yes") is True
    with pytest.raises(AnswerError):
        parse_answer(it, "1,2")


def test_multi() -> None:
    it = item("multi", answers=("a",), distractors=("b", "c"), choices=("b", "a", "c"))
    assert parse_answer(it, "1,3") == frozenset({"b", "c"})
    assert parse_answer(it, "2 3 2") == frozenset({"a", "c"})
    with pytest.raises(AnswerError, match="no choice 4"):
        parse_answer(it, "1,4")
    with pytest.raises(AnswerError):
        parse_answer(it, "one")


def test_numeric() -> None:
    it = item("numeric", answer=2.788, unit="million GPU-hours")
    assert parse_answer(it, "2.788") == 2.788
    assert parse_answer(it, "2.8 million") == 2.8
    assert parse_number("2,048") == 2048
    assert parse_number("$5.6") == 5.6
    assert parse_number("-3") == -3
    assert parse_number("40%") == 40
    assert parse_number("1e3") == 1000
    assert parse_number(".5") == 0.5
    with pytest.raises(AnswerError, match="number"):
        parse_answer(it, "lots")
    with pytest.raises(AnswerError):
        parse_answer(it, "5 apples")


def test_short_takes_the_text() -> None:
    assert parse_answer(item("short", answers=("x",)), "  Deep Seek ") == "Deep Seek"


def test_order_names_every_item_once() -> None:
    it = item("order", {"items": ("c", "a", "b")}, items=("a", "b", "c"))
    assert parse_answer(it, "2 3 1") == ("a", "b", "c")
    assert parse_answer(it, "2,3,1") == ("a", "b", "c")
    with pytest.raises(AnswerError, match="each of the 3 items once"):
        parse_answer(it, "2 3")
    with pytest.raises(AnswerError):
        parse_answer(it, "2 2 1")


def test_match_pairs_numbers_with_letters() -> None:
    it = item(
        "match",
        pairs=(("x", "1"),),
        lefts=("OpenAI", "DeepSeek", "Mistral"),
        rights=("China", "France", "US"),
    )
    assert parse_answer(it, "1c 2a 3b") == {"OpenAI": "US", "DeepSeek": "China", "Mistral": "France"}
    assert parse_answer(it, "1C,2a,3-b") == {"OpenAI": "US", "DeepSeek": "China", "Mistral": "France"}
    with pytest.raises(AnswerError, match="no letter d"):
        parse_answer(it, "1d 2a 3b")
    with pytest.raises(AnswerError, match="no item 4"):
        parse_answer(it, "4a")
    with pytest.raises(AnswerError, match="paired twice"):
        parse_answer(it, "1a 1b 3c")
    with pytest.raises(AnswerError):
        parse_answer(it, "hello")
    with pytest.raises(AnswerError):
        parse_answer(it, "")


def test_match_answers_may_be_partial() -> None:
    """Unpaired items are allowed (they score as wrong); malformed lines are still refused."""
    it = item(
        "match",
        pairs=(("OpenAI", "US"), ("DeepSeek", "China"), ("Mistral", "France")),
        lefts=("OpenAI", "DeepSeek", "Mistral"),
        rights=("China", "France", "US"),
    )
    assert parse_answer(it, "1c 3b") == {"OpenAI": "US", "Mistral": "France"}
    assert parse_answer(it, "2a") == {"DeepSeek": "China"}
    with pytest.raises(AnswerError, match="unpaired ones count as wrong"):
        parse_answer(it, "")
    # each letter belongs to one item here: a letter twice is a slip, said plainly
    with pytest.raises(AnswerError, match=r"Letter a is used twice \(items 1 and 2\)"):
        parse_answer(it, "1a 2a")
    with pytest.raises(AnswerError, match="no letter z"):
        parse_answer(it, "1c 2z")
    with pytest.raises(AnswerError):
        parse_answer(it, "1c 2a x")

    from tui.quiz.scoring import grade

    g = grade(it.question, parse_answer(it, "1c 3a"))  # one right, one wrong, one unpaired
    assert g.fraction == pytest.approx(1 / 3) and g.verdict == "partly right"


def test_match_letters_may_repeat_when_answers_are_shared() -> None:
    """When two items share an answer (fewer letters than items), a letter may be used twice."""
    it = item(
        "match",
        pairs=(("OpenAI", "US"), ("Anthropic", "US"), ("DeepSeek", "China")),
        lefts=("OpenAI", "Anthropic", "DeepSeek"),
        rights=("US", "China"),
    )
    assert parse_answer(it, "1a 2a") == {"OpenAI": "US", "Anthropic": "US"}


def test_letters() -> None:
    assert [letter(i) for i in (0, 1, 25, 26, 27)] == ["a", "b", "z", "aa", "ab"]
