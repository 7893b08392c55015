"""Safe YAML reading with positions.

PyYAML's (C) parser turns text into events; we compose the node tree ourselves
so every node keeps its line and column, and so the rules of our content hold
at the lowest level: no anchors or aliases (an alias bomb never expands), no
tags beyond `!!str`, no duplicate keys, no control characters, bounded size
and depth. Nothing is ever constructed from a tag, so no code can run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.resolver import Resolver

from tui.content.findings import Loc, Report

try:  # the C parser is much faster; the pure one behaves the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_MAX_DEPTH = 64

# Tab, newline and carriage return are text; every other C0/C1 control, DEL and
# the bidirectional overrides (which make text display differently from what
# it says) are not.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ALLOWED_TAGS = {None, "!", "tag:yaml.org,2002:str"}

Scalar = str | int | float | bool | None


@dataclass(slots=True, eq=False)
class Node:
    """A composed YAML node: a scalar, a sequence of nodes or a mapping of nodes."""

    kind: str  # "scalar" | "seq" | "map"
    loc: Loc
    value: Scalar = None
    items: list[Node] | None = None
    pairs: list[tuple[Node, Node]] | None = None
    # For scalars: how YAML typed it ("str", "int", "float", "bool", "null",
    # "timestamp") and whether it was written quoted.
    tag: str = "str"
    quoted: bool = False
    raw: str = ""


def describe(node: Node) -> str:
    """Name a node's YAML type the way a teacher would understand it."""
    if node.kind == "seq":
        return "a list"
    if node.kind == "map":
        return "a mapping"
    return {
        "str": "text",
        "int": "a whole number",
        "float": "a number",
        "bool": "a boolean",
        "null": "empty (null)",
        "timestamp": "a date",
    }[node.tag]


def _resolve_plain(value: str) -> str:
    """The YAML 1.1 type of a plain (unquoted) scalar, as PyYAML's safe loader sees it."""
    resolvers = Resolver.yaml_implicit_resolvers.get(value[:1] if value else "", [])
    for tag, regexp in resolvers:
        if regexp.match(value):
            return str(tag).rsplit(":", 1)[-1]
    return "str"


def _to_int(text: str) -> int:
    text = text.replace("_", "")
    sign = -1 if text.startswith("-") else 1
    if text[:1] in "+-":
        text = text[1:]
    if text == "0":
        return 0
    if text.startswith("0b"):
        return sign * int(text[2:], 2)
    if text.startswith("0x"):
        return sign * int(text[2:], 16)
    if text.startswith("0") and ":" not in text:
        return sign * int(text, 8)
    if ":" in text:
        total = 0
        for part in text.split(":"):
            total = total * 60 + int(part)
        return sign * total
    return sign * int(text)


def _to_float(text: str) -> float:
    text = text.replace("_", "").lower()
    sign = -1.0 if text.startswith("-") else 1.0
    if text[:1] in "+-":
        text = text[1:]
    if text == ".inf":
        return sign * float("inf")
    if text == ".nan":
        return float("nan")
    if ":" in text:
        total = 0.0
        for part in text.split(":"):
            total = total * 60 + float(part)
        return sign * total
    return sign * float(text)


def _scalar_value(tag: str, raw: str) -> Scalar:
    if tag == "null":
        return None
    if tag == "bool":
        return raw.lower() in ("yes", "true", "on", "y")
    if tag == "int":
        return _to_int(raw)
    if tag == "float":
        return _to_float(raw)
    return raw


def _line_col(text: str, index: int) -> Loc:
    line = text.count("\n", 0, index) + 1
    start = text.rfind("\n", 0, index) + 1
    return Loc(line, index - start + 1)


def read_text(path: Path, report: Report, max_bytes: int = DEFAULT_MAX_BYTES) -> str | None:
    """Read a file as UTF-8 text within the size cap, reporting why when it cannot be."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            report.error(Loc(), f"file is {size:,} bytes, over the {max_bytes:,}-byte limit", "too-large")
            return None
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        report.error(Loc(), f"cannot read file: {exc.strerror or exc}", "unreadable")
        return None
    if len(data) > max_bytes:  # grew while we looked, or a special file
        report.error(Loc(), f"file is over the {max_bytes:,}-byte limit", "too-large")
        return None
    return decode(data, report)


def decode(data: bytes, report: Report) -> str | None:
    """UTF-8 (with or without a BOM) to text; binary data is named as such."""
    if b"\x00" in data:
        prefix = data[: data.index(b"\x00")].decode("utf-8", "replace")
        report.error(
            _line_col(prefix, len(prefix)),
            "file contains NUL bytes: this is binary data, not YAML text",
            "binary",
        )
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        prefix = data[: exc.start].decode("utf-8", "replace")
        report.error(
            _line_col(prefix, len(prefix)),
            f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
            "encoding",
        )
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def compose(text: str, report: Report, max_depth: int = DEFAULT_MAX_DEPTH) -> Node | None:
    """Compose one YAML document into a Node tree, reporting every rule broken.

    Returns None when nothing usable was read (a syntax error, an empty file).
    """
    for match in _BAD_CHARS.finditer(text):
        report.error(
            _line_col(text, match.start()),
            f"control character U+{ord(match.group()):04X} is not allowed",
            "control-char",
        )
    if report.findings:
        # Blank them out so the parser can go on and report the rest.
        text = _BAD_CHARS.sub(" ", text)
    loader = _Loader(text)
    try:
        return _compose_events(loader, report, max_depth)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = Loc(mark.line + 1, mark.column + 1) if mark else Loc()
        problem = exc.problem or exc.context or "invalid YAML"
        if "nesting depth" in problem:  # libyaml's own cap, met before ours in flow style
            report.error(loc, f"nesting is deeper than {max_depth} levels", "too-deep")
        else:
            report.error(loc, f"YAML syntax: {problem}", "syntax")
        return None
    except yaml.YAMLError as exc:  # reader errors carry a character index
        position = getattr(exc, "position", 0)
        reason = getattr(exc, "reason", str(exc))
        report.error(_line_col(text, position), f"YAML syntax: {reason}", "syntax")
        return None
    finally:
        loader.dispose()


def _compose_events(loader: _Loader, report: Report, max_depth: int) -> Node | None:
    # An explicit stack instead of recursion: 5,000-deep nesting must not
    # exhaust the Python stack.
    root: Node | None = None
    stack: list[tuple[Node, list[Node]]] = []  # (container, pending key for maps)
    skip_depth = 0  # > 0 while inside a subtree deeper than max_depth
    documents = 0
    get_event = loader.get_event
    check_event = loader.check_event
    while check_event():
        event: Any = get_event()
        cls = type(event)
        if cls is yaml.StreamStartEvent or cls is yaml.StreamEndEvent or cls is yaml.DocumentEndEvent:
            continue
        mark = event.start_mark
        loc = Loc(mark.line + 1, mark.column + 1)
        if cls is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                report.error(loc, "only one YAML document per file (remove the second '---')", "multi-doc")
                return root
            continue
        if skip_depth:
            if cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent:
                skip_depth += 1
            elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
                skip_depth -= 1
                if skip_depth == 0:
                    _attach(stack, Node("scalar", loc, None, tag="null"))
            continue
        if cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
            node, _ = stack.pop()
            if not stack:
                root = node
            else:
                _attach(stack, node)
            continue
        if cls is yaml.AliasEvent:
            report.error(loc, f"aliases (*{event.anchor}) are not allowed: write the value out", "alias")
            _attach(stack, Node("scalar", loc, None, tag="null"))
            continue
        if event.anchor is not None:
            report.error(
                loc, f"anchors (&{event.anchor}) are not allowed: write values out in full", "anchor"
            )
        tag = event.tag
        if tag not in _ALLOWED_TAGS:
            report.error(loc, f"tag {tag!r} is not allowed (only plain YAML values are read)", "tag")
        if cls is yaml.ScalarEvent:
            raw = event.value
            bad = _BAD_CHARS.search(raw)
            if bad and event.style not in (None, ""):
                report.error(
                    loc, f"escaped control character U+{ord(bad.group()):04X} is not allowed", "control-char"
                )
            plain = event.implicit[0] and tag in (None, "!") and event.style in (None, "")
            kind = _resolve_plain(raw) if plain else "str"
            try:
                value = _scalar_value(kind, raw)
            except (ValueError, OverflowError):
                kind, value = "str", raw
            node = Node("scalar", loc, value, tag=kind, quoted=not plain, raw=raw)
            if not stack:
                return node
            _attach(stack, node)
            continue
        # A collection starts.
        if len(stack) >= max_depth:
            report.error(loc, f"nesting is deeper than {max_depth} levels", "too-deep")
            skip_depth = 1
            continue
        if cls is yaml.MappingStartEvent:
            stack.append((Node("map", loc, pairs=[]), []))
        else:
            stack.append((Node("seq", loc, items=[]), []))
    return root


def _attach(stack: list[tuple[Node, list[Node]]], node: Node) -> None:
    if not stack:  # a bare alias or a skipped subtree as the whole document: already reported
        return
    parent, pending = stack[-1]
    if parent.items is not None:
        parent.items.append(node)
    elif pending:
        assert parent.pairs is not None
        parent.pairs.append((pending.pop(), node))
    else:
        pending.append(node)


def check_keys(node: Node, report: Report) -> None:
    """Report duplicate and non-text keys in every mapping under node."""
    todo = [node]
    while todo:
        current = todo.pop()
        if current.kind == "seq":
            assert current.items is not None
            todo.extend(current.items)
        elif current.kind == "map":
            assert current.pairs is not None
            seen: dict[object, Loc] = {}
            for key, value in current.pairs:
                todo.append(value)
                if key.kind != "scalar":
                    report.error(key.loc, "mapping keys must be plain text", "bad-key")
                    continue
                ident = (key.tag, key.value) if key.tag != "str" else ("str", key.value)
                first = seen.get(ident)
                if first is not None:
                    report.error(
                        key.loc, f"duplicate key {key.raw!r} (first at line {first.line})", "duplicate-key"
                    )
                else:
                    seen[ident] = key.loc
