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
   press. Sparring: Enter on a picked choice of a practice session (choice
   and true/false questions of the bundled banks): the engine scores the
   answer and the store commits it to SQLite, then the feedback is painted in
   two frames: the verdict line first, the rest on the next frame.
   Three times are reported, each checked on what the compositor has on
   screen after a refresh:
     verdict   the verdict line (right or wrong, the points) painted above
               the choices, in place of the keys hint;
     whole     all of the feedback painted: the choices marked with the
               authors' notes, the panel (the right answer, the explanation,
               the cited facts) and the score. It comes on the frame after
               the verdict's: Textual paints at most 60 frames a second;
     settled   the panel scrolled into view (as far as it goes).
   Target (issue 4): the feedback painted <= 2x bare; each line says whether
   what it measures meets it. Also reported: the time in the engine's
   `answer` (scoring, the SQLite commit) and, for context, a minimal app
   showing a feedback-sized panel on a key press.

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


Check = Callable[[], bool]


class PaintProbe:
    """Records, for each named check, when a compositor refresh first happens while the check is true.

    A check runs right after a refresh (the time is taken before any check runs), so it can look
    at what the refresh put on screen (the compositor's visible widgets).
    """

    def __init__(self) -> None:
        self.checks: dict[str, Check] = {}
        self.times: dict[str, float] = {}
        self.event = asyncio.Event()

    def install(self) -> None:
        from textual.screen import Screen

        original = Screen._compositor_refresh
        probe = self

        def refresh(screen: Screen[Any]) -> None:
            original(screen)
            if probe.event.is_set() or not probe.checks:
                return
            now = time.perf_counter()
            for name, check in probe.checks.items():
                if name not in probe.times and check():
                    probe.times[name] = now
            if len(probe.times) == len(probe.checks):
                probe.event.set()

        Screen._compositor_refresh = refresh  # type: ignore[method-assign,assignment]

    async def press(self, app: Any, key: str, char: str | None, **checks: Check) -> dict[str, float]:
        """Seconds from handing the key to the driver until each check first held after a refresh."""
        from textual import events

        self.checks, self.times, self.event = {}, {}, asyncio.Event()
        # A person's keys come tens of milliseconds apart: let the previous frame's refresh settle first,
        # so neither side waits on the screen's 60 fps update timer started by the previous key.
        await asyncio.sleep(0.05)
        self.checks = checks
        start = time.perf_counter()
        app._driver.send_message(events.Key(key, char))
        await asyncio.wait_for(self.event.wait(), 10)
        self.checks = {}
        return {name: at - start for name, at in self.times.items()}


def on_screen(widget: Any) -> bool:
    """Is `widget` painted on its screen, at least in part (in the compositor's visible widgets)?"""
    return bool(widget in widget.screen._compositor.visible_widgets)


def scrolled_into_view(widget: Any) -> bool:
    """Is `widget` as far in view as it can be: all of it, or (when taller than the view) its top?"""
    found = widget.screen._compositor.visible_widgets.get(widget)
    if found is None:
        return False
    region, clip = found
    return bool(clip.contains_region(region) or (region.y == clip.y and region.height > clip.height))


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
            times = await probe.press(app, "x", "x", shown=lambda n=n: app.count == n)
            out.append(times["shown"])
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
            times = await probe.press(app, "x", "x", shown=lambda n=n: app.count == n)
            if n % 2:
                out.append(times["shown"])
            await pilot.pause()
    return out


async def sparring_presses(probe: PaintProbe, presses: int, data_dir: Path) -> dict[str, list[float]]:
    from textual.widgets import Static

    from tui.app import create_app
    from tui.quiz import QuizSession, SessionConfig
    from tui.screens.question import QuestionScreen
    from tui.settings import Settings, load_content
    from tui.widgets.choice_list import ChoiceList
    from tui.widgets.feedback import FeedbackPanel

    settings = Settings(data_dir=data_dir)
    library = load_content(settings)
    ids = tuple(q.id for q in library.questions() if q.type in ("choice", "truefalse"))[:presses]
    app = create_app(settings, SessionConfig(question_ids=ids, seed=1), library=library)
    out: dict[str, list[float]] = {"verdict": [], "whole": [], "settled": [], "engine": []}
    answer = QuizSession.answer

    def timed_answer(session: QuizSession, *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return answer(session, *args, **kwargs)
        finally:
            out["engine"].append(time.perf_counter() - start)

    QuizSession.answer = timed_answer  # type: ignore[method-assign,assignment]
    try:
        async with app.run_test(size=SIZE) as pilot:
            await app.loaded.wait()
            await pilot.pause()
            for _ in range(len(ids)):
                screen = app.screen
                assert isinstance(screen, QuestionScreen)
                await pilot.press("1")
                panel = screen.query_one(FeedbackPanel)
                hint = screen.query_one("#hint", Static)
                choices = screen.query_one(ChoiceList)

                def verdict(screen: QuestionScreen = screen, hint: Static = hint) -> bool:
                    # the verdict line painted where the keys hint was
                    text = str(hint.content)
                    return screen.phase == "feedback" and text.startswith(("✓", "✗", "≈")) and on_screen(hint)

                def whole(panel: FeedbackPanel = panel, choices: ChoiceList = choices) -> bool:
                    # the panel laid out (its height that of all its lines) and painted (what of it is in
                    # view), the choices marked
                    laid_out = panel.size.height == len(panel.lines(panel.size.width))
                    marked = all(row.verdict is not None for row in choices.rows)
                    return verdict() and panel.complete and laid_out and on_screen(panel) and marked

                def settled(panel: FeedbackPanel = panel) -> bool:
                    return whole() and scrolled_into_view(panel)

                times = await probe.press(app, "enter", "\r", verdict=verdict, whole=whole, settled=settled)
                for name, seconds in times.items():
                    out[name].append(seconds)
                await pilot.pause()
                await pilot.press("n")
                await pilot.pause()
    finally:
        QuizSession.answer = answer  # type: ignore[method-assign]
    return out


def answering(presses: int) -> None:
    probe = PaintProbe()
    probe.install()
    with tempfile.TemporaryDirectory() as tmp:
        bare = asyncio.run(bare_presses(probe, presses))
        floor = asyncio.run(floor_presses(probe, presses))
        ours = asyncio.run(sparring_presses(probe, presses, Path(tmp)))
    b, f = statistics.median(bare), statistics.median(floor)
    median = {name: statistics.median(times) for name, times in ours.items()}

    def line(label: str, seconds: float) -> str:
        ratio = seconds / b
        return (f"  {label:44s} {seconds * 1000:7.2f} ms   ratio {ratio:5.2f}   "
                f"target <= 2 {'met' if ratio <= 2 else 'NOT met'}")

    n = len(ours["verdict"])
    print(f"key press -> painted (median of {n} presses each, headless):")
    print(f"  {'bare app, label update':44s} {b * 1000:7.2f} ms")
    print(line("sparring answer -> verdict painted", median["verdict"]))
    print("      right or wrong and the points, on the line above the choices")
    print(line("sparring answer -> whole feedback painted", median["whole"]))
    print("      the choices marked, the right answer, explanation, cited facts, score: on the next frame")
    print("      (Textual paints at most 60 frames a second)")
    print(line("sparring answer -> panel scrolled into view", median["settled"]))
    print(f"  of which the engine's answer (scoring, SQLite commit): {median['engine'] * 1000:.2f} ms")
    print(f"  context: a minimal app showing a feedback-sized panel {f * 1000:.2f} ms (ratio {f / b:.2f} to bare)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--presses", type=int, default=40)
    args = parser.parse_args()
    startup(args.runs)
    answering(args.presses)


if __name__ == "__main__":
    main()
