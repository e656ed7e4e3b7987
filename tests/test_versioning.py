"""Version discipline: `check --since` warnings, and the dated history in the charter and the list."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES
from dpagen.build import build
from dpagen.cli import main
from dpagen.io import validate
from dpagen.versioning import version_warnings


def _data() -> dict[str, Any]:
    return json.loads((EXAMPLES / "avm-up.json").read_text(encoding="utf-8"))


def test_changed_documents_need_a_new_version_and_date() -> None:
    old = _data()
    new = _data()
    new["breach"]["notice_hours"] = 24
    warnings = version_warnings(validate(old), validate(new))
    assert [w.split(":")[0] for w in warnings] == ["document.version", "document.last_update"]
    new["document"].update(version="3.1", last_update="2027-01-15",
                           history=[{"version": "3.0", "date": "2026-11-25"}])
    assert [w.split(":")[0] for w in version_warnings(validate(old), validate(new))] == ["document.history"]
    new["document"]["history"].append({"version": "3.1", "date": "2027-01-15", "changes": "breach notice 24 h"})
    assert version_warnings(validate(old), validate(new)) == []
    assert version_warnings(validate(old), validate(old)) == []  # nothing changed: nothing to say


def test_check_since_prints_the_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = _data()
    new["breach"]["notice_hours"] = 24
    path = tmp_path / "new.json"
    path.write_text(json.dumps(new), encoding="utf-8")
    main(["check", str(path), "--since", str(EXAMPLES / "avm-up.json")])
    err = capsys.readouterr().err
    assert f"{path}: warning: document.version: still 3.0" in err


@pytest.mark.parametrize(("document", "language", "title"), [
    ("subprocessors", "fr", "Historique des versions"), ("processor-charter", "en", "Version history"),
])
def test_history_is_printed_when_kept(document: str, language: str, title: str) -> None:
    data = _data()
    assert title not in build(validate(data), document, language=language, draft=True).text()
    data["document"]["history"] = [{"version": "2.0", "date": "2024-02-29", "changes": "First published"},
                                   {"version": "3.0", "date": "2026-11-25"}]
    text = build(validate(data), document, language=language, draft=True).text()
    assert title in text
    assert ("29 février 2024" if language == "fr" else "29 February 2024") in text
    assert "2.0 | " in text and "First published" in text and "3.0 | " in text
