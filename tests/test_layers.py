"""The layer rule: the pure packages and the non-interactive commands never import Textual."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

TUI = Path(__file__).parent.parent / "tui"
PURE = ["content", "quiz", "debate", "store"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", PURE)
def test_pure_package_never_imports_textual(package: str) -> None:
    for path in (TUI / package).rglob("*.py"):
        bad = {
            n
            for n in _imports(path)
            if n == "textual" or n.startswith(("textual.", "tui.app", "tui.screens", "tui.widgets"))
        }
        assert not bad, f"{path} imports {bad}"


@pytest.mark.parametrize("argv", [["lint"], ["schema", "bank"], ["--version"]])
def test_non_interactive_commands_do_not_load_textual(argv: list[str]) -> None:
    code = (
        "import sys\n"
        "from tui.cli import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
        "print('TEXTUAL' if any(m == 'textual' or m.startswith('textual.') for m in sys.modules) else 'CLEAN',"
        " file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stderr.strip().splitlines()[-1] == "CLEAN", proc.stderr
