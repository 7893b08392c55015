"""What the debate screens share: the engine's clock from the app's clock, savers, the motion lists.

The app's `Backend` holds one injected clock (a datetime clock, `FakeClock` in
tests); the debate engine wants seconds, so `AppClock` reads the same clock
as seconds. Moving the fake clock moves every debate timer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.app import App

if TYPE_CHECKING:
    from tui.app import SparringApp
    from tui.content.library import Library
    from tui.debate import Drill, DrillSaver, Round, RoundKeeper
    from tui.debate.records import DraftKeeper
    from tui.screens.backend import Backend

TICK_SECONDS = 0.2


class AppClock:
    """Seconds on the app's clock (the debate engine's `Clock`)."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    def now(self) -> float:
        return self.backend.clock.now().timestamp()


def sparring(app: App[Any]) -> SparringApp:
    return cast("SparringApp", app)


def clock_for(app: App[Any]) -> AppClock:
    return AppClock(sparring(app).backend)


def library_of(app: App[Any]) -> Library | None:
    return sparring(app).backend.library


def drill_saver(app: App[Any], drill: Drill[Any]) -> DrillSaver | None:
    """A saver for this drill sitting, or None (with a notice) when the store is not open."""
    from tui.debate import DrillSaver

    backend = sparring(app).backend
    if backend.store is None:
        app.notify(
            "The learner database is not open: results will not be saved.", severity="warning", markup=False
        )
        return None
    return DrillSaver(backend.store, backend.settings.profile, drill, now=backend.now)


def round_keeper(app: App[Any], rnd: Round) -> RoundKeeper | None:
    from tui.debate import RoundKeeper

    backend = sparring(app).backend
    if backend.store is None:
        app.notify(
            "The learner database is not open: the round will not be saved.", severity="warning", markup=False
        )
        return None
    return RoundKeeper(backend.store, backend.settings.profile, rnd, now=backend.now)


def safely(app: App[Any], what: str, save: Any) -> bool:
    """Run a save; a failure is a notice (the practice goes on), never a crash."""
    try:
        save()
    except Exception as exc:  # a full disk or a locked database must not lose the screen
        app.notify(f"Could not save {what}: {exc}", severity="error", markup=False)
        return False
    return True


def draft_keeper(
    app: App[Any], key: str, *, label: str = "", round_id: int | None = None
) -> DraftKeeper | None:
    """An autosaver for one editor's unsubmitted text, or None when the store is not open."""
    from tui.debate.records import DraftKeeper

    backend = sparring(app).backend
    if backend.store is None:
        return None
    return DraftKeeper(
        backend.store,
        backend.settings.profile,
        key,
        clock=clock_for(app),
        label=label,
        round_id=round_id,
        now=backend.now,
    )


class Drafts:
    """The screens' side of autosaving: every call is safe (a failed write is one notice, then autosave stops)."""

    def __init__(self, app: App[Any], keeper: DraftKeeper | None, get_text: Any) -> None:
        self.app = app
        self.keeper = keeper
        self.get_text = get_text

    def _run(self, action: Any) -> None:
        if self.keeper is None:
            return
        if not safely(self.app, "your draft", action):
            self.app.notify(
                "Drafts will not be autosaved for the rest of this screen.", severity="warning", markup=False
            )
            self.keeper = None

    def touch(self) -> None:
        if self.keeper is not None:
            self.keeper.touch()

    def poll(self) -> None:
        if self.keeper is not None and self.keeper.due():
            self._run(lambda: self.keeper.poll(self.get_text) if self.keeper else None)

    def flush(self) -> None:
        if self.keeper is not None and self.keeper.dirty:
            self._run(lambda: self.keeper.flush(self.get_text) if self.keeper else None)

    def discard(self) -> None:
        self._run(lambda: self.keeper.discard() if self.keeper else None)
