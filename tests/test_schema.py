"""One schema definition: the committed JSON Schema files must match it and the bundled YAML must name them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from tui.cli import main
from tui.content.bundled import bundled_dirs
from tui.content.loader import content_files
from tui.content.schema import SCHEMA_FILES, json_schema
from tui.content.schema_files import rendered

REPO = Path(__file__).parent.parent
KIND_TO_SCHEMA = {"seed": "seed", "bank": "bank", "motion": "arguments", "format": "format"}


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_committed_schema_matches_generated(name: str) -> None:
    committed = (REPO / SCHEMA_FILES[name]).read_text(encoding="utf-8")
    assert committed == rendered(name), (
        f"{SCHEMA_FILES[name]} drifted from tui/content/schema.py: run python -m tui.content.schema_files"
    )


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema(name))


@pytest.mark.parametrize("name", ["seed", "bank", "arguments", "format"])
def test_schema_command_prints_it(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", name]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema(name)


def _bundled_files() -> list[Path]:
    return list(content_files([d for d in bundled_dirs() if d.exists()]))


def test_bundled_files_name_their_schema_and_validate() -> None:
    files = _bundled_files()
    assert files, "no bundled content found"
    for path in files:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        kind = next(k for k in ("bank", "motion", "format", "seed") if k in data)
        schema_name = KIND_TO_SCHEMA[kind]
        modeline = text.splitlines()[0]
        assert modeline.startswith("# yaml-language-server: $schema="), f"{path}: no schema modeline"
        target = (path.parent / modeline.split("=", 1)[1].strip()).resolve()
        assert target == (REPO / SCHEMA_FILES[schema_name]).resolve(), f"{path}: modeline names {target}"
        jsonschema.validate(data, json_schema(schema_name))
