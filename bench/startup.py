"""Benchmark: the app's start-up and answer latency, each against a bare Textual app measured the same way.

1. Start-up. A fresh process per run, alternating the two apps, each started
   headless at 100x30 and timed from spawning the process until the app's
   `Ready` event (the first frame of the first screen painted, the app taking
   keys). Bare: an App with one Label. Sparring: `create_app(settings)` on a
   temporary data dir, up to the interactive home screen; also reported: until
   the banks are listed (the content loads in a worker after the first frame).
   Target (issue 4): home interactive <= 1.3x bare.

2. Key press -> feedback painted. In one process each, headless: a key event
   is handed to the driver (as a terminal would), 50 ms after the previous
   frame (keys a person types are that far apart), and the clock stops at the
   first compositor refresh showing the result. Bare: a Label updated on a key
   press. Sparring: Enter on a picked choice of a practice session (the
   engine scores it, the store commits it to SQLite, the feedback panel is
   mounted and painted). Target: <= 2x bare.

Prints medians and ratios from the same run; asserts nothing.

    python bench/startup.py [--runs 15] [--presses 40]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SIZE = (100, 30)

BARE_START = """
import sys
from textual.app import App
from textual.widgets import Label

class Bare(App):
    def compose(self):
        yield Label("Hello")
    def on_ready(self):
        print("READY", flush=True)
        self.exit()

Bare().run(headless=True, size=(100, 30))
"""

SPARRING_START = """
import sys
from pathlib import Path
from tui.app import SparringApp, create_app
from tui.settings import Settings

class Bench(SparringApp):
    def on_ready(self):
        super().on_ready()
        print("READY", flush=True)
        self.run_worker(self._wait_loaded())

    async def _wait_loaded(self):
        await self.loaded.wait()
        self.call_after_refresh(self._listed)

    def _listed(self):
        print("LOADED", flush=True)
        self.exit()

app = create_app(Settings(data_dir=Path(sys.argv[1])))
app.__class__ = Bench
app.run(headless=True, size=(100, 30))
"""


def time_start(code: str, args: list[str]) -> dict[str, float]:
    """Seconds from spawning a process until each marker line it prints."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "TEXTUAL": "", "PYTHONDONTWRITEBYTECODE": "1"})
    marks: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        marks[line.strip()] = time.perf_counter() - start
    proc.wait(timeout=60)
    if proc.returncode:
        raise SystemExit(f"benchmark app failed ({proc.returncode})")
    return marks


def startup(runs: int) -> None:
    bare: list[float] = []
    home: list[float] = []
    listed: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        time_start(SPARRING_START, [tmp])  # warm the file cache and create the database once
        time_start(BARE_START, [])
        for _ in range(runs):
            bare.append(time_start(BARE_START, [])["READY"])
            marks = time_start(SPARRING_START, [tmp])
            home.append(marks["READY"])
            listed.append(marks["LOADED"])
    b = statistics.median(bare)
    print(f"start-up (median of {runs}, process spawn to first frame):")
    print(f"  bare Textual app, one label   {b * 1000:7.1f} ms")
    print(f"  sparring home interactive     {statistics.median(home) * 1000:7.1f} ms   "
          f"ratio {statistics.median(home) / b:.2f}  (target <= 1.3)")
    print(f"  sparring banks listed         {statistics.median(listed) * 1000:7.1f} ms   "
          f"ratio {statistics.median(listed) / b:.2f}  (content loaded in a worker)")


class PaintProbe:
    """Records when a compositor refresh first happens while `done()` is true."""

    def __init__(self) -> None:
        self.done: Callable[[], bool] = lambda: False
        self.event = asyncio.Event()
        self.at = 0.0

    def install(self) -> None:
        from textual.screen import Screen

        original = Screen._compositor_refresh
        probe = self

        def refresh(screen: Screen[Any]) -> None:
            original(screen)
            if not probe.event.is_set() and probe.done():
                probe.at = time.perf_counter()
                probe.event.set()

        Screen._compositor_refresh = refresh  # type: ignore[method-assign]

    async def press(self, app: Any, key: str, char: str | None, done: Callable[[], bool]) -> float:
        from textual import events

        self.done, self.event = done, asyncio.Event()
        # A person's keys come tens of milliseconds apart: let the previous frame's refresh settle first,
        # so neither side waits on the screen's 60 fps update timer started by the previous key.
        await asyncio.sleep(0.05)
        start = time.perf_counter()
        app._driver.send_message(events.Key(key, char))
        await asyncio.wait_for(self.event.wait(), 10)
        return self.at - start


async def bare_presses(probe: PaintProbe, presses: int) -> list[float]:
    from textual.app import App
    from textual.widgets import Label

    class Bare(App[None]):
        BINDINGS = [("x", "bump")]  # noqa: RUF012 - Textual's own idiom
        count = 0

        def compose(self):  # type: ignore[no-untyped-def]
            yield Label("0", id="label")

        def action_bump(self) -> None:
            self.count += 1
            self.query_one("#label", Label).update(str(self.count))

    app = Bare()
    out = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for n in range(1, presses + 1):
            out.append(await probe.press(app, "x", "x", lambda n=n: app.count == n))
            await pilot.pause()
    return out


FLOOR_TEXT = (
    "✓ Right   1/1 points\n\nThe article gives about $5.6 million. It is DeepSeek's own figure (a reported "
    "fact), and the V3 technical report shows what it measures: the GPU-hours of training priced at an "
    "assumed $2 per hour. It is not the full cost of developing the model.\n\nCited facts\n[reported] DeepSeek "
    "reported spending about $5.6 million to develop its V3 model.\n[verified] The $5.6M figure prices only "
    "the final training run's GPU-hours."
)


async def floor_presses(probe: PaintProbe, presses: int) -> list[float]:
    """For context: a minimal app (no engine, no store) showing a feedback-sized panel on a key press."""
    from textual.app import App
    from textual.containers import VerticalScroll
    from textual.widgets import Label, Static

    class Floor(App[None]):
        BINDINGS = [("x", "show")]  # noqa: RUF012 - Textual's own idiom
        CSS = "#panel { border: round green; height: auto; } #panel.-hidden { display: none; }"
        count = 0

        def compose(self):  # type: ignore[no-untyped-def]
            yield Label("status")
            with VerticalScroll():
                yield Static("A prompt of a question, long enough to wrap once on a terminal a hundred wide. " * 2)
                for n in range(4):
                    yield Static(f"{n + 1} ( ) a choice")
                yield Static("", id="panel", classes="-hidden")

        def action_show(self) -> None:
            self.count += 1
            panel = self.query_one("#panel", Static)
            if self.count % 2:
                panel.update(FLOOR_TEXT)
                panel.remove_class("-hidden")
            else:
                panel.add_class("-hidden")

    app = Floor()
    out = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for n in range(1, 2 * presses + 1):
            seconds = await probe.press(app, "x", "x", lambda n=n: app.count == n)
            if n % 2:
                out.append(seconds)
            await pilot.pause()
    return out


async def sparring_presses(probe: PaintProbe, presses: int, data_dir: Path) -> list[float]:
    from tui.app import create_app
    from tui.quiz import SessionConfig
    from tui.screens.question import QuestionScreen
    from tui.settings import Settings, load_content

    settings = Settings(data_dir=data_dir)
    library = load_content(settings)
    ids = tuple(q.id for q in library.questions() if q.type in ("choice", "truefalse"))[:presses]
    app = create_app(settings, SessionConfig(question_ids=ids, seed=1), library=library)
    out = []
    async with app.run_test(size=SIZE) as pilot:
        await app.loaded.wait()
        await pilot.pause()
        for _ in range(len(ids)):
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            await pilot.press("1")

            def shown(screen: QuestionScreen = screen) -> bool:
                return screen.phase == "feedback"  # set once the panel is mounted (cheap to check per frame)

            out.append(await probe.press(app, "enter", "\r", shown))
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
    return out


def answering(presses: int) -> None:
    probe = PaintProbe()
    probe.install()
    with tempfile.TemporaryDirectory() as tmp:
        bare = asyncio.run(bare_presses(probe, presses))
        floor = asyncio.run(floor_presses(probe, presses))
        ours = asyncio.run(sparring_presses(probe, presses, Path(tmp)))
    b, f, s = statistics.median(bare), statistics.median(floor), statistics.median(ours)
    print(f"key press -> painted (median of {len(ours)} presses each, headless):")
    print(f"  bare app, label update        {b * 1000:7.2f} ms")
    print(f"  sparring answer -> feedback   {s * 1000:7.2f} ms   ratio {s / b:.2f}  (target <= 2)")
    print(f"  context: minimal app showing a feedback-sized panel {f * 1000:.2f} ms (ratio {f / b:.2f} to bare);"
          f" sparring is {s / f:.2f}x that")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--presses", type=int, default=40)
    args = parser.parse_args()
    startup(args.runs)
    answering(args.presses)


if __name__ == "__main__":
    main()
