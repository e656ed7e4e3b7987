"""Health data: who hosts it and holds the HDS certification, and the secrecy Art. 9(3) requires.

The helpers here decide whether a host shows HDS certification (its ``hds`` field, or "HDS" among its
certifications) and whether a subprocessor hosts health data (it receives health data and its activity is
hosting, storage or backup, or it states an HDS certificate).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..facts import data_categories, relies_on_care_exception, subprocessor_scope
from ..model import Art9Condition, Description, HdsCertificate, HostingSite, SpecialCategory, Subprocessor
from .common import same_name
from .registry import PARTY, Hit, hit, rule

_HDS = re.compile(r"\bHDS\b|h[ée]bergeur de donn[ée]es de sant[ée]|health data host", re.IGNORECASE)
_HOSTING = re.compile(
    r"h[ée]berg|\bhost|stockage|storage|sauvegarde|backup|cloud|infog[ée]r|centre de donn[ée]es|data ?cent",
    re.IGNORECASE,
)


def certified(hds: HdsCertificate | None, certifications: list[str]) -> bool:
    """Whether a host shows HDS certification: a structured certificate, or "HDS" among its certifications."""
    return hds is not None or any(_HDS.search(c) for c in certifications)


def site_certified(d: Description, site: HostingSite) -> bool:
    """A hosting site is covered by its own certificate, its provider's as a subprocessor, or the processor's."""
    if certified(site.hds, site.certifications):
        return True
    if any(same_name(site.provider, s.name) or same_name(site.provider, s.entity)
           for s in d.subprocessors if certified(s.hds, s.certifications)):
        return True
    processor = d.processor
    if processor is None or not certified(d.health.processor_hds, processor.certifications):
        return False
    return site.provider is None or any(
        same_name(site.provider, n) for n in (processor.legal_name, processor.brand) if n
    )


def hosts_health_data(d: Description, s: Subprocessor) -> bool:
    """A subprocessor receiving health data whose activity is hosting, storage or backup (or that holds HDS)."""
    health = any(x.category.special_category is SpecialCategory.HEALTH for x in subprocessor_scope(d, s))
    return health and (s.hds is not None or bool(s.activity and _HOSTING.search(s.activity)))


@rule(
    "SPECIAL-CARE-SECRECY",
    section="special",
    severity="warning",
    articles=("Art. 9(2)(h)", "Art. 9(3)"),
    checklist=("SCC-7.5", "SCC-AII", "EDPB-DESC"),
    scope=PARTY,
    summary={
        "fr": "Une donnée traitée sur le fondement de l'art. 9(2)(h) indique quels professionnels tenus au "
        "secret la traitent (art. 9(3)).",
        "en": "Data processed under Art. 9(2)(h) says which professionals bound by secrecy process it "
        "(Art. 9(3)).",
    },
    message={
        "fr": "Les données « {category} » reposent sur l'art. 9(2)(h) (médecine, soins, protection sociale), "
        "qui n'est possible que si un professionnel tenu au secret professionnel traite ces données ou en "
        "répond (art. 9(3)) : indiquez qui et quel secret (champ « health.professional_secrecy »).",
        "en": "The data '{category}' relies on Art. 9(2)(h) (medicine, care, social protection), which "
        "is only available when a professional bound by professional secrecy processes that data or answers "
        "for it (Art. 9(3)): say who and which secrecy (field 'health.professional_secrecy').",
    },
)
def special_care_secrecy(d: Description) -> Iterator[Hit]:
    """Art. 9(2)(h) relied on, no professional named under secrecy (one finding naming every category)."""
    if not relies_on_care_exception(d) or d.health.professional_secrecy:
        return
    names = dict.fromkeys(
        x.category.name for x in data_categories(d) if x.category.art9_condition is Art9Condition.HEALTH_OR_SOCIAL_CARE
    )
    yield hit("health.professional_secrecy", category=", ".join(names))
