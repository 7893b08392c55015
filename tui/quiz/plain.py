"""Plain mode: a session line by line on text streams (screen readers, pipes, scripts). No Textual.

Output: each question, then each choice on its own line (`1) H800`; a match
question's right column lettered, `a) Meta`), then one line saying what to
type. One answer line is read (bad lines are explained and asked again);
`/skip` skips, `/quit` ends. The answer is stored as soon as it is read; with
`--confidence`, a second line gives the certainty 1-3 and updates the stored
answer (`/skip` there, `/quit` or end of input leave it without a certainty). Practice, review and blitz print the feedback
after each answer; an exam reviews every question at the end. The last line
is `score: EARNED/POSSIBLE` (points, at most 2 decimals). End of input ends
the session cleanly; every answer given is already stored.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TextIO, TypeVar

from tui.quiz.answers import AnswerError, expected_hint, letter, parse_answer
from tui.quiz.marks import CERTAINTY_LABELS
from tui.quiz.model import AnswerResult, Item, Results
from tui.quiz.scoring import format_number
from tui.quiz.session import QuizSession

SKIP = "/skip"
QUIT = "/quit"


def points_text(value: float) -> str:
    return format_number(value)


def duration_text(seconds: float) -> str:
    seconds = max(0, round(seconds))
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}h {minutes}m {secs}s"
    return f"{minutes}m {secs}s" if minutes else f"{secs}s"


def item_lines(item: Item) -> list[str]:
    """The question as printed: header, prompt, numbered choices (match: numbered left, lettered right)."""
    q = item.question
    head = f"Question {item.number}/{item.total}"
    extras = [f"{points_text(q.points)} point{'s' if q.points != 1 else ''}"]
    if item.time_limit is not None:
        extras.append(f"{points_text(item.time_limit)} seconds")
    if q.type == "multi":
        extras.append("choose every right answer")
    lines = [f"{head} ({', '.join(extras)})", q.prompt]
    if q.type in ("choice", "multi", "truefalse"):
        lines += [f"{i}) {text}" for i, text in enumerate(item.choices, 1)]
    elif q.type == "order":
        lines += [f"{i}) {text}" for i, text in enumerate(item.items, 1)]
    elif q.type == "match":
        lines += [f"{i}) {text}" for i, text in enumerate(item.lefts, 1)]
        lines += [f"{letter(i)}) {text}" for i, text in enumerate(item.rights)]
    lines.append(expected_hint(item))
    return lines


def response_text(result: AnswerResult) -> str:
    r = result.response
    if r is None:
        return "(none)"
    if isinstance(r, bool):
        return "true" if r else "false"
    if isinstance(r, int | float):
        return format_number(float(r), 6)
    if isinstance(r, str):
        return r
    if isinstance(r, frozenset):
        return "; ".join(c for c in result.item.choices if c in r)
    if isinstance(r, tuple):
        return " -> ".join(r)
    return "; ".join(f"{k} = {v}" for k, v in r.items())


def result_lines(result: AnswerResult, *, review: bool = False) -> list[str]:
    """The feedback on one answer: verdict and points, the right answer, notes, explanation, facts, marks."""
    q = result.question
    lines = []
    if review:
        lines.append(f"{result.item.number}. {q.prompt}")
        lines.append(f"Your answer: {response_text(result)}")
    lines.append(f"{result.verdict.capitalize()}: {points_text(result.earned)}/{points_text(q.points)}")
    if not result.correct:
        lines.append(f"The answer: {result.right_answer}")
    for choice in result.choices:
        if choice.chosen and choice.feedback:
            lines.append(f"On {choice.text!r}: {choice.feedback}")
    if not result.correct and result.response is not None:
        for part in result.parts:
            if not part.right:
                given = part.given if part.given is not None else "nothing"
                where = f"position {part.label}" if q.type == "order" else part.label
                lines.append(f"  {where}: you gave {given}, it is {part.expected}")
    lines.append(f"Explanation: {result.explanation}")
    if result.facts:
        lines.append("Facts:")
        lines += [f"  [{fact.kind}] {fact.text}" for fact in result.facts]
    if result.marks is not None and result.confidence is not None:
        lines.append(
            f"Certainty {result.confidence} ({CERTAINTY_LABELS[result.confidence]}): {result.marks:+g} marks"
        )
    if result.blitz is not None:
        streak = f" (streak {result.streak})" if result.streak > 1 else ""
        lines.append(f"Blitz points: {points_text(result.blitz)}{streak}")
    return lines


def summary_lines(results: Results) -> list[str]:
    """The results: totals, by tag and difficulty, missed questions, blitz and calibration; `score:` last."""
    lines = [
        "Results",
        f"{results.correct} of {len(results.answers) + len(results.expired)} right, "
        f"{points_text(results.earned)} of {points_text(results.possible)} points "
        f"({results.percent:.0f}%) in {duration_text(results.seconds)}",
    ]
    if results.expired:
        lines.append(f"Out of time before {len(results.expired)} question(s).")
    if results.unanswered:
        lines.append(f"Not answered: {len(results.unanswered)} question(s).")
    if results.by_tag:
        lines.append(
            "By tag (points): "
            + ", ".join(
                f"{tag} {points_text(f.earned)}/{points_text(f.possible)} ({f.percent:.0f}%)"
                for tag, f in results.by_tag.items()
            )
        )
    if results.by_difficulty:
        lines.append(
            "By difficulty (points): "
            + ", ".join(
                f"{d} {points_text(f.earned)}/{points_text(f.possible)} ({f.percent:.0f}%)"
                for d, f in results.by_difficulty.items()
            )
        )
    if results.missed:
        lines.append("Missed: " + ", ".join(q.id for q in results.missed))
    if results.blitz is not None:
        lines.append(f"Blitz points: {points_text(results.blitz)}")
    cal = results.calibration
    if cal is not None and cal.answers:
        lines.append(f"Certainty marks: {cal.marks:g} of {cal.max_marks:g}")
        parts = []
        for level in cal.levels:
            if level.answers:
                parts.append(f"{CERTAINTY_LABELS[level.level]} {level.correct}/{level.answers} right")
        lines.append(
            "Calibration: "
            + ", ".join(parts)
            + (f"; Brier score {cal.brier:.2f}" if cal.brier is not None else "")
        )
    lines.append(f"score: {points_text(results.earned)}/{points_text(results.possible)}")
    return lines


T = TypeVar("T")


def _read(stdin: TextIO, say: Callable[..., None], check: Callable[[str], T]) -> tuple[str, T | None]:
    """Read lines until one passes `check`: ("ok", value), or ("skip" | "quit" | "eof", None)."""
    while True:
        line = stdin.readline()
        if not line:
            return "eof", None
        word = line.strip().casefold()
        if word == SKIP:
            return "skip", None
        if word == QUIT:
            return "quit", None
        try:
            return "ok", check(line)
        except AnswerError as e:
            say(str(e))


def _confidence(line: str) -> int:
    text = line.strip()
    if text in ("1", "2", "3"):
        return int(text)
    raise AnswerError("How sure are you? Answer 1 (not sure), 2 (fairly sure) or 3 (sure).")


def _loop(session: QuizSession, stdin: TextIO, say: Callable[..., None]) -> None:
    while True:
        late = session.check_time()
        if late is not None and session.shows_feedback:
            say(*result_lines(late))
        item = session.next_item()
        if item is None:
            return
        say("", *item_lines(item))
        status, value = _read(stdin, say, partial(parse_answer, item))
        if status in ("eof", "quit"):
            return
        # The answer is stored now; a certainty asked for below updates it.
        result = session.skip() if status == "skip" else session.answer(value)
        stop = False
        if session.awaiting_confidence is not None:
            say("How sure are you? 1) not sure 2) fairly sure 3) sure")
            c_status, level = _read(stdin, say, _confidence)
            if c_status == "ok" and level is not None:
                result = session.set_confidence(level)
            stop = c_status in ("eof", "quit")  # the answer stays stored, without a certainty
        if session.shows_feedback:
            say(*result_lines(result))
        else:
            say("Out of time." if result.timed_out else "Answer recorded.")
        if stop:
            return


def run_plain(session: QuizSession, stdin: TextIO, stdout: TextIO) -> Results:
    """Drive `session` on the streams until it ends, input ends or the learner quits; returns the results."""

    def say(*lines: str) -> None:
        for line in lines:
            stdout.write(line + "\n")
        stdout.flush()

    mode = session.config.mode
    say(
        f"{mode.capitalize()}: {session.total} question{'s' if session.total != 1 else ''} (seed {session.seed}). "
        f"Type {SKIP} to skip a question, {QUIT} to stop."
    )
    if mode == "exam" and session.config.time_limit:
        say(f"Time limit: {duration_text(session.config.time_limit)}. Feedback comes at the end.")
    try:
        _loop(session, stdin, say)
    except KeyboardInterrupt:  # ctrl+c: stop like /quit, keeping what was answered
        say("")
    results = session.finish()
    if mode == "exam" and (results.answers or results.expired):
        say("", "Review")
        for result in results.answers:
            say("", *result_lines(result, review=True))
        for q in results.expired:
            say("", q.prompt, "Out of time: not answered.", f"Explanation: {q.explanation}")
    say("", *summary_lines(results))
    return results
