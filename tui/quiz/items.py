"""What a session puts in front of the learner: its questions in order, each question as an item
(choices, items and columns shuffled by a per-question seed), the per-choice or per-part feedback
after an answer, and the facts a question cites. Pure functions; `QuizSession` calls them.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime

from tui.content.models import Bank, Fact, Question, Seed
from tui.quiz.model import ChoiceFeedback, Item, PartFeedback, SessionConfig
from tui.quiz.review import pick_review
from tui.quiz.scoring import Response
from tui.store.records import CardState

FactLookup = Callable[[Question], Sequence[Fact]]


def fact_lookup(banks: Iterable[Bank], seeds: Mapping[str, Seed]) -> FactLookup:
    """Resolve a question's cited fact ids through its bank's seed (unknown ids are left out)."""
    bank_seed = {b.id: b.seed for b in banks}

    def lookup(question: Question) -> tuple[Fact, ...]:
        seed = seeds.get(bank_seed.get(question.bank, ""))
        if seed is None:
            return ()
        return tuple(f for f in (seed.fact(i) for i in question.facts) if f is not None)

    return lookup


def new_seed() -> int:
    return random.SystemRandom().randrange(1, 2**31)


def plan_questions(
    pool: Iterable[Question],
    config: SessionConfig,
    *,
    seed: int,
    cards: Mapping[str, CardState] | None = None,
    now: datetime | None = None,
) -> list[Question]:
    """The session's questions in order: filtered, then shuffled (or, in review mode, due first), then capped."""
    tags = set(config.tags)
    difficulty = set(config.difficulty)
    ids = set(config.question_ids)
    seen: set[str] = set()
    kept: list[Question] = []
    for q in pool:
        if q.id in seen:
            continue
        if tags and not tags.intersection(q.tags):
            continue
        if difficulty and q.difficulty not in difficulty:
            continue
        if ids and q.id not in ids:
            continue
        seen.add(q.id)
        kept.append(q)
    if config.mode == "review":
        if now is None:
            raise ValueError("review mode needs `now`")
        kept = pick_review(kept, cards or {}, now, config.new_per_day)
    elif config.shuffle:
        random.Random(seed).shuffle(kept)
    if config.count is not None:
        kept = kept[: config.count]
    return kept


def present(
    question: Question,
    number: int,
    total: int,
    seed: int,
    shuffle: bool,
    when: datetime,
    time_limit: float | None,
) -> Item:
    """The item for one question: its choices, items or columns shuffled by a per-question RNG."""
    rng = random.Random(f"{seed}:{question.id}")

    def mixed(values: Sequence[str]) -> tuple[str, ...]:
        out = list(values)
        if shuffle:
            rng.shuffle(out)
        return tuple(out)

    choices: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    lefts: tuple[str, ...] = ()
    rights: tuple[str, ...] = ()
    if question.type in ("choice", "multi"):
        choices = mixed(question.choices)
    elif question.type == "truefalse":
        choices = ("True", "False")
    elif question.type == "order":
        items = mixed(question.items)
        if shuffle and len(items) > 1 and items == question.items:
            items = items[1:] + items[:1]  # never show the answer as the starting order
    elif question.type == "match":
        lefts = mixed([left for left, _ in question.pairs])
        rights = mixed(list(dict.fromkeys(right for _, right in question.pairs)))
    return Item(
        number=number,
        total=total,
        question=question,
        presented_at=when,
        choices=choices,
        items=items,
        lefts=lefts,
        rights=rights,
        time_limit=time_limit,
    )


def feedback_for(
    item: Item, response: Response
) -> tuple[tuple[ChoiceFeedback, ...], tuple[PartFeedback, ...]]:
    """Per-choice feedback (choice, multi, truefalse) or per-part feedback (order, match)."""
    q = item.question
    notes = {k.casefold(): v for k, v in q.feedback.items()}
    if q.type in ("choice", "multi", "truefalse"):
        out = []
        for text in item.choices:
            if q.type == "choice":
                right = text == q.answer
                chosen = isinstance(response, str) and response.casefold() == text.casefold()
            elif q.type == "multi":
                right = text in q.answers
                chosen = isinstance(response, frozenset) and text in response
            else:
                value = text == "True"
                right = value == q.answer
                chosen = isinstance(response, bool) and response == value
            out.append(ChoiceFeedback(text, right, chosen, notes.get(text.casefold())))
        return tuple(out), ()
    if q.type == "order":
        given = response if isinstance(response, tuple) else ()
        return (), tuple(
            PartFeedback(
                str(i + 1),
                given[i] if i < len(given) else None,
                expected,
                i < len(given) and given[i] == expected,
            )
            for i, expected in enumerate(q.items)
        )
    if q.type == "match":
        chosen_map: Mapping[str, str] = response if isinstance(response, Mapping) else {}
        expected_map = dict(q.pairs)
        return (), tuple(
            PartFeedback(
                left, chosen_map.get(left), expected_map[left], chosen_map.get(left) == expected_map[left]
            )
            for left in item.lefts
        )
    return (), ()
