"""The record and the breach kit through dpagen.api and the batch: one record per processor, --now, check."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dpagen import api
from dpagen.cli import main
from dpagen.examples import load_example
from dpagen.io import save

ROOT = Path(__file__).resolve().parents[1]
AVM = ROOT / "examples" / "avm-up.json"
INCIDENT = ROOT / "examples" / "incidents" / "avm-up-sms-leak.json"


def _clients(folder: Path) -> Path:
    folder.mkdir()
    save(load_example("avm-up"), folder / "cabinet-martin.json")
    for name in ("Boulangerie Dupont", "Garage Leroy"):
        d = load_example("avm-up").model_copy(deep=True)
        assert d.controller is not None
        d.controller.legal_name, d.controller.brand = name, None
        save(d, folder / f"{name.split()[1].lower()}.json")
    return folder


def _incident(tmp_path: Path, **changes: Any) -> Path:
    data = json.loads(INCIDENT.read_text(encoding="utf-8"))
    data.update(changes)
    path = tmp_path / "incident.json"
    path.write_text(json.dumps({k: v for k, v in data.items() if v is not None}), encoding="utf-8")
    return path


@pytest.mark.parametrize("language", ["fr", "en"])
def test_generate_many_gives_the_processor_one_record_with_a_section_per_client(tmp_path: Path,
                                                                                 language: str) -> None:
    folder = _clients(tmp_path / "clients")
    request = api.Request(documents=["record"], formats=["md"], language=language, out_dir=tmp_path / "out")
    outcomes = list(api.generate_many(sorted(folder.glob("*.json")), request))
    assert len(outcomes) == 1 and outcomes[0].status == "written"
    [record] = outcomes[0].written
    assert record.parent == tmp_path / "out"  # one file for the processor, not one folder per client
    text = record.read_text(encoding="utf-8")
    word = "Pour le compte de" if language == "fr" else "On behalf of"
    for client in ("Boulangerie Dupont", "Cabinet Martin", "Garage Leroy"):
        assert f"{word} {client}" in text
    assert "30.2" in text if language == "fr" else "Article 30(2)" in text
    assert {Path(s.path).name for s in outcomes[0].sources} >= {"cabinet-martin.json", "dupont.json", "leroy.json"}


def test_a_final_record_is_refused_with_each_path_and_letter_a_draft_shows_blanks(tmp_path: Path) -> None:
    flawed = ROOT / "examples" / "optipic-flawed.json"
    final = api.generate(flawed, api.Request(documents=["record"], formats=["md"], out_dir=tmp_path))
    assert final.status == "refused" and not final.written
    problems = "\n".join(final.documents[0].problems)
    assert "security_measures (Art. 30(1)(g))" in problems and "retention (Art. 30(1)(f))" in problems
    draft = api.generate(flawed, api.Request(documents=["record"], formats=["md", "xlsx"], out_dir=tmp_path,
                                             draft=True, language="en"))
    assert draft.status == "written" and len(draft.written) == 2
    md = next(p for p in draft.written if p.suffix == ".md").read_text(encoding="utf-8")
    assert "[●" in md and "DRAFT" in md


def test_check_reports_what_the_record_lacks(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(ROOT / "examples" / "optipic-flawed.json"), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "RECORD-30-1-G" in out and "Art. 30(1)(g)" in out and "RECORD-30-1-F" in out


def test_breach_documents_through_the_api(tmp_path: Path) -> None:
    request = api.Request(documents=["breach"], formats=["md"], language="en", out_dir=tmp_path,
                          incident=INCIDENT)
    outcome = api.generate(AVM, request)
    assert outcome.status == "written"
    assert [d.document for d in outcome.documents] == ["breach-controller-notice", "breach-authority-notice",
                                                       "breach-communication", "breach-register"]
    notice = (tmp_path / "breach-controller-notice-inc-2026-007-cabinet-martin-associes-en.md")
    assert "Notice of a personal data breach" in notice.read_text(encoding="utf-8")
    other = api.generate(ROOT / "examples" / "okasio.json", request)  # a client the incident does not name
    assert {d.status for d in other.documents} == {"not-applicable"}
    assert "does not involve this client" in other.documents[0].reason
    xlsx = api.generate(AVM, api.Request(documents=["breach"], formats=["xlsx"], out_dir=tmp_path,
                                         incident=INCIDENT))
    assert xlsx.status == "failed" and "XLSX is offered for the record only" in (xlsx.error or "")


def test_breach_documents_are_dated_by_now_or_drafted_at_never_the_clock(tmp_path: Path) -> None:
    pending = _incident(tmp_path, controllers_informed_at=None, authority_notified_at=None)
    base = ["generate", str(AVM), "--incident", str(pending), "--doc", "breach-controller-notice", "--lang", "en",
            "--format", "md,docx"]
    # without --now nor drafted_at: the final is refused naming both, the draft shows the blank
    assert main([*base, "--out", str(tmp_path / "final")]) == 1
    assert main([*base, "--draft", "--out", str(tmp_path / "blank")]) == 0
    blank = next((tmp_path / "blank").glob("*.md")).read_text(encoding="utf-8")
    assert "| Sent | **[●] to be completed: drafted\\_at** |" in blank
    # --now (read in the incident's zone) dates the notice and judges the 48 hours: the same bytes twice
    for run in ("a", "b"):
        assert main([*base, "--draft", "--now", "2026-03-31T09:00", "--out", str(tmp_path / run)]) == 0
    for fmt in ("md", "docx"):
        a, b = (next((tmp_path / r).glob(f"*.{fmt}")).read_bytes() for r in ("a", "b"))
        assert a == b
    late = next((tmp_path / "a").glob("*.md")).read_text(encoding="utf-8")
    assert "2026-03-31 09:00 (Europe/Paris, UTC+02:00)" in late and "Reasons for the delay" in late
    stamped = _incident(tmp_path, controllers_informed_at=None, authority_notified_at=None,
                        drafted_at="2026-03-29T08:00:00")
    assert main(["generate", str(AVM), "--incident", str(stamped), "--doc", "breach-controller-notice",
                 "--lang", "en", "--format", "md", "--out", str(tmp_path / "c")]) == 0
    on_time = next((tmp_path / "c").glob("*.md")).read_text(encoding="utf-8")
    assert "2026-03-29 08:00 (Europe/Paris, UTC+02:00)" in on_time and "Reasons for the delay" not in on_time
