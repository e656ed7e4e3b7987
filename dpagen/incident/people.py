"""The communication to the people concerned (Art. 34), its reasoned refusal, and the register entry.

The decision not to tell people cites Art. 34(1) or 34(3); the register entry is the Art. 33(5) record.
"""

from __future__ import annotations

from ..doctree import Document
from . import facts
from .clocks import authority_clock, controller_clock
from .model import NoCommunicationReason
from .paper import Paper, authority_name, contact_line, party_name

REASONS = {
    NoCommunicationReason.NOT_HIGH_RISK: "people.reasons.not_high_risk",
    NoCommunicationReason.UNINTELLIGIBLE: "people.reasons.unintelligible",
    NoCommunicationReason.RISK_REMOVED: "people.reasons.risk_removed",
    NoCommunicationReason.DISPROPORTIONATE: "people.reasons.disproportionate",
}


def communicates(paper: Paper) -> bool | None:
    """Whether the people are told: high risk and no Art. 34(3) exemption; None while the risk is unassessed."""
    i = paper.incident
    if i.no_communication is not None:
        return False
    return i.high_risk


def communication(paper: Paper) -> Document:
    """The letter to the people concerned, or the reasoned decision not to send one."""
    decision = communicates(paper)
    if decision is False:
        return _decision(paper)
    d, i = paper.description, paper.incident
    controller = party_name(d.controller) or "—"
    if decision is None:
        paper.clause(paper.w("people.level-of-risk"), paper.para(
            paper.w("people.risk-unassessed"),
            [paper.blank("high_risk")]), articles=("Art. 34(1)",))
    paper.clause(paper.w("facts.what-happened"), paper.para(
        paper.w("people.communication-opening", controller=controller),
        paper.value(i.what_happened, "what_happened")), articles=("Art. 34(2)",))
    paper.clause(paper.w("people.the-data-concerned"),
                 paper.para(paper.items(i.data_categories, "data_categories")), articles=("Art. 34(2)",))
    paper.clause(paper.w("people.what-this-may-mean-for-you"),
                 paper.para(paper.value(i.consequences, "consequences")), articles=("Art. 33(3)(c)",))
    paper.clause(paper.w("people.what-we-have-done"),
                 paper.bullets(i.measures_taken, "measures_taken", (i.measures_proposed, "measures_proposed")),
                 articles=("Art. 33(3)(d)",))
    paper.clause(paper.w("people.what-you-can-do"), paper.bullets(i.advice, "advice"),
                 articles=("Art. 34(2)",))
    paper.clause(paper.w("people.questions"), paper.para(
        paper.w("people.communication-contact"),
        paper.value(contact_line(d.controller), "controller.dpo"),
        paper.w("people.communication-complaint", authority=authority_name(paper, person=True))),
        articles=("Art. 33(3)(b)", "Art. 77"))
    return paper.document(
        "breach-communication",
        paper.w("people.communication-title"),
        paper.w("people.communication-subtitle"),
        paper.w("people.from", controller=controller), paper.w("people.information"))


def _decision(paper: Paper) -> Document:
    d, i = paper.description, paper.incident
    controller = party_name(d.controller) or "—"
    reason = i.no_communication or NoCommunicationReason.NOT_HIGH_RISK
    paper.clause(paper.w("people.decision"), paper.para(paper.w("people.decision-opening", controller=controller)),
                 paper.para(paper.w(REASONS[reason])), articles=("Art. 34(1)", "Art. 34(3)"))
    paper.clause(paper.w("people.facts-the-decision-rests-on"),
                 paper.para(paper.value(i.no_communication_details, "no_communication_details")),
                 paper.table(facts.nature(paper) + facts.scope(paper)), articles=("Art. 33(5)",))
    follow = [paper.para(paper.w("people.decision-review"))]
    if reason is NoCommunicationReason.DISPROPORTIONATE:
        follow.insert(0, paper.para(paper.w("people.public-communication"),
                                    paper.items(i.advice, "advice")))
    paper.clause(paper.w("people.what-follows"), *follow, articles=("Art. 34(4)",))
    return paper.document(
        "breach-communication",
        paper.w("people.decision-title"),
        paper.w("people.decision-subtitle"),
        paper.w("people.decision-of", controller=controller), paper.w("people.decision"))


def register_entry(paper: Paper) -> Document:
    """The breach register's entry: facts, effects, remedial action, and what was notified when (Art. 33(5))."""
    d, i = paper.description, paper.incident
    controller = party_name(d.controller) or "—"
    paper.clause(paper.w("people.facts"), paper.table(
        [(paper.w("people.reference"), paper.value(i.reference, "reference")),
         *facts.chronology(paper), *facts.nature(paper), *facts.scope(paper)]), articles=("Art. 33(5)",))
    paper.clause(paper.w("people.effects"), paper.para(facts.consequences(paper)), articles=("Art. 33(5)",))
    paper.clause(paper.w("people.remedial-action"), paper.table(facts.measures(paper)),
                 articles=("Art. 33(5)",))
    rows = []
    processor_clock = controller_clock(i, d)
    if processor_clock is not None:
        rows.append((paper.w("people.controller-informed-by-the-processor"),
                     paper.when(i.controllers_informed_at, "controllers_informed_at")))
    clock = authority_clock(i, d)
    rows += [
        (paper.w("people.authority-notification-due"),
         paper.when(clock.deadline, "controllers_informed_at")),
        (paper.w("people.authority-notified"),
         paper.when(i.authority_notified_at, "authority_notified_at")),
    ]
    if clock.late(paper.now):
        rows.append((paper.w("people.reasons-for-the-delay"),
                     paper.value(i.delay_reasons, "delay_reasons")))
    decision = communicates(paper)
    told = (paper.when(i.subjects_informed_at, "subjects_informed_at") if decision
            else paper.value(paper.w(REASONS[i.no_communication or NoCommunicationReason.NOT_HIGH_RISK])
                             if decision is False else None, "high_risk"))
    rows.append((paper.w("people.people-informed-art-34"), told))
    paper.clause(paper.w("people.notifications"), paper.table(rows), articles=("Art. 33(1)", "Art. 34"))
    return paper.document(
        "breach-register",
        paper.w("people.breach-register-entry"),
        paper.w("people.register-subtitle"),
        paper.w("people.kept-by", controller=controller), paper.w("people.entry"))
