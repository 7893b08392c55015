"""The quiz engine: sessions, scoring, modes, review scheduling. Pure Python; never imports Textual.

The pieces the UI uses:

- `SessionConfig`: what to ask (banks, mode, filters, count, seed, confidence, timers).
- `prepare(settings, config)` -> `Prepared` (`.session`, `.notices`, `.close()`): a session recorded to the store.
- `QuizSession`: `next_item()` -> `Item`; `answer(response, confidence=)` / `skip()` -> `AnswerResult`
  (stored at once); with confidence marking, `awaiting_confidence`, then `set_confidence(level)`
  (updates the stored answer) or `withdraw()` (takes it back); `check_time()` on a timer tick;
  `finish()` -> `Results`; `retry_missed()` -> a new session.
- `parse_answer(item, text)` for text inputs; `Clock` / `SystemClock` / `FakeClock` for time.

See `tui.quiz.session` for the loop, `tui.quiz.scoring` for responses and scores,
`tui.quiz.marks` for blitz points and certainty marks, `tui.quiz.review` for FSRS.
"""

from tui.quiz.answers import AnswerError, expected_hint, letter, parse_answer, parse_number
from tui.quiz.clock import Clock, FakeClock, SystemClock
from tui.quiz.items import fact_lookup, plan_questions
from tui.quiz.launch import Prepared, QuizSetupError, StoreRecorder, load_banks, prepare
from tui.quiz.marks import CERTAINTY_LABELS, Calibration, LevelFigures, calibration
from tui.quiz.model import (
    MODES,
    AnswerResult,
    ChoiceFeedback,
    Figures,
    Item,
    Mode,
    PartFeedback,
    Results,
    SessionConfig,
)
from tui.quiz.review import rating_for
from tui.quiz.scoring import Grade, Response, ResponseError, format_number, grade, normalise
from tui.quiz.session import QuizSession, Recorder, SessionError

__all__ = [
    "CERTAINTY_LABELS",
    "MODES",
    "AnswerError",
    "AnswerResult",
    "Calibration",
    "ChoiceFeedback",
    "Clock",
    "FakeClock",
    "Figures",
    "Grade",
    "Item",
    "LevelFigures",
    "Mode",
    "PartFeedback",
    "Prepared",
    "QuizSession",
    "QuizSetupError",
    "Recorder",
    "Response",
    "ResponseError",
    "Results",
    "SessionConfig",
    "SessionError",
    "StoreRecorder",
    "SystemClock",
    "calibration",
    "expected_hint",
    "fact_lookup",
    "format_number",
    "grade",
    "letter",
    "load_banks",
    "normalise",
    "parse_answer",
    "parse_number",
    "plan_questions",
    "prepare",
    "rating_for",
]
