"""The flow sheet: each argument of the round a row, each speech a column.

A cell is `made` (its side made or extended it in that speech), `defended`
(its side restated why it survives after the other side answered it),
`extended` (its side carried it on, unanswered, e.g. "it stands" in a reply),
`answered` (the other side answered it there), `dropped` (a substantive
speech of the other side passed it by while it stood unanswered) or empty.
Defending or extending shows the clash on the flow; it does not change a
row's status. A row's status
is `answered` once the other side answers it, `dropped` if the other side had
a substantive speech after it was made and never answered it, and
`unanswered` if the other side never had the chance.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from tui.content.models import Argument

Cell = Literal["made", "defended", "extended", "answered", "dropped", ""]
Status = Literal["answered", "dropped", "unanswered"]
CELL_MARKS: dict[str, str] = {
    "made": "●",
    "defended": "◆",
    "extended": "»",
    "answered": "✕",
    "dropped": "○",
    "": "·",
}
LEGEND = "● made  ◆ defended  » extended  ✕ answered  ○ dropped (passed by unanswered)  · nothing"


class FlowSpeech(Protocol):
    """What the flow needs of a speech record."""

    @property
    def name(self) -> str: ...
    @property
    def side(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def made(self) -> tuple[str, ...]: ...
    @property
    def answered(self) -> tuple[str, ...]: ...
    @property
    def defended(self) -> tuple[str, ...]: ...
    @property
    def extended(self) -> tuple[str, ...]: ...


@dataclass(frozen=True, slots=True)
class FlowRow:
    argument: Argument
    by: Literal["learner", "opponent"]
    cells: tuple[Cell, ...]
    status: Status

    def as_dict(self) -> dict[str, Any]:
        return {
            "argument": self.argument.id,
            "side": self.argument.side,
            "claim": self.argument.claim,
            "strength": self.argument.strength,
            "by": self.by,
            "cells": list(self.cells),
            "status": self.status,
        }


@dataclass(frozen=True, slots=True)
class FlowSheet:
    columns: tuple[str, ...]
    rows: tuple[FlowRow, ...]

    def row(self, argument_id: str) -> FlowRow | None:
        return next((r for r in self.rows if r.argument.id == argument_id), None)

    def dropped(self, by: Literal["learner", "opponent"] | None = None) -> tuple[FlowRow, ...]:
        """Rows never answered although the other side had the chance (by = whose argument it was)."""
        return tuple(r for r in self.rows if r.status == "dropped" and (by is None or r.by == by))

    def as_dict(self) -> dict[str, Any]:
        return {"columns": list(self.columns), "rows": [r.as_dict() for r in self.rows]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], arguments: Mapping[str, Argument] | None = None) -> FlowSheet:
        """A flow sheet as `as_dict()` stored it. Arguments come from `arguments` by id where the
        motion is still loaded; otherwise from what was stored (claim, side, strength)."""
        known = arguments or {}
        columns = tuple(str(c) for c in data.get("columns", ()))
        rows: list[FlowRow] = []
        for r in data.get("rows", ()):
            arg_id = str(r.get("argument", ""))
            argument = known.get(arg_id) or Argument(
                arg_id,
                r.get("side", "prop"),
                str(r.get("claim", arg_id)),
                "",
                (),
                "",
                int(r.get("strength", 0)),
                (),
                (),
            )
            stored = [c if c in CELL_MARKS else "" for c in r.get("cells", ())]
            cells = tuple((stored + [""] * len(columns))[: len(columns)])
            status = (
                r.get("status") if r.get("status") in ("answered", "dropped", "unanswered") else "unanswered"
            )
            by = "learner" if r.get("by") == "learner" else "opponent"
            rows.append(FlowRow(argument, by, cells, status))  # type: ignore[arg-type]
        return cls(columns, tuple(rows))

    def render(self, width: int = 100) -> str:
        """A plain-text table: ● made, ◆ defended, » extended, ✕ answered, ○ dropped, · nothing."""
        short = [_abbreviate(c) for c in self.columns]
        claim_w = max(20, width - 4 * len(short) - 14)
        lines = ["argument".ljust(claim_w) + " side " + " ".join(s.center(3) for s in short)]
        for r in self.rows:
            claim = (
                r.argument.claim
                if len(r.argument.claim) <= claim_w
                else r.argument.claim[: claim_w - 1] + "…"
            )
            cells = " ".join(CELL_MARKS[c].center(3) for c in r.cells)
            lines.append(f"{claim.ljust(claim_w)} {r.argument.side:<4} {cells}  {r.status}")
        lines.append("columns: " + ", ".join(f"{s} = {c}" for s, c in zip(short, self.columns, strict=True)))
        lines.append(LEGEND)
        return "\n".join(lines)


def _abbreviate(name: str) -> str:
    letters = "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isalpha())
    return letters.upper()[:3] or name[:3]


def build_flow(speeches: Sequence[FlowSpeech], arguments: Sequence[Argument], learner_side: str) -> FlowSheet:
    """The flow of a round from its speech records (in order)."""
    by_id = {a.id: a for a in arguments}
    order: list[str] = []
    for s in speeches:
        for arg_id in (*s.made, *s.answered):
            if arg_id in by_id and arg_id not in order:
                order.append(arg_id)
    rows: list[FlowRow] = []
    for arg_id in order:
        arg = by_id[arg_id]
        cells: list[Cell] = []
        is_open = False
        had_chance = False
        answered = False
        for s in speeches:
            cell: Cell = ""
            if s.side == arg.side and arg_id in s.made:
                cell = "made"
                if not answered:
                    is_open = True
            elif s.side == arg.side and arg_id in s.defended:
                cell = "defended"
            elif s.side == arg.side and arg_id in s.extended:
                cell = "extended"
            elif s.side not in (arg.side, "both") and arg_id in s.answered:
                cell = "answered"
                is_open, answered = False, True
            elif is_open and s.side not in (arg.side, "both") and s.kind == "speech":
                cell = "dropped"
                had_chance = True
            cells.append(cell)
        status: Status = "answered" if answered else "dropped" if had_chance else "unanswered"
        rows.append(FlowRow(arg, "learner" if arg.side == learner_side else "opponent", tuple(cells), status))
    return FlowSheet(tuple(s.name for s in speeches), tuple(rows))
