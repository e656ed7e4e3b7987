"""The breach kit: clocks across time zones and DST, the right documents, refusals, one set per client."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from dpagen.cli import main
from dpagen.errors import IncompleteError
from dpagen.examples import load_example
from dpagen.incident.clocks import authority_clock, controller_clock, local
from dpagen.incident.kit import breach_documents
from dpagen.incident.model import Incident
from dpagen.model import Description

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "incidents" / "avm-up-sms-leak.json"
NOW = dt.datetime(2026, 4, 1, tzinfo=dt.UTC)


def _incident(**changes: Any) -> Incident:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data.update(changes)
    return Incident.model_validate({k: v for k, v in data.items() if v is not None})


def _client(name: str) -> Description:
    d = load_example("avm-up").model_copy(deep=True)
    assert d.controller is not None
    d.controller.legal_name, d.controller.brand = name, None
    return d


def test_deadlines_count_real_hours_across_the_spring_dst_change() -> None:
    d = load_example("avm-up")
    i = _incident()
    first = controller_clock(i, d)
    assert first is not None and first.deadline is not None
    # 28 March 10:00 CET + 48 h crosses the 29 March change: 30 March 11:00 CEST, not 10:00
    assert first.deadline.isoformat() == "2026-03-30T11:00:00+02:00"
    assert authority_clock(i, d).deadline.isoformat() == "2026-03-31T17:30:00+02:00"  # type: ignore[union-attr]
    assert local(first.deadline, i, "fr") == "30/03/2026 11:00 (Europe/Paris, UTC+02:00)"


def test_autumn_change_and_other_zones() -> None:
    d = load_example("okasio")  # a controller alone: its clock starts at its own discovery
    autumn = _incident(discovered_at="2026-10-24T12:00:00", controllers_informed_at=None,
                       authority_notified_at=None)
    assert authority_clock(autumn, d).deadline.isoformat() == "2026-10-27T11:00:00+01:00"  # type: ignore[union-attr]
    new_york = _incident(timezone="America/New_York", discovered_at="2026-03-07T09:00:00",
                         controllers_informed_at=None, authority_notified_at=None)
    assert authority_clock(new_york, d).deadline.isoformat() == "2026-03-10T10:00:00-04:00"  # type: ignore[union-attr]


def test_on_time_and_late() -> None:
    d = load_example("avm-up")
    assert not authority_clock(_incident(), d).late(NOW)
    late = _incident(authority_notified_at="2026-04-02T09:00:00")
    assert authority_clock(late, d).late(NOW)
    with pytest.raises(IncompleteError) as refused:
        breach_documents(late, [d], ["breach-authority-notice"], now=NOW)
    assert "delay_reasons (Art. 33(1)" in refused.value.render()
    english = {**_incident().translations["en"], "Analyse forensique": "Forensics"}  # type: ignore[index]
    docs = breach_documents(_incident(authority_notified_at="2026-04-02T09:00:00", delay_reasons="Analyse forensique",
                                      translations={"en": english}),
                            [d], ["breach-authority-notice"], language="en", now=NOW)
    assert "Reasons for the delay (Art. 33(1) GDPR) | Forensics" in docs[0][1].text()


def test_final_refuses_missing_art_33_3_items_and_draft_shows_blanks() -> None:
    d = load_example("avm-up")
    bare = _incident(consequences=None, people_approx=None, measures_taken=[], measures_proposed=[])
    with pytest.raises(IncompleteError) as refused:
        breach_documents(bare, [d], ["breach"], now=NOW)
    text = "\n".join(refused.value.details)
    assert "Art. 33(3)(c)" in text and "Art. 33(3)(d)" in text and "people_approx" in text
    drafts = breach_documents(bare, [d], ["breach-authority-notice"], draft=True, language="en", now=NOW)
    tree = drafts[0][1]
    assert tree.draft and "consequences" in tree.missing and "[●] to be completed: consequences" in tree.text()


def test_an_initial_phase_may_leave_items_to_follow() -> None:
    d = load_example("avm-up")
    later = _incident(consequences=None, people_approx=None, to_follow=["consequences", "numbers"])
    tree = breach_documents(later, [d], ["breach-authority-notice"], language="en", now=NOW)[0][1]
    assert "to be given in a follow-up notification (Art. 33(4) GDPR)" in tree.text()
    with pytest.raises(IncompleteError):
        breach_documents(_incident(consequences=None, to_follow=["consequences"], phase="complete"), [d],
                         ["breach-authority-notice"], now=NOW)


def test_high_risk_gives_the_letter_else_the_reasoned_decision() -> None:
    d = load_example("avm-up")
    letter = breach_documents(_incident(high_risk=True, no_communication=None), [d], ["breach-communication"],
                              language="en", now=NOW)[0][1]
    assert letter.title == "About a breach of your personal data"
    assert "What you can do" in letter.text() and "dpo@cabinet-martin.example" in letter.text()
    decision = breach_documents(_incident(high_risk=True, no_communication="unintelligible"), [d],
                                ["breach-communication"], language="fr", now=NOW)[0][1]
    assert decision.title == "Décision de ne pas informer les personnes concernées"
    assert "34.3.a" in decision.text()
    with pytest.raises(IncompleteError) as refused:
        breach_documents(_incident(high_risk=None, no_communication=None), [d], ["breach-communication"], now=NOW)
    assert "high_risk or no_communication (Art. 34" in refused.value.render()


def test_one_set_per_client_involved() -> None:
    clients = [load_example("avm-up"), _client("Boulangerie Dupont"), _client("Garage Leroy")]
    built = breach_documents(_incident(clients=["Boulangerie Dupont", "Garage Leroy"]), clients,
                             ["breach-controller-notice"], language="en", now=NOW)
    assert [t.parties_line for _, t in built] == ["From AVM Up to Boulangerie Dupont", "From AVM Up to Garage Leroy"]
    everyone = breach_documents(_incident(clients=[]), clients, ["breach-register"], now=NOW)
    assert len(everyone) == 3


def test_controller_alone_gets_no_processor_notice() -> None:
    only = load_example("okasio")
    kinds = [t.kind for _, t in breach_documents(_incident(clients=[]), [only], ["breach"], now=NOW)]
    assert kinds == ["breach-authority-notice", "breach-communication", "breach-register"]


def test_cli_generate_status_and_new(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from docx import Document as Docx

    args = ["generate", str(ROOT / "examples" / "avm-up.json"), "--incident", str(EXAMPLE), "--doc", "breach",
            "--format", "docx,md", "--lang", "en", "--out", str(tmp_path)]
    assert main(args) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == 8 and all("cabinet-martin" in n for n in names)
    notice = Docx(str(next(tmp_path.glob("breach-controller-notice-*.docx"))))
    body = "\n".join(c.text for t in notice.tables for r in t.rows for c in r.cells)
    assert "2026-03-30 11:00 (Europe/Paris, UTC+02:00)" in body  # the contract's 48 hours
    assert main(["breach", "status", str(EXAMPLE), str(ROOT / "examples" / "avm-up.json"),
                 "--now", "2026-03-29T09:00"]) == 0
    out = capsys.readouterr().out
    assert "(on time; due 2026-03-31 17:30 (Europe/Paris, UTC+02:00))" in out
    assert "breach-authority-notice: ready" in out
    pending = tmp_path / "pending.json"
    pending.write_text(_incident(authority_notified_at=None).model_dump_json())
    assert main(["breach", "status", str(pending), str(ROOT / "examples" / "avm-up.json"),
                 "--now", "2026-03-29T09:00"]) == 0
    assert "controller → authority (Art. 33(1), 72 h): 56.5 h left" in capsys.readouterr().out
    copy = tmp_path / "incident.json"
    assert main(["breach", "new", "--from", str(EXAMPLE), "--out", str(copy)]) == 0
    assert json.loads(copy.read_text())["reference"] == "INC-2026-007"
    assert main(["breach", "new", "--out", str(tmp_path / "x.json")]) == 2  # no terminal under pytest
    bad = tmp_path / "bad.json"
    bad.write_text('{"discovered_at": "soon", "timezone": "Mars/Olympus"}')
    assert main(["breach", "status", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "discovered_at" in err and "timezone" in err


def test_a_client_folder_gives_one_record_and_one_notice_per_client_involved(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from dpagen.io import save

    clients = tmp_path / "clients"
    clients.mkdir()
    save(load_example("avm-up"), clients / "cabinet-martin.json")
    for name in ("Boulangerie Dupont", "Garage Leroy"):
        save(_client(name), clients / f"{name.split()[1].lower()}.json")
    out = tmp_path / "out"
    assert main(["generate", str(clients), "--doc", "record", "--format", "xlsx", "--out", str(out)]) == 0
    [record] = list(out.glob("record-*.xlsx"))
    sheet = load_workbook(record).worksheets[0]
    assert {r[0] for r in sheet.iter_rows(min_row=2, values_only=True)} == {
        "Boulangerie Dupont", "Cabinet Martin & Associés", "Garage Leroy"}
    incident = tmp_path / "incident.json"
    incident.write_text(_incident(clients=["Boulangerie Dupont", "Garage Leroy"]).model_dump_json())
    assert main(["generate", str(clients), "--incident", str(incident), "--doc", "breach-controller-notice",
                 "--format", "md", "--out", str(out)]) == 0
    # each client involved gets its own set, in its own folder (as every batch); the uninvolved one none
    notices = sorted(str(p.relative_to(out)) for p in out.rglob("breach-controller-notice-*.md"))
    assert notices == ["dupont/breach-controller-notice-inc-2026-007-boulangerie-dupont-fr.md",
                       "leroy/breach-controller-notice-inc-2026-007-garage-leroy-fr.md"]
    assert not (out / "cabinet-martin").exists() or not any((out / "cabinet-martin").iterdir())


def test_incident_texts_are_translated_and_an_untranslated_final_is_refused() -> None:
    d = load_example("avm-up")
    fr = breach_documents(_incident(), [d], ["breach-register"], language="fr", now=NOW)[0][1].text()
    en = breach_documents(_incident(), [d], ["breach-register"], language="en", now=NOW)[0][1].text()
    assert "Compte bloqué et toutes ses sessions fermées" in fr and "credential stuffing" in fr
    assert "Account locked and every session of the account closed" in en and "Compte bloqué" not in en
    assert "Identification data" in en  # a data category: the description's own translation
    partial = _incident(translations={"en": {}})
    with pytest.raises(IncompleteError) as refused:
        breach_documents(partial, [d], ["breach-register"], language="en", now=NOW)
    lines = "\n".join(refused.value.details)
    assert "translations.en: the text at what_happened has no translation" in lines
    assert "measures_taken[1]" in lines and "data_categories" not in lines
    draft = breach_documents(partial, [d], ["breach-register"], language="en", draft=True, now=NOW)[0][1]
    assert "Compte bloqué et toutes ses sessions fermées [● to translate]" in draft.text()


def test_translations_of_an_incident_leave_out_what_its_description_translates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    incident = tmp_path / "incident.json"
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["translations"] = {"en": {}}
    incident.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    description = ROOT / "examples" / "avm-up.json"
    assert main(["translations", str(incident), "--lang", "en"]) == 0
    alone = json.loads(capsys.readouterr().out)["en"]
    assert "Données d'identification" in alone and data["what_happened"] in alone  # a category, its own text
    assert main(["translations", str(incident), "--lang", "en", "--description", str(description)]) == 0
    listed = json.loads(capsys.readouterr().out)["en"]
    assert "Données d'identification" not in listed  # avm-up.json translates its categories
    assert data["what_happened"] in listed and set(listed) < set(alone)
    assert main(["translations", str(description), "--lang", "en", "--description", str(description)]) == 2
    assert "--description is for an incident" in capsys.readouterr().err
