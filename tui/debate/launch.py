"""From the command line to an engine: finding the motion and describing what to run.

`DebateConfig` is what `sparring drill` / `sparring spar` hand to the app
(`tui.app.run_debate_app(settings, config)`) or to the plain mode; it builds
the engine with `config.drill(clock)` or `config.round(clock)`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from tui.content.library import Library
from tui.content.loader import YAML_SUFFIXES, load_file
from tui.content.models import ArgumentSet, DebateFormat, Side
from tui.debate.clock import Clock
from tui.debate.drills import Drill, DrillKind, make_drill
from tui.debate.round import Round


class MotionError(Exception):
    """The motion cannot be loaded; `lines` are the messages (`path:line:col: ...`) to print."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


def _looks_like_path(spec: str) -> bool:
    return spec.endswith(YAML_SUFFIXES) or "/" in spec or "\\" in spec or Path(spec).exists()


def resolve_motion(spec: str, library: Library) -> ArgumentSet:
    """A motion by id from the library, or loaded from the path of an argument file."""
    if spec in library.motions:
        return library.motions[spec]
    if _looks_like_path(spec):
        loaded = load_file(spec)
        errors = [f for f in loaded.findings if f.severity == "error"]
        if errors or loaded.model is None:
            raise MotionError(
                [str(f) for f in errors] or [f"{loaded.path}:1:1: error: cannot load this file"]
            )
        if not isinstance(loaded.model, ArgumentSet):
            kind = type(loaded.model).__name__.lower()
            raise MotionError(
                [
                    f"{loaded.path}:1:1: error: this is a {kind} file, not an argument set "
                    f"(an argument set starts with motion:) [not-arguments]"
                ]
            )
        return loaded.model
    related = [str(f) for f in library.errors if Path(f.path).stem == spec]
    if related:
        raise MotionError([*related, f"motion {spec!r} has errors (above), so it was not loaded"])
    known = ", ".join(sorted(library.motions)) or "none loaded"
    raise MotionError(
        [f"no motion {spec!r} (known: {known}); give a motion id or the path of an argument file"]
    )


def facts_for(motion: ArgumentSet, library: Library) -> dict[str, str]:
    seed = library.seeds.get(motion.seed)
    return {f.id: f.text for f in seed.facts} if seed else {}


@dataclass(frozen=True)
class DebateConfig:
    """What to run: a drill (`mode == "drill"`) or a round (`mode == "spar"`), fully resolved."""

    mode: Literal["drill", "spar"]
    motion: ArgumentSet
    seed: int | None = None
    kind: DrillKind | None = None
    side: Side | None = None
    count: int | None = None
    level: int = 1
    time_limit: float | None = None
    format: DebateFormat | None = None
    others: tuple[ArgumentSet, ...] = ()
    facts: Mapping[str, str] = field(default_factory=dict)

    def drill(self, clock: Clock | None = None) -> Drill[Any]:
        """Build the drill (raises DebateError with a message for the learner)."""
        assert self.mode == "drill" and self.kind is not None
        return make_drill(
            self.kind,
            self.motion,
            seed=self.seed,
            clock=clock,
            count=self.count,
            time_limit=self.time_limit,
            side=self.side,
            others=self.others,
            level=self.level,
        )

    def round(self, clock: Clock | None = None) -> Round:
        """Build the round (raises DebateError with a message for the learner)."""
        assert self.mode == "spar" and self.format is not None and self.side is not None
        return Round(self.motion, self.format, self.side, seed=self.seed, clock=clock, facts=self.facts)
