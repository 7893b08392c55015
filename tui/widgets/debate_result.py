"""A scored drill answer, shown openly: the score, what was made and missed, the models, every "why" line.

Everything comes from the engine's `DrillResult`; nothing is scored here.
The texts (claims, rebuttals, the learner's own words) are never markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from tui.debate.drills import DrillResult

# drill -> (made heading, missed heading, models heading)
HEADINGS: dict[str, tuple[str, str, str]] = {
    "pick": ("Your choice", "The best rebuttal", "Why it answers the argument"),
    "rebuttal": ("Key points made", "Key points missed", "Model rebuttals"),
    "case": ("Your case", "The strongest case also had", "The strongest case"),
    "weigh": ("Axes named", "Axes not named", "A model weighing"),
    "side": ("", "", ""),
}


def share_style(share: float) -> str:
    return "$text-success" if share >= 0.8 else "$text-warning" if share >= 0.5 else "$text-error"


def verdict_content(result: DrillResult) -> Content:
    style = share_style(result.share)
    if result.correct is not None:
        mark = ("✓ Right", f"bold {style}") if result.correct else ("✗ Wrong", "bold $text-error")
    else:
        mark = (f"{result.share:.0%}", f"bold {style}")
    parts: list[str | Content | tuple[str, str]] = [mark, "   ", ("Score ", "bold"), result.score_text]
    if result.time_limit is not None:
        over = "  (over the limit)" if result.over_time else ""
        parts += ["   ", ("Time ", "bold"), f"{result.seconds:.0f} s of {result.time_limit:.0f} s{over}"]
    elif result.seconds:
        parts += ["   ", ("Time ", "bold"), f"{result.seconds:.0f} s"]
    return Content.assemble(*parts)


def bullets(lines: Sequence[str], mark: str = "•", style: str = "") -> Content:
    return Content("\n").join(Content.assemble((f"{mark} ", style or "dim"), Content(line)) for line in lines)


class DrillResultPanel(Vertical):
    """Shown under the item once it is answered."""

    DEFAULT_CSS = """
    DrillResultPanel { height: auto; border: round $primary; padding: 0 1; margin: 1 0 0 0; }
    DrillResultPanel.-good { border: round $success; }
    DrillResultPanel.-poor { border: round $error; }
    DrillResultPanel > Static { height: auto; }
    DrillResultPanel > .heading { margin: 1 0 0 0; text-style: bold; }
    """

    def __init__(self, result: DrillResult, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.result = result
        self.border_title = "Result"
        self.set_class(result.share >= 0.8, "-good")
        self.set_class(result.share < 0.5, "-poor")

    def compose(self) -> ComposeResult:
        r = self.result
        made_h, missed_h, models_h = HEADINGS.get(r.drill, ("Made", "Missed", "Models"))
        yield Static(verdict_content(r), classes="verdict")
        if made_h:
            wrong = r.correct is False and not r.earned  # a wrong pick: the choice shown in red
            made_style = "bold $text-error" if wrong else "bold $text-success"
            yield Static(
                Content.assemble((f"{made_h}: ", made_style), Content("; ".join(r.made) or "none")),
                classes="made",
            )
            if r.missed or r.correct is not True:  # a right answer missed nothing: no empty line for it
                yield Static(
                    Content.assemble(
                        (f"{missed_h}: ", "bold $text-error"), Content("; ".join(r.missed) or "none")
                    ),
                    classes="missed",
                )
        if r.models and r.drill != "pick":
            yield Static(models_h, classes="heading")
            yield Static(
                bullets([" ".join(m.split()) for m in r.models], "›", "$text-accent"), classes="models"
            )
        yield Static("Why", classes="heading")
        yield Static(bullets(r.why), classes="why")
        if r.notes:
            yield Static(bullets(r.notes, "!", "$text-warning"), classes="notes")
