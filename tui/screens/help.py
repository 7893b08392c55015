"""F1: the keys of the screen underneath, with the binding ids a keymap file can remap."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static

from tui.bindings import HELP, KEYMAP_FILE


def binding_rows(screen: Screen[Any]) -> list[tuple[str, str, str]]:
    """(keys, description, id) of the app's own bindings active on `screen`, one row per binding id.

    Textual's built-in bindings without an id (scrolling, text editing) are left out, except the
    command palette.
    """
    app = screen.app
    rows: dict[str, tuple[str, list[str]]] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if binding.action == "command_palette":
            ident, description = "", "Command palette (themes, stats, …)"
        elif binding.id:
            ident, description = binding.id, binding.description or binding.action
        else:
            continue
        display = app.get_key_display(binding.with_key(key))
        _, keys = rows.setdefault(ident or description, (description, []))
        if display not in keys:
            keys.append(display)
    out = []
    choose = [(ident, keys) for ident, (_, keys) in rows.items() if ident.startswith("quiz.choose-")]
    for ident, (description, keys) in rows.items():
        if ident.startswith("quiz.choose-"):
            if ident == choose[0][0]:
                keys = [k for _, ks in choose for k in ks[:1]]
                shown = "1-9" if keys == [str(n) for n in range(1, 10)] else " ".join(keys)
                out.append((shown, "Choose (multi: toggle) / pick", "quiz.choose-1 … -9"))
            continue
        out.append((" ".join(keys), description, ident if ident != description else ""))
    return out


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; background: $background 60%; }
    HelpScreen > VerticalScroll {
        width: 84; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 2;
    }
    HelpScreen .title { text-style: bold; margin: 1 0; }
    HelpScreen .note { color: $text-muted; margin: 1 0; }
    """
    BINDINGS = HELP

    def __init__(self, screen: Screen[Any], keymap_path: str = KEYMAP_FILE) -> None:
        super().__init__()
        self.keymap_path = keymap_path
        self.rows = binding_rows(screen)
        self.screen_name = type(screen).__name__.removesuffix("Screen") or "App"

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Label(f"Keys: {self.screen_name}", classes="title")
            width = max((len(k) for k, _, _ in self.rows), default=4) + 2
            said = max((len(d) for _, d, ident in self.rows if ident), default=20) + 2
            lines = [
                Content.assemble(
                    (keys.ljust(width), "bold $text-accent"), description.ljust(said), (ident, "dim")
                )
                for keys, description, ident in self.rows
            ]
            yield Static(Content("\n").join(lines), id="keys")
            yield Static(
                Content(f'Remap keys by id in {self.keymap_path}, e.g. "quiz.next" = "n,space". Esc closes.'),
                classes="note",
            )

    def action_close(self) -> None:
        self.dismiss(None)
