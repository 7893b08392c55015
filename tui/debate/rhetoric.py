"""Signposts and weighing: the shape of an answer, found by the words that mark it.

- `structure()` finds the four steps of a rebuttal (they say / but / because /
  therefore) by their signposts;
- `organisers()` finds the signposts that organise a speech ("first",
  "moving on", "in conclusion");
- `weighing()` finds comparative language and the weighing axes a sentence
  names (magnitude, probability, timeframe, reversibility).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from tui.debate.text import normalised

Step = Literal["they say", "but", "because", "therefore"]
STEPS: tuple[Step, ...] = ("they say", "but", "because", "therefore")

SIGNPOSTS: dict[Step, tuple[str, ...]] = {
    "they say": (
        "they say", "they said", "they claim", "they claimed", "they argue", "they argued", "they told",
        "they tell", "they suggest", "they assert", "they believe", "they think", "their claim",
        "their argument", "their case", "their point", "the proposition says", "the opposition says",
        "proposition said", "opposition said", "proposition claims", "opposition claims", "my opponent",
        "my opponents", "our opponents", "the other side", "the other team", "according to them",
        "the government says", "the claim that", "the argument that", "it is claimed", "we were told",
        "we heard",
    ),
    "but": (
        "but", "however", "yet", "whereas", "on the contrary", "in fact", "actually", "not true",
        "is wrong", "are wrong", "is false", "is mistaken", "this ignores", "they ignore", "they forget",
        "overlooks", "misses", "nevertheless", "nonetheless", "although", "even so", "in reality",
        "the truth is", "that is not", "this is not", "does not", "doesn't", "did not", "didn't",
    ),
    "because": (
        "because", "since", "given that", "due to", "the reason", "for example", "for instance",
        "evidence", "as shown", "shows that", "show that", "proves", "as we saw", "owing to",
        "thanks to", "as a matter of fact", "the data", "the report", "according to",
    ),
    "therefore": (
        "therefore", "so", "thus", "hence", "which means", "this means", "that means", "meaning",
        "as a result", "consequently", "it follows", "that is why", "this is why", "which is why",
        "ultimately", "in short", "in the end", "the upshot",
    ),
}

ORGANISERS: tuple[str, ...] = (
    "first", "firstly", "second", "secondly", "third", "thirdly", "finally", "next", "moving on",
    "turning to", "in conclusion", "to conclude", "to sum up", "to summarise", "to summarize",
    "my first point", "our first", "our second", "our third", "point one", "point two", "rebuttal",
    "on their", "on our", "our case", "their case", "the first clash", "the second clash", "clash",
    "let me", "i will", "this speech", "two things", "three things", "to start", "lastly", "then",
)


def _find(norm: str, phrases: tuple[str, ...]) -> str | None:
    padded = f" {norm} "
    for phrase in phrases:
        if f" {normalised(phrase)} " in padded:
            return phrase
    return None


@dataclass(frozen=True, slots=True)
class Structure:
    """Which of the four rebuttal steps a text signposts, and with which words."""

    found: tuple[tuple[Step, str], ...]

    @property
    def steps(self) -> tuple[Step, ...]:
        return tuple(step for step, _ in self.found)

    @property
    def missing(self) -> tuple[Step, ...]:
        return tuple(s for s in STEPS if s not in self.steps)

    @property
    def share(self) -> float:
        return len(self.found) / len(STEPS)

    def explain(self) -> list[str]:
        lines = [f"step '{step}' found: you wrote '{word}'" for step, word in self.found]
        for step in self.missing:
            lines.append(f"step '{step}' not found: signpost it, e.g. '{SIGNPOSTS[step][0]}'")
        return lines


def structure(text: str) -> Structure:
    norm = normalised(text)
    found: list[tuple[Step, str]] = []
    for step in STEPS:
        word = _find(norm, SIGNPOSTS[step])
        if word is not None:
            found.append((step, word))
    return Structure(tuple(found))


def organisers(text: str) -> tuple[str, ...]:
    """The distinct speech-organising signposts a text uses, in the order of the list."""
    norm = f" {normalised(text)} "
    return tuple(p for p in ORGANISERS if f" {normalised(p)} " in norm)


Axis = Literal["magnitude", "probability", "timeframe", "reversibility"]
AXES: tuple[Axis, ...] = ("magnitude", "probability", "timeframe", "reversibility")

_AXIS_WORDS: dict[Axis, str] = {
    "magnitude": r"magnitud\w*|scales?|scale of|sizes?|size of|bigger|biggest|larger|largest|greater|greatest"
                 r"|huge|massive|vast|widespread|wide[- ]?ranging|sever\w*|millions?|billions?|everyone"
                 r"|more people|number of|how many|extent|depth|deeper|global\w*|scope|breadth|enormous|tiny"
                 r"|significan\w*|magnif\w*",
    "probability": r"probab\w*|likel\w*|unlikel\w*|chances?|certain\w*|uncertain\w*|risk\w*|speculat\w*"
                   r"|guarantee\w*|inevitab\w*|possib\w*|impossib\w*|plausib\w*|odds|sure|predictab\w*",
    "timeframe": r"time ?frames?|time ?scales?|sooner|soonest|soon|immediate\w*|now|today|short[- ]term"
                 r"|long[- ]term|near[- ]term|years?|decades?|months?|weeks?|faster|quicker|quickly|urgent\w*"
                 r"|delay\w*|later|future|already|eventually|over time|in time|tomorrow|timing|generations?",
    "reversibility": r"revers\w*|irrevers\w*|permanent\w*|undo\w*|undone|lasting|forever|recover\w*"
                     r"|lock(?:ed|s)? in|entrench\w*|no return|cannot be undone|fixable|unfixable|repair\w*"
                     r"|restor\w*|one[- ]way|for good|stick|sticky|durable|temporary|temporar\w*",
}
_AXIS_RE: dict[Axis, re.Pattern[str]] = {a: re.compile(rf"\b(?:{p})\b") for a, p in _AXIS_WORDS.items()}

_EXPLICIT = re.compile(
    r"\b(?:outweigh\w*|than|compared (?:to|with)|in comparison|relative to|even if|rather than|whereas"
    r"|matters? more|more important|less important|dwarf\w*|pales?|trumps?|prior\w*|more significant"
    r"|weigh\w*)\b")
_COMPARATIVE = re.compile(
    r"\b(?:more|less|fewer|most|least|greater|bigger|larger|smaller|higher|lower|worse|worst|better|best"
    r"|faster|slower|sooner|later|longer|shorter|stronger|weaker|deeper|wider|\w{3,}er than)\b")


@dataclass(frozen=True, slots=True)
class Weighing:
    """The comparative language and weighing axes in a text."""

    explicit: str | None
    comparative: str | None
    axes: tuple[tuple[Axis, str], ...]

    @property
    def axis_names(self) -> tuple[Axis, ...]:
        return tuple(a for a, _ in self.axes)


def weighing(text: str) -> Weighing:
    norm = " ".join(text.lower().split())
    explicit = _EXPLICIT.search(norm)
    comparative = _COMPARATIVE.search(norm)
    axes: list[tuple[Axis, str]] = []
    for axis in AXES:
        found = _AXIS_RE[axis].search(norm)
        if found:
            axes.append((axis, found.group()))
    return Weighing(explicit.group() if explicit else None, comparative.group() if comparative else None,
                    tuple(axes))
