"""What the screens ask of the engine and the store: one object the app owns.

Nothing here scores or schedules: it loads the library, opens the store,
starts sessions through `tui.quiz.prepare` and reads figures through
`tui.store.stats`. The engine and store are imported lazily, inside the
methods, so starting the app stays as quick as a bare Textual app; `load()`
runs in a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.content.library import Library
    from tui.quiz import Clock, QuizSession, SessionConfig
    from tui.quiz.marks import Calibration
    from tui.settings import Settings
    from tui.store import Stats, Store
    from tui.store.stats import DayFigures, TagFigures


@dataclass(frozen=True)
class BankRow:
    """One bank on the home screen."""

    id: str
    title: str
    questions: int
    due: int
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class StatsView:
    """Everything the stats screen draws."""

    totals: Stats
    history: list[DayFigures]  # local calendar days (the backend's `tz`)
    tags: dict[str, TagFigures]  # accuracy: points earned / points possible
    forecast: list[int]
    calibration: Calibration
    bank_titles: dict[str, str] = field(default_factory=dict)


class Backend:
    """The library, the store and the clock, for one profile."""

    def __init__(
        self,
        settings: Settings,
        clock: Clock | None = None,
        *,
        library: Library | None = None,
        store: Store | None = None,
        tz: tzinfo | None = None,
    ) -> None:
        self.settings = settings
        self._clock = clock
        self.library = library
        self.store = store
        self._own_store = store is None
        self.notices: list[str] = []
        self.tz = tz  # the learner's time zone for days in the stats; None: the system's local zone

    @property
    def clock(self) -> Clock:
        if self._clock is None:
            from tui.quiz.clock import SystemClock

            self._clock = SystemClock()
        return self._clock

    @property
    def ready(self) -> bool:
        return self.library is not None and self.store is not None

    def now(self) -> datetime:
        return self.clock.now()

    def load(self) -> list[str]:
        """Load the content and open the store (blocking: run it in a worker). Returns notices to show."""
        from tui.settings import load_content

        notices: list[str] = []
        if self.library is None:
            library = load_content(self.settings)
            notices.extend(str(f) for f in library.errors)
            self.library = library
        if self.store is None:
            from tui.store import Store

            self.store = Store.open(self.settings.db_path)
            self._own_store = True
            if self.store.notice:
                notices.append(self.store.notice)
        self.clock  # noqa: B018 - import the clock here, off the UI thread
        import tui.quiz  # noqa: F401 - warm the engine import too

        self.notices = notices
        return notices

    def close(self) -> None:
        if self.store is not None and self._own_store:
            self.store.close()
            self.store = None

    # ---------------------------------------------------------------- home

    def bank_rows(self) -> list[BankRow]:
        if self.library is None:
            return []
        due = self.store.due_by_bank(self.settings.profile, self.now()) if self.store is not None else {}
        rows = []
        for bank in self.library.banks.values():
            tags = sorted({t for q in bank.questions for t in q.tags})
            rows.append(BankRow(bank.id, bank.title, len(bank.questions), due.get(bank.id, 0), tuple(tags)))
        return sorted(rows, key=lambda r: r.title.casefold())

    def due_total(self) -> int:
        if self.store is None:
            return 0
        return self.store.due_count(self.settings.profile, self.now())

    # ---------------------------------------------------------------- sessions

    def start(self, config: SessionConfig) -> QuizSession:
        """A recorded session for `config`; raises `tui.quiz.QuizSetupError` (its `.lines` say why)."""
        from tui.quiz import prepare

        assert self.library is not None and self.store is not None, "load() first"
        prepared = prepare(self.settings, config, clock=self.clock, library=self.library, store=self.store)
        self.notices = list(prepared.notices)
        return prepared.session

    # ---------------------------------------------------------------- stats

    def stats_view(self) -> StatsView:
        from tui.quiz.marks import calibration
        from tui.store.stats import calibration_pairs, due_forecast, history, stats, tag_accuracy

        assert self.store is not None, "load() first"
        profile, now = self.settings.profile, self.now()
        titles = {b.id: b.title for b in self.library.banks.values()} if self.library else {}
        return StatsView(
            totals=stats(self.store, profile, now),
            history=history(self.store, profile, now, days=30, tz=self.tz),
            tags=tag_accuracy(self.store, profile),
            forecast=due_forecast(self.store, profile, now, days=14, tz=self.tz),
            calibration=calibration(calibration_pairs(self.store, profile)),
            bank_titles=titles,
        )


def config_from(**values: Any) -> SessionConfig:
    """A `SessionConfig` (imported lazily, so the home screen does not load the engine)."""
    from tui.quiz import SessionConfig

    return SessionConfig(**values)
