"""Loose matching of typed text against the points a content author wrote.

A key point is a list of synonyms (words or phrases). The learner makes the
point when any synonym appears in their text, matched loosely:

- case and punctuation never matter;
- words meet at their Snowball stem ("tightening" makes "tightened");
- small typos pass (one edit in a stem of 6+ letters, two in 10+, the first two
  letters kept), never in numbers ("2022" does not make "2023");
- a phrase matches when its words appear in order, with at most one other
  word between them ("mixture of experts" matches "mixture-of-experts" and
  "mixture of many experts"); small words such as "of" are not needed.

Everything returns what it found and how, so each figure can be explained.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from tui.content.models import Argument, Rebuttal
from tui.debate.text import EVERYDAY_WORDS, STOPWORDS, content_words, stem, words

How = Literal["exact", "stem", "typo"]
PHRASE_GAP = 1
"""How many other words may sit inside a matched phrase."""


def typo_budget(token: str) -> int:
    """How many edits a stem may differ by and still match.

    Short stems get none: one edit turns a five-letter stem into another real
    word too often ("trail"/"train", "sever"/"server", "probe"/"prove").
    """
    if any(c.isdigit() for c in token):
        return 0
    if len(token) >= 10:
        return 2
    if len(token) >= 6:
        return 1
    return 0


def _typo_of(candidate: str, target: str) -> bool:
    """A typo keeps the first two letters: "fraction" is no typo of "friction"."""
    return candidate[:2] == target[:2] and typo_budget(candidate) > 0


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a phrase was found: the learner's own words and how loosely they matched."""

    phrase: str
    found: str
    how: How

    def describe(self) -> str:
        if self.how == "exact":
            return f"'{self.found}'"
        if self.how == "stem":
            return f"'{self.found}' (same word stem as '{self.phrase}')"
        return f"'{self.found}' (read as '{self.phrase}', allowing a typo)"


class TextIndex:
    """A text's words and stems, indexed for repeated lookups (a 100 KB speech stays fast)."""

    __slots__ = ("_cache", "_content_before", "by_stem", "stems", "vocab", "words")

    def __init__(self, text: str) -> None:
        self.words: list[str] = words(text)
        self.stems: list[str] = [stem(w) for w in self.words]
        self.by_stem: dict[str, list[int]] = {}
        self._content_before: list[int] = [0]
        for i, (w, s) in enumerate(zip(self.words, self.stems, strict=True)):
            self.by_stem.setdefault(s, []).append(i)
            self._content_before.append(self._content_before[-1] + (w not in STOPWORDS))
        self.vocab: list[str] = list(self.by_stem)
        self._cache: dict[str, dict[int, How]] = {}

    def __len__(self) -> int:
        return len(self.words)

    def positions(self, word: str) -> dict[int, How]:
        """Positions of one (lowercase) word in the text, each with how it matched."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        target = stem(word)
        found: dict[int, How] = {}
        budget = typo_budget(target)
        if budget and self.vocab:
            candidates = process.extract(
                target, self.vocab, scorer=Levenshtein.distance, score_cutoff=budget, limit=None
            )
            for cand, _dist, _ in candidates:
                if cand != target and not _typo_of(cand, target):
                    continue  # numbers and short words never match loosely
                for i in self.by_stem[cand]:
                    found[i] = "typo"
        for i in self.by_stem.get(target, ()):
            found[i] = "exact" if self.words[i] == word else "stem"
        self._cache[word] = found
        return found

    def find(self, phrase: str) -> Hit | None:
        """The first place the phrase appears (loosely), or None."""
        found = self.occurrences(phrase, limit=1)
        return found[0][1] if found else None

    def occurrences(self, phrase: str, limit: int | None = None) -> list[tuple[int, Hit]]:
        """Every place (word position, hit) the phrase appears, in order; at most `limit`."""
        parts = content_words(phrase)
        if not parts:
            return []
        first = self.positions(parts[0])
        out: list[tuple[int, Hit]] = []
        for start in sorted(first):
            chain = self._chain(parts, 1, start, [first[start]])
            if chain is None:
                continue
            end, hows = chain
            how: How = "typo" if "typo" in hows else "stem" if "stem" in hows else "exact"
            out.append((start, Hit(phrase, " ".join(self.words[start : end + 1]), how)))
            if limit is not None and len(out) >= limit:
                break
        return out

    def synonym_hits(self, synonyms: Sequence[str]) -> dict[int, Hit]:
        """Positions where any synonym appears (the first synonym listed wins a shared position)."""
        hits: dict[int, Hit] = {}
        for phrase in synonyms:
            for pos, hit in self.occurrences(phrase):
                hits.setdefault(pos, hit)
        return hits

    def _chain(
        self, parts: Sequence[str], k: int, prev: int, hows: list[How]
    ) -> tuple[int, list[How]] | None:
        if k == len(parts):
            return prev, hows
        options = self.positions(parts[k])
        # The next word may follow after small words and at most PHRASE_GAP other words.
        for pos in range(prev + 1, min(len(self.words), prev + 2 + PHRASE_GAP + 3)):
            between = self._content_before[pos] - self._content_before[prev + 1]
            if between > PHRASE_GAP:
                break
            if pos in options:
                found = self._chain(parts, k + 1, pos, [*hows, options[pos]])
                if found is not None:
                    return found
        return None


def index(text: str | TextIndex) -> TextIndex:
    return text if isinstance(text, TextIndex) else TextIndex(text)


@dataclass(frozen=True, slots=True)
class PointResult:
    """One key point: its synonyms, and the hit if the learner made it."""

    synonyms: tuple[str, ...]
    hit: Hit | None

    @property
    def made(self) -> bool:
        return self.hit is not None

    @property
    def label(self) -> str:
        return self.synonyms[0] if self.synonyms else "?"

    def explain(self) -> str:
        if self.hit is not None:
            return f"made '{self.label}': you wrote {self.hit.describe()}"
        return f"missed '{self.label}' (any of: {', '.join(self.synonyms)})"


def match_point(text: str | TextIndex, synonyms: Iterable[str]) -> PointResult:
    idx = index(text)
    syns = tuple(synonyms)
    for phrase in syns:
        hit = idx.find(phrase)
        if hit is not None:
            return PointResult(syns, hit)
    return PointResult(syns, None)


T = TypeVar("T")


def best_window(groups: Sequence[Mapping[int, T]], width: int) -> list[T | None]:
    """For each group of positions, its item inside the window of `width` words that hits the most groups.

    Ties go to the earliest window; inside it each group gives its first position.
    """
    events = sorted((pos, g) for g, positions in enumerate(groups) for pos in positions)
    if not events:
        return [None] * len(groups)
    counts = [0] * len(groups)
    distinct = 0
    best, best_start = 0, events[0][0]
    left = 0
    for pos, g in events:
        counts[g] += 1
        distinct += counts[g] == 1
        while pos - events[left][0] >= width:
            lg = events[left][1]
            counts[lg] -= 1
            distinct -= counts[lg] == 0
            left += 1
        if distinct > best:
            best, best_start = distinct, events[left][0]
    out: list[T | None] = []
    for positions in groups:
        inside = [p for p in positions if best_start <= p < best_start + width]
        out.append(positions[min(inside)] if inside else None)
    return out


def match_points(
    text: str | TextIndex, key_points: Sequence[Sequence[str]], width: int | None = None
) -> tuple[PointResult, ...]:
    """Match several key points; with `width`, only those made together within `width` words count."""
    idx = index(text)
    if width is None or len(idx) <= width:
        return tuple(match_point(idx, kp) for kp in key_points)
    groups = [idx.synonym_hits(kp) for kp in key_points]
    chosen = best_window(groups, width)
    return tuple(PointResult(tuple(kp), hit) for kp, hit in zip(key_points, chosen, strict=True))


@dataclass(frozen=True, slots=True)
class RebuttalMatch:
    """How much of one model rebuttal a text makes."""

    rebuttal: Rebuttal
    points: tuple[PointResult, ...]

    @property
    def made(self) -> int:
        return sum(1 for p in self.points if p.made)

    @property
    def total(self) -> int:
        return len(self.points)

    @property
    def share(self) -> float:
        return self.made / self.total if self.total else 0.0

    @property
    def made_labels(self) -> tuple[str, ...]:
        return tuple(p.label for p in self.points if p.made)

    @property
    def missed_labels(self) -> tuple[str, ...]:
        return tuple(p.label for p in self.points if not p.made)


def match_rebuttal(text: str | TextIndex, rebuttal: Rebuttal, width: int | None = None) -> RebuttalMatch:
    """How many of the rebuttal's key points the text makes (with `width`: made together, within that many words)."""
    return RebuttalMatch(rebuttal, match_points(text, rebuttal.key_points, width))


def best_rebuttal(
    text: str | TextIndex, argument: Argument, width: int | None = None
) -> RebuttalMatch | None:
    """The argument's model rebuttal the text covers best (ties: more points made, then the first written)."""
    idx = index(text)
    matches = [match_rebuttal(idx, r, width) for r in argument.rebuttals]
    if not matches:
        return None
    best = max(range(len(matches)), key=lambda i: (matches[i].share, matches[i].made, -i))
    return matches[best]


@dataclass(frozen=True, slots=True)
class Coverage:
    """How many of a passage's content words a text contains (for recognising a claim)."""

    matched: tuple[str, ...]
    missed: tuple[str, ...]

    @property
    def share(self) -> float:
        total = len(self.matched) + len(self.missed)
        return len(self.matched) / total if total else 0.0


def _passage_words(passage: str) -> list[str]:
    """The passage's content words, one per stem: what `coverage` counts."""
    seen: set[str] = set()
    unique: list[str] = []
    for word in content_words(passage):
        s = stem(word)
        if s in seen or word in STOPWORDS:
            continue
        seen.add(s)
        unique.append(word)
    return unique


def coverage(text: str | TextIndex, passage: str, width: int | None = None) -> Coverage:
    """Which of the passage's content words the text has (with `width`: together, within that many words)."""
    idx = index(text)
    unique = _passage_words(passage)
    if width is None or len(idx) <= width:
        found = [bool(idx.positions(w)) for w in unique]
    else:
        found = [hit is not None for hit in best_window([idx.positions(w) for w in unique], width)]
    return Coverage(
        tuple(w for w, f in zip(unique, found, strict=True) if f),
        tuple(w for w, f in zip(unique, found, strict=True) if not f),
    )


CLAIM_SHARE = 0.5
"""A claim is recognised when half its content words appear together (see `CLAIM_WINDOW`) in a stretch
where the argument's key terms outweigh any other argument's (`claim_stretch`): a claim in common words
("The rules keep changing") is otherwise made by another argument's reasoning that happens to use them..."""
CLAIM_WINDOW = 30
"""A claim's words must come together: within this many words (or three times the claim's length)."""


def _claim_width(argument: Argument) -> int:
    """The window a claim's words must come within (`CLAIM_WINDOW`)."""
    return max(CLAIM_WINDOW, 3 * len(content_words(argument.claim)))


# ---------------------------------------------------------------------------- key terms
KEY_PLACES: tuple[tuple[str, float], ...] = (("claim", 2.0), ("reasoning", 1.0), ("impact", 1.0))
"""... or by its key terms, for a learner who puts the argument in their own words. The key terms are
the content words of the claim (weight 2), reasoning and impact (weight 1 each), leaving out stopwords,
everyday words (`text.EVERYDAY_WORDS`) and words under three letters; a word also used by other
arguments of the set (or by the motion) is shared out: its weight is divided by 1 + that number."""
KEY_WINDOW = 50
"""The key terms must come together: within this many words."""
KEY_MIN_TERMS = 3
"""At least this many different key terms..."""
KEY_MIN_WEIGHT = 2.5
"""... weighing together at least this much..."""
KEY_LEAD = 1.5
"""... and at least this many times what the same stretch of words gives any other argument of the set
(so words two arguments share cannot make the wrong one). Key terms match by word stem ("legally"
makes "legal"), never as typos: one letter turns too many words into another ("export"/"expert")."""


@dataclass(frozen=True, slots=True)
class KeyTerm:
    """One word that points to an argument, and how much it counts."""

    word: str
    stem: str
    weight: float
    place: str


def _term_words(text: str) -> list[str]:
    return [w for w in content_words(text) if len(w) >= 3 and w not in STOPWORDS and w not in EVERYDAY_WORDS]


def _term_stems(text: str) -> set[str]:
    return {stem(w) for w in _term_words(text)}


def _argument_text(argument: Argument) -> str:
    return " ".join((argument.claim, argument.reasoning, argument.impact))


class ArgumentTerms:
    """The key terms of each argument of a set, weighed against each other. Build once per motion.

    `ArgumentTerms(motion.arguments, motion.motion)`; `terms.of(argument)` (an argument from outside the
    set is weighed against the set too).
    """

    def __init__(self, arguments: Sequence[Argument] = (), motion: str = "") -> None:
        self.arguments = tuple(arguments)
        self._stems = {a.id: _term_stems(_argument_text(a)) for a in self.arguments}
        self._motion = _term_stems(motion)
        self._cache: dict[str, tuple[KeyTerm, ...]] = {}

    def of(self, argument: Argument) -> tuple[KeyTerm, ...]:
        """The argument's key terms, heaviest first."""
        known = argument.id in self._stems
        if known and argument.id in self._cache:
            return self._cache[argument.id]
        best: dict[str, KeyTerm] = {}
        for place, weight in KEY_PLACES:
            for word in _term_words(getattr(argument, place)):
                s = stem(word)
                shared = sum(1 for aid, stems in self._stems.items() if aid != argument.id and s in stems)
                shared += s in self._motion
                term = KeyTerm(word, s, weight / (1 + shared), place)
                if s not in best or best[s].weight < term.weight:
                    best[s] = term
        order = list(best)
        terms = tuple(sorted(best.values(), key=lambda t: (-t.weight, order.index(t.stem))))
        if known:
            self._cache[argument.id] = terms
        return terms


def _in_window(positions: Sequence[int], start: int, width: int) -> bool:
    i = bisect.bisect_left(positions, start)
    return i < len(positions) and positions[i] < start + width


def _heaviest_window(
    groups: Sequence[Sequence[int]], weights: Sequence[float], width: int
) -> tuple[int, float]:
    """(start, weight) of the window of `width` words whose distinct groups weigh the most (the first such)."""
    events = sorted((pos, g) for g, positions in enumerate(groups) for pos in positions)
    if not events:
        return 0, 0.0
    counts = [0] * len(groups)
    current, best, best_start, left = 0.0, 0.0, events[0][0], 0
    for pos, g in events:
        counts[g] += 1
        if counts[g] == 1:
            current += weights[g]
        while pos - events[left][0] >= width:
            lg = events[left][1]
            counts[lg] -= 1
            if counts[lg] == 0:
                current -= weights[lg]
            left += 1
        if current > best + 1e-9:
            best, best_start = current, events[left][0]
    return best_start, best


@dataclass(frozen=True, slots=True)
class TermEvidence:
    """The key terms of an argument found together in a text, against the best any other argument gets there."""

    found: tuple[KeyTerm, ...]
    weight: float
    total: float
    rival: float = 0.0
    rival_claim: str = ""

    @property
    def recognised(self) -> bool:
        return (
            len(self.found) >= KEY_MIN_TERMS
            and self.weight >= KEY_MIN_WEIGHT - 1e-9
            and self.weight >= KEY_LEAD * self.rival - 1e-9
        )

    @property
    def share(self) -> float:
        return self.weight / self.total if self.total else 0.0

    @property
    def ahead(self) -> bool:
        """Whether these terms outweigh the best other argument's in the same stretch (or no other has any)."""
        return self.rival <= 0 or self.weight > self.rival + 1e-9

    def explain(self) -> str:
        if not self.found:
            return "no key terms"
        words = ", ".join(t.word for t in self.found[:6]) + (", …" if len(self.found) > 6 else "")
        line = f"key terms {words}: {len(self.found)} weighing {self.weight:.1f}"
        if self.rival_claim:
            line += f" against {self.rival:.1f} for '{self.rival_claim}'"
        return line


def term_evidence(
    text: str | TextIndex, argument: Argument, terms: ArgumentTerms | None = None
) -> TermEvidence:
    """The argument's key terms the text has together (in its heaviest `KEY_WINDOW`), and its nearest rival."""
    idx = index(text)
    table = terms or ArgumentTerms()
    own = table.of(argument)
    total = sum(t.weight for t in own)
    groups = [idx.by_stem.get(t.stem, []) for t in own]
    start, weight = _heaviest_window(groups, [t.weight for t in own], KEY_WINDOW)
    found = tuple(
        t for t, positions in zip(own, groups, strict=True) if _in_window(positions, start, KEY_WINDOW)
    )
    rival, rival_claim = _rival(idx, argument, table, start, KEY_WINDOW) if found else (0.0, "")
    return TermEvidence(found, weight, total, rival, rival_claim)


def _rival(
    idx: TextIndex, argument: Argument, table: ArgumentTerms, start: int, width: int
) -> tuple[float, str]:
    """(weight, claim) of the other argument of the set whose key terms weigh the most in the stretch."""
    rival, rival_claim = 0.0, ""
    for other in table.arguments:
        if other.id == argument.id:
            continue
        theirs = sum(
            t.weight for t in table.of(other) if _in_window(idx.by_stem.get(t.stem, []), start, width)
        )
        if theirs > rival:
            rival, rival_claim = theirs, other.claim
    return rival, rival_claim


def _stretches(groups: Sequence[Sequence[int]], need: int) -> Iterator[tuple[int, int]]:
    """(first, last) position of each shortest stretch holding positions of `need` groups, in order."""
    events = sorted((pos, g) for g, positions in enumerate(groups) for pos in positions)
    counts = [0] * len(groups)
    have, left = 0, 0
    for pos, g in events:
        counts[g] += 1
        have += counts[g] == 1
        if have < need:
            continue
        # Drop words from the left while `need` groups stay inside.
        while counts[events[left][1]] > 1 or have > need:
            lg = events[left][1]
            counts[lg] -= 1
            have -= counts[lg] == 0
            left += 1
        yield events[left][0], pos


def claim_stretch(
    text: str | TextIndex, argument: Argument, terms: ArgumentTerms | None = None
) -> TermEvidence:
    """The argument's key terms where its claim's words come, against the best any other argument gets there.

    Read in the shortest stretches (within the claim's window) holding `CLAIM_SHARE` of the claim's
    words: the first where the argument is ahead, else the one where it comes nearest. Shortest stretches,
    not the whole window: a claim stated among other claims ("First, ... Second, ...") keeps its neighbours
    out, while another argument's reasoning that only borrows the claim's common words has its own words
    between them. Any such stretch will do, so a claim stated in part counts where it is stated even when
    its missing words come elsewhere."""
    idx = index(text)
    table = terms or ArgumentTerms()
    own = table.of(argument)
    total = sum(t.weight for t in own)
    words = _passage_words(argument.claim)
    need = max(1, math.ceil(CLAIM_SHARE * len(words) - 1e-9))
    width = _claim_width(argument)
    nearest, margin = TermEvidence((), 0.0, total), -math.inf
    for first, last in _stretches([sorted(idx.positions(w)) for w in words], need):
        if last - first >= width:
            continue
        found = tuple(t for t in own if _in_window(idx.by_stem.get(t.stem, []), first, last - first + 1))
        weight = sum(t.weight for t in found)
        rival, rival_claim = _rival(idx, argument, table, first, last - first + 1)
        evidence = TermEvidence(found, weight, total, rival, rival_claim)
        if evidence.ahead:
            return evidence
        if weight - rival > margin:
            nearest, margin = evidence, weight - rival
    return nearest


@dataclass(frozen=True, slots=True)
class Recognition:
    """Whether a text makes an argument: by its claim's words, or by its key terms.

    `stretch`: the key terms where the claim's words come, against the best other argument there."""

    argument: Argument
    claim: Coverage
    terms: TermEvidence
    stretch: TermEvidence

    @property
    def by_claim(self) -> bool:
        return self.claim.share >= CLAIM_SHARE and self.stretch.ahead

    @property
    def recognised(self) -> bool:
        return self.by_claim or self.terms.recognised

    @property
    def how(self) -> str:
        """In a few words, why it was recognised (empty when it was not)."""
        if self.by_claim:
            return f"its claim's words: {', '.join(self.claim.matched[:5])}"
        if self.terms.recognised:
            return f"its key terms: {', '.join(t.word for t in self.terms.found[:5])}"
        return ""

    def explain(self) -> str:
        words = len(self.claim.matched) + len(self.claim.missed)
        line = f"'{self.argument.claim}': {len(self.claim.matched)}/{words} claim words"
        if self.claim.share >= CLAIM_SHARE and not self.stretch.ahead:
            e = self.stretch
            line += (
                f", but where they come the text points at least as much to '{e.rival_claim}' "
                f"(key terms {e.rival:.1f} against {e.weight:.1f})"
            )
        return f"{line}; {self.terms.explain()}"


def recognise(text: str | TextIndex, argument: Argument, terms: ArgumentTerms | None = None) -> Recognition:
    """Whether the text makes the argument: half its claim's words together where they point to it more than
    to another argument of the set, or its key terms together and pointing to it (`terms`: the set's key
    terms)."""
    idx = index(text)
    claim = coverage(idx, argument.claim, _claim_width(argument))
    # Where the claim's words fall short, where they point does not matter: skip reading the stretches.
    stretch = claim_stretch(idx, argument, terms) if claim.share >= CLAIM_SHARE else TermEvidence((), 0.0, 0.0)
    return Recognition(argument, claim, term_evidence(idx, argument, terms), stretch)
