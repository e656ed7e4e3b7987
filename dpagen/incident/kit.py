"""Which breach documents a set of descriptions calls for, built per client, and what a final lacks.

``breach_documents`` takes a LIST of descriptions (one per client the processor serves): each client whose
data the incident involves gets its own notification, authority notice, communication and register entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..doctree import Document
from ..errors import IncompleteError, UsageError
from ..model import Description
from . import BREACH_DOCUMENTS
from .clocks import authority_clock, controller_clock
from .facts import follows, involved
from .model import NOW_FIELD, FollowUp, Incident
from .notices import authority_notice, controller_notice
from .paper import Paper
from .people import communication, register_entry

BUILDERS: dict[str, Callable[[Paper], Document]] = {
    "breach-controller-notice": controller_notice,
    "breach-authority-notice": authority_notice,
    "breach-communication": communication,
    "breach-register": register_entry,
}


def applies(document: str, description: Description) -> bool:
    """The processor's notice needs a processor; the others apply to every description."""
    return description.processor is not None or document != "breach-controller-notice"


def required(document: str, incident: Incident, description: Description, now: dt.datetime | None) -> list[str]:
    """The incident's fields a final document cannot go without (Art. 33(3), 33(1), 34(2)).

    An initial notification may leave the numbers, consequences or measures for later (Art. 33(4)) when
    ``to_follow`` says so. ``now`` is when the document is sent (``--now`` or the incident's ``drafted_at``):
    without it, a notification not yet sent cannot be dated nor judged on time or late.
    """
    i = incident
    paper = Paper(i, description, "en", False, now)
    lacks = []
    if not i.what_happened:
        lacks.append("what_happened (Art. 33(3)(a): the nature of the breach)")
    if not i.data_categories or not i.subject_categories:
        lacks.append("data_categories and subject_categories (Art. 33(3)(a))")
    if (i.people_approx is None or i.records_approx is None) and not follows(paper, FollowUp.NUMBERS):
        lacks.append("people_approx and records_approx (Art. 33(3)(a)), or 'numbers' in to_follow (Art. 33(4))")
    if not i.consequences and not follows(paper, FollowUp.CONSEQUENCES):
        lacks.append("consequences (Art. 33(3)(c)), or 'consequences' in to_follow (Art. 33(4))")
    if not (i.measures_taken or i.measures_proposed) and not follows(paper, FollowUp.MEASURES):
        lacks.append("measures_taken or measures_proposed (Art. 33(3)(d)), or 'measures' in to_follow")
    controller = description.controller
    if document != "breach-controller-notice" and not (controller and (controller.dpo or controller.email)):
        lacks.append("controller.dpo in the description (Art. 33(3)(b): a contact point)")
    clock = controller_clock(i, description) if document == "breach-controller-notice" else None
    if document in ("breach-authority-notice", "breach-register"):
        clock = authority_clock(i, description)
    if clock is not None and clock.done_at is None and now is None:
        lacks.append(f"{NOW_FIELD} (or --now): when the notification is sent, to judge its deadline (Art. 33(1))")
    if document == "breach-authority-notice":
        clock = authority_clock(i, description)
        if clock.start is None:
            lacks.append("controllers_informed_at (when the controller became aware, Art. 33(1))")
        elif clock.late(now) and not i.delay_reasons:
            lacks.append("delay_reasons (Art. 33(1): the notification is past 72 hours)")
    if document == "breach-communication":
        if i.high_risk is None and i.no_communication is None:
            lacks.append("high_risk or no_communication (Art. 34: whether people must be told)")
        if i.high_risk and i.no_communication is None and not i.advice:
            lacks.append("advice (Art. 34: what people can do to protect themselves)")
        if i.no_communication is not None and not i.no_communication_details:
            lacks.append("no_communication_details (Art. 34(3): the facts the decision rests on)")
    return lacks


def wanted(documents: list[str]) -> list[str]:
    """``breach`` means every document of the kit; names outside the kit are refused."""
    names = list(BREACH_DOCUMENTS) if "breach" in documents else list(documents)
    unknown = [n for n in names if n not in BUILDERS]
    if unknown:
        raise UsageError(f"unknown breach document(s): {', '.join(unknown)}",
                         [f"known: breach, {', '.join(BREACH_DOCUMENTS)}"])
    return names


def drafting_time(incident: Incident, now: dt.datetime | None = None) -> dt.datetime | None:
    """When the documents are sent: ``--now``, else the incident's ``drafted_at``, else None.

    ``--now`` without an offset is read in the incident's zone. Never the clock: the same inputs give the
    same bytes.
    """
    if now is not None and now.tzinfo is None:
        now = now.replace(tzinfo=incident.zone)
    return now or incident.drafted_at


def not_involved(incident: Incident, description: Description) -> str | None:
    """Why a client gets no breach documents (its data is not involved), or None."""
    if involved(incident, description):
        return None
    return f"the incident does not involve this client (incident clients: {', '.join(incident.clients)})"


def breach_document(
    incident: Incident,
    description: Description,
    name: str,
    *,
    language: str,
    draft: bool = False,
    now: dt.datetime | None = None,
    lexicon: dict[str, dict[str, str]] | None = None,
) -> tuple[Document | None, list[str]]:
    """One breach document for one client: the tree, or (final only) None and what it lacks.

    A final in another language than the incident's needs each of its texts translated (``translations``).
    """
    paper = Paper(incident, description, language, draft, now, lexicon=lexicon)
    tree = BUILDERS[name](paper)
    if draft:
        return tree, []
    lacks = required(name, incident, description, now)
    lacks += [f"translations.{language}: the text at {path} has no translation (dpagen translations INCIDENT "
              f"--lang {language} --description DESCRIPTION --write)" for path in paper.untranslated]
    return (None, lacks) if lacks else (tree, [])


def breach_documents(
    incident: Incident,
    descriptions: list[Description],
    documents: list[str],
    *,
    language: str | None = None,
    draft: bool = False,
    now: dt.datetime | None = None,
) -> list[tuple[Description, Document]]:
    """Every requested breach document for every client whose data is involved (drafts or finals).

    Finals are refused, all problems listed at once, when an incident lacks an item its document needs.
    """
    now = drafting_time(incident, now)
    names = wanted(documents)
    clients = [d for d in descriptions if involved(incident, d)]
    if not clients:
        raise UsageError("the incident involves none of the clients given",
                         [f"incident clients: {', '.join(incident.clients)}"])
    out, problems = [], []
    for d in clients:
        for name in names:
            if not applies(name, d):
                if documents != ["breach"]:
                    raise UsageError(f"the {name} needs a processor in the description")
                continue
            tree, lacks = breach_document(incident, d, name, language=language or d.output_language,
                                          draft=draft, now=now)
            who = (d.controller.display_name if d.controller else None) or "?"
            problems += [f"{name} ({who}): {line}" for line in lacks]
            if tree is not None:
                out.append((d, tree))
    if problems:
        raise IncompleteError(
            f"cannot finalise the breach documents: {len(problems)} item(s) missing (or use --draft)", problems)
    return out
