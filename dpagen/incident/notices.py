"""The two notifications: the processor's to the controller (Art. 33(2)), the controller's to the authority.

The authority's notice follows the order of the CNIL's online form: kind of notification, organisation and
contact, chronology (and any delay), nature, data and people, consequences, measures, information of the
people, what follows.
"""

from __future__ import annotations

from ..doctree import Document
from . import facts
from .clocks import authority_clock, controller_awareness, controller_clock, full_information_clock
from .model import FollowUp, Phase
from .paper import Paper, Spans, authority_name, contact_line, party_name


def _full_information(paper: Paper) -> list[tuple[str, Spans]]:
    """For a notice in phases (Art. 33(4)): when the contract wants the full information (none otherwise)."""
    full = full_information_clock(paper.incident, paper.description)
    if full is None:
        return []
    return [(paper.w("notices.full-information", hours=full.hours),
             paper.when(full.deadline, "breach.full_information_hours"))]


def controller_notice(paper: Paper) -> Document:
    """The processor informs one controller of a breach affecting its data (Art. 33(2), Art. 28(3)(f))."""
    d, i = paper.description, paper.incident
    processor = party_name(d.processor) or "—"
    controller = party_name(d.controller) or "—"
    clock = controller_clock(i, d)
    assert clock is not None  # only called with a processor
    paper.clause(
        paper.w("notices.purpose"),
        paper.para(paper.w("notices.controller-notice-opening", processor=processor, controller=controller)),
        paper.table([(paper.w("notices.sent-to"), paper.value(
            str(d.breach.recipient) if d.breach.recipient else None, "breach.recipient")),
            (paper.w("notices.channel"), paper.value(d.breach.channel, "breach.channel"))]),
        articles=("Art. 33(2)",))
    paper.clause(paper.w("notices.contractual-deadline"),
                 paper.para(paper.w("notices.contract-deadline-text")),
                 paper.table(facts.lateness(paper, clock, "discovered_at") + _full_information(paper)),
                 articles=("Art. 33(2)",))
    paper.clause(paper.w("notices.timeline"), paper.table(facts.chronology(paper)))
    paper.clause(paper.w("notices.nature-of-the-breach"), paper.table(facts.nature(paper)),
                 articles=("Art. 33(3)(a)",))
    paper.clause(paper.w("notices.data-and-people-concerned"),
                 paper.table(facts.scope(paper)), articles=("Art. 33(3)(a)",))
    paper.clause(paper.w("notices.likely-consequences"), paper.para(facts.consequences(paper)),
                 articles=("Art. 33(3)(c)",))
    paper.clause(paper.w("facts.measures"), paper.table(facts.measures(paper)), articles=("Art. 33(3)(d)",))
    contact = str(d.breach.processor_contact) if d.breach.processor_contact else contact_line(d.processor)
    paper.clause(
        paper.w("notices.next-steps-and-contact"),
        paper.para(paper.w("notices.controller-next-steps", controller=controller)),
        paper.table([(paper.w("notices.processor-s-contact"),
                      paper.value(contact, "breach.processor_contact"))]),
        articles=("Art. 28(3)(f)", "Art. 33(4)"))
    return paper.document(
        "breach-controller-notice",
        paper.w("notices.controller-notice-title"),
        paper.w("notices.controller-notice-subtitle"),
        paper.w("notices.from-to", processor=processor, controller=controller),
        paper.w("notices.notice"))


PHASES = {Phase.INITIAL: "notices.phases.initial",
          Phase.COMPLETE: "notices.phases.complete"}
FOLLOW = {FollowUp.NUMBERS: "notices.follow.numbers",
          FollowUp.CONSEQUENCES: "notices.follow.consequences",
          FollowUp.MEASURES: "notices.follow.measures"}


def authority_notice(paper: Paper) -> Document:
    """The controller's notification to the supervisory authority (Art. 33(1) and (3)), in the CNIL form's order."""
    d, i = paper.description, paper.incident
    controller = party_name(d.controller) or "—"
    clock = authority_clock(i, d)
    filer = party_name(d.processor) if d.processor and d.breach.processor_notifies_authority else controller
    paper.clause(paper.w("notices.kind-of-notification"), paper.table([
        (paper.w("notices.notification"), paper.value(paper.w(PHASES[i.phase]), "phase")),
        (paper.w("notices.items-to-follow-art-33-4"), paper.value(
            ", ".join(paper.w(FOLLOW[f]) for f in i.to_follow) if i.phase is Phase.INITIAL and i.to_follow
            else paper.w("facts.none"), "to_follow")),
        (paper.w("notices.internal-reference"), paper.value(i.reference, "reference")),
    ]), articles=("Art. 33(4)",))
    address = d.controller.address if d.controller else None
    paper.clause(paper.w("notices.organisation"), paper.table([
        (paper.w("notices.controller"),
         paper.value(d.controller.legal_name if d.controller else None, "controller.legal_name")),
        (paper.w("notices.address"), paper.value(
            ", ".join(x for x in (address.street, address.postal_code, address.city) if x) if address else None,
            "controller.address")),
        (paper.w("notices.contact-point"),
         paper.value(contact_line(d.controller), "controller.dpo")),
        (paper.w("notices.processor-involved"), paper.value(
            party_name(d.processor) or paper.w("facts.none"), "processor")),
        (paper.w("notices.filed-by"), paper.value(filer, "controller.legal_name")),
    ]), articles=("Art. 33(3)(b)",))
    chronology = facts.chronology(paper)
    aware = controller_awareness(i, d)
    chronology.insert(2, (paper.w("notices.controller-became-aware"),
                          paper.when(aware, "controllers_informed_at")))
    paper.clause(paper.w("notices.timeline-and-deadline"), paper.table(
        chronology + facts.lateness(paper, clock, "controllers_informed_at")[1:]), articles=("Art. 33(1)",))
    paper.clause(paper.w("notices.nature-of-the-breach"), paper.table(facts.nature(paper)),
                 articles=("Art. 33(3)(a)",))
    paper.clause(paper.w("notices.data-and-people-concerned"),
                 paper.table(facts.scope(paper)), articles=("Art. 33(3)(a)",))
    paper.clause(paper.w("notices.likely-consequences"), paper.para(facts.consequences(paper)),
                 articles=("Art. 33(3)(c)",))
    paper.clause(paper.w("notices.measures-taken-or-proposed"),
                 paper.table(facts.measures(paper)), articles=("Art. 33(3)(d)",))
    if i.subjects_informed_at:
        informed = paper.when(i.subjects_informed_at, "subjects_informed_at")
    elif i.high_risk is None:
        informed = [paper.blank("high_risk")]
    elif i.high_risk and i.no_communication is None:
        informed = paper.value(paper.w("notices.people-informed-planned"), "high_risk")
    else:
        informed = paper.value(paper.w("notices.people-not-informed"), "no_communication")
    paper.clause(paper.w("notices.informing-the-people-concerned"),
                 paper.table([(paper.w("notices.people-informed"), informed)]),
                 articles=("Art. 34",))
    return paper.document(
        "breach-authority-notice",
        paper.w("notices.authority-notice-title"),
        paper.w("notices.authority-notice-subtitle"),
        paper.w("notices.to", controller=controller, authority=authority_name(paper)),
        paper.w("notices.notification"))
