"""A one-line key bar: the shown bindings of the current screen, like Textual's Footer, in one widget.

Textual's Footer is a widget per key and recomposes when the bindings change;
on the question screen that doubled the work between an answer key and the
feedback being painted. This draws the same information as one line of
content and keeps clicks working (a click on a key runs its action).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static


@dataclass(frozen=True)
class KeySpot:
    start: int
    end: int
    action: str
    namespace: object


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom; height: 1; width: 1fr;
        background: $footer-background; color: $footer-foreground;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.spots: list[KeySpot] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.draw()

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.draw()

    def draw(self) -> None:
        app = self.app
        parts: list[str | tuple[str, str]] = []
        spots: list[KeySpot] = []
        seen: set[str] = set()
        x = 0
        palette: tuple[str, str, object] | None = None
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if binding.action == "command_palette" and app.ENABLE_COMMAND_PALETTE:
                palette = (app.get_key_display(binding), binding.action, active.node)
                continue
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            key = f" {app.get_key_display(binding)} "
            style = "bold $footer-key-foreground" if active.enabled else "dim"
            parts += [(key, style), (f"{binding.description} ", "$footer-description-foreground")]
            spots.append(KeySpot(x, x + len(key) + len(binding.description) + 1, binding.action, active.node))
            x += len(key) + len(binding.description) + 1
        if palette is not None:
            text = f" {palette[0]} palette "
            width = self.size.width or app.size.width
            gap = max(1, width - x - len(text))
            parts += [" " * gap, (text, "$footer-description-foreground")]
            spots.append(KeySpot(x + gap, x + gap + len(text), palette[1], palette[2]))
        self.spots = spots
        self.update(Content.assemble(*parts), layout=False)  # one docked line: its size never changes

    def on_resize(self) -> None:
        self.draw()

    async def on_click(self, event: events.Click) -> None:
        for spot in self.spots:
            if spot.start <= event.x < spot.end:
                event.stop()
                await self.app.run_action(spot.action, spot.namespace)  # type: ignore[arg-type]
                return
