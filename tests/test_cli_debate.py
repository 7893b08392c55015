"""`sparring drill` and `sparring spar` in plain mode: injected streams, saving, errors, no Textual."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest
from test_debate_fixtures import write_motion

from tui.cli import build_parser, settings_from
from tui.cli_debate import run_drill_command, run_spar_command
from tui.debate.clock import ManualClock
from tui.store import Store
from tui.store.rounds import drill_results, rounds

SCORE_LINE = re.compile(r"^score: \d+(\.\d{1,2})?/\d+(\.\d{1,2})?$")


class TickingInput(io.StringIO):
    """stdin that moves the clock on every line read: the learner takes `step` seconds per line."""

    def __init__(self, text: str, clock: ManualClock, step: float = 20) -> None:
        super().__init__(text)
        self.clock = clock
        self.step = step

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        self.clock.advance(self.step)
        return super().readline(size if size is not None else -1)


def run(
    argv: list[str], stdin: str, data: Path, *, clock: ManualClock | None = None, step: float = 20
) -> tuple[int, str, str]:
    args = build_parser().parse_args([*argv, "--data-dir", str(data)])
    settings = settings_from(args)
    clock = clock or ManualClock()
    out, err = io.StringIO(), io.StringIO()
    handler = run_drill_command if args.command == "drill" else run_spar_command
    code = handler(
        args, settings, stdin=TickingInput(stdin, clock, step), stdout=out, stderr=err, clock=clock
    )
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def motion(tmp_path: Path) -> str:
    return str(write_motion(tmp_path / "chips.yaml"))


def test_pick_prints_numbered_rebuttals_and_ends_with_the_score(tmp_path: Path, motion: str) -> None:
    code, out, err = run(
        ["drill", "pick", motion, "--plain", "--seed", "3", "--count", "2"], "1\n1\n", tmp_path
    )
    assert code == 0, err
    for n in (1, 2, 3, 4):  # its own rebuttal and three written for other arguments
        assert re.search(rf"^{n}\) ", out, re.M)
    assert "claim: " in out and "reasoning: " in out and "impact: " in out
    assert "made (your choice): 1) " in out and "missed (the best rebuttal): " in out
    assert SCORE_LINE.match(out.strip().splitlines()[-1])
    with Store.open(tmp_path / "sparring.db") as store:
        assert len(drill_results(store, "default", drill="pick")) == 2


def test_rebuttal_reads_lines_up_to_an_empty_line(tmp_path: Path, motion: str) -> None:
    typed = (
        "They say permitted chips were enough.\nBut the H800 was banned, with a lag, at a price,\n"
        "because rules adapt; therefore the controls work.\n\n"
    )
    code, out, _ = run(
        ["drill", "rebuttal", motion, "--plain", "--seed", "1", "--count", "1", "--side", "opp"],
        typed,
        tmp_path,
    )
    assert code == 0
    assert ("made: banned; lag" in out or "made: price" in out) and "missed: none" in out
    assert "time: 80 s of 90 s" in out  # three lines and the empty line, read at 20 s each
    last = out.strip().splitlines()[-1]
    assert SCORE_LINE.match(last)
    earned, possible = last.removeprefix("score: ").split("/")
    assert earned == possible


def test_rebuttal_at_end_of_input_without_an_empty_line(tmp_path: Path, motion: str) -> None:
    code, out, _ = run(
        ["drill", "rebuttal", motion, "--plain", "--seed", "1", "--count", "1", "--side", "opp"],
        "It was tightened at a cost.",
        tmp_path,
    )
    assert (
        code == 0
        and "made: none" not in out
        and "made: " in out
        and SCORE_LINE.match(out.strip().splitlines()[-1])
    )


def test_bad_input_asks_again_and_end_of_input_keeps_answers(tmp_path: Path, motion: str) -> None:
    code, out, _ = run(
        ["drill", "side", motion, "--plain", "--seed", "2", "--count", "3"], "maybe\nprop\n", tmp_path
    )
    assert code == 0
    assert "? type prop or opp" in out
    assert "end of input" in out and "1 of 3 item(s) answered" in out
    with Store.open(tmp_path / "sparring.db") as store:
        assert len(drill_results(store, "default")) == 1


@pytest.mark.parametrize(
    "kind,answers",
    [("case", "1 2\n"), ("weigh", "Ours outweighs: far more likely.\n\n"), ("side", "prop\nopp\n")],
)
def test_other_drills_run_plain(tmp_path: Path, motion: str, kind: str, answers: str) -> None:
    code, out, err = run(
        ["drill", kind, motion, "--plain", "--seed", "1", "--count", "1", "--side", "prop"], answers, tmp_path
    )
    assert code == 0, err
    assert SCORE_LINE.match(out.strip().splitlines()[-1])


def test_bad_motion_path_and_id(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    code, out, err = run(["drill", "pick", str(missing), "--plain"], "", tmp_path)
    assert code == 1 and out == ""
    assert re.match(rf"^{re.escape(str(missing))}:1:1: error: cannot read file", err)
    broken = tmp_path / "broken.yaml"
    broken.write_text("motion: x\nid: broken\narguments: [\n", encoding="utf-8")
    code, _, err = run(["drill", "pick", str(broken), "--plain"], "", tmp_path)
    assert code == 1 and re.match(r"^\S*broken\.yaml:\d+:\d+: error: ", err) and "Traceback" not in err
    seed = tmp_path / "seed.yaml"
    seed.write_text(
        "seed: s\ntitle: t\norigin: o\nfacts:\n  - {id: f, text: t, kind: reported, section: s}\n",
        encoding="utf-8",
    )
    code, _, err = run(["drill", "pick", str(seed), "--plain"], "", tmp_path)
    assert code == 1 and "not an argument set" in err
    code, _, err = run(["drill", "pick", "no-such-motion", "--plain"], "", tmp_path)
    assert code == 1 and "no motion 'no-such-motion'" in err


def test_a_motion_with_no_arguments_on_one_side(tmp_path: Path) -> None:
    one = tmp_path / "one.yaml"
    text = write_motion(tmp_path / "full.yaml").read_text(encoding="utf-8")
    one.write_text(
        text.split("  - id: t-gap")[0].replace("id: test-chips", "id: one-sided"), encoding="utf-8"
    )
    code, _, err = run(["drill", "rebuttal", str(one), "--plain", "--side", "prop"], "", tmp_path)
    assert code == 1 and "no Opposition arguments" in err
    code, _, err = run(["spar", str(one), "--side", "opp", "--plain"], "", tmp_path)
    assert code == 1 and "no Opposition arguments" in err


def test_spar_plays_a_round_and_saves_it(tmp_path: Path, motion: str) -> None:
    speeches = (
        "\n"  # end prep
        "First, DeepSeek reached the frontier on chips the rules allowed.\n"
        "Second, chipmakers lose billions in sales to China. This outweighs: more likely and permanent.\n\n"
        "They say the compute lead holds. But efficiency closes it, because methods improve.\n"
        "They say progress slowed by years. But the lead is months.\n.\n"
        "In conclusion, our case stands.\n\n"
    )
    code, out, err = run(
        ["spar", motion, "--side", "prop", "--plain", "--seed", "7"], speeches, tmp_path, step=40
    )
    assert code == 0, err
    assert "== First Opposition (opponent) ==" in out and "== flow ==" in out and "== adjudication ==" in out
    assert "dropped by you" in out and "the best speech would have added:" in out
    assert re.search(r"^score: \d+(\.\d)?$", out, re.M)
    assert "round saved" in out
    with Store.open(tmp_path / "sparring.db") as store:
        saved = rounds(store, "default")
        assert len(saved) == 1 and saved[0].finished is not None and saved[0].score is not None
        assert saved[0].detail["speeches"][0]["seconds"] == 120  # two lines and the empty line, 40 s each


def test_spar_empty_speech_asks_then_accepts_a_dot(tmp_path: Path, motion: str) -> None:
    code, out, _ = run(["spar", motion, "--side", "prop", "--plain", "--no-prep"], "\n.\n", tmp_path)
    assert code == 0
    assert "the speech is empty" in out and "empty speech: nothing to flow" in out
    assert "the round stops here" in out
    with Store.open(tmp_path / "sparring.db") as store:
        saved = rounds(store, "default")
        assert len(saved) == 1 and saved[0].finished is None and len(saved[0].detail["speeches"]) == 2


def test_unknown_format(tmp_path: Path, motion: str) -> None:
    code, _, err = run(["spar", motion, "--side", "prop", "--format", "nope", "--plain"], "", tmp_path)
    assert code == 1 and "no format 'nope'" in err and "practice" in err


def test_without_plain_falls_back_when_the_screens_are_missing(
    tmp_path: Path, motion: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "tui.app", types.ModuleType("tui.app"))
    code, out, err = run(["drill", "side", motion, "--seed", "1", "--count", "1"], "prop\n", tmp_path)
    assert code == 0 and "running in plain mode" in err and SCORE_LINE.match(out.strip().splitlines()[-1])


def test_without_plain_hands_the_config_to_the_app(
    tmp_path: Path, motion: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = {}

    def run_debate_app(settings: object, config: object) -> int:
        seen["config"] = config
        return 0

    fake = types.ModuleType("tui.app")
    fake.run_debate_app = run_debate_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tui.app", fake)
    code, _, _ = run(["spar", motion, "--side", "opp", "--format", "wsdc", "--seed", "5"], "", tmp_path)
    config = seen["config"]
    assert code == 0 and config.mode == "spar" and config.side == "opp"  # type: ignore[attr-defined]
    rnd = config.round(ManualClock())  # type: ignore[attr-defined]
    assert rnd.format.id == "wsdc" and rnd.seed == 5


def test_subprocess_drill_pick_plain_without_textual(tmp_path: Path, motion: str) -> None:
    code = (
        "import sys\n"
        "from tui.cli import main\n"
        f"rc = main(['drill', 'pick', {motion!r}, '--plain', '--seed', '4', '--count', '2',"
        f" '--data-dir', {str(tmp_path)!r}])\n"
        "print('TEXTUAL' if any(m == 'textual' or m.startswith('textual.') for m in sys.modules) else 'CLEAN',"
        " rc, file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], input="2\n1\n", capture_output=True, text=True, timeout=120
    )
    assert proc.stderr.strip().splitlines()[-1] == "CLEAN 0", proc.stderr
    assert re.search(r"^1\) ", proc.stdout, re.M)
    assert SCORE_LINE.match(proc.stdout.strip().splitlines()[-1])


def test_subprocess_python_m_tui(tmp_path: Path, motion: str) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "tui",
            "drill",
            "pick",
            motion,
            "--plain",
            "--seed",
            "1",
            "--count",
            "1",
            "--data-dir",
            str(tmp_path),
        ],
        input="1\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert SCORE_LINE.match(proc.stdout.strip().splitlines()[-1])
    bad = subprocess.run(
        [
            sys.executable,
            "-m",
            "tui",
            "drill",
            "pick",
            str(tmp_path / "missing.yaml"),
            "--plain",
            "--data-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert bad.returncode == 1 and "Traceback" not in bad.stderr and ":1:1: error:" in bad.stderr


def test_side_drill_level_two_in_plain_mode(tmp_path: Path, motion: str) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    second = write_motion(extra / "second.yaml")
    second.write_text(
        second.read_text(encoding="utf-8")
        .replace("id: test-chips", "id: second-motion")
        .replace("id: t-", "id: s-")
        .replace("This house believes", "This house regrets"),
        encoding="utf-8",
    )
    code, out, err = run(
        [
            "drill",
            "side",
            motion,
            "--plain",
            "--level",
            "2",
            "--seed",
            "1",
            "--count",
            "2",
            "--content",
            str(extra),
        ],
        "opp\n1 opp\n2 prop\n",
        tmp_path,
    )
    assert code == 0, err
    assert "Which motion is this argument for" in out and "? type the motion's number" in out
    assert re.search(r"^1\) This house", out, re.M) and re.search(r"^2\) This house", out, re.M)
    assert SCORE_LINE.match(out.strip().splitlines()[-1])


def test_spar_plain_does_not_load_textual(tmp_path: Path, motion: str) -> None:
    code = (
        "import sys\n"
        "from tui.cli import main\n"
        f"rc = main(['spar', {motion!r}, '--side', 'opp', '--plain', '--seed', '1', '--data-dir', {str(tmp_path)!r}])\n"
        "print('TEXTUAL' if any(m == 'textual' or m.startswith('textual.') for m in sys.modules) else 'CLEAN',"
        " rc, file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        input="\nThe United States keeps a large compute lead.\n\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.stderr.strip().splitlines()[-1] == "CLEAN 0", proc.stderr
    assert "round saved" in proc.stdout
