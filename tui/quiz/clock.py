"""Injected time: the engine never reads the system clock itself.

Everything that needs "now" (answer times, blitz and exam timers, FSRS due
dates) asks a `Clock`. The app and plain mode use `SystemClock`; tests use
`FakeClock` and move it by hand, so nothing ever sleeps.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Anything with `now()` returning a timezone-aware UTC datetime."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real wall clock (UTC)."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock that only moves when told to: `advance(seconds)` or `set(when)`."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start if start is not None else datetime(2025, 1, 27, 9, 0, tzinfo=UTC)
        if self._now.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware datetime")

    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float = 0, **kwargs: float) -> datetime:
        """Move forward by `seconds` (plus any `timedelta` keywords: minutes=, days=...)."""
        self._now += timedelta(seconds=seconds, **kwargs)
        return self._now

    def set(self, when: datetime) -> None:
        self._now = when


def utc(when: datetime) -> datetime:
    """`when` in UTC (naive datetimes are taken as UTC)."""
    if when.tzinfo is None:
        return when.replace(tzinfo=UTC)
    return when.astimezone(UTC)
