"""Time, injected: clocks, countdowns and the speech timer with bells, protected time and POI windows.

Nothing here sleeps. The UI polls `SpeechTimer.poll()` on its own timer and
flashes / rings for each bell returned; tests drive a `ManualClock`.

Phases of a speech, computed from the format's `Speech`:

- with a POI window `(a, b)` minutes: protected before `a`, POIs open from
  `a` to `b`, protected again from `b` to the speech's time;
- without one: open until time;
- then grace until the last bell (when a bell rings after time), then over.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Literal, Protocol

from tui.content.models import Speech


class Clock(Protocol):
    """Anything with `now()` in seconds (monotonic)."""

    def now(self) -> float: ...


class SystemClock:
    """The real clock (`time.monotonic`)."""

    def now(self) -> float:
        return time.monotonic()


class ManualClock:
    """A clock that moves only when told: for tests and replays."""

    def __init__(self, start: float = 0.0) -> None:
        self._now = float(start)

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock does not go backwards")
        self._now += seconds

    def set(self, now: float) -> None:
        self._now = float(now)


def mmss(seconds: float) -> str:
    """`125.4` -> `2:05`; negative values get a minus sign."""
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds) + 0.5)
    return f"{sign}{whole // 60}:{whole % 60:02d}"


class Countdown:
    """A time limit (prep, a drill's answer clock) measured on an injected clock."""

    def __init__(self, seconds: float, clock: Clock) -> None:
        self.seconds = float(seconds)
        self.clock = clock
        self.started_at: float | None = None
        self.stopped_at: float | None = None

    def start(self) -> Countdown:
        if self.started_at is None:
            self.started_at = self.clock.now()
        return self

    def stop(self) -> float:
        if self.started_at is None:
            self.start()
        if self.stopped_at is None:
            self.stopped_at = self.clock.now()
        return self.elapsed

    @property
    def running(self) -> bool:
        return self.started_at is not None and self.stopped_at is None

    @property
    def elapsed(self) -> float:
        if self.started_at is None:
            return 0.0
        end = self.stopped_at if self.stopped_at is not None else self.clock.now()
        return max(0.0, end - self.started_at)

    @property
    def remaining(self) -> float:
        return self.seconds - self.elapsed

    @property
    def expired(self) -> bool:
        return self.elapsed >= self.seconds


Phase = Literal["protected", "poi", "open", "grace", "over"]


@dataclass(frozen=True, slots=True)
class Bell:
    """A bell: when it rings (seconds into the speech), how many rings, and what it means."""

    at: float
    rings: int
    label: str


def bells_for(speech: Speech) -> tuple[Bell, ...]:
    """The speech's bells with their meaning, from the format."""
    end = speech.seconds
    poi = speech.poi
    out: list[Bell] = []
    for minutes in sorted(set(speech.bells)):
        at = minutes * 60
        if at > end + 1e-9:
            out.append(Bell(at, 3, "grace over: stop now"))
        elif abs(at - end) < 1e-9:
            out.append(Bell(at, 2, "time"))
        elif poi is not None and abs(minutes - poi[0]) < 1e-9:
            out.append(Bell(at, 1, "protected time over: POIs open"))
        elif poi is not None and abs(minutes - poi[1]) < 1e-9:
            out.append(Bell(at, 1, "POIs closed: protected time"))
        else:
            out.append(Bell(at, 1, f"{mmss(end - at)} left"))
    return tuple(out)


def protected_windows(speech: Speech) -> tuple[tuple[float, float], ...]:
    """Stretches (seconds) when points of information may not be offered; none without a POI window."""
    if speech.poi is None:
        return ()
    start, stop = speech.poi[0] * 60, speech.poi[1] * 60
    return ((0.0, start), (stop, speech.seconds))


def phase_at(speech: Speech, seconds: float) -> Phase:
    end = speech.seconds
    if seconds >= end:
        last = max((b * 60 for b in speech.bells), default=end)
        return "grace" if seconds < last else "over"
    if speech.poi is None:
        return "open"
    start, stop = speech.poi[0] * 60, speech.poi[1] * 60
    return "poi" if start <= seconds < stop else "protected"


@dataclass(frozen=True, slots=True)
class TimerStatus:
    """What a speech clock shows at one moment."""

    elapsed: float
    remaining: float
    phase: Phase
    next_bell: Bell | None
    rung: tuple[Bell, ...]

    @property
    def poi_open(self) -> bool:
        return self.phase == "poi"

    @property
    def protected(self) -> bool:
        return self.phase == "protected"

    def describe(self) -> str:
        words = {
            "protected": "protected time",
            "poi": "POIs open",
            "open": "speaking",
            "grace": "grace: finish",
            "over": "over time",
        }
        return f"{mmss(self.elapsed)} / {mmss(self.elapsed + self.remaining)}  {words[self.phase]}"


class SpeechTimer:
    """The clock of one speech: elapsed time, phase, and the bells as they ring."""

    def __init__(self, speech: Speech, clock: Clock) -> None:
        self.speech = speech
        self.clock = clock
        self.bells = bells_for(speech)
        self._countdown = Countdown(speech.seconds, clock)
        self._polled = 0

    def start(self) -> SpeechTimer:
        self._countdown.start()
        return self

    def stop(self) -> float:
        """Stop the clock; returns the seconds used."""
        return self._countdown.stop()

    @property
    def started(self) -> bool:
        return self._countdown.started_at is not None

    @property
    def running(self) -> bool:
        return self._countdown.running

    @property
    def elapsed(self) -> float:
        return self._countdown.elapsed

    def status(self) -> TimerStatus:
        t = self.elapsed
        rung = tuple(b for b in self.bells if b.at <= t)
        upcoming = next((b for b in self.bells if b.at > t), None)
        return TimerStatus(t, self.speech.seconds - t, phase_at(self.speech, t), upcoming, rung)

    def poll(self) -> tuple[Bell, ...]:
        """Bells that rang since the last poll (each bell is returned once): flash and ring for these."""
        rung = self.status().rung
        new = rung[self._polled :]
        self._polled = len(rung)
        return new


@dataclass(frozen=True, slots=True)
class TimeVerdict:
    """How well a speech's length sat within the bells, as a share 0..1 with the reason."""

    share: float
    why: str


def time_verdict(speech: Speech, seconds: float) -> TimeVerdict:
    """Full marks between the last warning bell before time and the last bell (grace).

    Short speeches earn the share of that lower mark they used; long ones lose
    in proportion to how far past the last bell they ran.
    """
    end = speech.seconds
    before = [b * 60 for b in speech.bells if b * 60 < end - 1e-9]
    low = max(before) if before else 0.75 * end
    high = max([end, *(b * 60 for b in speech.bells)])
    tolerance = 5.0
    if seconds < low - tolerance:
        share = max(0.0, seconds / low) if low else 1.0
        return TimeVerdict(
            share,
            f"{mmss(seconds)} used: short of the {mmss(low)} bell "
            f"(aim for {mmss(low)}–{mmss(high)}) → {share:.0%}",
        )
    if seconds > high + tolerance:
        share = max(0.0, 1 - (seconds - high) / end)
        return TimeVerdict(
            share,
            f"{mmss(seconds)} used: {mmss(seconds - high)} past the last bell at {mmss(high)} → {share:.0%}",
        )
    return TimeVerdict(1.0, f"{mmss(seconds)} used: within the bells ({mmss(low)}–{mmss(high)}) → 100%")
