"""`dpagen check` run as a real process: exit codes, text table, JSON for CI, the rule list."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, complete_example_paths
from dpagen.rules import RULES, rules_in_order

FLAWED = EXAMPLES / "optipic-flawed.json"
AVM = EXAMPLES / "avm-up.json"


def _dpagen(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).parent / "dpagen"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "dpagen"]
    return subprocess.run(
        [*command, "check", *map(str, args)],
        cwd=cwd, capture_output=True, text=True, timeout=120, check=False,
    )


def test_complete_examples_exit_0() -> None:
    result = _dpagen(*complete_example_paths())
    assert result.returncode == 0, result.stdout + result.stderr
    for path in complete_example_paths():
        assert str(path) in result.stdout
    assert result.stderr == ""


def test_flawed_example_exits_1_with_a_table_grouped_by_section() -> None:
    result = _dpagen(FLAWED, "--lang", "en")
    assert result.returncode == 1, result.stderr
    out = result.stdout
    assert out.splitlines()[0].startswith(f"{FLAWED}: ") and " errors, " in out.splitlines()[0]
    # Section titles appear once each, in the registry's order.
    titles = ["Parties", "Information to people (Arts 13-14)", "Transfers outside the EEA (Chapter V)",
              "Cookies"]
    positions = [out.index(f"\n  {t}") for t in titles]
    assert positions == sorted(positions)
    assert "TRANSFER-CLAIM-CONTRADICTED  cookies[0]" in out
    assert "Art. 33(2)" in out and "BR-DL" in out


def test_language_follows_the_description_unless_lang_is_given() -> None:
    french = _dpagen(FLAWED).stdout
    english = _dpagen(FLAWED, "--lang", "en").stdout
    assert "erreur" in french and "aucun délai" in french.lower()
    assert "No delay is set for reporting breaches" in english and "erreur" not in english


def test_json_output_parses_and_matches_the_exit_code() -> None:
    result = _dpagen(AVM, FLAWED, "--format", "json", "--lang", "en")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["exit_code"] == 1
    by_file = {r["file"]: r for r in data["files"]}
    assert by_file[str(AVM)]["counts"]["error"] == 0
    flawed = by_file[str(FLAWED)]
    assert flawed["counts"]["error"] == sum(1 for f in flawed["findings"] if f["severity"] == "error") > 0
    assert data["counts"]["error"] == flawed["counts"]["error"]
    finding = next(f for f in flawed["findings"] if f["rule"] == "BREACH-DELAY-MISSING")
    assert finding["path"] == "breach.notice_hours" and finding["severity"] == "error"
    assert finding["articles"] and finding["checklist"] and set(finding["messages"]) == {"fr", "en"}
    assert finding["message"] == finding["messages"]["en"]
    assert set(finding["blocks"]) == {"dpa", "processor-charter"}


def test_missing_file_exits_2_and_other_files_are_still_checked() -> None:
    result = _dpagen(AVM, "no-such-file.json")
    assert result.returncode == 2
    assert "no-such-file.json: no such file" in result.stderr
    assert str(AVM) in result.stdout
    assert "Traceback" not in result.stderr


def test_a_directory_exits_2(tmp_path: Path) -> None:
    result = _dpagen(tmp_path)
    assert result.returncode == 2 and "is a directory" in result.stderr


def test_invalid_json_is_unusable_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"controller": ', encoding="utf-8")
    result = _dpagen(bad, "--format", "json")
    assert result.returncode == 2  # issue 3: 2 = unusable input (validate keeps 1 for a model error)
    assert "invalid JSON" in result.stderr
    data = json.loads(result.stdout)
    assert data["files"][0]["unusable"] is True and data["exit_code"] == 2


def test_no_file_is_a_usage_error() -> None:
    result = _dpagen()
    assert result.returncode == 2
    assert "FILE" in result.stderr and result.stdout == ""


def test_rules_lists_every_rule() -> None:
    result = _dpagen("--rules", "--lang", "en")
    assert result.returncode == 0, result.stderr
    for r in RULES:
        assert f"  {r.id}  [{r.severity}]" in result.stdout
        assert r.summary["en"][:40] in result.stdout.replace("\n    ", " ")
    assert "2023/1795" in result.stdout  # the adequacy list, with its decisions


def test_rules_as_json() -> None:
    result = _dpagen("--rules", "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert [r["id"] for r in data["rules"]] == [r.id for r in rules_in_order()]
    assert len(data["rules"]) == len(RULES)
    cookie = next(r for r in data["rules"] if r["id"] == "COOKIE-CONSENT")
    assert cookie["severity"] == "error" and "FR-CK1" in cookie["checklist"]
    assert set(cookie["blocks"]) == {"privacy-notice", "processor-charter"}
    assert data["adequacy"]["countries"]["US"]["date"] == "2023-07-10"


def test_rules_with_a_file_is_a_usage_error() -> None:
    result = _dpagen("--rules", AVM)
    assert result.returncode == 2 and "--rules" in result.stderr


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_file_with_warnings_only_exits_0(tmp_path: Path, fmt: str) -> None:
    data = json.loads(AVM.read_text(encoding="utf-8"))
    data["breach"]["notice_hours"] = 72
    path = tmp_path / "warn.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = _dpagen(path, "--format", fmt, "--lang", "en")
    assert result.returncode == 0, result.stdout
    assert "BREACH-DELAY-LONG" in result.stdout
