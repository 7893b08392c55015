"""Scoring, exactly as DESIGN.md says: each question earns 0..1 of its points.

- choice, truefalse, numeric, short: all or nothing.
- multi: +1/k per right pick, -1/k per wrong pick, floor 0 (k = number of right answers).
- order: the share of item pairs placed in the right relative order.
- match: the share of pairs matched right.
- numeric: right when within the tolerance (absolute, or a percentage of the answer).
- short: right when, after normalising case, spacing and punctuation, the text equals an
  accepted form or its rapidfuzz similarity (`fuzz.ratio` / 100) is at least the question's `fuzzy`.

A *response* is given in content terms, never in screen positions, so the
shuffle cannot change a score:

| type      | response                                    |
|-----------|---------------------------------------------|
| choice    | `str`, the chosen choice's text             |
| truefalse | `bool`                                      |
| multi     | `frozenset[str]` (any collection of texts)  |
| numeric   | `float` (or `int`)                          |
| short     | `str`                                       |
| order     | `tuple[str, ...]`, the items in the learner's order |
| match     | `Mapping[str, str]`, left item -> chosen right item |

`None` means no answer (skipped or timed out) and scores 0.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TypeAlias

from rapidfuzz import fuzz

from tui.content.models import Question

Response: TypeAlias = str | bool | float | int | frozenset[str] | tuple[str, ...] | Mapping[str, str] | None

FULL = 1.0 - 1e-9  # a fraction at or above this is "right" (guards float sums like 1/3 * 3)


class ResponseError(ValueError):
    """A response of the wrong shape for the question's type (a programming error in the caller)."""


@dataclass(frozen=True, slots=True)
class Grade:
    """The outcome of scoring one response: `fraction` of the points, 0..1."""

    fraction: float
    points: float

    @property
    def earned(self) -> float:
        return self.fraction * self.points

    @property
    def correct(self) -> bool:
        """Full credit."""
        return self.fraction >= FULL

    @property
    def verdict(self) -> str:
        """`right`, `partly right` or `wrong`."""
        if self.correct:
            return "right"
        return "partly right" if self.fraction > 0 else "wrong"


def normalise(text: str) -> str:
    """Fold case, accents, spacing and punctuation: `"  U.S.-made  Chips!"` -> `"us made chips"`."""
    decomposed = [
        ch for ch in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(ch)
    ]
    out: list[str] = []
    for i, ch in enumerate(decomposed):
        if ch.isalnum():
            out.append(ch)
        elif ch.isspace() or ch in "-‐‑‒–—/_":
            out.append(" ")
        elif (
            ch == "."
            and 0 < i < len(decomposed) - 1
            and decomposed[i - 1].isdigit()
            and decomposed[i + 1].isdigit()
        ):
            out.append(ch)  # a decimal point: "3.5" stays apart from "35"
        # other punctuation is dropped: "U.S." -> "us", "DeepSeek's" -> "deepseeks", "2,048" -> "2048"
    return " ".join("".join(out).split())


def check_response(question: Question, response: Response) -> Response:
    """The response in its canonical form, or `ResponseError` if its shape does not fit the type."""
    if response is None:
        return None
    qtype = question.type
    if qtype in ("choice", "short"):
        if not isinstance(response, str):
            raise ResponseError(
                f"{qtype} question {question.id!r} takes a str, got {type(response).__name__}"
            )
        return response
    if qtype == "truefalse":
        if not isinstance(response, bool):
            raise ResponseError(f"truefalse question {question.id!r} takes a bool")
        return response
    if qtype == "numeric":
        if isinstance(response, bool) or not isinstance(response, int | float):
            raise ResponseError(f"numeric question {question.id!r} takes a number")
        return float(response)
    if qtype == "multi":
        if isinstance(response, str | Mapping) or not isinstance(response, Collection):
            raise ResponseError(f"multi question {question.id!r} takes a collection of choice texts")
        if not all(isinstance(x, str) for x in response):
            raise ResponseError(f"multi question {question.id!r} takes choice texts")
        return frozenset(response)
    if qtype == "order":
        if isinstance(response, str | Mapping) or not isinstance(response, Collection):
            raise ResponseError(f"order question {question.id!r} takes a sequence of item texts")
        if not all(isinstance(x, str) for x in response):
            raise ResponseError(f"order question {question.id!r} takes item texts")
        return tuple(response)
    if qtype == "match":
        if not isinstance(response, Mapping):
            raise ResponseError(f"match question {question.id!r} takes a mapping left -> right")
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in response.items()):
            raise ResponseError(f"match question {question.id!r} takes text -> text")
        return MappingProxyType(dict(response))
    raise ResponseError(f"unknown question type {qtype!r}")  # pragma: no cover


def grade(question: Question, response: Response) -> Grade:
    """Score `response` (see the module docstring for its shape) against `question`."""
    response = check_response(question, response)
    return Grade(_fraction(question, response), question.points)


def _fraction(q: Question, r: Response) -> float:
    if r is None:
        return 0.0
    if q.type == "choice":
        assert isinstance(r, str)
        return 1.0 if r == q.answer or r.casefold() == str(q.answer).casefold() else 0.0
    if q.type == "truefalse":
        return 1.0 if r is q.answer or r == q.answer else 0.0
    if q.type == "numeric":
        assert isinstance(r, float)
        return 1.0 if numeric_right(q, r) else 0.0
    if q.type == "short":
        assert isinstance(r, str)
        return 1.0 if short_right(q, r) else 0.0
    if q.type == "multi":
        assert isinstance(r, frozenset)
        return multi_fraction(q, r)
    if q.type == "order":
        assert isinstance(r, tuple)
        return order_fraction(q.items, r)
    if q.type == "match":
        assert isinstance(r, Mapping)
        return match_fraction(q.pairs, r)
    return 0.0  # pragma: no cover


def numeric_right(q: Question, value: float) -> bool:
    if not isinstance(q.answer, int | float) or isinstance(q.answer, bool) or not math.isfinite(value):
        return False
    answer = float(q.answer)
    tolerance = q.tolerance_for(answer)
    return abs(value - answer) <= tolerance + 1e-9 * max(1.0, abs(answer))


def short_right(q: Question, text: str) -> bool:
    given = normalise(text)
    if not given:
        return False
    for form in q.answers:
        accepted = normalise(form)
        if given == accepted or fuzz.ratio(given, accepted) / 100 >= q.fuzzy:
            return True
    return False


def multi_fraction(q: Question, picks: frozenset[str]) -> float:
    right = {a.casefold() for a in q.answers}
    if not right:
        return 0.0
    k = len(right)
    folded = {p.casefold() for p in picks}
    hits = len(folded & right)
    misses = len(folded - right)
    return max(0.0, min(1.0, (hits - misses) / k))


def order_fraction(items: tuple[str, ...], given: tuple[str, ...]) -> float:
    """Share of the item pairs (i before j in `items`) that `given` also puts i before j.

    Items missing from `given` make every pair they are in wrong; repeats count at their first place.
    """
    n = len(items)
    if n < 2:
        return 1.0 if tuple(given[:1]) == items else 0.0
    place: dict[str, int] = {}
    for pos, item in enumerate(given):
        place.setdefault(item, pos)
    total = n * (n - 1) // 2
    good = 0
    for i in range(n):
        for j in range(i + 1, n):
            a, b = place.get(items[i]), place.get(items[j])
            if a is not None and b is not None and a < b:
                good += 1
    return good / total


def match_fraction(pairs: tuple[tuple[str, str], ...], given: Mapping[str, str]) -> float:
    if not pairs:
        return 0.0
    good = sum(1 for left, right in pairs if given.get(left) == right)
    return good / len(pairs)


def right_answer_text(q: Question) -> str:
    """The right answer, written out for feedback and review."""
    if q.type == "choice":
        return str(q.answer)
    if q.type == "truefalse":
        return "true" if q.answer else "false"
    if q.type == "numeric":
        assert isinstance(q.answer, int | float)
        text = format_number(float(q.answer))
        tolerance = q.tolerance_for(float(q.answer))
        if isinstance(q.tolerance, str):
            text += f" (± {q.tolerance})"
        elif tolerance:
            text += f" (± {format_number(tolerance)})"
        return f"{text} {q.unit}" if q.unit else text
    if q.type == "multi":
        return "; ".join(q.answers)
    if q.type == "short":
        # The first form is the answer; the rest are spellings we also accept.
        if len(q.answers) == 1:
            return q.answers[0]
        return f"{q.answers[0]} (also accepted: {', '.join(q.answers[1:])})"
    if q.type == "order":
        return " -> ".join(q.items)
    if q.type == "match":
        return "; ".join(f"{left} = {right}" for left, right in q.pairs)
    return ""  # pragma: no cover


def format_number(value: float, places: int = 2) -> str:
    """At most `places` decimals, no trailing zeros: 3.5, 5, 0.33, -1.25."""
    text = f"{value:.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
