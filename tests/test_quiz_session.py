"""The quiz engine as a state machine: modes, timers (a fake clock, no sleeps), results, review scheduling."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import fsrs
import pytest

from tui.content.models import Bank, Fact, Question, Seed
from tui.quiz import (
    AnswerResult,
    FakeClock,
    QuizSession,
    Results,
    SessionConfig,
    SessionError,
    fact_lookup,
    plan_questions,
)
from tui.quiz.marks import blitz_points, calibration, certainty_marks, streak_bonus
from tui.quiz.review import make_scheduler, pick_review, rating_for, review
from tui.store.records import CardState


def q(qid: str, type_: str = "choice", **kw: Any) -> Question:
    base: dict[str, Any] = dict(
        id=qid,
        type=type_,
        prompt=f"prompt {qid}",
        explanation=f"why {qid}",
        facts=("f1",),
        tags=("t",),
        difficulty=1,
        bank="bank",
    )
    if type_ == "choice":
        base.update(answer="right", distractors=("wrong1", "wrong2", "wrong3"))
    base.update(kw)
    return Question(**base)


SEED = Seed(
    id="s",
    title="S",
    origin="o",
    facts=(Fact("f1", "Fact one.", "reported", "a"), Fact("f2", "Fact two.", "opinion", "a")),
)
QUESTIONS = [
    q("c1", tags=("cost",), difficulty=1, feedback={"wrong1": "Not that one."}),
    q("c2", tags=("cost", "chips"), difficulty=2),
    q("m1", "multi", answers=("a", "b"), distractors=("c", "d"), tags=("labs",), difficulty=2, points=2),
    q("n1", "numeric", answer=10.0, tolerance=1, tags=("chips",), difficulty=3, facts=("f1", "f2")),
    q("o1", "order", items=("x", "y", "z"), tags=("labs",), difficulty=3),
    q("p1", "match", pairs=(("k1", "v1"), ("k2", "v2")), tags=("cost",), difficulty=1),
]
BANK = Bank(id="bank", title="Bank", seed="s", questions=tuple(QUESTIONS))
LOOKUP = fact_lookup([BANK], {"s": SEED})

RIGHT: dict[str, Any] = {
    "c1": "right",
    "c2": "right",
    "m1": frozenset({"a", "b"}),
    "n1": 10.0,
    "o1": ("x", "y", "z"),
    "p1": {"k1": "v1", "k2": "v2"},
}


class Spy:
    """A recorder that remembers what it was told (and can fail on demand)."""

    def __init__(self) -> None:
        self.events: list[tuple[str, Any]] = []
        self.fail = False

    def session_started(self, session: QuizSession) -> int | None:
        self.events.append(("start", session.seed))
        return 42

    def answered(self, session: QuizSession, result: AnswerResult) -> int | None:
        if self.fail:
            raise OSError("disk full")
        self.events.append(("answer", result.question.id))
        return len(self.events)

    def confidence_given(self, session: QuizSession, result: AnswerResult, record: int | None) -> None:
        if self.fail:
            raise OSError("disk full")
        self.events.append(("confidence", (record, result.confidence, result.marks, result.rating)))

    def withdrawn(
        self, session: QuizSession, result: AnswerResult, record: int | None, card: CardState | None
    ) -> None:
        self.events.append(("withdrawn", (record, card)))

    def session_finished(self, session: QuizSession, results: Results) -> None:
        self.events.append(("finish", results.earned))


def session(config: SessionConfig | None = None, clock: FakeClock | None = None, **kw: Any) -> QuizSession:
    return QuizSession.create(
        QUESTIONS, config or SessionConfig(seed=1), clock=clock or FakeClock(), facts=LOOKUP, **kw
    )


def test_filters_count_and_reproducible_shuffle() -> None:
    def ids(config: SessionConfig) -> list[str]:
        return [x.id for x in plan_questions(QUESTIONS, config, seed=config.seed or 0)]

    assert sorted(ids(SessionConfig(seed=1, tags=("cost",)))) == ["c1", "c2", "p1"]
    assert sorted(ids(SessionConfig(seed=1, difficulty=(3,)))) == ["n1", "o1"]
    assert sorted(ids(SessionConfig(seed=1, tags=("cost",), difficulty=(1,)))) == ["c1", "p1"]
    assert ids(SessionConfig(seed=1, question_ids=("m1",))) == ["m1"]
    assert len(ids(SessionConfig(seed=1, count=4))) == 4
    assert ids(SessionConfig(seed=7)) == ids(SessionConfig(seed=7))
    assert ids(SessionConfig(seed=1, shuffle=False)) == [x.id for x in QUESTIONS]
    orders = {tuple(ids(SessionConfig(seed=s))) for s in range(10)}
    assert len(orders) > 1


def test_choices_shuffled_by_seed() -> None:
    def shown(seed: int) -> dict[str, tuple[str, ...]]:
        s = session(SessionConfig(seed=seed))
        out = {}
        while (item := s.next_item()) is not None:
            out[item.id] = item.choices or item.items or item.rights
            s.skip()
        return out

    assert shown(3) == shown(3)
    assert len({shown(s)["c1"] for s in range(12)}) > 1
    assert all(shown(s)["o1"] != ("x", "y", "z") for s in range(12))  # never starts in the right order


def test_practice_loop_scores_and_explains() -> None:
    clock = FakeClock()
    spy = Spy()
    s = session(SessionConfig(seed=5, question_ids=("c1",)), clock, recorder=spy)
    assert s.state == "ready" and s.shows_feedback
    item = s.next_item()
    assert item is not None and s.state == "asking" and s.next_item() is item  # idempotent while asking
    assert set(item.choices) == {"right", "wrong1", "wrong2", "wrong3"}
    clock.advance(4)
    result = s.answer("wrong1")
    assert s.state == "answered" and s.id == 42
    assert result.verdict == "wrong" and result.earned == 0 and result.seconds == 4
    assert result.right_answer == "right"
    assert result.chosen_feedback == ("Not that one.",)
    picked = [c for c in result.choices if c.chosen]
    assert [(c.text, c.right) for c in picked] == [("wrong1", False)]
    assert [c.text for c in result.choices if c.right] == ["right"]
    assert result.explanation == "why c1"
    assert [(f.id, f.kind) for f in result.facts] == [("f1", "reported")]
    with pytest.raises(SessionError):
        s.answer("right")
    assert s.next_item() is None and s.is_finished
    assert spy.events == [("start", 5), ("answer", "c1"), ("finish", 0.0)]


def test_every_type_right_gets_full_points_and_results_add_up() -> None:
    clock = FakeClock()
    s = session(SessionConfig(seed=2), clock)
    while (item := s.next_item()) is not None:
        clock.advance(10)
        s.answer(RIGHT[item.id] if item.id != "o1" else ("y", "x", "z"))  # o1: one pair of three wrong
    results = s.finish()
    assert results.possible == 7  # m1 is worth 2
    assert results.earned == pytest.approx(6 + 2 / 3)
    assert results.percent == pytest.approx(100 * (6 + 2 / 3) / 7)
    assert results.seconds == 60 and results.complete
    assert [x.id for x in results.missed] == ["o1"]
    assert results.by_difficulty[3].questions == 2 and results.by_difficulty[3].correct == 1
    assert results.by_tag["labs"].possible == 3 and results.by_tag["labs"].earned == pytest.approx(2 + 2 / 3)
    assert results.by_tag["cost"].correct == 3
    parts = next(a for a in results.answers if a.question.id == "o1").parts
    assert [(p.given, p.expected, p.right) for p in parts] == [
        ("y", "x", False),
        ("x", "y", False),
        ("z", "z", True),
    ]


def test_retry_missed_builds_a_session_of_just_those() -> None:
    s = session(SessionConfig(seed=4))
    while (item := s.next_item()) is not None:
        if item.id in ("c2", "n1"):
            s.answer(RIGHT[item.id])
        else:
            s.skip()
    retry = s.retry_missed()
    assert retry is not None
    assert sorted(x.id for x in retry.questions) == ["c1", "m1", "o1", "p1"]
    assert retry.config.mode == "practice"
    while (item := retry.next_item()) is not None:
        retry.answer(RIGHT[item.id])
    assert retry.retry_missed() is None


def test_leaving_early_keeps_the_answered_and_scores_only_them() -> None:
    s = session(SessionConfig(seed=1))
    s.next_item()
    s.answer(RIGHT[s.answers[0].question.id] if s.answers else RIGHT[s.questions[0].id])
    s.next_item()
    results = s.finish()
    assert len(results.answers) == 1 and len(results.unanswered) == 5 and not results.complete
    assert results.possible == s.questions[0].points


def test_recorder_failure_does_not_advance() -> None:
    spy = Spy()
    s = session(SessionConfig(seed=1, question_ids=("c1",)), recorder=spy)
    s.next_item()
    spy.fail = True
    with pytest.raises(OSError):
        s.answer("right")
    assert s.state == "asking" and not s.answers
    spy.fail = False
    assert s.answer("right").correct


def test_exam_hides_feedback_and_ends_when_time_is_up() -> None:
    clock = FakeClock()
    s = session(SessionConfig(mode="exam", seed=1, time_limit=60), clock)
    assert not s.shows_feedback
    assert s.exam_time_left() == 60
    first = s.next_item()
    assert first is not None
    clock.advance(20)
    s.answer(RIGHT[first.id])
    assert s.time_left() == 40
    s.next_item()
    clock.advance(41)
    late = s.check_time()
    assert late is not None and late.timed_out and late.earned == 0
    assert s.is_finished and s.next_item() is None
    results = s.results()
    assert len(results.answers) == 2 and len(results.expired) == 4
    assert results.possible == sum(x.points for x in QUESTIONS)
    assert len(results.missed) == 5


def test_exam_answer_after_the_deadline_is_out_of_time() -> None:
    clock = FakeClock()
    s = session(SessionConfig(mode="exam", seed=1, time_limit=30), clock)
    item = s.next_item()
    assert item is not None
    clock.advance(31)
    result = s.answer(RIGHT[item.id])
    assert result.timed_out and result.earned == 0 and result.verdict == "out of time"
    assert s.is_finished and len(s.results().expired) == 5


def test_blitz_points_fall_with_time_and_streaks_add_a_bonus() -> None:
    assert blitz_points(1, 1, 0, 20) == 1
    assert blitz_points(1, 1, 20, 20) == 0.5
    assert blitz_points(1, 1, 10, 20) == 0.75
    assert blitz_points(1, 1, 21, 20) == 0
    assert blitz_points(2, 0.5, 0, 20) == 1
    assert [streak_bonus(1, n) for n in (1, 2, 3, 6, 9)] == [0, 0.1, 0.2, 0.5, 0.5]

    clock = FakeClock()
    config = SessionConfig(
        mode="blitz", seed=1, question_ids=("c1", "c2", "n1"), blitz_seconds=20, shuffle=False
    )
    s = session(config, clock)
    s.next_item()
    assert s.item_time_left() == 20
    first = s.answer("right")  # instant
    assert first.blitz == 1 and first.streak == 1
    s.next_item()
    clock.advance(10)
    second = s.answer("right")
    assert second.blitz == pytest.approx(0.75 + 0.1) and second.streak == 2
    s.next_item()
    clock.advance(25)
    third = s.check_time()
    assert third is not None and third.timed_out and third.blitz == 0 and third.streak == 0
    results = s.finish()
    assert results.blitz == pytest.approx(1.85)
    assert results.earned == 2  # the base score does not include time


def test_blitz_uses_the_question_time_limit() -> None:
    clock = FakeClock()
    s = QuizSession.create([q("t1", time_limit=8)], SessionConfig(mode="blitz", seed=1), clock=clock)
    item = s.next_item()
    assert item is not None and item.time_limit == 8
    clock.advance(9)
    result = s.answer("right")
    assert result.timed_out and result.earned == 0


def test_confidence_marks_and_calibration() -> None:
    assert [certainty_marks(c, True) for c in (1, 2, 3)] == [1, 2, 3]
    assert [certainty_marks(c, False) for c in (1, 2, 3)] == [0, -2, -6]
    s = session(SessionConfig(seed=1, confidence=True, question_ids=("c1", "c2", "n1")))
    answers = iter([("right", 3), ("wrong1", 3), ("right", 1)])
    while (item := s.next_item()) is not None:
        text, level = next(answers)
        response: Any = text if item.type == "choice" else (10.0 if text == "right" else 0.0)
        s.answer(response, confidence=level)
    cal = s.finish().calibration
    assert cal is not None
    assert cal.marks == 3 - 6 + 1 and cal.max_marks == 9
    assert [(lv.level, lv.answers, lv.correct) for lv in cal.levels] == [(1, 1, 1), (2, 0, 0), (3, 2, 1)]
    assert cal.brier == pytest.approx(((0.9 - 1) ** 2 + 0.9**2 + (0.5 - 1) ** 2) / 3)
    assert calibration([]).brier is None
    with pytest.raises(ValueError):
        certainty_marks(4, True)


def test_answer_is_stored_before_its_certainty_then_updated() -> None:
    clock = FakeClock()
    spy = Spy()
    config = SessionConfig(seed=1, confidence=True, question_ids=("c1", "c2"), shuffle=False)
    s = session(config, clock, recorder=spy)
    s.next_item()
    clock.advance(3)
    first = s.answer("right")  # no certainty yet: stored now, waiting for one
    assert spy.events[-1] == ("answer", "c1")
    assert first.confidence is None and first.marks is None
    assert s.awaiting_confidence is first and s.state == "answered"
    clock.advance(20)  # thinking about the certainty does not count as answer time
    marked = s.set_confidence(3)
    assert marked.confidence == 3 and marked.marks == 3 and marked.seconds == 3
    assert spy.events[-1] == ("confidence", (2, 3, 3.0, None))  # the stored answer (record 2) updated
    assert s.awaiting_confidence is None and s.answers == (marked,)
    with pytest.raises(SessionError):
        s.set_confidence(2)  # given once
    # The next question: the learner moves on from the prompt without a certainty.
    s.next_item()
    s.answer("wrong1")
    assert s.awaiting_confidence is not None
    assert s.next_item() is None  # moving on leaves it without one
    with pytest.raises(SessionError):
        s.set_confidence(1)
    results = s.results()
    assert [a.confidence for a in results.answers] == [3, None]
    assert results.calibration is not None and results.calibration.answers == 1


def test_only_a_given_answer_awaits_a_certainty() -> None:
    s = session(SessionConfig(seed=1, confidence=True, question_ids=("c1", "c2")))
    s.next_item()
    s.skip()
    assert s.awaiting_confidence is None
    s.next_item()
    s.answer("right", confidence=2)  # known already: nothing to wait for
    assert s.awaiting_confidence is None
    plain = session(SessionConfig(seed=1, question_ids=("c1",)))  # confidence marking off
    plain.next_item()
    plain.answer("right")
    assert plain.awaiting_confidence is None
    with pytest.raises(SessionError):
        plain.set_confidence(2)
    marked = session(SessionConfig(seed=1, confidence=True, question_ids=("c1",)))
    marked.next_item()
    marked.answer("right")
    with pytest.raises(ValueError):
        marked.set_confidence(4)
    assert marked.awaiting_confidence is not None


def test_withdraw_takes_the_answer_back() -> None:
    clock = FakeClock()
    spy = Spy()
    config = SessionConfig(seed=1, confidence=True, question_ids=("c1", "c2"), shuffle=False)
    s = session(config, clock, recorder=spy)
    s.next_item()
    s.answer("right", confidence=1)
    item = s.next_item()
    clock.advance(2)
    s.answer("wrong1")
    assert s.streak == 0
    again = s.withdraw()
    assert again is item and s.current is item and s.state == "asking"
    assert spy.events[-1] == ("withdrawn", (3, None)) and len(s.answers) == 1 and s.streak == 1
    clock.advance(3)
    result = s.answer("right")
    assert result.seconds == 5  # the timer ran on from when the item was first shown
    assert s.set_confidence(2).marks == 2 and s.streak == 2
    with pytest.raises(SessionError):
        s.withdraw()


def test_certainty_after_the_answer_schedules_as_if_given_with_it() -> None:
    """Review mode: the card recomputed from its state before the answer matches answering with the level."""
    clock = FakeClock()
    known = {"c1": mature("c1", clock)}  # reviewed a month ago, due: the next interval is fuzzed
    config = SessionConfig(mode="review", seed=9, confidence=True, question_ids=("c1",))

    def run(later: bool, level: int | None) -> AnswerResult:
        s = session(config, FakeClock(clock.now()), cards=known)
        s.next_item()
        s.clock.advance(4)  # type: ignore[attr-defined]
        if later:
            s.answer("right")
            return s.set_confidence(level) if level is not None else s.answers[-1]
        return s.answer("right", confidence=level)

    for level in (1, 2, 3):
        after, direct = run(True, level), run(False, level)
        assert after.rating == direct.rating and after.card == direct.card
        assert after.card is not None and after.card.card.due > clock.now() + timedelta(days=2)
    assert run(True, 1).rating == int(fsrs.Rating.Hard)
    unmarked = run(True, None)  # the learner left at the prompt: rated as without certainty marking
    assert unmarked.rating == int(fsrs.Rating.Easy) and unmarked.card == run(False, None).card
    # the card before the answer is what the recomputation starts from
    assert known["c1"].reps == 1


def test_withdraw_in_review_mode_restores_the_card() -> None:
    clock = FakeClock()
    spy = Spy()
    before = card("c1", clock, -1)
    config = SessionConfig(mode="review", seed=9, confidence=True, question_ids=("c1", "c2"), new_per_day=5)
    s = session(config, clock, recorder=spy, cards={"c1": before})
    assert [x.id for x in s.questions] == ["c1", "c2"]
    s.next_item()
    s.answer("wrong1")
    assert s.cards["c1"] != before
    s.withdraw()
    assert s.cards["c1"] == before and spy.events[-1] == ("withdrawn", (2, before))
    s.answer("right", confidence=3)
    s.next_item()
    s.answer("right")
    assert "c2" in s.cards
    s.withdraw()
    assert "c2" not in s.cards and spy.events[-1] == ("withdrawn", (5, None))


def test_answer_time_can_leave_out_the_confidence_pause() -> None:
    clock = FakeClock()
    s = session(SessionConfig(seed=1, confidence=True, question_ids=("c1",)), clock)
    s.next_item()
    clock.advance(3)
    submitted = clock.now()
    clock.advance(30)
    result = s.answer("right", confidence=2, answered_at=submitted)
    assert result.seconds == 3 and result.marks == 2


# ------------------------------------------------------------------ review (FSRS)


def test_rating_mapping() -> None:
    assert rating_for(False, 1, 30) == fsrs.Rating.Again
    assert rating_for(True, 1, 30) == fsrs.Rating.Easy
    assert rating_for(True, 1, 30, confidence=3) == fsrs.Rating.Easy
    assert rating_for(True, 1, 30, confidence=2) == fsrs.Rating.Good
    assert rating_for(True, 1, 30, confidence=1) == fsrs.Rating.Hard
    assert rating_for(True, 15, 30) == fsrs.Rating.Good
    assert rating_for(True, 25, 30) == fsrs.Rating.Hard


def card(qid: str, clock: FakeClock, due_in_days: float) -> CardState:
    scheduler = make_scheduler(fuzz=False)
    state = review(scheduler, q(qid), None, fsrs.Rating.Good, clock.now() - timedelta(days=30), 5)
    state = replace(state, card=replace_due(state.card, clock.now() + timedelta(days=due_in_days)))
    return state


def mature(qid: str, clock: FakeClock) -> CardState:
    """A card in the Review state, due a day ago: its next interval is long enough to be fuzzed."""
    state = review(
        make_scheduler(fuzz=False), q(qid), None, fsrs.Rating.Easy, clock.now() - timedelta(days=30), 2
    )
    assert state.card.state == fsrs.State.Review
    return replace(state, card=replace_due(state.card, clock.now() - timedelta(days=1)))


def replace_due(c: fsrs.Card, due: Any) -> fsrs.Card:
    return fsrs.Card(
        card_id=1,
        state=c.state,
        step=c.step,
        stability=c.stability,
        difficulty=c.difficulty,
        due=due,
        last_review=c.last_review,
    )


def test_review_picks_due_first_then_new_up_to_the_daily_cap() -> None:
    clock = FakeClock()
    cards = {"c2": card("c2", clock, -1), "n1": card("n1", clock, -3), "o1": card("o1", clock, 5)}
    picked = pick_review(QUESTIONS, cards, clock.now(), new_per_day=2)
    assert [x.id for x in picked] == ["n1", "c2", "c1", "m1"]  # most overdue first; o1 is not due
    started_today = dict(cards, x=replace(card("x", clock, 2), created=clock.now()))
    assert [x.id for x in pick_review(QUESTIONS, started_today, clock.now(), 2)] == ["n1", "c2", "c1"]
    assert [x.id for x in pick_review(QUESTIONS, cards, clock.now(), 0)] == ["n1", "c2"]


def test_review_session_updates_cards_and_retry_is_practice() -> None:
    clock = FakeClock()
    spy = Spy()
    config = SessionConfig(mode="review", seed=1, new_per_day=3)
    s = session(config, clock, recorder=spy, scheduler=make_scheduler(fuzz=False))
    assert [x.id for x in s.questions] == ["c1", "c2", "m1"]  # all new, bank order, capped
    item = s.next_item()
    assert item is not None
    clock.advance(2)
    fast = s.answer("right")
    assert fast.rating == int(fsrs.Rating.Easy)
    assert fast.card is not None and fast.card.due > clock.now() and fast.card.reps == 1
    s.next_item()
    wrong = s.answer("wrong2")
    assert wrong.rating == int(fsrs.Rating.Again)
    assert wrong.card is not None and wrong.card.due < clock.now() + timedelta(hours=1)
    assert set(s.cards) == {"c1", "c2"}
    s.next_item()
    s.skip()
    retry = s.retry_missed()
    assert retry is not None and retry.config.mode == "practice"
    assert sorted(x.id for x in retry.questions) == ["c2", "m1"]
    # a second review the same day: c1 is not due, c2 (again) soon will be; no new questions are left today
    clock.advance(minutes=15)
    again = session(config, clock, cards=s.cards)
    assert [x.id for x in again.questions] == ["c2", "m1"]


def test_seeded_fuzz_gives_reproducible_due_dates() -> None:
    """Fuzz is drawn from the session seed: the same seed, the same due dates; other seeds spread them."""
    clock = FakeClock()
    known = {qid: mature(qid, clock) for qid in ("c1", "c2")}

    def dues(seed: int) -> tuple[Any, ...]:
        s = session(
            SessionConfig(mode="review", seed=seed, shuffle=False), FakeClock(clock.now()), cards=known
        )
        out = []
        while (item := s.next_item()) is not None:
            if item.id in known:
                out.append(s.answer("right").card.due)  # type: ignore[union-attr]
            else:
                s.skip()
        return tuple(out)

    assert dues(5) == dues(5)
    assert len({dues(seed) for seed in range(12)}) > 1
    unfuzzed = review(make_scheduler(fuzz=False), q("c1"), known["c1"], fsrs.Rating.Easy, clock.now(), 1)
    assert any(d[0] != unfuzzed.due for d in (dues(seed) for seed in range(12)))


def test_seeded_fuzz_is_fsrs_fuzz_with_its_own_random_source(monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    import fsrs.scheduler

    clock = FakeClock()
    before = mature("c1", clock)
    for seed in range(8):
        ours = review(
            make_scheduler(), q("c1"), before, fsrs.Rating.Easy, clock.now(), 1, rng=random.Random(seed)
        )
        monkeypatch.setattr(fsrs.scheduler, "random", random.Random(seed).random)
        theirs = review(make_scheduler(), q("c1"), before, fsrs.Rating.Easy, clock.now(), 1)
        assert ours == theirs
    # and the draw does not touch the process-wide random state
    random.seed(3)
    expected = random.random()
    random.seed(3)
    review(make_scheduler(), q("c1"), before, fsrs.Rating.Easy, clock.now(), 1, rng=random.Random(1))
    assert random.random() == expected


def test_config_is_checked() -> None:
    with pytest.raises(ValueError):
        SessionConfig(mode="cram")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        SessionConfig(count=0)
    with pytest.raises(ValueError):
        SessionConfig(difficulty=(4,))
    s = session(SessionConfig(seed=1, shuffle=False))
    s.next_item()
    with pytest.raises(ValueError):
        s.answer(1)  # a choice question takes the choice's text
    with pytest.raises(ValueError):
        s.answer("right", confidence=5)
    assert s.state == "asking"


def test_certainty_after_an_exam_ran_out_still_counts() -> None:
    clock = FakeClock()
    s = session(
        SessionConfig(mode="exam", seed=1, confidence=True, time_limit=60, question_ids=("c1", "c2")), clock
    )
    s.next_item()
    s.answer("right")  # in time; the clock runs out while the learner weighs the certainty
    clock.advance(61)
    assert s.check_time() is None and s.is_finished
    with pytest.raises(SessionError):
        s.withdraw()  # too late to answer again
    s.set_confidence(2)
    cal = s.results().calibration
    assert cal is not None and cal.answers == 1 and cal.marks == 2
    assert len(s.results().expired) == 1
