"""Issue 13 (second part): optional clauses, check findings that were wrong, wording, untranslated finals.

Each point has a description that triggers it and one that does not; documents are read back in French and
English (DOCX with python-docx, Markdown as text). Renders are shared in module-scoped fixtures.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, complete_example_paths, load_example
from dpagen.build import build
from dpagen.errors import IncompleteError
from dpagen.generate import Request, generate
from dpagen.io import load
from dpagen.messages import agreed, counted
from dpagen.model import Description
from dpagen.rules import check
from dpagen.translation import shown_untranslated

LANGS = ("fr", "en")


def variant(base: Description, **changes: Any) -> Description:
    """A copy of a description with top-level keys replaced (dicts merged one level deep)."""
    data = base.model_dump(mode="json", by_alias=True, exclude_none=True)
    for key, value in changes.items():
        data[key] = {**data.get(key, {}), **value} if isinstance(value, dict) else value
    return Description.model_validate(data)


def text(d: Description, document: str, lang: str, *, draft: bool = False) -> str:
    """A document's text, spaces normalised (no-break spaces read as spaces)."""
    tree = build(d, document, language=lang, draft=draft)
    return " ".join(tree.text().replace("\u00a0", " ").replace("\u202f", " ").split())


def docx_text(path: Path) -> str:
    import docx

    doc = docx.Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return " ".join(" ".join(parts).replace("\u00a0", " ").replace("\u202f", " ").split())


# --------------------------------------------------------------------------- A. optional clauses

NOTICES = {
    "controller": {"attention": "Direction juridique", "email": "juridique@cabinet-martin.example"},
    "processor": {"email": "legal@avmup.example",
                  "address": {"street": "12 quai Perrache", "postal_code": "69002", "city": "Lyon", "country": "FR"}},
}
WORDS = {  # a phrase of each clause, per language
    "docking": {"fr": "peut y adhérer à tout moment", "en": "may accede to it at any time"},
    "change_of_law": {"fr": "Comité européen de la protection des données",
                      "en": "European Data Protection Board"},
    "notices": {"fr": "juridique@cabinet-martin.example", "en": "juridique@cabinet-martin.example"},
}
TITLES = {
    "docking": {"fr": "Adhésion de nouvelles parties", "en": "Accession of further parties"},
    "change_of_law": {"fr": "Évolution du droit de la protection des données",
                      "en": "Changes in data-protection law"},
    "notices": {"fr": "Notifications entre les Parties", "en": "Notices between the Parties"},
}


def with_options(on: bool) -> Description:
    base = load_example("avm-up")
    contract = base.contract.model_dump(mode="json", exclude_none=True)
    contract["optional_clauses"] = {"docking": on, "notices": on, "change_of_law": on}
    if on:
        contract["notice_contacts"] = NOTICES
    translations = base.model_dump(mode="json")["translations"]
    translations["en"]["Direction juridique"] = "Legal department"
    return variant(base, contract=contract, translations=translations)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[bool, str, str], str]:
    """The contract with the options on and off, in both languages, as DOCX and Markdown text."""
    out: dict[tuple[bool, str, str], str] = {}
    for on in (True, False):
        d = with_options(on)
        for lang in LANGS:
            folder = tmp_path_factory.mktemp(f"opt-{on}-{lang}")
            paths = generate(d, Request(documents=["dpa"], formats=["docx", "md"], language=lang, out_dir=folder))
            for path in paths:
                fmt = path.suffix.lstrip(".")
                body = docx_text(path) if fmt == "docx" else path.read_text(encoding="utf-8")
                out[(on, lang, fmt)] = " ".join(body.replace("\u00a0", " ").replace("\u202f", " ").split())
    return out


@pytest.mark.parametrize("fmt", ["docx", "md"])
@pytest.mark.parametrize("lang", LANGS)
def test_optional_clauses_are_read_back_when_on_and_absent_when_off(
    rendered: dict[tuple[bool, str, str], str], lang: str, fmt: str
) -> None:
    on, off = rendered[(True, lang, fmt)], rendered[(False, lang, fmt)]
    for clause in WORDS:
        assert WORDS[clause][lang] in on and TITLES[clause][lang] in on, clause
        assert WORDS[clause][lang] not in off and TITLES[clause][lang] not in off, clause
    assert "legal@avmup.example" in on and "12 quai Perrache, 69002 Lyon" in on
    assert {"fr": "Direction juridique", "en": "Legal department"}[lang] in on


def test_notices_clause_without_addresses_refuses_the_final_contract_with_the_path() -> None:
    d = with_options(True)
    contract = d.contract.model_dump(mode="json", exclude_none=True)
    contract["notice_contacts"] = {"processor": {"attention": "Direction"}}  # no e-mail, no address
    bare = variant(d, contract=contract)
    with pytest.raises(IncompleteError) as refused:
        build(bare, "dpa", language="fr")
    assert set(refused.value.details) >= {"contract.notice_contacts.controller", "contract.notice_contacts.processor"}
    paths = {f.path for f in check(bare) if f.severity == "error"}
    assert "contract.notice_contacts.controller" in paths


def test_optional_clauses_cite_their_articles_and_checklist() -> None:
    from dpagen.clauses import load_library

    lib = load_library()
    docking, notices, law = (lib.clauses[i] for i in ("dpa.docking", "dpa.notices", "dpa.change-of-law"))
    assert "SCC-5" in docking.checklist and "28(9)" in docking.articles
    assert "A28-9" in notices.checklist and "28(9)" in notices.articles
    assert "A28-3-LAW" in law.checklist and "28(3)" in law.articles


def test_the_wizard_asks_for_the_optional_clauses_in_french() -> None:
    from dpagen.wizard.questions import SECTIONS
    from dpagen.wizard.questions_text import QUESTIONS

    def paths(nodes: Any) -> set[str]:
        found: set[str] = set()
        for node in nodes:
            found.add(getattr(node, "path", ""))
            found |= paths(getattr(node, "nodes", ()))
        return found

    asked = paths(SECTIONS)
    assert {"contract.optional_clauses.docking", "contract.optional_clauses.notices",
            "contract.optional_clauses.change_of_law", "contract.notice_contacts.controller"} <= asked
    assert "adhérer" in QUESTIONS["contract.docking"][0] and "accede" in QUESTIONS["contract.docking"][1]
    assert "notifications" in QUESTIONS["contract.notices"][0]


# --------------------------------------------------------------------------- B. check findings


def test_a_false_no_transfer_flag_is_a_value_not_a_missing_one() -> None:
    base = load_example("avm-up")
    flagged = variant(base, hosting={"no_transfer_outside_eea": False})
    assert not [f for f in check(flagged) if "no_transfer_outside_eea" in f.path]
    for lang in LANGS:
        for document in ("processor-charter", "subprocessors"):
            body = text(flagged, document, lang)  # final: raises if a value were missing
            claim = text(base, document, lang)
            assert {"fr": "Espace économique européen", "en": "European Economic Area"}[lang] in body
        stays = {"fr": "restent dans l'Espace", "en": "stays in the European"}[lang]
        assert stays in text(base, "processor-charter", lang) and stays not in text(flagged, "processor-charter", lang)
        assert claim


@pytest.fixture(scope="module")
def flawed_findings() -> list[Any]:
    return check(load(EXAMPLES / "optipic-flawed.json"))


def test_one_finding_per_gap(flawed_findings: list[Any]) -> None:
    paths = [f.path for f in flawed_findings if "DOCUMENT-VALUE-MISSING" in f.rules]
    assert len(paths) == len(set(paths))
    by_path: dict[str, list[Any]] = {}
    for f in flawed_findings:
        by_path.setdefault(f.path, []).append(f)
    for path, group in by_path.items():  # never a warning and an error for the same field
        severities = {f.severity for f in group}
        assert not ({"error"} < severities), (path, [(f.rule, f.severity) for f in group])
    [contact] = by_path["breach.processor_contact"]  # a warning rule and a document gap: one error
    assert contact.severity == "error" and "BREACH-CONTACT" in contact.rules
    assert "Art. 33(3)(b)" in contact.articles and "dpa" in contact.documents


def test_a_notice_finding_never_cites_article_28_3(flawed_findings: list[Any]) -> None:
    notice_only = [f for f in flawed_findings if f.documents and set(f.documents) <= {"privacy-notice"}
                   and f.rule == "DOCUMENT-VALUE-MISSING"]
    assert notice_only
    for f in notice_only:
        assert not any(a.startswith("Art. 28(3)") for a in f.articles), (f.path, f.articles)
        assert "finalisée" in f.message["fr"] and "finalisé :" not in f.message["fr"].replace("\u00a0", " ")


def test_several_documents_lacking_a_value_make_one_plural_finding(flawed_findings: list[Any]) -> None:
    [email] = [f for f in flawed_findings if f.path == "controller.email"]
    assert len(email.documents) >= 2 and "ne peuvent être finalisés" in email.message["fr"]
    assert "documents cannot be finalised" in email.message["en"]


@pytest.mark.parametrize("action", ["controller_choice", "return_then_delete", "delete", "return"])
def test_fixing_return_or_deletion_is_not_reported(action: str) -> None:
    d = variant(load_example("avm-up"), end_of_contract={"action": action})
    assert [f.rule for f in check(d) if f.section == "end"] == []
    if action == "delete":  # the controller may still ask for the other
        assert "demander que les données lui soient restituées" in text(d, "dpa", "fr")
        assert "ask for the data to be returned" in text(d, "dpa", "en")


# --------------------------------------------------------------------------- C. wording


@pytest.mark.parametrize(("code", "fr", "en"), [("FR", "le droit français", "French law"),
                                                ("DE", "le droit allemand", "German law"),
                                                ("LU", "le droit luxembourgeois", "Luxembourg law")])
def test_the_governing_law_reads_as_a_law(code: str, fr: str, en: str) -> None:
    d = variant(load_example("avm-up"), contract={"governing_law": code})
    assert f"régi par {fr}," in text(d, "dpa", "fr")
    assert f"governed by {en}," in text(d, "dpa", "en")
    assert "l'État suivant" not in text(d, "dpa", "fr") and "following State" not in text(d, "dpa", "en")


def test_counts_and_participles_agree_in_french() -> None:
    assert counted(1, "finalité", "finalités", "fr") == "1 finalité"
    assert counted(0, "finalité", "finalités", "fr") == "0 finalité"
    assert counted(2, "finalité", "finalités", "fr") == "2 finalités"
    assert counted(0, "purpose", "purposes", "en") == "0 purposes"
    assert agreed("finalisé", feminine=True) == "finalisée" and agreed("finalisé", plural=True) == "finalisés"
    from dpagen.rules.report import summary_line

    assert summary_line("x", [], "fr") == "x : 0 erreur, 0 avertissement, 0 info"


@pytest.mark.parametrize("lang", LANGS)
def test_the_charter_names_the_main_agreement_without_declining_it(lang: str) -> None:
    d = load_example("avm-up")
    title = d.main_agreement.title  # type: ignore[union-attr]
    if lang != d.document.language.value:
        title = d.translations.get(d.document.language.__class__(lang), {}).get(title, title)  # type: ignore[arg-type]
    body = text(d, "processor-charter", lang)
    assert {"fr": f"contrat intitulé « {title} »", "en": f"contract entitled “{title}”"}[lang] in body
    assert f"nos {title}" not in body and f"our {title}" not in body


@pytest.mark.parametrize("shifts", [True, False])
@pytest.mark.parametrize("lang", LANGS)
def test_audit_costs_read_the_same_in_the_contract_and_the_charter(lang: str, shifts: bool) -> None:
    d = variant(load_example("avm-up"), audits={"cost": "controller", "breach_shifts_cost": shifts})
    contract, charter = text(d, "dpa", lang), text(d, "processor-charter", lang)
    words = {"fr": "manquement significatif", "en": "material breach"}[lang]
    assert (words in contract) is shifts and (words in charter) is shifts


@pytest.mark.parametrize("lang", LANGS)
def test_the_charter_has_no_empty_notice_for_the_processors_own_contacts(lang: str) -> None:
    with_own = load_example("avm-up")
    without = variant(with_own, processor_own_activities=[], cookies=[])
    title = {"fr": "Les données de nos propres clients et contacts", "en": "Data about our own clients and contacts"}
    assert title[lang] in text(with_own, "processor-charter", lang)
    assert title[lang] not in text(without, "processor-charter", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_a_retention_period_and_its_start_read_as_one(lang: str) -> None:
    body = text(load_example("mobile-marketing"), "processor-charter", lang)
    start = {"fr": "à compter de la fin de la relation contractuelle",
             "en": "from the end of the contractual relationship"}[lang]
    assert re.search(r"\d+ \w+ " + re.escape(start), body)  # "30 jours à compter de la fin …"
    assert not re.search(r"(relation contractuelle|contractual relationship) \| " + re.escape(start), body)
    notice = text(variant(load_example("mobile-marketing"), publisher="controller"), "privacy-notice", lang,
                  draft=True)
    assert {"fr": "Point de départ", "en": "Starting point"}[lang] not in notice


# --------------------------------------------------------------------------- D. untranslated text


def test_a_final_document_showing_untranslated_text_is_refused(tmp_path: Path) -> None:
    d = load_example("avm-up")
    name = d.activities[0].name
    translations = d.model_dump(mode="json")["translations"]
    del translations["en"][name]
    bare = variant(d, translations=translations)
    with pytest.raises(IncompleteError) as refused:
        generate(bare, Request(documents=["dpa"], formats=["md"], language="en", out_dir=tmp_path))
    lines = "\n".join(refused.value.details)
    assert "activities[0].name" in lines and name in lines and "dpagen translations" in lines
    assert not list(tmp_path.iterdir())
    draft = generate(bare, Request(documents=["dpa"], formats=["md"], language="en", out_dir=tmp_path, draft=True))
    assert name in draft[0].read_text(encoding="utf-8")
    french = generate(bare, Request(documents=["dpa"], formats=["md"], language="fr", out_dir=tmp_path))
    assert french  # the description's own language needs no translation


@pytest.mark.parametrize("path", complete_example_paths(), ids=lambda p: p.stem)
def test_examples_show_no_untranslated_text_in_the_other_language(path: Path) -> None:
    from dpagen.applicability import applicable_documents
    from dpagen.clauses import load_library

    d = load(path)
    other = "en" if d.document.language.value == "fr" else "fr"
    lib = load_library()
    for document in applicable_documents(d, lib):
        tree = build(d, document, language=other, draft=True, library=lib)
        assert shown_untranslated(d, other, tree.text()) == {}, document
