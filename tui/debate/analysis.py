"""Reading a typed speech: which arguments of the set it makes and which opposing ones it answers.

The same matcher as the rebuttal drill: an argument is made when it is
recognised (`matcher.recognise`: half its claim's words together, or its key
terms together, either way pointing to it rather than to another argument of
the set); an opposing argument is answered when the
speech makes at least half the key points of one of its model rebuttals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.content.models import Argument
from tui.debate.matcher import (
    CLAIM_WINDOW,
    ArgumentTerms,
    RebuttalMatch,
    Recognition,
    TextIndex,
    best_rebuttal,
    coverage,
    recognise,
    term_evidence,
)
from tui.debate.text import clean

ANSWER_SHARE = 0.5
"""An opposing argument counts as answered when a model rebuttal's key points are this far made..."""
ANSWER_WINDOW = 80
"""... together, within this many words (so a long speech does not answer everything by chance),
and either two key points are made (one, if the rebuttal has only one) or the speech names the
argument: a third of its claim's words, or its key terms (`matcher.term_evidence`)."""
REFERENCE_SHARE = 1 / 3


@dataclass(frozen=True, slots=True)
class Answer:
    """How well a speech answered one opposing argument."""

    argument: Argument
    match: RebuttalMatch
    reference: float = 0.0
    named_by_terms: bool = False

    @property
    def named(self) -> bool:
        """Whether the speech names the argument it answers (a third of its claim's words, or its key terms)."""
        return self.reference >= REFERENCE_SHARE or self.named_by_terms

    @property
    def answered(self) -> bool:
        m = self.match
        if m.made == 0 or m.share < ANSWER_SHARE:
            return False
        return m.made >= 2 or m.total == 1 or self.named

    @property
    def share(self) -> float:
        return self.match.share

    def explain(self) -> str:
        m = self.match
        verdict = "answered" if self.answered else "not answered"
        if not self.answered and m.made == 1 and m.share >= ANSWER_SHARE:
            verdict += " (one key point alone counts when you also name their claim)"
        made = f"made {', '.join(m.made_labels)}" if m.made else "made none of its key points"
        missed = f"; missed {', '.join(m.missed_labels)}" if m.missed_labels and m.made else ""
        return (
            f"'{self.argument.claim}': {verdict} ({made}{missed}: {m.made}/{m.total} of rebuttal "
            f"'{m.rebuttal.id}')"
        )


@dataclass(frozen=True, slots=True)
class SpeechAnalysis:
    """What one typed speech did, read against the argument set."""

    text: str
    words: int
    made: tuple[Recognition, ...]
    answers: tuple[Answer, ...]
    notes: tuple[str, ...]

    @property
    def made_ids(self) -> tuple[str, ...]:
        return tuple(r.argument.id for r in self.made)

    @property
    def answered_ids(self) -> tuple[str, ...]:
        return tuple(a.argument.id for a in self.answers if a.answered)


def analyse(
    text: str, own: Sequence[Argument], opposing: Sequence[Argument], terms: ArgumentTerms | None = None
) -> SpeechAnalysis:
    """Find the own-side arguments a speech makes and how it answers the opposing ones given.

    `terms`: the key terms of the whole set (`ArgumentTerms(motion.arguments, motion.motion)`), so a
    word several arguments share counts for none of them in particular; without it each argument is
    read on its own."""
    terms = terms or ArgumentTerms((*own, *opposing))
    cleaned = clean(text)
    idx = TextIndex(cleaned.text)
    notes = list(cleaned.notes)
    if not cleaned.text:
        notes.append("empty speech: nothing to flow")
        return SpeechAnalysis("", 0, (), (), tuple(notes))
    made = tuple(r for r in (recognise(idx, a, terms) for a in own) if r.recognised)
    answers: list[Answer] = []
    for arg in opposing:
        match = best_rebuttal(idx, arg, ANSWER_WINDOW)
        if match is not None:
            reference = coverage(idx, arg.claim, CLAIM_WINDOW).share
            named = (
                reference < REFERENCE_SHARE and match.made == 1 and term_evidence(idx, arg, terms).recognised
            )
            answers.append(Answer(arg, match, reference, named))
    return SpeechAnalysis(cleaned.text, len(idx), made, tuple(answers), tuple(notes))
