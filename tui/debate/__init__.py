"""The debate engine: argument drills and sparring rounds. Pure Python; never imports Textual.

Every engine is a plain state machine on an injected clock (`SystemClock` in
the app, `ManualClock` in tests); every figure comes with "why" lines.

Starting (the CLI builds a `DebateConfig` and hands it to `tui.app.run_debate_app(settings, config)`)::

    config.mode                  # "drill" or "spar"
    drill = config.drill(clock)  # or: make_drill(kind, motion, seed=, clock=, count=, time_limit=, side=, ...)
    rnd = config.round(clock)    # or: Round(motion, fmt, side, seed=, clock=, facts=)
    # both raise DebateError (a message for the learner) when the motion cannot run them

A drill (`Drill`: SideDrill, PickDrill, RebuttalDrill, CaseDrill, WeighDrill)::

    while (prompt := drill.present()) is not None:  # Prompt: instruction, argument, options, arguments,
        ...                                          #   motions, picks, time_limit; starts the item's clock
        drill.remaining()                            # seconds left (None without a limit)
        drill.check(text)                            # None, or what to type instead
        result = drill.answer(text)                  # DrillResult (earned/possible, why, made, missed, models,
                                                     #   claim: what the item was about); raises BadAnswer
                                                     #   for unreadable text
    summary = drill.summary()                        # DrillSummary: totals, accuracy, mean time, why

A round (`Round`)::

    rnd.start_prep() / rnd.end_prep()                # Countdown; rnd.can_prep(), rnd.prep_left
    turn = rnd.current_turn()                        # Turn(index, speech, actor: learner|opponent|cross)
    rnd.opponent_speaks()                            # SpeechRecord with text and actions
    timer = rnd.start_speech()                       # SpeechTimer: status() (phase, POI window, protected,
                                                     #   next bell), poll() -> bells to flash and ring
    rnd.questions()                                  # the opponent's questions in a cross-examination
    rnd.submit(text)                                 # SpeechRecord: made (by claim words or key terms,
                                                     #   `matcher.recognise`), answered, notes, time verdict
    rnd.flow()                                       # FlowSheet: rows x speeches, made/defended/extended/
                                                     #   answered/dropped
    rnd.finish()                                     # Adjudication: criteria with why, score on the scale,
                                                     #   dropped arguments, best_speech, verdict; .lines()

Saving (per profile, as results come in): `DrillSaver(store, profile, drill).save(result)` and
`RoundKeeper(store, profile, rnd).save()` after each speech; what is typed but not submitted:
`DraftKeeper(store, profile, key, clock=clock)` (touch per key, poll on a timer, flush on leaving,
discard on submit); history: `tui.store.rounds.debate_history(store, profile)`, and a saved round
read back with `past_round(store, profile, record, motion=, fmt=)` (speeches, flow, adjudication, drafts).
Plain mode: `tui.debate.plain.run_drill` / `run_round` on injected streams.
"""

from tui.debate.adjudicate import Adjudication, CriterionScore
from tui.debate.clock import Bell, Clock, Countdown, ManualClock, SpeechTimer, SystemClock, TimerStatus, mmss
from tui.debate.drills import (
    DRILL_KINDS,
    CaseDrill,
    Drill,
    DrillKind,
    DrillResult,
    DrillSummary,
    PickDrill,
    Prompt,
    RebuttalDrill,
    SideDrill,
    WeighDrill,
    make_drill,
)
from tui.debate.errors import BadAnswer, DebateError, fmt_score
from tui.debate.flow import FlowRow, FlowSheet
from tui.debate.launch import DebateConfig, MotionError, resolve_motion
from tui.debate.records import DraftKeeper, DrillSaver, PastRound, RoundKeeper, past_round
from tui.debate.round import Round, SpeechRecord, Turn

__all__ = [
    "DRILL_KINDS",
    "Adjudication",
    "BadAnswer",
    "Bell",
    "CaseDrill",
    "Clock",
    "Countdown",
    "CriterionScore",
    "DebateConfig",
    "DebateError",
    "DraftKeeper",
    "Drill",
    "DrillKind",
    "DrillResult",
    "DrillSaver",
    "DrillSummary",
    "FlowRow",
    "FlowSheet",
    "ManualClock",
    "MotionError",
    "PastRound",
    "PickDrill",
    "Prompt",
    "RebuttalDrill",
    "Round",
    "RoundKeeper",
    "SideDrill",
    "SpeechRecord",
    "SpeechTimer",
    "SystemClock",
    "TimerStatus",
    "Turn",
    "WeighDrill",
    "fmt_score",
    "make_drill",
    "mmss",
    "past_round",
    "resolve_motion",
]
