"""What each subprocessor receives, health-data hosting (HDS) and Art. 9(3) secrecy (issue 13, items 1 and 6).

One description (AVM Up with patients' health data, an HDS-certified host and a subprocessor that receives
two categories only) is built once per document and language, and generated once as DOCX and Markdown.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from docx import Document as Docx
from test_dpa_content import clause, flat, ids, text_of
from test_wizard_flow import Then, run

from conftest import EXAMPLES
from dpagen.build import build
from dpagen.cli import main
from dpagen.doctree import Document
from dpagen.model import Description
from dpagen.rules import check

HEALTH = "Données de santé des patients"
HEALTH_EN = "Patients' health data"
SECRECY = "les médecins du cabinet, tenus au secret médical (art. L. 1110-4 CSP)"
SECRECY_EN = "the practice's doctors, bound by medical secrecy (art. L. 1110-4 CSP)"
ACTIVITY_EN = "Provision of the communication services (fax, text message, e-mail, voice)"


def health_data() -> dict[str, Any]:
    """AVM Up processing patients' health data for a French practice; HostLyon holds HDS, PortaNum gets 2 categories."""
    data = json.loads((EXAMPLES / "avm-up.json").read_text(encoding="utf-8"))
    data.pop("$schema", None)
    activity = data["activities"][0]
    activity["data_categories"].append({
        "name": HEALTH, "source": "controller", "special_category": "health",
        "art9_condition": "h_health_social_care", "retention": activity["data_categories"][0]["retention"]})
    activity["purposes"][0]["data"].append(HEALTH)
    data["subprocessors"][0]["hds"] = {"activities": ["1_physical_sites", "2_hardware_infrastructure", "6_backup"],
                                       "certifier": "LNE", "valid_until": "2028-03-31"}
    data["subprocessors"][1]["processing_activities"] = [activity["name"]]
    data["subprocessors"][1]["data_categories"] = ["Données d'identification", "Données de contact électroniques"]
    data["health"] = {"professional_secrecy": SECRECY}
    data["translations"]["en"].update({HEALTH: HEALTH_EN, SECRECY: SECRECY_EN})
    return data


def describe(data: dict[str, Any]) -> Description:
    return Description.model_validate(data)


def changed(path: str, value: Any) -> Description:
    """The health description with one value set (``a.b.0.c``)."""
    data = health_data()
    *parents, last = path.split(".")
    node: Any = data
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node.setdefault(key, {})
    node[int(last) if isinstance(node, list) else last] = value
    return describe(data)


@pytest.fixture(scope="module")
def docs() -> dict[tuple[str, str], Document]:
    d = describe(health_data())
    return {(doc, lang): build(d, doc, language=lang)
            for doc in ("dpa", "processor-charter", "subprocessors") for lang in ("fr", "en")}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three documents in both languages, as final DOCX and Markdown."""
    folder = tmp_path_factory.mktemp("health")
    source = folder / "health.json"
    source.write_text(json.dumps(health_data(), ensure_ascii=False), encoding="utf-8")
    for lang in ("fr", "en"):
        status = main(["generate", str(source), "--doc", "all", "--lang", lang, "--format", "docx,md",
                       "--out", str(folder / lang)])
        assert status == 0
    return folder


WORDS = {
    "fr": {"all_activities": "toutes les activités de traitement décrites à l'annexe II",
           "all_categories": "toutes les catégories de données de ces activités",
           "activity": "Fourniture des services de communication (fax, SMS, e-mail, voix)",
           "two": "Données d'identification et Données de contact électroniques",
           "hds_1": "sites physiques (activité 1)", "hds_6": "sauvegarde des données de santé (activité 6)",
           "until": "31 mars 2028", "termination": "motif de résiliation", "objection": "pour un motif légitime",
           "generic": "qu'à des hébergeurs titulaires de cette certification", "health": HEALTH, "secrecy": SECRECY,
           "list_all": "tous les traitements", "list_data": "— données :",
           "list_rest": "participe à tous les traitements et reçoit toutes les catégories de données"},
    "en": {"all_activities": "all the processing activities described in Annex II",
           "all_categories": "all the categories of data of those activities",
           "activity": ACTIVITY_EN, "two": "Identification data and Electronic contact data",
           "hds_1": "physical sites (activity 1)", "hds_6": "backing up the health data (activity 6)",
           "until": "31 March 2028", "termination": "ground for termination", "objection": "on legitimate grounds",
           "generic": "only to hosts holding that certification", "health": HEALTH_EN,
           "secrecy": SECRECY_EN, "list_all": "all processing", "list_data": "— data:",
           "list_rest": "takes part in all processing and receives all categories of data"},
}


# -- item 1: what each subprocessor receives -------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_annex_iv_delimits_what_each_subprocessor_receives(docs: dict[tuple[str, str], Document], lang: str) -> None:
    w = WORDS[lang]
    rows = flat(text_of(clause(docs["dpa", lang], "dpa.annex-iv.processing"))).splitlines()
    assert f"HostLyon | {w['all_activities']} | {w['all_categories']}" in rows
    assert f"PortaNum | {w['activity']} | {w['two']}" in rows


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_list_and_the_charter_state_it(docs: dict[tuple[str, str], Document], lang: str) -> None:
    w = WORDS[lang]
    listed = flat(text_of(clause(docs["subprocessors", lang], "subprocessors.table")))
    portanum = next(line for line in listed.splitlines() if line.startswith("PortaNum"))
    assert f"{w['list_data']} {w['two']}" in portanum
    hostlyon = next(line for line in listed.splitlines() if line.startswith("HostLyon"))
    assert w["list_data"] not in hostlyon and w["list_rest"] in listed  # HostLyon: all, said once for all
    charter = flat(text_of(clause(docs["processor-charter", lang], "charter.subprocessor-scope")))
    portanum = next(line for line in charter.splitlines() if line.startswith("PortaNum"))
    assert w["activity"] in portanum and w["two"] in portanum
    hostlyon = next(line for line in charter.splitlines() if line.startswith("HostLyon"))
    assert w["list_all"] in hostlyon


def test_a_misspelt_reference_is_an_error_with_its_path_and_a_guess() -> None:
    d = changed("subprocessors.1.data_categories", ["Données d'identificaton"])
    found = [f for f in check(d) if f.rule == "SUBPROCESSOR-UNKNOWN-DATA"]
    assert [f.path for f in found] == ["subprocessors[1].data_categories[0]"]
    assert found[0].severity == "error" and found[0].blocks("dpa") and found[0].blocks("subprocessors")
    assert "vouliez-vous dire « Données d'identification »" in flat(found[0].text("fr"))
    d = changed("subprocessors.1.processing_activities", ["Fourniture des services"])
    found = [f for f in check(d) if f.rule == "SUBPROCESSOR-UNKNOWN-ACTIVITY"]
    assert [f.path for f in found] == ["subprocessors[1].processing_activities[0]"]
    assert "Fourniture des services de communication" in found[0].text("en")
    assert not [f for f in check(describe(health_data())) if f.rule.startswith("SUBPROCESSOR-UNKNOWN")]


def _abroad(categories: list[str]) -> Description:
    data = health_data()
    data["hosting"]["no_transfer_outside_eea"] = False
    data["subprocessors"].append({
        "name": "CallCloud", "country": "US", "data_locations": ["US"], "activity": "voice calls",
        "address": {"street": "1 Main St", "city": "Austin", "country": "US"},
        "contact": {"name": "Privacy Office", "email": "privacy@callcloud.example"},
        "transfer": {"mechanism": "scc", "scc_module": "module_3"}, "date_added": "2026-01-05",
        "data_categories": categories})
    return describe(data)


def test_sensitive_data_reaching_a_subprocessor_outside_the_eea_is_a_warning() -> None:
    found = [f for f in check(_abroad([HEALTH])) if f.rule == "SPECIAL-SUBPROCESSOR-OUTSIDE-EEA"]
    assert [(f.path, f.severity) for f in found] == [("subprocessors[2]", "warning")]
    assert "CallCloud" in found[0].text("en") and HEALTH in found[0].text("en")
    assert {"Art. 9", "Art. 44", "Art. 46"} <= set(found[0].articles)
    assert not [f for f in check(_abroad(["Données d'identification"]))
                if f.rule == "SPECIAL-SUBPROCESSOR-OUTSIDE-EEA"]
    everything = [f for f in check(_abroad([])) if f.rule == "SPECIAL-SUBPROCESSOR-OUTSIDE-EEA"]
    assert len(everything) == 1  # no categories named: it receives all of them, health data included


# -- item 6: HDS ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_contract_names_the_hds_holder_its_activities_and_the_termination(
        docs: dict[tuple[str, str], Document], lang: str) -> None:
    w = WORDS[lang]
    document = docs["dpa", lang]
    text = flat(text_of(clause(document, "dpa.health-data-hosting")))
    holder = next(line for line in text.splitlines() if line.startswith("HostLyon"))
    assert w["hds_1"] in holder and w["hds_6"] in holder and "LNE" in holder and w["until"] in holder
    assert w["termination"] in text and "L. 1111-8" in text
    end = next(c for c in document.clauses() if c.id == "dpa.end-of-contract")
    refer = {"fr": f"conformément à l'article {end.number} ;", "en": f"under Clause {end.number};"}[lang]
    assert refer in text  # the termination sends the data's fate to the end-of-contract clause


def test_the_hds_clause_and_rule_follow_french_health_law() -> None:
    assert "dpa.health-data-hosting" not in ids(build(changed("health.french_law", False), "dpa", language="fr"))
    abroad = changed("controller.address", {"street": "1 Hauptstraße", "postal_code": "10115", "city": "Berlin",
                                            "country": "DE"})
    assert "dpa.health-data-hosting" not in ids(build(abroad, "dpa", language="fr"))
    assert not [f for f in check(abroad) if f.rule == "SPECIAL-HEALTH-HDS"]
    forced = changed("controller.address", {"street": "1 Hauptstraße", "postal_code": "10115", "city": "Berlin",
                                            "country": "DE"})
    forced.health.french_law = True
    assert "dpa.health-data-hosting" in ids(build(forced, "dpa", language="fr", draft=True))


def test_an_uncertified_host_is_named_and_the_contract_states_the_guarantee() -> None:
    d = changed("subprocessors.0.hds", None)
    hosts = {f.path: f.text("fr") for f in check(d) if f.rule == "SPECIAL-HEALTH-HDS"}
    assert "subprocessors[0].hds" in hosts and "« HostLyon »" in flat(hosts["subprocessors[0].hds"])
    assert "hosting.sites[0].hds" in hosts
    assert "subprocessors[1].hds" not in hosts  # PortaNum receives no health data
    text = flat(text_of(clause(build(d, "dpa", language="en"), "dpa.health-data-hosting")))
    assert "warrants that each host of that data" in text and "[●]" not in text
    certified_sites = health_data()
    for site in certified_sites["hosting"]["sites"]:
        site["hds"] = {"scope": "hosting of the servers"}
    assert not [f for f in check(describe(certified_sites)) if f.rule == "SPECIAL-HEALTH-HDS"]


def _notice(d: dict[str, Any], lang: str) -> str:
    """The privacy notice's HDS clause for the description ``d`` published by its controller, flattened."""
    d["publisher"] = "controller"
    return flat(text_of(clause(build(describe(d), "privacy-notice", language=lang, draft=True),
                               "notice.health-hosting")))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_charter_and_the_notice_state_the_certified_hosting(
        docs: dict[tuple[str, str], Document], lang: str) -> None:
    w = WORDS[lang]
    charter = flat(text_of(clause(docs["processor-charter", lang], "charter.health-hosting")))
    holder = next(line for line in charter.splitlines() if line.startswith("HostLyon"))
    assert w["hds_1"] in holder and w["hds_6"] in holder and "LNE" in holder and w["until"] in holder
    assert "L. 1111-8" in charter
    notice = _notice(health_data(), lang)
    holder = next(line for line in notice.splitlines() if line.startswith("HostLyon"))
    assert w["hds_6"] in holder and w["until"] in holder and "L. 1111-8" in notice
    assert w["objection"] in notice  # informed beforehand, may object on legitimate grounds
    uncertified = health_data()
    uncertified["subprocessors"][0]["hds"] = None
    notice = _notice(uncertified, lang)
    assert w["generic"] in notice and "HostLyon" not in notice and "[●]" not in notice
    off = changed("health.french_law", False)
    assert "charter.health-hosting" not in ids(build(off, "processor-charter", language=lang))
    off_data = health_data()
    off_data["health"]["french_law"] = False
    off_data["publisher"] = "controller"
    assert "notice.health-hosting" not in ids(build(describe(off_data), "privacy-notice", language=lang, draft=True))


def test_an_hds_certificate_says_what_it_covers() -> None:
    with pytest.raises(ValueError, match="HDS"):
        changed("subprocessors.0.hds", {"certifier": "LNE"})


# -- item 6: Art. 9(2)(h) and professional secrecy ----------------------------------------------------------------
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_annex_ii_and_the_notice_state_the_secrecy_condition(docs: dict[tuple[str, str], Document], lang: str) -> None:
    w = WORDS[lang]
    annex = flat(text_of(clause(docs["dpa", lang], "dpa.annex-ii.secrecy")))
    assert w["health"] in annex and w["secrecy"] in annex and {"fr": "secret professionnel",
                                                               "en": "professional secrecy"}[lang] in annex
    notice_data = health_data()
    notice_data["publisher"] = "controller"
    notice = build(describe(notice_data), "privacy-notice", language=lang, draft=True)
    text = flat(text_of(clause(notice, "notice.care-secrecy")))
    assert w["health"] in text and w["secrecy"] in text and "9" in text


def test_secrecy_is_asked_for_only_under_article_9_2_h() -> None:
    without = changed("health", {})
    assert [f.path for f in check(without) if f.rule == "SPECIAL-CARE-SECRECY"] == ["health.professional_secrecy"]
    consent = changed("activities.0.data_categories.5.art9_condition", "a_explicit_consent")
    assert "dpa.annex-ii.secrecy" not in ids(build(consent, "dpa", language="fr"))
    consent.health.professional_secrecy = None
    assert not [f for f in check(consent) if f.rule == "SPECIAL-CARE-SECRECY"]


# -- the files, read back -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_docx_and_markdown_state_the_new_facts(files: Path, lang: str) -> None:
    w = WORDS[lang]
    for doc, facts in (("dpa", [w["two"], w["all_categories"], w["hds_6"], w["termination"], w["secrecy"]]),
                       ("subprocessors", [w["two"], w["list_rest"]]),
                       ("processor-charter", [w["two"], w["list_all"], w["hds_6"]])):
        (docx_path,) = (files / lang).glob(f"{doc}-*.docx")
        (md_path,) = (files / lang).glob(f"{doc}-*.md")
        word = Docx(str(docx_path))
        cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
        docx_text = flat("\n".join([p.text for p in word.paragraphs] + cells))
        md_text = flat(md_path.read_text(encoding="utf-8")).replace("\\'", "'")
        for fact in facts:
            assert fact in docx_text, (doc, lang, fact)
            assert fact in md_text, (doc, lang, fact)


# -- the wizard -------------------------------------------------------------------------------------------------
def test_the_wizard_asks_what_a_new_subprocessor_receives_and_its_hds_certificate() -> None:
    start = copy.deepcopy(health_data())
    script, wizard = run({
        "subprocessors#menu": Then(["add", "done"]),
        "subprocessors[2].name": "ArchivSanté",
        "subprocessors[2].country": "FR",
        "subprocessors[2].activity": "sauvegarde externalisée",
        "subprocessors[2].data_categories": [HEALTH],
        "subprocessors[2].hds#has": True,
        "subprocessors[2].hds.activities": ["6_backup"],
        "health.french_law": "yes",
    }, start=start)
    prompt = script.prompts["subprocessors[2].data_categories"]
    assert prompt.message.startswith("Catégories de données qu'il reçoit")
    assert HEALTH in [v for v, _ in prompt.choices]
    assert "L. 1111-8" in script.prompts["health.french_law"].message
    assert "subprocessors[2].processing_activities" not in script.asked  # one activity: nothing to choose
    d = Description.model_validate(wizard.state)
    new = d.subprocessors[2]
    assert new.data_categories == [HEALTH] and new.hds is not None and [a.value for a in new.hds.activities] == [
        "6_backup"]
    assert d.health.french_law is True and d.health.professional_secrecy == SECRECY


# -- changes: what a subprocessor receives is substance --------------------------------------------------------
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_narrowing_what_a_subprocessor_receives_is_announced_with_its_data(lang: str) -> None:
    from dpagen.change_notice import build_notice
    from dpagen.clauses import load_library
    from dpagen.diff import diff

    old = describe(health_data())
    new = changed("subprocessors.1.data_categories", ["Données d'identification"])
    (change,) = [c for c in diff(old, new).changes if c.group == "subprocessors"]
    assert change.fields == ["data_categories"] and change.consequence == "prior-notice"
    letter = build_notice(new, old, library=load_library(), language=lang, notice_date=dt.date(2026, 6, 1))
    data = {"fr": "uniquement les données suivantes : Données d'identification",
            "en": "only the following data: Identification data"}[lang]
    assert data in flat(letter.text())
    assert not [c for c in diff(old, changed("subprocessors.1.certifications", ["ISO 27001"])).changes
                if c.group == "subprocessors" and c.consequence != "information"]
