"""A sparring round against the built-in opponent: prep, the format's speeches in order, adjudication.

Driving a round (the Textual screen and the plain mode do the same)::

    rnd = Round(motion, fmt, "prop", seed=7, clock=clock, facts=facts)
    prep = rnd.start_prep()            # Countdown: prep.remaining, prep.expired
    rnd.end_prep()
    while (turn := rnd.current_turn()) is not None:
        if turn.actor == "opponent":
            record = rnd.opponent_speaks()         # record.text, record.actions
        else:                                      # "learner", or "cross" (unscored questions)
            timer = rnd.start_speech()             # SpeechTimer: timer.status(), timer.poll() -> bells
            record = rnd.submit(text)              # time taken from the clock
        keeper.save()                              # optional: tui.debate.records.RoundKeeper
    adjudication = rnd.finish()        # also rnd.flow() at any time

Nothing sleeps: the clock is injected.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from tui.content.models import Argument, ArgumentSet, DebateFormat, Side, Speech
from tui.debate.adjudicate import Adjudication, LearnerSpeech, adjudicate
from tui.debate.analysis import analyse
from tui.debate.clock import Clock, Countdown, SpeechTimer, SystemClock, time_verdict
from tui.debate.drills import SIDE_NAMES, new_seed, other
from tui.debate.errors import DebateError
from tui.debate.flow import FlowSheet, build_flow
from tui.debate.matcher import ArgumentTerms
from tui.debate.opponent import Opponent
from tui.debate.text import safe

Actor = Literal["learner", "opponent", "cross"]
Phase = Literal["prep", "speeches", "done"]


@dataclass(frozen=True, slots=True)
class Turn:
    """One speech of the format and who gives it."""

    index: int
    speech: Speech
    actor: Actor

    @property
    def name(self) -> str:
        return self.speech.name


@dataclass(frozen=True, slots=True)
class SpeechRecord:
    """A speech given: its text, time, and what it did on the flow."""

    index: int
    name: str
    side: str
    kind: str
    actor: Actor
    text: str
    seconds: float
    made: tuple[str, ...] = ()
    answered: tuple[str, ...] = ()
    answer_shares: Mapping[str, float] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    time_share: float | None = None
    time_why: str = ""
    defended: tuple[str, ...] = ()
    extended: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "name": self.name,
            "side": self.side,
            "kind": self.kind,
            "actor": self.actor,
            "text": self.text,
            "seconds": round(self.seconds, 3),
            "made": list(self.made),
            "answered": list(self.answered),
            "answer_shares": {k: round(v, 4) for k, v in self.answer_shares.items()},
            "notes": list(self.notes),
            "actions": list(self.actions),
            "questions": list(self.questions),
            "time_share": self.time_share,
            "time_why": self.time_why,
            "defended": list(self.defended),
            "extended": list(self.extended),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> SpeechRecord:
        """A speech as `as_dict()` stored it (missing fields, from older rounds, take their defaults)."""

        def strings(key: str) -> tuple[str, ...]:
            return tuple(str(x) for x in d.get(key) or ())

        actor = d.get("actor")
        share = d.get("time_share")
        return cls(
            int(d.get("index", 0)),
            str(d.get("name", "")),
            str(d.get("side", "")),
            str(d.get("kind", "speech")),
            actor if actor in ("learner", "opponent", "cross") else "learner",
            str(d.get("text", "")),
            float(d.get("seconds", 0.0)),
            made=strings("made"),
            answered=strings("answered"),
            answer_shares={str(k): float(v) for k, v in (d.get("answer_shares") or {}).items()},
            notes=strings("notes"),
            actions=strings("actions"),
            questions=strings("questions"),
            time_share=None if share is None else float(share),
            time_why=str(d.get("time_why", "")),
            defended=strings("defended"),
            extended=strings("extended"),
        )


class Round:
    """One round: the learner speaks for `side`, the built-in opponent for the other."""

    def __init__(
        self,
        motion: ArgumentSet,
        fmt: DebateFormat,
        side: Side,
        *,
        seed: int | None = None,
        clock: Clock | None = None,
        facts: Mapping[str, str] | None = None,
    ) -> None:
        if side not in ("prop", "opp"):
            raise DebateError(f"side must be prop or opp, not {side!r}")
        self.motion = motion
        self.format = fmt
        self.side: Side = side
        self.seed = seed if seed is not None else new_seed()
        self.clock: Clock = clock or SystemClock()
        self.notices: list[str] = []
        own = motion.side(side)
        theirs = motion.side(other(side))
        if not own:
            raise DebateError(
                f"motion {motion.id!r} has no {SIDE_NAMES[side]} arguments, so there is nothing to build your case "
                f"from or to judge it against; try --side {other(side)}"
            )
        if not theirs:
            self.notices.append(
                f"motion {motion.id!r} has no {SIDE_NAMES[other(side)]} arguments: the opponent "
                f"can only rebut yours"
            )
        if not any(s.side == side for s in fmt.speeches):
            raise DebateError(f"format {fmt.id!r} has no speech for {fmt.side_name(side)}")
        if fmt.teams and len({t.id for t in fmt.teams if t.side == side}) > 1:
            self.notices.append(f"in {fmt.name} you give every {fmt.side_name(side)} speech (both teams)")
        self.own_args = own
        self.terms = ArgumentTerms(motion.arguments, motion.motion)  # key terms, weighed across the whole set
        self.opponent = Opponent(
            motion.arguments,
            other(side),
            fmt,
            seed=self.seed,
            facts=facts,
            side_name=fmt.side_name(other(side)),
        )
        self.turns: tuple[Turn, ...] = tuple(
            Turn(
                i,
                s,
                "cross"
                if s.kind == "cross" or s.side == "both"
                else "learner"
                if s.side == side
                else "opponent",
            )
            for i, s in enumerate(fmt.speeches)
        )
        self.records: list[SpeechRecord] = []
        self.prep_seconds = 60.0 * (fmt.prep_minutes or fmt.prep_pool_minutes)
        self.prep_pool = bool(fmt.prep_pool_minutes) and not fmt.prep_minutes
        self.prep_used = 0.0
        self._prep: Countdown | None = None
        self._timer: SpeechTimer | None = None
        self.adjudication: Adjudication | None = None
        # what the learner has done so far: (argument, speech index) made; the opponent's arguments answered
        self.learner_made: list[tuple[Argument, int]] = []
        self.learner_answered: list[Argument] = []

    # ------------------------------------------------------------------ state
    @property
    def phase(self) -> Phase:
        if len(self.records) >= len(self.turns):
            return "done"
        if not self.records and self._timer is None:
            return "prep"
        return "speeches"

    @property
    def finished(self) -> bool:
        return self.phase == "done"

    def current_turn(self) -> Turn | None:
        index = len(self.records)
        return self.turns[index] if index < len(self.turns) else None

    @property
    def prep_left(self) -> float:
        return max(0.0, self.prep_seconds - self.prep_used)

    def can_prep(self) -> bool:
        """Prep is allowed before the first speech, and before your speeches when the format has a pool."""
        turn = self.current_turn()
        if turn is None or self._prep is not None or self.prep_left <= 0 or self._timer is not None:
            return False
        return not self.records or (self.prep_pool and turn.actor == "learner")

    # ------------------------------------------------------------------ prep
    def start_prep(self) -> Countdown:
        if not self.can_prep():
            raise DebateError("no prep time can be taken now")
        self._prep = Countdown(self.prep_left, self.clock).start()
        return self._prep

    def end_prep(self) -> float:
        """Stop the prep clock; returns the seconds used (capped at what was left)."""
        if self._prep is None:
            return 0.0
        used = min(self._prep.stop(), self._prep.seconds)
        self.prep_used += used
        self._prep = None
        return used

    @property
    def prep(self) -> Countdown | None:
        return self._prep

    # ------------------------------------------------------------------ speeches
    def _turn(self, *actors: Actor) -> Turn:
        turn = self.current_turn()
        if turn is None:
            raise DebateError("the round is over")
        if turn.actor not in actors:
            raise DebateError(f"it is the {turn.actor}'s turn ({turn.name})")
        return turn

    def start_speech(self) -> SpeechTimer:
        """Start (or return) the clock of the learner's current speech or cross-examination."""
        turn = self._turn("learner", "cross")
        if self._prep is not None:
            self.end_prep()
        if self._timer is None:
            self._timer = SpeechTimer(turn.speech, self.clock).start()
        return self._timer

    @property
    def timer(self) -> SpeechTimer | None:
        return self._timer

    def questions(self) -> tuple[str, ...]:
        """The opponent's questions for the current cross-examination."""
        return self.opponent.questions(self.learner_made, self.learner_answered)

    def submit(self, text: str) -> SpeechRecord:
        """The learner's speech (or cross-examination answers) for the current turn; time from the clock."""
        turn = self._turn("learner", "cross")
        timer = self.start_speech()
        seconds = timer.stop()
        self._timer = None
        stored = safe(text)
        if turn.actor == "cross":
            record = SpeechRecord(
                turn.index,
                turn.name,
                "both",
                turn.speech.kind,
                "cross",
                stored,
                seconds,
                notes=("cross-examination is practice: it is kept but not scored",),
                questions=self.questions(),
            )
            self.records.append(record)
            return record
        analysis = analyse(text, self.own_args, self._opponent_made(), self.terms)
        verdict = time_verdict(turn.speech, seconds)
        notes = list(analysis.notes)
        answered = analysis.answered_ids if turn.speech.kind == "speech" else ()
        if turn.speech.kind == "reply" and analysis.answered_ids:
            notes.append("answers first given in a reply come too late to count as rebuttal")
        for arg in analysis.made:
            self.learner_made.append((arg.argument, turn.index))
        for ans in analysis.answers:
            if ans.argument.id in answered and ans.argument not in self.learner_answered:
                self.learner_answered.append(ans.argument)
        actions = [f"made your argument '{r.argument.claim}' (recognised by {r.how})" for r in analysis.made]
        actions += [
            f"answered '{a.argument.claim}' ({', '.join(a.match.made_labels)})"
            for a in analysis.answers
            if a.argument.id in answered
        ]
        record = SpeechRecord(
            turn.index,
            turn.name,
            self.side,
            turn.speech.kind,
            "learner",
            stored,
            seconds,
            made=analysis.made_ids,
            answered=answered,
            answer_shares={a.argument.id: a.share for a in analysis.answers}
            if turn.speech.kind == "speech"
            else {},
            notes=tuple(notes),
            actions=tuple(actions),
            time_share=verdict.share,
            time_why=verdict.why,
        )
        self.records.append(record)
        return record

    def opponent_speaks(self) -> SpeechRecord:
        """The opponent's current speech, built from the set."""
        turn = self._turn("opponent")
        speech = self.opponent.speak(
            turn.index, turn.speech, learner_made=self.learner_made, learner_answered=self.learner_answered
        )
        record = SpeechRecord(
            turn.index,
            turn.name,
            other(self.side),
            turn.speech.kind,
            "opponent",
            speech.text,
            turn.speech.seconds,
            made=speech.made,
            answered=speech.answered,
            actions=speech.actions,
            defended=speech.defended,
            extended=speech.extended,
        )
        self.records.append(record)
        return record

    def play_opponent(self) -> list[SpeechRecord]:
        """Every opponent speech up to the learner's next turn."""
        out = []
        while (turn := self.current_turn()) is not None and turn.actor == "opponent":
            out.append(self.opponent_speaks())
        return out

    # ------------------------------------------------------------------ results
    def _opponent_made(self) -> list[Argument]:
        by_id = {a.id: a for a in self.motion.arguments}
        seen: list[Argument] = []
        for r in self.records:
            if r.actor == "opponent":
                seen.extend(by_id[i] for i in r.made if by_id[i] not in seen)
        return seen

    def flow(self) -> FlowSheet:
        return build_flow([r for r in self.records if r.actor != "cross"], self.motion.arguments, self.side)

    def finish(self, *, early: bool = False) -> Adjudication:
        """Adjudicate. Before the last speech only with `early=True` (an abandoned round judged as it stands)."""
        if not self.finished and not early:
            raise DebateError(
                f"the round is not over: {len(self.turns) - len(self.records)} speech(es) to go"
            )
        flow = self.flow()
        opp_made = self._opponent_made()
        chances: dict[str, int] = {}
        for a in opp_made:
            made_at = next(r.index for r in self.records if r.actor == "opponent" and a.id in r.made)
            chances[a.id] = sum(
                1 for r in self.records if r.actor == "learner" and r.kind == "speech" and r.index > made_at
            )
        speeches = [
            LearnerSpeech(
                r.name, r.kind, r.text, r.seconds, r.time_share or 0.0, r.time_why, r.made, r.answer_shares
            )
            for r in self.records
            if r.actor == "learner"
        ]
        adj = adjudicate(self.format, self.side, self.own_args, opp_made, chances, speeches, flow)
        if early:
            adj = _with_note(adj, f"judged early, after {len(self.records)} of {len(self.turns)} speeches")
        self.adjudication = adj
        return adj

    def as_dict(self) -> dict[str, Any]:
        """Everything about the round, JSON-able (what the store keeps)."""
        return {
            "motion": self.motion.id,
            "motion_text": self.motion.motion,
            "format": self.format.id,
            "side": self.side,
            "seed": self.seed,
            "prep_seconds": self.prep_seconds,
            "prep_used": round(self.prep_used, 3),
            "notices": list(self.notices),
            "speeches": [r.as_dict() for r in self.records],
            "flow": self.flow().as_dict(),
            "adjudication": self.adjudication.as_dict() if self.adjudication else None,
        }


def _with_note(adj: Adjudication, note: str) -> Adjudication:
    return Adjudication(
        adj.criteria,
        adj.share,
        adj.score,
        adj.scale,
        adj.step,
        adj.reply_score,
        adj.reply_scale,
        adj.reply_why,
        adj.dropped_by_you,
        adj.dropped_by_opponent,
        adj.best_speech,
        adj.verdict,
        (*adj.why, note),
    )
