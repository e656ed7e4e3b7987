"""Parties established outside the EEA (Arts 3(2), 27) and the competent supervisory authority (Arts 56, 77)."""

from __future__ import annotations

import copy
import io
import json
from typing import Any

import pytest

from dpagen.authorities import authority_list, competent
from dpagen.build import build
from dpagen.errors import DpagenError
from dpagen.geo import EU
from dpagen.io import to_data, validate
from dpagen.model import Description, Role
from dpagen.rules import check
from dpagen.rules.report import format_rules_text, run_check
from tests.conftest import load_example

US_OFFICE = {"street": "500 Market Street", "postal_code": "94105", "city": "San Francisco", "country": "US"}
IRISH_REP = {"name": "EU Rep Services Ltd", "email": "rep@eurep.example",
             "address": {"street": "1 Grand Canal Square", "postal_code": "D02 P820", "city": "Dublin 2",
                         "country": "IE"}}


def _us(example: str, **controller: Any) -> dict[str, Any]:
    """An example whose controller is a US company with an Irish Art. 27 representative."""
    data = to_data(load_example(example))
    data["controller"]["address"] = dict(US_OFFICE)
    data["controller"]["registration"] = {"other": "Delaware Division of Corporations 1234567"}
    data["controller"]["eu_representative"] = copy.deepcopy(IRISH_REP)
    data["controller"].update(controller)
    return data


def _text(d: Description, document: str, language: str, draft: bool = False) -> str:
    return build(d, document, language=language, draft=draft).text().replace("\u00a0", " ")


def _rules(d: Description) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for f in check(d):
        found.setdefault(f.rule, []).append(f.path)
    return found


@pytest.fixture(scope="module")
def us_notice() -> Description:
    return validate(_us("okasio"))


@pytest.fixture(scope="module")
def us_notice_text(us_notice: Description) -> dict[str, str]:
    return {lang: _text(us_notice, "privacy-notice", lang) for lang in ("fr", "en")}


# -- a controller established outside the EEA -------------------------------------------------------------


def test_a_us_controller_with_its_representative_has_no_error(us_notice: Description) -> None:
    errors = [f.line("en") for f in check(us_notice) if f.severity == "error"]
    assert errors == []
    assert "PARTY-EU-REPRESENTATIVE" not in _rules(us_notice)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_notice_says_where_the_controller_is_and_that_the_data_goes_there(
    us_notice_text: dict[str, str], language: str
) -> None:
    text = us_notice_text[language]
    expected = {
        "fr": ("Où nous sommes établis", "500 Market Street, 94105 San Francisco, États-Unis",
               "elle n'a pas d'établissement dans l'EEE", "traitées par nous dans ce pays (États-Unis)",
               "article 3, paragraphe 2", "n'est pas un transfert au sens du chapitre V",
               "EU Rep Services Ltd"),
        "en": ("Where we are established", "500 Market Street, San Francisco 94105, United States",
               "it has no establishment in the EEA", "processed by us in that country (United States)",
               "Article 3(2) GDPR", "is not a transfer within the meaning of Chapter V", "EU Rep Services Ltd"),
    }[language]
    for fact in expected:
        assert fact in text, fact
    # no lead authority: the person's own Member State's, with the EDPB's list; never the CNIL by default
    complaint = next(p for p in text.splitlines() if authority_list().members_list in p)
    assert {"fr": "l'État membre où vous résidez habituellement",
            "en": "the Member State where you habitually live"}[language] in complaint
    assert "CNIL" not in complaint and "cnil.fr" not in text
    # its providers' transfers are still listed as transfers, with their tools
    assert {"fr": "Chaque transfert est encadré", "en": "Each transfer is covered"}[language] in text


def test_its_own_servers_are_not_a_transfer_but_another_company_s_are() -> None:
    own = {"provider": "Okasio", "country": "US", "city": "San Francisco", "scope": "the archive"}
    aws = {"provider": "Amazon Web Services", "country": "US", "city": "Ashburn", "scope": "backups"}
    data = _us("okasio")
    data["hosting"]["no_transfer_outside_eea"] = False
    data["hosting"]["sites"] += [own]
    rules = _rules(validate(data))
    assert not {r for r in rules if r.startswith("TRANSFER-")} - {"TRANSFER-ADEQUACY-PARTIAL"}
    data["hosting"]["sites"] += [aws]
    rules = _rules(validate(data))
    assert rules["TRANSFER-NO-MECHANISM"] == [f"hosting.sites[{len(data['hosting']['sites']) - 1}]"]


def test_an_eea_controller_gets_no_establishment_clause_and_keeps_its_eea_statement() -> None:
    d = load_example("okasio")
    text = _text(d, "privacy-notice", "en")
    assert "Where we are established" not in text and "Article 3(2)" not in text
    assert "Commission nationale de l'informatique et des libertés (CNIL)" in text


def test_a_representative_outside_the_union_is_refused() -> None:
    data = _us("okasio")
    data["controller"]["eu_representative"]["address"]["country"] = "GB"
    assert _rules(validate(data))["PARTY-EU-REPRESENTATIVE-PLACE"] == [
        "controller.eu_representative.address.country"]
    data["controller"].pop("eu_representative")
    assert "PARTY-EU-REPRESENTATIVE" in _rules(validate(data))
    data["controller"]["main_establishment"] = "IE"  # an establishment in the EEA: Art. 27 does not apply
    assert "PARTY-EU-REPRESENTATIVE" not in _rules(validate(data))


def test_a_main_establishment_outside_the_eea_is_a_model_error() -> None:
    data = _us("okasio", main_establishment="CH")
    with pytest.raises(DpagenError) as info:
        validate(data)
    assert "controller.main_establishment" in info.value.render()


# -- the competent supervisory authority --------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_us_controller_with_an_irish_main_establishment_names_the_irish_authority(language: str) -> None:
    d = validate(_us("okasio", main_establishment="IE"))
    assert not [f.line("en") for f in check(d) if f.severity == "error"]
    text = _text(d, "privacy-notice", language)
    assert "Data Protection Commission" in text and "https://www.dataprotection.ie" in text
    assert "21 Fitzwilliam Square South" in text and "cnil.fr" not in text
    assert {"fr": "établissement principal dans l'EEE (Irlande)",
            "en": "main establishment in the EEA is in Ireland"}[language] in text


@pytest.fixture(scope="module")
def belgian_processor_contract() -> dict[str, str]:
    data = to_data(load_example("avm-up"))
    data["processor"]["address"].update({"street": "Rue de la Loi 1", "postal_code": "1000", "city": "Bruxelles",
                                         "country": "BE"})
    d = validate(data)
    return {lang: _text(d, "dpa", lang, draft=True) for lang in ("fr", "en")}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_contract_names_each_party_s_own_authority(belgian_processor_contract: dict[str, str],
                                                       language: str) -> None:
    text = belgian_processor_contract[language]
    line = next(p for p in text.splitlines() if "autoriteprotectiondonnees.be" in p)
    assert "Commission nationale de l'informatique et des libertés (CNIL)" in line  # the French controller's
    assert {"fr": "Autorité de protection des données", "en": "Belgian Data Protection Authority"}[language] in line
    assert {"fr": "pour le Sous-traitant", "en": "for the Processor"}[language] in line


def test_the_german_authority_is_the_land_s_once_named() -> None:
    data = to_data(load_example("okasio"))
    data["controller"]["address"].update({"street": "Marienplatz 1", "postal_code": "80331", "city": "München",
                                          "country": "DE"})
    rules = _rules(validate(data))
    assert rules["AUTHORITY-GERMAN-LAND"] == ["authority"]
    data["authority"] = {"name": "Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)",
                         "url": "https://www.lda.bayern.de"}
    d = validate(data)
    assert "AUTHORITY-GERMAN-LAND" not in _rules(d)
    a = competent(d, Role.CONTROLLER, "fr")
    # a name of its own is another authority: nothing of the federal one's is kept
    assert a.url == "https://www.lda.bayern.de" and a.address is None
    text = _text(d, "privacy-notice", "fr")
    assert "Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)" in text and "bfdi" not in text.lower()


def test_an_unknown_country_and_an_emptied_authority_are_reported_once() -> None:
    data = to_data(load_example("okasio"))
    data["controller"]["address"].pop("country")
    rules = _rules(validate(data))
    assert rules["AUTHORITY-UNKNOWN"] == ["authority"] and "NOTICE-COMPLAINT" not in rules
    data = to_data(load_example("okasio"))
    data["authority"] = {"address": None, "url": None}
    rules = _rules(validate(data))
    assert rules["NOTICE-COMPLAINT"] == ["authority"] and "AUTHORITY-UNKNOWN" not in rules


def test_the_authorities_are_dated_data_for_every_eea_state() -> None:
    data = authority_list()
    assert set(data.countries) == EU | {"IS", "LI", "NO"}
    for code, a in data.countries.items():
        assert a.website.startswith("https://") and a.city and a.name["fr"] and a.name["en"], code
        assert bool(a.street) != a.unverified, code  # an uncertain street is left out, never guessed
    assert data.countries["FR"].complaints == "https://www.cnil.fr/fr/plaintes"
    listing = format_rules_text("en")
    assert f"list reviewed on {data.reviewed.isoformat()}" in listing and "https://www.aepd.es" in listing


def test_check_rules_json_carries_the_authorities() -> None:
    out = io.StringIO()
    assert run_check([], output_format="json", language="en", list_rules=True, out=out) == 0
    shipped = json.loads(out.getvalue())["authorities"]
    assert shipped["reviewed"] == authority_list().reviewed.isoformat()
    assert shipped["countries"]["IE"]["website"] == "https://www.dataprotection.ie"


# -- the wizard ----------------------------------------------------------------------------------------------


def test_the_wizard_asks_for_the_main_establishment_and_shows_the_authority_that_follows() -> None:
    from tests.test_wizard_flow import MINIMAL, run

    script, wizard = run({**MINIMAL, "controller.address.country": "BE"})
    assert "controller.main_establishment" not in script.asked  # an office in the EEA is the establishment
    assert "Autorité de protection des données" in script.prompts["authority#change"].message
    script, wizard = run({**MINIMAL, "controller.address.country": "US", "controller.main_establishment": "IE"})
    assert "controller.main_establishment" in script.asked
    assert wizard.state["controller"]["main_establishment"] == "IE"
    assert "Data Protection Commission" in script.prompts["authority#change"].message
    assert "controller.eu_representative#has" not in script.asked  # Art. 27 does not apply
    assert "authority" not in wizard.state  # kept as shipped, not copied into the description
    script, wizard = run({**MINIMAL, "controller.address.country": "US"})
    assert "controller.eu_representative#has" in script.asked
    assert "aucun établissement dans l'EEE" in script.prompts["authority#change"].message
