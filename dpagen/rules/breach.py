"""Breach notification by the processor (Art. 33(2)): a stated delay leaving the controller its 72 hours.

`breach.notice_hours` is the processor's first alert (or its single notice); the full Art. 33(3) information
may follow later (`breach.full_information_hours`, Art. 33(4)), so the rules judge the first alert.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Description
from .common import reachable
from .registry import PROCESSOR, Hit, hit, rule


@rule(
    "BREACH-DELAY-MISSING",
    section="breach",
    severity="error",
    articles=("Art. 33(2)", "Art. 28(3)(f)"),
    checklist=("BR-33-2", "BR-DL", "EDPB-BREACH", "CNIL-IV-9", "COMQA-3"),
    scope=PROCESSOR,
    summary={
        "fr": "Le sous-traitant s'engage sur un délai maximal de notification des violations, en heures.",
        "en": "The processor commits to a maximum delay, in hours, for reporting breaches.",
    },
    message={
        "fr": "Aucun délai de notification des violations n'est fixé : sans délai chiffré, le responsable "
        "ne peut pas s'organiser pour prévenir l'autorité ; fixez-le (48 heures est l'usage, 24 heures plus "
        "strict).",
        "en": "No delay is set for reporting breaches: without a figure the controller cannot plan its own "
        "notice to the authority; set one (48 hours is usual, 24 hours stricter).",
    },
)
def breach_delay_missing(d: Description) -> Iterator[Hit]:
    """No delay."""
    if d.breach.notice_hours is None:
        yield hit("breach.notice_hours")


@rule(
    "BREACH-DELAY-MAX",
    section="breach",
    severity="error",
    articles=("Art. 33(1)", "Art. 33(2)", "Art. 28(3)(f)"),
    checklist=("BR-33-1", "BR-33-2", "BR-DL"),
    scope=PROCESSOR,
    summary={
        "fr": "Le délai de notification du sous-traitant (sa première alerte, si elle se fait en deux temps) "
        "ne dépasse pas 72 heures.",
        "en": "The processor's breach-reporting delay (its first alert, for a notice in phases) is not over 72 "
        "hours.",
    },
    message={
        "fr": "Le sous-traitant se donne {hours} heures pour signaler une violation, alors que le "
        "responsable doit notifier l'autorité dans les 72 heures : ramenez ce délai à 48 heures au plus.",
        "en": "The processor allows itself {hours} hours to report a breach, while the controller must "
        "notify the authority within 72 hours: bring it down to 48 hours at most.",
    },
)
def breach_delay_max(d: Description) -> Iterator[Hit]:
    """Over 72 hours."""
    hours = d.breach.notice_hours
    if hours is not None and hours > 72:
        yield hit("breach.notice_hours", hours=hours)


@rule(
    "BREACH-DELAY-LONG",
    section="breach",
    severity="warning",
    articles=("Art. 33(2)", "Art. 28(3)(f)"),
    checklist=("BR-DL", "BR-GL"),
    scope=PROCESSOR,
    summary={
        "fr": "Un délai de notification (ou de première alerte) de plus de 48 heures (et jusqu'à 72) est "
        "signalé.",
        "en": "A reporting delay (or first-alert delay) over 48 hours (up to 72) is flagged.",
    },
    message={
        "fr": "Un délai de {hours} heures consomme l'essentiel des 72 heures dont dispose le responsable : "
        "la plupart des sous-traitants s'engagent sur 24 à 48 heures ; visez 48 heures au plus.",
        "en": "A delay of {hours} hours uses up most of the controller's 72 hours: most processors commit "
        "to 24 to 48 hours; aim for 48 hours at most.",
    },
)
def breach_delay_long(d: Description) -> Iterator[Hit]:
    """Between 49 and 72 hours."""
    hours = d.breach.notice_hours
    if hours is not None and 48 < hours <= 72:
        yield hit("breach.notice_hours", hours=hours)


@rule(
    "BREACH-CONTACT",
    section="breach",
    severity="warning",
    articles=("Art. 33(3)(b)",),
    checklist=("SCC-9.2", "BR-33-3b", "EDPB-BREACH"),
    scope=PROCESSOR,
    summary={
        "fr": "Le sous-traitant désigne un point de contact pour les violations.",
        "en": "The processor names a contact point for breaches.",
    },
    message={
        "fr": "Aucun point de contact n'est donné pour les violations (ni « breach.processor_contact », ni "
        "RSSI ou délégué joignable) : indiquez qui le responsable peut joindre pendant l'incident.",
        "en": "No contact point is given for breaches (no 'breach.processor_contact', no reachable security "
        "officer or DPO): say whom the controller can reach during an incident.",
    },
)
def breach_contact(d: Description) -> Iterator[Hit]:
    """No contact point."""
    p = d.processor
    if p is not None and not (
        d.breach.processor_contact or reachable(p.security_officer) or reachable(p.dpo)
    ):
        yield hit("breach.processor_contact")
