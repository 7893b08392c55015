"""The speech clock with injected time: bells, POI windows, protected time, grace; nothing sleeps."""

from __future__ import annotations

import pytest

from tui.content.library import load_library
from tui.content.models import Speech
from tui.debate.clock import (
    Countdown,
    ManualClock,
    SpeechTimer,
    bells_for,
    mmss,
    phase_at,
    protected_windows,
    time_verdict,
)

WSDC = Speech("First Proposition", "prop", 8, poi=(1, 7), bells=(1, 7, 8, 8.25))
AUSTRALS = Speech("First Affirmative", "prop", 8, bells=(7, 8, 8.5))
PF = Speech("Pro Constructive", "prop", 4, bells=(3, 4))


def test_mmss() -> None:
    assert [mmss(x) for x in (0, 59.6, 125.4, -5)] == ["0:00", "1:00", "2:05", "-0:05"]


def test_bells_have_meaning() -> None:
    assert [(b.at, b.rings, b.label) for b in bells_for(WSDC)] == [
        (60, 1, "protected time over: POIs open"),
        (420, 1, "POIs closed: protected time"),
        (480, 2, "time"),
        (495, 3, "grace over: stop now"),
    ]
    assert [(b.at, b.label) for b in bells_for(AUSTRALS)] == [
        (420, "1:00 left"),
        (480, "time"),
        (510, "grace over: stop now"),
    ]


def test_protected_time_and_poi_window() -> None:
    assert protected_windows(WSDC) == ((0, 60), (420, 480))
    assert protected_windows(AUSTRALS) == ()
    assert [phase_at(WSDC, t) for t in (0, 59.9, 60, 419.9, 420, 479.9, 480, 494, 495, 600)] == [
        "protected",
        "protected",
        "poi",
        "poi",
        "protected",
        "protected",
        "grace",
        "grace",
        "over",
        "over",
    ]
    assert [phase_at(AUSTRALS, t) for t in (0, 479, 480, 510)] == ["open", "open", "grace", "over"]
    assert [phase_at(PF, t) for t in (0, 239, 240)] == ["open", "open", "over"]


def test_timer_rings_each_bell_once_as_time_passes() -> None:
    clock = ManualClock(1000)
    timer = SpeechTimer(WSDC, clock)
    assert timer.status().elapsed == 0 and not timer.started
    timer.start()
    clock.advance(30)
    s = timer.status()
    assert s.protected and not s.poi_open and s.next_bell is not None and s.next_bell.at == 60
    assert timer.poll() == ()
    clock.advance(40)
    rung = timer.poll()
    assert [b.at for b in rung] == [60] and timer.status().poi_open
    assert timer.poll() == ()
    clock.advance(500)  # 9:30: time, grace and over all passed since the last poll
    assert [b.at for b in timer.poll()] == [420, 480, 495]
    s = timer.status()
    assert s.phase == "over" and s.remaining == -90 and s.next_bell is None
    assert "over time" in s.describe()
    assert timer.stop() == 570
    clock.advance(100)
    assert timer.elapsed == 570 and not timer.running


def test_countdown() -> None:
    clock = ManualClock()
    c = Countdown(60, clock).start()
    clock.advance(45)
    assert c.remaining == 15 and not c.expired
    clock.advance(20)
    assert c.expired and c.stop() == 65
    with pytest.raises(ValueError):
        clock.advance(-1)


@pytest.mark.parametrize(
    ("seconds", "share"), [(0, 0.0), (210, 0.5), (420, 1.0), (470, 1.0), (495, 1.0), (500, 1.0), (555, 0.875)]
)
def test_time_used_within_the_bells(seconds: float, share: float) -> None:
    v = time_verdict(WSDC, seconds)
    assert v.share == pytest.approx(share) and mmss(seconds) in v.why


def test_every_bundled_format_has_a_sane_clock() -> None:
    lib = load_library(None)
    assert {"practice", "wsdc", "bp", "australs", "pf", "ld"} <= set(lib.formats)
    for fmt in lib.formats.values():
        for speech in fmt.speeches:
            bells = bells_for(speech)
            assert [b.at for b in bells] == sorted(b.at for b in bells)
            assert any(b.label == "time" for b in bells) or not speech.bells
            assert 0.99 <= time_verdict(speech, speech.seconds).share <= 1
