"""The engine recording to a real store: a certainty given after the answer, an answer taken back."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import fsrs
import pytest

from tui.content.models import Question
from tui.quiz import FakeClock, QuizSession, SessionConfig, StoreRecorder
from tui.quiz.review import make_scheduler, review
from tui.store.db import Store, StoreError
from tui.store.records import CardState


def q(qid: str) -> Question:
    return Question(
        id=qid,
        type="choice",
        prompt=f"prompt {qid}",
        explanation="why",
        facts=(),
        tags=("t",),
        difficulty=1,
        bank="bank",
        answer="right",
        distractors=("wrong1", "wrong2"),
    )


QUESTIONS = [q("a"), q("b")]


def mature(qid: str, clock: FakeClock) -> CardState:
    """A card in the Review state, due a day ago (its next interval is long enough to be fuzzed)."""
    state = review(
        make_scheduler(fuzz=False), q(qid), None, fsrs.Rating.Easy, clock.now() - timedelta(days=30), 2
    )
    card = state.card
    due = fsrs.Card(
        card_id=1,
        state=card.state,
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=clock.now() - timedelta(days=1),
        last_review=card.last_review,
    )
    return replace(state, card=due)


def session(store: Store, clock: FakeClock, **config: Any) -> QuizSession:
    values: dict[str, Any] = {"seed": 4, "confidence": True, "shuffle": False}
    values.update(config)
    return QuizSession.create(
        QUESTIONS,
        SessionConfig(**values),
        clock=clock,
        recorder=StoreRecorder(store, "default"),
        cards=store.cards("default"),
    )


def reopen(path: Path) -> tuple[list[Any], dict[str, CardState]]:
    """What another process would find in the file right now."""
    with Store.open(path) as other:
        return other.attempts("default"), other.cards("default")


def test_answer_is_committed_before_the_certainty(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    clock = FakeClock()
    with Store.open(path) as store:
        s = session(store, clock)
        s.next_item()
        clock.advance(2)
        s.answer("right")
        (stored,), _ = reopen(path)  # as after a kill at the prompt
        assert stored.question_id == "a" and stored.correct and stored.confidence is None
        assert stored.marks is None and stored.seconds == 2
        s.set_confidence(3)
        (stored,), _ = reopen(path)
        assert stored.confidence == 3 and stored.marks == 3.0 and stored.id is not None
        s.next_item()
        s.answer("wrong1")
        s.finish()  # quitting at the prompt: the answer stays, without a certainty
    attempts, _ = reopen(path)
    assert [(a.question_id, a.confidence, a.marks) for a in attempts] == [("a", 3, 3.0), ("b", None, None)]


def test_review_certainty_later_stores_the_card_it_would_have_given(tmp_path: Path) -> None:
    clock = FakeClock()
    with Store.open(tmp_path / "direct.db") as store:
        store.save_card("default", mature("a", clock))
        s = session(store, FakeClock(clock.now()), mode="review")
        s.next_item()
        s.clock.advance(3)  # type: ignore[attr-defined]
        direct = s.answer("right", confidence=2)
        direct_card = store.cards("default")["a"]
    path = tmp_path / "later.db"
    with Store.open(path) as store:
        store.save_card("default", mature("a", clock))
        s = session(store, FakeClock(clock.now()), mode="review")
        s.next_item()
        s.clock.advance(3)  # type: ignore[attr-defined]
        first = s.answer("right")
        (row,), cards = reopen(path)
        assert row.rating == int(fsrs.Rating.Easy) and row.confidence is None
        assert cards["a"] == first.card
        later = s.set_confidence(2)
        (row,), cards = reopen(path)
    assert later.rating == direct.rating == row.rating == int(fsrs.Rating.Good)
    assert later.card == direct.card and cards["a"] == direct_card
    assert cards["a"].due != first.card.due  # type: ignore[union-attr]


def test_withdrawn_answer_is_deleted_and_its_card_restored(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    clock = FakeClock()
    before = mature("a", clock)
    with Store.open(path) as store:
        store.save_card("default", before)
        s = session(store, clock, mode="review", new_per_day=5)
        s.next_item()
        s.answer("wrong1")
        assert reopen(path)[1]["a"] != before
        s.withdraw()
        attempts, cards = reopen(path)
        assert attempts == [] and cards["a"] == before
        s.answer("right", confidence=3)
        s.next_item()  # b: new, it gets its first card
        s.answer("right")
        assert "b" in reopen(path)[1]
        s.withdraw()
        attempts, cards = reopen(path)
        assert [a.question_id for a in attempts] == ["a"] and "b" not in cards
    # practice mode never touches cards: taking back an answer leaves them alone
    with Store.open(path) as store:
        s = session(store, clock)
        s.next_item()
        s.answer("right")
        s.withdraw()
        attempts, cards = reopen(path)
        assert len(attempts) == 1 and set(cards) == {"a"}


def test_updating_an_unknown_answer_is_an_error(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store, pytest.raises(StoreError):
        store.update_attempt("default", 99, confidence=1, marks=1.0, rating=None)
