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
        "they say",
        "they said",
        "they claim",
        "they claimed",
        "they argue",
        "they argued",
        "they told",
        "they tell",
        "they suggest",
        "they assert",
        "they believe",
        "they think",
        "their claim",
        "their argument",
        "their case",
        "their point",
        "the proposition says",
        "the opposition says",
        "proposition said",
        "opposition said",
        "proposition claims",
        "opposition claims",
        "my opponent",
        "my opponents",
        "our opponents",
        "the other side",
        "the other team",
        "according to them",
        "the government says",
        "the claim that",
        "the argument that",
        "it is claimed",
        "we were told",
        "we heard",
    ),
    "but": (
        "but",
        "however",
        "yet",
        "whereas",
        "on the contrary",
        "in fact",
        "actually",
        "not true",
        "is wrong",
        "are wrong",
        "is false",
        "is mistaken",
        "this ignores",
        "they ignore",
        "they forget",
        "overlooks",
        "misses",
        "nevertheless",
        "nonetheless",
        "although",
        "even so",
        "in reality",
        "the truth is",
        "that is not",
        "this is not",
        "does not",
        "doesn't",
        "did not",
        "didn't",
    ),
    "because": (
        "because",
        "since",
        "given that",
        "due to",
        "the reason",
        "for example",
        "for instance",
        "evidence",
        "as shown",
        "shows that",
        "show that",
        "proves",
        "as we saw",
        "owing to",
        "thanks to",
        "as a matter of fact",
        "the data",
        "the report",
        "according to",
    ),
    "therefore": (
        "therefore",
        "so",
        "thus",
        "hence",
        "which means",
        "this means",
        "that means",
        "meaning",
        "as a result",
        "consequently",
        "it follows",
        "that is why",
        "this is why",
        "which is why",
        "ultimately",
        "in short",
        "in the end",
        "the upshot",
    ),
}

ORGANISERS: tuple[str, ...] = (
    "first",
    "firstly",
    "second",
    "secondly",
    "third",
    "thirdly",
    "finally",
    "next",
    "moving on",
    "turning to",
    "in conclusion",
    "to conclude",
    "to sum up",
    "to summarise",
    "to summarize",
    "my first point",
    "our first",
    "our second",
    "our third",
    "point one",
    "point two",
    "rebuttal",
    "on their",
    "on our",
    "our case",
    "their case",
    "the first clash",
    "the second clash",
    "clash",
    "let me",
    "i will",
    "this speech",
    "two things",
    "three things",
    "to start",
    "lastly",
    "then",
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

AXIS_QUESTIONS: dict[Axis, str] = {
    "magnitude": "how big the impact is: how many people, how much harm",
    "probability": "how likely it is to happen",
    "timeframe": "how soon it comes and how long it lasts",
    "reversibility": "whether it can be undone",
}
"""The question each weighing axis asks (shown beside the words that named it)."""
AXIS_EXAMPLES: dict[Axis, str] = {
    "magnitude": "'it affects more people'",
    "probability": "'it is more likely'",
    "timeframe": "'it comes sooner and lasts longer'",
    "reversibility": "'it is permanent, theirs temporary'",
}
"""How to name an axis the learner left out (a hint in the why lines)."""

AXIS_PHRASES: dict[Axis, tuple[str, ...]] = {
    "magnitude": (
        "magnitude",
        "magnif*",
        "scale",
        "scales",
        "size",
        "sizes",
        "bigger",
        "biggest",
        "larger",
        "largest",
        "greater",
        "greatest",
        "huge",
        "massive",
        "vast",
        "enormous",
        "tiny",
        "widespread",
        "wide ranging",
        "severe",
        "severely",
        "severity",
        "affect* more people",
        "affect* more",
        "affect* fewer",
        "more people",
        "fewer people",
        "many people",
        "million*",
        "billion*",
        "everyone",
        "number of",
        "how many",
        "extent",
        "depth",
        "deeper",
        "global*",
        "scope",
        "breadth",
        "significan*",
    ),
    "probability": (
        "more likely",
        "less likely",
        "probab*",
        "likel*",
        "unlikel*",
        "chance",
        "chances",
        "odds",
        "certain*",
        "uncertain*",
        "risk*",
        "speculat*",
        "guarantee*",
        "inevitab*",
        "possib*",
        "impossib*",
        "plausib*",
        "predictab*",
    ),
    "timeframe": (
        "timeframe*",
        "time frame*",
        "timescale*",
        "time scale*",
        "timing",
        "sooner",
        "soonest",
        "soon",
        "immediate*",
        "short term",
        "long term",
        "near term",
        "last* longer",
        "longer lasting",
        "long lasting",
        "lasting",
        "outlast*",
        "year*",
        "decade*",
        "month*",
        "week*",
        "faster",
        "quicker",
        "quickly",
        "urgent*",
        "delay*",
        "later",
        "future",
        "already",
        "eventually",
        "over time",
        "tomorrow",
        "generation*",
    ),
    "reversibility": (
        "revers*",
        "irrevers*",
        "permanent*",
        "temporar*",
        "undo*",
        "undone",
        "forever",
        "for good",
        "recover*",
        "lock* in",
        "entrench*",
        "no return",
        "no going back",
        "fixable",
        "unfixable",
        "repair*",
        "restor*",
        "one way",
    ),
}
"""Every phrase that names a weighing axis, in one place.

The principle: a phrase counts when it answers the axis's question (`AXIS_QUESTIONS`) on its own —
"lasts longer" and "long term" say how long (timeframe), "permanent" and "temporary" whether it can
be undone (reversibility), "more likely" how likely (probability), "bigger" and "affects more
people" how big (magnitude). Words too common to mean the axis by themselves ("now", "sure",
"time") are left out. Matching: case is ignored, `*` allows any ending ("permanent*" also reads
"permanently"), the words of a phrase may be joined by spaces or hyphens ("short-term"), and the
longest phrase is the one reported.
"""


def _phrase_pattern(phrase: str) -> str:
    words = [re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in phrase.split()]
    return r"[\s-]+".join(words)


_AXIS_RE: dict[Axis, re.Pattern[str]] = {
    axis: re.compile(
        r"\b(?:" + "|".join(_phrase_pattern(p) for p in sorted(phrases, key=len, reverse=True)) + r")\b"
    )
    for axis, phrases in AXIS_PHRASES.items()
}


def describe_axis(axis: Axis, found: str) -> str:
    """'timeframe ('lasts longer': how soon it comes and how long it lasts)' — for the why lines."""
    return f"{axis} ('{found}': {AXIS_QUESTIONS[axis]})"


_EXPLICIT = re.compile(
    r"\b(?:outweigh\w*|than|compared (?:to|with)|in comparison|relative to|even if|rather than|whereas"
    r"|matters? more|more important|less important|dwarf\w*|pales?|trumps?|prior\w*|more significant"
    r"|weigh\w*)\b"
)
_COMPARATIVE = re.compile(
    r"\b(?:more|less|fewer|most|least|greater|bigger|larger|smaller|higher|lower|worse|worst|better|best"
    r"|faster|slower|sooner|later|longer|shorter|stronger|weaker|deeper|wider|\w{3,}er than)\b"
)


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
    return Weighing(
        explicit.group() if explicit else None, comparative.group() if comparative else None, tuple(axes)
    )
