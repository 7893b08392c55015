"""The Textual app: the App class, its factory, and the entry points the CLI calls.

    create_app(settings, config=None, clock=None, library=None, store=None) -> SparringApp
    run_app(settings) -> int                  # `sparring`: the home screen
    run_quiz_app(settings, config) -> int     # `sparring quiz BANK`: straight into a session
    run_debate_app(settings, config) -> int   # `sparring debate ...`: tui.screens.debate_home

Content loading and the engine imports happen in a worker after the home
screen is up, so start-up costs about what a bare Textual app does.
"""

from __future__ import annotations

import asyncio
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App
from textual.screen import Screen

from tui import bindings
from tui.commands import SparringCommands
from tui.screens.backend import Backend
from tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from tui.content.library import Library
    from tui.quiz import Clock, SessionConfig
    from tui.settings import Settings
    from tui.store import Store


UI_PREFS_FILE = "ui.toml"  # what the app remembers between runs (the theme); written by the app


def load_ui_prefs(data_dir: Path) -> dict[str, object]:
    """The app's remembered settings (`theme = "nord"`); empty when missing or unreadable."""
    try:
        data = tomllib.loads((data_dir / UI_PREFS_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def save_ui_prefs(data_dir: Path, prefs: dict[str, str]) -> None:
    """Write string settings as TOML; a data dir that cannot be written is not an error worth a crash."""
    lines = ["# Written by Sparring: the settings it remembers between runs.\n"]
    for key, value in sorted(prefs.items()):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'{key} = "{escaped}"\n')
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        (data_dir / UI_PREFS_FILE).write_text("".join(lines), encoding="utf-8")
    except OSError:
        pass


class SparringApp(App[int]):
    TITLE = "Sparring"
    SUB_TITLE = "AI geopolitics trainer"
    CSS = """
    .hint { color: $text-muted; height: auto; }
    """
    BINDINGS = bindings.APP
    COMMANDS = App.COMMANDS | {SparringCommands}

    def __init__(self, settings: Settings, *, config: SessionConfig | None = None, clock: Clock | None = None,
                 library: Library | None = None, store: Store | None = None, debate: Any = None,
                 open_debate: bool = False) -> None:
        super().__init__()
        self.settings = settings
        self.backend = Backend(settings, clock, library=library, store=store)
        self.start_config = config
        self.debate_config = debate
        self.open_debate = open_debate
        self.loaded = asyncio.Event()
        self.load_error: str | None = None
        self._keymap_problems: list[str] = []
        self._apply_keymap()
        self._apply_saved_theme()

    # ---------------------------------------------------------------- start-up

    def _apply_keymap(self) -> None:
        keymap = bindings.load_keymap(self.settings.resolved_data_dir() / bindings.KEYMAP_FILE)
        self._keymap_problems = keymap.problems
        if keymap.keys:
            self.set_keymap(keymap.keys)

    def _apply_saved_theme(self) -> None:
        theme = load_ui_prefs(self.settings.resolved_data_dir()).get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme

    def _theme_changed(self, theme: Any) -> None:
        save_ui_prefs(self.settings.resolved_data_dir(), {"theme": self.theme})

    def get_default_screen(self) -> Screen[Any]:
        return HomeScreen()

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        for problem in self._keymap_problems:
            self.notify(problem, title="keymap.toml", severity="warning", markup=False)

    def on_ready(self) -> None:
        # After the first frame: the loading thread must not compete with painting the home screen.
        self.load_content()

    @work(exclusive=True, group="load")
    async def load_content(self) -> None:
        try:
            notices = await asyncio.to_thread(self.backend.load)
        except Exception as exc:  # a broken data dir must not crash the app: say so on the home screen
            self.load_error = f"Could not load: {exc}"
            notices = [self.load_error]
        for notice in notices:
            self.notify(notice, severity="warning", timeout=10, markup=False)
        self.loaded.set()
        home = self.screen_stack[0] if self.screen_stack else None
        if isinstance(home, HomeScreen):
            await home.refresh_banks()
        if self.start_config is not None and self.load_error is None:
            self.start_quiz(self.start_config)
            self.start_config = None
        elif self.open_debate:
            self.open_debate = False
            self.action_debate()

    def on_unmount(self) -> None:
        self.backend.close()

    # ---------------------------------------------------------------- actions

    def start_quiz(self, config: SessionConfig) -> bool:
        """Start a session and show its first question; False (with a notice) when it cannot start."""
        from tui.quiz import QuizSetupError
        from tui.screens.question import QuestionScreen

        if not self.backend.ready:
            self.notify(self.load_error or "Still loading the content…", markup=False)
            return False
        try:
            session = self.backend.start(config)
        except (QuizSetupError, ValueError) as exc:
            lines = getattr(exc, "lines", None) or [str(exc)]
            self.notify("\n".join(lines), title="Cannot start", severity="error", markup=False)
            return False
        for notice in self.backend.notices:
            self.notify(notice, severity="warning", markup=False)
        if session.total == 0:
            what = "Nothing is due for review" if config.mode == "review" else "No questions match"
            self.notify(f"{what}: change the banks or filters.", markup=False)
            return False
        self.push_screen(QuestionScreen(session))
        return True

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            path = self.settings.resolved_data_dir() / bindings.KEYMAP_FILE
            self.push_screen(HelpScreen(self.screen, str(path)))

    def action_stats(self) -> None:
        from tui.screens.stats import StatsScreen

        if not self.backend.ready:
            self.notify(self.load_error or "Still loading…", markup=False)
        elif not isinstance(self.screen, StatsScreen):
            self.push_screen(StatsScreen())

    def action_review(self) -> None:
        from tui.screens.backend import config_from

        self.start_quiz(config_from(mode="review"))

    def action_debate(self) -> None:
        self.push_screen(debate_screen(self.debate_config))

    def action_start_from_home(self) -> None:
        """The palette's "Start quiz": go home and start with the choices made there."""
        self.action_home()
        self.call_after_refresh(self._start_on_home)

    def _start_on_home(self) -> None:
        if isinstance(self.screen, HomeScreen):
            self.screen.action_start()

    def action_home(self) -> None:
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()


def debate_screen(config: Any = None) -> Screen[Any]:
    """The debate home screen from `tui.screens.debate_home`, or a notice while it does not exist."""
    try:
        from tui.screens.debate_home import DebateHomeScreen  # type: ignore[import-not-found,unused-ignore]
    except ImportError as exc:
        if exc.name not in ("tui.screens.debate_home",):
            raise
        from tui.screens.dialogs import NoticeScreen

        return NoticeScreen("Debate practice", "Debate practice is not available in this version yet.")
    return DebateHomeScreen(config) if config is not None else DebateHomeScreen()


def create_app(settings: Settings, config: SessionConfig | None = None, *, clock: Clock | None = None,
               library: Library | None = None, store: Store | None = None, debate: Any = None,
               open_debate: bool = False) -> SparringApp:
    """The app for the CLI, the tests and the snapshot apps.

    `config` starts a quiz once the content is loaded; `open_debate` opens the
    debate screens instead (with `debate`, their config, if any).
    """
    return SparringApp(settings, config=config, clock=clock, library=library, store=store, debate=debate,
                       open_debate=open_debate)


def run_app(settings: Settings) -> int:
    return _run(create_app(settings))


def run_quiz_app(settings: Settings, config: SessionConfig) -> int:
    return _run(create_app(settings, config))


def run_debate_app(settings: Settings, config: Any = None) -> int:
    """Open the debate screens (tui.screens.debate_home) over the home screen."""
    return _run(create_app(settings, debate=config, open_debate=True))


def _run(app: SparringApp) -> int:
    result = app.run()
    return int(result or 0) if app.return_code in (None, 0) else int(app.return_code or 1)
