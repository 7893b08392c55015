"""The built-in opponent: builds its speeches from the argument set.

- It opens with its strongest arguments and spreads the rest over its later
  constructive speeches (a third speaker brings no new argument).
- Later speeches first rebut the learner's arguments it recognised (using a
  model rebuttal of each), then defend its own arguments the learner answered
  (with their reasoning and evidence), then extend its case with new ones.
- It never repeats itself: an argument is introduced once, a rebuttal used
  once, a defence made once. Replies only summarise and weigh.
- With the same seed, every choice is the same.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tui.content.models import Argument, DebateFormat, Side, Speech

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
MAX_REBUTTALS = 3
"""Rebuttals per opponent speech: it answers the learner's strongest arguments first."""
MAX_DEFENCES = 2


def first_sentence(text: str) -> str:
    parts = re.split(r"(?<=[.!?])\s+", " ".join(text.split()), maxsplit=1)
    return parts[0] if parts else ""


def _sentence(text: str) -> str:
    """One line of text ending with a full stop (quoted as written: no case changes)."""
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?")) else text + "."


@dataclass(frozen=True, slots=True)
class OpponentSpeech:
    """One opponent speech: its text and what it did (for the flow sheet and the learner)."""

    text: str
    made: tuple[str, ...] = ()
    answered: tuple[str, ...] = ()
    rebuttals: tuple[str, ...] = ()
    defended: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    extended: tuple[str, ...] = ()


@dataclass
class _Memory:
    introduced: list[str] = field(default_factory=list)
    rebutted: dict[str, list[str]] = field(default_factory=dict)  # learner arg id -> rebuttal ids used
    rebutted_at: dict[str, int] = field(
        default_factory=dict
    )  # learner arg id -> speech index of the last answer
    used_rebuttals: set[str] = field(default_factory=set)
    defended: set[str] = field(default_factory=set)
    texts: set[str] = field(default_factory=set)


class Opponent:
    """Speaks for `side` with the set's arguments of that side. Seeded: same seed, same speeches."""

    def __init__(
        self,
        arguments: Sequence[Argument],
        side: Side,
        fmt: DebateFormat,
        *,
        seed: int,
        facts: Mapping[str, str] | None = None,
        side_name: str | None = None,
    ) -> None:
        self.side = side
        self.format = fmt
        self.rng = random.Random(seed)
        self.facts = dict(facts or {})
        self.side_name = side_name or fmt.side_name(side)
        own = [a for a in arguments if a.side == side]
        keys = {a.id: self.rng.random() for a in own}
        self.pool: list[Argument] = sorted(own, key=lambda a: (-a.strength, keys[a.id]))
        self.plan: dict[int, list[Argument]] = self._plan(fmt.speeches)
        self.memory = _Memory()

    # --- planning ------------------------------------------------------------------------
    def _plan(self, speeches: Sequence[Speech]) -> dict[int, list[Argument]]:
        """New arguments per constructive speech index: the strongest first."""
        slots = [i for i, s in enumerate(speeches) if s.side == self.side and s.kind == "speech"]
        if len(slots) >= 3:
            slots = slots[:-1]  # the last constructive speaker rebuts and weighs
        plan: dict[int, list[Argument]] = {i: [] for i in slots}
        left = list(self.pool)
        for n, index in enumerate(slots):
            remaining = len(slots) - n
            if n == 0:
                quota = min(3, max(2, math.ceil(len(left) / remaining)))
            else:
                quota = min(2, math.ceil(len(left) / remaining)) if left else 0
            plan[index], left = left[:quota], left[quota:]
        return plan

    # --- speaking ------------------------------------------------------------------------
    def speak(
        self,
        index: int,
        speech: Speech,
        *,
        learner_made: Sequence[tuple[Argument, int]],
        learner_answered: Sequence[Argument],
    ) -> OpponentSpeech:
        """The speech at `index` of the format.

        `learner_made`: (argument, speech index) for each time the learner made
        one of their arguments so far; `learner_answered`: the opponent's own
        arguments the learner has answered so far.
        """
        last_made: dict[str, int] = {}
        args: dict[str, Argument] = {}
        for arg, at in learner_made:
            last_made[arg.id] = max(at, last_made.get(arg.id, -1))
            args[arg.id] = arg
        unique = list(args.values())
        if speech.kind == "reply":
            return self._reply(speech, unique, learner_answered)
        mem = self.memory
        paragraphs: list[str] = [f"{speech.name}, for the {self.side_name}."]
        actions: list[str] = []
        answered: list[str] = []
        rebuttal_ids: list[str] = []
        defended: list[str] = []

        # 1. Rebut what the learner made, strongest first; extensions of rebutted arguments get a fresh answer.
        targets = sorted(unique, key=lambda a: -a.strength)
        for arg in targets:
            if len(answered) >= MAX_REBUTTALS:
                break
            fresh = [r for r in arg.rebuttals if r.id not in mem.used_rebuttals]
            answered_at = mem.rebutted_at.get(arg.id)
            if not fresh or (answered_at is not None and last_made[arg.id] <= answered_at):
                continue
            rebuttal = self.rng.choice(fresh)
            again = arg.id in mem.rebutted
            lead = "They came back to their claim" if again else "They told you"
            text = (
                f"{lead}: {_sentence(arg.claim)} Our answer: {_sentence(rebuttal.text)} "
                f"So this point does not stand."
            )
            if not self._say(paragraphs, text):
                continue
            mem.used_rebuttals.add(rebuttal.id)
            mem.rebutted.setdefault(arg.id, []).append(rebuttal.id)
            mem.rebutted_at[arg.id] = index
            answered.append(arg.id)
            rebuttal_ids.append(rebuttal.id)
            actions.append(f"rebutted your argument '{arg.claim}' with '{rebuttal.id}'")

        # 2. Defend its own arguments that the learner answered, once each.
        for arg in learner_answered:
            if len(defended) >= MAX_DEFENCES or arg.id in mem.defended or arg.side != self.side:
                continue
            evidence = next((self.facts[e] for e in arg.evidence if e in self.facts), "")
            text = (
                f"They attacked our argument: {_sentence(arg.claim)} It stands. "
                f"{first_sentence(arg.reasoning)}" + (f" The record shows it: {evidence}" if evidence else "")
            )
            if not self._say(paragraphs, text):
                continue
            mem.defended.add(arg.id)
            defended.append(arg.id)
            actions.append(f"defended its argument '{arg.claim}' against your answer")

        # 3. Extend the case with new arguments from the plan.
        new = [a for a in self.plan.get(index, []) if a.id not in mem.introduced]
        made: list[str] = []
        for arg in new:
            n = len(mem.introduced)
            ordinal = ORDINALS[n] if n < len(ORDINALS) else f"number {n + 1}"
            text = (
                f"Our {ordinal} argument: {arg.claim} {' '.join(arg.reasoning.split())} "
                f"Why it matters: {arg.impact}"
            )
            if not self._say(paragraphs, text):
                continue
            mem.introduced.append(arg.id)
            made.append(arg.id)
            actions.append(f"made its argument '{arg.claim}' (strength {arg.strength})")

        if not made and not answered and not defended:
            paragraphs.append("We have nothing new to add: our case stands as it was made.")
            actions.append("had nothing new to say")
        standing = [a for a in self._introduced() if a not in learner_answered]
        if standing and len(paragraphs) > 1:
            best = standing[0]
            text = (
                f"Weigh this debate on our strongest point: {_sentence(best.claim)} {_sentence(best.impact)} "
                f"That is more likely and more lasting than anything they have offered."
            )
            self._say(paragraphs, text)
        return OpponentSpeech(
            "\n\n".join(paragraphs),
            tuple(made),
            tuple(answered),
            tuple(rebuttal_ids),
            tuple(defended),
            tuple(actions),
        )

    def _reply(
        self, speech: Speech, learner_made: Sequence[Argument], learner_answered: Sequence[Argument]
    ) -> OpponentSpeech:
        paragraphs = [
            f"{speech.name}, for the {self.side_name}. No new material: here is where the debate stands."
        ]
        actions = ["summarised the debate (a reply brings nothing new)"]
        ours = self._introduced()
        defended: list[str] = []
        extended: list[str] = []
        for arg in ours:
            if arg in learner_answered:
                survives = arg.id in self.memory.defended
                state = "they contested it" + (", and we showed why it survives" if survives else "")
                if survives:
                    defended.append(arg.id)
                    actions.append(f"defended its argument '{arg.claim}' again: it survives your answer")
            else:
                state = "they never answered it, so it stands"
                extended.append(arg.id)
                actions.append(f"extended its argument '{arg.claim}': you never answered it, so it stands")
            paragraphs.append(f"Our case: {_sentence(arg.claim)} {state[0].upper()}{state[1:]}.")
        for arg in learner_made:
            if arg.id in self.memory.rebutted:
                paragraphs.append(f"Their case: {_sentence(arg.claim)} We answered it.")
        standing = [a for a in ours if a not in learner_answered]
        if standing:
            paragraphs.append(
                f"So weigh it: {_sentence(standing[0].impact)} That outweighs, because it is more "
                f"certain and harder to reverse than anything left on their side."
            )
        else:
            paragraphs.append("Weigh the clashes as they fell: ours mattered more, and sooner.")
        return OpponentSpeech(
            "\n\n".join(paragraphs),
            defended=tuple(defended),
            actions=tuple(actions),
            extended=tuple(extended),
        )

    def questions(
        self, learner_made: Sequence[tuple[Argument, int]], learner_answered: Sequence[Argument]
    ) -> tuple[str, ...]:
        """Questions for a cross-examination: its unanswered arguments, then the learner's claims."""
        out = []
        for arg in self._introduced():
            if arg not in learner_answered:
                out.append(f"What is your answer to our argument: {_sentence(arg.claim)}")
        unique = {a.id: a for a, _ in learner_made}
        for arg in sorted(unique.values(), key=lambda a: -a.strength):
            out.append(f"What evidence shows this: {_sentence(arg.claim)}")
        return tuple(out[:3]) or ("What is the single most important reason to vote for you?",)

    # --- helpers -------------------------------------------------------------------------
    def _introduced(self) -> list[Argument]:
        by_id = {a.id: a for a in self.pool}
        return [by_id[i] for i in self.memory.introduced]

    def _say(self, paragraphs: list[str], text: str) -> bool:
        """Add a paragraph unless it was said before (in any speech)."""
        key = " ".join(text.lower().split())
        if key in self.memory.texts:
            return False
        self.memory.texts.add(key)
        paragraphs.append(text)
        return True
