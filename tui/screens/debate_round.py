"""A sparring round: prep on a clock, then the format's speeches in order, then the adjudication.

Phases on screen:

- prep: the motion, its context and a notes editor (the notes start your
  first speech); ctrl+s ends prep early, the clock ends it anyway;
- reading: what your last speech did, then the opponent's speeches; Enter
  starts your next speech (ctrl+r takes pool prep first where the format has it);
- speaking: the editor beside the speech clock (protected time, POI window,
  grace; bells flash and ring the terminal bell); ctrl+s submits;
- done: the adjudication screen replaces this one.

The round is saved (`RoundKeeper`) when it starts and after every speech, so
leaving or a crash loses nothing submitted. What is typed but not submitted
(prep notes, the speech in the editor) is autosaved as a draft of the round
(`DraftKeeper`: a keystroke only marks it dirty; the clock's tick writes it at
most every few seconds, and leaving writes it at once); the history shows it
with the unfinished round. Nothing is analysed while typing.
"""

from __future__ import annotations

from functools import partial
from typing import Any, Literal

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from tui.bindings import ROUND
from tui.debate import DebateConfig, DebateError, Round, SpeechRecord, Turn
from tui.debate.clock import mmss
from tui.debate.records import prep_draft_key, speech_draft_key
from tui.screens.debate_support import TICK_SECONDS, Drafts, draft_keeper, round_keeper, safely
from tui.screens.dialogs import ConfirmScreen
from tui.widgets.debate_clock import SpeechClock, countdown_content
from tui.widgets.debate_editor import SpeechEditor
from tui.widgets.debate_result import bullets
from tui.widgets.debate_speech import speech_body, speech_title

Phase = Literal["prep", "reading", "speaking", "done"]
EMPTY_SPEECH = (
    "An empty speech makes no argument and answers none: Content and Rebuttal get nothing from it, "
    "and the opponent's arguments stand. The round goes on to the next speech."
)


def turn_line(turn: Turn) -> str:
    s = turn.speech
    poi = f", POIs {mmss(s.poi[0] * 60)}–{mmss(s.poi[1] * 60)}" if s.poi else ""
    kind = {"reply": " (reply)", "cross": " (cross-examination, not scored)"}.get(s.kind, "")
    return f"{s.name}{kind}: {mmss(s.seconds)}{poi}"


class RoundScreen(Screen[None]):
    CSS_PATH = "debate.tcss"
    BINDINGS = ROUND

    def __init__(self, rnd: Round, config: DebateConfig | None = None) -> None:
        super().__init__()
        self.round = rnd
        self.config = config
        self.phase: Phase = "prep"
        self.keeper: Any = None
        self.last_learner: SpeechRecord | None = None
        self.shown: list[SpeechRecord] = []
        self.speeches_given = 0
        self.editor_dirty = False
        self.prep_drafts: Drafts | None = None
        self.speech_drafts: Drafts | None = None

    @property
    def side_name(self) -> str:
        return self.round.format.side_name(self.round.side)

    def compose(self) -> ComposeResult:
        yield Label("", id="round-bar", classes="dbar")
        with Horizontal(id="round-main"):
            with Vertical(id="round-left"):
                with Vertical(id="prep-view"):
                    yield Static("", id="prep-motion")
                    with VerticalScroll(id="prep-info-box"):
                        yield Static("", id="prep-info")
                    yield Label("Prep notes (they start your first speech)", classes="dfield")
                    yield SpeechEditor(
                        placeholder="Your case: first … second … and why it outweighs …", id="prep-notes"
                    )
                with VerticalScroll(id="reading-view"):
                    yield Static("", id="reading-text")
                with Vertical(id="speaking-view"):
                    yield Static("", id="cross-questions")
                    yield Vertical(id="editor-box")
                    yield Static("", id="editor-hint", classes="hint")
            with Vertical(id="round-side"):
                yield Vertical(id="clock-box")
                yield Static("", id="side-info")
        yield Footer()

    async def on_mount(self) -> None:
        r = self.round
        self.sub_title = r.motion.motion
        for notice in r.notices:
            self.notify(notice, severity="warning", markup=False)
        self.keeper = round_keeper(self.app, r)
        self.save()
        self.query_one("#prep-motion", Static).update(
            Content.assemble(
                (r.motion.motion, "bold"),
                "\n",
                ("You are ", "dim"),
                (self.side_name, "bold"),
                (f" in a {r.format.name} round, seed {r.seed}.", "dim"),
            )
        )
        self.query_one("#prep-info", Static).update(Content(" ".join(r.motion.info.split())))
        self.set_interval(TICK_SECONDS, self.tick, name="round-clock")
        if r.can_prep():
            await self.start_prep()
        else:
            await self.next_turn()

    # ---------------------------------------------------------------- views

    def show_view(self, phase: Phase) -> None:
        self.phase = phase
        for view, shown in (
            ("#prep-view", phase == "prep"),
            ("#reading-view", phase == "reading"),
            ("#speaking-view", phase == "speaking"),
        ):
            self.query_one(view).display = shown
        self.update_bar()
        self.refresh_bindings()

    def update_bar(self) -> None:
        r = self.round
        turn = r.current_turn()
        where = (
            f"speech {turn.index + 1} of {len(r.turns)}: {turn.name}"
            if turn is not None
            else "the round is over"
        )
        what = {"prep": "prep", "reading": "read, then Enter", "speaking": "speaking", "done": "done"}[
            self.phase
        ]
        self.query_one("#round-bar", Label).update(
            Content(f" {r.format.name} · you: {self.side_name} · {where} · {what}")
        )

    def side_info(self) -> Content:
        """Beside the clock: the opponent's arguments on the flow so far, and what comes next."""
        flow = self.round.flow()
        theirs = [row for row in flow.rows if row.by == "opponent"]
        parts: list[str | Content | tuple[str, str]] = [
            ("Their arguments", "bold"),
            ("  ✕ answered ○ dropped", "dim") if theirs else "",
        ]
        if theirs:
            for row in theirs:
                mark = {"answered": ("✕ ", "$text-accent"), "dropped": ("○ ", "$text-error")}.get(
                    row.status, ("• ", "$text-warning")
                )
                parts += ["\n", mark, Content(row.argument.claim)]
        else:
            parts += ["\n", ("none yet", "dim")]
        turn = self.round.current_turn()
        if turn is not None and self.phase != "speaking":
            parts += ["\n\n", ("Next: ", "bold"), Content(turn_line(turn))]
        if self.round.prep_left > 0 and self.round.prep_pool:
            parts += ["\n", (f"prep left: {mmss(self.round.prep_left)}", "dim")]
        parts += ["\n\n", ("F2: the flow sheet", "dim")]
        return Content.assemble(*parts)

    def refresh_side(self) -> None:
        self.query_one("#side-info", Static).update(self.side_info())

    # ---------------------------------------------------------------- prep

    async def start_prep(self) -> None:
        try:
            self.round.start_prep()
        except DebateError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        self.show_view("prep")
        await self.query_one("#clock-box").remove_children()
        await self.query_one("#clock-box").mount(Static("", id="prep-clock"))
        self.update_prep_clock()
        self.refresh_side()
        notes = self.query_one("#prep-notes", SpeechEditor)
        if self.prep_drafts is None:
            self.prep_drafts = self.drafts_for(prep_draft_key, "Prep notes", notes)
        notes.focus()

    def update_prep_clock(self) -> None:
        prep = self.round.prep
        if prep is None:
            return
        label = "Prep" if not self.round.prep_pool else "Prep (pool)"
        for clock in self.query("#prep-clock"):
            if isinstance(clock, Static):
                clock.update(
                    Content.assemble(
                        countdown_content(label, max(0.0, prep.remaining), low=30),
                        (
                            "\nctrl+s: start speaking"
                            if self.round.prep_pool and self.round.records
                            else "\nctrl+s: start the round",
                            "dim",
                        ),
                    )
                )

    async def end_prep(self) -> None:
        if self.phase != "prep":
            return
        used = self.round.end_prep()
        self.notify(f"Prep used: {mmss(used)}.", markup=False)
        turn = self.round.current_turn()
        if turn is not None and turn.actor != "opponent" and self.round.records:
            await self.start_speaking()  # pool prep taken just before a speech
        else:
            await self.next_turn()

    # ---------------------------------------------------------------- turns

    async def next_turn(self) -> None:
        """Play the opponent up to your next turn; show what happened; the adjudication at the end."""
        r = self.round
        shown: list[SpeechRecord] = []
        while (turn := r.current_turn()) is not None and turn.actor == "opponent":
            shown.append(r.opponent_speaks())
            self.save()
        if r.current_turn() is None:
            self.finish()
            return
        if not shown and self.last_learner is None:
            await self.start_speaking()  # you open the round
            return
        self.shown = shown
        self.show_reading()

    def show_reading(self) -> None:
        parts: list[Content] = []
        if self.last_learner is not None:
            rec = self.last_learner
            parts.append(
                Content.assemble(
                    (f"Your {rec.name}", "bold $text-success"), (f"  {mmss(rec.seconds)}", "dim")
                )
            )
            parts.append(speech_body(self.last_learner, text=False))
        for rec in self.shown:
            parts.append(Content.assemble(("── ", "dim"), speech_title(rec), (" ──", "dim")))
            parts.append(speech_body(rec))
        turn = self.round.current_turn()
        if turn is not None:
            prep = f" · ctrl+r: use prep ({mmss(self.round.prep_left)} left)" if self.round.can_prep() else ""
            parts.append(
                Content.assemble(
                    ("Next: ", "bold"),
                    Content(turn_line(turn)),
                    " (you)",
                    ("\nEnter: start speaking (the clock starts)" + prep, "$text-accent"),
                )
            )
        self.query_one("#reading-text", Static).update(Content("\n\n").join(parts))
        self.show_view("reading")
        self.query_one("#clock-box").remove_children()
        self.refresh_side()
        view = self.query_one("#reading-view")
        view.focus()  # arrows and page keys scroll a long speech; Enter goes on
        view.scroll_home(animate=False)

    async def start_speaking(self) -> None:
        r = self.round
        turn = r.current_turn()
        if turn is None:
            return
        try:
            timer = r.start_speech()
        except DebateError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        box = self.query_one("#clock-box")
        await box.remove_children()
        clock = SpeechClock(turn.speech, timer.bells, id="speech-clock")
        await box.mount(clock)
        questions = self.query_one("#cross-questions", Static)
        if turn.actor == "cross":
            questions.update(
                Content.assemble(
                    ("The opponent asks (answer them; cross-examination is not scored):\n", "bold"),
                    bullets(r.questions(), "?"),
                )
            )
        questions.display = turn.actor == "cross"
        notes = self.query_one("#prep-notes", SpeechEditor).text if self.speeches_given == 0 else ""
        editor_box = self.query_one("#editor-box")
        await editor_box.remove_children()
        editor = SpeechEditor(notes, placeholder="Type your speech. ctrl+s submits it.", id="speech-editor")
        editor.border_title = turn.name
        await editor_box.mount(editor)
        if self.prep_drafts is not None:
            self.prep_drafts.flush()
        self.speech_drafts = self.drafts_for(partial(speech_draft_key, index=turn.index), turn.name, editor)
        self.editor_dirty = True
        self.show_view("speaking")
        self.update_hint()
        self.refresh_side()
        clock.show(timer.status())
        editor.focus()
        editor.move_cursor(editor.document.end)

    def update_hint(self) -> None:
        editors = self.query("#speech-editor")
        words = editors.first(SpeechEditor).words if editors else 0
        self.query_one("#editor-hint", Static).update(
            f"{words} word{'s' if words != 1 else ''} · ctrl+s: submit · F2: flow sheet · Esc: leave"
        )

    async def submit(self, *, confirmed: bool = False) -> None:
        if self.phase != "speaking":
            return
        editor = self.query_one("#speech-editor", SpeechEditor)
        text = editor.text
        if not text.strip() and not confirmed:
            self.app.push_screen(
                ConfirmScreen("Give an empty speech?", EMPTY_SPEECH, yes="Give it", no="Keep typing"),
                self._confirmed_empty,
            )
            return
        try:
            rec = self.round.submit(text)
        except DebateError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.speeches_given += 1
        self.last_learner = rec
        self.save()
        if self.speech_drafts is not None:
            self.speech_drafts.discard()
            self.speech_drafts = None
        if self.speeches_given == 1 and self.prep_drafts is not None:
            self.prep_drafts.discard()  # the notes started this speech: they are in the transcript now
        await self.next_turn()

    async def _confirmed_empty(self, yes: bool | None) -> None:
        if yes:
            await self.submit(confirmed=True)

    def finish(self) -> None:
        from tui.screens.debate_results import AdjudicationScreen

        adjudication = self.round.finish()
        self.phase = "done"
        self.save()
        self.app.switch_screen(AdjudicationScreen(self.round, adjudication, self.config))

    def save(self) -> None:
        if self.keeper is not None:
            safely(self.app, "the round", self.keeper.save)

    # ---------------------------------------------------------------- the clock

    async def tick(self) -> None:
        """Move the clocks on (every TICK_SECONDS; tests call it after moving the fake clock)."""
        for drafts in (self.prep_drafts, self.speech_drafts):
            if drafts is not None:
                drafts.poll()
        if self.phase == "prep":
            prep = self.round.prep
            self.update_prep_clock()
            if prep is not None and prep.expired:
                self.notify("Prep time is over.", severity="warning", markup=False)
                await self.end_prep()
        elif self.phase == "speaking":
            timer = self.round.timer
            clocks = self.query("#speech-clock")
            if timer is None or not clocks:
                return
            clock = clocks.first(SpeechClock)
            for bell in timer.poll():
                clock.ring(bell)
                self.app.bell()
            clock.show(timer.status())
            if self.editor_dirty:
                self.editor_dirty = False
                self.update_hint()

    def on_text_area_changed(self, event: SpeechEditor.Changed) -> None:
        # Per key only flags: the word count and the draft follow on the clock's tick.
        if event.text_area.id == "speech-editor":
            self.editor_dirty = True
            if self.speech_drafts is not None:
                self.speech_drafts.touch()
        elif event.text_area.id == "prep-notes" and self.prep_drafts is not None:
            self.prep_drafts.touch()

    # ---------------------------------------------------------------- actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "end_prep":
            return self.phase == "prep"
        if action == "submit":
            return self.phase == "speaking"
        if action == "proceed":
            return self.phase == "reading"
        if action == "take_prep":
            return self.phase == "reading" and self.round.can_prep()
        if action in ("flow", "leave"):
            return self.phase != "done"
        return True

    async def action_end_prep(self) -> None:
        await self.end_prep()

    async def action_submit(self) -> None:
        await self.submit()

    async def action_proceed(self) -> None:
        if self.phase == "reading":
            await self.start_speaking()

    async def action_take_prep(self) -> None:
        if self.phase == "reading" and self.round.can_prep():
            await self.start_prep()

    def action_flow(self) -> None:
        from tui.screens.debate_flow import FlowScreen

        self.app.push_screen(
            FlowScreen(self.round.flow(), title="Flow sheet · so far (Esc: back to the round)")
        )

    def action_leave(self) -> None:
        if self.phase == "done":
            return
        given = self.speeches_given
        body = (
            f"Your {given} speech(es) are saved; the round stays unfinished in your history."
            if given
            else "Nothing was submitted yet; the round stays unfinished in your history."
        )
        if self.phase == "speaking" and self.query_one("#speech-editor", SpeechEditor).text.strip():
            body += (
                " The speech you are typing is not submitted: it is kept as a draft with the round."
                if self.speech_drafts is not None and self.speech_drafts.keeper is not None
                else " The speech you are typing has not been submitted and will be lost."
            )
        self.app.push_screen(
            ConfirmScreen("Leave this round?", body, yes="Leave", no="Stay"), partial(self._leave)
        )

    def _leave(self, yes: bool | None) -> None:
        if yes:
            self.phase = "done"
            self.save()
            self.flush_drafts()
            self.app.pop_screen()

    def flush_drafts(self) -> None:
        for drafts in (self.prep_drafts, self.speech_drafts):
            if drafts is not None:
                drafts.flush()

    def drafts_for(self, make_key: Any, label: str, editor: SpeechEditor) -> Drafts | None:
        """Autosave for `editor` under `make_key(round_id)`, or None while the round is not saved."""
        round_id = getattr(self.keeper, "round_id", None)
        if round_id is None:
            return None
        keeper = draft_keeper(self.app, make_key(round_id), label=label, round_id=round_id)
        return Drafts(self.app, keeper, lambda: editor.text)

    def on_unmount(self) -> None:
        self.save()  # ctrl+q from anywhere: the round as it stands (every submitted speech) is kept
        self.flush_drafts()  # ... and what was being typed
