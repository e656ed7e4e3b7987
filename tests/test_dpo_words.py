"""The record's and the breach kit's wording is clause-library data (FR + EN) that --clauses overrides."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from dpagen import api
from dpagen.clauses import load_library
from dpagen.errors import DpagenError
from dpagen.record.words import phrase

ROOT = Path(__file__).resolve().parents[1]
AVM = ROOT / "examples" / "avm-up.json"
INCIDENT = ROOT / "examples" / "incidents" / "avm-up-sms-leak.json"


def _used(folder: str, pattern: str) -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "dpagen" / folder).glob("*.py"):
        found |= set(re.findall(pattern, path.read_text(encoding="utf-8")))
    return found


def test_every_key_the_code_asks_for_exists_in_both_languages() -> None:
    labels = load_library().labels
    breach = {k.replace(".", "|", 1) for k in _used("incident", r'\.w\("([a-z-]+\.[a-z0-9.-]+)"')}
    breach |= {k.replace(".", "|", 1) for k in _used("incident", r'^\s+\w+\.\w+: "([a-z-]+\.[a-z0-9._-]+)"')}
    assert len(breach) > 80
    for key in breach:
        group, name = key.split("|")
        entry = labels[f"breach-{group}"][name]
        assert (entry.fr.strip() and entry.en.strip() and entry.fr != entry.en) or len(entry.en) < 14, key
    record = _used("record", r'\bw\("([a-z-]+)"')
    assert {"updated-on", "kept-by", "on-behalf-of", "no-transfer"} <= record
    assert all(k in labels["record"] for k in record)
    for path in ("breach", "record"):  # placeholders match between the languages
        data = tomllib.loads((ROOT / "clauses" / path / "_words.toml").read_text(encoding="utf-8"))
        for group in data.values():
            for key, entry in group.items():
                assert set(re.findall(r"{(\w+)}", entry["fr"])) == set(re.findall(r"{(\w+)}", entry["en"])), key


def test_a_legal_team_overrides_the_wording_with_clauses(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    (mine / "breach").mkdir(parents=True)
    (mine / "record").mkdir()
    (mine / "breach" / "_words.toml").write_text(
        '[breach-notices.controller-notice-title]\nfr = "Alerte violation"\nen = "Breach alert for {controller}"\n',
        encoding="utf-8")
    (mine / "record" / "_words.toml").write_text(
        '[record.column-security]\nfr = "Sécurité (art. 32)"\nen = "Safeguards (Art. 32)"\n', encoding="utf-8")
    out = tmp_path / "out"
    breach = api.generate(AVM, api.Request(documents=["breach-controller-notice"], formats=["md"], language="en",
                                           out_dir=out, incident=INCIDENT, clause_dirs=[mine]))
    assert breach.status == "written", breach.error
    assert "# Breach alert for Cabinet Martin" in breach.written[0].read_text(encoding="utf-8")
    record = api.generate(AVM, api.Request(documents=["record"], formats=["md"], language="fr", out_dir=out,
                                           clause_dirs=[mine]))
    assert record.status == "written", record.error
    assert "Sécurité (art. 32)" in record.written[0].read_text(encoding="utf-8")


def test_a_placeholder_is_a_plain_name_and_an_unknown_one_is_an_error() -> None:
    lexicon = {"g": {"ok": "Hello {name}", "bad": "{name.__class__}", "odd": "{who}"}}
    assert phrase(lexicon, "g", "ok", name="Ann") == "Hello Ann"
    for key in ("bad", "odd"):
        with pytest.raises(DpagenError, match=f"wording \\[g\\] '{key}'"):
            phrase(lexicon, "g", key, name="Ann")
    with pytest.raises(DpagenError, match="no wording"):
        phrase(lexicon, "g", "missing")
