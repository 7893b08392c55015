"""The bundled content travels inside the wheel and is found from any working folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [built] = out.glob("sparring-*.whl")
    return built


def test_wheel_contains_content(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "tui/_bundled/seeds/deepseek-challenges-us-dominance.yaml" in names
    assert any(n.startswith("tui/_bundled/questions/") and n.endswith(".yaml") for n in names)
    assert any(n.startswith("tui/_bundled/arguments/") and n.endswith(".yaml") for n in names)
    assert "tui/content/formats/practice.yaml" in names
    assert "tui/content/formats/wsdc.yaml" in names
    assert any(n.endswith("entry_points.txt") for n in names)


def test_installed_wheel_finds_content_from_elsewhere(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import tui, sys\n"
        "from tui.content.bundled import content_root\n"
        "from tui.content.library import load_library\n"
        "lib = load_library(None)\n"
        "print(tui.__file__)\n"
        "print(content_root())\n"
        "print(len(lib.seeds), len(lib.banks), len(lib.motions), len(lib.formats))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(target))
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    module_file, root, counts = proc.stdout.strip().splitlines()
    assert module_file.startswith(str(target))
    assert root == str(target / "tui" / "_bundled")
    seeds, banks, motions, formats = map(int, counts.split())
    assert seeds >= 1 and banks >= 1 and motions >= 1 and formats >= 6
