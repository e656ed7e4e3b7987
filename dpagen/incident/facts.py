"""What the breach documents share: the description of the breach itself, as parts of a Paper."""

from __future__ import annotations

from ..model import Description
from .clocks import Clock
from .model import NOW_FIELD, BreachKind, FollowUp, Incident, Phase
from .paper import Paper, Spans

KINDS = {
    BreachKind.CONFIDENTIALITY: ("atteinte à la confidentialité (accès ou divulgation non autorisés)",
                                 "loss of confidentiality (unauthorised access or disclosure)"),
    BreachKind.INTEGRITY: ("atteinte à l'intégrité (modification non autorisée)",
                           "loss of integrity (unauthorised alteration)"),
    BreachKind.AVAILABILITY: ("atteinte à la disponibilité (perte, destruction ou accès impossible)",
                              "loss of availability (loss, destruction or no access)"),
}


def kinds(paper: Paper) -> Spans:
    """The kinds of breach, or a blank."""
    names = [paper.t(*KINDS[k]) for k in paper.incident.kinds]
    return paper.items(names, "kinds")


def follows(paper: Paper, item: FollowUp) -> bool:
    """Whether an Art. 33(3) item is declared to follow in a later phase (Art. 33(4))."""
    return paper.incident.phase is Phase.INITIAL and item in paper.incident.to_follow


def later(paper: Paper) -> Spans:
    """The words for an item that a later notification will give."""
    from ..doctree import Span

    return [Span(paper.t("communiqué dans une notification complémentaire (art. 33.4 du RGPD)",
                         "to be given in a follow-up notification (Art. 33(4) GDPR)"))]


def chronology(paper: Paper) -> list[tuple[str, Spans]]:
    """When it began, was found, ended: rows of a table."""
    i = paper.incident
    ongoing = (paper.t("oui", "yes") if i.ongoing else paper.t("non", "no")) if i.ongoing is not None else None
    return [
        (paper.t("Début de la violation", "Breach began"), paper.when(i.started_at, "started_at")),
        (paper.t("Découverte", "Discovered"), paper.when(i.discovered_at, "discovered_at")),
        (paper.t("Découverte par", "Discovered by"), paper.value(i.discovered_by, "discovered_by")),
        (paper.t("Circonstances de la découverte", "How it came to light"),
         paper.value(i.how_discovered, "how_discovered")),
        (paper.t("Fin de la violation", "Breach ended"),
         paper.when(i.ended_at, "ended_at") if i.ongoing is False or i.ended_at else paper.value(
             paper.t("pas encore", "not yet") if i.ongoing else None, "ongoing")),
        (paper.t("Violation toujours en cours", "Still going on"), paper.value(ongoing, "ongoing")),
    ]


def nature(paper: Paper) -> list[tuple[str, Spans]]:
    """What happened and why: rows of a table (Art. 33(3)(a), first half)."""
    i = paper.incident
    return [
        (paper.t("Ce qui s'est passé", "What happened"), paper.value(i.what_happened, "what_happened")),
        (paper.t("Type de violation", "Kind of breach"), kinds(paper)),
        (paper.t("Origine", "Cause"), paper.value(i.cause, "cause")),
        (paper.t("Traitements concernés", "Processing activities involved"),
         paper.items(i.activities, "activities")),
        (paper.t("Sous-traitants ultérieurs concernés", "Subprocessors involved"),
         paper.items(i.subprocessors, "subprocessors") if i.subprocessors else paper.value(
             paper.t("aucun", "none"), "subprocessors")),
    ]


def scope(paper: Paper) -> list[tuple[str, Spans]]:
    """Which data and how many people and records (Art. 33(3)(a), second half)."""
    i = paper.incident
    later_numbers = follows(paper, FollowUp.NUMBERS)
    return [
        (paper.t("Catégories de données", "Categories of data"), paper.items(i.data_categories, "data_categories")),
        (paper.t("Catégories de personnes concernées", "Categories of people concerned"),
         paper.items(i.subject_categories, "subject_categories")),
        (paper.t("Nombre approximatif de personnes", "Approximate number of people"),
         later(paper) if later_numbers and i.people_approx is None else paper.number(i.people_approx,
                                                                                     "people_approx")),
        (paper.t("Nombre approximatif d'enregistrements", "Approximate number of records"),
         later(paper) if later_numbers and i.records_approx is None else paper.number(i.records_approx,
                                                                                      "records_approx")),
    ]


def consequences(paper: Paper) -> Spans:
    """Likely consequences (Art. 33(3)(c)), or a later notice, or a blank."""
    i = paper.incident
    if i.consequences is None and follows(paper, FollowUp.CONSEQUENCES):
        return later(paper)
    return paper.value(i.consequences, "consequences")


def measures(paper: Paper) -> list[tuple[str, Spans]]:
    """Measures taken and proposed (Art. 33(3)(d))."""
    i = paper.incident
    if not (i.measures_taken or i.measures_proposed) and follows(paper, FollowUp.MEASURES):
        return [(paper.t("Mesures", "Measures"), later(paper))]
    rows = [(paper.t("Mesures prises", "Measures taken"), paper.items(i.measures_taken, "measures_taken"))]
    if i.measures_proposed or not i.measures_taken:
        rows.append((paper.t("Mesures envisagées", "Measures proposed"),
                     paper.items(i.measures_proposed, "measures_proposed")))
    return rows


def lateness(paper: Paper, clock: Clock, start_path: str) -> list[tuple[str, Spans]]:
    """The awareness, the deadline and, past it, the reasons for the delay (Art. 33(1))."""
    rows = [(paper.t("Prise de connaissance", "Became aware"), paper.when(clock.start, start_path)),
            (paper.t("Délai", "Time allowed"), paper.value(
                paper.t(f"{clock.hours} heures", f"{clock.hours} hours") if clock.hours else None,
                "breach.notice_hours")),
            (paper.t("Échéance", "Due by"),
             paper.when(clock.deadline, start_path if clock.start is None else "breach.notice_hours")),
            (paper.t("Envoyée le", "Sent"), paper.when(clock.done_at or paper.now, NOW_FIELD))]
    if clock.late(paper.now):
        rows.append((paper.t("Motifs du retard (art. 33.1 du RGPD)", "Reasons for the delay (Art. 33(1) GDPR)"),
                     paper.value(paper.incident.delay_reasons, "delay_reasons")))
    return rows


def involved(incident: Incident, description: Description) -> bool:
    """Whether a client's data is involved: named in ``clients`` (legal name or brand), or every client."""
    if not incident.clients:
        return True
    c = description.controller
    names = {n.casefold() for n in (c.legal_name, c.brand) if n} if c else set()
    return any(name.casefold() in names for name in incident.clients)
