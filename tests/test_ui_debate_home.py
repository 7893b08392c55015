"""Pilot tests of the debate home: motions, drill and round keys, the history, errors shown, the palette, F1."""

from __future__ import annotations

from pathlib import Path

from fixtures.debate_ui.kit import SIZE, drill_config, make_app, notices, screen_text, settle, spar_config
from textual.widgets import Checkbox, Input, OptionList, Select

from tui.bindings import DEBATE_GROUPS, all_ids
from tui.screens.debate_commands import DEBATE_ACTIONS
from tui.screens.debate_drill import DrillScreen
from tui.screens.debate_history import DebateHistoryScreen
from tui.screens.debate_home import DebateHomeScreen
from tui.screens.debate_round import RoundScreen
from tui.screens.help import HelpScreen
from tui.screens.home import HomeScreen


def home(app: object) -> DebateHomeScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, DebateHomeScreen), screen
    return screen


async def test_lists_the_motions_and_shows_the_highlighted_one(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = home(app)
        assert [m.id for m in screen.motions] == ["ui-chips", "ui-one-sided"]
        text = screen_text(app)
        assert "3 Proposition · 3 Opposition arguments" in text
        assert "A short context paragraph" in text
        assert screen.query_one("#format", Select).value == "practice"
        await pilot.press("down")
        await pilot.pause()
        assert "1 Proposition · 0 Opposition arguments" in screen_text(app)


async def test_number_keys_start_each_drill_and_escape_comes_back(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        home(app).seed = 7
        for key, kind in (("1", "side"), ("2", "pick"), ("3", "rebuttal"), ("4", "case"), ("5", "weigh")):
            await pilot.press(key)
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, DrillScreen) and screen.drill.kind == kind, (key, screen)
            assert screen.drill.seed == 7
            await pilot.press("escape", "y")  # nothing answered: straight back
            await settle(pilot)
            home(app)


async def test_drill_side_choice_is_passed_to_the_drill(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = home(app)
        for button in screen.query("#drill-as RadioButton"):
            if button.name == "opp":
                button.value = True  # type: ignore[attr-defined]
        await pilot.press("2")
        await settle(pilot)
        assert isinstance(app.screen, DrillScreen)
        assert app.screen.drill.side == "opp"
        prompt = app.screen.prompt
        assert prompt is not None and prompt.argument is not None and prompt.argument.side == "prop"


async def test_drill_options_set_the_count_the_time_limit_and_the_side_level(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = home(app)
        screen.seed = 7
        assert "rebuttal: 3 items, 90 s each" in screen_text(app)
        await pilot.press("3")  # blank fields: the drill's own
        await settle(pilot)
        assert isinstance(app.screen, DrillScreen)
        assert (app.screen.drill.total, app.screen.drill.time_limit) == (3, 90.0)
        await pilot.press("escape", "y")
        await settle(pilot)
        screen.query_one("#drill-count", Input).value = "2"
        screen.query_one("#drill-time", Input).value = "45"
        screen.query_one("#drill-level", Checkbox).value = True
        await pilot.press("1")
        await settle(pilot)
        drill = app.screen.drill  # type: ignore[attr-defined]
        assert (drill.kind, drill.total, drill.time_limit, drill.level) == ("side", 2, 45.0, 2)
        prompt = app.screen.prompt  # type: ignore[attr-defined]
        assert prompt is not None and len(prompt.motions) == 2  # level 2: which motion, and which side
        await pilot.press("escape", "y")
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        drill = app.screen.drill  # type: ignore[attr-defined]
        assert (drill.kind, drill.total, drill.time_limit, drill.level) == ("rebuttal", 2, 45.0, 1)


async def test_unusable_drill_options_are_a_notice_and_nothing_starts(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = home(app)
        screen.query_one("#drill-count", Input).value = "0"
        await pilot.press("2")
        await settle(pilot)
        assert isinstance(app.screen, DebateHomeScreen)
        assert any("Items: a whole number from 1 to 99" in n for n in notices(app))
        screen.query_one("#drill-count", Input).value = ""
        screen.query_one("#drill-time", Input).value = "2"
        await pilot.press("2")
        await settle(pilot)
        assert isinstance(app.screen, DebateHomeScreen)
        assert any("Time: seconds from 5 to 3600" in n for n in notices(app))


async def test_options_from_the_command_line_show_on_the_home(tmp_path: Path) -> None:
    app = make_app(tmp_path, drill_config("side", count=2, time_limit=30.0, level=2))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen_stack[-2]
        assert isinstance(screen, DebateHomeScreen)
        assert screen.query_one("#drill-count", Input).value == "2"
        assert screen.query_one("#drill-time", Input).value == "30"
        assert screen.query_one("#drill-level", Checkbox).value


async def test_spar_starts_a_round_on_the_chosen_side_and_format(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = home(app)
        screen.query_one("#format", Select).value = "wsdc"
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, RoundScreen)
        assert app.screen.round.format.id == "wsdc" and app.screen.round.side == "prop"


async def test_a_one_sided_motion_shows_the_engines_message_and_stays(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = home(app)
        screen.query_one("#motions", OptionList).highlighted = 1
        await pilot.press("5")  # weigh needs an impact from each side
        await settle(pilot)
        assert isinstance(app.screen, DebateHomeScreen)
        assert any("has no Opposition arguments" in n for n in notices(app)), notices(app)
        screen.action_spar("opp")  # nothing to build the case from
        await settle(pilot)
        assert isinstance(app.screen, DebateHomeScreen)
        assert any("try --side prop" in n for n in notices(app)), notices(app)


async def test_a_config_from_the_command_line_starts_at_once_over_the_debate_home(tmp_path: Path) -> None:
    app = make_app(tmp_path, drill_config("pick"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DrillScreen) and app.screen.drill.seed == 7
        assert isinstance(app.screen_stack[-2], DebateHomeScreen)
        assert isinstance(app.screen_stack[0], HomeScreen)
        assert app.debate_config is None  # "Debate practice" later opens the home, not this drill again
    app = make_app(tmp_path, spar_config("opp"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, RoundScreen) and app.screen.round.side == "opp"


async def test_a_bad_config_from_the_command_line_is_a_notice(tmp_path: Path) -> None:
    app = make_app(tmp_path, spar_config("opp", motion="ui-one-sided"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DebateHomeScreen)
        assert any("no Opposition arguments" in n for n in notices(app))


async def test_h_opens_the_history_and_escape_leaves(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, DebateHistoryScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_the_palette_has_the_debate_entries(tmp_path: Path) -> None:
    assert {n for n, _, _ in DEBATE_ACTIONS} >= {"Drill: pick", "Spar: as Opposition", "Debate history"}
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        home(app).seed = 7
        await app.run_action("spar('opp')", app.screen)
        await settle(pilot)
        assert isinstance(app.screen, RoundScreen) and app.screen.round.side == "opp"


async def test_f1_lists_the_debate_bindings_and_they_can_be_remapped(tmp_path: Path) -> None:
    ids = {b.id for group in DEBATE_GROUPS for b in group}
    assert ids <= all_ids()
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for ident in ("debate.spar", "debate.history", "debate.drill-pick"):
            assert ident in text, ident
