"""Sparring: a terminal trainer for AI geopolitics (quizzes, drills, debate rounds)."""

__version__ = "0.1.0"
