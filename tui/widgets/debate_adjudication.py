"""The adjudication of a round, every figure with its reasons.

Drawn from the engine's `Adjudication`: the score on the format's scale, each
criterion (Content, Rebuttal, Strategy) as a bar with its "why" lines, the
reply, the dropped arguments by name, the verdict on the flow, and what the
best speech would have added.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from tui.debate.adjudicate import Adjudication, CriterionScore
from tui.debate.errors import fmt_score
from tui.widgets.charts import bar
from tui.widgets.debate_result import bullets, share_style

BAR = 20


def headline(adj: Adjudication, format_name: str) -> Content:
    low, high = adj.scale
    return Content.assemble(
        ("Score ", "bold"),
        (fmt_score(adj.score), f"bold {share_style(adj.share)}"),
        f" on the {format_name} speaker scale ({fmt_score(low)}–{fmt_score(high)}): ",
        f"{adj.share:.0%} of the way up",
        "\n",
        ("On the flow: ", "bold"),
        Content(adj.verdict),
    )


def criterion_line(c: CriterionScore) -> Content:
    if not c.applies:
        return Content.assemble(
            (c.name.ljust(10), "bold"), ("not scored (its weight goes to the others)", "dim")
        )
    return Content.assemble(
        (c.name.ljust(10), "bold"),
        ("▕", "dim"),
        (bar(c.share, BAR), share_style(c.share)),
        ("▏ ", "dim"),
        f"{fmt_score(c.points)}/{fmt_score(c.weight)}  ({c.share:.0%})",
    )


class AdjudicationPanel(Vertical):
    DEFAULT_CSS = """
    AdjudicationPanel { height: auto; }
    AdjudicationPanel > Static { height: auto; }
    AdjudicationPanel > .heading { margin: 1 0 0 0; text-style: bold; color: $text-primary; }
    AdjudicationPanel > .criterion { margin: 1 0 0 0; }
    AdjudicationPanel > .why { padding: 0 0 0 2; }
    """

    def __init__(self, adjudication: Adjudication, format_name: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.adjudication = adjudication
        self.format_name = format_name

    def compose(self) -> ComposeResult:
        adj = self.adjudication
        yield Static(headline(adj, self.format_name), id="headline")
        for c in adj.criteria:
            yield Static(criterion_line(c), classes="criterion")
            yield Static(bullets(c.why), classes="why")
        if adj.reply_score is not None and adj.reply_scale is not None:
            low, high = adj.reply_scale
            yield Static(
                Content.assemble(
                    ("Reply".ljust(10), "bold"),
                    f"{fmt_score(adj.reply_score)} ({fmt_score(low)}–{fmt_score(high)})",
                ),
                classes="criterion",
            )
            yield Static(bullets(adj.reply_why), classes="why")
        yield Static("Dropped", classes="heading")
        yield Static(
            Content.assemble(
                ("By you ", "bold"),
                ("(their arguments you never answered):", "dim"),
                "\n",
                bullets(adj.dropped_by_you or ("none",), "○", "$text-error"),
                "\n",
                ("By the opponent ", "bold"),
                ("(your arguments it never answered):", "dim"),
                "\n",
                bullets(adj.dropped_by_opponent or ("none",), "○", "$text-success"),
            ),
            id="dropped",
        )
        yield Static("What the best speech would have added", classes="heading")
        yield Static(
            bullets(adj.best_speech or ("nothing: the set is used up",), "+", "$text-accent"),
            id="best-speech",
        )
        yield Static("How the score was reached", classes="heading")
        yield Static(bullets(adj.why), id="score-why")
