"""The debate home: choose a motion, then a drill or a sparring round (side, format), or the history.

Drill options, as on the command line: how many items (`--count`), the time limit per item in
seconds (`--time`; blank keeps each drill's own: rebuttal 90 s) and level 2 of the side drill
(`--level 2`: motions mixed, which motion and which side).

`DebateHomeScreen(config)` with a `DebateConfig` from the command line
(`sparring drill …` / `sparring spar …`) starts that drill or round at once,
over this screen, so leaving it comes back here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import (
    Button,
    Checkbox,
    Footer,
    Header,
    Input,
    Label,
    OptionList,
    RadioButton,
    RadioSet,
    Select,
    Static,
)
from textual.widgets.option_list import Option

from tui.bindings import DEBATE_HOME
from tui.screens.debate_commands import PROVIDERS
from tui.screens.debate_support import clock_for, library_of, sparring

if TYPE_CHECKING:
    from tui.content.models import ArgumentSet
    from tui.debate import DebateConfig

DRILLS = (
    ("side", "Side", "which side makes each claim"),
    ("pick", "Pick", "the best rebuttal of four"),
    ("rebuttal", "Rebuttal", "type one against a 90 s clock"),
    ("case", "Case", "your best three arguments"),
    ("weigh", "Weigh", "one sentence weighing two impacts"),
)
DRILL_SIDES = (("both", "Both"), ("prop", "Proposition"), ("opp", "Opposition"))
COUNT_RANGE = (1, 99)
TIME_RANGE = (5.0, 3600.0)
DEFAULTS_HINT = "blank: each drill's own (rebuttal: 3 items, 90 s each)"
"""Blank fields keep each drill's own count and limit (side 10 items; pick 5; rebuttal 3, 90 s; case 120 s;
weigh 3, 60 s)."""


class OptionError(ValueError):
    """A drill option typed on the home screen that cannot be used (the message says what to type)."""


def parse_count(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    low, high = COUNT_RANGE
    if not text.isdigit() or not low <= int(text) <= high:
        raise OptionError(f"Items: a whole number from {low} to {high}, or blank for the drill's own.")
    return int(text)


def parse_time(text: str) -> float | None:
    text = text.strip()
    if not text:
        return None
    low, high = TIME_RANGE
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not low <= value <= high:
        raise OptionError(
            f"Time: seconds from {low:g} to {high:g}, or blank for the drill's own (rebuttal 90 s)."
        )
    return value


def motion_counts(motion: ArgumentSet) -> Content:
    prop, opp = len(motion.side("prop")), len(motion.side("opp"))
    return Content.assemble(
        (f"{prop} Proposition", "$text-success"),
        " · ",
        (f"{opp} Opposition", "$text-warning"),
        f" arguments  ·  tags: {', '.join(motion.tags) or 'none'}",
    )


class DebateHomeScreen(Screen[None]):
    CSS_PATH = "debate.tcss"
    BINDINGS = DEBATE_HOME
    COMMANDS = PROVIDERS
    AUTO_FOCUS = "#motions"

    def __init__(self, config: DebateConfig | None = None) -> None:
        super().__init__()
        self.config = config
        self.seed: int | None = None  # tests fix it; the app leaves it to the engine
        self.motions: list[ArgumentSet] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="debate-home"):
            with Vertical(id="motion-panel"):
                yield Label("Loading content…", id="motions-loading")
                yield OptionList(id="motions", compact=True)
            with VerticalScroll(id="choice-panel"):
                yield Static("", id="motion-title")
                yield Static("", id="motion-counts", classes="hint")
                yield Label("Drills (keys 1-5)", classes="dfield")
                with Horizontal(id="drill-buttons", classes="button-row"):
                    for n, (kind, name, _) in enumerate(DRILLS, 1):
                        yield Button(f"{n} {name}", id=f"drill-{kind}", compact=True)
                with Horizontal(classes="button-row", id="drill-as-row"):
                    yield Label("answer as ", classes="hint")
                    with RadioSet(id="drill-as", compact=True, classes="inline-radio"):
                        for value, name in DRILL_SIDES:
                            yield RadioButton(name, value=value == "both", name=value, compact=True)
                with Horizontal(classes="button-row", id="drill-options-row"):
                    yield Label("items     ", classes="hint")
                    yield Input(
                        placeholder="own", id="drill-count", type="integer", max_length=2, compact=True
                    )
                    yield Label("  time (s) ", classes="hint")
                    yield Input(placeholder="own", id="drill-time", type="number", max_length=6, compact=True)
                with Horizontal(classes="button-row", id="drill-level-row"):
                    yield Label("side drill", classes="hint")
                    yield Checkbox("level 2: mix motions", id="drill-level", compact=True)
                yield Static(DEFAULTS_HINT, id="drill-defaults", classes="hint")
                yield Label("Sparring round", classes="dfield")
                with Horizontal(classes="button-row"):
                    yield Label("side      ", classes="hint")
                    with RadioSet(id="round-side", compact=True, classes="inline-radio"):
                        yield RadioButton("Proposition", value=True, name="prop", compact=True)
                        yield RadioButton("Opposition", name="opp", compact=True)
                with Horizontal(classes="button-row"):
                    yield Label("format    ", classes="hint")
                    yield Select[str]([], id="format", allow_blank=True, compact=True, prompt="format")
                with Horizontal(classes="button-row", id="home-actions"):
                    yield Button("Spar (s)", id="spar", variant="primary", compact=True)
                    yield Button("History (h)", id="history", compact=True)
                yield Static("", id="motion-info", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#motion-panel").border_title = "Motions"
        self.query_one("#choice-panel").border_title = "Practice"
        self.sub_title = f"debate practice · profile: {sparring(self.app).settings.profile}"
        self.query_one("#motions").display = False
        self.wait_for_content()

    @work(exclusive=True, group="debate-home")
    async def wait_for_content(self) -> None:
        app = sparring(self.app)
        await app.loaded.wait()
        self.fill()
        if self.config is not None:
            config, self.config = self.config, None
            if getattr(app, "debate_config", None) is config:
                app.debate_config = None  # started once: "Debate practice" later opens this screen plainly
            self.start(config)

    # ---------------------------------------------------------------- motions

    def fill(self) -> None:
        library = library_of(self.app)
        loading = self.query_one("#motions-loading", Label)
        error = sparring(self.app).load_error
        if library is None or error:
            loading.update(Content(error or "No content loaded."))
            return
        self.motions = sorted(library.motions.values(), key=lambda m: m.motion.casefold())
        if self.config is not None and self.config.motion.id not in library.motions:
            self.motions.insert(0, self.config.motion)  # a motion loaded from a file path
        options = self.query_one("#motions", OptionList)
        options.clear_options()
        options.add_options([Option(Content(m.motion), id=m.id) for m in self.motions])
        loading.display = not self.motions
        if not self.motions:
            loading.update("No motions loaded: add argument files with --content DIR.")
        options.display = bool(self.motions)
        formats = sorted(library.formats.values(), key=lambda f: (f.id != "practice", f.name.casefold()))
        select = self.query_one("#format", Select)
        select.set_options([(f.name, f.id) for f in formats])
        if formats:
            select.value = formats[0].id
        if self.config is not None and self.config.mode == "drill":
            self.show_options(self.config)
        if self.motions:
            wanted = self.config.motion.id if self.config is not None else None
            index = next((i for i, m in enumerate(self.motions) if m.id == wanted), 0)
            options.highlighted = index
            self.show_motion(self.motions[index])
            options.focus()

    def show_options(self, config: DebateConfig) -> None:
        """The drill options of a config from the command line, so later drills keep them."""
        if config.count is not None:
            self.query_one("#drill-count", Input).value = str(config.count)
        if config.time_limit is not None:
            self.query_one("#drill-time", Input).value = f"{config.time_limit:g}"
        self.query_one("#drill-level", Checkbox).value = config.level >= 2

    def drill_options(self) -> tuple[int | None, float | None, int]:
        """(count, time limit, level) from the fields; raises OptionError with what to type instead."""
        count = parse_count(self.query_one("#drill-count", Input).value)
        time_limit = parse_time(self.query_one("#drill-time", Input).value)
        level = 2 if self.query_one("#drill-level", Checkbox).value else 1
        return count, time_limit, level

    def motion(self) -> ArgumentSet | None:
        options = self.query_one("#motions", OptionList)
        index = options.highlighted
        if index is None or not 0 <= index < len(self.motions):
            return None
        return self.motions[index]

    def show_motion(self, motion: ArgumentSet) -> None:
        self.query_one("#motion-title", Static).update(Content.assemble((motion.motion, "bold")))
        self.query_one("#motion-counts", Static).update(motion_counts(motion))
        self.query_one("#motion-info", Static).update(Content(" ".join(motion.info.split())))

    @on(OptionList.OptionHighlighted, "#motions")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        motion = self.motion()
        if motion is not None:
            self.show_motion(motion)

    # ---------------------------------------------------------------- choices

    def _radio(self, selector: str, default: str) -> str:
        pressed = self.query_one(selector, RadioSet).pressed_button
        return pressed.name if pressed is not None and pressed.name else default

    def config_for(
        self, mode: str, *, kind: str | None = None, side: str | None = None
    ) -> DebateConfig | None:
        from tui.debate import DebateConfig
        from tui.debate.launch import facts_for

        library = library_of(self.app)
        motion = self.motion()
        if library is None or motion is None:
            self.notify("Choose a motion first (still loading?).", markup=False)
            return None
        others = tuple(m for m in library.motions.values() if m.id != motion.id)
        facts = facts_for(motion, library)
        if mode == "drill":
            try:
                count, time_limit, level = self.drill_options()
            except OptionError as exc:
                self.notify(str(exc), title="Drill options", severity="warning", markup=False)
                return None
            drill_side = self._radio("#drill-as", "both")
            return DebateConfig(
                "drill",
                motion,
                seed=self.seed,
                kind=kind,  # type: ignore[arg-type]
                side=None if drill_side == "both" else drill_side,  # type: ignore[arg-type]
                count=count,
                level=level,
                time_limit=time_limit,
                others=others,
                facts=facts,
            )
        fmt_id = self.query_one("#format", Select).value
        fmt = library.formats.get(fmt_id) if isinstance(fmt_id, str) else None
        if fmt is None:
            self.notify("Choose a format for the round.", markup=False)
            return None
        return DebateConfig(
            "spar",
            motion,
            seed=self.seed,
            side=side or self._radio("#round-side", "prop"),  # type: ignore[arg-type]
            format=fmt,
            others=others,
            facts=facts,
        )

    def start(self, config: DebateConfig) -> bool:
        """Build the drill or round and open its screen; a `DebateError` is shown, never raised."""
        from tui.debate import DebateError

        clock = clock_for(self.app)
        try:
            if config.mode == "drill":
                from tui.screens.debate_drill import DrillScreen

                self.app.push_screen(DrillScreen(config.drill(clock), config))
            else:
                from tui.screens.debate_round import RoundScreen

                self.app.push_screen(RoundScreen(config.round(clock), config))
        except DebateError as exc:
            self.notify(str(exc), title="Cannot start", severity="error", timeout=10, markup=False)
            return False
        return True

    # ---------------------------------------------------------------- actions

    def action_drill(self, kind: str) -> None:
        config = self.config_for("drill", kind=kind)
        if config is not None:
            self.start(config)

    def action_spar(self, side: str | None = None) -> None:
        if side is not None:
            for button in self.query_one("#round-side", RadioSet).query(RadioButton):
                if button.name == side:
                    button.value = True
        config = self.config_for("spar", side=side)
        if config is not None:
            self.start(config)

    def action_history(self) -> None:
        from tui.screens.debate_history import DebateHistoryScreen

        self.app.push_screen(DebateHistoryScreen())

    def action_back(self) -> None:
        self.app.pop_screen()

    def again(self, config: DebateConfig) -> None:
        """The same drill or round with a new seed (from a results screen)."""
        self.start(replace(config, seed=None) if self.seed is None else config)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        ident = event.button.id or ""
        if ident.startswith("drill-"):
            self.action_drill(ident.removeprefix("drill-"))
        elif ident == "spar":
            self.action_spar()
        elif ident == "history":
            self.action_history()

    @on(OptionList.OptionSelected, "#motions")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#drill-pick").focus()
