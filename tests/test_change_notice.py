"""The change notice: dates from the client's periods, and every fact stated in DOCX and PDF, FR and EN."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES
from dpagen.change_notice import notice_dates
from dpagen.cli import main
from dpagen.errors import UsageError
from dpagen.generate import Request, generate
from dpagen.io import validate
from dpagen.periods import add_period

BREVO = {
    "name": "Brevo",
    "entity": "Sendinblue SAS",
    "country": "FR",
    "activity": "envoi des courriels",
    "data_locations": ["DE"],
    "address": {"street": "106 boulevard Haussmann", "postal_code": "75008", "city": "Paris", "country": "FR"},
}


def _data(regime: str = "general", **policy: Any) -> dict[str, Any]:
    data = json.loads((EXAMPLES / "avm-up.json").read_text(encoding="utf-8"))
    data["subprocessor_policy"].update(regime=regime, **policy)
    for sub in data["subprocessors"]:
        sub.setdefault("address", {"street": "1 rue du Port", "postal_code": "69002", "city": "Lyon", "country": "FR"})
    return data


def _pair(regime: str = "general", **policy: Any) -> tuple[Any, Any]:
    old = _data(regime, **policy)
    new = _data(regime, **policy)
    new["subprocessors"].append(BREVO)
    new["translations"] = {"en": {"envoi des courriels": "sending e-mails"}}
    return validate(old), validate(new)


@pytest.mark.parametrize(
    ("start", "value", "unit", "expected"),
    [
        ("2028-02-15", 30, "days", "2028-03-16"),  # leap year: February has 29 days
        ("2027-02-15", 30, "days", "2027-03-17"),
        ("2028-01-31", 1, "months", "2028-02-29"),
        ("2027-01-31", 1, "months", "2027-02-28"),
        ("2026-12-31", 2, "months", "2027-02-28"),
        ("2028-02-29", 1, "years", "2029-02-28"),
        ("2026-11-30", 3, "months", "2027-02-28"),
    ],
)
def test_periods_month_ends_and_leap_years(start: str, value: int, unit: str, expected: str) -> None:
    assert add_period(dt.date.fromisoformat(start), value, unit) == dt.date.fromisoformat(expected)


def test_each_client_its_own_periods() -> None:
    _, short = _pair(notice_days=10, objection_days=20)
    dates = notice_dates(short, dt.date(2028, 2, 20))
    assert dates.deadline == dt.date(2028, 3, 11)
    assert dates.effective == dt.date(2028, 3, 11)  # never before the time to object runs out
    _, long = _pair(notice_days=30, objection_days=15)
    dates = notice_dates(long, dt.date(2027, 12, 31))
    assert (dates.deadline, dates.effective) == (dt.date(2028, 1, 15), dt.date(2028, 1, 30))


def _docx_text(data: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture(scope="module", params=["fr", "en"])
def letters(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, str]]:
    old, new = _pair()
    out = tmp_path_factory.mktemp(f"notice-{request.param}")
    paths = generate(new, Request(documents=["change-notice"], formats=["docx", "pdf"], language=request.param,
                                  out_dir=out, since=old, notice_date=dt.date(2028, 2, 15)))
    texts = {p.suffix: (_docx_text if p.suffix == ".docx" else _pdf_text)(p.read_bytes()) for p in paths}
    return request.param, texts


FACTS = {
    "fr": ["Brevo", "Sendinblue SAS", "106 boulevard Haussmann", "75008 Paris", "envoi des courriels",
           "Données d'identification", "Allemagne", "aucun transfert hors de l'Espace économique européen",
           "15 février 2028", "16 mars 2028", "1er mars 2028", "dpo@avmup.example", "article 11",
           "annexe IV", "vous vous y opposez", "sans indemnité", "30 jours", "15 jours"],
    "en": ["Brevo", "Sendinblue SAS", "106 boulevard Haussmann", "75008 Paris", "sending e-mails",
           "Données d'identification", "Germany", "no transfer outside the European Economic Area",
           "15 February 2028", "16 March 2028", "1 March 2028", "dpo@avmup.example", "Clause 11",
           "Annex IV", "If you object", "without compensation", "30 days", "15 days"],
}


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_notice_states_every_fact(letters: tuple[str, dict[str, str]], suffix: str) -> None:
    language, texts = letters
    text = " ".join(texts[suffix].split())
    missing = [fact for fact in FACTS[language] if fact not in text]
    assert not missing, missing


def test_specific_regime_asks_for_authorisation_with_a_reply_form(tmp_path: Path) -> None:
    old, new = _pair("specific")
    paths = generate(new, Request(documents=["change-notice"], formats=["md", "html"], language="en",
                                  out_dir=tmp_path, since=old, notice_date=dt.date(2028, 2, 15)))
    md = next(p for p in paths if p.suffix == ".md").read_text(encoding="utf-8")
    assert "Request for prior written authorisation" in md
    assert "Reply form" in md and "does not authorise" in md
    assert "treated as refused" in md and "right to object" not in md
    assert "Clause 11" in md
    assert "Brevo" in next(p for p in paths if p.suffix == ".html").read_text(encoding="utf-8")


def test_nothing_to_announce_is_refused(avm_up: Any) -> None:
    from dpagen.change_notice import build_notice
    from dpagen.clauses import load_library

    changed = validate({**json.loads((EXAMPLES / "avm-up.json").read_text(encoding="utf-8")),
                        "breach": {"notice_hours": 24}})
    with pytest.raises(UsageError, match="nothing that changed"):
        build_notice(changed, avm_up, library=load_library([]), notice_date=dt.date(2028, 1, 1))


def test_cli_needs_since_and_a_valid_date(tmp_path: Path) -> None:
    desc = str(EXAMPLES / "avm-up.json")
    assert main(["generate", desc, "--doc", "change-notice", "--format", "md", "--out", str(tmp_path)]) == 2
    assert main(["generate", desc, "--doc", "change-notice", "--since", desc, "--date", "2028-02-30",
                 "--format", "md", "--out", str(tmp_path)]) == 2
