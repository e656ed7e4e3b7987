"""Special categories (Art. 9) and criminal data (Art. 10): a condition, an HDS host, a DPO at scale."""

from __future__ import annotations

from collections.abc import Iterator

from ..facts import french_health_law
from ..model import Description
from .common import PARTY_WORDS, all_activities, parties
from .health import certified, hosts_health_data, site_certified
from .registry import ANY, PARTY, Hit, Words, hit, rule


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
        "fr": "Quand le droit français de la santé s'applique (champ « health.french_law », à défaut "
        "responsable établi en France), chaque hébergeur des données de santé est certifié HDS.",
        "en": "When French health law applies ('health.french_law', by default a controller established "
        "in France), every host of the health data is HDS-certified.",
    },
    message={
        "fr": "Des données de santé relevant de l'article L. 1111-8 du code de la santé publique sont "
        "hébergées par « {host} », qui n'affiche pas de certification HDS : héberger ces données pour le "
        "compte d'autrui l'exige ; renseignez sa certification (champ « hds ») ou confiez l'hébergement à "
        "un hébergeur certifié.",
        "en": "Health data under Article L. 1111-8 of the French Public Health Code is hosted by '{host}', "
        "which shows no HDS certification: hosting such data for others requires it; give its certification "
        "(field 'hds') or move the hosting to a certified host.",
    },
)
def special_health_hds(d: Description) -> Iterator[Hit]:
    """Health data under French law: every hosting site and hosting subprocessor shows HDS."""
    if not french_health_law(d):
        return
    for i, site in enumerate(d.hosting.sites):
        if not site_certified(d, site):
            yield hit(f"hosting.sites[{i}].hds", host=site.provider or site.city or site.country or "?")
    for i, sub in enumerate(d.subprocessors):
        if hosts_health_data(d, sub) and not certified(sub.hds, sub.certifications):
            yield hit(f"subprocessors[{i}].hds", host=sub.name)


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
