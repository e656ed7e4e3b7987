"""The DPA clause library, checked from its metadata and templates.

Every A28-*, SCC-* (but SCC-2a, SCC-2b, SCC-5) and EDPB-* item of sections 1-4 of the legal checklist must be
covered by a clause that applies, for each subprocessor regime; every clause is bilingual, titled, cites its
articles, and renders for every example and for variants that exercise its branches.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jinja2 import meta

from conftest import ROOT, complete_example_paths, example_paths
from dpagen.build import build, derived_facts
from dpagen.clauses import ClauseSpec, load_library
from dpagen.doctree import Document
from dpagen.io import load
from dpagen.model import Description
from dpagen.templating import Renderer

REFERENCE = ROOT.parent / "shared" / "reference" / "legal-checklist.md"
COPY = Path(__file__).parent / "data" / "checklist_ids.txt"
ID = re.compile(r"^\s*(?:\d+\.|-)\s+\*\*([A-Z][A-Z0-9]*(?:-[A-Za-z0-9.]+)*)\*\*")  # a list item led by its id
NOT_REQUIRED = {"SCC-2a", "SCC-2b", "SCC-5"}  # the Commission's own text, and the optional docking clause
OPTION = {"specific": "SCC-7.7a-O1", "general": "SCC-7.7a-O2"}


# -- the checklist -------------------------------------------------------------------------------------------
def parse_checklist(text: str) -> list[tuple[int, str]]:
    """(section number, id) for every item of the checklist, in order."""
    entries: list[tuple[int, str]] = []
    section = 0
    for line in text.splitlines():
        heading = re.match(r"^## (\d+)\.", line)
        if heading:
            section = int(heading.group(1))
            continue
        item = ID.match(line)
        if item:
            entries.append((section, item.group(1)))
    return list(dict.fromkeys(entries))


def checklist_entries() -> list[tuple[int, str]]:
    """The checklist's ids: from the shared reference when present, else from the copy kept in tests/data."""
    if REFERENCE.is_file():
        return parse_checklist(REFERENCE.read_text(encoding="utf-8"))
    return copied_entries()


def copied_entries() -> list[tuple[int, str]]:
    """The ids kept in tests/data/checklist_ids.txt."""
    lines = COPY.read_text(encoding="utf-8").splitlines()
    return [(int(s), i) for s, i in (line.split("\t") for line in lines if not line.startswith("#"))]


def required_ids() -> set[str]:
    """Items the contract must cover: A28-*, SCC-*, EDPB-* of sections 1-4, less the Commission-only ones."""
    return {
        id_ for section, id_ in checklist_entries()
        if 1 <= section <= 4 and id_.startswith(("A28-", "SCC-", "EDPB-")) and id_ not in NOT_REQUIRED
    }


# -- descriptions --------------------------------------------------------------------------------------------
DELETE = object()


def variant(base: Description, changes: dict[str, Any]) -> Description:
    """A copy of ``base`` with dotted paths set (a callable gets the old value; DELETE removes the key)."""
    data = base.model_dump(mode="json", by_alias=True, exclude_none=True)
    for path, value in changes.items():
        *parents, last = path.split(".")
        node: Any = data
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node.setdefault(key, {})
        key: Any = int(last) if isinstance(node, list) else last
        if value is DELETE:
            node.pop(key, None) if isinstance(node, dict) else node.pop(key)
        elif callable(value):
            node[key] = value(node.get(key) if isinstance(node, dict) else node[key])
        else:
            node[key] = value
    return Description.model_validate(data)


HEALTH = {
    "name": "Données de santé des patients",
    "examples": "motif de consultation",
    "special_category": "health",
    "art9_condition": "h_health_social_care",
    "source": "controller",
    "retention": {"duration": {"value": 20, "unit": "years"}, "start": "contract_end"},
}
OFFENCES = {
    "name": "Mentions de condamnations", "criminal_offence": True,
    "retention": {"criteria": "le temps du dossier"},
}
US_MAILER = {
    "name": "MailCloud", "entity": "MailCloud Inc.", "country": "US",
    "activity": "envoi des courriers électroniques", "data_locations": ["US", "IE"],
    "address": {"street": "1 Market St", "city": "San Francisco", "country": "US"},
    "contact": {"name": "Privacy Office", "email": "privacy@mailcloud.example"},
    "transfer": {"mechanism": "scc", "scc_module": "module_3", "details": "chiffrement de bout en bout"},
}
UK_SUPPORT = {
    "name": "HelpDesk UK", "country": "GB", "activity": "support technique", "data_locations": ["GB"],
    "address": {"street": "10 High Street", "city": "London", "country": "GB"},
    "contact": {"name": "Data Protection Lead", "phone": "+44 20 0000 0000"},
    "transfer": {"mechanism": "adequacy"},
}
US_DPF = {
    "name": "Analytix", "country": "US", "activity": "mesure d'audience", "data_locations": ["US"],
    "address": {"street": "5 Main Street", "city": "Boston", "country": "US"},
    "contact": {"name": "Privacy team", "email": "privacy@analytix.example"},
    "transfer": {"mechanism": "adequacy", "dpf_certified": True},
}


def add(item: Any) -> Callable[[list[Any] | None], list[Any]]:
    """A change that appends ``item`` to a list."""
    return lambda old: [*(old or []), item]


def with_special(d: Description) -> Description:
    """The description with an Art. 9 and an Art. 10 data category."""
    return variant(d, {"activities.0.data_categories": lambda old: [*old, HEALTH, OFFENCES]})


def with_regime(d: Description, regime: str) -> Description:
    """The description under the given subprocessor regime."""
    return variant(d, {"subprocessor_policy.regime": regime})


VARIANTS: dict[str, dict[str, Any]] = {
    "specific": {"subprocessor_policy.regime": "specific",
                 "subprocessor_policy.list_url": "https://x.example/sub",
                 "subprocessors.0.address": {"street": "2 rue A", "postal_code": "69001", "city": "Lyon",
                                             "country": "FR"},
                 "subprocessors.1.address": {"street": "3 rue B", "city": "Paris", "country": "FR"}},
    "special": {"activities.0.data_categories": lambda old: [*old, HEALTH, OFFENCES]},
    "transfers": {"subprocessors": lambda old: [*old, US_MAILER, UK_SUPPORT, US_DPF],
                  "hosting.no_transfer_outside_eea": False, "hosting.transfer_notice": False},
    "site-outside-eea": {"hosting.sites": add({"provider": "Edge", "country": "US", "city": "Austin"})},
    "derogations": {"subprocessors": add({"name": "FarAway", "country": "IN", "activity": "support",
                                          "address": {"street": "1 MG Road", "city": "Bengaluru", "country": "IN"},
                                          "contact": {"name": "Privacy desk", "email": "privacy@faraway.example"},
                                          "transfer": {"mechanism": "derogation",
                                                       "derogation": "second_subparagraph"}}),
                    "hosting.sites": add({"provider": "Edge", "country": "US",
                                          "transfer": {"mechanism": "derogation",
                                                       "derogation": "b_contract_with_data_subject"}}),
                    "hosting.transfer_notice": False},
    "no-retention": {"activities.0.data_categories.0.retention": {"duration": {"value": 0, "unit": "days"}},
                     "activities.0.data_categories.1.retention": {"duration": {"value": 0, "unit": "days"},
                                                                  "criteria": "effacées dès l'envoi"}},
    "audits-documentary": {"audits.on_site": False, "audits.cost": "processor", "audits.max_per_year": 0,
                           "audits.third_party_auditor": False, "audits.accepted_certifications": []},
    "audits-on-site": {"audits.documentary": False, "audits.cost": "shared", "audits.max_per_year": DELETE,
                       "audits.auditor_confidentiality": False},
    "delete": {"end_of_contract.action": "delete", "end_of_contract.certificate": False,
               "end_of_contract.backups_days": DELETE, "end_of_contract.legal_retention": "factures, 10 ans"},
    "return": {"end_of_contract.action": "return"},
    "return-then-delete": {"end_of_contract.action": "return_then_delete"},
    "assistance": {"assistance.dpia": False, "assistance.prior_consultation": False,
                   "assistance.billable": True, "assistance.dsr_channel": DELETE,
                   "breach.processor_notifies_authority": True},
    "no-dpo": {"processor.dpo": DELETE, "controller.dpo": DELETE, "breach.processor_contact": DELETE,
               "processor.registration": DELETE, "contract.liability": DELETE},
    "bare": {"services": [], "subprocessors": [], "term": {"end": "2028-12-31", "start": "2027-01-01"},
             "document.effective_date": DELETE, "main_agreement.reference": DELETE,
             "main_agreement.date": DELETE,
             "controller.eu_representative": {"name": "Rep EU", "email": "rep@eu.example"}},
}


def avm() -> Description:
    return load(ROOT / "examples" / "avm-up.json")


def two_party_examples(*, complete: bool = False) -> list[Path]:
    """Examples with a controller and a processor (the DPA applies); ``complete``: not the '-flawed' ones."""
    paths = complete_example_paths() if complete else example_paths()
    return [p for p in paths if (d := load(p)).controller is not None and d.processor is not None]


def dpa_clauses() -> list[ClauseSpec]:
    return load_library().for_document("dpa")


def covered(document: Document) -> set[str]:
    return {item for clause in document.clauses() for item in clause.checklist}


# -- coverage ------------------------------------------------------------------------------------------------
def test_required_items_come_from_the_checklist() -> None:
    required = required_ids()
    assert {"A28-3a", "A28-3h", "SCC-7.7a-O1", "SCC-9.2", "SCC-10d", "EDPB-BREACH", "EDPB-OP22"} <= required
    assert not required & NOT_REQUIRED
    assert not any(i.startswith(("CNIL-", "BR-", "INF-", "SCC-T-")) for i in required)


def test_checklist_copy_matches_the_reference() -> None:
    if not REFERENCE.is_file():
        pytest.skip("shared/reference is not available on this machine")
    assert copied_entries() == parse_checklist(REFERENCE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("special", [False, True], ids=["plain", "special-categories"])
@pytest.mark.parametrize("regime", ["general", "specific"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_required_item_is_covered_by_an_applicable_clause(
    regime: str, special: bool, language: str
) -> None:
    d = with_regime(avm(), regime)
    if special:
        d = with_special(d)
    document = build(d, "dpa", language=language, draft=True)  # specific: Annex IV then needs addresses
    other = OPTION["general" if regime == "specific" else "specific"]
    expected = required_ids() - {other} - (set() if special else {"SCC-7.5"})
    assert expected - covered(document) == set()
    assert OPTION[regime] in covered(document)
    assert other not in covered(document), "the other regime's clause must be left out"


def test_cited_checklist_ids_exist() -> None:
    known = {i for _, i in checklist_entries()}
    for clause in dpa_clauses():
        assert set(clause.checklist) <= known, f"{clause.id}: unknown ids {set(clause.checklist) - known}"


# -- shape of each clause ------------------------------------------------------------------------------------
@pytest.mark.parametrize("clause", dpa_clauses(), ids=lambda c: c.id)
def test_clause_is_bilingual_titled_and_cites_articles(clause: ClauseSpec) -> None:
    for language in ("fr", "en"):
        assert clause.title.get(language).strip()
        assert clause.text.get(language).strip()
    assert clause.articles and clause.checklist
    assert all(re.fullmatch(r"\d+(\(\d+\))?(\([a-z]\))?(-\d+)?", a) for a in clause.articles), clause.articles
    assert clause.id.startswith("dpa.")
    assert Path(clause.source).name.startswith(f"{clause.order}-")


def test_clause_order_follows_the_sections() -> None:
    """Numbering follows ``order``; the sections must therefore not interleave."""
    sections = [s.id for s in load_library().documents["dpa"].sections]
    positions = [sections.index(c.section) for c in dpa_clauses()]
    assert positions == sorted(positions)


def templates(clause: ClauseSpec) -> list[tuple[str, str, bool]]:
    """(where, source, is_expression) for every template of a clause; table cells see ``row``."""
    out = [(f"{clause.id} applies_when", clause.applies_when, True)]
    for language in ("fr", "en"):
        out.append((f"{clause.id} title.{language}", clause.title.get(language), False))
        out.append((f"{clause.id} text.{language}", clause.text.get(language), False))
    for table in clause.tables:
        out.append((f"{clause.id} table {table.name} rows", table.rows, True))
        for column in table.columns:
            cells = [column.cell] if isinstance(column.cell, str) else [column.cell.fr, column.cell.en]
            out.extend((f"{clause.id} table {table.name} cell", cell, False) for cell in cells)
        if table.empty:
            where = f"{clause.id} table {table.name} empty"
            out.extend((where, t, False) for t in (table.empty.fr, table.empty.en))
    return out


@pytest.mark.parametrize("clause", dpa_clauses(), ids=lambda c: c.id)
def test_templates_name_only_known_variables(clause: ClauseSpec) -> None:
    env = Renderer("fr", load_library().labels_in("fr"), draft=True).env  # knows dpagen's filters
    facts = set(derived_facts(avm()))
    known = set(Description.model_fields) | {"d", "facts", "lang", "ref", "missing", "row"}
    for where, source, expression in templates(clause):
        ast = env.parse(f"{{{{ {source} }}}}" if expression else source)
        assigned = set(re.findall(r"\{%-?\s*set\s+(\w+)", source))
        unknown = meta.find_undeclared_variables(ast) - known - assigned
        assert not unknown, f"{where}: unknown variables {unknown}"
        assert set(re.findall(r"\bfacts\.(\w+)", source)) <= facts, f"{where}: unknown derived fact"


def test_every_ref_names_a_clause_or_annex() -> None:
    doc = load_library().documents["dpa"]
    targets = {c.id for c in dpa_clauses()} | {s.id for s in doc.sections}
    for clause in dpa_clauses():
        for _, source, _ in templates(clause):
            for target, dynamic in re.findall(r"ref\('([^']+)'(\s*~)?", source):
                if dynamic:  # ref('dpa.subprocessors-' ~ subprocessor_policy.regime)
                    assert {target + r for r in OPTION} <= targets, target
                else:
                    assert target in targets, f"{clause.id}: ref('{target}')"


@pytest.mark.parametrize("clause", dpa_clauses(), ids=lambda c: c.id)
def test_no_line_break_is_swallowed_by_a_trailing_tag(clause: ClauseSpec) -> None:
    """With trim_blocks, text ending in ``%}`` loses its line break and merges paragraphs or bullets."""
    tag = re.compile(r"\{%.*?%\}|\{\{.*?\}\}")
    for language in ("fr", "en"):
        for line in clause.text.get(language).splitlines():
            line = line.rstrip()
            if tag.sub("", line).strip() and line.endswith("%}"):
                assert line.endswith("+%}"), f"{clause.id}.{language}: {line[-60:]!r} (end it with '+%}}')"


@pytest.mark.parametrize("clause", dpa_clauses(), ids=lambda c: c.id)
def test_french_typography(clause: ClauseSpec) -> None:
    """A French drafter puts a no-break space before « : ; ? ! » and inside guillemets."""
    text = re.sub(r"\{%.*?%\}|\{\{.*?\}\}", "X", clause.text.fr + "\n" + clause.title.fr, flags=re.S)
    for bad in (" :", " ;", " ?", " !", "« ", " »"):
        assert bad not in text, f"{clause.id}: ordinary space in {bad!r}"


# -- rendering -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("path", two_party_examples(), ids=lambda p: p.stem)
def test_renders_for_every_example(path: Path, language: str) -> None:
    d = load(path)
    draft = build(d, "dpa", language=language, draft=True)
    assert draft.clauses()
    text = draft.text()
    assert "{{" not in text and "{%" not in text
    if not draft.missing:
        final = build(d, "dpa", language=language)
        assert final.text() == text


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_renders_for_every_variant(name: str, language: str) -> None:
    d = variant(avm(), VARIANTS[name])
    document = build(d, "dpa", language=language, draft=True)
    text = document.text()
    assert "{{" not in text and "{%" not in text
    expected_missing = {
        "site-outside-eea": ["hosting.sites[2].transfer.mechanism"],  # a hosting place outside the EEA needs its tool
        "no-dpo": ["breach.processor_contact"],  # no contact point for breaches at all
    }
    assert document.missing == expected_missing.get(name, [])
