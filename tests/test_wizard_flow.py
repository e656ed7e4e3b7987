"""The wizard's question flow, driven without a terminal by a scripted prompter."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from conftest import EXAMPLES, example_paths
from dpagen.errors import Interrupted, UsageError
from dpagen.io import load, to_data
from dpagen.model import Description, Registration
from dpagen.wizard import questions, texts
from dpagen.wizard.flow import Wizard
from dpagen.wizard.nodes import Ask, Each, Group, Loop
from dpagen.wizard.prompter import Prompt
from dpagen.wizard.session import Session, draft_path_for, read_draft


class Then(list):
    """Answers given in turn to the same question (the last one repeats)."""


MAX_SAME_PROMPT = 100  # far above any scenario's list lengths


class Script:
    """Answers like a person would: the scripted answer for a prompt id, else Enter (the default).

    Text answers go through the prompt's validator first, as questionary does: a refused answer is
    recorded with the model's message and the next scripted answer is typed.
    """

    def __init__(self, answers: dict[str, Any] | None = None, interrupt_at: str | None = None) -> None:
        # Drafts unless a scenario asks for final documents (then empty answers to what they need are refused)
        answers = {"wizard#final": False, **(answers or {})}
        self.answers = {k: Then(v) if isinstance(v, Then) else v for k, v in answers.items()}
        self.interrupt_at = interrupt_at
        self.asked: list[str] = []
        self.prompts: dict[str, Prompt] = {}
        self.said: list[str] = []
        self.refused: list[tuple[str, Any, str]] = []

    def _next(self, prompt: Prompt) -> tuple[Any, bool]:
        value = self.answers.get(prompt.id, prompt.default)
        if isinstance(value, Then):
            return (value.pop(0), True) if len(value) > 1 else (value[0], False)
        return value, False

    def ask(self, prompt: Prompt) -> Any:
        if prompt.id == self.interrupt_at:
            raise KeyboardInterrupt
        self.asked.append(prompt.id)
        if self.asked.count(prompt.id) > MAX_SAME_PROMPT:
            # A wizard that keeps asking the same thing (a review screen that never accepts "save")
            # would otherwise hang the suite: fail fast, with what was asked last.
            raise AssertionError(f"{prompt.id} asked {MAX_SAME_PROMPT} times; last asked: {self.asked[-8:]}")
        self.prompts[prompt.id] = prompt
        while True:
            value, more = self._next(prompt)
            problem = prompt.validate(value) if prompt.kind == "text" and prompt.validate else None
            if problem is None:
                break
            self.refused.append((prompt.id, value, problem))
            if not more:
                raise AssertionError(f"{prompt.id}: {value!r} refused: {problem}")
        if prompt.kind == "select":
            assert value in [v for v, _ in prompt.choices], f"{prompt.id}: {value!r} is not a choice"
        return value

    def say(self, text: str) -> None:
        self.said.append(text)


def test_a_prompt_asked_without_end_fails_the_test_instead_of_hanging() -> None:
    script = Script()
    prompt = Prompt(id="review#action", kind="select", message="?", default="save", choices=[("save", "Save")])
    for _ in range(MAX_SAME_PROMPT):
        assert script.ask(prompt) == "save"
    with pytest.raises(AssertionError, match="review#action asked"):
        script.ask(prompt)


def run(
    answers: dict[str, Any], start: dict[str, Any] | None = None, language: str = "fr"
) -> tuple[Script, Wizard]:
    script = Script(answers)
    wizard = Wizard(script, language, start=start)
    wizard.run()
    return script, wizard


# The fewest answers a fresh session needs (the activity, purpose and category loops start with "yes").
MINIMAL = {
    "activities[0].name": "Paie",
    "activities[0].purposes[0].description": "Verser les salaires",
    "activities[0].data_categories[0].name": "Identité",
}

# A short fresh session for a small French SaaS, and the description it must give.
FRESH = {
    "wizard#final": False,  # drafts: empty answers are accepted as they come (the review lists them)
    "document.effective_date": "01/12/2026",
    "document.version": "1.0",
    "controller.legal_name": "Cabinet Durand",
    "controller.legal_form": "SELARL",
    "controller.address.city": "Lyon",
    "controller.registration.siren": "812345678",
    "controller.email": "contact@durand.example",
    "controller.dpo#has": True,
    "controller.dpo.email": "dpo@durand.example",
    "processor.legal_name": "Nuage SAS",
    "processor.address.country": "fr",
    "processor.security_officer#has": True,
    "processor.security_officer.email": "rssi@nuage.example",
    "main_agreement.title": "Conditions générales de services",
    "activities[0].name": "Hébergement des dossiers",
    "activities[0].nature": "collecte ; hébergement ; suppression",
    "activities[0].purposes[0].description": "Fournir le service",
    "activities[0].purposes#menu": Then(["add", "done"]),
    "activities[0].purposes[1].description": "Sécuriser les accès",
    "activities[0].purposes[1].legal_basis": "legitimate_interest",
    "activities[0].purposes[1].legitimate_interest": "Protéger les comptes",
    "activities[0].data_subjects": "Clients; Salariés du client",
    "activities[0].data_categories[0].name": "Identité",
    "activities[0].data_categories[0].retention.duration.value": "3",
    "activities[0].data_categories[0].retention.start": "contract_end",
    "activities[0].data_categories#menu": Then(["add", "done"]),
    "activities[0].data_categories[1].name": "Santé",
    "activities[0].data_categories[1].special_category": "health",
    "activities[0].data_categories[1].art9_condition": "h_health_social_care",
    "activities[0].purposes[0].data": ["Identité", "Santé"],
    "hosting.sites[0].provider": "OVHcloud",
    "hosting.sites[0].city": "Roubaix",
    "subprocessors#add": True,
    "subprocessors#menu": Then(["add", "done"]),
    "subprocessors[0].name": "OVHcloud",
    "subprocessors[0].country": "FR",
    "subprocessors[1].name": "Mailjet US",
    "subprocessors[1].country": "US",
    "security_measures#categories": ["TOM-01", "TOM-06"],
    "security_measures#TOM-01.0": "Chiffrement des sauvegardes",
    "security_measures#TOM-06.0": "TLS 1.2 minimum",
}

EXPECTED = {
    "document": {"language": "fr", "effective_date": "2026-12-01", "version": "1.0"},
    "controller": {
        "legal_name": "Cabinet Durand", "legal_form": "SELARL",
        "address": {"city": "Lyon", "country": "FR"}, "registration": {"siren": "812345678"},
        "email": "contact@durand.example", "dpo": {"email": "dpo@durand.example"},
    },
    "processor": {
        "legal_name": "Nuage SAS", "address": {"country": "FR"},
        "security_officer": {"email": "rssi@nuage.example"},
    },
    "main_agreement": {"title": "Conditions générales de services"},
    "activities": [{
        "name": "Hébergement des dossiers",
        "nature": ["collecte", "hébergement", "suppression"],
        "frequency": "continuous",
        "purposes": [
            {"description": "Fournir le service", "legal_basis": "contract", "data": ["Identité", "Santé"]},
            {"description": "Sécuriser les accès", "legal_basis": "legitimate_interest",
             "legitimate_interest": "Protéger les comptes"},
        ],
        "data_subjects": ["Clients", "Salariés du client"],
        "data_categories": [
            {"name": "Identité", "source": "controller",  # data the client hands over: proposed with a processor
             "retention": {"duration": {"value": 3, "unit": "years"}, "start": "contract_end"}},
            {"name": "Santé", "source": "controller", "special_category": "health",
             "art9_condition": "h_health_social_care"},
        ],
    }],
    "hosting": {"sites": [{"provider": "OVHcloud", "country": "FR", "city": "Roubaix"}],
                "no_transfer_outside_eea": False},
    "subprocessors": [  # added on the effective date unless told otherwise
        {"name": "OVHcloud", "country": "FR", "data_locations": ["FR"], "date_added": "2026-12-01"},
        {"name": "Mailjet US", "country": "US", "data_locations": ["US"], "date_added": "2026-12-01",
         "transfer": {"mechanism": "scc", "scc_module": "module_3"}},
    ],
    "end_of_contract": {"return_format": "fichiers CSV (RFC 4180) encodés en UTF-8"},
    "breach": {"notice_hours": 48, "recipient": "dpo@durand.example",
               "processor_contact": "rssi@nuage.example"},
    "security_measures": [
        {"category": "TOM-01", "description": "Chiffrement des sauvegardes"},
        {"category": "TOM-06", "description": "TLS 1.2 minimum"},
    ],
    "changes": {"notice_days": 30},
}


def test_a_fresh_run_gives_the_known_description() -> None:
    _, wizard = run(FRESH)
    assert Description.model_validate(wizard.state) == Description.model_validate(EXPECTED)


# FRESH answered fully: what a user gives for every document to be final (dpagen check without errors,
# dpagen generate --doc all without --draft). The processor publishes its charter (the default).
COMPLETE = {
    **FRESH,
    "wizard#final": True,  # every value a final document needs is asked as required
    "document.last_update": "01/12/2026",
    "controller.address.street": "12 rue de la République",
    "controller.address.postal_code": "69002",
    "controller.representative.name": "Claire Durand",
    "controller.representative.title": "Gérante",
    "processor.address.street": "5 quai Perrache",
    "processor.address.postal_code": "69002",
    "processor.address.city": "Lyon",
    "processor.registration.rcs_city": "Lyon",
    "processor.registration.siren": "901234567",
    "processor.representative.name": "Marc Petit",
    "processor.representative.title": "Président",
    "processor.email": "contact@nuage.example",
    "processor.certifications": "ISO 27001",
    "term.description": "pendant toute la durée du contrat principal",
    "services#add": True,
    "services[0].name": "Nuage Dossiers",
    "activities[0].data_categories[0].examples": "nom, prénom, courriel",
    "activities[0].data_categories[0].source_detail": "dossiers importés par le client",
    "activities[0].data_categories[1].retention.duration.value": "5",
    "activities[0].data_categories[1].retention.start": "contract_end",
    "activities[0].collection_points": "import par le client",
    "processor_own_activities#add": True,
    "processor_own_activities[0].name": "Gestion de nos clients",
    "processor_own_activities[0].nature": "collecte ; conservation",
    "processor_own_activities[0].purposes[0].description": "Gérer les comptes et la facturation",
    "processor_own_activities[0].data_subjects": "Interlocuteurs de nos clients",
    "processor_own_activities[0].data_categories[0].name": "Coordonnées",
    "processor_own_activities[0].data_categories[0].mandatory": "yes",
    "processor_own_activities[0].data_categories[0].consequence_if_missing": "le compte ne peut être ouvert",
    "processor_own_activities[0].data_categories[0].retention.duration.value": "3",
    "processor_own_activities[0].data_categories[0].retention.start": "contract_end",
    "processor_own_activities[0].purposes[0].data": ["Coordonnées"],
    "processor_own_activities[0].collection_points": "souscription",
    "hosting.sites[0].scope": "la plateforme",
    "hosting.sites[0].certifications": "ISO 27001; HDS",
    "hosting.sites[0].url": "https://ovhcloud.example/securite",
    "subprocessors[0].activity": "hébergement",
    "subprocessors[0].address.street": "2 rue Kellermann",
    "subprocessors[0].address.postal_code": "59100",
    "subprocessors[0].address.city": "Roubaix",
    "subprocessors[0].address.country": "FR",
    "subprocessors[0].contact.name": "Délégué à la protection des données d'OVHcloud",
    "subprocessors[0].contact.email": "dpo@ovhcloud.example",
    "subprocessors[1].activity": "envoi de courriels",
    "subprocessors[1].address.street": "1 Market Street",
    "subprocessors[1].address.postal_code": "94105",
    "subprocessors[1].address.city": "San Francisco",
    "subprocessors[1].address.country": "US",
    "subprocessors[1].contact.name": "Privacy team",
    "subprocessors[1].contact.email": "privacy@mailjet.example",
    "subprocessor_policy.channel": "courriel au titulaire du compte",
    "subprocessor_policy.vetting": "questionnaire de sécurité",
    "recipients#add": True,
    "recipients#menu": Then(["add", "done"]),
    "recipients[0].name": "Équipes support habilitées",
    "recipients[0].kind": "internal",
    "recipients[1].name": "Outil de support",
    "recipients[1].kind": "processor",
    "recipients[1].purpose": "gestion des tickets",
    "recipients[1].country": "US",
    "breach.channel": "courriel puis appel",
    "audits.auditor_confidentiality": True,
    "assistance.dsr_forward_days": "3",
    "contract.liability": "dans les limites du contrat principal",
    "processor.rights_contact#has": True,
    "processor.rights_contact.email": "privacy@nuage.example",
    "changes.channel": "courriel aux clients",
    "changes.url": "https://nuage.example/rgpd",
}

# The same, with the controller publishing its privacy notice as well.
COMPLETE_NOTICE = {
    **COMPLETE,
    "publisher": "controller",
    "controller.rights_contact#has": True,
    "controller.rights_contact.email": "droits@durand.example",
    "activities[0].data_categories[0].source": "data_subject",
    "activities[0].data_categories[0].mandatory": "yes",
    "activities[0].data_categories[0].consequence_if_missing": "le dossier ne peut être ouvert",
    "activities[0].data_categories[1].source": "third_party",
    "activities[0].data_categories[1].source_detail": "le médecin traitant",
    "activities[0].collection_points": "ouverture du dossier",
    "marketing#has": True,
    "marketing.channels": ["email", "sms"],
}


def test_a_complete_run_asks_every_field_the_documents_need() -> None:
    script, wizard = run(COMPLETE_NOTICE)
    d = Description.model_validate(wizard.state)
    for pid in ("document.first_published", "controller.certifications", "publisher",
                "activities[0].data_categories[0].mandatory", "activities[0].automated_decisions#add",
                "subprocessor_policy.vetting", "data_sold", "audits.auditor_confidentiality",
                "assistance.dsr_channel", "assistance.dpia", "assistance.prior_consultation",
                "contract.governing_law", "contract.signatories#processor.title", "authority#change",
                "marketing.legal_basis", "marketing.opt_out", "hosting.sites[0].url"):
        assert pid in script.asked, pid
    category = d.activities[0].data_categories[0]
    assert (category.source, category.mandatory, category.consequence_if_missing) == (
        "data_subject", True, "le dossier ne peut être ouvert")
    assert d.activities[0].data_categories[1].source_detail == "le médecin traitant"
    assert d.activities[0].collection_points == ["ouverture du dossier"]
    assert d.processor_own_activities[0].data_categories[0].mandatory is True
    assert [(r.name, r.kind, r.country) for r in d.recipients] == [
        ("Équipes support habilitées", "internal", None), ("Outil de support", "processor", "US")]
    assert d.recipients[1].transfer is not None and d.recipients[1].transfer.scc_module == "module_2"
    assert d.data_sold is False and d.publisher == "controller"
    assert d.processor is not None and d.processor.certifications == ["ISO 27001"]
    assert d.hosting.sites[0].scope == "la plateforme"
    assert d.subprocessor_policy.vetting == "questionnaire de sécurité"
    assert (d.assistance.dsr_forward_days, d.assistance.dpia, d.assistance.prior_consultation) == (3, True, True)
    # Proposed defaults: French law, the commercial court of the processor's seat, the representatives sign,
    # the CNIL, consent and an unsubscribe link for marketing.
    assert (d.contract.governing_law, d.contract.jurisdiction) == ("FR", "Tribunal de commerce de Lyon")
    assert d.contract.liability == "dans les limites du contrat principal"
    assert d.contract.signatories == []
    assert d.authority == Description().authority
    assert d.marketing is not None and d.marketing.legal_basis == "consent"
    assert d.marketing.opt_out == "lien de désinscription dans chaque message"
    assert d.changes.url == "https://nuage.example/rgpd"


@pytest.mark.parametrize(
    ("answers", "documents"),
    [(COMPLETE, ["dpa", "processor-charter", "subprocessors"]),
     (COMPLETE_NOTICE, ["dpa", "privacy-notice", "processor-charter", "subprocessors"])],
    ids=["processor-publishes", "controller-publishes"],
)
def test_a_complete_run_gives_every_final_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   answers: dict[str, Any], documents: list[str]) -> None:
    from dpagen.rules import check

    monkeypatch.chdir(tmp_path)
    script = Script({**answers, "final#generate": True, "final#formats": ["md"]})
    assert Session(script, Path("desc.json"), None, False, "fr").run() == 0
    d = load(tmp_path / "desc.json")
    assert [f.rule for f in check(d) if f.severity == "error"] == []
    assert any(line.startswith("info NOTICE-DPO processor.dpo: Aucun délégué") for line in script.said)
    assert "final#draft" in script.asked and script.prompts["final#folder"].default == ""
    written = sorted(p.name for p in tmp_path.glob("*.md"))  # Enter at the folder: the current one
    assert [name.split("-")[0] for name in written] == [doc.split("-")[0] for doc in documents]
    text = {doc: next(tmp_path.glob(f"{doc}-*.md")).read_text(encoding="utf-8") for doc in documents}
    assert "[●]" not in "".join(text.values())
    assert "Tribunal de commerce de Lyon" in text["dpa"]
    assert "Claire Durand" in text["dpa"] and "Marc Petit, Président" in text["dpa"]
    assert "le compte ne peut être ouvert" in text["processor-charter"]
    assert "Mailjet US" in text["subprocessors"]
    if "privacy-notice" in text:
        assert "Outil de support" in text["privacy-notice"]
        assert "le dossier ne peut être ouvert" in text["privacy-notice"]
        assert "le médecin traitant" in text["privacy-notice"]
        assert "droits@durand.example" in text["privacy-notice"]


def test_the_french_saas_defaults_are_proposed() -> None:
    script, wizard = run(MINIMAL)
    d = Description.model_validate(wizard.state)
    assert script.prompts["breach.notice_hours"].default == "48"
    assert script.prompts["audits.max_per_year"].default == "1"
    assert script.prompts["audits.notice_days"].default == "30"
    assert script.prompts["end_of_contract.delay_days"].default == "30"
    assert script.prompts["controller.address.country"].default == "FR"
    assert (d.breach.notice_hours, d.audits.max_per_year, d.audits.notice_days) == (48, 1, 30)
    assert d.end_of_contract.delay_days == 30
    assert d.processor is not None and d.processor.address is not None and d.processor.address.country == "FR"


def test_questions_speak_english_with_lang_en() -> None:
    script, _ = run(MINIMAL, language="en")
    legal = script.prompts["controller.legal_name"]
    assert legal.message == "The controller (the client): registered name"
    basis = script.prompts["activities[0].purposes[0].legal_basis"]
    assert "legal basis is the reason" in (basis.help or "")
    contract = "performance of a contract or pre-contractual steps (Art. 6(1)(b) GDPR)"
    assert ("contract", contract) in basis.choices
    regime = script.prompts["subprocessor_policy.regime"]
    assert "General authorisation" in (regime.help or "")


def test_terms_a_non_lawyer_hesitates_on_are_explained_in_french() -> None:
    script, _ = run({**MINIMAL, "subprocessors#add": True, "subprocessors[0].name": "X"})
    assert "base légale" in (script.prompts["activities[0].purposes[0].legal_basis"].help or "").lower()
    assert "Autorisation générale" in (script.prompts["subprocessor_policy.regime"].help or "")
    assert "sous-traitant ultérieur" in (script.prompts["subprocessors[0].name"].help or "")


def test_every_question_key_has_both_languages_and_every_path_is_a_model_field() -> None:
    from dpagen.wizard.paths import field_info, parse

    def walk(nodes: tuple[Any, ...], prefix: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
        found = []
        for node in nodes:
            path = prefix + parse(node.path)
            if isinstance(node, Ask):
                found.append((node.key, path))
            elif isinstance(node, Group | Loop | Each):
                if isinstance(node, Loop):
                    found += [(f"{node.key}.add", path), (f"{node.key}.noun", path)]
                elif isinstance(node, Group) and node.key:
                    found.append((node.key, path))
                found += walk(node.nodes, path)
        return found

    pairs = [p for section in questions.SECTIONS for p in walk(section.nodes, ())]
    assert len(pairs) > 130
    for key, path in pairs:
        assert key in texts.QUESTIONS, key
        assert all(texts.QUESTIONS[key]), key
        assert field_info(path) is not None, path
    assert set(texts.SECTIONS) == {s.id for s in questions.SECTIONS}
    assert set(texts.HELP) <= set(texts.QUESTIONS), set(texts.HELP) - set(texts.QUESTIONS)
    assert all(all(pair) for pair in texts.HELP.values())


# ---------------------------------------------------------------- dependent questions


def test_legitimate_interest_is_asked_only_for_that_basis() -> None:
    script, _ = run(FRESH)
    assert "activities[0].purposes[1].legitimate_interest" in script.asked
    assert "activities[0].purposes[0].legitimate_interest" not in script.asked


def test_the_art9_condition_is_asked_only_for_special_category_data() -> None:
    script, _ = run(FRESH)
    assert "activities[0].data_categories[1].art9_condition" in script.asked
    assert "activities[0].data_categories[0].art9_condition" not in script.asked


def test_a_transfer_tool_is_asked_only_for_a_subprocessor_outside_the_eea() -> None:
    script, _ = run(FRESH)
    assert "subprocessors[1].transfer.mechanism" in script.asked
    assert "subprocessors[1].transfer.scc_module" in script.asked
    assert not [i for i in script.asked if i.startswith("subprocessors[0].transfer")]
    # Norway is in the EEA; a data location in India is not.
    script, wizard = run({**MINIMAL, "subprocessors#add": True, "subprocessors[0].name": "Fjord",
                          "subprocessors[0].country": "NO",
                          "subprocessors[0].data_locations": "NO; IN",
                          "subprocessors[0].transfer.mechanism": "adequacy"})
    assert "subprocessors[0].transfer.mechanism" in script.asked
    assert "subprocessors[0].transfer.scc_module" not in script.asked
    assert "subprocessors[0].transfer.dpf_certified" not in script.asked  # adequacy, but not the USA
    assert wizard.state["subprocessors"][0]["transfer"] == {"mechanism": "adequacy"}


def test_a_hosting_site_or_cookie_outside_the_eea_gets_its_transfer_tool_too() -> None:
    script, wizard = run({**MINIMAL, "hosting.sites[0].country": "US",
                          "hosting.sites[0].transfer.mechanism": "bcr",
                          "cookies#add": True, "cookies[0].name": "_ga", "cookies[0].country": "FR"})
    assert "hosting.sites[0].transfer.mechanism" in script.asked
    assert wizard.state["hosting"]["sites"][0]["transfer"] == {"mechanism": "bcr"}
    assert not [i for i in script.asked if i.startswith("cookies[0].transfer")]
    script, _ = run({**MINIMAL, "cookies#add": True, "cookies[0].name": "_ga", "cookies[0].country": "US"})
    assert "cookies[0].transfer.mechanism" in script.asked


def test_a_transfer_tool_is_asked_only_for_a_recipient_outside_the_eea() -> None:
    script, wizard = run({**MINIMAL, "recipients#add": True, "recipients#menu": Then(["add", "add", "done"]),
                          "recipients[0].name": "Comptable", "recipients[0].kind": "partner",
                          "recipients[0].country": "FR",
                          "recipients[1].name": "Stripe", "recipients[1].kind": "processor",
                          "recipients[1].country": "US",
                          "recipients[2].name": "Agence", "recipients[2].kind": "partner",
                          "recipients[2].country": "IN"})
    assert not [i for i in script.asked if i.startswith("recipients[0].transfer")]
    assert "recipients[1].transfer.mechanism" in script.asked
    assert "The data leaves the EEA" in english_help("transfer.mechanism")
    # The module proposed follows the recipient: a processor of the controller, else another controller.
    assert script.prompts["recipients[1].transfer.scc_module"].default == "module_2"
    assert script.prompts["recipients[2].transfer.scc_module"].default == "module_1"
    recipients = wizard.state["recipients"]
    assert recipients[0] == {"name": "Comptable", "kind": "partner", "country": "FR"}
    assert recipients[1]["transfer"] == {"mechanism": "scc", "scc_module": "module_2"}
    # A recipient outside the EEA also makes the "no transfer" claim default to no.
    assert script.prompts["hosting.no_transfer_outside_eea"].default is False
    assert wizard.state["hosting"]["no_transfer_outside_eea"] is False


def test_a_processor_abroad_is_asked_for_the_tool_of_the_transfer_to_it() -> None:
    script, wizard = run({**MINIMAL, "processor.address.country": "US"})
    assert "hosting.processor_transfer.mechanism" in script.asked
    assert script.prompts["hosting.processor_transfer.scc_module"].default == "module_2"
    assert wizard.state["hosting"]["processor_transfer"] == {"mechanism": "scc", "scc_module": "module_2"}
    assert wizard.state["hosting"]["no_transfer_outside_eea"] is False  # the data leaves the EEA to reach it
    script, _ = run(MINIMAL)
    assert not [i for i in script.asked if i.startswith("hosting.processor_transfer")]


def test_joint_controllers_and_children_are_asked_for_the_controllers_notice() -> None:
    script, wizard = run({**MINIMAL, "publisher": "controller", "joint_controllers#add": True,
                          "joint_controllers[0].name": "Okasio Events SAS",
                          "joint_controllers[0].arrangement": "Okasio répond aux demandes des personnes",
                          "minors.offered": True, "minors.minimum_age": "13",
                          "minors.parental_consent": "un parent confirme par courriel"})
    assert wizard.state["joint_controllers"] == [
        {"name": "Okasio Events SAS", "arrangement": "Okasio répond aux demandes des personnes"}]
    assert wizard.state["minors"] == {"offered": True, "minimum_age": 13,
                                      "parental_consent": "un parent confirme par courriel"}
    script, wizard = run({**MINIMAL, "publisher": "controller"})
    assert "minors.minimum_age" not in script.asked and "joint_controllers#add" in script.asked
    script, _ = run(MINIMAL)  # the processor publishes: no notice of the controller's, no such question
    assert not [i for i in script.asked if i.startswith(("joint_controllers", "minors"))]


def _translation_id(text: str, language: str = "en") -> str:
    import hashlib

    return f"translations.{language}#{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"


def test_the_texts_can_be_translated_at_the_end_for_documents_in_the_other_language() -> None:
    script, wizard = run(MINIMAL)
    assert script.prompts["translations#has"].default is False and "translations" not in wizard.state
    answers = {**MINIMAL, "translations#has": True, _translation_id("Paie"): "Payroll",
               _translation_id("Verser les salaires"): "Pay the salaries"}
    script, wizard = run(answers)
    assert wizard.state["translations"] == {"en": {"Paie": "Payroll", "Verser les salaires": "Pay the salaries"}}
    assert _translation_id("Identité") in script.asked  # asked, left empty: kept as written
    assert "Translate your texts into English" in english_question("translations.has")
    # A control character is refused with the model's message, as for any other answer.
    script, _ = run({**answers, _translation_id("Paie"): Then(["Pay\x07roll", "Payroll"])})
    assert script.refused and "control character" in script.refused[0][2]


def test_translations_already_there_are_proposed_and_kept(avm_up: Description) -> None:
    start = to_data(avm_up)
    script, wizard = run({}, start=start)
    assert script.prompts["translations#has"].default is True
    assert wizard.state["translations"] == start["translations"]


def english_question(key: str) -> str:
    return texts.Texts("en").question(key, language="English")


def english_help(key: str) -> str:
    return texts.Texts("en").help(key) or ""


def test_the_publisher_is_asked_only_when_both_parties_exist() -> None:
    script, wizard = run(MINIMAL)
    publisher = script.prompts["publisher"]
    assert [v for v, _ in publisher.choices] == ["", "controller"] and publisher.default == ""
    assert "charte" in publisher.choices[0][1]
    assert "publisher" not in wizard.state  # the default (the processor) stays implicit
    # The processor publishes: its rights contact is asked, not the controller's nor the marketing.
    assert "processor.rights_contact#has" in script.asked
    assert "controller.rights_contact#has" not in script.asked and "marketing#has" not in script.asked
    script, wizard = run({**MINIMAL, "publisher": "controller", "marketing#has": True,
                          "marketing.channels": ["email"], "marketing.legal_basis": "legitimate_interest"})
    assert wizard.state["publisher"] == "controller"
    assert {"controller.rights_contact#has", "processor.rights_contact#has"} <= set(script.asked)
    assert wizard.state["marketing"] == {"channels": ["email"], "legal_basis": "legitimate_interest",
                                         "opt_out": "lien de désinscription dans chaque message"}
    # Without a processor: no publisher, no processor's own processing, assistance or contract terms.
    script, wizard = run({**MINIMAL, "processor#has": False})
    for pid in ("publisher", "processor_own_activities#add", "assistance.dsr_forward_days",
                "contract.jurisdiction", "contract.signatories#controller.name", "hosting.transfer_notice"):
        assert pid not in script.asked, pid
    assert "controller.rights_contact#has" in script.asked and "marketing#has" in script.asked
    assert "publisher" not in wizard.state


def test_an_existing_publisher_is_kept_and_its_choice_offered(avm_up: Description) -> None:
    script, wizard = run({}, start=to_data(avm_up))
    assert avm_up.publisher == "processor"
    assert [v for v, _ in script.prompts["publisher"].choices] == ["processor", "controller"]
    assert wizard.state["publisher"] == "processor"


def test_the_signatories_default_to_the_representatives() -> None:
    people = {**MINIMAL, "controller.representative.name": "Claire Durand",
              "controller.representative.title": "Gérante"}
    script, wizard = run(people)
    assert script.prompts["contract.signatories#controller.name"].default == "Claire Durand"
    assert script.prompts["contract.signatories#controller.title"].default == "Gérante"
    assert script.prompts["contract.signatories#processor.name"].default == ""
    assert "signatories" not in wizard.state.get("contract", {})  # the representative signs
    _, wizard = run({**people, "contract.signatories#controller.name": "Paul Durand",
                     "contract.signatories#controller.title": "Directeur général délégué"})
    assert wizard.state["contract"]["signatories"] == [
        {"party": "controller", "name": "Paul Durand", "title": "Directeur général délégué"}]


def test_an_existing_signatory_is_edited_in_place(avm_up: Description) -> None:
    start = to_data(avm_up)
    script, wizard = run({"contract.signatories#processor.title": "Directeur général"}, start=start)
    assert script.prompts["contract.signatories#processor.name"].default == "Marc Delorme"
    signers = wizard.state["contract"]["signatories"]
    assert signers[0] == start["contract"]["signatories"][0]
    assert signers[1] == {"party": "processor", "name": "Marc Delorme", "title": "Directeur général"}


def test_the_authority_is_kept_unless_the_user_changes_it() -> None:
    script, wizard = run(MINIMAL)
    change = script.prompts["authority#change"]
    assert change.default is False and "Commission nationale de l'informatique et des libertés" in change.message
    assert "authority" not in wizard.state
    script, wizard = run({**MINIMAL, "authority#change": True,
                          "authority.name": "Autorité de protection des données",
                          "authority.address.street": "Rue de la Presse 35",
                          "authority.address.postal_code": "1000", "authority.address.city": "Bruxelles",
                          "authority.address.country": "BE",
                          "authority.url": "https://www.autoriteprotectiondonnees.be"})
    # Changing starts from the CNIL's details.
    assert script.prompts["authority.address.city"].default == "Paris Cedex 07"
    assert script.prompts["authority.url"].default == "https://www.cnil.fr/fr/plaintes"
    assert wizard.state["authority"] == {
        "name": "Autorité de protection des données",
        "address": {"street": "Rue de la Presse 35", "postal_code": "1000", "city": "Bruxelles", "country": "BE"},
        "url": "https://www.autoriteprotectiondonnees.be",
    }


def test_mandatory_and_its_consequence_are_asked_only_for_data_from_the_person() -> None:
    script, wizard = run({**MINIMAL, "activities[0].data_categories[0].source": "data_subject",
                          "activities[0].data_categories#menu": Then(["add", "add", "done"]),
                          "activities[0].data_categories[0].mandatory": "no",
                          "activities[0].data_categories[1].name": "Préférences",
                          "activities[0].data_categories[1].source": "data_subject",
                          "activities[0].data_categories[2].name": "Fichier client",
                          "activities[0].data_categories[2].source": "third_party",
                          "activities[0].data_categories[2].source_detail": "courtier en données"})
    prompt = script.prompts["activities[0].data_categories[0].mandatory"]
    assert prompt.kind == "select" and [v for v, _ in prompt.choices] == ["", "yes", "no"]
    assert dict(prompt.choices)["yes"] == "Oui, obligatoires"
    assert "activities[0].data_categories[0].consequence_if_missing" in script.asked  # optional data may say
    assert "activities[0].data_categories[1].consequence_if_missing" not in script.asked  # left unstated
    assert "activities[0].data_categories[2].mandatory" not in script.asked
    assert "activities[0].data_categories[1].source_detail" not in script.asked
    categories = wizard.state["activities"][0]["data_categories"]
    assert categories[0]["mandatory"] is False and "mandatory" not in categories[1]
    assert categories[2]["source_detail"] == "courtier en données"


def test_automated_decisions_are_described_only_when_there_are_some() -> None:
    script, wizard = run({**MINIMAL, "activities[0].automated_decisions#add": True,
                          "activities[0].automated_decisions[0].logic": "score de fraude",
                          "activities[0].automated_decisions[0].significance": "paiement refusé"})
    assert "Art. 22" in english_help("decisions.add") and "art. 22" in (
        script.prompts["activities[0].automated_decisions#add"].help or "")
    assert wizard.state["activities"][0]["automated_decisions"] == [
        {"logic": "score de fraude", "significance": "paiement refusé", "solely_automated": True,
         "legal_effect": True}]
    script, wizard = run(MINIMAL)
    assert script.prompts["activities[0].automated_decisions#add"].default is False
    assert "automated_decisions" not in wizard.state["activities"][0]


def test_an_automated_decision_is_asked_its_art22_exception_and_safeguards_only_when_restricted() -> None:
    base = "activities[0].automated_decisions[0]"
    script, wizard = run({**MINIMAL, "activities[0].automated_decisions#add": True, f"{base}.logic": "score",
                          f"{base}.decision": "paiement en plusieurs fois", f"{base}.significance": "refus",
                          f"{base}.exception": "b_law", f"{base}.law": "art. L. 561-5 CMF",
                          f"{base}.safeguards": ["human_intervention", "contest"]})
    assert script.prompts[f"{base}.exception"].message.startswith("Exception de l'article 22.2")
    assert wizard.state["activities"][0]["automated_decisions"][0] == {
        "logic": "score", "decision": "paiement en plusieurs fois", "significance": "refus",
        "solely_automated": True, "legal_effect": True, "exception": "b_law", "law": "art. L. 561-5 CMF",
        "safeguards": ["human_intervention", "contest"]}
    script, wizard = run({**MINIMAL, "activities[0].automated_decisions#add": True, f"{base}.logic": "score",
                          f"{base}.solely_automated": False})
    assert f"{base}.exception" not in script.asked and f"{base}.safeguards" not in script.asked


def test_the_impact_assessment_and_the_breach_phases_are_asked() -> None:
    script, wizard = run({**MINIMAL, "activities[0].systematic_monitoring": True, "activities[0].dpia#has": True,
                          "activities[0].dpia.status": "not_required",
                          "activities[0].dpia.reason": "aucun critère de la liste de la CNIL",
                          "breach.full_information_hours": "72"})
    activity = wizard.state["activities"][0]
    assert activity["systematic_monitoring"] is True
    assert activity["dpia"] == {"status": "not_required", "reason": "aucun critère de la liste de la CNIL"}
    assert "activities[0].dpia.date" not in script.asked
    assert "AIPD" in script.prompts["activities[0].dpia#has"].message
    assert wizard.state["breach"]["full_information_hours"] == 72
    assert "deux temps" in script.prompts["breach.full_information_hours"].message


def test_the_data_privacy_framework_is_asked_only_for_an_adequacy_transfer_to_the_usa() -> None:
    script, wizard = run({**MINIMAL, "subprocessors#add": True, "subprocessors[0].name": "Cloud",
                          "subprocessors[0].country": "US",
                          "subprocessors[0].transfer.mechanism": "adequacy",
                          "subprocessors[0].transfer.dpf_certified": True})
    assert "subprocessors[0].transfer.dpf_certified" in script.asked
    assert wizard.state["subprocessors"][0]["transfer"] == {"mechanism": "adequacy", "dpf_certified": True}


def test_registration_and_representative_questions_follow_the_country() -> None:
    script, wizard = run({**MINIMAL, "processor.address.country": "GB",
                          "processor.registration.other": "Companies House 0123",
                          "processor.eu_representative#has": True,
                          "processor.eu_representative.name": "Rep SARL"})
    assert "processor.registration.siren" not in script.asked
    assert "processor.registration.other" in script.asked
    assert "processor.eu_representative#has" in script.asked
    assert "controller.eu_representative#has" not in script.asked
    assert "controller.registration.other" not in script.asked
    assert wizard.state["processor"]["eu_representative"] == {"name": "Rep SARL"}


def test_a_dependent_answer_that_no_longer_applies_is_removed(avm_up: Description) -> None:
    start = to_data(avm_up)
    _, wizard = run({"activities#menu": Then(["edit", "done"]), "activities#edit": "0",
                     "activities[0].purposes#menu": Then(["edit", "done"]),
                     "activities[0].purposes#edit": "1",
                     "activities[0].purposes[1].legal_basis": "contract"}, start=start)
    purpose = wizard.state["activities"][0]["purposes"][1]
    assert purpose["legal_basis"] == "contract"
    assert "legitimate_interest" not in purpose


# ---------------------------------------------------------------- validation by the model


def _model_message(build: Any, language: str = "fr") -> str:
    """The model's message for the first error, as the wizard words it (in French unless told)."""
    from dpagen.messages import message

    with pytest.raises(ValidationError) as err:
        build()
    return message(dict(err.value.errors()[0]), language)


@pytest.mark.parametrize(
    ("prompt_id", "bad", "good", "model_says"),
    [
        ("controller.registration.siren", "12", "812345678", lambda: Registration(siren="12")),
        ("processor.address.country", "ZZ", "DE", lambda: Description.model_validate(
            {"processor": {"address": {"country": "ZZ"}}})),
        ("breach.notice_hours", "abc", "24",
         lambda: Description.model_validate({"breach": {"notice_hours": "abc"}})),
        ("breach.notice_hours", "0", "72",
         lambda: Description.model_validate({"breach": {"notice_hours": 0}})),
        ("controller.email", "pas-une-adresse", "a@b.example",
         lambda: Description.model_validate({"controller": {"email": "pas-une-adresse"}})),
        ("document.effective_date", "2026-13-45", "2026-12-01",
         lambda: Description.model_validate({"document": {"effective_date": "2026-13-45"}})),
        ("controller.legal_name", "Acme\x01", "Acme",
         lambda: Description.model_validate({"controller": {"legal_name": "Acme\x01"}})),
    ],
)
def test_an_invalid_answer_is_refused_with_the_models_message(prompt_id: str, bad: str, good: str,
                                                               model_says: Any) -> None:
    script, wizard = run({**MINIMAL, prompt_id: Then([bad, good])})
    expected = _model_message(model_says)
    assert script.refused == [(prompt_id, bad, expected)]
    assert script.asked.count(prompt_id) == 1
    assert wizard.log[[entry[0] for entry in wizard.log].index(prompt_id)][1] == good


def test_a_required_answer_cannot_be_left_empty() -> None:
    script, wizard = run({**MINIMAL, "activities[0].name": Then(["", "Paie"])})
    assert script.refused == [("activities[0].name", "", "valeur obligatoire manquante")]
    assert wizard.state["activities"][0]["name"] == "Paie"


def test_a_duplicate_category_name_is_refused_by_the_activity_rule() -> None:
    script, wizard = run({
        **MINIMAL,
        "activities[0].data_categories#menu": Then(["add", "done"]),
        "activities[0].data_categories[1].name": Then(["Identité", "Contact"]),
    })
    ((pid, value, message),) = script.refused
    assert (pid, value) == ("activities[0].data_categories[1].name", "Identité")
    assert message == "chaque catégorie de données porte un nom distinct dans un traitement : Identité"
    assert [c["name"] for c in wizard.state["activities"][0]["data_categories"]] == ["Identité", "Contact"]


def test_answers_are_stored_as_the_model_reads_them() -> None:
    _, wizard = run({**MINIMAL, "controller.address.country": "de", "breach.notice_hours": " 24 ",
                     "document.effective_date": "1/2/2027"})
    assert wizard.state["controller"]["address"]["country"] == "DE"
    assert wizard.state["breach"]["notice_hours"] == 24
    assert wizard.state["document"]["effective_date"] == "2027-02-01"


# ---------------------------------------------------------------- lists, security, summary


def test_items_are_added_reviewed_edited_and_removed(avm_up: Description) -> None:
    start = to_data(avm_up)
    _, wizard = run({
        "subprocessors#menu": Then(["edit", "remove", "add", "done"]),
        "subprocessors#edit": "0",
        "subprocessors[0].activity": "hébergement et sauvegardes",
        "subprocessors#remove": "1",
        "subprocessors[1].name": "Brevo",
        "subprocessors[1].country": "FR",
    }, start=start)
    subs = wizard.state["subprocessors"]
    assert [s["name"] for s in subs] == ["HostLyon", "Brevo"]
    assert subs[0]["activity"] == "hébergement et sauvegardes"
    # a new subprocessor is proposed the date of the documents' last update
    assert subs[1] == {"name": "Brevo", "country": "FR", "data_locations": ["FR"],
                       "date_added": start["document"]["last_update"]}


def test_security_measures_are_ticked_from_the_catalogue_and_added(avm_up: Description) -> None:
    start = to_data(avm_up)
    script, wizard = run({
        # TOM-11 unticked, TOM-09 ticked
        "security_measures#categories": ["TOM-01", "TOM-03", "TOM-05", "TOM-06", "TOM-08", "TOM-09"],
        "security_measures#TOM-09.0": "Journaux d'accès conservés un an",
        "security_measures#TOM-01.0": "",  # emptied: the measure goes
        "security_measures#more": Then([True, False]),
        "security_measures#more.category": "TOM-04",
        "security_measures#more.description": "Test d'intrusion annuel",
    }, start=start)
    titles = dict(script.prompts["security_measures#categories"].choices)
    assert titles["TOM-13"] == "Minimisation des données"
    assert script.prompts["security_measures#TOM-05.0"].default.startswith("Identifiant et mot de passe")
    assert [m["category"] for m in wizard.state["security_measures"]] == [
        "TOM-05", "TOM-06", "TOM-03", "TOM-08", "TOM-09", "TOM-04"]
    assert wizard.state["security_measures"][-1]["description"] == "Test d'intrusion annuel"


# ---------------------------------------------------------------- editing, drafts, resuming


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.stem)
def test_editing_an_example_and_keeping_every_answer_changes_nothing(path: Path) -> None:
    original = load(path)
    script, wizard = run({}, start=to_data(original))
    assert Description.model_validate(wizard.state) == original
    if original.processor is not None:
        assert script.prompts["processor.legal_name"].default == original.processor.legal_name


def test_editing_an_existing_file_starts_every_question_from_its_value(tmp_path: Path) -> None:
    source = tmp_path / "avm.json"
    shutil.copy(EXAMPLES / "avm-up.json", source)
    script = Script({"breach.notice_hours": "24", "subprocessors#menu": Then(["remove", "done"]),
                     "subprocessors#remove": "1", "final#generate": False})
    assert Session(script, None, source, False, "fr").run() == 0
    saved = load(source)
    assert script.prompts["breach.notice_hours"].default == "48"
    assert script.prompts["controller.registration.siren"].default == "812 345 678"
    assert script.prompts["subprocessor_policy.regime"].default == "general"
    assert saved.breach.notice_hours == 24
    assert [s.name for s in saved.subprocessors] == ["HostLyon"]
    expected = load(EXAMPLES / "avm-up.json")
    expected.breach.notice_hours = 24
    expected.subprocessors = expected.subprocessors[:1]
    assert saved == expected
    assert "save#replace" not in script.asked  # saving back in place needs no confirmation
    assert not draft_path_for(source).exists()


def test_an_interrupted_session_resumes_where_it_stopped(tmp_path: Path) -> None:
    out = tmp_path / "desc.json"
    stop = "activities[0].data_categories[0].name"
    first = Script(FRESH, interrupt_at=stop)
    with pytest.raises(Interrupted) as err:
        Session(first, out, None, False, "fr").run()
    draft = tmp_path / "desc.draft.json"
    assert err.value.exit_code == 130
    assert str(draft) in err.value.message
    assert err.value.details == [f"pour reprendre : dpagen wizard --resume --out {out}"]
    saved = read_draft(draft)
    assert saved is not None and saved["out"] == str(out)
    purpose = saved["description"]["activities"][0]["purposes"][1]
    assert purpose["legitimate_interest"] == "Protéger les comptes"
    assert not out.exists()

    second = Script({**FRESH, "final#generate": False})
    assert Session(second, out, None, True, "fr").run() == 0
    assert second.asked[0] == stop  # nothing asked again before the question that was interrupted
    # Replayed answers print nothing: the resumed screen starts at the interrupted section.
    assert second.said[0] == f"Reprise du brouillon {draft}"
    assert second.said[2:3] == ["── Traitements ──"]
    assert load(out) == Description.model_validate(EXPECTED)
    assert not draft.exists()


def test_from_a_draft_file_resumes_too(tmp_path: Path) -> None:
    out = tmp_path / "desc.json"
    with pytest.raises(Interrupted):
        Session(Script(FRESH, interrupt_at="hosting.sites#add"), out, None, False, "fr").run()
    moved = tmp_path / "kept.json"
    (tmp_path / "desc.draft.json").rename(moved)
    script = Script({**FRESH, "final#generate": False})
    Session(script, None, moved, False, "en").run()
    assert script.asked[0] == "hosting.sites#add"
    assert load(out) == Description.model_validate(EXPECTED)


def test_resume_without_a_draft_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no draft to resume"):
        Session(Script(), tmp_path / "x.json", None, True, "en")


def test_a_draft_found_at_start_is_offered(tmp_path: Path) -> None:
    out = tmp_path / "desc.json"
    with pytest.raises(Interrupted):
        Session(Script(FRESH, interrupt_at="breach.notice_hours"), out, None, False, "fr").run()
    script = Script({**FRESH, "final#generate": False})
    Session(script, out, None, False, "fr").run()
    assert script.asked[:2] == ["session#draft", "breach.notice_hours"]


def test_the_draft_is_written_after_every_answer(tmp_path: Path) -> None:
    out = tmp_path / "desc.json"
    draft = draft_path_for(out)
    seen: list[int] = []

    class Watching(Script):
        def ask(self, prompt: Prompt) -> Any:
            if draft.exists():
                seen.append(len(json.loads(draft.read_text())["answers"]))
            return super().ask(prompt)

    with pytest.raises(Interrupted):
        Session(Watching(COMPLETE, interrupt_at="changes.url"), out, None, False, "fr").run()
    assert len(seen) > 200 and seen == list(range(1, len(seen) + 1))
    assert read_draft(draft)["description"]["controller"]["legal_name"] == "Cabinet Durand"  # type: ignore[index]


def test_a_session_interrupted_between_two_signatory_answers_resumes(tmp_path: Path) -> None:
    out = tmp_path / "desc.json"
    answers = {**COMPLETE, "contract.signatories#processor.name": "Anne Petit",
               "contract.signatories#processor.title": "Directrice générale", "final#generate": False}
    with pytest.raises(Interrupted):
        Session(Script(answers, interrupt_at="contract.signatories#processor.title"), out, None, False,
                "fr").run()
    script = Script(answers)
    Session(script, out, None, True, "fr").run()
    assert script.asked[0] == "contract.signatories#processor.title"
    assert [s.model_dump(exclude_none=True) for s in load(out).contract.signatories] == [
        {"party": "processor", "name": "Anne Petit", "title": "Directrice générale"}]


def test_saving_over_another_file_asks_first(tmp_path: Path) -> None:
    out = tmp_path / "desc.json"
    out.write_text("{}")
    script = Script({**FRESH, "save#replace": False, "save#path": str(tmp_path / "other.json"),
                     "final#generate": False})
    Session(script, out, None, False, "fr").run()
    assert out.read_text() == "{}"
    assert load(tmp_path / "other.json") == Description.model_validate(EXPECTED)


def test_without_a_terminal_the_wizard_points_to_the_json_route(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from dpagen.wizard import run_wizard

    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    with pytest.raises(UsageError) as err:
        run_wizard(None, None, False, "en")
    assert err.value.exit_code == 2
    assert "dpagen init" in err.value.message and "dpagen validate" in err.value.message
    assert "\n" not in err.value.render()


def test_only_the_prompts_module_imports_questionary() -> None:
    package = Path(__file__).resolve().parent.parent / "dpagen"
    importers = sorted(p.name for p in package.rglob("*.py") if "import questionary" in p.read_text())
    assert importers == ["prompts.py"]
    code = "import sys, dpagen.wizard.session, dpagen.wizard.flow; print('questionary' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
