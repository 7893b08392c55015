"""Text entry for speeches and drill answers that pasted text cannot upset.

Pasted terminal escapes and control characters are removed before they reach
the document (the engine strips them again when scoring) and the learner is
told how many went. Nothing is analysed while typing: the screens read the
text once, on submit, so a 100 KB paste costs one insert.
"""

from __future__ import annotations

import textwrap

from textual import events
from textual.widgets import Input, TextArea

from tui.debate.text import safe


def cleaned_paste(text: str) -> tuple[str, int]:
    """The pasted text without control characters and escapes, and how many characters went."""
    unified = text.replace("\r\n", "\n").replace("\r", "\n")
    out = safe(unified)
    return out, len(unified) - len(out)


LONG_LINE = 1000
"""Pasted lines longer than this are broken at spaces: a soft-wrapped line of 100 KB makes every key slow."""


def break_long_lines(text: str, width: int = LONG_LINE) -> tuple[str, int]:
    """`text` with lines over `width` characters broken at spaces; how many lines were broken."""
    out: list[str] = []
    broken = 0
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        broken += 1
        out.extend(
            textwrap.wrap(
                line,
                width,
                break_long_words=True,
                break_on_hyphens=False,
                replace_whitespace=False,
                drop_whitespace=True,
            )
            or [""]
        )
    return "\n".join(out), broken


class SpeechEditor(TextArea):
    """A wrapping editor for a speech or a typed rebuttal."""

    DEFAULT_CSS = """
    SpeechEditor { height: 1fr; min-height: 4; }
    """

    def __init__(self, text: str = "", *, placeholder: str = "", id: str | None = None) -> None:
        super().__init__(
            text,
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
            placeholder=placeholder,
            id=id,
        )

    async def _on_paste(self, event: events.Paste) -> None:
        # Runs before TextArea's own handler (Textual calls both), which then inserts the cleaned text.
        text, removed = cleaned_paste(event.text)
        event.text, broken = break_long_lines(text)
        if removed:
            self.notify(
                f"{removed} control character(s) removed from the pasted text.",
                severity="warning",
                markup=False,
            )
        if broken:
            self.notify(
                f"{broken} very long pasted line(s) broken at spaces, so the editor stays quick.",
                markup=False,
            )

    @property
    def words(self) -> int:
        return len(self.text.split())


class SafeInput(Input):
    """A one-line answer (a weighing sentence) with the same paste cleaning."""

    def _on_paste(self, event: events.Paste) -> None:
        text, removed = cleaned_paste(event.text)
        event.text = " ".join(text.split("\n"))  # one sentence: a pasted paragraph joins into one line
        if removed:
            self.notify(
                f"{removed} control character(s) removed from the pasted text.",
                severity="warning",
                markup=False,
            )
