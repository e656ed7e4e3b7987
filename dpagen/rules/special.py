"""Special categories (Art. 9) and criminal data (Art. 10): a condition, an HDS host, a DPO at scale."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Description, SpecialCategory
from .common import PARTY_WORDS, all_activities, parties
from .registry import ANY, PARTY, Hit, Words, hit, rule

_HDS = re.compile(r"\bHDS\b|h[ée]bergeur de donn[ée]es de sant[ée]|health data host", re.IGNORECASE)


@rule(
    "SPECIAL-NO-CONDITION",
    section="special",
    severity="error",
    articles=("Art. 9(1)", "Art. 9(2)"),
    checklist=("SCC-7.5", "EDPB-DESC", "SCC-AII"),
    scope=PARTY,
    summary={
        "fr": "Chaque donnée sensible (art. 9) indique l'exception de l'art. 9(2) qui permet de la traiter.",
        "en": "Each special-category datum (Art. 9) names the Art. 9(2) condition that allows processing it.",
    },
    message={
        "fr": "La catégorie « {category} » est une donnée sensible sans condition de l'art. 9(2) : le "
        "traitement de ces données est interdit par principe ; indiquez l'exception invoquée (consentement "
        "explicite…) ou retirez ces données.",
        "en": "The category '{category}' is special-category data with no Art. 9(2) condition: processing "
        "it is forbidden by default; name the condition relied on (explicit consent…) or drop the data.",
    },
)
def special_no_condition(d: Description) -> Iterator[Hit]:
    """Art. 9 data without condition."""
    for path, a in all_activities(d):
        for j, c in enumerate(a.data_categories):
            if c.special_category is not None and c.art9_condition is None:
                yield hit(f"{path}.data_categories[{j}].art9_condition", category=c.name)


@rule(
    "SPECIAL-CRIMINAL",
    section="special",
    severity="warning",
    articles=("Art. 10",),
    checklist=("SCC-7.5", "R30-5"),
    scope=PARTY,
    summary={
        "fr": "Des données d'infraction (art. 10) sont signalées pour vérification.",
        "en": "Criminal-offence data (Art. 10) is flagged for review.",
    },
    message={
        "fr": "La catégorie « {category} » porte sur des infractions ou condamnations : seule une autorité "
        "publique ou un texte qui l'autorise permet de la traiter ; vérifiez ce fondement et citez-le.",
        "en": "The category '{category}' concerns offences or convictions: only official authority or a law "
        "allowing it permits processing; check that ground and cite it.",
    },
)
def special_criminal(d: Description) -> Iterator[Hit]:
    """Art. 10 data."""
    for path, a in all_activities(d):
        for j, c in enumerate(a.data_categories):
            if c.criminal_offence:
                yield hit(f"{path}.data_categories[{j}].criminal_offence", category=c.name)


@rule(
    "SPECIAL-HEALTH-HDS",
    section="special",
    severity="warning",
    articles=("art. L1111-8 CSP", "Art. 9(4)"),
    checklist=("FR-HDS",),
    scope=ANY,
    summary={
        "fr": "Des données de santé hébergées en France le sont chez un hébergeur certifié HDS.",
        "en": "Health data hosted in France is hosted by an HDS-certified host.",
    },
    message={
        "fr": "Des données de santé sont traitées et le site « {site} » en France n'affiche pas la "
        "certification HDS, exigée pour héberger ces données pour le compte d'autrui : vérifiez-la et "
        "ajoutez-la.",
        "en": "Health data is processed and the site '{site}' in France shows no HDS certification, which "
        "hosting such data for others requires: check it and add it.",
    },
)
def special_health_hds(d: Description) -> Iterator[Hit]:
    """Health data, French sites without HDS."""
    health = any(
        c.special_category is SpecialCategory.HEALTH for _, a in all_activities(d) for c in a.data_categories
    )
    if not health:
        return
    for i, s in enumerate(d.hosting.sites):
        if s.country == "FR" and not any(_HDS.search(x) for x in s.certifications):
            yield hit(f"hosting.sites[{i}].certifications", site=s.provider or s.city or "FR")


def dpo_required(d: Description) -> Iterator[tuple[str, str, Words]]:
    """Parties that Art. 37(1)(b) or (c) obliges to designate a DPO and have none: (role, activity, why).

    Large-scale special-category or criminal data (c), or large-scale regular and systematic monitoring
    (b); the controller's activities concern both parties, the processor's own only the processor.
    """
    seen: set[str] = set()
    for path, a in all_activities(d):
        sensitive = any(c.special_category or c.criminal_offence for c in a.data_categories)
        if not a.large_scale or not (sensitive or a.systematic_monitoring):
            continue
        why = _SENSITIVE if sensitive else _MONITORING
        own = path.startswith("processor_own_activities")
        for role, party in parties(d):
            if party.dpo is None and (not own or role == "processor") and role not in seen:
                seen.add(role)
                yield role, a.name, why


_SENSITIVE = Words("traite à grande échelle des données sensibles ou d'infraction",
                   "processes special-category or criminal data on a large scale")
_MONITORING = Words("suit les personnes de façon régulière et systématique à grande échelle",
                    "monitors people regularly and systematically on a large scale")


@rule(
    "SPECIAL-LARGE-SCALE-DPO",
    section="special",
    severity="warning",
    articles=("Art. 37(1)(b)", "Art. 37(1)(c)"),
    checklist=("A37", "INF-DPO", "CNIL-IV-13"),
    scope=PARTY,
    summary={
        "fr": "Un traitement à grande échelle de données sensibles ou d'infraction, ou un suivi régulier et "
        "systématique des personnes à grande échelle, s'accompagne d'un délégué.",
        "en": "Large-scale processing of special-category or criminal data, or large-scale regular and "
        "systematic monitoring of people, comes with a DPO.",
    },
    message={
        "fr": "L'activité « {name} » {why}, mais {party} n'a pas de délégué à la protection des données : sa "
        "désignation est alors obligatoire ; nommez-le.",
        "en": "The activity '{name}' {why}, but {party} has no data protection officer: one must then be "
        "designated; name it.",
    },
)
def special_large_scale_dpo(d: Description) -> Iterator[Hit]:
    """Large-scale special data or monitoring, no DPO (one finding per party)."""
    for role, name, why in dpo_required(d):
        yield hit(f"{role}.dpo", name=name, why=why, party=PARTY_WORDS[role])
