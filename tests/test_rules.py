"""The compliance rules: each one fires on a description with its gap and stays silent on a near miss."""

from __future__ import annotations

import copy
import re
import string
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, ROOT, complete_example_paths
from dpagen.geo import in_eea
from dpagen.io import load, validate
from dpagen.model import Description
from dpagen.rules import BLOCKABLE, DOCUMENTS, RULES, SECTIONS, Finding, check, rules_in_order
from dpagen.rules.adequacy import adequacy_gap, adequacy_list, decision_for
from dpagen.rules.cookies import non_essential

CHECKLIST = ROOT.parent / "shared" / "reference" / "legal-checklist.md"

# A small description with both parties and the controller's own notice: every rule applies to it
# and none fires. Each case below changes it in one place.
BASE: dict[str, Any] = {
    "document": {"language": "en", "effective_date": "2026-01-01", "last_update": "2025-12-15"},
    "publisher": "controller",
    "controller": {
        "legal_name": "Client SAS",
        "address": {"street": "1 rue A", "postal_code": "69001", "city": "Lyon", "country": "FR"},
        "email": "contact@client.example",
        "representative": {"name": "Ann Client", "title": "President"},
        "dpo": {"email": "dpo@client.example"},
        "rights_contact": {"email": "privacy@client.example"},
    },
    "processor": {
        "legal_name": "Host SAS",
        "address": {"street": "2 rue B", "postal_code": "59100", "city": "Roubaix", "country": "FR"},
        "email": "contact@host.example",
        "representative": {"name": "Bob Host", "title": "CEO"},
        "dpo": {"email": "dpo@host.example"},
        "security_officer": {"email": "security@host.example"},
    },
    "main_agreement": {"title": "Hosting terms"},
    "services": [{"name": "CRM hosting"}],
    "activities": [
        {
            "name": "Hosting the customer file",
            "nature": ["storage", "backup"],
            "purposes": [{"description": "Run the CRM", "legal_basis": "contract", "data": ["Contact data"]}],
            "data_subjects": ["Customers"],
            "data_categories": [
                {
                    "name": "Contact data",
                    "source": "data_subject",
                    "mandatory": True,
                    "consequence_if_missing": "no account can be opened",
                    "retention": {"duration": {"value": 3, "unit": "years"}, "start": "contract_end"},
                }
            ],
            "collection_points": ["sign-up"],
        }
    ],
    "term": {"description": "for the term of the main agreement"},
    "hosting": {"sites": [{"provider": "Host SAS", "country": "FR", "city": "Roubaix"}]},
    "subprocessor_policy": {"regime": "general", "notice_days": 30, "objection_days": 15,
                            "channel": "e-mail"},
    "subprocessors": [{"name": "Backup GmbH", "country": "DE", "activity": "backups", "date_added": "2025-06-01",
                       "address": {"street": "3 Weg", "postal_code": "10115", "city": "Berlin", "country": "DE"},
                       "contact": {"name": "Eva Backup", "title": "DPO", "email": "privacy@backup.example"}}],
    "breach": {"notice_hours": 48, "processor_contact": "security@host.example", "channel": "e-mail",
               "recipient": "dpo@client.example"},
    "security_measures": [{"category": "TOM-01", "description": "Encryption at rest"}],
    "recipients": [{"name": "Support team", "kind": "internal"}],
    "cookies": [{"name": "session", "purpose": "Keep the user signed in", "lifetime_months": 0,
                 "consent_required": False}],
    "changes": {"notice_days": 30, "channel": "e-mail"},
    "end_of_contract": {"return_format": "CSV files (RFC 4180)"},
    "contract": {"jurisdiction": "Tribunal des activités économiques de Lyon"},
}

Change = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Change:
    """A change that sets one value, e.g. ``_set("breach.notice_hours", None)`` or ``activities.0.name``."""

    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = data
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node.setdefault(key, {})
        if isinstance(node, list):
            node[int(last)] = value
        elif value is _DELETE:
            node.pop(last, None)
        else:
            node[last] = value

    return change


_DELETE = object()


def _all(*changes: Change) -> Change:
    def change(data: dict[str, Any]) -> None:
        for c in changes:
            c(data)

    return change


def _describe(*changes: Change) -> Description:
    data = copy.deepcopy(BASE)
    for c in changes:
        c(data)
    return validate(data)


def _rules_fired(d: Description) -> set[str]:
    return {f.rule for f in check(d)}


NO_CONTROLLER = _all(_set("controller", _DELETE), _set("publisher", _DELETE))
CONTROLLER_ONLY = _all(_set("processor", _DELETE))
US_SUB = _all(_set("subprocessors.0.country", "US"), _set("hosting.no_transfer_outside_eea", False))
HEALTH = _all(
    _set("activities.0.data_categories.0.special_category", "health"),
    _set("activities.0.data_categories.0.art9_condition", "a_explicit_consent"),
)
GA = {"name": "_ga", "provider": "Google Analytics", "purpose": "Audience measurement", "lifetime_months": 13,
      "consent_required": False}

# rule id -> (change that triggers it, near miss that does not)
DECISION = {"decision": "instalment payment", "logic": "a score", "significance": "a refusal"}
PROC_RECORD = _set("publisher", "processor")  # the processor keeps the record (Art. 30(2))

CASES: dict[str, tuple[Change, Change]] = {
    "RECORD-30-1-A": (_set("controller.dpo", {"name": "DPO"}),
                      _set("controller.dpo", {"name": "DPO", "email": "dpo@client.example"})),
    # Art. 30(1)(b) asks for the purposes, not their legal basis (the notice's rules ask for that, Art. 13(1)(c))
    "RECORD-30-1-B": (_set("activities.0.purposes", []), _set("activities.0.purposes.0.legal_basis", None)),
    "RECORD-30-1-C": (_set("activities.0.data_subjects", []), _set("activities.0.data_subjects", ["Users"])),
    "RECORD-30-1-D": (_all(CONTROLLER_ONLY, _set("recipients", [])), CONTROLLER_ONLY),
    "RECORD-30-1-E": (US_SUB, _all(US_SUB, _set("subprocessors.0.transfer", {"mechanism": "scc",
                                                                            "scc_module": "module_3"}))),
    "RECORD-30-1-F": (_set("activities.0.data_categories.0.retention", None),
                      _set("activities.0.data_categories.0.retention", {"criteria": "until the account closes"})),
    "RECORD-30-1-G": (_set("security_measures", []), _set("security_measures.0.description", "Backups")),
    "RECORD-30-2-A": (_all(PROC_RECORD, _set("processor.dpo", {"name": "DPO"})), PROC_RECORD),
    "RECORD-30-2-B": (_all(PROC_RECORD, _set("activities.0.nature", [])), _set("activities.0.nature", [])),
    "RECORD-30-2-C": (_all(PROC_RECORD, US_SUB), US_SUB),
    "RECORD-30-2-D": (_all(PROC_RECORD, _set("security_measures", [])), _set("security_measures", [])),
    "DOCUMENT-VALUE-MISSING": (
        _set("contract.jurisdiction", None),  # the contract's governing-law clause names the court
        _all(_set("contract.jurisdiction", None), CONTROLLER_ONLY),  # no contract, no court needed
    ),
    "ROLES-NONE": (
        _all(NO_CONTROLLER, _set("processor", _DELETE)),
        NO_CONTROLLER,
    ),
    "PARTY-IDENTITY": (
        _set("controller.legal_name", None),
        _all(CONTROLLER_ONLY, _set("controller.address", None)),  # no contract: an e-mail is enough
    ),
    "PARTY-EU-REPRESENTATIVE": (
        _set("processor.address.country", "US"),
        _all(_set("processor.address.country", "US"), _set("processor.eu_representative", {"name": "Rep"})),
    ),
    "PARTY-EU-REPRESENTATIVE-PLACE": (
        _all(_set("processor.address.country", "US"),
             _set("processor.eu_representative", {"name": "Rep", "address": {"city": "London", "country": "GB"}})),
        _all(_set("processor.address.country", "US"),
             _set("processor.eu_representative", {"name": "Rep", "address": {"city": "Dublin", "country": "IE"}})),
    ),
    "AUTHORITY-UNKNOWN": (
        _set("controller.address.country", None),
        _all(_set("controller.address.country", None),
             _set("authority", {"name": "Commission nationale de l'informatique et des libertés",
                                "url": "https://www.cnil.fr"})),
    ),
    "AUTHORITY-GERMAN-LAND": (
        _set("processor.address.country", "DE"),
        _all(_set("processor.address.country", "DE"),
             _set("processor_authority", {"name": "Landesbeauftragte für Datenschutz Niedersachsen",
                                          "url": "https://www.lfd.niedersachsen.de"})),
    ),
    "PROCESSING-NONE": (_set("activities", []), _set("activities.0.nature", ["storage"])),
    "PROCESSING-PURPOSES": (
        _set("activities.0.purposes", []),
        _set("activities.0.purposes.0.description", "Run and support the CRM"),
    ),
    "PROCESSING-DATA": (
        _all(_set("activities.0.data_categories", []), _set("activities.0.purposes.0.data", [])),
        _set("activities.0.purposes.0.data", ["Contact data"]),
    ),
    "PROCESSING-SUBJECTS": (
        _set("activities.0.data_subjects", []),
        _all(CONTROLLER_ONLY, _set("activities.0.data_subjects", [])),
    ),
    "PROCESSING-NATURE": (
        _set("activities.0.nature", []),
        _all(CONTROLLER_ONLY, _set("activities.0.nature", [])),
    ),
    "PROCESSING-RETENTION": (
        _all(NO_CONTROLLER, _set("activities.0.data_categories.0.retention", None)),
        _all(NO_CONTROLLER,
             _set("activities.0.data_categories.0.retention", {"criteria": "set by the client"})),
    ),
    "CONTRACT-SUBJECT": (
        _all(_set("services", []), _set("main_agreement", _DELETE)),
        _all(_set("services", []), _set("main_agreement", {"title": "Master services agreement"})),
    ),
    "CONTRACT-DURATION": (_set("term", None), _set("term", {"end": "2030-12-31"})),
    "SECURITY-MEASURES": (
        _set("security_measures", []),
        _all(CONTROLLER_ONLY, _set("security_measures", [])),
    ),
    "NOTICE-LEGAL-BASIS": (
        _set("activities.0.purposes.0.legal_basis", None),
        # the processor publishes: the controller's own notice is not drafted from this description
        _all(_set("activities.0.purposes.0.legal_basis", None), _set("publisher", "processor")),
    ),
    "NOTICE-LEGITIMATE-INTEREST": (
        _set("activities.0.purposes.0.legal_basis", "legitimate_interest"),
        _all(_set("activities.0.purposes.0.legal_basis", "legitimate_interest"),
             _set("activities.0.purposes.0.legitimate_interest", "Keeping the customer file accurate")),
    ),
    "NOTICE-RETENTION": (
        _set("activities.0.data_categories.0.retention", None),
        _set("activities.0.data_categories.0.retention", {"criteria": "until the account is closed"}),
    ),
    "NOTICE-RECIPIENTS": (
        _all(CONTROLLER_ONLY, _set("recipients", []), _set("subprocessors", [])),
        _all(CONTROLLER_ONLY, _set("subprocessors", [])),
    ),
    "NOTICE-RIGHTS-CONTACT": (
        _all(_set("controller.rights_contact", None), _set("controller.dpo", None),
             _set("controller.email", None), _set("controller.address", None)),
        # "no dedicated contact": the notice gives the controller's own e-mail, which is enough
        _all(_set("controller.rights_contact", None), _set("controller.dpo", None)),
    ),
    "NOTICE-COMPLAINT": (
        _set("authority", {"address": None, "url": None}),
        _set("authority", {"address": None}),
    ),
    "NOTICE-AUTOMATED-LOGIC": (
        _set("activities.0.automated_decisions", [{"significance": "a refusal"}]),
        _set("activities.0.automated_decisions", [{"logic": "a score", "significance": "a refusal"}]),
    ),
    "AUTOMATED-NO-EXCEPTION": (
        _set("activities.0.automated_decisions", [DECISION]),
        _set("activities.0.automated_decisions", [{**DECISION, "solely_automated": False}]),
    ),
    "AUTOMATED-SAFEGUARDS": (
        _set("activities.0.automated_decisions",
             [{**DECISION, "exception": "a_contract", "safeguards": ["human_intervention", "contest"]}]),
        _set("activities.0.automated_decisions", [{**DECISION, "exception": "b_law", "law": "a statute"}]),
    ),
    "DPIA-MISSING": (
        _set("activities.0.systematic_monitoring", True),
        _all(_set("activities.0.systematic_monitoring", True),
             _set("activities.0.dpia", {"status": "planned", "date": "2026-03-01"})),
    ),
    "DPIA-PLANNED-OVERDUE": (  # BASE's documents take effect on 2026-01-01
        _set("activities.0.dpia", {"status": "planned", "date": "2025-11-30"}),
        _set("activities.0.dpia", {"status": "planned", "date": "2026-03-01"}),
    ),
    "NOTICE-SOURCE": (
        _set("activities.0.data_categories.0.source", "third_party"),
        _all(_set("activities.0.data_categories.0.source", "third_party"),
             _set("activities.0.data_categories.0.source_detail", "a partner's file")),
    ),
    "NOTICE-MANDATORY": (
        _set("activities.0.data_categories.0.mandatory", None),
        _all(_set("activities.0.data_categories.0.mandatory", None),
             _set("activities.0.data_categories.0.source", "generated")),
    ),
    "NOTICE-DPO": (_set("controller.dpo", None), _set("processor.dpo", None)),
    "NOTICE-RESPONSE-TIME": (_set("rights", {"response_days": 45}), _set("rights", {"response_days": 30})),
    "NOTICE-MINORS-CONSENT": (
        _all(_set("minors", {"offered": True, "minimum_age": 13}),
             _set("activities.0.purposes.0.legal_basis", "consent")),
        _all(_set("minors", {"offered": True, "minimum_age": 13, "parental_consent": "a parent confirms by e-mail"}),
             _set("activities.0.purposes.0.legal_basis", "consent")),
    ),
    "NOTICE-RIGHTS-CHANNEL-REPEATS": (
        _set("rights", {"channels": ["courrier électronique au délégué"]}),
        _set("rights", {"channels": ["formulaire en ligne", "espace client"]}),
    ),
    "BREACH-DELAY-MISSING": (_set("breach.notice_hours", None), _set("breach.notice_hours", 24)),
    "BREACH-DELAY-MAX": (_set("breach.notice_hours", 96), _set("breach.notice_hours", 72)),
    "BREACH-DELAY-LONG": (_set("breach.notice_hours", 72), _set("breach.notice_hours", 48)),
    "BREACH-CONTACT": (
        _all(_set("breach.processor_contact", None), _set("processor.security_officer", None),
             _set("processor.dpo", None)),
        _set("breach.processor_contact", None),
    ),
    "TRANSFER-NO-MECHANISM": (
        US_SUB,
        _all(US_SUB, _set("subprocessors.0.transfer", {"mechanism": "scc", "scc_module": "module_3"})),
    ),
    "TRANSFER-ADEQUACY-UNSTATED": (
        _all(_set("subprocessors.0.country", "CH"), _set("hosting.no_transfer_outside_eea", False)),
        _all(_set("subprocessors.0.country", "CH"), _set("hosting.no_transfer_outside_eea", False),
             _set("subprocessors.0.transfer", {"mechanism": "adequacy"})),
    ),
    "TRANSFER-ADEQUACY-INVALID": (
        _all(_set("subprocessors.0.country", "IN"), _set("hosting.no_transfer_outside_eea", False),
             _set("subprocessors.0.transfer", {"mechanism": "adequacy"})),
        _all(_set("subprocessors.0.country", "GB"), _set("hosting.no_transfer_outside_eea", False),
             _set("subprocessors.0.transfer", {"mechanism": "adequacy"})),
    ),
    "TRANSFER-ADEQUACY-PARTIAL": (
        _all(US_SUB, _set("subprocessors.0.transfer", {"mechanism": "adequacy", "dpf_certified": True})),
        _all(US_SUB, _set("subprocessors.0.transfer", {"mechanism": "scc", "scc_module": "module_3"})),
    ),
    "TRANSFER-CLAIM-CONTRADICTED": (
        _set("cookies", [{**GA, "consent_required": True, "country": "US",
                          "transfer": {"mechanism": "adequacy", "dpf_certified": True}}]),
        _all(_set("cookies", [{**GA, "consent_required": True, "country": "US",
                               "transfer": {"mechanism": "adequacy", "dpf_certified": True}}]),
             _set("hosting.no_transfer_outside_eea", False)),
    ),
    "TRANSFER-SCC-MODULE": (
        _all(US_SUB, _set("subprocessors.0.transfer", {"mechanism": "scc"})),
        _all(US_SUB, _set("subprocessors.0.transfer", {"mechanism": "scc", "scc_module": "module_3"})),
    ),
    "TRANSFER-DEROGATION": (
        _all(US_SUB, _set("subprocessors.0.transfer", {"mechanism": "derogation",
                                                        "derogation": "b_contract_with_data_subject"})),
        # an occasional transfer to a recipient, on a named derogation
        _all(_set("hosting.no_transfer_outside_eea", False),
             _set("recipients.0", {"name": "Hotel abroad", "country": "US",
                                   "transfer": {"mechanism": "derogation",
                                                "derogation": "b_contract_with_data_subject"}})),
    ),
    "TRANSFER-MECHANISM-INSIDE-EEA": (
        _set("subprocessors.0.transfer", {"mechanism": "scc", "scc_module": "module_3"}),
        _all(_set("subprocessors.0.data_locations", ["DE", "US"]),
             _set("hosting.no_transfer_outside_eea", False),
             _set("subprocessors.0.transfer", {"mechanism": "scc", "scc_module": "module_3"})),
    ),
    "TRANSFER-LOCATION-UNKNOWN": (
        _set("subprocessors.0.country", None),
        _all(_set("subprocessors.0.country", None), _set("subprocessors.0.data_locations", ["DE"])),
    ),
    "SUBPROCESSOR-NOTICE-MISSING": (
        _set("subprocessor_policy.notice_days", None),
        _all(_set("subprocessor_policy.notice_days", None), _set("subprocessor_policy.regime", "specific")),
    ),
    "SUBPROCESSOR-OBJECTION-MISSING": (
        _set("subprocessor_policy.objection_days", 0),
        _set("subprocessor_policy.objection_days", 1),
    ),
    "SUBPROCESSOR-NOTICE-SHORT": (
        _all(_set("subprocessor_policy.notice_days", 10), _set("subprocessor_policy.objection_days", 7)),
        _all(_set("subprocessor_policy.notice_days", 14), _set("subprocessor_policy.objection_days", 7)),
    ),
    "SUBPROCESSOR-OBJECTION-LATE": (
        _set("subprocessor_policy.objection_days", 45),
        _set("subprocessor_policy.objection_days", 30),
    ),
    "SUBPROCESSOR-CHANNEL": (
        _set("subprocessor_policy.channel", None),
        _all(_set("subprocessor_policy.channel", None), _set("subprocessor_policy.regime", "specific")),
    ),
    "SPECIAL-NO-CONDITION": (
        _set("activities.0.data_categories.0.special_category", "religious_beliefs"),
        _all(_set("activities.0.data_categories.0.special_category", "religious_beliefs"),
             _set("activities.0.data_categories.0.art9_condition", "a_explicit_consent")),
    ),
    "SPECIAL-CRIMINAL": (
        _set("activities.0.data_categories.0.criminal_offence", True),
        _set("activities.0.data_categories.0.criminal_offence", False),
    ),
    "SPECIAL-HEALTH-HDS": (
        HEALTH,
        _all(HEALTH, _set("hosting.sites.0.certifications", ["ISO 27001", "HDS"]),
             _set("subprocessors.0.hds", {"activities": ["6_backup"]})),  # Backup GmbH hosts backups
    ),
    "SPECIAL-LARGE-SCALE-DPO": (
        _all(HEALTH, _set("activities.0.large_scale", True), _set("processor.dpo", None),
             _set("hosting.sites.0.certifications", ["HDS"])),
        _all(HEALTH, _set("activities.0.large_scale", False), _set("processor.dpo", None),
             _set("hosting.sites.0.certifications", ["HDS"])),
    ),
    "CONTRACT-NOTICES-ADDRESS": (
        _all(_set("contract.optional_clauses", {"notices": True}),
             _set("contract.notice_contacts", {"processor": {"email": "legal@p.example"}})),
        _all(_set("contract.optional_clauses", {"notices": True}),
             _set("contract.notice_contacts", {"processor": {"email": "legal@p.example"},
                                               "controller": {"address": {"street": "1 rue A", "city": "Lyon"}}})),
    ),
    "AUDIT-NONE": (
        _set("audits", {"on_site": False, "documentary": False}),
        _set("audits", {"on_site": False, "documentary": True}),
    ),
    "AUDIT-NOTICE-LONG": (_set("audits", {"notice_days": 90}), _set("audits", {"notice_days": 60})),
    "AUDIT-CAP-ZERO": (_set("audits", {"max_per_year": 0}), _set("audits", {"max_per_year": None})),
    "AUDIT-NO-THIRD-PARTY": (
        _set("audits", {"third_party_auditor": False}),
        _set("audits", {"third_party_auditor": True}),
    ),
    "END-DELAY-MISSING": (
        _set("end_of_contract", {"delay_days": None}),
        _set("end_of_contract", {"delay_days": 0}),
    ),
    "END-FORMAT-MISSING": (
        _set("end_of_contract.return_format", None),
        _set("end_of_contract.return_format", "JSON export"),
    ),
    "SUBPROCESSOR-IDENTITY-MISSING": (
        _set("subprocessors.0.contact", {"name": "Eva Backup"}),
        _set("subprocessors.0.contact", {"name": "Eva Backup", "phone": "+49 30 000000"}),
    ),
    "END-NO-CERTIFICATE": (
        _set("end_of_contract", {"certificate": False}),
        _all(CONTROLLER_ONLY, _set("end_of_contract", {"certificate": False})),
    ),
    "COOKIE-CONSENT": (
        _set("cookies", [GA]),
        _all(_set("cookies", [{**GA, "consent_required": True}]), _set("cookie_settings", "Settings link")),
    ),
    "COOKIE-LIFETIME": (
        _set("cookies.0.lifetime_months", 25),
        _set("cookies.0.lifetime_months", 13),
    ),
    "COOKIE-SETTINGS": (
        _set("cookies", [{**GA, "consent_required": True}]),
        _all(_set("cookies", [{**GA, "consent_required": True}]), _set("cookie_settings", "Footer link")),
    ),
    "MARKETING-LEGAL-BASIS": (
        _set("marketing", {"channels": ["post"]}),
        _set("marketing", {"channels": ["post"], "legal_basis": "consent"}),
    ),
    "MARKETING-LI-OPT-OUT": (
        _set("marketing", {"channels": ["post"], "legal_basis": "legitimate_interest"}),
        _set("marketing", {"channels": ["post"], "legal_basis": "legitimate_interest", "opt_out": "letter"}),
    ),
    "MARKETING-ELECTRONIC-CONSENT": (
        _set("marketing", {"channels": ["email"], "legal_basis": "legitimate_interest", "opt_out": "link"}),
        _set("marketing", {"channels": ["post"], "legal_basis": "legitimate_interest", "opt_out": "letter"}),
    ),
    "DATES-ORDER": (
        _set("term", {"start": "2027-01-01", "end": "2026-06-30"}),
        _set("term", {"start": "2026-01-01", "end": "2026-06-30"}),
    ),
    "DATES-UPDATE-AFTER-EFFECTIVE": (
        _set("document.last_update", "2026-02-01"),
        _set("document.last_update", "2026-01-01"),
    ),
    "CONTACT-EMPTY": (
        _set("processor.security_officer", {"name": "CISO"}),
        _set("processor.security_officer", {"name": "CISO", "url": "https://host.example/security"}),
    ),
    "DATA-UNUSED": (
        _set("activities.0.purposes.0.data", []),
        _set("activities.0.purposes.0.data", ["Contact data"]),
    ),
    "PURPOSE-UNKNOWN-DATA": (
        _set("activities.0.purposes.0.data", ["Contact data", "Contakt data"]),
        _set("activities.0.purposes.0.data", ["Contact data", "Contact data"]),
    ),
    "SUBPROCESSOR-UNKNOWN-ACTIVITY": (
        _set("subprocessors.0.processing_activities", ["Hosting the customer fil"]),
        _set("subprocessors.0.processing_activities", ["Hosting the customer file"]),
    ),
    "SUBPROCESSOR-UNKNOWN-DATA": (
        _set("subprocessors.0.data_categories", ["Contact dta"]),
        _set("subprocessors.0.data_categories", ["Contact data"]),
    ),
    "SPECIAL-SUBPROCESSOR-OUTSIDE-EEA": (
        _all(HEALTH, US_SUB, _set("subprocessors.0.transfer", {"mechanism": "scc", "scc_module": "module_3"})),
        _all(US_SUB, _set("subprocessors.0.transfer", {"mechanism": "scc", "scc_module": "module_3"})),
    ),
    "SPECIAL-CARE-SECRECY": (
        _all(HEALTH, _set("activities.0.data_categories.0.art9_condition", "h_health_social_care")),
        _all(HEALTH, _set("activities.0.data_categories.0.art9_condition", "h_health_social_care"),
             _set("health", {"professional_secrecy": "the clinic's doctors, bound by medical secrecy"})),
    ),
}


def test_the_base_description_gives_no_finding() -> None:
    assert check(_describe()) == []


def test_every_rule_has_a_case() -> None:
    assert {r.id for r in RULES} == set(CASES)


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_fires_on_its_gap(rule_id: str) -> None:
    trigger, _ = CASES[rule_id]
    findings = [f for f in check(_describe(trigger)) if rule_id in f.rules]
    assert findings, f"{rule_id} did not fire"
    rule = next(r for r in RULES if r.id == rule_id)
    for f in findings:
        if f.rule != rule_id:  # a warning merged into the document gap on the same field (one gap, one finding)
            assert f.rule == "DOCUMENT-VALUE-MISSING" and f.severity == "error" and rule.severity != "error"
            assert set(rule.articles) <= set(f.articles)
            continue
        assert f.severity == rule.severity and f.section == rule.section
        if rule_id == "DOCUMENT-VALUE-MISSING":  # cites the clauses that need the value
            assert f.articles and f.articles != rule.articles
        else:
            assert f.articles == rule.articles
        merged = {c for r in RULES if r.id in f.also for c in r.checklist}
        assert f.checklist and set(f.checklist) <= set(rule.checklist) | merged
        for lang in ("fr", "en"):
            text = f.message[lang]
            assert text and "{" not in text and not text[0].islower(), text


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_stays_silent_on_the_near_miss(rule_id: str) -> None:
    _, near_miss = CASES[rule_id]
    findings = [f.line() for f in check(_describe(near_miss)) if f.rule == rule_id]
    assert findings == []


# --- the registry ---------------------------------------------------------------------------------------


def test_rule_metadata_is_complete() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for r in RULES:
        assert re.fullmatch(r"[A-Z0-9]+(-[A-Z0-9]+)+", r.id), r.id
        assert r.section in SECTIONS and r.severity in ("error", "warning", "info")
        assert r.articles and r.checklist, r.id
        assert set(r.documents) <= set(BLOCKABLE) and r.documents, r.id
        assert r.summary["fr"] and r.summary["en"], r.id
        assert r.placeholders("fr") == r.placeholders("en"), r.id


def test_every_rule_listed_in_the_issue_exists() -> None:
    issue = {
        "PROCESSING-NONE", "PROCESSING-PURPOSES", "PROCESSING-DATA", "PROCESSING-SUBJECTS",
        "PROCESSING-NATURE",
        "CONTRACT-SUBJECT", "CONTRACT-DURATION", "PARTY-IDENTITY", "NOTICE-LEGAL-BASIS",
        "NOTICE-LEGITIMATE-INTEREST", "NOTICE-RETENTION", "NOTICE-RECIPIENTS", "NOTICE-RIGHTS-CONTACT",
        "NOTICE-COMPLAINT", "BREACH-DELAY-MISSING", "BREACH-DELAY-MAX", "BREACH-DELAY-LONG",
        "TRANSFER-NO-MECHANISM", "TRANSFER-ADEQUACY-INVALID", "TRANSFER-CLAIM-CONTRADICTED",
        "SUBPROCESSOR-NOTICE-MISSING", "SUBPROCESSOR-OBJECTION-MISSING", "SUBPROCESSOR-NOTICE-SHORT",
        "SPECIAL-NO-CONDITION", "SPECIAL-HEALTH-HDS", "SPECIAL-LARGE-SCALE-DPO", "AUDIT-NONE",
        "AUDIT-NOTICE-LONG", "AUDIT-CAP-ZERO", "END-DELAY-MISSING", "COOKIE-LIFETIME", "COOKIE-CONSENT",
        "MARKETING-LI-OPT-OUT", "DATES-ORDER", "CONTACT-EMPTY", "DATA-UNUSED", "PURPOSE-UNKNOWN-DATA",
    }
    assert issue <= {r.id for r in RULES}


def test_findings_are_sorted_by_section_then_rule() -> None:
    findings = check(load(EXAMPLES / "optipic-flawed.json"))
    order = list(SECTIONS)
    keys = [(order.index(f.section), f.rule, f.path) for f in findings]
    assert keys == sorted(keys)
    assert [r.id for r in rules_in_order()] == sorted(
        (r.id for r in RULES), key=lambda i: (order.index(next(r.section for r in RULES if r.id == i)), i)
    )


def test_checklist_ids_exist_in_the_legal_checklist() -> None:
    if not CHECKLIST.is_file():
        pytest.skip(f"{CHECKLIST} is not available here")
    known = set(re.findall(r"\*\*([A-Z][A-Za-z0-9.\-]*)\*\*", CHECKLIST.read_text(encoding="utf-8")))
    cited = {c for r in RULES for c in r.checklist}
    cited |= {a.checklist for a in adequacy_list().countries.values()}
    assert cited - known == set()


# --- blocking and lines ---------------------------------------------------------------------------------


def _one(d: Description, rule_id: str) -> Finding:
    return next(f for f in check(d) if f.rule == rule_id)


def test_a_missing_cookie_consent_blocks_the_notice_not_the_contract() -> None:
    f = _one(_describe(_set("cookies", [GA])), "COOKIE-CONSENT")
    assert f.blocks("privacy-notice") and f.blocks("processor-charter")
    assert not f.blocks("dpa") and not f.blocks("subprocessors")


def test_a_missing_breach_delay_blocks_the_contract_and_the_charter_not_the_notice() -> None:
    f = _one(_describe(_set("breach.notice_hours", None)), "BREACH-DELAY-MISSING")
    assert f.blocks("dpa") and f.blocks("processor-charter")
    assert not f.blocks("privacy-notice") and not f.blocks("subprocessors")


def test_a_transfer_without_tool_blocks_every_document() -> None:
    f = _one(_describe(US_SUB), "TRANSFER-NO-MECHANISM")
    assert all(f.blocks(doc) for doc in DOCUMENTS)
    assert f.path == "subprocessors[0].transfer"


def test_warnings_and_info_block_nothing() -> None:
    d = _describe(_set("breach.notice_hours", 72), _set("controller.dpo", None))
    for rule_id in ("BREACH-DELAY-LONG", "NOTICE-DPO"):
        f = _one(d, rule_id)
        assert not any(f.blocks(doc) for doc in DOCUMENTS)


def test_a_missing_retention_blocks_the_notice_and_the_processors_charter() -> None:
    findings = [f for f in check(_describe(_set("activities.0.data_categories.0.retention", None)))
                if "retention" in f.path]
    # reported once for the published documents, once for the record (its own article, Art. 30(1)(f))
    assert [f.rule for f in findings] == ["NOTICE-RETENTION", "RECORD-30-1-F"]
    assert findings[0].blocks("privacy-notice") and findings[0].blocks("processor-charter")
    assert findings[1].documents == ("record",)


def test_line_is_readable_in_both_languages() -> None:
    f = _one(_describe(_set("breach.notice_hours", 96)), "BREACH-DELAY-MAX")
    en, fr = f.line("en"), f.line("fr")
    assert en.startswith("error BREACH-DELAY-MAX breach.notice_hours: ")
    assert "96 hours" in en and "Art. 33(1)" in en and "\n" not in en
    assert fr.startswith("erreur BREACH-DELAY-MAX breach.notice_hours: ") and "96 heures" in fr


def test_country_names_are_localised() -> None:
    f = _one(_describe(US_SUB), "TRANSFER-NO-MECHANISM")
    assert "United States (US)" in f.message["en"]
    assert "États-Unis (US)" in f.message["fr"]


def test_generate_refuses_a_final_document_on_blocking_errors() -> None:
    from dpagen.generate import blocking_findings

    d = load(EXAMPLES / "optipic-flawed.json")
    notice = blocking_findings(d, "privacy-notice")
    dpa = blocking_findings(d, "dpa")
    assert any("COOKIE-CONSENT" in line for line in notice)
    assert not any("COOKIE-CONSENT" in line for line in dpa)
    assert any("BREACH-DELAY-MISSING" in line for line in dpa)


# --- roles decide which rules apply -------------------------------------------------------------------


def test_processor_rules_need_a_processor() -> None:
    d = _describe(CONTROLLER_ONLY, _set("breach.notice_hours", None), _set("audits", {"on_site": False,
                                                                                       "documentary": False}))
    assert not {"BREACH-DELAY-MISSING", "AUDIT-NONE"} & _rules_fired(d)


def test_contract_rules_need_both_parties_but_charter_rules_a_processor_only() -> None:
    d = _describe(NO_CONTROLLER, _set("services", []), _set("term", None), _set("breach.notice_hours", None))
    fired = _rules_fired(d)
    assert "BREACH-DELAY-MISSING" in fired
    assert not {"CONTRACT-SUBJECT", "CONTRACT-DURATION"} & fired


def test_notice_rules_read_the_processors_own_activities() -> None:
    own = copy.deepcopy(BASE["activities"][0])
    own["purposes"][0]["legal_basis"] = None
    d = _describe(NO_CONTROLLER, _set("processor_own_activities", [own]))
    f = _one(d, "NOTICE-LEGAL-BASIS")
    assert f.path == "processor_own_activities[0].purposes[0].legal_basis"
    assert f.blocks("processor-charter") and not f.blocks("privacy-notice")


# --- transfers and adequacy -----------------------------------------------------------------------------


def test_a_partial_adequacy_finding_cites_only_its_own_country_item() -> None:
    d = _describe(US_SUB, _set("subprocessors.0.transfer", {"mechanism": "adequacy", "dpf_certified": True}))
    [finding] = [f for f in check(d) if f.rule == "TRANSFER-ADEQUACY-PARTIAL"]
    assert finding.checklist == ("ADQ-US",)
    assert "ADQ-US" in finding.to_dict()["checklist"] and "ADQ-JP" not in finding.to_dict()["checklist"]


def test_adequacy_list_is_dated_data_from_the_checklist() -> None:
    data = adequacy_list()
    assert set(data.countries) == set("AD AR FO GG IL IM JE NZ CH UY CA JP KR GB US BR".split())
    for code, a in data.countries.items():
        assert a.checklist == f"ADQ-{code}" and a.decision and a.date.year >= 2000
        assert not in_eea(code)
    us = decision_for("US")
    assert us is not None and us.partial and us.condition == "dpf_certified" and "2023/1795" in us.decision
    assert "EPO" in data.organisations


@pytest.mark.parametrize(
    ("country", "dpf", "gap"),
    [("US", False, "condition"), ("US", True, None), ("IN", False, "none"), ("GB", False, None),
     ("DE", False, None), ("CN", True, "none")],
)
def test_adequacy_gap(country: str, dpf: bool, gap: str | None) -> None:
    from dpagen.model import TransferMechanism, TransferSafeguard

    safeguard = TransferSafeguard(mechanism=TransferMechanism.ADEQUACY, dpf_certified=dpf)
    assert adequacy_gap(country, safeguard) == gap


def test_a_foreign_hosting_site_is_covered_by_a_subprocessor_of_the_same_name() -> None:
    site = _set("hosting.sites", [{"provider": "BigCloud", "country": "US"}])
    no_claim = _set("hosting.no_transfer_outside_eea", False)
    covered = _set("subprocessors.0", {"name": "BigCloud Inc.", "country": "US",
                                       "transfer": {"mechanism": "scc", "scc_module": "module_3"}})
    assert "TRANSFER-NO-MECHANISM" in _rules_fired(_describe(site, no_claim))
    assert "TRANSFER-NO-MECHANISM" not in _rules_fired(_describe(site, no_claim, covered))


def test_cookies_and_recipients_abroad_need_a_tool() -> None:
    cookie = _set("cookies", [{**GA, "consent_required": True, "country": "US"}])
    f = _one(_describe(cookie, _set("hosting.no_transfer_outside_eea", False)), "TRANSFER-NO-MECHANISM")
    assert f.path == "cookies[0].transfer"
    assert f.blocks("privacy-notice") and not f.blocks("dpa")


def test_a_processor_abroad_contradicts_the_eea_claim() -> None:
    f = _one(_describe(_set("processor.address.country", "US")), "TRANSFER-CLAIM-CONTRADICTED")
    assert f.path == "processor.address.country"


# --- cookies: what counts as non-essential --------------------------------------------------------------


@pytest.mark.parametrize(
    ("cookie", "settings", "reason"),
    [
        ({"name": "session", "purpose": "Keep the user signed in"}, None, None),
        ({"name": "lb", "purpose": "Répartition de charge entre serveurs"}, None, None),
        ({"name": "ads", "purpose": "Publicité ciblée"}, None, "tracking"),
        ({"name": "x", "provider": "Meta Platforms", "purpose": "Conversion"}, None, "vendor"),
        ({"name": "_pk_id", "purpose": "Mesure d'audience", "lifetime_months": 13, "opt_out_url": "https://a.example"},
         None, None),
        ({"name": "_pk_id", "purpose": "Mesure d'audience", "lifetime_months": 13}, None, "audience"),
        ({"name": "_pk_id", "purpose": "Mesure d'audience", "lifetime_months": 13}, "Footer link", None),
        ({"name": "_pk_id", "purpose": "Mesure d'audience", "lifetime_months": 25}, "Link", "audience"),
        ({"name": "stat", "provider": "StatsCorp", "purpose": "Statistiques", "lifetime_months": 6}, "Link",
         "audience"),
    ],
)
def test_non_essential(cookie: dict[str, Any], settings: str | None, reason: str | None) -> None:
    d = _describe(_set("cookies", [cookie]), _set("cookie_settings", settings))
    assert non_essential(d.cookies[0], d) == reason


# --- the examples --------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", complete_example_paths(), ids=[p.stem for p in complete_example_paths()])
def test_complete_examples_have_no_error(path: Path) -> None:
    errors = [f.line() for f in check(load(path)) if f.severity == "error"]
    assert errors == []


# Error rules the flawed example cannot show, and why.
NOT_IN_FLAWED = {
    "ROLES-NONE": "the example has parties",
    "PROCESSING-NONE": "the example has activities, so that their own gaps show",
    "BREACH-DELAY-MAX": "the breach delay is missing (BREACH-DELAY-MISSING), not too long",
    "NOTICE-RECIPIENTS": "the processor itself is a recipient",
    "NOTICE-AUTOMATED-LOGIC": "seed 001 describes no automated decision",
    "AUTOMATED-NO-EXCEPTION": "seed 001 describes no automated decision",
    "AUTOMATED-SAFEGUARDS": "seed 001 describes no automated decision",
    "SPECIAL-NO-CONDITION": "seed 001 processes no special-category data",
    "DATES-ORDER": "seed 001 gives one date; the missing term shows CONTRACT-DURATION instead",
    "PROCESSING-RETENTION": "the controller's notice applies, so NOTICE-RETENTION reports the same gap once",
    "SUBPROCESSOR-UNKNOWN-ACTIVITY": "seed 001 does not say which activities its subprocessors take part in",
    "SUBPROCESSOR-UNKNOWN-DATA": "seed 001 does not say which data its subprocessors receive",
    "PARTY-EU-REPRESENTATIVE-PLACE": "seed 001's parties are both established in France",
    "AUTHORITY-UNKNOWN": "seed 001's controller is French: its authority is known, and emptied (NOTICE-COMPLAINT)",
    "CONTRACT-NOTICES-ADDRESS": "the optional notices clause is off",
    "RECORD-30-1-D": "the processor itself is a recipient",
    "RECORD-30-2-A": "the controller keeps this record (Art. 30(1)), not the processor",
    "RECORD-30-2-B": "the controller keeps this record (Art. 30(1)), not the processor",
    "RECORD-30-2-C": "the controller keeps this record (Art. 30(1)), not the processor",
    "RECORD-30-2-D": "the controller keeps this record (Art. 30(1)), not the processor",
}


def test_the_flawed_example_shows_each_error_it_can() -> None:
    d = load(EXAMPLES / "optipic-flawed.json")
    errors = {f.rule for f in check(d) if f.severity == "error"}
    expected = {r.id for r in RULES if r.severity == "error"} - set(NOT_IN_FLAWED)
    assert errors == expected
    assert set(NOT_IN_FLAWED) <= {r.id for r in RULES if r.severity == "error"}


def test_the_flawed_example_reproduces_the_gaps_of_seed_001() -> None:
    paths = {(f.rule, f.path) for f in check(load(EXAMPLES / "optipic-flawed.json"))}
    assert ("NOTICE-LEGAL-BASIS", "activities[0].purposes[0].legal_basis") in paths
    assert ("NOTICE-RETENTION", "activities[0].data_categories[0].retention") in paths
    assert ("NOTICE-DPO", "controller.dpo") in paths
    assert ("NOTICE-COMPLAINT", "authority") in paths
    assert ("TRANSFER-CLAIM-CONTRADICTED", "cookies[0]") in paths
    assert ("TRANSFER-ADEQUACY-INVALID", "cookies[0].transfer.dpf_certified") in paths


def test_messages_use_only_known_placeholders() -> None:
    for r in RULES:
        for lang in ("fr", "en"):
            fields = [f for _, f, _, _ in string.Formatter().parse(r.message[lang]) if f]
            assert all(re.fullmatch(r"[a-z_]+", f) for f in fields), (r.id, fields)


def test_a_hosting_site_outside_the_eea_is_covered_by_its_own_transfer_tool() -> None:
    site = {"provider": "FarCloud", "country": "SG"}
    bare = _describe(_set("hosting.no_transfer_outside_eea", False), _set("hosting.sites", [site]))
    assert "TRANSFER-NO-MECHANISM" in _rules_fired(bare)
    covered = _describe(
        _set("hosting.no_transfer_outside_eea", False),
        _set("hosting.sites", [{**site, "transfer": {"mechanism": "scc", "scc_module": "module_3"}}]),
    )
    assert "TRANSFER-NO-MECHANISM" not in _rules_fired(covered)
    wrong = _describe(
        _set("hosting.no_transfer_outside_eea", False),
        _set("hosting.sites", [{**site, "transfer": {"mechanism": "adequacy"}}]),
    )
    assert "TRANSFER-NO-MECHANISM" not in _rules_fired(wrong)
    assert any(r.startswith("TRANSFER-ADEQUACY") for r in _rules_fired(wrong))


def test_french_messages_keep_their_punctuation_on_the_line_of_the_word_before() -> None:
    from dpagen.typography import french_spacing

    assert french_spacing("délai : un mois ; « Acme » ? oui !") == (
        "délai\u00a0: un mois\u00a0; «\u00a0Acme\u00a0»\u00a0? oui\u00a0!")
    assert french_spacing("https://a.example:8080") == "https://a.example:8080"
    findings = check(_describe(_set("rights", {"response_days": 45})))
    [finding] = [f for f in findings if f.rule == "NOTICE-RESPONSE-TIME"]
    assert "jours\u00a0: la règle" in finding.message["fr"] and " :" not in finding.message["fr"]
    assert "days: the rule" in finding.message["en"]


def test_a_contract_that_fixes_deletion_is_not_reported() -> None:
    """The clause lets the controller ask for the other option, so a fixed action is no finding."""
    fired = _rules_fired(_describe(_set("end_of_contract.action", "delete")))
    assert not {r for r in fired if r.startswith("END-")}


def test_a_subprocessor_without_address_blocks_only_the_contract() -> None:
    d = _describe(_set("subprocessors.0.address", None))
    finding = _one(d, "SUBPROCESSOR-IDENTITY-MISSING")
    assert finding.path == "subprocessors[0].address"
    assert finding.blocks("dpa") and not finding.blocks("subprocessors")
    assert "Backup GmbH" in finding.text("fr") and "adresse" in finding.text("fr")


def test_record_findings_cite_their_letter_and_block_only_the_record() -> None:
    f = _one(_describe(_set("security_measures", [])), "RECORD-30-1-G")
    assert f.articles == ("Art. 30(1)(g)",) and f.path == "security_measures"
    assert f.blocks("record") and not any(f.blocks(doc) for doc in DOCUMENTS)
    assert "record of processing activities" in f.message["en"] and "registre" in f.message["fr"]
    processor = _describe(PROC_RECORD, _set("security_measures", []))
    assert {x.rule for x in check(processor) if x.section == "record"} == {"RECORD-30-2-D"}
