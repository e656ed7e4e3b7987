"""The JSON Schema of a description, as shipped in ``schema/dpagen.schema.json``."""

from __future__ import annotations

import json

SCHEMA_ID = "https://dpagen.example/schema/dpagen.schema.json"


def schema_text() -> str:
    """The schema as stable, indented JSON text."""
    from .model import Description

    schema = Description.model_json_schema(by_alias=True)
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
