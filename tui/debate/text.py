"""Cleaning and tokenising what a learner types: the ground every scorer stands on.

`clean()` makes pasted text safe (control characters and terminal escape
sequences removed, line endings unified, a size cap); `tokens()` turns text
into lowercase words with their Snowball stems, so that "tightening" and
"tightened" meet at "tighten".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import snowballstemmer  # type: ignore[import-untyped]

MAX_TEXT_CHARS = 200_000
"""The most of one answer or speech that is scored; the rest is kept but not read (a note says so)."""

# ESC-introduced terminal sequences (colours, cursor moves, bracketed paste markers) are removed whole.
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
# Every C0/C1 control except tab and newline, DEL, and the bidirectional overrides.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069\ufeff]")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)

STOPWORDS = frozenset(
    (
        "a",
        "an",
        "the",
        "and",
        "or",
        "nor",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "into",
        "onto",
        "about",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "they",
        "them",
        "their",
        "we",
        "our",
        "you",
        "your",
        "i",
        "me",
        "my",
        "he",
        "him",
        "his",
        "she",
        "her",
        "who",
        "whom",
        "which",
        "what",
        "so",
        "such",
        "very",
        "can",
        "could",
        "would",
        "should",
        "will",
        "shall",
        "may",
        "might",
        "must",
        "if",
        "then",
        "s",
        "t",
    )
)
"""Words too common to make a point on their own (dropped from phrases and claims, kept for signposts)."""

_EVERYDAY = """
    also just only even still yet already again ever never always often sometimes very much many more most
    less least few fewer other others another same such own each every all any some both either neither none
    no not while whereas although though because since unless until whether than then there here where when
    why how get gets got getting make makes made making take takes took taken give gives gave given keep
    keeps kept keeping go goes went gone going come comes came coming put puts say says said see sees seen
    saw know knows knew known use uses used using need needs needed want wants wanted let lets way ways
    thing things part parts one two three four five first second third new old good bad big small large
    long short high low far near enough lot lots kind sort case point fact time times year years day days
    today now later soon right wrong true false real really likely well better best worse worst able
    mean means meant show shows showed shown find finds found work works worked working become becomes
    became seem seems seemed look looks looked tell tells told ask asks asked leave leaves left turn turns
    turned start starts started end ends ended run runs ran everyone everything anyone anything someone
    something nothing nobody whole rather instead without within across around through over under after
    before between against among into upon about above below back away off out up down yes per via
    cannot cant dont doesnt didnt isnt arent wasnt werent wont wouldnt couldnt shouldnt
"""
EVERYDAY_WORDS = frozenset(_EVERYDAY.split())
"""Everyday words of argument: real words, but too common to point to one argument (left out of key terms)."""


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Text made safe to score, with what cleaning did to it (shown to the learner)."""

    text: str
    removed_controls: int = 0
    truncated_chars: int = 0

    @property
    def notes(self) -> tuple[str, ...]:
        notes: list[str] = []
        if self.removed_controls:
            notes.append(f"{self.removed_controls} control character(s) removed from the pasted text")
        if self.truncated_chars:
            notes.append(
                f"only the first {MAX_TEXT_CHARS:,} characters were scored "
                f"({self.truncated_chars:,} more were kept but not read)"
            )
        return tuple(notes)


def clean(text: str, *, limit: int = MAX_TEXT_CHARS) -> Cleaned:
    """Remove terminal escapes and control characters, unify line endings, cap the scored length."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    before = len(text)
    text = _ANSI.sub("", text)
    text = _CONTROL.sub("", text.replace("\t", " "))
    removed = before - len(text)
    text = unicodedata.normalize("NFKC", text)
    truncated = 0
    if len(text) > limit:
        truncated = len(text) - limit
        text = text[:limit]
    return Cleaned(text.strip(), removed, truncated)


def safe(text: str) -> str:
    """Text with control characters and escapes removed, not capped: what is stored."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", _ANSI.sub("", text.replace("\t", " ")))


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of one lowercase word.

    Snowball keeps the plural "s" of codes and acronyms ("h800s", "gpus");
    a debater means the same thing with or without it.
    """
    if (
        len(word) > 3
        and word.endswith("s")
        and (word[-2].isdigit() or not any(c in "aeio" for c in word[:-2]))
    ):
        word = word[:-1]
    return str(_stemmer().stemWord(word))


def words(text: str) -> list[str]:
    """Lowercase words, apostrophes folded ("china's" -> "china")."""
    out: list[str] = []
    text = _THOUSANDS.sub("", text)  # "2,048" is one number
    for match in _WORD.finditer(text.lower()):
        word = match.group().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        out.append(word.replace("'", ""))
    return [w for w in out if w]


def content_words(text: str) -> list[str]:
    """Words with the stopwords dropped (all of them kept if nothing else is left)."""
    all_words = words(text)
    kept = [w for w in all_words if w not in STOPWORDS]
    return kept or all_words


def normalised(text: str) -> str:
    """Lowercase words joined by single spaces: what signpost phrases are looked up in."""
    return " ".join(words(text))


def sentences(text: str) -> list[str]:
    """Rough sentence split, for notes such as 'write one sentence'."""
    parts = re.split(r"(?<=[.!?])\s+|\n+", text.strip())
    return [p for p in parts if words(p)]
