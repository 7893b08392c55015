"""Findings: what the loader and the linter report about a content file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Loc:
    """A 1-based position in a file."""

    line: int = 1
    col: int = 1


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one file, printed as `path:line:col: severity: message [code]`."""

    path: str
    line: int
    col: int
    severity: Severity
    message: str
    code: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message} [{self.code}]"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "message": self.message,
            "code": self.code,
        }


class Report:
    """Collects findings for one file; every check appends here rather than raising."""

    __slots__ = ("findings", "path")

    def __init__(self, path: str) -> None:
        self.path = path
        self.findings: list[Finding] = []

    def error(self, loc: Loc, message: str, code: str) -> None:
        self.findings.append(Finding(self.path, loc.line, loc.col, "error", message, code))

    def warning(self, loc: Loc, message: str, code: str) -> None:
        self.findings.append(Finding(self.path, loc.line, loc.col, "warning", message, code))

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)
