"""Where the bundled content is: inside the wheel, or at the top of a clone."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
FORMATS_DIR = _PACKAGE / "content" / "formats"


def content_root() -> Path:
    """The folder holding seeds/, questions/ and arguments/."""
    packed = _PACKAGE / "_bundled"
    return packed if packed.is_dir() else _PACKAGE.parent


def bundled_dirs() -> list[Path]:
    root = content_root()
    return [root / "seeds", root / "questions", root / "arguments", FORMATS_DIR]
