"""A speech of a round as text: who gave it, what it said, what it did on the flow, its time.

Used by the round screen (the opponent's speeches, what yours did) and the
adjudication's transcript. Speech texts are never markup.
"""

from __future__ import annotations

from textual.content import Content

from tui.debate import SpeechRecord
from tui.debate.clock import mmss
from tui.widgets.debate_result import bullets

WHO = {
    "learner": ("you", "bold $text-success"),
    "opponent": ("opponent", "bold $text-warning"),
    "cross": ("cross-examination", "bold $text-secondary"),
}


def speech_title(rec: SpeechRecord) -> Content:
    who, style = WHO[rec.actor]
    return Content.assemble((rec.name, "bold"), "  ", (who, style), (f"  {mmss(rec.seconds)}", "dim"))


def speech_body(rec: SpeechRecord, *, text: bool = True) -> Content:
    """The questions (cross), the text, the actions on the flow, notes and the time verdict."""
    parts: list[Content] = []
    if rec.questions:
        parts.append(Content.assemble(("They asked:\n", "bold"), bullets(rec.questions, "?")))
    if text:
        paragraphs = [" ".join(p.split()) for p in rec.text.split("\n\n") if p.strip()]
        parts.append(
            Content("\n\n").join(Content(p) for p in paragraphs) if paragraphs else Content("(empty)")
        )
    if rec.actions:
        parts.append(bullets(rec.actions, "*", "$text-accent"))
    elif rec.actor == "learner" and rec.kind != "cross":
        parts.append(
            Content.assemble(
                ("* ", "$text-warning"), ("no argument of the set recognised and nothing answered", "dim")
            )
        )
    if rec.notes:
        parts.append(bullets(rec.notes, "!", "$text-warning"))
    if rec.time_why:
        parts.append(Content.assemble(("time: ", "dim"), rec.time_why))
    return Content("\n\n").join(parts)
