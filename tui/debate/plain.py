"""Line-by-line play of drills and rounds (`--plain`): no Textual, streams and clock injected.

Unreadable answers are asked again; end of input stops cleanly, keeping what
was answered (each result goes to `on_result` / `on_speech` as it is scored).
"""

from __future__ import annotations

import contextlib
import textwrap
from collections.abc import Callable
from typing import Any, TextIO

from tui.content.models import Argument
from tui.debate.clock import mmss
from tui.debate.drills import SIDE_NAMES, BadAnswer, Drill, DrillResult, DrillSummary, Prompt
from tui.debate.errors import fmt_score
from tui.debate.round import Round, SpeechRecord

WIDTH = 100
END_MARK = "."


class LineReader:
    """Reads lines from a stream; `None` means end of input.

    When the input is not a terminal (a script, a test), nothing echoes the
    learner's Enter, so `echo` gets a newline after each answer to keep the
    transcript readable.
    """

    def __init__(self, stream: TextIO, echo: TextIO | None = None) -> None:
        self.stream = stream
        self.eof = False
        interactive = False
        with contextlib.suppress(AttributeError, ValueError):
            interactive = stream.isatty()
        self.echo = None if interactive else echo

    def line(self) -> str | None:
        if self.eof:
            return None
        raw = self.stream.readline()
        if raw == "":
            self.eof = True
            return None
        return raw.rstrip("\r\n")

    def answered(self) -> None:
        """Call after reading an answer: ends the prompt line when input is not typed at a terminal."""
        if self.echo is not None:
            self.echo.write("\n")

    def block(self) -> str | None:
        """Lines up to an empty line, a line '.', or end of input. None if input ended before any line."""
        lines: list[str] = []
        while True:
            line = self.line()
            if line is None:
                return "\n".join(lines) if lines else None
            if line.strip() in ("", END_MARK):
                if not lines and line.strip() == "":
                    return ""
                return "\n".join(lines)
            lines.append(line)


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(" ".join(text.split()), WIDTH, initial_indent=indent, subsequent_indent=indent)


def print_argument(out: TextIO, arg: Argument, *, full: bool = True) -> None:
    out.write(_wrap(f"claim: {arg.claim}") + "\n")
    if full:
        out.write(_wrap(f"reasoning: {arg.reasoning}") + "\n")
        out.write(_wrap(f"impact: {arg.impact}") + "\n")


def print_prompt(out: TextIO, p: Prompt) -> None:
    out.write(f"\n[{p.number}/{p.total}] {p.instruction}\n")
    if p.drill == "side":
        assert p.argument is not None
        print_argument(out, p.argument, full=False)
        for i, m in enumerate(p.motions, 1):
            out.write(_wrap(f"{i}) {m.motion}") + "\n")
    elif p.drill in ("pick", "rebuttal"):
        assert p.argument is not None
        out.write(f"{SIDE_NAMES[p.argument.side]} argues:\n")
        print_argument(out, p.argument)
        for i, option in enumerate(p.options, 1):
            out.write(_wrap(f"{i}) {option}") + "\n")
        if p.drill == "rebuttal":
            out.write("(type your rebuttal; end with an empty line)\n")
    elif p.drill == "case":
        for i, arg in enumerate(p.arguments, 1):
            out.write(_wrap(f"{i}) {arg.claim} [{', '.join(arg.tags)}]") + "\n")
    elif p.drill == "weigh":
        for label, arg in zip("AB", p.arguments, strict=False):
            out.write(_wrap(f"{label}) {SIDE_NAMES[arg.side]}: {arg.impact}") + "\n")
        out.write("(type one sentence; end with an empty line)\n")


def print_result(out: TextIO, r: DrillResult) -> None:
    if r.drill in ("pick", "rebuttal", "weigh", "case"):
        label = {
            "weigh": ("axes named", "axes not named"),
            "case": ("your case", "the strongest case also had"),
            "pick": ("made (your choice)", "missed (the best rebuttal)"),
        }
        made_word, missed_word = label.get(r.drill, ("made", "missed"))
        out.write(_wrap(f"{made_word}: " + ("; ".join(r.made) or "none")) + "\n")
        out.write(_wrap(f"{missed_word}: " + ("; ".join(r.missed) or "none")) + "\n")
    for line in r.why:
        out.write(_wrap(f"- {line}", "") + "\n")
    for note in r.notes:
        out.write(f"note: {note}\n")
    if r.models:
        out.write("model answer(s):\n" if r.drill != "case" else "the strongest case:\n")
        for m in r.models:
            out.write(_wrap(m, "  ") + "\n")
    out.write(f"score: {r.score_text}\n")


def print_summary(out: TextIO, s: DrillSummary) -> None:
    out.write(f"\n{s.drill} drill on {s.motion_id} (seed {s.seed}):\n")
    for line in s.why:
        out.write(f"- {line}\n")
    out.write(f"score: {s.score_text}\n")


def run_drill(
    drill: Drill[Any],
    stdin: TextIO,
    stdout: TextIO,
    *,
    on_result: Callable[[DrillResult], object] | None = None,
) -> DrillSummary:
    """Play a drill on streams. Each scored result goes to `on_result` at once (for saving)."""
    reader = LineReader(stdin, stdout)
    stdout.write(f"{drill.kind} drill — {drill.motion.motion} (seed {drill.seed})\n")
    for note in drill.notes:
        stdout.write(f"note: {note}\n")
    while (prompt := drill.present()) is not None:
        print_prompt(stdout, prompt)
        result: DrillResult | None = None
        while result is None:
            stdout.write("> ")
            stdout.flush()
            text = reader.block() if prompt.drill in ("rebuttal", "weigh") else reader.line()
            if text is None:
                break
            reader.answered()
            try:
                result = drill.answer(text)
            except BadAnswer as e:
                stdout.write(f"? {e}\n")
        if result is None:
            stdout.write("\n(end of input: stopping; answered items are kept)\n")
            break
        print_result(stdout, result)
        if on_result is not None:
            on_result(result)
    summary = drill.summary()
    print_summary(stdout, summary)
    return summary


# ---------------------------------------------------------------------------- rounds
def print_record(out: TextIO, rec: SpeechRecord) -> None:
    if rec.actor == "opponent":
        out.write(f"\n== {rec.name} (opponent) ==\n")
        for para in rec.text.split("\n\n"):
            out.write(_wrap(para) + "\n")
    for action in rec.actions:
        out.write(_wrap(f"* {action}") + "\n")
    for note in rec.notes:
        out.write(f"note: {note}\n")
    if rec.actor == "learner":
        out.write(f"time: {rec.time_why}\n")


def run_round(
    rnd: Round,
    stdin: TextIO,
    stdout: TextIO,
    *,
    skip_prep: bool = False,
    on_speech: Callable[[SpeechRecord], object] | None = None,
) -> bool:
    """Play a round on streams. Returns True when it reached the adjudication (False: input ended)."""
    reader = LineReader(stdin, stdout)
    fmt = rnd.format
    stdout.write(f"{fmt.name} round — {rnd.motion.motion}\n")
    stdout.write(f"you: {fmt.side_name(rnd.side)}; seed {rnd.seed}\n")
    if rnd.motion.info:
        stdout.write(_wrap(rnd.motion.info) + "\n")
    for notice in rnd.notices:
        stdout.write(f"note: {notice}\n")
    if not skip_prep and rnd.can_prep():
        prep = rnd.start_prep()
        stdout.write(f"\nprep: {mmss(prep.seconds)}. Plan your case. Press Enter when ready.\n")
        line = reader.line()
        used = rnd.end_prep()
        stdout.write(f"prep used: {mmss(used)}\n")
        if line is None:
            stdout.write("(end of input: the round was not started)\n")
            return False
    while (turn := rnd.current_turn()) is not None:
        if turn.actor == "opponent":
            rec = rnd.opponent_speaks()
            print_record(stdout, rec)
            if on_speech is not None:
                on_speech(rec)
            continue
        timer = rnd.start_speech()
        speech = turn.speech
        stdout.write(f"\n== {speech.name} (you) — {mmss(speech.seconds)} ==\n")
        if speech.poi:
            stdout.write(
                f"POIs from {mmss(speech.poi[0] * 60)} to {mmss(speech.poi[1] * 60)}; protected time "
                f"outside. "
            )
        if timer.bells:
            stdout.write("bells: " + ", ".join(f"{mmss(b.at)} {b.label}" for b in timer.bells) + "\n")
        if turn.actor == "cross":
            stdout.write("cross-examination (practice, not scored). The opponent asks:\n")
            for q in rnd.questions():
                stdout.write(_wrap(f"- {q}") + "\n")
        stdout.write("(type your speech; end with an empty line or a line '.')\n")
        text: str | None = None
        while text is None:
            stdout.write("> ")
            stdout.flush()
            text = reader.block()
            if text is None:
                break
            reader.answered()
            if text == "" and turn.actor == "learner":
                stdout.write("? the speech is empty: type it, or a line '.' alone to give an empty speech\n")
                line = reader.line()
                if line is None:
                    text = None
                    break
                text = "" if line.strip() == END_MARK else _rest(reader, line)
        if text is None:
            stdout.write("\n(end of input: the round stops here; your speeches are kept)\n")
            return False
        rec = rnd.submit(text)
        print_record(stdout, rec)
        if on_speech is not None:
            on_speech(rec)
    adj = rnd.finish()
    stdout.write("\n== flow ==\n")
    stdout.write(rnd.flow().render(WIDTH) + "\n")
    stdout.write("\n== adjudication ==\n")
    for line in adj.lines():
        stdout.write(_wrap(line) + "\n" if not line.startswith("  ") else _wrap(line.strip(), "  ") + "\n")
    stdout.write(f"score: {fmt_score(adj.score)}\n")
    return True


def _rest(reader: LineReader, first: str) -> str:
    """A speech whose first line was already read."""
    if first.strip() == "":
        return ""
    more = reader.block()
    return first if not more else first + "\n" + more
