"""Loading and saving descriptions: round trips, stable output, atomic writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import example_paths
from dpagen.errors import DescriptionError, OutputError
from dpagen.io import dumps, load, parse, save


def test_round_trip_keeps_accents_and_special_text(tmp_path: Path) -> None:
    text = json.dumps(
        {"processor": {"legal_name": "Dupont & Fils « Ça » <SARL> {{ 7*7 }}"}, "breach": {"notice_hours": None}},
        ensure_ascii=False,
    )
    first = parse(text)
    path = save(first, tmp_path / "d.json")
    raw = path.read_text(encoding="utf-8")
    assert "Dupont & Fils « Ça » <SARL> {{ 7*7 }}" in raw  # UTF-8, not \\u escapes
    second = load(path)
    assert second == first
    assert second.breach.notice_hours is None  # an explicit null over a default survives
    assert dumps(second) == raw


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.stem)
def test_examples_dump_stably(path: Path) -> None:
    once = dumps(load(path))
    assert dumps(parse(once)) == once


def test_key_order_follows_the_model() -> None:
    from dpagen.model import Description

    keys = list(json.loads(dumps(parse("{}"))).keys())
    fields = [f.alias or name for name, f in Description.model_fields.items()]
    assert keys == [k for k in fields if k in keys]
    assert keys[:2] == ["schema_version", "document"]


def test_save_refuses_to_replace_without_force(tmp_path: Path) -> None:
    target = tmp_path / "d.json"
    target.write_text("original", encoding="utf-8")
    with pytest.raises(OutputError, match="already exists"):
        save(parse("{}"), target, force=False)
    assert target.read_text(encoding="utf-8") == "original"
    assert not [p for p in tmp_path.iterdir() if p.name != "d.json"]  # no temporary file left behind


def test_non_object_and_non_utf8(tmp_path: Path) -> None:
    with pytest.raises(DescriptionError, match="JSON object"):
        parse("[1, 2]")
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"processor": {"legal_name": "Société"}}'.encode("latin-1"))
    with pytest.raises(DescriptionError, match="not UTF-8"):
        load(latin)


def test_written_files_get_the_usual_mode(tmp_path: Path) -> None:
    import os

    umask = os.umask(0o022)
    try:
        path = save(parse("{}"), tmp_path / "d.json")
    finally:
        os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o644


def test_format_errors_say_what_is_expected_in_words() -> None:
    with pytest.raises(DescriptionError) as info:
        parse('{"processor": {"registration": {"siren": "12"}, "phone": "abc"}}')
    details = "\n".join(info.value.details)
    assert "processor.registration.siren: expected 9 digits" in details
    assert "processor.phone: expected a phone number" in details
    assert "pattern" not in details
