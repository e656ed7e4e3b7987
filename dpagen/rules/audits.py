"""Information and audits (Art. 28(3)(h)): an audit right that can actually be used."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Description
from .registry import PROCESSOR, Hit, hit, rule

MAX_NOTICE_DAYS = 60


@rule(
    "AUDIT-NONE",
    section="audits",
    severity="error",
    articles=("Art. 28(3)(h)",),
    checklist=("A28-3h", "SCC-7.6c", "SCC-7.6d", "CNIL-IV-15", "CNIL-V-4"),
    scope=PROCESSOR,
    summary={
        "fr": "Le responsable dispose d'un droit d'audit (sur pièces ou sur place).",
        "en": "The controller has an audit right (documentary or on site).",
    },
    message={
        "fr": "Le contrat n'ouvre aucun audit, ni sur pièces ni sur place, alors que l'art. 28(3)(h) "
        "l'exige : activez au moins l'un des deux.",
        "en": "The contract allows no audit, neither documentary nor on site, although Art. 28(3)(h) "
        "requires one: enable at least one of them.",
    },
)
def audit_none(d: Description) -> Iterator[Hit]:
    """Neither kind of audit."""
    if not d.audits.on_site and not d.audits.documentary:
        yield hit("audits")


@rule(
    "AUDIT-NOTICE-LONG",
    section="audits",
    severity="warning",
    articles=("Art. 28(3)(h)",),
    checklist=("EDPB-AUDIT", "SCC-7.6d"),
    scope=PROCESSOR,
    summary={
        "fr": f"Le préavis d'audit ne dépasse pas {MAX_NOTICE_DAYS} jours.",
        "en": f"The audit notice is not over {MAX_NOTICE_DAYS} days.",
    },
    message={
        "fr": "Un préavis d'audit de {days} jours retarde tout contrôle de plus de deux mois : un préavis "
        "raisonnable est de 15 à 30 jours ; réduisez-le.",
        "en": "An audit notice of {days} days delays any check by more than two months: reasonable notice "
        "is 15 to 30 days; shorten it.",
    },
)
def audit_notice_long(d: Description) -> Iterator[Hit]:
    """Over 60 days."""
    days = d.audits.notice_days
    if days is not None and days > MAX_NOTICE_DAYS:
        yield hit("audits.notice_days", days=days)


@rule(
    "AUDIT-CAP-ZERO",
    section="audits",
    severity="warning",
    articles=("Art. 28(3)(h)",),
    checklist=("EDPB-AUDIT", "SCC-7.6c"),
    scope=PROCESSOR,
    summary={
        "fr": "Le plafond annuel d'audits n'est pas de zéro.",
        "en": "The yearly cap on audits is not zero.",
    },
    message={
        "fr": "Le plafond est de zéro audit par an : le droit d'audit n'existe alors que sur le papier ; "
        "autorisez au moins un audit par an, plus en cas d'incident.",
        "en": "The cap is zero audits a year: the audit right then exists only on paper; allow at least one "
        "audit a year, more after an incident.",
    },
)
def audit_cap_zero(d: Description) -> Iterator[Hit]:
    """max_per_year == 0."""
    if d.audits.max_per_year == 0 and (d.audits.on_site or d.audits.documentary):
        yield hit("audits.max_per_year")


@rule(
    "AUDIT-NO-THIRD-PARTY",
    section="audits",
    severity="warning",
    articles=("Art. 28(3)(h)",),
    checklist=("A28-3h", "SCC-7.6d"),
    scope=PROCESSOR,
    summary={
        "fr": "Le responsable peut mandater un auditeur indépendant.",
        "en": "The controller may appoint an independent auditor.",
    },
    message={
        "fr": "Le responsable ne peut pas confier l'audit à un auditeur de son choix, faculté prévue par "
        "l'art. 28(3)(h) : autorisez un auditeur mandaté, tenu à la confidentialité.",
        "en": "The controller cannot have the audit done by an auditor it appoints, which Art. 28(3)(h) "
        "provides for: allow a mandated auditor bound to confidentiality.",
    },
)
def audit_no_third_party(d: Description) -> Iterator[Hit]:
    """third_party_auditor False."""
    if not d.audits.third_party_auditor and (d.audits.on_site or d.audits.documentary):
        yield hit("audits.third_party_auditor")
