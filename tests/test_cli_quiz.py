"""`sparring quiz --plain` and `sparring stats`: injected streams, subprocesses, and the kill test."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tui.cli import main
from tui.content.library import load_library
from tui.quiz import FakeClock, SessionConfig
from tui.settings import Settings
from tui.store import Store

SEED = """\
seed: cli-seed
title: Test seed
origin: written for the tests
facts:
  - {id: f1, text: DeepSeek reported spending about $5.6 million., kind: reported, section: cost}
  - {id: f2, text: The H800 was sold to China until late 2023., kind: verified, section: chips}
"""

BANK = """\
bank: cli-bank
title: CLI bank
seed: cli-seed
questions:
  - id: b-choice
    type: choice
    prompt: Which chip did DeepSeek train V3 on?
    answer: H800
    distractors: [H100, A100]
    feedback: {H100: The H100 was never allowed for China.}
    explanation: The H800, a cut-down H100.
    facts: [f2]
    tags: [chips]
    difficulty: 1
  - id: b-multi
    type: multi
    prompt: Which are US labs?
    answers: [OpenAI, Google]
    distractors: [DeepSeek, Alibaba]
    explanation: OpenAI and Google.
    facts: [f1]
    tags: [labs]
    difficulty: 2
  - id: b-num
    type: numeric
    prompt: How many million dollars did DeepSeek report?
    answer: 5.6
    tolerance: "10%"
    unit: million USD
    explanation: About 5.6.
    facts: [f1]
    tags: [cost]
    difficulty: 2
    points: 2
  - id: b-order
    type: order
    prompt: Put in order.
    items: [first, second, third]
    explanation: In order.
    facts: [f1]
    tags: [cost]
    difficulty: 3
  - id: b-match
    type: match
    prompt: Match lab and country.
    pairs: {OpenAI: US, DeepSeek: China, Mistral: France}
    explanation: Labs and homes.
    facts: [f2]
    tags: [labs]
    difficulty: 3
"""

# With --no-shuffle the shown order is the bank's: the right answers are these lines.
RIGHT_LINES = ["1", "1,2", "5.6", "1 2 3", "1a 2b 3c"]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "cli-seed.yaml").write_text(SEED)
    (folder / "cli-bank.yaml").write_text(BANK)
    return folder


def plain(content: Path, data: Path, lines: list[str], **config: object) -> tuple[int, str, str]:
    from tui.cli_quiz import run_plain_quiz

    settings = Settings(data_dir=data)
    cfg = SessionConfig(banks=("cli-bank",), **{"shuffle": False, "seed": 1, **config})  # type: ignore[arg-type]
    out, err = io.StringIO(), io.StringIO()
    code = run_plain_quiz(
        settings,
        cfg,
        io.StringIO("".join(f"{x}\n" for x in lines)),
        out,
        err,
        clock=FakeClock(),
        library=load_library([content]),
    )
    return code, out.getvalue(), err.getvalue()


def stored(data: Path, profile: str = "default") -> int:
    with Store.open(data / "sparring.db") as store:
        return store.count_attempts(profile)


def test_plain_prints_questions_reads_answers_and_scores(content: Path, tmp_path: Path) -> None:
    code, out, err = plain(content, tmp_path / "data", RIGHT_LINES)
    assert code == 0, err
    lines = out.splitlines()
    assert "Which chip did DeepSeek train V3 on?" in lines
    assert lines[lines.index("Which chip did DeepSeek train V3 on?") + 1 :][:3] == [
        "1) H800",
        "2) H100",
        "3) A100",
    ]
    assert "1) OpenAI" in lines and "a) US" in lines and "c) France" in lines
    assert "Right: 2/2" in lines
    assert "  [verified] The H800 was sold to China until late 2023." in lines
    assert lines[-1] == "score: 6/6"
    assert stored(tmp_path / "data") == 5


def test_plain_partial_credit_feedback_and_two_decimals(content: Path, tmp_path: Path) -> None:
    code, out, _ = plain(content, tmp_path / "data", ["2", "1,3", "9", "2 1 3", "1a 2c 3b"])
    assert code == 0
    assert "Wrong: 0/1" in out and "The answer: H800" in out
    assert "On 'H100': The H100 was never allowed for China." in out
    assert "Partly right: 0.67/1" in out  # order: 2 of 3 pairs
    assert "Partly right: 0.33/1" in out  # match: 1 of 3
    assert out.splitlines()[-1] == "score: 1/6"
    assert "Missed: b-choice, b-multi, b-num, b-order, b-match" in out


def test_plain_bad_lines_are_explained_and_asked_again(content: Path, tmp_path: Path) -> None:
    code, out, _ = plain(content, tmp_path / "data", ["7", "chips please", "", "1", *RIGHT_LINES[1:]])
    assert code == 0
    assert "There is no choice 7. Answer with the number of your choice (1-3)." in out
    assert "Cannot read 'chips please' as an answer here." in out
    assert out.splitlines()[-1] == "score: 6/6"


def test_end_of_input_ends_cleanly_with_the_answers_saved(content: Path, tmp_path: Path) -> None:
    code, out, _ = plain(content, tmp_path / "data", RIGHT_LINES[:2])
    assert code == 0
    assert out.splitlines()[-1] == "score: 2/2"
    assert "Not answered: 3 question(s)." in out
    assert stored(tmp_path / "data") == 2


def test_skip_and_quit(content: Path, tmp_path: Path) -> None:
    code, out, _ = plain(content, tmp_path / "data", ["/skip", "/quit"])
    assert code == 0 and "Skipped: 0/1" in out and out.splitlines()[-1] == "score: 0/1"
    assert stored(tmp_path / "data") == 1


def test_exam_feedback_only_at_the_end(content: Path, tmp_path: Path) -> None:
    code, out, _ = plain(content, tmp_path / "data", ["2", *RIGHT_LINES[1:]], mode="exam")
    assert code == 0
    before, review = out.split("\nReview\n")
    assert "Explanation:" not in before and before.count("Answer recorded.") == 5
    assert review.count("Explanation:") == 5 and "Your answer: H100" in review
    assert out.splitlines()[-1] == "score: 5/6"


def test_confidence_marking_in_plain_mode(content: Path, tmp_path: Path) -> None:
    lines = ["1", "3", "3", "3", "5.6", "x", "2", "1 2 3", "1", "1a 2b 3c", "3"]
    code, out, _ = plain(content, tmp_path / "data", lines, confidence=True)
    assert code == 0
    assert "Certainty 3 (sure): -6 marks" in out and "How sure are you? Answer 1" in out
    assert "Certainty marks: 3 of 15" in out
    assert "Brier score" in out


def test_plain_certainty_updates_the_stored_answer(content: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    # b-choice right and sure; b-multi: end of input at the certainty prompt
    code, out, _ = plain(content, data, ["1", "3", "1,2"], confidence=True)
    assert code == 0 and out.count("How sure are you?") == 2
    with Store.open(data / "sparring.db") as store:
        attempts = store.attempts("default")
    assert [(a.question_id, a.confidence, a.marks) for a in attempts] == [
        ("b-choice", 3, 3.0),
        ("b-multi", None, None),
    ]
    assert out.splitlines()[-1] == "score: 2/2"


def test_plain_match_answer_may_be_partial(content: Path, tmp_path: Path) -> None:
    lines = [*RIGHT_LINES[:4], "1a 2b 2c", "9a", "1a 1b", "1a 3c"]
    code, out, _ = plain(content, tmp_path / "data", lines)
    assert code == 0
    assert "Item 2 is paired twice." in out and "There is no item 9." in out
    assert "Letter a is used twice" not in out
    assert "Partly right: 0.67/1" in out  # two pairs given, both right; the third counts as wrong
    assert "  DeepSeek: you gave nothing, it is China" in out
    assert out.splitlines()[-1] == "score: 5.67/6"
    code, out, _ = plain(content, tmp_path / "data2", [*RIGHT_LINES[:4], "1a 2a", "2b"])
    assert "Letter a is used twice (items 1 and 2); each letter goes with one item." in out
    assert out.splitlines()[-1] == "score: 5.33/6"


def test_blitz_in_plain_mode(content: Path, tmp_path: Path) -> None:
    code, out, _ = plain(content, tmp_path / "data", RIGHT_LINES, mode="blitz")
    assert code == 0
    assert "Blitz points: 2.4 (streak 3)" in out  # 2 points, +20 % streak bonus, answered instantly
    assert "Question 1/5 (1 point, 20 seconds)" in out


def test_review_mode_with_nothing_due(content: Path, tmp_path: Path) -> None:
    code, out, _ = plain(content, tmp_path / "data", [], mode="review", new_per_day=0)
    assert code == 0 and "Nothing to review" in out


def test_bank_file_with_errors_reports_findings(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BANK.replace("difficulty: 1", "difficulty: 7").replace("answer: H800", "answer: no"))
    code = main(["quiz", str(bad), "--plain", "--data-dir", str(tmp_path / "data")])
    err = capsys.readouterr().err
    assert code == 1
    assert "bad.yaml:" in err and "Traceback" not in err
    assert any(line.split(":")[1].isdigit() and line.split(":")[2].isdigit() for line in err.splitlines())


def test_bank_file_given_by_path(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(RIGHT_LINES) + "\n"))
    code = main(
        [
            "quiz",
            str(content / "cli-bank.yaml"),
            "--plain",
            "--no-shuffle",
            "--content",
            str(content),
            "--data-dir",
            str(tmp_path / "data"),
        ]
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert captured.out.splitlines()[-1] == "score: 6/6"
    assert "[reported] DeepSeek reported spending about $5.6 million." in captured.out


@pytest.mark.parametrize("where", ["same folder", "seeds folder beside", "seeds folder in"])
def test_bank_file_finds_its_seed_beside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """A bank given as a path whose seed is not loaded: the seed is found next to the bank file."""
    root = tmp_path / "course"
    bank_dir = root / "questions"
    seed_dir = {
        "same folder": bank_dir,
        "seeds folder beside": root / "seeds",
        "seeds folder in": bank_dir / "seeds",
    }[where]
    bank_dir.mkdir(parents=True)
    seed_dir.mkdir(parents=True, exist_ok=True)
    (bank_dir / "cli-bank.yaml").write_text(BANK)
    (seed_dir / "renamed-seed-file.yaml").write_text(SEED)  # found by its id, not only by its name
    (bank_dir / "other-bank.yaml").write_text(BANK.replace("bank: cli-bank", "bank: other"))
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(RIGHT_LINES) + "\n"))
    args = [
        "quiz",
        str(bank_dir / "cli-bank.yaml"),
        "--plain",
        "--no-shuffle",
        "--data-dir",
        str(tmp_path / "d"),
    ]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert "[reported] DeepSeek reported spending about $5.6 million." in captured.out
    assert "cannot be shown" not in captured.err


def test_bank_file_without_its_seed_warns_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "lonely"
    folder.mkdir()
    (folder / "cli-bank.yaml").write_text(BANK)
    (folder / "second.yaml").write_text(
        BANK.replace("bank: cli-bank", "bank: second").replace("id: b-", "id: s-")
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO("/quit\n"))
    args = [
        "quiz",
        str(folder / "cli-bank.yaml"),
        str(folder / "second.yaml"),
        "--plain",
        "--data-dir",
        str(tmp_path / "d"),
    ]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert err.count("cannot be shown") == 1
    assert "the seed 'cli-seed' this bank cites is not loaded and was not found beside it" in err


def test_unknown_bank_and_empty_filters(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            ["quiz", "no-such-bank", "--plain", "--content", str(content), "--data-dir", str(tmp_path / "d")]
        )
        == 1
    )
    assert "unknown bank 'no-such-bank'" in capsys.readouterr().err
    assert (
        main(
            [
                "quiz",
                "cli-bank",
                "--tag",
                "nope",
                "--plain",
                "--content",
                str(content),
                "--data-dir",
                str(tmp_path / "d"),
            ]
        )
        == 1
    )
    assert "no questions match" in capsys.readouterr().err


def test_same_seed_same_run(content: Path, tmp_path: Path) -> None:
    def run(seed: int) -> str:
        code, out, _ = plain(content, tmp_path / "data", ["1"] * 5, shuffle=True, seed=seed)
        assert code == 0
        return out

    assert run(11) == run(11)
    assert len({run(s) for s in range(5)}) > 1


def test_stats_text_and_json(content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    plain(content, data, ["2", *RIGHT_LINES[1:]])
    assert main(["stats", "--data-dir", str(data)]) == 0
    text = capsys.readouterr().out
    # accuracy is the share of points: b-choice (1 point) wrong, 5 of 6 points
    assert "attempts: 5" in text and "correct: 4" in text and "accuracy: 83% of points" in text
    assert "due now: 0" in text and "cli-bank" in text
    assert main(["stats", "--json", "--data-dir", str(data)]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["attempts"] == 5 and figures["correct"] == 4 and figures["accuracy"] == 0.8333
    assert figures["earned"] == 5 and figures["possible"] == 6
    assert figures["due"] == 0 and figures["banks"]["cli-bank"]["attempts"] == 5
    assert main(["stats", "--json", "--profile", "club", "--data-dir", str(data)]) == 0
    assert json.loads(capsys.readouterr().out)["attempts"] == 0


def test_stats_reports_a_damaged_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "sparring.db").write_text("garbage " * 200)
    assert main(["stats", "--data-dir", str(data)]) == 0
    captured = capsys.readouterr()
    assert "moved aside" in captured.err and "attempts: 0" in captured.out


# ------------------------------------------------------------------ subprocesses


def _env(data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["SPARRING_DATA_DIR"] = str(data)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def test_plain_and_stats_never_import_textual(content: Path, tmp_path: Path) -> None:
    code = textwrap.dedent(f"""
        import io, sys
        sys.stdin = io.StringIO({"".join(x + chr(10) for x in RIGHT_LINES)!r})
        from tui.cli import main
        assert main(["quiz", "cli-bank", "--plain", "--no-shuffle", "--content", {str(content)!r}]) == 0
        assert main(["stats", "--json"]) == 0
        bad = [m for m in sys.modules if m == "textual" or m.startswith("textual.")]
        assert not bad, bad
    """)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_env(tmp_path / "data"), timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "score: 6/6" in result.stdout


def test_quiz_without_a_terminal_falls_back_to_plain(content: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "quiz", "cli-bank", "--no-shuffle", "--content", str(content)],
        input="\n".join(RIGHT_LINES) + "\n",
        capture_output=True,
        text=True,
        env=_env(tmp_path / "data"),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "plain mode" in result.stderr
    assert result.stdout.splitlines()[-1] == "score: 6/6"


def test_kill_loses_nothing_answered(content: Path, tmp_path: Path) -> None:
    """Plain mode in a subprocess: answer k questions, SIGKILL it, reopen: k attempts are stored."""
    data = tmp_path / "data"
    k = 3
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tui",
            "quiz",
            "cli-bank",
            "--plain",
            "--no-shuffle",
            "--content",
            str(content),
            "--data-dir",
            str(data),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(data),
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        feedback = 0
        proc.stdin.write(RIGHT_LINES[0] + "\n")
        proc.stdin.flush()
        while feedback < k:
            line = proc.stdout.readline()
            assert line, "plain mode ended early"
            if line.startswith("Explanation:"):
                feedback += 1
                if feedback < k:
                    proc.stdin.write(RIGHT_LINES[feedback] + "\n")
                    proc.stdin.flush()
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:  # pragma: no cover
            proc.kill()
        proc.stdin.close()
        proc.stdout.close()
        assert proc.stderr is not None
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    with Store.open(data / "sparring.db") as store:
        assert store.notice is None
        assert store.count_attempts("default") == k
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_kill_at_the_certainty_prompt_keeps_the_answer(content: Path, tmp_path: Path) -> None:
    """Plain mode with --confidence in a subprocess: answer, SIGKILL at the certainty prompt, reopen:
    the answer is stored, without a certainty."""
    data = tmp_path / "data"
    proc = subprocess.Popen(
        [
            *(sys.executable, "-m", "tui", "quiz", "cli-bank", "--plain", "--no-shuffle", "--confidence"),
            *("--content", str(content), "--data-dir", str(data)),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(data),
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        proc.stdin.write(RIGHT_LINES[0] + "\n")
        proc.stdin.flush()
        while True:
            line = proc.stdout.readline()
            assert line, "plain mode ended early"
            if line.startswith("How sure are you?"):
                break
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:  # pragma: no cover
            proc.kill()
        proc.stdin.close()
        proc.stdout.close()
        assert proc.stderr is not None
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    with Store.open(data / "sparring.db") as store:
        (attempt,) = store.attempts("default")
        assert attempt.question_id == "b-choice" and attempt.correct
        assert attempt.confidence is None and attempt.marks is None


def test_review_mode_schedules_across_runs(content: Path, tmp_path: Path) -> None:
    from tui.cli_quiz import run_plain_quiz

    data = tmp_path / "data"
    clock = FakeClock()
    library = load_library([content])

    def review(lines: list[str]) -> str:
        out = io.StringIO()
        cfg = SessionConfig(banks=("cli-bank",), mode="review", shuffle=False, seed=1, new_per_day=3)
        feed = io.StringIO("".join(f"{x}\n" for x in lines))
        assert (
            run_plain_quiz(
                Settings(data_dir=data), cfg, feed, out, io.StringIO(), clock=clock, library=library
            )
            == 0
        )
        return out.getvalue()

    first = review(["1", "3", "5.6"])  # new questions in bank order, capped at 3: b-multi is answered wrong
    assert "Review: 3 questions" in first and first.splitlines()[-1] == "score: 3/4"
    assert "Nothing to review" in review([])  # same moment: nothing due, today's new ones used up
    clock.advance(minutes=30)
    again = review(["1,2"])  # the lapse comes back first
    assert "Review: 1 question " in again and "Which are US labs?" in again
    clock.advance(days=1)
    tomorrow = review(["1,2", "1 2 3", "1a 2b 3c"])
    assert "Review: 3 questions" in tomorrow  # b-multi again (learning step) + the two new ones
    with Store.open(data / "sparring.db") as store:
        cards = store.cards("default")
        assert set(cards) == {"b-choice", "b-multi", "b-num", "b-order", "b-match"}
        ratings = [a.rating for a in store.attempts("default")]
        assert ratings[:3] == [4, 1, 4]  # instant and right: easy; wrong: again


def test_ctrl_c_in_plain_mode_ends_like_quit(content: Path, tmp_path: Path) -> None:
    from tui.quiz import QuizSession
    from tui.quiz.plain import run_plain

    class Interrupting(io.StringIO):
        def readline(self, size: int | None = -1) -> str:
            line = super().readline()
            if not line:
                raise KeyboardInterrupt
            return line

    library = load_library([content])
    bank = library.banks["cli-bank"]
    session = QuizSession.create(bank.questions, SessionConfig(shuffle=False, seed=1), clock=FakeClock())
    out = io.StringIO()
    results = run_plain(session, Interrupting("1\n1,2\n"), out)
    assert len(results.answers) == 2 and out.getvalue().splitlines()[-1] == "score: 2/2"


def test_two_instances_at_once(content: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    argv = [
        sys.executable,
        "-m",
        "tui",
        "quiz",
        "cli-bank",
        "--plain",
        "--no-shuffle",
        "--content",
        str(content),
    ]
    procs = [
        subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(data),
        )
        for _ in range(2)
    ]
    for proc in procs:  # both get their answers before either is read: they run side by side
        assert proc.stdin is not None
        proc.stdin.write("\n".join(RIGHT_LINES) + "\n")
        proc.stdin.close()
    outputs = [(p.stdout.read(), p.stderr.read()) for p in procs if p.stdout and p.stderr]
    for proc in procs:
        proc.wait(timeout=60)
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()
        proc.stderr.close()
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert out.splitlines()[-1] == "score: 6/6"
    with Store.open(data / "sparring.db") as store:
        assert store.count_attempts("default") == 10
        assert len(store.sessions("default")) == 2
