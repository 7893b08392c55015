"""An argument as a card: its side, claim, reasoning and impact (never read as markup).

Drills show it in full (pick, rebuttal), claim only (side), or impact first
(weigh). The text comes from content files, so it is always wrapped in
`Content(...)`: a claim containing `[bold]` shows as typed.
"""

from __future__ import annotations

from typing import Literal

from textual.content import Content
from textual.widgets import Static

from tui.content.models import Argument

SIDE_NAMES = {"prop": "Proposition", "opp": "Opposition"}
Show = Literal["full", "claim", "impact"]


def argument_content(argument: Argument, show: Show = "full", *, label: str | None = None) -> Content:
    """The card's text: a heading line, then the parts `show` asks for."""
    side = SIDE_NAMES.get(argument.side, argument.side)
    head = label if label is not None else ("Which side says this?" if show == "claim" else f"{side} argues")
    parts: list[str | Content | tuple[str, str]] = [(head, "bold $text-primary")]
    if show == "claim":
        parts += ["\n", (argument.claim, "bold")]
    elif show == "impact":
        parts += [
            "\n",
            ("Impact: ", "bold"),
            Content(argument.impact),
            "\n",
            ("claim: ", "dim"),
            (argument.claim, "dim"),
        ]
    else:
        parts += [
            "\n",
            (argument.claim, "bold"),
            "\n",
            ("Reasoning: ", "$text-muted"),
            Content(" ".join(argument.reasoning.split())),
            "\n",
            ("Impact: ", "$text-muted"),
            Content(" ".join(argument.impact.split())),
        ]
    return Content.assemble(*parts)


class ArgumentCard(Static):
    """One argument in a bordered box."""

    DEFAULT_CSS = """
    ArgumentCard { height: auto; border: round $primary; padding: 0 1; }
    ArgumentCard.-prop { border: round $success 70%; }
    ArgumentCard.-opp { border: round $warning 70%; }
    """

    def __init__(
        self,
        argument: Argument,
        show: Show = "full",
        *,
        label: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(argument_content(argument, show, label=label), id=id, classes=classes)
        self.argument = argument
        self.add_class(f"-{argument.side}" if show != "claim" else "-hidden-side")
