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


@dataclass
class Loaded:
    """What loading one file gave: the model (None when it had errors) and the findings."""

    path: str
    model: Content | None
    findings: list[Finding] = field(default_factory=list)


def load_text(text: str, path: str = "<text>", limits: Limits = Limits()) -> Loaded:
    report = Report(path)
    return _load(text, report, limits)


def load_bytes(data: bytes, path: str = "<bytes>", limits: Limits = Limits()) -> Loaded:
    report = Report(path)
    if len(data) > limits.max_bytes:
        report.error(Loc(), f"file is over the {limits.max_bytes:,}-byte limit", "too-large")
        return Loaded(path, None, report.findings)
    text = decode(data, report)
    if text is None:
        return Loaded(path, None, report.findings)
    return _load(text, report, limits)


def load_file(path: Path | str, limits: Limits = Limits()) -> Loaded:
    path = Path(path)
    report = Report(str(path))
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
        report.error(root.loc, "expected a mapping at the top with one of: " + ", ".join(f"{k}:" for k in KINDS),
                     "not-content")
        return Loaded(report.path, None, report.findings)
    assert root.pairs is not None
    keys = [k.value for k, _ in root.pairs if k.kind == "scalar"]
    kinds = [k for k in KINDS if k in keys]
    if len(kinds) != 1:
        what = "none" if not kinds else "several"
        report.error(root.loc, f"cannot tell what this file is ({what} of "
                     + ", ".join(f"{k}:" for k in KINDS) + " at the top)", "not-content")
        return Loaded(report.path, None, report.findings)
    kind = kinds[0]
    _, spec = KINDS[kind]
    rec = spec.check(root, report, "")
    model = BUILDERS[kind](rec, report.path, report)
    if report.has_errors:
        model = None
    return Loaded(report.path, model, report.findings)


def content_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand folders into their YAML files (hidden ones skipped), keeping files as given."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if child.suffix in YAML_SUFFIXES and child.is_file() and not any(p.startswith(".") for p in rel):
                    yield child
        else:
            yield path
