"""A small schema language: one definition gives validation and JSON Schema.

Each spec checks a composed YAML node (reporting at the node's position) and
returns plain Python data, and can describe itself as JSON Schema (draft
2020-12) for editors. Types are strict: nothing is coerced, so `answer: no`
where text is expected is an error that says to quote it.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, field
from typing import Any

from tui.content.findings import Loc, Report
from tui.content.yamlsafe import Node, describe


class Invalid:
    """The value of a node that failed its check (its findings are already reported)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "INVALID"

    def __bool__(self) -> bool:
        return False


INVALID: Any = Invalid()


class Rec(dict[str, Any]):
    """A checked mapping that remembers where it and each of its values stood."""

    __slots__ = ("loc", "locs")

    def __init__(self, loc: Loc) -> None:
        super().__init__()
        self.loc = loc
        self.locs: dict[str, Loc] = {}

    def at(self, key: str) -> Loc:
        return self.locs.get(key, self.loc)


def _quote_hint(node: Node) -> str:
    if node.kind == "scalar" and not node.quoted and node.tag != "str":
        shown = node.raw if node.raw else ""
        return f'; YAML reads {shown or "an empty value"!s} as {describe(node)}, quote it: "{shown}"'
    return ""


class Spec:
    """Base of every spec."""

    description: str = ""

    def check(self, node: Node, report: Report, name: str) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _with_doc(self, out: dict[str, Any]) -> dict[str, Any]:
        if self.description:
            out["description"] = self.description
        return out


@dataclass(frozen=True)
class Str(Spec):
    description: str = ""
    pattern: str | None = None
    pattern_hint: str = ""
    max_len: int | None = None

    def check(self, node: Node, report: Report, name: str) -> Any:
        if node.kind != "scalar" or node.tag != "str" or not isinstance(node.value, str):
            report.error(node.loc, f"{name}: expected text, got {describe(node)}{_quote_hint(node)}", "type")
            return INVALID
        value = node.value
        if not value.strip():
            report.error(node.loc, f"{name}: must not be empty", "empty")
            return INVALID
        if self.pattern and not re.fullmatch(self.pattern, value):
            hint = self.pattern_hint or f"it must match {self.pattern}"
            report.error(node.loc, f"{name}: {value!r} is not valid: {hint}", "pattern")
            return INVALID
        if self.max_len is not None and len(value) > self.max_len:
            report.error(node.loc, f"{name}: longer than {self.max_len} characters", "too-long")
            return INVALID
        return value

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string", "minLength": 1}
        if self.pattern:
            out["pattern"] = f"^(?:{self.pattern})$"
        if self.max_len is not None:
            out["maxLength"] = self.max_len
        return self._with_doc(out)


ID_PATTERN = r"[a-z0-9][a-z0-9._-]*"


def Id(description: str = "") -> Str:
    return Str(
        description,
        pattern=ID_PATTERN,
        pattern_hint="ids are lower case letters, digits, '-', '_' and '.', e.g. v3-cost",
    )


@dataclass(frozen=True)
class Enum(Spec):
    values: tuple[str, ...] = ()
    description: str = ""

    def check(self, node: Node, report: Report, name: str) -> Any:
        if node.kind == "scalar" and node.tag == "str" and node.value in self.values:
            return node.value
        got = repr(node.raw) if node.kind == "scalar" else describe(node)
        near = difflib.get_close_matches(str(node.raw), self.values, n=1) if node.kind == "scalar" else []
        hint = f"; did you mean {near[0]!r}?" if near else ""
        report.error(node.loc, f"{name}: {got} is not one of: {', '.join(self.values)}{hint}", "enum")
        return INVALID

    def schema(self) -> dict[str, Any]:
        return self._with_doc({"enum": list(self.values)})


@dataclass(frozen=True)
class Num(Spec):
    description: str = ""
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: float | None = None
    integer: bool = False

    def check(self, node: Node, report: Report, name: str) -> Any:
        allowed = ("int",) if self.integer else ("int", "float")
        what = "a whole number" if self.integer else "a number"
        if node.kind != "scalar" or node.tag not in allowed:
            hint = (
                "; remove the quotes" if node.kind == "scalar" and node.quoted and _numeric(node.raw) else ""
            )
            report.error(node.loc, f"{name}: expected {what}, got {describe(node)}{hint}", "type")
            return INVALID
        value = node.value
        assert isinstance(value, int | float)
        if isinstance(value, float) and not math.isfinite(value):
            report.error(node.loc, f"{name}: must be a finite number", "range")
            return INVALID
        if self.minimum is not None and value < self.minimum:
            report.error(node.loc, f"{name}: {value} is below the minimum {self.minimum:g}", "range")
            return INVALID
        if self.exclusive_minimum is not None and value <= self.exclusive_minimum:
            report.error(node.loc, f"{name}: must be greater than {self.exclusive_minimum:g}", "range")
            return INVALID
        if self.maximum is not None and value > self.maximum:
            report.error(node.loc, f"{name}: {value} is above the maximum {self.maximum:g}", "range")
            return INVALID
        return value

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "integer" if self.integer else "number"}
        if self.minimum is not None:
            out["minimum"] = self.minimum
        if self.exclusive_minimum is not None:
            out["exclusiveMinimum"] = self.exclusive_minimum
        if self.maximum is not None:
            out["maximum"] = self.maximum
        return self._with_doc(out)


def Int(description: str = "", minimum: float | None = None, maximum: float | None = None) -> Num:
    return Num(description, minimum=minimum, maximum=maximum, integer=True)


def _numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Bool(Spec):
    description: str = ""

    def check(self, node: Node, report: Report, name: str) -> Any:
        if node.kind == "scalar" and node.tag == "bool":
            return node.value
        hint = (
            "; remove the quotes" if node.kind == "scalar" and node.raw.lower() in ("true", "false") else ""
        )
        report.error(node.loc, f"{name}: expected true or false, got {describe(node)}{hint}", "type")
        return INVALID

    def schema(self) -> dict[str, Any]:
        return self._with_doc({"type": "boolean"})


@dataclass(frozen=True)
class List(Spec):
    item: Spec = field(default_factory=Str)
    description: str = ""
    min_items: int = 0
    unique: bool = False

    def check(self, node: Node, report: Report, name: str) -> Any:
        if node.kind != "seq":
            report.error(node.loc, f"{name}: expected a list, got {describe(node)}", "type")
            return INVALID
        assert node.items is not None
        if len(node.items) < self.min_items:
            report.error(
                node.loc, f"{name}: needs at least {self.min_items} item(s), has {len(node.items)}", "too-few"
            )
        out: list[Any] = []
        seen: dict[Any, Loc] = {}
        for i, child in enumerate(node.items):
            value = self.item.check(child, report, f"{name}[{i + 1}]")
            if self.unique and value is not INVALID and isinstance(value, str | int | float):
                key = value.casefold() if isinstance(value, str) else value
                if key in seen:
                    report.error(
                        child.loc,
                        f"{name}: {value!r} is repeated (first at line {seen[key].line})",
                        "duplicate-item",
                    )
                seen.setdefault(key, child.loc)
            out.append(value)
        return ListVal(out, [child.loc for child in node.items], node.loc)

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "array", "items": self.item.schema()}
        if self.min_items:
            out["minItems"] = self.min_items
        if self.unique:
            out["uniqueItems"] = True
        return self._with_doc(out)


class ListVal(list[Any]):
    """A checked list that keeps each item's position."""

    __slots__ = ("loc", "locs")

    def __init__(self, items: list[Any], locs: list[Loc], loc: Loc) -> None:
        super().__init__(items)
        self.locs = locs
        self.loc = loc


@dataclass(frozen=True)
class Map(Spec):
    """A mapping from free text keys to values of one spec (kept in file order)."""

    value: Spec = field(default_factory=Str)
    description: str = ""
    min_items: int = 0

    def check(self, node: Node, report: Report, name: str) -> Any:
        if node.kind != "map":
            report.error(node.loc, f"{name}: expected a mapping, got {describe(node)}", "type")
            return INVALID
        assert node.pairs is not None
        if len(node.pairs) < self.min_items:
            report.error(
                node.loc, f"{name}: needs at least {self.min_items} entries, has {len(node.pairs)}", "too-few"
            )
        out = Rec(node.loc)
        for key, child in node.pairs:
            if key.kind != "scalar":
                continue  # reported by check_keys
            text = key.raw if key.tag != "str" else str(key.value)
            value = self.value.check(child, report, f"{name}[{text!r}]")
            out[text] = value
            out.locs[text] = key.loc
        return out

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "object", "additionalProperties": self.value.schema()}
        if self.min_items:
            out["minProperties"] = self.min_items
        return self._with_doc(out)


@dataclass(frozen=True)
class AnyOf(Spec):
    """The first option that fits; a single message when none does."""

    options: tuple[Spec, ...] = ()
    description: str = ""
    expected: str = ""

    def check(self, node: Node, report: Report, name: str) -> Any:
        near_miss = None
        for option in self.options:
            scratch = Report(report.path)
            value = option.check(node, scratch, name)
            if not scratch.findings:
                return value
            if near_miss is None and all(f.code != "type" for f in scratch.findings):
                near_miss = scratch  # the right type with a wrong value: its message says more
        if near_miss is not None:
            report.findings.extend(near_miss.findings)
        else:
            report.error(node.loc, f"{name}: expected {self.expected}", "type")
        return INVALID

    def schema(self) -> dict[str, Any]:
        return self._with_doc({"anyOf": [o.schema() for o in self.options]})


@dataclass(frozen=True)
class F:
    """A field of an object."""

    name: str
    spec: Spec
    required: bool = False
    default: Any = None


@dataclass(frozen=True)
class Obj(Spec):
    fields: tuple[F, ...] = ()
    description: str = ""
    title: str = ""

    def by_name(self) -> dict[str, F]:
        return {f.name: f for f in self.fields}

    def check(self, node: Node, report: Report, name: str) -> Any:
        if node.kind != "map":
            report.error(node.loc, f"{name}: expected a mapping, got {describe(node)}", "type")
            return INVALID
        return self.check_pairs(node, report, name, self.by_name())

    def check_pairs(
        self, node: Node, report: Report, name: str, fields: dict[str, F], ignore: tuple[str, ...] = ()
    ) -> Rec:
        assert node.pairs is not None
        out = Rec(node.loc)
        prefix = f"{name}." if name else ""
        for key, child in node.pairs:
            if key.kind != "scalar":
                continue
            key_text = str(key.value) if key.tag == "str" else key.raw
            spec_field = fields.get(key_text)
            if spec_field is None:
                if key_text in ignore:
                    continue
                near = difflib.get_close_matches(key_text, list(fields), n=1, cutoff=0.6)
                hint = f"; did you mean {near[0]!r}?" if near else f" (known: {', '.join(fields)})"
                report.error(key.loc, f"{prefix}{key_text}: unknown key{hint}", "unknown-key")
                continue
            out[key_text] = spec_field.spec.check(child, report, f"{prefix}{key_text}")
            out.locs[key_text] = child.loc
        for spec_field in fields.values():
            if spec_field.name not in out:
                if spec_field.required:
                    where = f" in {name}" if name else ""
                    report.error(node.loc, f"missing required key {spec_field.name!r}{where}", "missing")
                    out[spec_field.name] = INVALID
                else:
                    out[spec_field.name] = spec_field.default
        return out

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": "object",
            "properties": {f.name: f.spec.schema() for f in self.fields},
            "additionalProperties": False,
        }
        required = [f.name for f in self.fields if f.required]
        if required:
            out["required"] = required
        if self.title:
            out["title"] = self.title
        return self._with_doc(out)


@dataclass(frozen=True)
class Tagged(Spec):
    """An object whose `key` field picks the variant that gives its other fields."""

    key: str = "type"
    common: tuple[F, ...] = ()
    variants: tuple[tuple[str, tuple[F, ...]], ...] = ()
    description: str = ""

    def check(self, node: Node, report: Report, name: str) -> Any:
        if node.kind != "map":
            report.error(node.loc, f"{name}: expected a mapping, got {describe(node)}", "type")
            return INVALID
        assert node.pairs is not None
        variants = dict(self.variants)
        key_node = next((v for k, v in node.pairs if k.kind == "scalar" and k.value == self.key), None)
        if key_node is None:
            report.error(
                node.loc, f"{name}: missing required key {self.key!r} ({' | '.join(variants)})", "missing"
            )
            return INVALID
        chosen = Enum(tuple(variants)).check(key_node, report, f"{name}.{self.key}")
        if chosen is INVALID:
            # Still check the common fields, so one run shows every problem.
            fields = {f.name: f for f in self.common}
            extra = (self.key, *sorted({f.name for fs in variants.values() for f in fs}))
            self._obj().check_pairs(node, report, name, fields, ignore=extra)
            return INVALID
        key_field = F(self.key, Enum(tuple(variants)), required=True)
        fields = {f.name: f for f in (key_field, *self.common, *variants[chosen])}
        return self._obj().check_pairs(node, report, name, fields)

    def _obj(self) -> Obj:
        return Obj(self.common)

    def schema(self) -> dict[str, Any]:
        options = []
        for tag, extra in self.variants:
            obj = Obj((*self.common, *extra)).schema()
            obj["properties"][self.key] = {"const": tag}
            obj["title"] = tag
            options.append(obj)
        return self._with_doc({"type": "object", "oneOf": options})
