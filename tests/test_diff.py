"""`dpagen diff`: each kind of change lands in its group with the consequence the regime gives it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES
from dpagen.cli import main
from dpagen.diff import diff
from dpagen.io import to_data, validate


def _base(regime: str = "general") -> dict[str, Any]:
    data = json.loads((EXAMPLES / "avm-up.json").read_text(encoding="utf-8"))
    data["subprocessor_policy"]["regime"] = regime
    return data


def _one(old: dict[str, Any], new: dict[str, Any]) -> Any:
    changes = diff(validate(old), validate(new)).changes
    assert len(changes) == 1, [c.line() for c in changes]
    return changes[0]


NEW_SUB = {"name": "Brevo", "entity": "Sendinblue SAS", "country": "FR", "activity": "e-mail", "data_locations": ["DE"]}


@pytest.mark.parametrize(("regime", "expected"), [("general", "prior-notice"), ("specific", "prior-authorisation")])
def test_subprocessor_added_changed_removed(regime: str, expected: str) -> None:
    old = _base(regime)
    new = _base(regime)
    new["subprocessors"].append(NEW_SUB)
    added = _one(old, new)
    assert (added.group, added.action, added.item, added.consequence) == ("subprocessors", "added", "Brevo", expected)

    for field, value in (("data_locations", ["US"]), ("activity", "backups"), ("entity", "Other SAS"),
                         ("transfer", {"mechanism": "scc", "scc_module": "module_3"})):
        moved = _base(regime)
        moved["subprocessors"][0][field] = value
        change = _one(old, moved)
        assert (change.action, change.fields, change.consequence) == ("changed", [field], expected)

    contact = _base(regime)
    contact["subprocessors"][0]["contact"] = {"email": "support@example.com"}
    assert _one(old, contact).consequence == "information"

    gone = _base(regime)
    gone["subprocessors"].pop(0)
    change = _one(old, gone)
    assert (change.action, change.consequence) == ("removed", "information")


def test_contract_terms_parties_hosting_and_document() -> None:
    old = _base()
    cases = [
        (("breach", "notice_hours"), 24, "breach", "amendment"),
        (("audits", "max_per_year"), 2, "audits", "amendment"),
        (("end_of_contract", "delay_days"), 60, "end of contract", "amendment"),
        (("contract", "jurisdiction"), "Tribunal de commerce de Paris", "contract terms", "amendment"),
        (("controller", "legal_name"), "Martin Avocats", "parties", "amendment"),
        (("controller", "phone"), "+33 4 78 99 11 22", "parties", "information"),
        (("document", "version"), "9.0", "document", "information"),
    ]
    for (top, key), value, group, consequence in cases:
        new = _base()
        new[top][key] = value
        change = _one(old, new)
        assert (change.group, change.consequence) == (group, consequence), (top, key)

    new = _base()
    new["security_measures"].append({"category": "TOM-01", "description": "Disk encryption everywhere"})
    assert (_one(old, new).group, _one(old, new).consequence) == ("security measures", "amendment")

    new = _base()
    site = {"provider": "AWS", "country": "US", "transfer": {"mechanism": "adequacy", "dpf_certified": True}}
    new["hosting"]["sites"].append(site)
    change = _one(old, new)
    assert (change.group, change.consequence) == ("hosting and transfers", "prior-notice")


def test_same_description_is_no_change(avm_up: Any) -> None:
    assert not diff(avm_up, validate(to_data(avm_up))).changed


def test_cli_exit_status_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = EXAMPLES / "avm-up.json"
    new = _base()
    new["subprocessors"].append(NEW_SUB)
    new_path = tmp_path / "new.json"
    new_path.write_text(json.dumps(new), encoding="utf-8")
    assert main(["diff", str(old), str(old)]) == 0
    assert "no change" in capsys.readouterr().out
    assert main(["diff", str(old), str(new_path), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["changed"] and report["regime"] == "general"
    assert [(c["group"], c["item"], c["consequence"]) for c in report["changes"]] == [
        ("subprocessors", "Brevo", "prior-notice")
    ]
    assert main(["diff", str(old), str(new_path), "--lang", "fr"]) == 1
    assert "information préalable avec droit d'opposition" in capsys.readouterr().out
    assert main(["diff", str(old), str(tmp_path / "missing.json")]) == 2
