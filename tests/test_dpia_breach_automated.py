"""Issue 13, items 4, 5 and 7: the impact assessment (Art. 35), the breach notice in phases (Art. 33(4)),
automated decisions (Art. 22) and the DPO they call for (Art. 37(1)(b), (c)): model, check, documents, kit."""

from __future__ import annotations

import copy
import datetime as dt
import json
from functools import cache
from typing import Any

import pytest
from test_dpa_content import clause, flat, text_of

from conftest import EXAMPLES
from dpagen.build import build
from dpagen.doctree import Document
from dpagen.errors import DescriptionError, IncompleteError
from dpagen.incident.kit import breach_documents
from dpagen.incident.model import Incident
from dpagen.incident.status import status_lines
from dpagen.io import validate
from dpagen.model import Description
from dpagen.rules import Finding, check, documents

AVM: dict[str, Any] = json.loads((EXAMPLES / "avm-up.json").read_text(encoding="utf-8"))
INCIDENT = EXAMPLES / "incidents" / "avm-up-sms-leak.json"
NOW = dt.datetime(2026, 4, 1, tzinfo=dt.UTC)

DECISION = {
    "decision": "Suspension automatique du compte",
    "logic": "Score de fraude calculé sur le volume d'envoi",
    "significance": "Le service est coupé jusqu'au réexamen",
    "exception": "a_contract",
    "safeguards": ["human_intervention", "express_view", "contest"],
}
EN = {
    "Suspension automatique du compte": "Automatic account suspension",
    "Score de fraude calculé sur le volume d'envoi": "Fraud score computed from sending volume",
    "Le service est coupé jusqu'au réexamen": "The service stops until the review",
    "campagnes sans donnée sensible": "campaigns without sensitive data",
}


def describe(changes: dict[str, Any] | None = None, **activity: Any) -> Description:
    """avm-up with its controller publishing the notice, the given breach/root changes and activity fields."""
    data = copy.deepcopy(AVM)
    data["publisher"] = "controller"
    data["activities"][0].update(activity)
    for path, value in (changes or {}).items():
        node = data
        *parents, last = path.split(".")
        for key in parents:
            node = node.setdefault(key, {})
        node[last] = value
    data.setdefault("translations", {}).setdefault("en", {}).update(EN)
    return validate(data)


def review(d: Description) -> list[Finding]:
    """The check without its document-gap rule (it builds every document; these rules need no build)."""
    return check(d, skip=(documents.RULE_ID,))


def found(d: Description, rule: str) -> list[Finding]:
    return [f for f in review(d) if f.rule == rule]


# The rich description every document test reads: a monitored, large-scale activity with its assessment
# done, a restricted automated decision with every safeguard, and a breach notice in two phases.
RICH = {"breach.notice_hours": 24, "breach.full_information_hours": 72}
RICH_ACTIVITY = {"large_scale": True, "systematic_monitoring": True, "automated_decisions": [DECISION],
                 "dpia": {"status": "carried_out", "date": "2026-01-15"}}


@cache
def rich_document(document: str, language: str) -> Document:
    return build(describe(RICH, **RICH_ACTIVITY), document, language=language, draft=True)


# --- item 4: the impact assessment -----------------------------------------------------------------------

HEALTH = [{"name": "Dossier médical", "special_category": "health", "art9_condition": "h_health_social_care"}]


@pytest.mark.parametrize(
    ("activity", "path"),
    [
        ({"large_scale": True, "data_categories": HEALTH}, "activities[0].dpia"),
        ({"systematic_monitoring": True}, "activities[0].dpia"),
        ({"automated_decisions": [DECISION]}, "activities[0].dpia"),
        ({"systematic_monitoring": True, "dpia": {"status": "not_required", "reason": "x"}},
         "activities[0].dpia.status"),
    ],
)
def test_a_high_risk_activity_without_an_assessment_is_warned(activity: dict[str, Any], path: str) -> None:
    (f,) = found(describe(**activity), "DPIA-MISSING")
    assert f.severity == "warning" and f.path == path
    assert "Art. 35(3)" in f.articles and any("CNIL" in a for a in f.articles)
    assert "liste de la CNIL" in f.text("fr") and "CNIL's list" in f.text("en")


@pytest.mark.parametrize(
    "activity",
    [
        {},  # no sign of high risk
        {"data_categories": HEALTH},  # sensitive, but not on a large scale
        {"automated_decisions": [{**DECISION, "legal_effect": False}]},
        {"systematic_monitoring": True, "dpia": {"status": "carried_out", "date": "2026-01-15"}},
        {"systematic_monitoring": True, "dpia": {"status": "planned", "date": "2026-06-30"}},
    ],
)
def test_no_warning_without_high_risk_or_with_an_assessment(activity: dict[str, Any]) -> None:
    assert found(describe(**activity), "DPIA-MISSING") == []


@pytest.mark.parametrize(
    ("dates", "planned", "warned"),
    [
        ({"document.effective_date": "2026-09-01"}, "2026-06-30", True),  # planned before the documents' date
        ({"document.effective_date": "2026-03-01", "document.last_update": "2026-09-01"}, "2026-06-30", True),
        ({"document.effective_date": "2026-03-01", "document.last_update": None}, "2026-06-30", False),  # ahead
        ({"document.effective_date": None, "document.last_update": None}, "2020-01-01", False),  # no date to judge by
    ],
)
def test_a_planned_assessment_already_past_is_warned(dates: dict[str, Any], planned: str, warned: bool) -> None:
    d = describe(dates, systematic_monitoring=True, dpia={"status": "planned", "date": planned})
    hits = found(d, "DPIA-PLANNED-OVERDUE")
    assert [f.path for f in hits] == (["activities[0].dpia.date"] if warned else [])
    if warned:
        assert planned in hits[0].text("fr") and "carried_out" in hits[0].text("en")
        assert found(d, "DPIA-MISSING") == []  # one finding, not two
    done = describe(dates, systematic_monitoring=True, dpia={"status": "carried_out", "date": planned})
    assert found(done, "DPIA-PLANNED-OVERDUE") == []


@pytest.mark.parametrize(
    ("language", "words"),
    [("fr", ["Analyse d'impact relative à la protection des données", "15 janvier 2026",
             "suivi régulier et systématique des personnes", "décisions automatisées"]),
     ("en", ["Data protection impact assessment", "15 January 2026", "regular and systematic monitoring of people",
             "automated decisions"])],
)
def test_annex_ii_states_the_assessment(language: str, words: list[str]) -> None:
    document = rich_document("dpa", language)
    text = flat(text_of(clause(document, "dpa.annex-ii.dpia")))
    for word in words:
        assert word in text
    assistance = next(c for c in document.clauses() if c.id == "dpa.compliance-assistance")
    assert f" {assistance.number}." in text  # the processor's Art. 28(3)(f) help, by its clause number


@pytest.mark.parametrize(
    ("dpia", "fr", "en"),
    [
        ({"status": "not_required", "reason": "campagnes sans donnée sensible"},
         "aucune analyse d'impact n'est exigée, pour le motif suivant : campagnes sans donnée sensible",
         "no impact assessment is required, for the following reason: campaigns without sensitive data"),
        ({"status": "planned", "date": "2026-06-30"}, "au plus tard le 30 juin 2026", "no later than 30 June 2026"),
    ],
)
def test_annex_ii_states_each_status(dpia: dict[str, Any], fr: str, en: str) -> None:
    d = describe(dpia=dpia)
    assert fr in flat(text_of(clause(build(d, "dpa", language="fr"), "dpa.annex-ii.dpia")))
    assert en in flat(text_of(clause(build(d, "dpa", language="en"), "dpa.annex-ii.dpia")))


def test_an_assessment_without_its_date_is_a_blank_and_no_statement_leaves_the_annex_out() -> None:
    with pytest.raises(IncompleteError) as refused:
        build(describe(dpia={"status": "carried_out"}), "dpa", language="en")
    assert any("activities[0].dpia.date" in line for line in refused.value.details)
    assert "dpa.annex-ii.dpia" not in [c.id for c in build(describe(), "dpa", language="en").clauses()]


# --- item 5: the breach notice in phases --------------------------------------------------------------------


def test_the_full_information_cannot_come_before_the_first_alert() -> None:
    with pytest.raises(DescriptionError) as refused:
        describe({"breach.notice_hours": 48, "breach.full_information_hours": 24})
    (line,) = refused.value.details
    assert line.startswith("breach: full_information_hours (24) cannot be shorter than notice_hours (48): the full "
                           "information follows the first alert")
    old = describe()  # an old description: a single notice
    assert old.breach.notice_hours == 48 and not old.breach.phased


@pytest.mark.parametrize(
    ("language", "words"),
    [("fr", ["deux temps", "première alerte", "24 heures", "72 heures"]),
     ("en", ["two phases", "first alert", "24 hours", "72 hours"])],
)
def test_contract_annex_and_charter_state_both_phases(language: str, words: list[str]) -> None:
    breach = flat(text_of(clause(rich_document("dpa", language), "dpa.breach")))
    for word in words:
        assert word in breach
    annex = flat(text_of(clause(rich_document("dpa", language), "dpa.annex-iii.assistance")))
    assert words[3] in annex and words[2] in annex
    charter = flat(text_of(clause(rich_document("processor-charter", language), "charter.breach")))
    assert words[2] in charter and words[3] in charter


def test_a_single_notice_reads_as_before() -> None:
    text = flat(text_of(clause(build(describe(), "dpa", language="en"), "dpa.breach")))
    assert "no later than 48 hours" in text and "two phases" not in text


@pytest.mark.parametrize(
    ("breach", "expected"),
    [
        ({"breach.notice_hours": 24, "breach.full_information_hours": 120}, set()),  # the alert is judged
        ({"breach.notice_hours": 60, "breach.full_information_hours": 96}, {"BREACH-DELAY-LONG"}),
        ({"breach.notice_hours": 80, "breach.full_information_hours": 96}, {"BREACH-DELAY-MAX"}),
        ({"breach.notice_hours": None, "breach.full_information_hours": 48}, {"BREACH-DELAY-MISSING"}),
    ],
)
def test_the_check_judges_the_first_alert(breach: dict[str, Any], expected: set[str]) -> None:
    findings = [f for f in review(describe(breach)) if f.rule.startswith("BREACH-DELAY")]
    assert {f.rule for f in findings} == expected
    for f in findings:
        assert f.path == "breach.notice_hours" and "Art. 33(2)" in f.articles
        assert f.rule == "BREACH-DELAY-MISSING" or "Art. 28(3)(f)" in f.articles


def test_the_breach_kit_counts_the_first_alert_and_shows_the_full_information() -> None:
    incident = Incident.model_validate(json.loads(INCIDENT.read_text(encoding="utf-8")))
    d = describe(RICH, **RICH_ACTIVITY)
    lines = "\n".join(status_lines(incident, [d], NOW))
    # discovered 28 March 10:00 CET: first alert 24 h later, full information 72 h later (across DST)
    assert "first alert (Art. 33(2), 24 h by contract)" in lines
    assert "full information (Art. 33(4), 72 h by contract): due 2026-03-31 11:00" in lines
    ((_, notice),) = breach_documents(incident, [d], ["breach-controller-notice"], language="fr", draft=True,
                                      now=NOW)
    text = flat(notice.text())
    assert "24 heures" in text and "Informations complètes (art. 33.4 du RGPD, 72 heures)" in text
    single = "\n".join(status_lines(incident, [describe()], NOW))
    assert "48 h by contract" in single and "full information" not in single


# --- item 7: automated decisions (Art. 22) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("decision", "rule", "path"),
    [
        ({**DECISION, "exception": None}, "AUTOMATED-NO-EXCEPTION", "activities[0].automated_decisions[0].exception"),
        ({**DECISION, "safeguards": ["contest"]}, "AUTOMATED-SAFEGUARDS",
         "activities[0].automated_decisions[0].safeguards"),
        ({**DECISION, "exception": "c_explicit_consent", "safeguards": []}, "AUTOMATED-SAFEGUARDS",
         "activities[0].automated_decisions[0].safeguards"),
    ],
)
def test_a_restricted_decision_needs_an_exception_and_safeguards(decision: dict[str, Any], rule: str,
                                                                  path: str) -> None:
    (f,) = found(describe(automated_decisions=[decision]), rule)
    assert f.severity == "error" and f.path == path and f.blocks("privacy-notice")
    assert any(a.startswith("Art. 22") for a in f.articles)


def test_the_safeguards_finding_names_what_is_missing() -> None:
    (f,) = found(describe(automated_decisions=[{**DECISION, "safeguards": ["contest"]}]), "AUTOMATED-SAFEGUARDS")
    assert "human intervention or expressing one's point of view" in f.text("en")
    assert "l'intervention humaine ni la possibilité d'exprimer son point de vue" in f.text("fr")


@pytest.mark.parametrize(
    "decision",
    [
        DECISION,
        {**DECISION, "exception": "b_law", "law": "a statute", "safeguards": []},  # the law lays down its own
        {**DECISION, "exception": None, "solely_automated": False},  # a person decides: Art. 22 does not apply
        {**DECISION, "exception": None, "legal_effect": False},
    ],
)
def test_no_art22_error_when_it_is_lawful_or_does_not_apply(decision: dict[str, Any]) -> None:
    fired = {f.rule for f in review(describe(automated_decisions=[decision]))}
    assert not fired & {"AUTOMATED-NO-EXCEPTION", "AUTOMATED-SAFEGUARDS"}


@pytest.mark.parametrize(
    ("language", "words", "right"),
    [("fr", ["Suspension automatique du compte", "entièrement automatisée", "Score de fraude",
             "Le service est coupé", "exécution d'un contrat entre vous et nous (art. 22.2.a du RGPD)",
             "obtenir qu'une personne de nos équipes intervienne", "faire valoir votre point de vue",
             "contester la décision"],
      "Droit de ne pas faire l'objet d'une décision entièrement automatisée"),
     ("en", ["Automatic account suspension", "solely by automated means", "Fraud score", "The service stops",
             "performing a contract between you and us (Art. 22(2)(a) GDPR)", "obtain human intervention",
             "express your point of view", "contest the decision"],
      "Right not to be subject to a solely automated decision")],
)
def test_the_notice_explains_the_decision_and_lists_the_right(language: str, words: list[str], right: str) -> None:
    document = rich_document("privacy-notice", language)
    automated = flat(text_of(clause(document, "notice.automated")))
    for word in words:
        assert word in automated, word
    assert right in flat(text_of(clause(document, "notice.rights")))
    plain = build(describe(), "privacy-notice", language=language, draft=True)
    assert right not in flat(text_of(clause(plain, "notice.rights")))


# --- DPO at scale: a warning, never also an info ---------------------------------------------------------


def test_large_scale_monitoring_without_a_dpo_is_a_warning_not_an_info() -> None:
    d = describe({"controller.dpo": None}, large_scale=True, systematic_monitoring=True,
                 dpia={"status": "carried_out", "date": "2026-01-15"})
    (f,) = [f for f in review(d) if f.path == "controller.dpo"]
    assert f.rule == "SPECIAL-LARGE-SCALE-DPO" and f.severity == "warning"
    assert "Art. 37(1)(b)" in f.articles and "monitors people" in f.text("en")
    small = describe({"controller.dpo": None}, systematic_monitoring=True,
                     dpia={"status": "carried_out", "date": "2026-01-15"})
    assert [f.rule for f in review(small) if f.path == "controller.dpo"] == ["NOTICE-DPO"]


@pytest.mark.parametrize(
    ("language", "words"),
    [("fr", ["Suspension automatique du compte", "art. 22.2.c du RGPD", "contester la décision",
             "droit de ne pas faire l'objet d'une décision fondée exclusivement"]),
     ("en", ["Automatic account suspension", "Art. 22(2)(c) GDPR", "contest the decision",
             "right not to be subject to a decision based solely"])],
)
def test_the_charter_states_the_processors_own_automated_decisions(language: str, words: list[str]) -> None:
    data = copy.deepcopy(AVM)
    data["translations"]["en"].update(EN)
    own = copy.deepcopy(data["activities"][0])
    own["automated_decisions"] = [{**DECISION, "exception": "c_explicit_consent"}]
    data["processor_own_activities"] = [own]
    d = validate(data)
    assert not {f.rule for f in review(d)} & {"AUTOMATED-NO-EXCEPTION", "AUTOMATED-SAFEGUARDS"}
    text = flat(text_of(clause(build(d, "processor-charter", language=language, draft=True),
                               "charter.own-automated")))
    for word in words:
        assert word in text, word
    assert "charter.own-automated" not in [c.id for c in rich_document("processor-charter", language).clauses()]
