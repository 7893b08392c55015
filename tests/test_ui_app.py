"""The app as a whole: the factory, F1 help, the command palette, themes, the keymap file, the debate plug-in."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pytest
from fixtures.ui.appkit import SIZE, make_app, notices, quiz_config, screen_text, settle
from textual.command import CommandPalette
from textual.screen import Screen
from textual.widgets import Label

from tui.bindings import all_ids, load_keymap
from tui.commands import ACTIONS
from tui.screens.dialogs import NoticeScreen
from tui.screens.help import HelpScreen
from tui.screens.home import HomeScreen
from tui.screens.question import QuestionScreen
from tui.screens.stats import StatsScreen


async def test_create_app_with_config_starts_the_quiz_over_home(tmp_path: Path) -> None:
    app = make_app(tmp_path, quiz_config())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert isinstance(app.screen_stack[0], HomeScreen)


async def test_unknown_bank_in_config_is_a_notice_on_home(tmp_path: Path) -> None:
    app = make_app(tmp_path, quiz_config(banks=("nope",)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert any("unknown bank 'nope'" in n for n in notices(app))


async def test_f1_lists_the_bindings_with_their_ids(tmp_path: Path) -> None:
    app = make_app(tmp_path, quiz_config(question_ids=("ui-choice",)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for ident in ("quiz.submit", "quiz.leave", "quiz.skip", "app.quit", "choices.pick", "quiz.choose-1"):
            assert ident in text, ident
        assert "Remap keys by id in" in text and app.screen.keymap_path == str(tmp_path / "keymap.toml")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)


async def test_palette_has_each_main_action_and_runs_them(tmp_path: Path) -> None:
    assert {name for name, _, _ in ACTIONS} >= {"Start quiz", "Review due", "Stats", "Debate practice",
                                                 "Switch theme"}
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"stats")
        await app.workers.wait_for_complete()  # the palette searches in a worker
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)


async def test_palette_start_quiz_from_another_screen(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        app.action_start_from_home()
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)


async def test_switch_theme_opens_textual_theme_picker(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.run_action("change_theme")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        app.theme = "nord"
        assert app.theme == "nord"


async def test_the_chosen_theme_is_remembered(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await pilot.pause()
    assert 'theme = "nord"' in (tmp_path / "ui.toml").read_text(encoding="utf-8")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "nord"
    (tmp_path / "ui.toml").write_text('theme = "no-such-theme"\n', encoding="utf-8")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"


def test_keymap_file_parsing(tmp_path: Path) -> None:
    path = tmp_path / "keymap.toml"
    assert load_keymap(path).keys == {}
    path.write_text('[keys]\n"quiz.next" = "space, n"\n"nope.x" = "z"\n"quiz.leave" = 3\n', encoding="utf-8")
    keymap = load_keymap(path)
    assert keymap.keys == {"quiz.next": "space,n"}
    assert any("unknown binding id 'nope.x'" in p for p in keymap.problems)
    assert any("'quiz.leave'" in p for p in keymap.problems)
    path.write_text("not = [toml", encoding="utf-8")
    assert "not valid TOML" in load_keymap(path).problems[0]
    path.write_text('"home.stats" = "S"\n', encoding="utf-8")  # no [keys] table
    assert load_keymap(path).keys == {"home.stats": "S"}


def test_every_binding_has_a_unique_id() -> None:
    from tui import bindings

    groups = [v for k, v in vars(bindings).items() if k.isupper() and isinstance(v, list)]
    ids = [b.id for group in groups for b in group]
    assert all(ids) and len(ids) == len(set(ids)) == len(all_ids())


async def test_keymap_remaps_a_key(tmp_path: Path) -> None:
    (tmp_path / "keymap.toml").write_text('[keys]\n"quiz.next" = "space"\n"bad.id" = "x"\n', encoding="utf-8")
    app = make_app(tmp_path, quiz_config(question_ids=("ui-tf", "ui-choice")))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert any("unknown binding id 'bad.id'" in n for n in notices(app))
        first = app.screen.item  # type: ignore[attr-defined]
        await pilot.press("1", "enter")
        await pilot.pause()
        await pilot.press("n")  # no longer bound to next
        await pilot.pause()
        assert app.screen.item is first  # type: ignore[attr-defined]
        await pilot.press("space")
        await pilot.pause()
        assert app.screen.item is not first  # type: ignore[attr-defined]


@pytest.fixture
def no_debate_module(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tui.screens.debate_home", None)  # makes the import fail


async def test_debate_entry_without_the_debate_screens_shows_a_notice(tmp_path: Path, no_debate_module: None) -> None:
    app = make_app(tmp_path, open_debate=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, NoticeScreen)
        assert "not available" in screen_text(app)


class FakeDebateHome(Screen[None]):
    def __init__(self, config: object = None) -> None:
        super().__init__()
        self.config = config

    def compose(self):  # type: ignore[no-untyped-def]
        yield Label("debate home")


@pytest.fixture
def debate_module(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("tui.screens.debate_home")
    module.DebateHomeScreen = FakeDebateHome  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tui.screens.debate_home", module)


async def test_debate_entry_opens_the_debate_home_when_present(tmp_path: Path, debate_module: None) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, FakeDebateHome)
    app = make_app(tmp_path, open_debate=True, debate={"motion": "x"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, FakeDebateHome) and app.screen.config == {"motion": "x"}


def test_importing_the_app_loads_neither_the_engine_nor_the_content() -> None:
    """Start-up stays close to a bare Textual app: the engine, store and YAML load in a worker later."""
    code = (
        "import sys, tui.app\n"
        "heavy = [m for m in ('tui.quiz', 'tui.store', 'tui.content.library', 'fsrs', 'rapidfuzz', 'yaml',"
        " 'sqlite3') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "[]", out.stdout
