"""What the breach documents share: the description of the breach itself, as parts of a Paper."""

from __future__ import annotations

from ..model import Description
from .clocks import Clock
from .model import NOW_FIELD, BreachKind, FollowUp, Incident, Phase
from .paper import Paper, Spans

KINDS = {
    BreachKind.CONFIDENTIALITY: "facts.kinds.confidentiality",
    BreachKind.INTEGRITY: "facts.kinds.integrity",
    BreachKind.AVAILABILITY: "facts.kinds.availability",
}


def kinds(paper: Paper) -> Spans:
    """The kinds of breach, or a blank."""
    names = [paper.w(KINDS[k]) for k in paper.incident.kinds]
    return paper.items(names, "kinds")


def follows(paper: Paper, item: FollowUp) -> bool:
    """Whether an Art. 33(3) item is declared to follow in a later phase (Art. 33(4))."""
    return paper.incident.phase is Phase.INITIAL and item in paper.incident.to_follow


def later(paper: Paper) -> Spans:
    """The words for an item that a later notification will give."""
    from ..doctree import Span

    return [Span(paper.w("facts.to-follow"))]


def chronology(paper: Paper) -> list[tuple[str, Spans]]:
    """When it began, was found, ended: rows of a table."""
    i = paper.incident
    ongoing = (paper.w("facts.yes") if i.ongoing else paper.w("facts.no")) if i.ongoing is not None else None
    return [
        (paper.w("facts.breach-began"), paper.when(i.started_at, "started_at")),
        (paper.w("facts.discovered"), paper.when(i.discovered_at, "discovered_at")),
        (paper.w("facts.discovered-by"), paper.value(i.discovered_by, "discovered_by")),
        (paper.w("facts.how-it-came-to-light"),
         paper.value(i.how_discovered, "how_discovered")),
        (paper.w("facts.breach-ended"),
         paper.when(i.ended_at, "ended_at") if i.ongoing is False or i.ended_at else paper.value(
             paper.w("facts.not-yet") if i.ongoing else None, "ongoing")),
        (paper.w("facts.still-going-on"), paper.value(ongoing, "ongoing")),
    ]


def nature(paper: Paper) -> list[tuple[str, Spans]]:
    """What happened and why: rows of a table (Art. 33(3)(a), first half)."""
    i = paper.incident
    return [
        (paper.w("facts.what-happened"), paper.value(i.what_happened, "what_happened")),
        (paper.w("facts.kind-of-breach"), kinds(paper)),
        (paper.w("facts.cause"), paper.value(i.cause, "cause")),
        (paper.w("facts.processing-activities-involved"),
         paper.items(i.activities, "activities")),
        (paper.w("facts.subprocessors-involved"),
         paper.items(i.subprocessors, "subprocessors") if i.subprocessors else paper.value(
             paper.w("facts.none"), "subprocessors")),
    ]


def scope(paper: Paper) -> list[tuple[str, Spans]]:
    """Which data and how many people and records (Art. 33(3)(a), second half)."""
    i = paper.incident
    later_numbers = follows(paper, FollowUp.NUMBERS)
    return [
        (paper.w("facts.categories-of-data"), paper.items(i.data_categories, "data_categories")),
        (paper.w("facts.categories-of-people-concerned"),
         paper.items(i.subject_categories, "subject_categories")),
        (paper.w("facts.approximate-number-of-people"),
         later(paper) if later_numbers and i.people_approx is None else paper.number(i.people_approx,
                                                                                     "people_approx")),
        (paper.w("facts.approximate-number-of-records"),
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
        return [(paper.w("facts.measures"), later(paper))]
    rows = [(paper.w("facts.measures-taken"), paper.items(i.measures_taken, "measures_taken"))]
    if i.measures_proposed or not i.measures_taken:
        rows.append((paper.w("facts.measures-proposed"),
                     paper.items(i.measures_proposed, "measures_proposed")))
    return rows


def lateness(paper: Paper, clock: Clock, start_path: str) -> list[tuple[str, Spans]]:
    """The awareness, the deadline and, past it, the reasons for the delay (Art. 33(1))."""
    rows = [(paper.w("facts.became-aware"), paper.when(clock.start, start_path)),
            (paper.w("facts.time-allowed"), paper.value(
                paper.w("facts.hours", hours=clock.hours) if clock.hours else None,
                "breach.notice_hours")),
            (paper.w("facts.due-by"),
             paper.when(clock.deadline, start_path if clock.start is None else "breach.notice_hours")),
            (paper.w("facts.sent"), paper.when(clock.done_at or paper.now, NOW_FIELD))]
    if clock.late(paper.now):
        rows.append((paper.w("facts.delay-reasons"),
                     paper.value(paper.incident.delay_reasons, "delay_reasons")))
    return rows


def involved(incident: Incident, description: Description) -> bool:
    """Whether a client's data is involved: named in ``clients`` (legal name or brand), or every client."""
    if not incident.clients:
        return True
    c = description.controller
    names = {n.casefold() for n in (c.legal_name, c.brand) if n} if c else set()
    return any(name.casefold() in names for name in incident.clients)
