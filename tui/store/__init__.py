"""The learner database (SQLite): profiles, sessions, attempts, FSRS review state. Never imports Textual.

store = Store.open(settings.db_path)      # creates, migrates, sets a damaged file aside
if store.notice: show(store.notice)
store.record_attempt(profile, AttemptRecord(...), card=None)
stats(store, profile, now).as_dict()
"""

from tui.store.db import Store, StoreError, migrate, set_aside
from tui.store.records import AttemptRecord, CardState
from tui.store.stats import (
    BankStats,
    DayFigures,
    Stats,
    calibration_pairs,
    due_forecast,
    history,
    stats,
    tag_accuracy,
)

__all__ = [
    "AttemptRecord",
    "BankStats",
    "CardState",
    "DayFigures",
    "Stats",
    "Store",
    "StoreError",
    "calibration_pairs",
    "due_forecast",
    "history",
    "migrate",
    "set_aside",
    "stats",
    "tag_accuracy",
]
