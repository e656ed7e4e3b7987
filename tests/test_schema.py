"""The shipped JSON Schema file is the model's schema."""

from __future__ import annotations

import json

from conftest import ROOT
from dpagen.schema import schema_text

SCHEMA_FILE = ROOT / "schema" / "dpagen.schema.json"


def test_schema_file_is_in_sync_with_the_model() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "schema/dpagen.schema.json is stale: run `dpagen schema --out schema/dpagen.schema.json --force`"
    )


def test_examples_point_editors_to_the_schema() -> None:
    for path in sorted((ROOT / "examples").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data.get("$schema") == "../schema/dpagen.schema.json", path.name
