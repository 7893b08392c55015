"""Clocks for debate practice: the speech clock (phase, POI window, bells) and a plain countdown.

They draw what the engine's `SpeechTimer.status()` / `Countdown` say; the
screen polls on its own `set_interval` and calls `show()`, and `ring()` for
each bell `poll()` returns (a flash here, the terminal bell from the screen).
Nothing here reads the time itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from tui.content.models import Speech
from tui.debate.clock import Bell, TimerStatus, mmss, phase_at

PHASE_WORDS = {
    "protected": "PROTECTED TIME",
    "poi": "POIs OPEN",
    "open": "SPEAKING",
    "grace": "GRACE: FINISH",
    "over": "OVER TIME: STOP",
}
PHASE_STYLES = {
    "protected": "$text-secondary",
    "poi": "$text-success",
    "open": "$text-primary",
    "grace": "$text-warning",
    "over": "$text-error",
}
FLASH_SECONDS = 1.5
BAR_WIDTH = 26


def timeline(speech: Speech, elapsed: float, width: int = BAR_WIDTH) -> Content:
    """The speech as a bar: each cell a slice of time, coloured by its phase, filled up to now."""
    end = speech.seconds
    span = max([end, *(b * 60 for b in speech.bells)])
    cells: list[tuple[str, str]] = []
    for i in range(width):
        t = (i + 0.5) * span / width
        style = PHASE_STYLES[phase_at(speech, t)]
        cells.append(("█", style) if t <= elapsed else ("░", f"{style} 50%"))
    return Content.assemble(*cells)


def speech_clock_content(
    speech: Speech,
    status: TimerStatus,
    bells: Sequence[Bell],
    width: int = BAR_WIDTH,
    last: Bell | None = None,
) -> Content:
    style = PHASE_STYLES[status.phase]
    total = speech.seconds
    parts: list[str | Content | tuple[str, str]] = [
        (f"{mmss(status.elapsed)}", f"bold {style}"),
        (f" / {mmss(total)}", "bold"),
        "\n",
        timeline(speech, status.elapsed, width),
        "\n",
        (PHASE_WORDS[status.phase], f"bold {style}"),
    ]
    if status.remaining > 0:
        parts.append((f"  {mmss(status.remaining)} left", "dim"))
    else:
        parts.append((f"  +{mmss(-status.remaining)}", f"bold {style}"))
    if speech.poi is not None:
        start, stop = speech.poi
        parts += ["\n", (f"POIs {mmss(start * 60)}–{mmss(stop * 60)}, protected outside", "dim")]
    else:
        parts += ["\n", ("no POIs in this speech", "dim")]
    if status.next_bell is not None:
        b = status.next_bell
        parts += ["\n", ("next bell ", "dim"), f"{mmss(b.at)}", (f" {'●' * b.rings} {b.label}", "dim")]
    elif bells:
        parts += ["\n", ("all bells rung", "dim")]
    if last is not None:
        parts += ["\n", (f"bell {mmss(last.at)}: {last.label}", "bold $text-warning")]
    return Content.assemble(*parts)


class SpeechClock(Static):
    """The clock beside the speech editor. `show(status)` repaints; `ring(bell)` flashes it."""

    DEFAULT_CSS = """
    SpeechClock { height: auto; border: round $primary; padding: 0 1; }
    SpeechClock.-bell { background: $warning 40%; border: heavy $warning; }
    SpeechClock.-over { border: round $error; }
    """

    def __init__(self, speech: Speech, bells: Sequence[Bell] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.speech = speech
        self.bells = tuple(bells)
        self.last_bell: Bell | None = None
        self.border_title = speech.name

    def show(self, status: TimerStatus) -> None:
        self.set_class(status.phase in ("grace", "over"), "-over")
        self.update(speech_clock_content(self.speech, status, self.bells, last=self.last_bell))

    def ring(self, bell: Bell) -> None:
        """A bell: flash the clock and name the bell (the screen rings the terminal bell)."""
        self.last_bell = bell
        self.add_class("-bell")
        self.set_timer(FLASH_SECONDS, self._unflash, name="bell-flash")

    def _unflash(self) -> None:
        self.remove_class("-bell")


def countdown_content(label: str, remaining: float | None, *, low: float = 10.0) -> Content:
    """`label 1:23` counting down; red when low; `over by 0:05` past zero; just the label without a limit."""
    if remaining is None:
        return Content.assemble((label, "bold"))
    if remaining < 0:
        return Content.assemble((label, "bold"), " ", (f"over by {mmss(-remaining)}", "bold $text-error"))
    style = "bold $text-error" if remaining <= low else "bold"
    return Content.assemble((label, "bold"), " ", (f"⏱ {mmss(remaining)}", style))


class Countdown(Static):
    """A one-line countdown (prep, a drill item's clock)."""

    DEFAULT_CSS = """
    Countdown { width: auto; height: 1; }
    """

    def show(self, label: str, remaining: float | None, *, low: float = 10.0) -> None:
        self.update(countdown_content(label, remaining, low=low))
