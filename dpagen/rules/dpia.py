"""Impact assessment (Art. 35): an activity that the law or the CNIL's list marks as high-risk has one."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Description, DpiaStatus, ProcessingActivity
from .registry import PARTY, Hit, Words, hit, rule

_REASONS = (
    ("sensitive", Words("traite à grande échelle des données sensibles ou d'infraction (art. 35.3.b)",
                        "processes special-category or criminal data on a large scale (Art. 35(3)(b))")),
    ("monitoring", Words("suit les personnes de façon régulière et systématique (art. 35.3.c)",
                         "monitors people regularly and systematically (Art. 35(3)(c))")),
    ("decisions", Words("fonde sur une évaluation automatisée des décisions produisant des effets juridiques "
                        "ou comparables (art. 35.3.a)",
                        "bases decisions with legal or similarly significant effects on an automated "
                        "evaluation (Art. 35(3)(a))")),
)


def controlled_activities(d: Description) -> Iterator[tuple[str, ProcessingActivity]]:
    """Activities whose controller the description names: the controller's, and the processor's own."""
    if d.controller is not None:
        yield from ((f"activities[{i}]", a) for i, a in enumerate(d.activities))
    if d.processor is not None:
        yield from ((f"processor_own_activities[{i}]", a) for i, a in enumerate(d.processor_own_activities))


def high_risk(a: ProcessingActivity) -> list[str]:
    """Why an activity needs an impact assessment: 'sensitive', 'monitoring', 'decisions' (none: no sign)."""
    sensitive = any(c.special_category or c.criminal_offence for c in a.data_categories)
    found = {
        "sensitive": a.large_scale and sensitive,
        "monitoring": a.systematic_monitoring,
        "decisions": any(x.legal_effect for x in a.automated_decisions),
    }
    return [name for name, _ in _REASONS if found[name]]


def _joined(names: list[str]) -> Words:
    words = [w for name, w in _REASONS if name in names]
    return Words(" ; ".join(w.fr for w in words), "; ".join(w.en for w in words))


@rule(
    "DPIA-MISSING",
    section="processing",
    severity="warning",
    articles=("Art. 35(1)", "Art. 35(3)", "CNIL délib. 2018-327 (liste des AIPD obligatoires)"),
    checklist=("EDPB-DPIA", "SCC-8c1", "A28-3f", "CNIL-IV-10"),
    scope=PARTY,
    summary={
        "fr": "Une activité à risque élevé (données sensibles à grande échelle, suivi systématique, décisions "
        "automatisées à effet juridique) a une analyse d'impact réalisée ou prévue.",
        "en": "A high-risk activity (large-scale sensitive data, systematic monitoring, automated decisions "
        "with legal effect) has an impact assessment carried out or planned.",
    },
    message={
        "fr": "L'activité « {name} » {why} : l'art. 35.3 du RGPD et la liste de la CNIL des traitements pour "
        "lesquels une analyse d'impact est requise l'imposent alors, mais {state} ; menez-la avant de "
        "commencer le traitement et indiquez-la dans « dpia » (date, ou date prévue).",
        "en": "The activity '{name}' {why}: Art. 35(3) GDPR and the CNIL's list of processing operations that "
        "require an impact assessment then call for one, but {state}; carry it out before the processing "
        "starts and state it in 'dpia' (its date, or when it is planned).",
    },
)
def dpia_missing(d: Description) -> Iterator[Hit]:
    """High-risk signs and no impact assessment, or one declared not required."""
    for path, a in controlled_activities(d):
        reasons = high_risk(a)
        if not reasons:
            continue
        if a.dpia is None:
            state = Words("aucune analyse d'impact n'est indiquée", "no impact assessment is stated")
            yield hit(f"{path}.dpia", name=a.name, why=_joined(reasons), state=state)
        elif a.dpia.status is DpiaStatus.NOT_REQUIRED:
            state = Words("elle est déclarée non requise", "it is declared not required")
            yield hit(f"{path}.dpia.status", name=a.name, why=_joined(reasons), state=state)


@rule(
    "DPIA-PLANNED-OVERDUE",
    section="processing",
    severity="warning",
    articles=("Art. 35(1)",),
    checklist=("EDPB-DPIA",),
    scope=PARTY,
    summary={
        "fr": "Une analyse d'impact « prévue » ne l'est pas pour une date antérieure à celle des documents.",
        "en": "An impact assessment 'planned' is not planned for a date before the documents' date.",
    },
    message={
        "fr": "L'analyse d'impact de l'activité « {name} » est indiquée comme prévue pour le {planned}, date déjà "
        "passée à la date des documents ({as_of}) : si elle a été menée, passez « status » à « carried_out » "
        "avec sa date ; sinon, l'art. 35.1 demande de la mener avant de commencer le traitement.",
        "en": "The impact assessment of the activity '{name}' is stated as planned for {planned}, already past "
        "at the documents' date ({as_of}): if it has been carried out, set 'status' to 'carried_out' with its "
        "date; if not, Art. 35(1) asks for it before the processing starts.",
    },
)
def dpia_planned_overdue(d: Description) -> Iterator[Hit]:
    """A planned assessment dated before the documents' effective date (or last update, if later)."""
    as_of = max((x for x in (d.document.effective_date, d.document.last_update) if x is not None), default=None)
    if as_of is None:
        return
    for path, a in controlled_activities(d):
        if a.dpia is not None and a.dpia.status is DpiaStatus.PLANNED and a.dpia.date and a.dpia.date < as_of:
            yield hit(f"{path}.dpia.date", name=a.name, planned=a.dpia.date.isoformat(), as_of=as_of.isoformat())
