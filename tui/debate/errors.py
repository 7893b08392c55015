"""Errors the debate engine raises; their message is meant for the learner, never a traceback."""

from __future__ import annotations


class DebateError(Exception):
    """Something the learner asked for cannot be done (a motion with no arguments on a side, ...)."""


class BadAnswer(ValueError):
    """An answer that cannot be read (the message says what to type); ask again."""


def fmt_score(value: float) -> str:
    """A score with at most two decimals and no trailing zeros: 1.5, 2, 0.67."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
