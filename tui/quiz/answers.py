"""Reading a typed answer line into a response (plain mode; the UI may use it for its text inputs).

| type      | the line                              | e.g.          |
|-----------|---------------------------------------|---------------|
| choice    | the number of a shown choice          | `2`           |
| truefalse | `1`/`2`, or true/false, yes/no, t/f   | `true`        |
| multi     | the numbers of every pick             | `1,3`         |
| numeric   | a number (thousands commas, a leading currency sign and the unit are allowed) | `5.6` |
| short     | the text                              | `DeepSeek`    |
| order     | the shown item numbers in the right order | `3 1 2`   |
| match     | left numbers each with a right letter | `1b 2a 3c`    |

A match answer may pair only some items (`1b 3c`): the unpaired ones score as
wrong, like wrong pairs. An item paired twice, an unknown number or letter, or
(when each letter belongs to one item) a letter used twice is refused.

`parse_answer` raises `AnswerError` whose message says what is expected.
"""

from __future__ import annotations

import math
import re
import string

from tui.quiz.model import Item
from tui.quiz.scoring import Response, normalise

LETTERS = string.ascii_lowercase


class AnswerError(ValueError):
    """The line does not fit the question; the message says what to type."""


def letter(index: int) -> str:
    """The label of the `index`-th (0-based) right-column item of a match question: a, b, ..., z, aa, ab, ..."""
    if index < len(LETTERS):
        return LETTERS[index]
    return letter(index // len(LETTERS) - 1) + LETTERS[index % len(LETTERS)]


def _letter_index(label: str) -> int:
    value = 0
    for ch in label:
        value = value * len(LETTERS) + LETTERS.index(ch) + 1
    return value - 1


def expected_hint(item: Item) -> str:
    """What to type for this item, as one short sentence."""
    t = item.type
    n = len(item.choices)
    if t in ("choice", "truefalse"):
        return f"Answer with the number of your choice (1-{n})."
    if t == "multi":
        return f"Answer with the numbers of every right choice, separated by commas (e.g. 1,3; 1-{n})."
    if t == "numeric":
        return f"Answer with a number{f' (in {item.unit})' if item.unit else ''}."
    if t == "short":
        return "Answer in a few words."
    if t == "order":
        example = " ".join(str(i) for i in range(len(item.items), 0, -1))
        return f"Answer with the item numbers in the right order, each once (e.g. {example})."
    if t == "match":
        example = " ".join(f"{i + 1}{letter(i)}" for i in range(min(3, len(item.lefts))))
        return f"Answer by pairing each number with a letter (e.g. {example}); unpaired ones count as wrong."
    return "Type your answer."  # pragma: no cover


def _ints(text: str) -> list[int]:
    tokens = [t for t in re.split(r"[\s,;]+", text.strip()) if t]
    out = []
    for token in tokens:
        if not token.isdigit():
            raise ValueError(token)
        out.append(int(token))
    return out


_NUMBER = re.compile(
    r"^\s*(?:about|around|~|≈)?\s*(?P<sign>[-+−]?)\s*[$€£¥]?\s*"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)"
    r"\s*(?P<rest>.*?)\s*$"
)


def parse_number(text: str, unit: str | None = None) -> float:
    """A number from a line: `5.6`, `-3`, `2,048`, `$5.6`, `1e6`, `40%`, `2.788 million GPU-hours` (the unit)."""
    m = _NUMBER.match(text)
    if not m:
        raise AnswerError(f"Expected a number{f' (in {unit})' if unit else ''}, e.g. 12 or 5.6.")
    value = float(m.group("num").replace(",", ""))
    if m.group("sign") in ("-", "−"):
        value = -value
    rest = normalise(m.group("rest"))
    if rest and rest not in ("%", "percent") and not (unit and rest in normalise(unit)):
        raise AnswerError(f"Expected just a number{f' (in {unit})' if unit else ''}, e.g. 12 or 5.6.")
    if not math.isfinite(value):
        raise AnswerError("Expected a finite number.")
    return value


def parse_answer(item: Item, text: str) -> Response:
    """The response a typed line stands for, in content terms (see `tui.quiz.scoring`)."""
    line = text.strip()
    hint = expected_hint(item)
    if not line:
        raise AnswerError(hint)
    try:
        return _parse(item, line, hint)
    except AnswerError as e:
        message = str(e)
        if message == hint:  # say what was not understood before saying what is expected
            message = f"Cannot read {line!r} as an answer here. {hint}"
        raise AnswerError(message) from None


def _parse(item: Item, line: str, hint: str) -> Response:
    t = item.type
    if t in ("choice", "truefalse"):
        n = len(item.choices)
        chosen: str | None = None
        if line.isdigit():
            if not 1 <= int(line) <= n:
                raise AnswerError(f"There is no choice {line}. {hint}")
            chosen = item.choices[int(line) - 1]
        elif t == "truefalse":
            word = line.casefold()
            if word in ("true", "t", "yes", "y"):
                chosen = "True"
            elif word in ("false", "f", "no", "n"):
                chosen = "False"
        else:
            folded = normalise(line)
            chosen = next((c for c in item.choices if normalise(c) == folded), None)
        if chosen is None:
            raise AnswerError(hint)
        return chosen == "True" if t == "truefalse" else chosen
    if t == "multi":
        try:
            numbers = _ints(line)
        except ValueError:
            raise AnswerError(hint) from None
        bad = [x for x in numbers if not 1 <= x <= len(item.choices)]
        if bad or not numbers:
            raise AnswerError(f"There is no choice {bad[0]}. {hint}" if bad else hint)
        return frozenset(item.choices[x - 1] for x in numbers)
    if t == "numeric":
        return parse_number(line, item.unit)
    if t == "short":
        return line
    if t == "order":
        try:
            numbers = _ints(line)
        except ValueError:
            raise AnswerError(hint) from None
        n = len(item.items)
        if sorted(numbers) != list(range(1, n + 1)):
            raise AnswerError(f"Name each of the {n} items once. {hint}")
        return tuple(item.items[x - 1] for x in numbers)
    if t == "match":
        compact = re.sub(r"[\s,;]+", " ", line.casefold()).strip()
        pairs = re.findall(r"(\d+)\s*-?\s*([a-z]+)", compact)
        if not pairs or re.sub(r"(\d+)\s*-?\s*([a-z]+)", "", compact).strip():
            raise AnswerError(hint)
        # Each letter belongs to exactly one item when there are as many letters as items
        # (the right column lists each distinct answer once), so a letter given twice is a slip.
        one_to_one = len(item.rights) == len(item.lefts)
        chosen_map: dict[str, str] = {}
        used: dict[int, int] = {}
        for number, label in pairs:
            i, j = int(number), _letter_index(label)
            if not 1 <= i <= len(item.lefts):
                raise AnswerError(f"There is no item {i}. {hint}")
            if not 0 <= j < len(item.rights):
                raise AnswerError(f"There is no letter {label}. {hint}")
            left = item.lefts[i - 1]
            if left in chosen_map:
                raise AnswerError(f"Item {i} is paired twice. {hint}")
            if one_to_one and j in used:
                raise AnswerError(
                    f"Letter {letter(j)} is used twice (items {used[j]} and {i}); each letter goes with "
                    f"one item. {hint}"
                )
            used[j] = i
            chosen_map[left] = item.rights[j]
        return chosen_map  # items left unpaired score as wrong
    raise AnswerError(hint)  # pragma: no cover
