"""The command line run as a subprocess: exit codes, messages, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES

COMMANDS = ["init", "validate", "schema", "check", "generate", "wizard"]


def dpagen(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dpagen", *args], capture_output=True, text=True, cwd=cwd, input=stdin, timeout=120
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = dpagen(command, "--help")
    assert result.returncode == 0
    assert "example:" in result.stdout
    assert f"dpagen {command}" in result.stdout.split("example:")[1]


def test_top_level_help_lists_commands() -> None:
    result = dpagen("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout


def test_validate_accepts_the_examples() -> None:
    result = dpagen("validate", *map(str, sorted(EXAMPLES.glob("*.json"))))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(": valid") == len(list(EXAMPLES.glob("*.json")))


def test_invalid_json_gives_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"processor": {"legal_name": "X",}}', encoding="utf-8")
    result = dpagen("validate", str(bad))
    assert result.returncode == 1
    assert "invalid JSON" in result.stderr
    assert "line 1, column" in result.stderr
    assert "Traceback" not in result.stderr


def test_model_errors_are_listed_at_once_with_paths(tmp_path: Path) -> None:
    data = {
        "document": {"effective_date": "2026-02-30"},
        "subprocessors": [{"name": "A"}, {"name": "B"}, {"name": "C", "country": "XX"}],
        "breach": {"notice_hours": -4},
        "colour": "blue",
    }
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    result = dpagen("validate", str(bad))
    assert result.returncode == 1
    err = result.stderr
    assert "4 problems" in err
    assert "document.effective_date:" in err
    assert "subprocessors[2].country: 'XX' is not an ISO 3166-1 alpha-2 country code" in err
    assert "breach.notice_hours: Input should be greater than or equal to 1 (found -4)" in err
    assert "colour: unknown field" in err
    assert "Traceback" not in err


def test_missing_file_and_directory_exit_2(tmp_path: Path) -> None:
    missing = dpagen("validate", str(tmp_path / "nope.json"))
    assert missing.returncode == 2
    assert "no such file" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
    folder = dpagen("validate", str(tmp_path))
    assert folder.returncode == 2
    assert "is a directory" in folder.stderr


def test_worst_status_wins_across_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    result = dpagen("validate", str(EXAMPLES / "avm-up.json"), str(bad))
    assert result.returncode == 1
    assert "avm-up.json: valid" in result.stdout
    assert "a description is a JSON object" in result.stderr


def test_init_writes_an_example_that_validates(tmp_path: Path) -> None:
    out = tmp_path / "desc.json"
    result = dpagen("init", "--example", "avm-up", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert dpagen("validate", str(out)).returncode == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["processor"]["brand"] == "AVM Up"
    assert "$schema" not in data  # the relative editor pointer of the bundled file would be wrong here


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "desc.json"
    out.write_text("keep me", encoding="utf-8")
    result = dpagen("init", "--out", str(out))
    assert result.returncode == 2
    assert "already exists" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    assert dpagen("init", "--out", str(out), "--force").returncode == 0
    assert out.read_text(encoding="utf-8") != "keep me"


def test_init_unknown_example_lists_the_known_ones() -> None:
    result = dpagen("init", "--example", "nope")
    assert result.returncode == 2
    assert "avm-up" in result.stderr


def test_init_list() -> None:
    result = dpagen("init", "--list")
    assert result.returncode == 0
    assert "avm-up" in result.stdout.split()


def test_schema_is_json_schema_of_the_description() -> None:
    result = dpagen("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "dpagen description"
    assert "breach" in schema["properties"]
    assert schema["additionalProperties"] is False
