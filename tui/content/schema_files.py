"""Write or compare the committed JSON Schema files (`python -m tui.content.schema_files`)."""

from __future__ import annotations

import json
import sys

from tui.content.bundled import _PACKAGE
from tui.content.schema import SCHEMA_FILES, json_schema

REPO = _PACKAGE.parent


def rendered(name: str) -> str:
    return json.dumps(json_schema(name), indent=2) + "\n"


def main() -> int:
    for name, rel in SCHEMA_FILES.items():
        (REPO / rel).write_text(rendered(name), encoding="utf-8")
        print(f"wrote {rel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
