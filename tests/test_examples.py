"""The bundled examples: they validate, round-trip unchanged, and state the facts of their seed documents."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, complete_example_paths, example_paths, load_example
from dpagen.authorities import competent
from dpagen.geo import in_eea
from dpagen.io import dumps, load, parse
from dpagen.model import (
    CostBearer,
    DataCategory,
    Description,
    DurationUnit,
    LegalBasis,
    Party,
    RecipientKind,
    RetentionStart,
    Role,
    TransferMechanism,
)

SEED_EXAMPLES = ["okasio", "mobile-marketing", "optillio", "optipic"]


def _ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


def _category(d: Description, name: str) -> DataCategory:
    for activity in [*d.activities, *d.processor_own_activities]:
        for category in activity.data_categories:
            if category.name == name:
                return category
    raise AssertionError(f"no data category named {name!r}")


def _period(category: DataCategory) -> tuple[int, DurationUnit, RetentionStart | None]:
    """The retention period of a category as (value, unit, start)."""
    retention = category.retention
    assert retention is not None and retention.duration is not None, category.name
    return retention.duration.value, retention.duration.unit, retention.start


def _certifications(d: Description) -> set[str]:
    return {c for site in d.hosting.sites for c in site.certifications}


# --- every example -------------------------------------------------------------------------------------


def test_the_seed_examples_are_bundled() -> None:
    assert {p.stem for p in example_paths()} >= {"avm-up", *SEED_EXAMPLES}


@pytest.mark.parametrize("path", example_paths(), ids=_ids(example_paths()))
def test_example_validates(path: Path) -> None:
    description = load(path)
    assert isinstance(description, Description)
    assert description.schema_ref == "../schema/dpagen.schema.json"


@pytest.mark.parametrize("path", example_paths(), ids=_ids(example_paths()))
def test_round_trip_is_byte_identical_and_equal(path: Path) -> None:
    first = load(path)
    text = dumps(first)
    second = parse(text)
    assert dumps(second) == text
    assert second == first
    # Accents and other non-ASCII characters are written as themselves, never as \u escapes.
    assert "\\u" not in text
    source = path.read_text(encoding="utf-8")
    assert {ch for ch in source if ord(ch) > 127} <= set(text)


@pytest.mark.parametrize("path", example_paths(), ids=_ids(example_paths()))
def test_dumped_keys_follow_the_model_order(path: Path) -> None:
    data = json.loads(dumps(load(path)))
    order = [f.alias or name for name, f in Description.model_fields.items()]
    keys = list(data)
    assert keys == [k for k in order if k in keys]
    party_order = list(Party.model_fields)
    for role in ("controller", "processor"):
        if role in data:
            assert list(data[role]) == [k for k in party_order if k in data[role]]


def test_dpagen_validate_accepts_every_example() -> None:
    script = Path(sys.executable).parent / "dpagen"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "dpagen"]
    paths = [str(p.relative_to(ROOT)) for p in example_paths()]
    result = subprocess.run(
        [*command, "validate", *paths], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for path in paths:
        assert f"{path}: valid" in result.stdout
    assert "Traceback" not in result.stderr


# --- complete examples: what a compliant description carries -------------------------------------------


@pytest.mark.parametrize("path", complete_example_paths(), ids=_ids(complete_example_paths()))
def test_every_purpose_has_a_basis_and_known_data(path: Path) -> None:
    d = load(path)
    assert d.activities
    for activity in [*d.activities, *d.processor_own_activities]:
        names = {c.name for c in activity.data_categories}
        assert activity.purposes and activity.data_subjects and activity.data_categories, activity.name
        for purpose in activity.purposes:
            assert purpose.legal_basis is not None, purpose.description
            if purpose.legal_basis is LegalBasis.LEGITIMATE_INTEREST:
                assert purpose.legitimate_interest, purpose.description
            assert set(purpose.data) <= names, (activity.name, set(purpose.data) - names)


@pytest.mark.parametrize("path", complete_example_paths(), ids=_ids(complete_example_paths()))
def test_every_category_has_a_retention_rule(path: Path) -> None:
    d = load(path)
    for activity in [*d.activities, *d.processor_own_activities]:
        for category in activity.data_categories:
            assert category.source is not None, category.name
            retention = category.retention
            assert retention is not None, category.name
            assert retention.duration is not None or retention.criteria, category.name
            assert retention.start is not None, category.name


@pytest.mark.parametrize("path", complete_example_paths(), ids=_ids(complete_example_paths()))
def test_transfers_are_declared_honestly(path: Path) -> None:
    """Anything that receives data outside the EEA has a safeguard, and the description does not deny it."""
    d = load(path)
    outside = [c for c in d.cookies if c.country and not in_eea(c.country)]
    outside += [r for r in d.recipients if r.country and not in_eea(r.country)]
    outside += [s for s in d.subprocessors if s.country and not in_eea(s.country)]
    for item in outside:
        assert item.transfer is not None, item.name
    if outside or any(not in_eea(s.country) for s in d.hosting.sites if s.country):
        assert d.hosting.no_transfer_outside_eea is False


@pytest.mark.parametrize("path", complete_example_paths(), ids=_ids(complete_example_paths()))
def test_cookies_last_at_most_13_months(path: Path) -> None:
    d = load(path)
    assert d.cookies
    for cookie in d.cookies:
        assert cookie.lifetime_months is not None and cookie.lifetime_months <= 13, cookie.name
        assert cookie.purpose, cookie.name


@pytest.mark.parametrize("path", complete_example_paths(), ids=_ids(complete_example_paths()))
def test_notice_facts_are_present(path: Path) -> None:
    d = load(path)
    publisher = d.processor if d.charter_publisher is Role.PROCESSOR else d.controller
    assert publisher is not None
    for field in ("legal_name", "legal_form", "share_capital", "registration", "address", "email", "website"):
        assert getattr(publisher, field), field
    assert publisher.rights_contact is not None and publisher.rights_contact.email
    assert d.document.effective_date and d.document.last_update
    assert d.security_measures and d.recipients
    assert d.data_sold is False
    assert d.rights.response_days <= 30
    role = Role.PROCESSOR if d.charter_publisher is Role.PROCESSOR else Role.CONTROLLER
    assert "CNIL" in (competent(d, role, "fr").name or "")  # every bundled publisher is French
    assert d.changes.notice_days is not None and d.changes.channel
    assert d.hosting.sites and all(s.provider and s.country for s in d.hosting.sites)


@pytest.mark.parametrize("path", complete_example_paths(), ids=_ids(complete_example_paths()))
def test_contract_facts_when_both_parties(path: Path) -> None:
    d = load(path)
    if d.controller is None or d.processor is None:
        pytest.skip("controller-only description: no contract")
    assert d.main_agreement and d.main_agreement.title
    assert d.term is not None and d.term.description
    assert d.breach.notice_hours is not None and d.breach.notice_hours <= 48
    assert d.breach.recipient and d.breach.processor_contact
    assert d.audits.on_site or d.audits.documentary
    assert d.end_of_contract.delay_days is not None
    assert d.subprocessors and all(s.country and s.activity for s in d.subprocessors)
    assert {s.party for s in d.contract.signatories} == {Role.CONTROLLER, Role.PROCESSOR}
    assert all(s.name and s.title for s in d.contract.signatories)


# --- seed 002: Okasio ----------------------------------------------------------------------------------


def test_okasio_parties_and_hosting() -> None:
    d = load_example("okasio")
    assert d.processor is None and d.charter_publisher is Role.CONTROLLER
    c = d.controller
    assert c is not None and c.legal_name == "Okasio" and c.legal_form.startswith("SAS")
    assert c.registration is not None and c.registration.rcs_city == "Lille"
    assert c.address is not None and c.address.street == "8 rue du Chevalier Français"
    assert (c.address.postal_code, c.address.city, c.address.country) == ("59800", "Lille", "FR")
    contact = c.rights_contact
    assert contact is not None and contact.email and contact.address
    assert contact.address.postal_code == "59800"
    sites = {(s.provider, s.country) for s in d.hosting.sites}
    assert ("OVH SAS", "FR") in sites
    assert ("Google Ireland Limited", "BE") in sites
    assert all(s.url and s.scope for s in d.hosting.sites)
    assert d.document.first_published == dt.date(2020, 7, 28)
    assert d.document.effective_date is not None and d.document.effective_date > d.document.first_published


def test_okasio_declares_the_google_analytics_transfer() -> None:
    d = load_example("okasio")
    assert d.hosting.no_transfer_outside_eea is False
    ga = [c for c in d.cookies if c.name == "_ga"]
    assert len(ga) == 1
    cookie = ga[0]
    assert cookie.country == "US" and cookie.consent_required and cookie.lifetime_months == 13
    assert cookie.opt_out_url == "https://tools.google.com/dlpage/gaoptout?hl=fr"
    assert cookie.transfer is not None
    assert cookie.transfer.mechanism is TransferMechanism.ADEQUACY and cookie.transfer.dpf_certified
    google = next(r for r in d.recipients if r.name.startswith("Google LLC"))
    assert google.country == "US" and google.transfer is not None and google.transfer.dpf_certified
    assert google.address is not None and google.address.country == "US"


def test_okasio_recipients_and_purposes() -> None:
    d = load_example("okasio")
    stripe = [r for r in d.recipients if r.name.startswith("Stripe (")]
    assert len(stripe) == 1 and stripe[0].kind is RecipientKind.PROCESSOR
    assert stripe[0].country == "IE" and stripe[0].transfer is None  # inside the EEA: no transfer tool
    onward = [r for r in d.recipients if r.name.startswith("Stripe, Inc.")]
    assert onward and onward[0].country == "US" and onward[0].transfer and onward[0].transfer.dpf_certified
    kinds = {r.kind for r in d.recipients}
    assert {"internal", "auditor", "authority", "debt_collector"} <= {k.value for k in kinds}
    subjects = {s for a in d.activities for s in a.data_subjects}
    assert {"Visiteurs du Site", "Utilisateurs de la Plateforme", "Clients", "Prospects"} <= subjects
    bases = {p.legal_basis for a in d.activities for p in a.purposes}
    assert set(LegalBasis) - {LegalBasis.VITAL_INTERESTS, LegalBasis.PUBLIC_TASK} <= bases
    points = d.activities[0].collection_points
    assert len(points) == 5 and any("avis" in p for p in points)
    assert d.marketing is not None and d.marketing.opt_out
    assert d.data_sold is False


def test_okasio_retention_periods() -> None:
    d = load_example("okasio")
    prospects = _category(d, "Coordonnées de prospection")
    assert _period(prospects) == (3, DurationUnit.YEARS, RetentionStart.LAST_CONTACT)
    proof = _category(d, "Preuve des paiements par carte")
    assert _period(proof) == (13, DurationUnit.MONTHS, RetentionStart.DEBIT)
    cards = proof.retention
    assert cards is not None
    assert cards.criteria is not None and "15 mois" in cards.criteria and "L133-24" in (cards.basis or "")
    assert "cryptogramme" in (_category(d, "Données de carte bancaire").examples or "")
    assert _period(_category(d, "Liste d'opposition")) == (3, DurationUnit.YEARS, RetentionStart.OBJECTION)


# --- seed 003: mobile-marketing processor ----------------------------------------------------------------


def test_mobile_marketing_commitments() -> None:
    d = load_example("mobile-marketing")
    assert d.processor is not None and d.processor.legal_name == "Messagia"
    assert d.controller is not None and d.controller.legal_name == "Jardineries Verdier"
    assert d.charter_publisher is Role.PROCESSOR
    assert d.breach.notice_hours == 48
    assert d.audits.on_site and d.audits.cost is CostBearer.CONTROLLER
    assert {"ISO 27001", "HDS", "PCI-DSS", "ISO 50001"} <= _certifications(d)
    assert any("Tier III" in c for c in _certifications(d))
    assert {s.country for s in d.hosting.sites} == {"FR"}
    assert d.hosting.no_transfer_outside_eea and d.hosting.transfer_notice
    assert "ISO 9001" in d.processor.certifications
    assert d.subprocessor_policy.vetting and "grille d'audit" in d.subprocessor_policy.vetting
    assert any("compromise" in u for u in d.contract.controller_undertakings)
    assert any("violation" in u for u in d.contract.processor_undertakings)


def test_mobile_marketing_retention_and_data() -> None:
    d = load_example("mobile-marketing")
    history = _category(d, "Historique des campagnes")
    assert _period(history) == (10, DurationUnit.YEARS, RetentionStart.EVENT)
    assert history.retention is not None and "Client" in (history.retention.criteria or "")
    assert _period(_category(d, "Désabonnements")) == (3, DurationUnit.YEARS, RetentionStart.OBJECTION)
    assert _period(_category(d, "Journaux de connexion")) == (1, DurationUnit.YEARS, RetentionStart.EVENT)
    assert _period(_category(d, "Contenu des messages en cours d'envoi"))[0] == 0
    categories = [c for a in d.activities for c in a.data_categories]
    assert all(c.special_category is None and not c.criminal_offence for c in categories)
    own = [p.description for a in d.processor_own_activities for p in a.purposes]
    assert any("magazine" in p for p in own) and any("factures" in p for p in own)


# --- seed 000: Optillio ----------------------------------------------------------------------------------


def test_optillio_facts() -> None:
    d = load_example("optillio")
    c = d.controller
    assert d.processor is None and c is not None
    assert (c.legal_name, c.brand, c.legal_form) == ("LIBERTE", "Optillio", "SARL")
    assert c.share_capital == "5 000,00 €"
    assert c.address is not None
    assert (c.address.postal_code, c.address.city) == ("74350", "Allonzier-la-Caille")
    assert c.dpo is not None and c.dpo.email
    assert [(s.provider, s.country) for s in d.hosting.sites] == [("OVH SAS", "FR")]
    account = _category(d, "Données d'identification du Compte")
    assert account.mandatory is True
    assert _period(account) == (4, DurationUnit.YEARS, RetentionStart.CONTRACT_END)
    logs = _category(d, "Journaux des opérations sur le Contenu")
    assert _period(logs) == (1, DurationUnit.YEARS, RetentionStart.EVENT)
    assert _category(d, "Données de profil facultatives").mandatory is False
    assert d.marketing is not None and "désinscription" in (d.marketing.opt_out or "")
    maintenance = next(r for r in d.recipients if "maintenance" in r.name)
    assert maintenance.transfer is not None and maintenance.transfer.mechanism is TransferMechanism.SCC
    assert d.document.last_update == dt.date(2019, 1, 1)
    assert d.rights.identity_check and "identité" in d.rights.identity_check


# --- seed 001: OptiPic.io --------------------------------------------------------------------------------


def test_optipic_is_completed() -> None:
    d = load_example("optipic")
    c = d.controller
    assert d.processor is None and c is not None and c.brand == "OptiPic.io"
    assert c.dpo is not None and c.rights_contact is not None
    assert d.document.first_published == dt.date(2017, 5, 10)
    assert d.changes.url == "https://optipic.example/fr/confidential/"
    assert any(r.kind is RecipientKind.AUTHORITY for r in d.recipients)
    assert any("cession" in r.name for r in d.recipients)
    technical = _category(d, "Données techniques transmises automatiquement")
    assert technical.examples and "adresse IP" in technical.examples
    targeting = [p for a in d.activities for p in a.purposes if "publicité" in p.description]
    assert targeting and all(p.legal_basis is LegalBasis.CONSENT for p in targeting)


def test_examples_folder_is_the_one_the_tests_read() -> None:
    assert EXAMPLES == ROOT / "examples" and (EXAMPLES / "okasio.json").is_file()
