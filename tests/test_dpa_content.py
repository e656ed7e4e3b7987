"""What the built DPA says: the model's values, left-out clauses, numbering, references, blanks, overrides."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_dpa_clauses import DELETE, two_party_examples, variant, with_regime, with_special

from conftest import ROOT, load_example
from dpagen.build import build
from dpagen.cli import main
from dpagen.doctree import BulletList, Clause, Document, Paragraph, Table, plain
from dpagen.errors import IncompleteError
from dpagen.geo import country_name
from dpagen.io import load, save
from dpagen.model import Description
from dpagen.translation import for_document

WORD = {"fr": {"clause": "article", "days": "jours", "hours": "heures"},
        "en": {"clause": "Clause", "days": "days", "hours": "hours"}}


def avm() -> Description:
    return load(ROOT / "examples" / "avm-up.json")


def clause(document: Document, clause_id: str) -> Clause:
    found = [c for c in document.clauses() if c.id == clause_id]
    assert found, f"{clause_id} is not in the document"
    return found[0]


def text_of(item: Clause) -> str:
    lines = [item.heading]
    for block in item.blocks:
        if isinstance(block, Paragraph):
            lines.append(plain(block.spans))
        elif isinstance(block, BulletList):
            lines.extend(plain(i) for i in block.items)
        elif isinstance(block, Table):
            lines.extend(" | ".join(plain(c) for c in row) for row in block.rows)
    return "\n".join(lines)


def ids(document: Document) -> list[str]:
    return [c.id for c in document.clauses()]


def numbers(document: Document) -> dict[str, str]:
    return {c.id: c.number for c in document.clauses() if c.number}


def flat(text: str) -> str:
    """Text with no-break spaces as plain spaces, for searching."""
    return text.replace("\u00a0", " ")


# -- the model's values, for each example with both parties, in each language --------------------------------
@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("path", two_party_examples(complete=True), ids=lambda p: p.stem)
def test_contract_states_the_model_values(path: Path, language: str) -> None:
    d = load(path)
    document = build(d, "dpa", language=language)  # final: a complete example leaves no blank
    w = WORD[language]
    texts = for_document(d, language)

    def shown(value: str) -> str:  # a text of the description, as the document's language shows it
        return texts.get(value, value)

    whole = flat(document.text())
    assert d.controller.legal_name in document.parties_line
    assert d.processor.legal_name in document.parties_line
    annex_i = text_of(clause(document, "dpa.annex-i.parties"))
    assert d.controller.legal_name in annex_i and d.processor.legal_name in annex_i

    breach = flat(text_of(clause(document, "dpa.breach")))
    assert f"{d.breach.notice_hours} {w['hours']}" in breach
    assert shown(d.breach.channel) in breach and shown(d.breach.recipient) in breach

    audits = flat(text_of(clause(document, "dpa.audits")))
    assert f"{d.audits.notice_days} {w['days']}" in audits

    end = flat(text_of(clause(document, "dpa.end-of-contract")))
    assert f"{d.end_of_contract.delay_days} {w['days']}" in end

    regime = flat(text_of(clause(document, f"dpa.subprocessors-{d.subprocessor_policy.regime.value}")))
    assert f"{d.subprocessor_policy.notice_days} {w['days']}" in regime
    assert f"{d.subprocessor_policy.objection_days} {w['days']}" in regime
    assert shown(d.subprocessor_policy.channel) in regime

    dsr = flat(text_of(clause(document, "dpa.data-subject-requests")))
    assert f"{d.assistance.dsr_forward_days} {w['days']}" in dsr

    annex_iv = text_of(clause(document, "dpa.annex-iv.list"))
    for sub in d.subprocessors:
        assert sub.name in annex_iv
    transfers = text_of(clause(document, "dpa.transfers"))
    for site in d.hosting.sites:
        assert country_name(site.country, language) in transfers
        assert shown(site.provider) in transfers
    assert "[●]" not in whole


@pytest.mark.parametrize("language", ["fr", "en"])
def test_delays_follow_the_model_not_the_defaults(language: str) -> None:
    d = variant(avm(), {"breach.notice_hours": 24, "audits.notice_days": 45, "end_of_contract.delay_days": 60,
                        "end_of_contract.backups_days": 90, "subprocessor_policy.notice_days": 21,
                        "subprocessor_policy.objection_days": 1, "assistance.dsr_forward_days": 3})
    document = build(d, "dpa", language=language)
    w = WORD[language]
    one_day = {"fr": "1 jour ", "en": "1 day "}[language]
    assert f"24 {w['hours']}" in flat(text_of(clause(document, "dpa.breach")))
    assert f"24 {w['hours']}" in flat(text_of(clause(document, "dpa.annex-iii.assistance")))
    assert f"45 {w['days']}" in flat(text_of(clause(document, "dpa.audits")))
    end = flat(text_of(clause(document, "dpa.end-of-contract")))
    assert f"60 {w['days']}" in end and f"90 {w['days']}" in end
    regime = flat(text_of(clause(document, "dpa.subprocessors-general")))
    assert f"21 {w['days']}" in regime and one_day in regime
    assert f"3 {w['days']}" in flat(text_of(clause(document, "dpa.data-subject-requests")))
    assert f"48 {w['hours']}" not in flat(document.text())


@pytest.mark.parametrize("language", ["fr", "en"])
def test_transfers_are_listed_with_their_chapter_v_tool(language: str) -> None:
    d = variant(avm(), {"subprocessors": lambda old: [*old, {
        "name": "MailCloud", "country": "US", "activity": "e-mailing", "data_locations": ["US"],
        "address": {"street": "1 Market St", "city": "San Francisco", "country": "US"},
        "contact": {"name": "Privacy Office", "email": "privacy@mailcloud.example"},
        "transfer": {"mechanism": "scc", "scc_module": "module_3"}}]})
    text = text_of(clause(build(d, "dpa", language=language), "dpa.transfers"))
    line = next(x for x in text.splitlines() if x.startswith("MailCloud"))
    assert country_name("US", language) in line
    assert "2021/914" in line and ("module 3" in line or "Module Three" in line)
    no_transfer = {"fr": "aucune donnée à caractère personnel n'est transférée",
                   "en": "no personal data is transferred"}
    assert no_transfer[language] not in text
    assert no_transfer[language] in text_of(clause(build(avm(), "dpa", language=language), "dpa.transfers"))


# -- clauses left out and replaced ---------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["fr", "en"])
def test_sensitive_data_clause_only_with_special_categories(language: str) -> None:
    without = build(avm(), "dpa", language=language)
    assert "dpa.sensitive-data" not in ids(without)
    with_ = build(with_special(avm()), "dpa", language=language)
    sensitive = text_of(clause(with_, "dpa.sensitive-data"))
    assert "Données de santé des patients" in sensitive
    assert {"fr": "données de santé", "en": "health data"}[language] in sensitive
    assert "Mentions de condamnations" in sensitive
    assert "L. 1111-8" in sensitive  # health data: the HDS rule


@pytest.mark.parametrize("language", ["fr", "en"])
def test_specific_authorisation_clause_replaces_the_general_one(language: str) -> None:
    general = build(avm(), "dpa", language=language)
    specific = build(with_regime(avm(), "specific"), "dpa", language=language, draft=True)
    assert "dpa.subprocessors-general" in ids(general) and "dpa.subprocessors-specific" not in ids(general)
    assert "dpa.subprocessors-specific" in ids(specific) and "dpa.subprocessors-general" not in ids(specific)
    assert numbers(general)["dpa.subprocessors-general"] == numbers(specific)["dpa.subprocessors-specific"]
    deemed = {"fr": ("réputé accepté", "réputée rejetée"),
              "en": ("deemed accepted", "deemed refused")}[language]
    assert deemed[0] in text_of(clause(general, "dpa.subprocessors-general"))
    assert deemed[1] in text_of(clause(specific, "dpa.subprocessors-specific"))
    number = numbers(specific)["dpa.subprocessors-specific"]
    assert f"{WORD[language]['clause']} {number})" in text_of(clause(specific, "dpa.annex-iv.list"))


# -- numbering and references --------------------------------------------------------------------------------
CASES = {
    "plain": lambda d: d,
    "special": with_special,
    "specific": lambda d: with_regime(d, "specific"),
    "special-specific": lambda d: with_regime(with_special(d), "specific"),
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("language", ["fr", "en"])
def test_numbering_is_continuous(case: str, language: str) -> None:
    document = build(CASES[case](avm()), "dpa", language=language, draft=True)
    body = [c for s in document.sections if s.kind == "body" for c in s.clauses]
    assert [c.number for c in body] == [str(i) for i in range(1, len(body) + 1)]
    assert all(c.number is None for s in document.sections if s.kind == "annex" for c in s.clauses)
    for c in body:
        paragraphs = [b for b in c.blocks if isinstance(b, Paragraph)]
        if len(paragraphs) > 1:
            expected = [f"{c.number}.{i}" for i in range(1, len(paragraphs) + 1)]
            assert [p.number for p in paragraphs] == expected


REFERENCES = {
    "dpa.purpose-scope": ["dpa.transfers"],
    "dpa.instructions": ["dpa.non-compliance"],
    "dpa.duration": ["dpa.end-of-contract"],
    "dpa.confidentiality": ["dpa.subprocessors-{regime}", "dpa.transfers"],
    "dpa.controller-obligations": ["dpa.instructions", "dpa.subprocessors-{regime}", "dpa.audits",
                                   "dpa.non-compliance", "dpa.end-of-contract"],
    "dpa.non-compliance": ["dpa.instructions", "dpa.end-of-contract"],
    "dpa.liability": ["dpa.subprocessor-contracts"],
    "dpa.term": ["dpa.subprocessors-{regime}", "dpa.security"],
    "dpa.annex-iii.assistance": ["dpa.data-subject-requests", "dpa.breach", "dpa.compliance-assistance"],
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("language", ["fr", "en"])
def test_references_point_at_the_right_numbers(case: str, language: str) -> None:
    d = CASES[case](avm())
    document = build(d, "dpa", language=language, draft=True)
    number = numbers(document)
    regime = d.subprocessor_policy.regime.value
    for source, targets in REFERENCES.items():
        text = text_of(clause(document, source))
        cited = set(re.findall(rf"\b{WORD[language]['clause']} (\d+)\b", text))
        expected = {number[t.format(regime=regime)] for t in targets}
        assert expected <= cited, f"{case}/{source}: cites {sorted(cited)}, expected {sorted(expected)}"
        if language == "en":  # French text also cites GDPR articles as « article N »
            assert cited <= set(number.values())
    annex = {"fr": "annexe III", "en": "Annex III"}[language]
    assert annex in text_of(clause(document, "dpa.breach"))


def test_a_left_out_clause_shifts_the_references() -> None:
    plain_doc = build(avm(), "dpa", language="en")
    # outside French health-data hosting law, so that only the sensitive-data clause comes in (not the HDS one)
    special_doc = build(variant(with_special(avm()), {"health.french_law": False}), "dpa", language="en")
    before, after = numbers(plain_doc), numbers(special_doc)
    assert int(after["dpa.transfers"]) == int(before["dpa.transfers"]) + 1
    assert f"Clause {after['dpa.transfers']}" in text_of(clause(special_doc, "dpa.purpose-scope"))
    assert f"Clause {before['dpa.transfers']}" in text_of(clause(plain_doc, "dpa.purpose-scope"))


# -- missing values ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_missing_value_fails_the_final_build_and_shows_as_a_blank_in_a_draft(language: str) -> None:
    d = variant(avm(), {"breach.recipient": DELETE})
    with pytest.raises(IncompleteError) as caught:
        build(d, "dpa", language=language)
    assert "breach.recipient" in caught.value.details
    draft = build(d, "dpa", language=language, draft=True)
    breach = text_of(clause(draft, "dpa.breach"))
    assert "[●]" in breach and "breach.recipient" in breach
    blanks = [s for c in draft.clauses() for b in c.blocks if isinstance(b, Paragraph) for s in b.spans
              if s.kind == "blank"]
    assert blanks and all("[●]" in s.text for s in blanks)


def test_the_draft_markdown_shows_the_blank(tmp_path: Path) -> None:
    source = tmp_path / "desc.json"
    save(variant(avm(), {"breach.recipient": DELETE}), source)
    out = tmp_path / "out"
    out.mkdir()
    argv = ["generate", str(source), "--doc", "dpa", "--format", "md", "--draft", "--out", str(out)]
    assert main(argv) == 0
    markdown = next(out.glob("*.md")).read_text(encoding="utf-8")
    assert "[●]" in markdown and "breach.recipient" in markdown.replace("\\", "")


# -- --clauses DIR -------------------------------------------------------------------------------------------
OVERRIDE = '''id = "dpa.breach"
document = "dpa"
section = "obligations"
order = 330
articles = ["33"]
checklist = ["SCC-9.2"]
title = { fr = "Violations (version du cabinet)", en = "Breaches (our version)" }
[text]
fr = "Notification sous {{ breach.notice_hours }} heures. Voir l'article {{ ref('dpa.audits') }}."
en = "Notice within {{ breach.notice_hours }} hours. See Clause {{ ref('dpa.audits') }}."
'''
NEW = '''id = "dpa.insurance"
document = "dpa"
section = "obligations"
order = 245
articles = ["28(1)"]
checklist = ["A28-1"]
title = { fr = "Assurance", en = "Insurance" }
[text]
fr = "Le Sous-traitant est assuré pour les risques liés au traitement."
en = "The Processor is insured against the risks of the processing."
'''


def write_overrides(folder: Path) -> Path:
    (folder / "dpa").mkdir(parents=True)
    (folder / "dpa" / "330-breach.toml").write_text(OVERRIDE, encoding="utf-8")
    (folder / "dpa" / "245-insurance.toml").write_text(NEW, encoding="utf-8")
    return folder


def test_clauses_override_replaces_and_inserts(tmp_path: Path) -> None:
    folder = write_overrides(tmp_path / "legal")
    base = build(avm(), "dpa", language="en")
    custom = build(avm(), "dpa", language="en", clause_dirs=[folder])
    before, after = numbers(base), numbers(custom)
    assert ids(custom).count("dpa.breach") == 1
    breach = clause(custom, "dpa.breach")
    assert breach.title == "Breaches (our version)"
    assert text_of(breach).endswith(f"Notice within 48 hours. See Clause {after['dpa.audits']}.")
    assert int(after["dpa.insurance"]) == int(before["dpa.confidentiality"]) + 1
    assert ids(custom).index("dpa.insurance") == ids(custom).index("dpa.confidentiality") + 1
    assert int(after["dpa.audits"]) == int(before["dpa.audits"]) + 1
    assert len(after) == len(before) + 1
    assert f"Clause {after['dpa.audits']}" in text_of(clause(custom, "dpa.controller-obligations"))


def test_clauses_override_through_the_command(tmp_path: Path) -> None:
    folder = write_overrides(tmp_path / "legal")
    out = tmp_path / "out"
    out.mkdir()
    example = str(ROOT / "examples" / "avm-up.json")
    argv = ["generate", example, "--doc", "dpa", "--format", "md", "--lang", "fr",
            "--clauses", str(folder), "--out", str(out), "--draft"]
    assert main(argv) == 0
    markdown = next(out.glob("*.md")).read_text(encoding="utf-8")
    assert "Violations (version du cabinet)" in markdown and "Assurance" in markdown
    assert "Violations de données à caractère personnel" not in markdown


def test_clauses_override_says_what_it_changes_and_flags_a_misspelt_id(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "legal"
    folder.mkdir()
    source = (ROOT / "clauses" / "dpa" / "330-breach.toml").read_text(encoding="utf-8")
    (folder / "breach.toml").write_text(source.replace('id = "dpa.breach"', 'id = "dpa.breech"'), "utf-8")
    (folder / "end.toml").write_text((ROOT / "clauses" / "dpa" / "810-end-of-contract.toml").read_text("utf-8"),
                                     "utf-8")
    argv = ["generate", str(ROOT / "examples" / "avm-up.json"), "--format", "md", "--clauses", str(folder),
            "--out", str(tmp_path / "out")]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "adds clause dpa.breech, titled like dpa.breach" in err
    assert "replaces clause dpa.end-of-contract" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main([*argv[:4], "--clauses", str(empty), "--out", str(tmp_path / "o2")]) == 2
    assert "no clause file" in capsys.readouterr().err


# -- substantive rules of the review (Art. 28, EDPB 07/2020, Commission Q&A) ---------------------------------
def clause_text(d: Description, clause_id: str, language: str) -> str:
    """The plain text of one clause of the DPA built (as a draft) from ``d``."""
    return flat(text_of(clause(build(d, "dpa", language=language, draft=True), clause_id)))


OBJECTION_BARS = {"fr": "ne peut pas recourir au Sous-traitant ultérieur concerné",
                  "en": "shall not engage the Subprocessor concerned"}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_objection_bars_the_subprocessor(language: str) -> None:
    """COMQA-2: once the controller objects (general) or refuses (specific), that subprocessor is out."""
    general = clause_text(avm(), "dpa.subprocessors-general", language)
    objection = {"fr": "En cas d'opposition dans ce délai, quels qu'en soient les motifs",
                 "en": "If the Controller objects within that period, whatever its reasons"}[language]
    assert objection in general and OBJECTION_BARS[language] in general
    assert general.index(objection) < general.index(OBJECTION_BARS[language])
    specific = clause_text(with_regime(avm(), "specific"), "dpa.subprocessors-specific", language)
    assert OBJECTION_BARS[language] in specific


@pytest.mark.parametrize("language", ["fr", "en"])
def test_breach_notice_is_prompt_with_the_hours_as_an_outer_limit(language: str) -> None:
    """Art. 33(2) 'without undue delay' is the rule; the hours cap it; Art. 33(3) content, contact, phases."""
    d = avm()
    text = clause_text(d, "dpa.breach", language)
    words = {"fr": ("dans les meilleurs délais après en avoir pris connaissance", "au plus tard 48 heures",
                    "ce délai est un maximum", "compléments successifs", "contenir la violation"),
             "en": ("without undue delay after becoming aware", "no later than 48 hours", "an outer limit",
                    "successive updates", "contain the breach")}[language]
    rule, cap, limit, phases, containment = words
    assert text.index(rule) < text.index(cap) < text.index(limit)
    assert phases in text and containment in text
    texts = for_document(d, language)
    assert d.breach.processor_contact in text
    for value in (d.breach.recipient, d.breach.channel):
        assert texts.get(value, value) in text
    content = {"fr": ("nature de la violation", "nombre approximatif", "conséquences probables", "atténuer"),
               "en": ("nature of the breach", "approximate number", "likely consequences",
                      "mitigate")}[language]
    assert all(item in text for item in content)


DELETE_ONLY = {"fr": "demander que les données soient supprimées sans lui être restituées",
               "en": "ask for the data to be deleted without being returned"}
FIXED_END = {"delete": {"fr": "demander que les données lui soient restituées",
                        "en": "ask for the data to be returned to it"},
             "return": DELETE_ONLY,
             "return_then_delete": DELETE_ONLY}


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("action", sorted(FIXED_END))
def test_the_controller_keeps_its_choice_at_the_end(action: str, language: str) -> None:
    """Art. 28(3)(g) 'at the choice of the controller': a choice fixed in the contract can be changed."""
    text = clause_text(variant(avm(), {"end_of_contract.action": action}), "dpa.end-of-contract", language)
    assert FIXED_END[action][language] in text
    annex_ii = {"fr": "quelles que soient les durées de conservation indiquées à l'annexe II",
                "en": "whatever the retention periods stated in Annex II"}[language]
    assert annex_ii in text  # Annex II periods never outlast the services


@pytest.mark.parametrize("language", ["fr", "en"])
def test_end_of_contract_states_delay_backups_certificate_and_retention(language: str) -> None:
    d = variant(avm(), {"end_of_contract.backups_days": 90, "end_of_contract.legal_retention": "factures"})
    text = clause_text(d, "dpa.end-of-contract", language)
    w = WORD[language]
    assert f"30 {w['days']}" in text and f"90 {w['days']}" in text and "factures" in text
    deadline = {"fr": "délai fixé au début du présent article, le Sous-traitant atteste par écrit",
                "en": "period stated at the start of this Clause, the Processor shall certify in writing"}
    assert deadline[language] in text
    choice = {"fr": "à défaut de choix notifié", "en": "if no choice has been notified"}[language]
    assert choice in clause_text(avm(), "dpa.end-of-contract", language)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_audit_right_survives_restrictive_settings(language: str) -> None:
    """Art. 28(3)(h): an auditor mandated by the controller; an audit exercisable at reasonable intervals."""
    d = variant(avm(), {"audits.third_party_auditor": False, "audits.max_per_year": 0,
                        "audits.on_site": False})
    text = clause_text(d, "dpa.audits", language)
    mandated = {"fr": "par le Responsable du traitement ou par un auditeur mandaté par lui",
                "en": "conducted by the Controller or by an auditor mandated by the Controller"}[language]
    approval = {"fr": "qui ne peut la refuser que pour un motif légitime",
                "en": "which may be withheld only on legitimate grounds"}[language]
    intervals = {"fr": "à intervalles raisonnables", "en": "at reasonable intervals"}[language]
    assert mandated in text and approval in text and intervals in text
    assert approval not in clause_text(avm(), "dpa.audits", language)


NEW_TRANSFER = {"notice-general": ({}, {"fr": "vaut instruction documentée",
                                        "en": "counts as its documented instruction"}),
                "notice-specific": ({"subprocessor_policy.regime": "specific"},
                                    {"fr": "qu'après l'autorisation écrite",
                                     "en": "only once the Controller has authorised it"}),
                "consent": ({"hosting.transfer_notice": False},
                            {"fr": "ne vaut pas accord pour un tel transfert",
                             "en": "does not amount to consent to such a transfer"})}


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("case", sorted(NEW_TRANSFER))
def test_a_new_transfer_follows_a_stated_procedure(case: str, language: str) -> None:
    """Art. 28(3)(a): a new transfer needs the controller's documented instruction, however it is given."""
    changes, expected = NEW_TRANSFER[case]
    assert expected[language] in clause_text(variant(avm(), changes), "dpa.transfers", language)


FAR_AWAY = {"name": "FarAway", "country": "IN", "activity": "support", "data_locations": ["IN"],
            "transfer": {"mechanism": "derogation", "derogation": "second_subparagraph"}}
DPF = {"name": "Analytix", "country": "US", "activity": "analytics", "data_locations": ["US"],
       "transfer": {"mechanism": "adequacy", "dpf_certified": True}}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_transfer_safeguards_follow_the_tools_used(language: str) -> None:
    """A tool that lapses suspends the transfer; an Art. 49 derogation is used only within its conditions."""
    lapse = {"fr": "ne peut plus être utilisé", "en": "can no longer be relied on"}[language]
    derogation = {"fr": "fondé sur une dérogation de l'article 49",
                  "en": "based on a derogation under Article 49"}[language]
    none = clause_text(avm(), "dpa.transfers", language)
    assert lapse not in none and derogation not in none
    dpf = clause_text(variant(avm(), {"subprocessors": lambda old: [*old, DPF]}), "dpa.transfers", language)
    assert lapse in dpf and derogation not in dpf
    far_away = variant(avm(), {"subprocessors": lambda old: [*old, FAR_AWAY]})
    far = clause_text(far_away, "dpa.transfers", language)
    assert lapse in far and derogation in far


@pytest.mark.parametrize("language", ["fr", "en"])
def test_sensitive_data_need_a_specific_authorisation_even_under_the_general_regime(language: str) -> None:
    d = with_special(avm())
    document = build(d, "dpa", language=language)
    text = flat(text_of(clause(document, "dpa.sensitive-data")))
    general = numbers(document)["dpa.subprocessors-general"]
    assert f"{WORD[language]['clause']} {general}" in text
    specific = flat(text_of(clause(build(with_regime(d, "specific"), "dpa", language=language, draft=True),
                                   "dpa.sensitive-data")))
    assert {"fr": "procédure d'opposition", "en": "objection procedure"}[language] not in specific


@pytest.mark.parametrize("language", ["fr", "en"])
def test_dates_read_naturally_and_an_empty_annex_iv_has_no_dangling_lead_in(language: str) -> None:
    d = variant(avm(), {"subprocessors": [], "term": {"start": "2027-01-01", "end": "2028-12-31"}})
    duration = clause_text(d, "dpa.duration", language)
    assert {"fr": "du 1er janvier 2027 au 31 décembre 2028",
            "en": "from 1 January 2027 to 31 December 2028"}[language] in duration
    annex_iv = clause_text(d, "dpa.annex-iv.list", language)
    assert {"fr": "suivants :", "en": "following Subprocessors:"}[language] not in annex_iv
    assert {"fr": "ne recourt à aucun Sous-traitant ultérieur",
            "en": "does not engage any Subprocessor"}[language] in annex_iv


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_contract_does_not_present_itself_as_the_standard_clauses(language: str) -> None:
    """SCC-USE: organised like Decision 2021/915, but never called those clauses."""
    document = build(avm(), "dpa", language=language)
    heading = flat(" ".join([document.title, document.subtitle or ""])).lower()
    assert "clauses contractuelles types" not in heading and "standard contractual clauses" not in heading
    scope = clause_text(avm(), "dpa.purpose-scope", language)
    assert {"fr": "il ne constitue donc pas ces clauses types",
            "en": "it is therefore not those standard contractual clauses"}[language] in scope
    whole = flat(document.text()).lower()
    assert "présentes clauses" not in whole and "these clauses" not in whole


# Distinctive wording of Decision 2021/915 and of the CNIL model clauses: ours says it in its own words.
PUBLISHED = [
    "runs counter to the rights and obligations", "has factually disappeared",
    "including the results of any audits",
    "deal promptly and adequately with inquiries", "implementing, managing and monitoring of the contract",
    "in substantial or persistent breach", "provided the conditions for the use of those",
    "a matériellement disparu", "a disparu en fait", "d'une manière contraire aux droits et obligations",
    "y compris les résultats de tout audit", "y compris les résultats des audits, à la disposition",
    "à la mise en œuvre, à la gestion et au suivi du contrat",
    "à l'exécution, à la gestion et au suivi du contrat",
    "reçoivent la formation nécessaire en matière de protection des données",
    "garantit la confidentialité des données à caractère personnel traitées",
    "veiller, avant le début du traitement et pendant toute sa durée",
    "documenter par écrit toute instruction", "au terme de la prestation de services",
    "les conditions dans lesquelles le sous-traitant effectue",
]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_clause_reuses_published_model_wording(language: str) -> None:
    for case in (avm(), with_special(with_regime(avm(), "specific"))):
        whole = flat(build(case, "dpa", language=language, draft=True).text()).lower().replace("’", "'")
        found = [p for p in PUBLISHED if p.lower() in whole]
        assert not found, found


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_zero_retention_reads_as_none(language: str) -> None:
    zero = {"duration": {"value": 0, "unit": "days"}}
    d = variant(avm(), {"activities.0.data_categories.0.retention": zero})
    text = clause_text(d, "dpa.annex-ii.activities", language)
    assert {"fr": "conservation : aucune au-delà", "en": "retention: none beyond"}[language] in text
    assert not re.search(r"(?<!\d)0 (jour|day)", text)


def test_annex_i_names_the_person_who_signs() -> None:
    from dpagen.build import build
    from dpagen.model import Role, Signatory

    d = load_example("avm-up")
    others = [s for s in d.contract.signatories if s.party != Role.PROCESSOR]
    signer = Signatory(party=Role.PROCESSOR, name="Anne Petit", title="Directrice générale")
    changed = d.model_copy(update={"contract": d.contract.model_copy(update={"signatories": [*others, signer]})})
    tree = build(changed, "dpa", language="fr")
    annex = next(s for s in tree.sections if s.label == "I").clauses[0].blocks
    table = next(b for b in annex if hasattr(b, "rows"))
    cells = [" ".join(span.text for span in cell) for row in table.rows for cell in row]
    assert "Anne Petit, Directrice générale" in cells
    assert not any(c.startswith(d.processor.representative.name) for c in cells)
    assert [" ".join(s.text for s in sig.name) for sig in tree.signatures][1] == "Anne Petit"
