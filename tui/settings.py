"""Where learner data lives and which content is loaded: shared by every command and the app."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR_ENV = "SPARRING_DATA_DIR"
DEFAULT_PROFILE = "default"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("sparring", appauthor=False))


@dataclass(frozen=True)
class Settings:
    """What the command line (or a test) chose."""

    data_dir: Path | None = None
    profile: str = DEFAULT_PROFILE
    content: tuple[Path, ...] = field(default=())

    def resolved_data_dir(self) -> Path:
        if self.data_dir is not None:
            return self.data_dir
        env = os.environ.get(DATA_DIR_ENV)
        return Path(env) if env else default_data_dir()

    @property
    def db_path(self) -> Path:
        return self.resolved_data_dir() / "sparring.db"

    @property
    def user_formats_dir(self) -> Path:
        return self.resolved_data_dir() / "formats"


def load_content(settings: Settings):  # type: ignore[no-untyped-def]
    """The bundled content plus the user's extra folders and formats."""
    from tui.content.library import load_library

    extra = list(settings.content)
    formats = settings.user_formats_dir
    if formats.is_dir():
        extra.append(formats)
    return load_library(None, extra=extra)
