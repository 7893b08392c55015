"""Load one content file: read safely, compose, check against the schema, build the model."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tui.content.build import BUILDERS
from tui.content.findings import Finding, Loc, Report
from tui.content.models import Content
from tui.content.schema import KINDS
from tui.content.yamlsafe import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, check_keys, compose, decode, read_text

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Limits:
    """Caps on what one file may cost to read."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_depth: int = DEFAULT_MAX_DEPTH


DEFAULT_LIMITS = Limits()


@dataclass
class Loaded:
    """What loading one file gave: the model (None when it had errors) and the findings."""

    path: str
    model: Content | None
    findings: list[Finding] = field(default_factory=list)
    ok: bool = False  # no errors: the model is whole; otherwise it may be partial or None


def load_text(text: str, path: str = "<text>", limits: Limits = DEFAULT_LIMITS) -> Loaded:
    report = Report(path)
    return _load(text, report, limits)


def load_bytes(data: bytes, path: str = "<bytes>", limits: Limits = DEFAULT_LIMITS) -> Loaded:
    report = Report(path)
    if len(data) > limits.max_bytes:
        report.error(Loc(), f"file is over the {limits.max_bytes:,}-byte limit", "too-large")
        return Loaded(path, None, report.findings)
    text = decode(data, report)
    if text is None:
        return Loaded(path, None, report.findings)
    return _load(text, report, limits)


def display_path(path: Path) -> str:
    """The path as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except (ValueError, OSError):
        return str(path)


def load_file(path: Path | str, limits: Limits = DEFAULT_LIMITS) -> Loaded:
    path = Path(path)
    report = Report(display_path(path) if path.is_absolute() else str(path))
    text = read_text(path, report, limits.max_bytes)
    if text is None:
        return Loaded(str(path), None, report.findings)
    return _load(text, report, limits)


def _load(text: str, report: Report, limits: Limits) -> Loaded:
    root = compose(text, report, limits.max_depth)
    if root is None:
        if not report.findings:
            report.error(Loc(), "the file is empty", "empty-file")
        return Loaded(report.path, None, report.findings)
    check_keys(root, report)
    if root.kind != "map":
        report.error(
            root.loc,
            "expected a mapping at the top with one of: " + ", ".join(f"{k}:" for k in KINDS),
            "not-content",
        )
        return Loaded(report.path, None, report.findings)
    assert root.pairs is not None
    keys = [k.value for k, _ in root.pairs if k.kind == "scalar"]
    # Banks and argument sets carry a `seed:` reference too, so `seed` only
    # names the kind when no other kind key is there.
    kind = next((k for k in ("bank", "motion", "format", "seed") if k in keys), None)
    if kind is None:
        report.error(
            root.loc,
            "cannot tell what this file is: expected one of "
            + ", ".join(f"{k}:" for k in KINDS)
            + " at the top",
            "not-content",
        )
        return Loaded(report.path, None, report.findings)
    _, spec = KINDS[kind]
    rec = spec.check(root, report, "")
    model = BUILDERS[kind](rec, report.path, report)
    return Loaded(report.path, model, report.findings, ok=not report.has_errors)


def content_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand folders into their YAML files (hidden ones skipped), keeping files as given, each once."""
    seen: set[Path] = set()

    def first_time(path: Path) -> bool:
        key = path.resolve()
        if key in seen:
            return False
        seen.add(key)
        return True

    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if (
                    child.suffix in YAML_SUFFIXES
                    and child.is_file()
                    and not any(p.startswith(".") for p in rel)
                    and first_time(child)
                ):
                    yield child
        elif first_time(path):
            yield path
