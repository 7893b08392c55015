"""A drill, one item at a time: side, pick, rebuttal, case or weigh.

The screen turns what was done on screen into the answer text the engine
reads (`prop`, `2`, `1 3 4`, the typed rebuttal or sentence), hands it to
`drill.answer()`, shows the scored result openly and saves it at once
(`DrillSaver`). The item clock ticks on `set_interval` and reads the injected
clock, so tests move a fake clock and call `tick()`.

A typed answer (rebuttal, weighing sentence) is autosaved as a draft of that
item (`DraftKeeper`: a keystroke only marks it dirty, the tick writes it at
most every few seconds, leaving writes it at once) and comes back the next
time the same item of the same drill is shown; submitting deletes it.
"""

from __future__ import annotations

from functools import partial
from typing import Any, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Label, Static

from tui.bindings import DRILL, QUIZ
from tui.debate import BadAnswer, DebateConfig, DebateError, Drill, DrillResult, Prompt
from tui.debate.errors import fmt_score
from tui.debate.records import drill_draft_key
from tui.screens.debate_support import TICK_SECONDS, Drafts, draft_keeper, drill_saver, safely
from tui.screens.dialogs import ConfirmScreen
from tui.widgets.debate_argument import ArgumentCard
from tui.widgets.debate_clock import Countdown
from tui.widgets.debate_editor import SafeInput, SpeechEditor
from tui.widgets.debate_options import NumberedOptions
from tui.widgets.debate_result import DrillResultPanel

Phase = Literal["asking", "result", "done"]
CHOOSE = [b for b in QUIZ if isinstance(b, Binding) and (b.id or "").startswith("quiz.choose-")]
DRILL_KEYS = [*CHOOSE, *DRILL]
HINTS = {
    "side": "p: Proposition · o: Opposition",
    "pick": "Press 1-{n} to choose.",
    "rebuttal": "They say … but … because … therefore …  ctrl+s submits.",
    "case": "Press 1-{n} to pick {k} (again to unpick), then Enter.",
    "weigh": "One sentence: which impact matters more, and why. Enter submits.",
}
REBUTTAL_PLACEHOLDER = "They say … But … Because … Therefore …"


def instruction(prompt: Prompt) -> str:
    """The engine's instruction, with keys where plain mode says to type."""
    return prompt.instruction.replace("Type prop or opp.", "Press p or o.").replace(
        "Type a number", "Press a number"
    )


def right_indices(prompt: Prompt, result: DrillResult) -> set[int]:
    """Which options were right, from the result (pick: the model rebuttal; case: the strongest case)."""
    if prompt.drill == "pick":
        return {i for i, text in enumerate(prompt.options) if text in result.models}
    if prompt.drill == "case":
        return {
            i
            for i, a in enumerate(prompt.arguments)
            if any(m.startswith(f"{a.claim} (strength ") for m in result.models)
        }
    return set()


class DrillScreen(Screen[None]):
    CSS_PATH = "debate.tcss"
    BINDINGS = DRILL_KEYS

    def __init__(self, drill: Drill[Any], config: DebateConfig | None = None) -> None:
        super().__init__()
        self.drill = drill
        self.config = config
        self.prompt: Prompt | None = None
        self.result: DrillResult | None = None
        self.phase: Phase = "asking"
        self.saver: Any = None
        self.warned_time = False
        self.drafts: Drafts | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="drill-bar", classes="dbar"):
            yield Label(f"{self.drill.kind.capitalize()} drill", id="drill-kind")
            yield Label("", id="drill-position")
            yield Label("", id="drill-score")
            yield Countdown("", id="drill-clock")
        with VerticalScroll(id="drill-body"):
            yield Static("", id="drill-instruction")
            yield Vertical(id="drill-prompt")
            yield Vertical(id="drill-answer")
            yield Static("", id="drill-hint", classes="hint")
            yield Vertical(id="drill-result")
        yield Footer()

    async def on_mount(self) -> None:
        self.sub_title = self.drill.motion.motion
        self.saver = drill_saver(self.app, self.drill)
        for note in self.drill.notes:
            self.notify(note, severity="warning", markup=False)
        await self.show_next()
        self.set_interval(TICK_SECONDS, self.tick, name="drill-clock")

    # ---------------------------------------------------------------- showing

    async def show_next(self) -> None:
        prompt = self.drill.present()
        if prompt is None:
            self.show_summary()
            return
        self.prompt, self.result, self.phase, self.warned_time = prompt, None, "asking", False
        self.query_one("#drill-instruction", Static).update(Content(instruction(prompt)))
        for area in ("#drill-prompt", "#drill-answer", "#drill-result"):
            await self.query_one(area).remove_children()
        await self.query_one("#drill-prompt").mount_all(self.prompt_widgets(prompt))
        answer = self.answer_widget(prompt)
        if self.drafts is not None:
            self.drafts.flush()
        self.drafts = None
        if answer is not None:
            await self.query_one("#drill-answer").mount(answer)
            if isinstance(answer, SpeechEditor | SafeInput):
                self.drafts = self.restore_draft(prompt, answer)
            if answer.focusable:
                answer.focus()
            else:
                self.set_focus(None)
        n = len(prompt.options) or len(prompt.arguments)
        self.query_one("#drill-hint", Static).update(
            Content(HINTS[prompt.drill].format(n=n, k=prompt.picks))
            if prompt.drill != "side" or not prompt.motions
            else Content("Type the motion's number and a side, e.g. '2 opp', then Enter.")
        )
        self.query_one("#drill-body").scroll_home(animate=False)
        self.update_bar()
        self.refresh_bindings()

    def prompt_widgets(self, prompt: Prompt) -> list[Widget]:
        if prompt.drill == "side" and prompt.argument is not None:
            widgets: list[Widget] = [ArgumentCard(prompt.argument, "claim")]
            if prompt.motions:
                widgets.append(
                    Static(
                        Content("\n").join(
                            Content.assemble((f"{i} ", "bold"), Content(m.motion))
                            for i, m in enumerate(prompt.motions, 1)
                        ),
                        id="drill-motions",
                    )
                )
            return widgets
        if prompt.drill in ("pick", "rebuttal") and prompt.argument is not None:
            return [ArgumentCard(prompt.argument)]
        if prompt.drill == "weigh":
            names = ("A", "B")
            row = Horizontal(
                *(
                    ArgumentCard(
                        a,
                        "impact",
                        label=f"{names[i]} · {'Proposition' if a.side == 'prop' else 'Opposition'} impact",
                    )
                    for i, a in enumerate(prompt.arguments)
                ),
                id="weigh-pair",
            )
            return [row]
        return []

    def answer_widget(self, prompt: Prompt) -> Widget | None:
        kind = prompt.drill
        if kind == "side":
            if prompt.motions:
                return SafeInput(placeholder="e.g. 2 opp", id="drill-input")
            return Horizontal(
                Button("Proposition (p)", id="side-prop", compact=True),
                Button("Opposition (o)", id="side-opp", compact=True),
                classes="button-row",
            )
        if kind == "pick":
            return NumberedOptions(prompt.options, id="drill-options")
        if kind == "case":
            labels = [f"{a.claim}  [{', '.join(a.tags)}]" for a in prompt.arguments]
            return NumberedOptions(labels, multi=True, id="drill-options")
        if kind == "rebuttal":
            return SpeechEditor(placeholder=REBUTTAL_PLACEHOLDER, id="drill-editor")
        return SafeInput(
            placeholder="… outweighs … because it is more likely / sooner / irreversible", id="drill-input"
        )

    def restore_draft(self, prompt: Prompt, widget: SpeechEditor | SafeInput) -> Drafts | None:
        """Autosave for a typed answer; a draft left from before (a crash, a drill left half way) comes back."""
        keeper = draft_keeper(
            self.app,
            drill_draft_key(prompt.drill, prompt.motion.id, prompt.item_id),
            label=prompt.argument.claim if prompt.argument is not None else prompt.item_id,
        )
        if keeper is None:
            return None
        try:
            draft = keeper.restore()
        except Exception as exc:  # an unreadable database: type on, without autosave
            self.notify(f"Could not read your saved draft: {exc}", severity="error", markup=False)
            return None
        if draft is not None and draft.text.strip():
            if isinstance(widget, SpeechEditor):
                widget.load_text(draft.text)
                widget.move_cursor(widget.document.end)
            else:
                widget.value = " ".join(draft.text.split("\n"))
                widget.cursor_position = len(widget.value)
            self.notify(
                f"Your unsubmitted answer from {draft.updated.astimezone():%d %b %H:%M} is back: edit it or submit.",
                title="Draft restored",
                markup=False,
            )
        if isinstance(widget, SpeechEditor):
            return Drafts(self.app, keeper, lambda: widget.text)
        return Drafts(self.app, keeper, lambda: widget.value)

    def on_text_area_changed(self, event: SpeechEditor.Changed) -> None:
        if event.text_area.id == "drill-editor" and self.drafts is not None:
            self.drafts.touch()  # per key only a flag: the tick writes the draft

    @on(SafeInput.Changed, "#drill-input")
    def _input_changed(self, event: SafeInput.Changed) -> None:
        if self.drafts is not None:
            self.drafts.touch()

    def update_bar(self) -> None:
        d = self.drill
        number = self.prompt.number if self.prompt is not None and self.phase != "done" else d.total
        self.query_one("#drill-position", Label).update(f"Item {number} of {d.total}")
        earned = sum(r.earned for r in d.results)
        possible = sum(r.possible for r in d.results)
        self.query_one("#drill-score", Label).update(f"Score {fmt_score(earned)}/{fmt_score(possible)}")
        self.update_clock()

    def update_clock(self) -> None:
        clock = self.query_one("#drill-clock", Countdown)
        if self.phase == "asking":
            clock.show("", self.drill.remaining())
        elif self.result is not None:
            clock.show(f"{self.result.seconds:.0f} s", None)

    def show_summary(self) -> None:
        from tui.screens.debate_results import DrillSummaryScreen

        self.phase = "done"
        self.app.switch_screen(DrillSummaryScreen(self.drill, self.config))

    # ---------------------------------------------------------------- answering

    def answer_text(self) -> str:
        found = self.query("#drill-options, #drill-editor, #drill-input")
        widget = found.first() if found else None
        if isinstance(widget, NumberedOptions):
            return " ".join(str(i + 1) for i in widget.picked)
        if isinstance(widget, SpeechEditor):
            return widget.text
        if isinstance(widget, SafeInput):
            return widget.value
        return ""

    async def submit(self, text: str | None = None, *, confirmed: bool = False) -> None:
        if self.phase != "asking" or self.prompt is None:
            return
        text = self.answer_text() if text is None else text
        problem = self.drill.check(text)
        if problem is not None:
            self.notify(problem[:1].upper() + problem[1:] + ".", severity="warning", markup=False)
            return
        if not text.strip() and not confirmed and self.prompt.drill in ("rebuttal", "weigh"):
            what = "rebuttal" if self.prompt.drill == "rebuttal" else "weighing sentence"
            self.app.push_screen(
                ConfirmScreen(
                    f"Submit an empty {what}?",
                    "It scores 0, and the result shows what a full answer makes. Say No to go back and type.",
                    yes="Submit",
                    no="Keep typing",
                ),
                partial(self._confirmed_empty, text),
            )
            return
        try:
            result = self.drill.answer(text)
        except (BadAnswer, DebateError) as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        if self.saver is not None:
            safely(self.app, "this answer", partial(self.saver.save, result))
        if self.drafts is not None:
            self.drafts.discard()  # submitted: the draft has done its job
            self.drafts = None
        await self.show_result(result)

    async def _confirmed_empty(self, text: str, yes: bool | None) -> None:
        if yes:
            await self.submit(text, confirmed=True)

    async def show_result(self, result: DrillResult) -> None:
        assert self.prompt is not None
        self.result, self.phase = result, "result"
        options = self.query("#drill-options")
        if options:
            widget = options.first(NumberedOptions)
            widget.mark(widget.picked, right_indices(self.prompt, result))
        for editor in self.query(SpeechEditor):
            editor.read_only = True
        for field in self.query(SafeInput):
            field.disabled = True
        for button in self.query("#drill-answer Button"):
            button.disabled = True
        panel = DrillResultPanel(result)
        await self.query_one("#drill-result").mount(panel)
        last = self.drill.finished
        self.query_one("#drill-hint", Static).update("Enter: the summary." if last else "Enter: next item.")
        self.query_one("#drill-body").focus()  # arrows and page keys scroll the result; Enter goes on
        self.update_bar()
        self.call_after_refresh(panel.scroll_visible, top=True, animate=False)
        self.refresh_bindings()

    async def tick(self) -> None:
        """Repaint the item clock (every TICK_SECONDS; tests call it after moving the fake clock)."""
        if self.phase != "asking":
            return
        if self.drafts is not None:
            self.drafts.poll()
        self.update_clock()
        left = self.drill.remaining()
        if left is not None and left <= 0 and not self.warned_time:
            self.warned_time = True
            self.notify(
                "Time is up: finish and submit (the time is noted, not deducted).",
                severity="warning",
                markup=False,
            )

    # ---------------------------------------------------------------- actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        kind = self.prompt.drill if self.prompt is not None else None
        asking = self.phase == "asking"
        if action == "side":
            return asking and kind == "side" and not (self.prompt and self.prompt.motions)
        if action == "choose":
            return asking and kind in ("pick", "case")
        if action == "submit":
            return asking and kind in ("rebuttal", "case", "weigh")
        if action == "advance":
            return self.phase == "result" or (asking and kind == "case")
        return True

    async def action_side(self, side: str) -> None:
        await self.submit(side)

    async def action_choose(self, number: int) -> None:
        found = self.query("#drill-options")
        if self.phase != "asking" or not found:
            return
        widget = found.first(NumberedOptions)
        if not widget.choose(number):
            return
        if not widget.multi:
            await self.submit()
        elif self.prompt is not None:
            self.query_one("#drill-hint", Static).update(
                f"{len(widget.picked)} of {self.prompt.picks} picked · 1-{len(widget.options)} toggles, Enter submits."
            )

    async def action_submit(self) -> None:
        await self.submit()

    async def action_advance(self) -> None:
        if self.phase == "result":
            await self.show_next()
        elif self.phase == "asking":
            await self.submit()

    def action_leave(self) -> None:
        if self.phase == "done":
            return
        answered = len(self.drill.results)
        body = (
            f"You answered {answered} of {self.drill.total}; every answer is saved."
            if answered
            else "Nothing was answered yet."
        )
        self.app.push_screen(ConfirmScreen("Leave this drill?", body, yes="Leave", no="Stay"), self._leave)

    def _leave(self, yes: bool | None) -> None:
        if not yes:
            return
        if self.drafts is not None:
            self.drafts.flush()  # kept for the next time this item comes up
        if self.drill.results:
            self.show_summary()
        else:
            self.phase = "done"
            self.app.pop_screen()

    def on_unmount(self) -> None:
        if self.drafts is not None:
            self.drafts.flush()  # ctrl+q mid-answer: the typing is kept

    @on(NumberedOptions.Chosen)
    async def _clicked(self, event: NumberedOptions.Chosen) -> None:
        await self.action_choose(event.index + 1)

    @on(Button.Pressed, "#side-prop, #side-opp")
    async def _side_button(self, event: Button.Pressed) -> None:
        await self.submit((event.button.id or "").removeprefix("side-"))

    @on(SafeInput.Submitted, "#drill-input")
    async def _typed(self, event: SafeInput.Submitted) -> None:
        event.stop()
        await self.submit()
