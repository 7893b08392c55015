"""Safe loading: every bad file gets a positioned finding, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.cli import main
from tui.content.library import load_library
from tui.content.loader import Limits, load_bytes, load_file, load_text
from tui.content.models import Bank

FIXTURES = Path(__file__).parent / "fixtures"
BAD = FIXTURES / "bad"
GOOD = FIXTURES / "good"
SEED = GOOD / "mini-seed.yaml"


def lint(capsys: pytest.CaptureFixture[str], *paths: Path, strict: bool = False) -> tuple[int, str]:
    argv = ["lint", *map(str, paths)] + (["--strict"] if strict else [])
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out + out.err


def codes(path: Path, *extra: Path) -> set[str]:
    lib = load_library([path, *extra], partial=True)
    return {f.code for f in lib.findings if f.severity == "error"}


@pytest.mark.parametrize(
    ("name", "code", "line"),
    [
        ("syntax.yaml", "syntax", 3),
        ("wrong-types.yaml", "type", 8),
        ("missing-fields.yaml", "missing", 1),
        ("unknown-keys.yaml", "unknown-key", 9),
        ("duplicate-keys.yaml", "duplicate-key", 3),
        ("duplicate-ids.yaml", "duplicate-id", 13),
        ("alias-bomb.yaml", "anchor", 1),
        ("python-tag.yaml", "tag", 1),
        ("escape-sequence.yaml", "control-char", 2),
        ("deep-nesting.yaml", "too-deep", 1),
        ("binary.yaml", "binary", 1),
    ],
)
def test_bad_file_is_reported_with_position(
    capsys: pytest.CaptureFixture[str], name: str, code: str, line: int
) -> None:
    exit_code, output = lint(capsys, BAD / name, SEED)
    assert exit_code == 1
    assert "Traceback" not in output
    assert f"tests/fixtures/bad/{name}:{line}:" in output or f"{BAD / name}:{line}:" in output
    assert f"[{code}]" in output


def test_wrong_boolean_says_to_quote(capsys: pytest.CaptureFixture[str]) -> None:
    _, output = lint(capsys, BAD / "wrong-types.yaml", SEED)
    assert 'quote it: "no"' in output


def test_unknown_key_suggests_near_name(capsys: pytest.CaptureFixture[str]) -> None:
    _, output = lint(capsys, BAD / "unknown-keys.yaml", SEED)
    assert "did you mean 'distractors'?" in output


def test_semantic_checks() -> None:
    lib = load_library([BAD / "semantic.yaml", SEED], partial=True)
    found = {f.code for f in lib.findings}
    assert {"answer-repeated", "range", "match-repeated", "too-few", "no-facts"} <= found
    assert any("below the minimum 0" in f.message for f in lib.findings if f.code == "range")


def test_unknown_fact_and_uncovered_fact() -> None:
    text = (GOOD / "mini-bank.yaml").read_text().replace("facts: [rain-wet]", "facts: [rain-dry]")
    bank = FIXTURES / "tmp-bank.yaml"
    try:
        bank.write_text(text)
        lib = load_library([bank, SEED], partial=True)
    finally:
        bank.unlink()
    by_code = {f.code: f for f in lib.findings}
    assert by_code["unknown-fact"].severity == "error"
    assert "rain-dry" in by_code["unknown-fact"].message
    assert by_code["uncovered-fact"].severity == "warning"
    assert "rain-wet" in by_code["uncovered-fact"].message


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text((GOOD / "mini-bank.yaml").read_text().replace("bank: mini-bank", "bank: mini-bank-2"))
    lib = load_library([GOOD / "mini-bank.yaml", other, SEED], partial=True)
    dupes = [f for f in lib.findings if f.code == "duplicate-id"]
    assert {"mini-choice" in f.message or "mini-tf" in f.message for f in dupes} == {True}


def test_bom_and_crlf_are_accepted() -> None:
    lib = load_library([GOOD / "bom-crlf-bank.yaml", SEED])
    assert not lib.errors
    assert "crlf-bank" in lib.banks


def test_good_files_load_into_models() -> None:
    loaded = load_file(GOOD / "mini-bank.yaml")
    assert loaded.ok and isinstance(loaded.model, Bank)
    assert loaded.model.questions[1].answer is True


def test_alias_bomb_is_fast_and_flat() -> None:
    data = (BAD / "alias-bomb.yaml").read_bytes()
    tracemalloc.start()
    start = time.perf_counter()
    loaded = load_bytes(data, "bomb.yaml")
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert not loaded.ok
    assert elapsed < 0.5
    assert peak < 5 * 1024 * 1024


def test_huge_file_rejected_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    start = time.perf_counter()
    loaded = load_file(big)
    assert time.perf_counter() - start < 0.5
    assert [f.code for f in loaded.findings] == ["too-large"]
    assert "50 MiB" not in loaded.findings[0].message  # the exact size is given instead
    assert "52,428,800" in loaded.findings[0].message


def test_size_cap_is_configurable(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["lint", "--max-bytes", "100", str(GOOD / "mini-bank.yaml"), str(SEED)])
    assert code == 1
    assert "[too-large]" in capsys.readouterr().out


def test_python_tag_runs_nothing(tmp_path: Path) -> None:
    marker = Path("/tmp/sparring-pwned")
    marker.unlink(missing_ok=True)
    load_file(BAD / "python-tag.yaml")
    assert not marker.exists()


def test_subprocess_exit_code_and_no_traceback() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "lint", str(BAD / "alias-bomb.yaml")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["lint", "--format", "json", str(BAD / "duplicate-keys.yaml"), str(SEED)])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert report["errors"] >= 1
    assert any(f["code"] == "duplicate-key" and f["line"] == 3 for f in report["findings"])
    assert len(report["files"]) == 2


def test_strict_fails_on_warnings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert lint(capsys, SEED)[0] == 0  # uncovered facts are warnings
    assert lint(capsys, SEED, strict=True)[0] == 1


def test_missing_path(capsys: pytest.CaptureFixture[str]) -> None:
    code, output = lint(capsys, Path("no/such/file.yaml"))
    assert code == 2 and "no such file" in output


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_loads_without_exception(text: str) -> None:
    loaded = load_text(text, "fuzz.yaml", Limits(max_depth=16))
    assert loaded.ok or loaded.findings


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_load_without_exception(data: bytes) -> None:
    loaded = load_bytes(data, "fuzz.yaml")
    assert loaded.ok or loaded.findings


QUESTION_KEYS = st.sampled_from(
    [
        "id",
        "type",
        "prompt",
        "answer",
        "answers",
        "distractors",
        "tolerance",
        "pairs",
        "items",
        "facts",
        "tags",
        "difficulty",
        "points",
        "fuzzy",
        "bogus",
    ]
)
SCALARS = st.one_of(st.text(max_size=10), st.integers(), st.floats(allow_nan=True), st.booleans(), st.none())
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.dictionaries(QUESTION_KEYS, VALUES, max_size=8), max_size=4))
def test_any_structure_is_checked_without_exception(questions: list[dict[str, object]]) -> None:
    text = json.dumps({"bank": "fuzz", "title": "t", "seed": "s", "questions": questions}, default=str)
    loaded = load_text(text, "fuzz.yaml")
    assert loaded.ok or loaded.findings
