"""The charters — privacy notice, processor charter, subprocessor list — read back from what dpagen builds.

For every complete example, in French and English, and for each charter that applies to it: every required
item is present with the model's own values, each table holds one row per model entry, and sections that do
not apply stay absent (checked on variants of the examples). One example also goes through
``dpagen generate --format md`` in a subprocess, and the clause files themselves are checked (bilingual,
cited, no line whose newline Jinja's trim_blocks would swallow).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, ROOT, complete_example_paths
from dpagen.authorities import competent
from dpagen.build import build
from dpagen.clauses import load_library
from dpagen.doctree import Clause, Document, Paragraph, Table, plain
from dpagen.errors import DpagenError, IncompleteError
from dpagen.generate import applicable_documents
from dpagen.geo import in_eea
from dpagen.io import load
from dpagen.model import Description, LegalBasis, Role
from dpagen.templating import Renderer
from dpagen.translation import for_document

CHARTERS = ("privacy-notice", "processor-charter", "subprocessors")
LANGS = ("fr", "en")
LIB = load_library()
RENDERERS = {lang: Renderer(lang, LIB.labels_in(lang), draft=True) for lang in LANGS}
WORDS = {  # words each language must use for the same item
    "rights": {
        "fr": ["accès", "rectification", "effacement", "limitation", "portabilité"],
        "en": ["access", "rectification", "erasure", "restriction", "portability"],
    },
    "own_rights": {
        "fr": ["accéder", "rectifier", "effacer", "limitation", "portabilité"],
        "en": ["access", "rectified", "erased", "restriction", "portability"],
    },
    "one_month": {"fr": "un mois", "en": "one month"},
    "marketing": {"fr": "prospection", "en": "direct marketing"},
    "any_time": {"fr": "à tout moment", "en": "at any time"},
    "eea": {"fr": "Espace économique européen (EEE)", "en": "European Economic Area (EEA)"},
    "no_transfer": {"fr": "ne sont pas transférées", "en": "is not transferred"},
    "hours": {"fr": "heures", "en": "hours"},
}


# -- helpers -----------------------------------------------------------------------------------------------
def norm(text: str) -> str:
    """Text with non-breaking spaces made ordinary, for comparisons."""
    return text.replace("\u00a0", " ")


def clause_text(clause: Clause) -> str:
    parts = [clause.heading]
    for block in clause.blocks:
        if isinstance(block, Paragraph):
            parts.append(plain(block.spans))
        elif isinstance(block, Table):
            parts.append(" | ".join(block.header))
            parts.extend(" | ".join(plain(c) for c in row) for row in block.rows)
        else:
            parts.extend(plain(item) for item in block.items)
    return norm("\n".join(parts))


def find_clause(doc: Document, clause_id: str) -> Clause | None:
    return next((c for c in doc.clauses() if c.id == clause_id), None)


def tables(doc: Document) -> dict[str, Table]:
    return {b.name: b for c in doc.clauses() for b in c.blocks if isinstance(b, Table)}


def fmt(lang: str, kind: str, value: Any) -> str:
    """A value as the documents print it (date, duration, country, enum label)."""
    renderer = RENDERERS[lang]
    return norm(getattr(renderer, kind)(value))


def sentence(text: str) -> str:
    """A free-text value as printed at the end of a sentence (its own final full stop dropped)."""
    return norm(text.strip(". "))


def purposes(activities: list[Any]) -> list[Any]:
    return [p for a in activities for p in a.purposes]


def categories(activities: list[Any]) -> list[Any]:
    return [c for a in activities for c in a.data_categories]


def duration_cell(lang: str, category: Any) -> str:
    """What the retention table must show for a category: its period, or its criteria."""
    r = category.retention
    if r.duration is not None and r.duration.value > 0:
        return fmt(lang, "duration", r.duration)
    return norm(r.criteria or "")


def build_doc(d: Description, document: str, lang: str, *, draft: bool = True) -> Document:
    return build(d, document, language=lang, draft=draft, library=LIB)


@functools.cache
def example(name: str) -> Description:
    return load(EXAMPLES / f"{name}.json")


@functools.cache
def tree(name: str, document: str, lang: str) -> Document:
    return build_doc(example(name), document, lang)


def cases() -> list[Any]:
    out = []
    for path in complete_example_paths():
        for document in applicable_documents(load(path), LIB):
            if document in CHARTERS:
                out += [pytest.param(path.stem, document, lang, id=f"{path.stem}-{document}-{lang}")
                        for lang in LANGS]
    return out


CASES = cases()


def variant(name: str, **changes: Any) -> Description:
    """An example with some fields replaced, re-validated."""
    data = example(name).model_dump(mode="json", by_alias=True)
    data.update(changes)
    return Description.model_validate(data)


# -- what each document must say ---------------------------------------------------------------------------
def label_of(lang: str, group: str, value: Any) -> str:
    """The localised label of an enum value, as printed."""
    return norm(LIB.labels_in(lang)[group][value.value])


def outside_eea(entry: Any) -> bool:
    """Whether an entry is a transfer: it names a safeguard or lies outside the EEA."""
    places = [getattr(entry, "country", None), *getattr(entry, "data_locations", [])]
    return bool(entry.transfer) or not all(in_eea(x) for x in places if x)


def mechanisms(lang: str, entries: list[Any]) -> list[str]:
    return [label_of(lang, "TransferMechanism", e.transfer.mechanism) for e in entries if e.transfer]


def expected_notice(d: Description, lang: str) -> dict[str, list[str]]:
    c = d.controller
    assert c is not None
    exp: dict[str, list[str]] = {}
    ident = [c.legal_name or "", *(x for x in (c.email, c.phone, c.website) if x)]
    if c.registration and c.registration.siren:
        ident.append(c.registration.siren)
    if c.address:
        ident += [c.address.street or "", c.address.city or ""]
        ident += [fmt(lang, "country", c.address.country)] if c.address.country else []
    if c.eu_representative and c.eu_representative.name:
        ident.append(c.eu_representative.name)
    exp["notice.controller"] = ident
    rights_mail = (c.rights_contact and c.rights_contact.email) or c.email or ""
    exp["notice.dpo"] = [c.dpo.email] if c.dpo and c.dpo.email else [rights_mail]
    ps = purposes(d.activities)
    exp["notice.purposes"] = [p.description for p in ps]
    exp["notice.purposes"] += [label_of(lang, "LegalBasis", p.legal_basis) for p in ps if p.legal_basis]
    exp["notice.purposes"] += [p.legitimate_interest for p in ps if p.legitimate_interest]
    cats = categories(d.activities)
    given = [x for x in cats if x.source and x.source.value == "data_subject"]
    exp["notice.categories"] = [x.name for x in cats]
    exp["notice.categories"] += [x.consequence_if_missing for x in given if x.consequence_if_missing]
    elsewhere = ("third_party", "public_source", "controller")
    indirect = [x for x in cats if x.source and x.source.value in elsewhere]
    exp["notice.collection"] = [p for a in d.activities for p in a.collection_points]
    exp["notice.collection"] += [x.source_detail for x in indirect if x.source_detail]
    decisions = [x for a in d.activities for x in a.automated_decisions]
    exp["notice.automated"] = [v for x in decisions for v in (x.logic, x.significance) if v] or [
        {"fr": "traitement automatisé", "en": "automated processing"}[lang]]
    if d.marketing:
        exp["notice.marketing"] = [sentence(d.marketing.opt_out or "")]
        exp["notice.marketing"] += [label_of(lang, "MarketingChannel", ch) for ch in d.marketing.channels]
    exp["notice.recipients"] = [r.name for r in d.recipients] + [s.name for s in d.subprocessors]
    exp["notice.recipients"] += [d.processor.legal_name or ""] if d.processor else []
    exp["notice.recipients"] += [] if d.data_sold else [{"fr": "ne vendons", "en": "do not sell"}[lang]]
    sites = d.hosting.sites
    exp["notice.hosting"] = [s.provider or "" for s in sites] + [x for s in sites for x in s.certifications]
    exp["notice.hosting"] += [fmt(lang, "country", s.country) for s in sites if s.country]
    exp["notice.hosting"] += [s.scope for s in sites if s.scope]
    transfers = [r for r in d.recipients if outside_eea(r)] + [s for s in d.subprocessors if outside_eea(s)]
    if transfers:
        exp["notice.transfers"] = [t.name for t in transfers] + mechanisms(lang, transfers)
        exp["notice.transfers"] += [sentence(t.transfer.details) for t in transfers
                                    if t.transfer and t.transfer.details]
    elif d.hosting.no_transfer_outside_eea:
        exp["notice.transfers"] = [WORDS["eea"][lang], WORDS["no_transfer"][lang]]
    kept = [x for x in cats if x.retention]
    exp["notice.retention"] = [x.name for x in cats] + [duration_cell(lang, x) for x in kept]
    exp["notice.retention"] += [label_of(lang, "RetentionStart", x.retention.start) for x in kept
                                if x.retention.start and x.retention.duration and x.retention.duration.value]
    # (a starting point is that of a period: without a duration, the criteria say how long)
    exp["notice.rights"] = list(WORDS["rights"][lang])
    objectable = (LegalBasis.LEGITIMATE_INTEREST, LegalBasis.PUBLIC_TASK)
    exp["notice.objection"] = [WORDS["marketing"][lang], WORDS["any_time"][lang]]
    exp["notice.objection"] += [p.description for p in ps if p.legal_basis in objectable]
    days = [] if d.rights.response_days == 30 else [str(d.rights.response_days)]  # 30 days: "one month"
    exp["notice.exercise"] = [*days, WORDS["one_month"][lang], *d.rights.channels]
    dpo_mail = c.dpo and c.dpo.email
    exp["notice.exercise"].append((c.rights_contact and c.rights_contact.email) or dpo_mail or c.email)
    exp["notice.exercise"] += [sentence(d.rights.identity_check)] if d.rights.identity_check else []
    authority = competent(d, Role.CONTROLLER, lang)  # the shipped one of its main establishment, or the given
    exp["notice.complaint"] = [authority.name] + ([authority.url] if authority.url else [])
    exp["notice.security"] = [m.description for m in d.security_measures] + list(c.certifications)
    if d.cookies:
        months = "mois" if lang == "fr" else "months"
        exp["notice.cookies"] = [k.name for k in d.cookies] + [k.purpose for k in d.cookies if k.purpose]
        exp["notice.cookies"] += [k.opt_out_url for k in d.cookies if k.opt_out_url and k.consent_required]
        exp["notice.cookies"] += [f"{k.lifetime_months} {months}" for k in d.cookies if k.lifetime_months]
        if any(k.consent_required for k in d.cookies) and d.cookie_settings:
            exp["notice.cookies"].append(sentence(d.cookie_settings))
    if d.rights.post_mortem:
        exp["notice.post-mortem"] = [{"fr": "décès", "en": "death"}[lang], "84"]
    exp["notice.changes"] = [fmt(lang, "date", d.document.effective_date), d.changes.channel or ""]
    exp["notice.changes"] += [str(d.changes.notice_days)] if d.changes.notice_days else []
    exp["notice.changes"] += [d.changes.url] if d.changes.url else []
    return exp


def expected_charter(d: Description, lang: str) -> dict[str, list[str]]:
    p = d.processor
    assert p is not None
    exp: dict[str, list[str]] = {}
    exp["charter.scope"] = [p.legal_name or "", *(s.name for s in d.services)]
    exp["charter.scope"] += [d.main_agreement.title] if d.main_agreement and d.main_agreement.title else []
    exp["charter.roles"] = [{"fr": "responsable du traitement", "en": "controller"}[lang]]
    exp["charter.roles"] += d.contract.controller_undertakings
    cats = categories(d.activities)
    exp["charter.description"] = [a.name for a in d.activities] + [x.name for x in cats]
    exp["charter.description"] += [s for a in d.activities for s in a.data_subjects]
    exp["charter.description"] += [x.description for x in purposes(d.activities)]
    exp["charter.retention"] = [x.name for x in cats] + [duration_cell(lang, x) for x in cats if x.retention]
    exp["charter.instructions"] = [{"fr": "immédiatement", "en": "immediately"}[lang]]
    exp["charter.confidentiality"] = [{"fr": "confidentialité", "en": "confidentiality"}[lang]]
    exp["charter.security"] = [m.description for m in d.security_measures] + list(p.certifications)
    exp["charter.security"] += [label_of(lang, "SecurityCategory", m.category) for m in d.security_measures]
    exp["charter.breach"] = [f"{d.breach.notice_hours} {WORDS['hours'][lang]}"]
    exp["charter.breach"] += [x for x in (d.breach.processor_contact, d.breach.channel) if x]
    sp = d.subprocessor_policy
    exp["charter.subprocessors"] = [label_of(lang, "SubprocessorRegime", sp.regime)]
    exp["charter.subprocessors"] += [s.name for s in d.subprocessors] + ([sp.list_url] if sp.list_url else [])
    exp["charter.subprocessors"] += [sentence(sp.vetting)] if sp.vetting else []
    exp["charter.subprocessors"] += [str(sp.notice_days)] if sp.notice_days else []
    if sp.regime.value == "general" and sp.objection_days:
        exp["charter.subprocessors"].append(str(sp.objection_days))
    exp["charter.audits"] = ["audit", *d.audits.accepted_certifications]
    exp["charter.audits"] += [str(d.audits.notice_days)] if d.audits.notice_days else []
    exp["charter.assistance"] = [str(d.assistance.dsr_forward_days)] if d.assistance.dsr_forward_days else []
    if d.assistance.dpia:
        exp["charter.assistance"].append({"fr": "analyses d'impact", "en": "impact assessments"}[lang])
    exp["charter.authorities"] = [{"fr": "autorité", "en": "authority"}[lang]]
    e = d.end_of_contract
    exp["charter.end"] = [str(x) for x in (e.delay_days, e.backups_days) if x]
    exp["charter.end"] += [sentence(e.legal_retention)] if e.legal_retention else []
    if d.contract.processor_undertakings:
        exp["charter.undertakings"] = list(d.contract.processor_undertakings)
    sites = d.hosting.sites
    exp["charter.hosting"] = [s.provider or "" for s in sites] + [x for s in sites for x in s.certifications]
    exp["charter.hosting"] += [fmt(lang, "country", s.country) for s in sites if s.country]
    exp["charter.hosting"] += [s.city for s in sites if s.city]
    outside = [s for s in d.subprocessors if outside_eea(s)]
    if outside:
        exp["charter.transfers"] = [s.name for s in outside] + mechanisms(lang, outside)
    elif d.hosting.no_transfer_outside_eea:
        exp["charter.transfers"] = [WORDS["eea"][lang]]
    contacts = (p.email, p.dpo and p.dpo.email, p.security_officer and p.security_officer.email,
                p.rights_contact and p.rights_contact.email)
    exp["charter.contacts"] = [x for x in contacts if x]
    own = d.processor_own_activities
    exp["charter.own-data"] = [p.legal_name or ""] + [x.description for x in purposes(own)]
    exp["charter.own-data"] += [x.name for x in categories(own)]
    exp["charter.own-data"] += [duration_cell(lang, x) for x in categories(own) if x.retention]
    exp["charter.own-data"] += [r.name for r in d.recipients]  # Art. 13(1)(e) for its own contacts
    rc_mail = (p.rights_contact and p.rights_contact.email) or (p.dpo and p.dpo.email) or p.email or ""
    days = [] if d.rights.response_days == 30 else [str(d.rights.response_days)]  # 30 days: "one month"
    own_authority = competent(d, Role.PROCESSOR, lang).name or ""
    exp["charter.own-rights"] = [rc_mail, *days, WORDS["one_month"][lang], own_authority]
    exp["charter.own-rights"] += WORDS["own_rights"][lang]
    exp["charter.own-rights"] += [WORDS["marketing"][lang], WORDS["any_time"][lang]]
    if d.cookies:
        exp["charter.cookies"] = [k.name for k in d.cookies]
    exp["charter.changes"] = [fmt(lang, "date", d.document.effective_date), d.changes.channel or ""]
    exp["charter.changes"] += [str(d.changes.notice_days)] if d.changes.notice_days else []
    return exp


def listed_processors(d: Description) -> list[Any]:
    """Who the subprocessor list shows: the subprocessors, or a controller's recipients of kind processor."""
    if d.processor or d.subprocessors:
        return list(d.subprocessors)
    return [r for r in d.recipients if r.kind.value == "processor"]


def expected_list(d: Description, lang: str) -> dict[str, list[str]]:
    rows = listed_processors(d)
    exp: dict[str, list[str]] = {"subprocessors.table": [r.name for r in rows]}
    for r in rows:
        exp["subprocessors.table"] += [r.activity or ""] if hasattr(r, "activity") else [r.purpose or ""]
        added = getattr(r, "date_added", None)
        exp["subprocessors.table"] += [fmt(lang, "date", added)] if added else []
        exp["subprocessors.table"] += list(getattr(r, "certifications", []))
        if r.transfer:
            exp["subprocessors.table"].append(label_of(lang, "TransferMechanism", r.transfer.mechanism))
    if d.hosting.sites:
        exp["subprocessors.hosting"] = [s.provider or "" for s in d.hosting.sites]
    exp["subprocessors.updates"] = [fmt(lang, "date", d.document.last_update or d.document.effective_date)]
    if d.processor and d.subprocessor_policy.notice_days:
        exp["subprocessors.updates"].append(str(d.subprocessor_policy.notice_days))
    return exp


EXPECTED = {
    "privacy-notice": expected_notice, "processor-charter": expected_charter, "subprocessors": expected_list,
}


# -- every complete example, both languages, each applicable charter ---------------------------------------
def test_every_charter_is_exercised() -> None:
    documents = {p.values[1] for p in CASES}
    assert documents == set(CHARTERS), documents


@pytest.mark.parametrize(("name", "document", "lang"), CASES)
def test_required_items_carry_the_model_values(name: str, document: str, lang: str) -> None:
    doc = tree(name, document, lang)
    d = example(name)
    texts = for_document(d, lang)  # the description's own texts, as the document's language shows them

    def shown(needle: str) -> str:  # a needle may be a text without its final full stop
        for key in (needle, f"{needle}."):
            if key in texts:
                return texts[key] if key == needle else texts[key].rstrip(".")
        return needle

    missing = []
    for clause_id, needles in EXPECTED[document](d, lang).items():
        clause = find_clause(doc, clause_id)
        if clause is None:
            missing.append(f"clause {clause_id} is absent")
            continue
        text = clause_text(clause)
        missing += [f"{clause_id}: {needle!r}" for needle in needles if norm(shown(needle)) not in text]
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize(("name", "document", "lang"), CASES)
def test_tables_hold_every_row(name: str, document: str, lang: str) -> None:
    d = example(name)
    found = tables(tree(name, document, lang))
    if document == "privacy-notice":
        want = {"purposes": len(purposes(d.activities)), "categories": len(categories(d.activities)),
                "retention": len(categories(d.activities)), "recipients": len(d.recipients),
                "processors": len(d.subprocessors), "cookies": len(d.cookies)}
    elif document == "processor-charter":
        want = {"retention": len(categories(d.activities)), "cookies": len(d.cookies),
                "own_purposes": len(purposes(d.processor_own_activities)),
                "own_data": len(categories(d.processor_own_activities))}
    else:
        rows = listed_processors(d)
        want = {"subprocessors" if (d.processor or d.subprocessors) else "processors": len(rows),
                "sites": len(d.hosting.sites)}
    for name_, count in want.items():
        if count == 0:
            assert name_ not in found, f"an empty table '{name_}' is shown"
        else:
            assert len(found[name_].rows) == count, name_
            cells = [plain(cell).strip() for row in found[name_].rows for cell in row]
            assert all(cells), f"empty cell in {name_}"


@pytest.mark.parametrize(("name", "document", "lang"), CASES)
def test_text_is_clean(name: str, document: str, lang: str) -> None:
    text = norm(tree(name, document, lang).text())
    for leftover in ("{{", "{%", "}}", "%}", "Missing(", "\x02", "\x03", "\x04", " ,", " .", ",,"):
        assert leftover not in text, leftover
    assert not re.search(r"\bNone\b(?! of)", text)
    assert not re.search(r"(?<!\.)\.\.(?!\.)", text), re.search(r".{40}(?<!\.)\.\.(?!\.).{0,20}", text)


@pytest.mark.parametrize(("name", "document", "lang"), CASES)
def test_complete_examples_finalise(name: str, document: str, lang: str) -> None:
    try:
        build_doc(example(name), document, lang, draft=False)
    except IncompleteError as exc:
        pytest.fail(f"examples/{name}.json lacks what the {document} needs: {exc.details}")


@pytest.mark.parametrize("name", sorted({p.values[0] for p in CASES if p.values[1] == "processor-charter"}))
def test_processor_charter_never_names_a_particular_client(name: str) -> None:
    d = example(name)
    for lang in LANGS:
        text = tree(name, "processor-charter", lang).text()
        if d.controller and d.controller.legal_name:
            assert d.controller.legal_name not in text
        if d.breach.recipient:
            assert d.breach.recipient not in text


def test_titles_follow_the_brief() -> None:
    assert tree("okasio", "privacy-notice", "fr").title == "Politique de confidentialité"
    assert tree("okasio", "privacy-notice", "en").title == "Privacy notice"
    charter = "Charte de protection des données (sous-traitant)"
    assert tree("avm-up", "processor-charter", "fr").title == charter
    assert tree("avm-up", "processor-charter", "en").title == "Processor data-protection charter"
    assert tree("avm-up", "subprocessors", "fr").title == "Liste des sous-traitants ultérieurs"
    assert tree("okasio", "subprocessors", "fr").title == "Liste de nos sous-traitants"


# -- which documents apply ---------------------------------------------------------------------------------
def test_documents_that_apply() -> None:
    applicable = {p.stem: applicable_documents(load(p), LIB) for p in complete_example_paths()}
    assert {"privacy-notice", "subprocessors"} <= set(applicable["okasio"])
    assert "processor-charter" not in applicable["okasio"]  # controller-only: no processor charter
    assert {"processor-charter", "subprocessors"} <= set(applicable["avm-up"])
    assert "privacy-notice" not in applicable["avm-up"]  # the publisher is the processor, not its client
    controller_only = variant("okasio", recipients=[])
    assert "subprocessors" not in applicable_documents(controller_only, LIB)
    with pytest.raises(DpagenError, match="does not apply"):
        build_doc(example("avm-up"), "privacy-notice", "fr")


# -- absent when it does not apply -------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_no_cookie_section_without_cookies(lang: str) -> None:
    for name, document, clause_id in (("okasio", "privacy-notice", "notice.cookies"),
                                      ("avm-up", "processor-charter", "charter.cookies")):
        assert find_clause(tree(name, document, lang), clause_id) is not None
        doc = build_doc(variant(name, cookies=[]), document, lang)
        assert find_clause(doc, clause_id) is None
        assert "cookies" not in tables(doc)
        assert "cookies" not in {s.id for s in doc.sections}


@pytest.mark.parametrize("lang", LANGS)
def test_optional_notice_clauses_follow_the_model(lang: str) -> None:
    bare = variant(
        "okasio", marketing=None, cookies=[], cookie_settings=None, rights={"post_mortem": False},
        activities=[{**a, "purposes": [{**p, "legal_basis": "contract"} for p in a["purposes"]]}
                    for a in example("okasio").model_dump(mode="json")["activities"]],
    )
    doc = build_doc(bare, "privacy-notice", lang)
    for absent in ("notice.marketing", "notice.consent", "notice.post-mortem", "notice.cookies"):
        assert find_clause(doc, absent) is None, absent
    objection = clause_text(find_clause(doc, "notice.objection"))  # type: ignore[arg-type]
    assert WORDS["marketing"][lang] in objection  # objection to marketing is always stated
    full = tree("okasio", "privacy-notice", lang)
    for present in ("notice.marketing", "notice.consent", "notice.post-mortem", "notice.cookies"):
        assert find_clause(full, present) is not None, present


@pytest.mark.parametrize("lang", LANGS)
def test_transfers_are_listed_or_the_eea_is_stated(lang: str) -> None:
    data = example("optillio").model_dump(mode="json")
    kept = [r for r in data["recipients"] if not r.get("transfer")]
    hosting = {**data["hosting"], "no_transfer_outside_eea": True}
    inside = variant("optillio", recipients=kept, hosting=hosting)
    text = clause_text(find_clause(build_doc(inside, "privacy-notice", lang), "notice.transfers"))  # type: ignore[arg-type]
    assert WORDS["eea"][lang] in text and WORDS["no_transfer"][lang] in text
    listed = clause_text(find_clause(tree("optillio", "privacy-notice", lang), "notice.transfers"))  # type: ignore[arg-type]
    assert WORDS["no_transfer"][lang] not in listed
    maintenance = "Prestataires de maintenance et de développements techniques"
    assert {"fr": maintenance, "en": "Maintenance and technical development providers"}[lang] in listed
    # a recipient outside the EEA without a safeguard is a visible gap, and a final document is refused
    data = example("optillio").model_dump(mode="json")
    data["recipients"].append({"name": "Outil américain", "kind": "processor", "country": "US"})
    gap = Description.model_validate(data)
    drafted = build_doc(gap, "privacy-notice", lang)
    assert "Outil américain" in clause_text(find_clause(drafted, "notice.transfers"))  # type: ignore[arg-type]
    assert f"recipients[{len(data['recipients']) - 1}].transfer" in drafted.missing
    with pytest.raises(IncompleteError):
        build_doc(gap, "privacy-notice", lang, draft=False)


@pytest.mark.parametrize("lang", LANGS)
def test_hosting_outside_the_eea_states_its_safeguard(lang: str) -> None:
    data = example("avm-up").model_dump(mode="json", by_alias=True)
    data["hosting"]["no_transfer_outside_eea"] = False
    canada = {"provider": "Backup Canada", "country": "CA", "transfer": {"mechanism": "adequacy"}}
    data["hosting"]["sites"] += [canada, {"provider": "Mirror US", "country": "US"}]
    d = Description.model_validate(data)
    adequacy = norm(LIB.labels_in(lang)["TransferMechanism"]["adequacy"])
    for document, clause_id in (("processor-charter", "charter.transfers"),
                                ("subprocessors", "subprocessors.transfers")):
        doc = build_doc(d, document, lang)
        text = clause_text(find_clause(doc, clause_id))  # type: ignore[arg-type]
        assert "Backup Canada" in text and adequacy in text
        assert "Mirror US" in text and "hosting.sites[3].transfer" in doc.missing
        assert {"fr": "restent dans", "en": "stays in"}[lang] not in text


@pytest.mark.parametrize("lang", LANGS)
def test_processor_charter_variants(lang: str) -> None:
    data = example("mobile-marketing").model_dump(mode="json", by_alias=True)
    contract = {**data["contract"], "processor_undertakings": []}
    data.update(processor_own_activities=[], cookies=[], contract=contract)
    data["subprocessor_policy"]["regime"] = "specific"
    data["subprocessors"].append({
        "name": "CloudUS", "activity": "envoi des SMS internationaux", "country": "US",
        "data_locations": ["US"],
        "transfer": {"mechanism": "scc", "scc_module": "module_3"}, "date_added": "2026-01-05",
    })
    doc = build_doc(Description.model_validate(data), "processor-charter", lang)
    found = tables(doc)
    assert "own_purposes" not in found and "own_data" not in found and "cookies" not in found
    assert find_clause(doc, "charter.undertakings") is None and find_clause(doc, "charter.cookies") is None
    # no own processing described: no notice for the processor's own contacts with nothing in it
    assert find_clause(doc, "charter.own-data") is None and find_clause(doc, "charter.own-rights") is None
    subs = clause_text(find_clause(doc, "charter.subprocessors"))  # type: ignore[arg-type]
    assert norm(LIB.labels_in(lang)["SubprocessorRegime"]["specific"]) in subs and "CloudUS" in subs
    transfers = clause_text(find_clause(doc, "charter.transfers"))  # type: ignore[arg-type]
    assert "CloudUS" in transfers and norm(LIB.labels_in(lang)["SccModule"]["module_3"]) in transfers
    assert {"fr": "restent dans", "en": "stays in"}[lang] not in transfers  # no "data stays in the EEA" claim
    listing = build_doc(Description.model_validate(data), "subprocessors", lang)
    rows = {plain(r[0]): [plain(c) for c in r] for r in tables(listing)["subprocessors"].rows}
    assert norm(LIB.labels_in(lang)["TransferMechanism"]["scc"]) in norm(" ".join(rows["CloudUS"]))


@pytest.mark.parametrize("lang", LANGS)
def test_empty_subprocessor_list_says_so(lang: str) -> None:
    d = variant("avm-up", subprocessors=[])
    text = clause_text(find_clause(build_doc(d, "processor-charter", lang), "charter.subprocessors"))  # type: ignore[arg-type]
    assert {"fr": "aucun sous-traitant ultérieur", "en": "use no subprocessor"}[lang] in text
    listing = build_doc(d, "subprocessors", lang)
    assert "subprocessors" not in tables(listing)
    assert {"fr": "aucun sous-traitant", "en": "No subprocessor"}[lang] in norm(listing.text())


def test_dpo_absent_gives_a_contact_instead() -> None:
    controller = {**example("optillio").model_dump(mode="json")["controller"], "dpo": None}
    d = variant("optillio", controller=controller)
    clause = find_clause(build_doc(d, "privacy-notice", "fr"), "notice.dpo")
    assert clause is not None and clause.title == "Contact pour vos données"
    assert "dpo@optillio.example" in clause_text(clause)  # the rights contact


# -- Markdown through the command line ---------------------------------------------------------------------
def test_generate_markdown_privacy_notice(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "dpagen", "generate", str(EXAMPLES / "okasio.json"), "--doc", "privacy-notice",
         "--format", "md", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    [written] = list(tmp_path.glob("*.md"))
    md = norm(written.read_text(encoding="utf-8"))
    d = example("okasio")
    assert md.startswith("# Politique de confidentialité\n")
    for heading in ("## Qui sommes-nous ?", "## Vos droits et comment les exercer",
                    "## Cookies et autres traceurs",
                    "### Transferts hors de l'Espace économique européen", "### Durées de conservation"):
        assert f"\n{heading}\n" in md, heading
    cookie_rows = md_table(md, "| Cookie | Finalité | Durée de vie |")
    assert len(cookie_rows) == len(d.cookies)
    assert cookie_rows[2].startswith("| \\_ga (Google LLC (Google Analytics)) |")  # Markdown escapes "_"
    assert len(md_table(md, "| Données | Durée de conservation |")) == len(categories(d.activities))
    assert len(md_table(md, "| Finalité | Données utilisées | Base légale |")) == len(purposes(d.activities))
    for fact in ("OVH SAS", "Belgique", "Stripe", "13 mois", "15 mois", "CNIL", "https://www.cnil.fr/fr/plaintes",
                 "21 décembre 2026"):
        assert fact in md, fact
    assert "[●]" not in md


def md_table(md: str, header: str) -> list[str]:
    """The body rows of the Markdown table whose header line starts with ``header``."""
    lines = md.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


# -- the clause files --------------------------------------------------------------------------------------
CLAUSE_DIRS = [ROOT / "clauses" / name for name in CHARTERS]
CHECKLIST = ROOT / "tests" / "data" / "checklist_ids.txt"
TAG_AT_END = re.compile(r"\{%-?\s*[^%]*?(?<!\+)%\}\s*$")


def checklist_ids() -> list[str]:
    """Ids of the legal checklist (the copy kept in tests/data)."""
    lines = CHECKLIST.read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[1] for line in lines if "\t" in line and not line.startswith("#")]


def charter_clauses() -> list[Any]:
    return [c for c in LIB.clauses.values() if c.document in CHARTERS]


def test_clauses_are_bilingual_and_cited() -> None:
    known = set(checklist_ids())
    assert len(charter_clauses()) >= 30
    for clause in charter_clauses():
        assert clause.title.fr.strip() and clause.title.en.strip(), clause.id
        assert clause.text.fr.strip() and clause.text.en.strip(), clause.id
        assert clause.checklist, f"{clause.id} cites no checklist item"
        unknown = set(clause.checklist) - known
        assert not unknown, f"{clause.id}: {unknown}"


def test_every_information_item_is_covered() -> None:
    known = checklist_ids()
    info = {i for i in known if i.startswith(("INF-", "INF13-", "INF14-"))}
    not_stated = {"INF13-EXC",  # an exemption for the controller: nothing to tell the reader
                  "INF-PROC"}  # covered by the processor charter, below
    cited_notice = {i for c in charter_clauses() if c.document == "privacy-notice" for i in c.checklist}
    cited_charter = {i for c in charter_clauses() if c.document == "processor-charter" for i in c.checklist}
    assert info - not_stated <= cited_notice, info - not_stated - cited_notice
    assert "INF-PROC" in cited_charter
    french = {"FR-LOI", "FR-CNIL", "FR-PM", "FR-MIN", "FR-CK1", "FR-CK2", "FR-CK3", "FR-PROS", "FR-COMPTA",
              "FR-LOGS", "FR-CB", "FR-EMAIL"}
    assert french <= cited_notice, french - cited_notice


def test_no_line_loses_its_newline() -> None:
    """Under trim_blocks, a text line ending in a block tag runs into the next unless the tag ends '+%}'."""
    offenders = []
    for folder in CLAUSE_DIRS:
        for path in sorted(folder.glob("*.toml")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                content = re.sub(r"\{[{%].*?[%}]\}", "", line).strip()
                if TAG_AT_END.search(line) and content:
                    offenders.append(f"{path.name}:{number}")
    assert not offenders, offenders


def test_dates_in_examples_render_in_both_languages() -> None:
    assert fmt("fr", "date", dt.date(2026, 12, 1)) == "1er décembre 2026"
    assert "1er décembre 2026" in norm(tree("avm-up", "processor-charter", "fr").text())
    assert "1 December 2026" in tree("avm-up", "processor-charter", "en").text()
