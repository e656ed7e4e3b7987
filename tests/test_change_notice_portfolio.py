"""The change notice over a folder of clients: one letter per client the change touches, each with its own
periods, regime and language; the others listed as not affected; the report matches the files on disk."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES
from dpagen.cli import main

PORTFOLIO = EXAMPLES / "portfolio"
NOTICE = dt.date(2027, 2, 1)
MAILVAULT = {
    "name": "Mailvault",
    "entity": "Mailvault SAS",
    "address": {"street": "9 rue des Petites-Écuries", "postal_code": "75010", "city": "Paris", "country": "FR"},
    "contact": {"name": "Lina Roux", "title": "DPO", "email": "dpo@mailvault.example"},
    "country": "FR",
    "activity": "envoi des courriels transactionnels",
    "data_locations": ["FR", "DE"],
}
MONTHS = {
    "en": ["January", "February", "March", "April"],
    "fr": ["janvier", "février", "mars", "avril"],
}


def _said(day: dt.date, language: str) -> str:
    """A date as the letters write it (these fall in the first four months, never on the 1st)."""
    return f"{day.day} {MONTHS[language][day.month - 1]} {day.year}"


def _write(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _client(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PORTFOLIO / "clients" / f"{name}.json").read_text(encoding="utf-8"))
    data.pop("$schema", None)
    return data


def _portfolio(root: Path) -> dict[str, Any]:
    """root/old/avm-up-profile.json (as it was), root/avm-up-profile.json (Mailvault added), root/clients/:
    Brightwater (English, general, 30/15 days), Imprimerie Dubois (French, specific, 45/21 days), and
    Cabinet Martin, which negotiated its own list of subprocessors."""
    profile = json.loads((PORTFOLIO / "avm-up-profile.json").read_text(encoding="utf-8"))
    _write(root / "old" / "avm-up-profile.json", profile)
    new = copy.deepcopy(profile)
    new["subprocessors"].append(MAILVAULT)
    new["translations"]["en"]["envoi des courriels transactionnels"] = "sending transactional e-mails"
    _write(root / "avm-up-profile.json", new)
    dubois = _client("imprimerie-dubois")
    dubois["subprocessor_policy"] = {"regime": "specific", "notice_days": 45, "objection_days": 21}
    martin = _client("cabinet-martin")
    martin["subprocessors"] = profile["subprocessors"]
    _write(root / "clients" / "brightwater-logistics.json", _client("brightwater-logistics"))
    _write(root / "clients" / "imprimerie-dubois.json", dubois)
    _write(root / "clients" / "cabinet-martin.json", martin)
    return profile


def _docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(io.BytesIO(path.read_bytes()))
    parts = [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return " ".join(" ".join(parts).split())


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    root = tmp_path_factory.mktemp("portfolio-notice")
    _portfolio(root)
    result = subprocess.run(
        [sys.executable, "-m", "dpagen", "generate", str(root / "clients"), "--doc", "change-notice",
         "--since", str(root / "old" / "avm-up-profile.json"), "--date", NOTICE.isoformat(),
         "--format", "docx,pdf", "--out", str(root / "out"), "--report", str(root / "report.json"), "--jobs", "2"],
        capture_output=True, text=True, timeout=600,
    )
    return result, root


def test_two_clients_notified_one_not_affected(run: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    result, root = run
    assert result.returncode == 0, result.stderr
    notice = json.loads((root / "report.json").read_text(encoding="utf-8"))["change_notice"]
    assert notice["since_is"] == "profile"
    notified = {Path(e["description"]).stem: e for e in notice["notified"]}
    assert sorted(notified) == ["brightwater-logistics", "imprimerie-dubois"]
    (martin,) = notice["not_affected"]
    assert Path(martin["description"]).stem == "cabinet-martin"
    assert "subprocessors" in martin["reason"] and martin["controller"] == "Cabinet Martin & Associés"
    bright, dubois = notified["brightwater-logistics"], notified["imprimerie-dubois"]
    assert (bright["language"], bright["regime"], bright["deadline_for"]) == ("en", "general", "objection")
    assert bright["deadline"] == (NOTICE + dt.timedelta(days=15)).isoformat()
    assert bright["effective"] == (NOTICE + dt.timedelta(days=30)).isoformat()
    assert (dubois["language"], dubois["regime"], dubois["deadline_for"]) == ("fr", "specific", "authorisation")
    assert dubois["deadline"] == (NOTICE + dt.timedelta(days=21)).isoformat()
    assert dubois["effective"] == (NOTICE + dt.timedelta(days=45)).isoformat()
    assert all(e["announces"] == "+ Mailvault" for e in notified.values())
    # the summary table on stderr says the same
    rows = {line.split()[0]: line for line in result.stderr.splitlines() if line.startswith(tuple(
        f"{n}.json" for n in ("brightwater-logistics", "imprimerie-dubois", "cabinet-martin")))
        and ("yes" in line.split() or "not affected" in line)}
    assert "not affected" in rows["cabinet-martin.json"]
    assert f"{dubois['deadline']} (authorisation)" in rows["imprimerie-dubois.json"]
    assert f"{bright['deadline']} (objection)" in rows["brightwater-logistics.json"]


def test_report_matches_the_files_on_disk(run: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    _, root = run
    report = json.loads((root / "report.json").read_text(encoding="utf-8"))
    listed = {Path(f) for e in report["change_notice"]["notified"] for f in e["files"]}
    on_disk = {p for p in (root / "out").rglob("*") if p.is_file()}
    assert listed == on_disk and len(on_disk) == 4
    assert not (root / "out" / "cabinet-martin").exists() or not any((root / "out" / "cabinet-martin").iterdir())
    assert report["totals"]["files_written"] == 4


@pytest.mark.parametrize("reader", [_docx_text, _pdf_text], ids=["docx", "pdf"])
def test_each_letter_states_its_clients_own_deadline(run: tuple[subprocess.CompletedProcess[str], Path],
                                                     reader: Any) -> None:
    _, root = run
    suffix = ".docx" if reader is _docx_text else ".pdf"
    (bright,) = (root / "out" / "brightwater-logistics").glob(f"*-en{suffix}")
    (dubois,) = (root / "out" / "imprimerie-dubois").glob(f"*-fr{suffix}")
    text = reader(bright)
    for fact in ("Mailvault", "sending transactional e-mails", "Brightwater Logistics GmbH", "If you object",
                 _said(NOTICE + dt.timedelta(days=15), "en"), _said(NOTICE + dt.timedelta(days=30), "en")):
        assert fact in text, fact
    assert _said(NOTICE + dt.timedelta(days=21), "en") not in text
    text = reader(dubois)
    for fact in ("Mailvault", "envoi des courriels transactionnels", "Imprimerie Dubois", "autorisation écrite",
                 "Formulaire de réponse", _said(NOTICE + dt.timedelta(days=21), "fr"),
                 _said(NOTICE + dt.timedelta(days=45), "fr")):
        assert fact in text, fact
    assert _said(NOTICE + dt.timedelta(days=15), "fr") not in text


def test_old_folder_matched_by_file_name_and_a_new_client(tmp_path: Path) -> None:
    """--since a folder of the clients' previous descriptions; a client with none there is new."""
    _portfolio(tmp_path)
    for path in (tmp_path / "clients").glob("*.json"):
        _write(tmp_path / "old" / "clients" / path.name, json.loads(path.read_text(encoding="utf-8")))
    newcomer = _client("brightwater-logistics")
    newcomer["controller"]["legal_name"] = "Newco GmbH"
    _write(tmp_path / "clients" / "newco.json", newcomer)
    code = main(["generate", str(tmp_path / "clients"), "--doc", "change-notice", "--since",
                 str(tmp_path / "old" / "clients"), "--date", NOTICE.isoformat(), "--format", "md", "--jobs", "1",
                 "--out", str(tmp_path / "out"), "--report", str(tmp_path / "report.json")])
    assert code == 0
    notice = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["change_notice"]
    assert notice["since_is"] == "folder"
    assert sorted(Path(e["description"]).stem for e in notice["notified"]) == ["brightwater-logistics",
                                                                                "imprimerie-dubois"]
    reasons = {Path(e["description"]).stem: e["reason"] for e in notice["not_affected"]}
    assert sorted(reasons) == ["cabinet-martin", "newco"]
    assert "new client" in reasons["newco"]
    letter = next((tmp_path / "out" / "brightwater-logistics").glob("*.md")).read_text(encoding="utf-8")
    assert "Mailvault" in letter and '"role":"since"' in letter and "brightwater-logistics.json" in letter


def test_the_shipped_intended_profile(tmp_path: Path) -> None:
    """The README's example: the clients as they are, and the profile they are to extend (--profile)."""
    code = main(["generate", str(PORTFOLIO / "clients"), "--doc", "change-notice", "--since",
                 str(PORTFOLIO / "avm-up-profile.json"), "--profile",
                 str(PORTFOLIO / "changes" / "avm-up-profile-2027.json"), "--date", NOTICE.isoformat(),
                 "--format", "md", "--jobs", "1", "--out", str(tmp_path / "out"),
                 "--report", str(tmp_path / "report.json")])
    assert code == 0
    notified = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["change_notice"]["notified"]
    assert len(notified) == 3 and all(e["announces"].startswith("+ Supportly") for e in notified)
    periods = {Path(e["description"]).stem: e["notice_days"] for e in notified}
    assert periods["imprimerie-dubois"] == 45 and periods["cabinet-martin"] == 30
    letter = next((tmp_path / "out" / "brightwater-logistics").glob("*-en.md")).read_text(encoding="utf-8")
    assert "Supportly Ltd" in letter and "adequacy decision" in letter


def test_one_old_description_for_several_clients_is_refused(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["generate", str(PORTFOLIO / "clients"), "--doc", "change-notice", "--since",
                 str(EXAMPLES / "avm-up.json"), "--format", "md", "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and "old version of the profile" in err and "Traceback" not in err
    assert not any(tmp_path.iterdir())
