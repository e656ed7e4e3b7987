"""Facts derived from a description, shared by the compliance rules and the clause conditions."""

from __future__ import annotations

from dataclasses import dataclass

from .geo import in_eea
from .model import (
    Art9Condition,
    DataCategory,
    Description,
    HostingSite,
    LegalBasis,
    ProcessingActivity,
    SpecialCategory,
    Subprocessor,
)


@dataclass(frozen=True)
class Located:
    """A data category with the activity it belongs to and its JSON path."""

    activity: ProcessingActivity
    category: DataCategory
    path: str


def data_categories(d: Description) -> list[Located]:
    """Every data category of every activity, with its path."""
    return [
        Located(a, c, f"activities[{i}].data_categories[{j}]")
        for i, a in enumerate(d.activities)
        for j, c in enumerate(a.data_categories)
    ]


def special_categories(d: Description) -> list[Located]:
    """Data categories under Art. 9 or Art. 10."""
    return [x for x in data_categories(d) if x.category.special_category or x.category.criminal_offence]


def subprocessors_outside_eea(d: Description) -> list[Subprocessor]:
    """Subprocessors established, or storing or accessing data, outside the EEA."""
    return [s for s in d.subprocessors if not subprocessor_in_eea(s)]


def subprocessor_in_eea(s: Subprocessor) -> bool:
    """Whether a subprocessor and all its data locations are in the EEA (unknown country: not)."""
    places = [s.country, *s.data_locations]
    return all(in_eea(p) for p in places if p) and any(places)


def sites_outside_eea(d: Description) -> list[HostingSite]:
    """Hosting sites outside the EEA (the controller's own servers in its own country are no transfer)."""
    return [s for s in d.hosting.sites if s.country and not in_eea(s.country) and not controller_own_site(d, s)]


def controller_outside_eea(d: Description) -> bool:
    """Whether the controller is established outside the EEA (Art. 3(2)): it processes the data there itself."""
    country = d.controller.address.country if d.controller and d.controller.address else None
    return bool(country) and not in_eea(country)


def controller_own_site(d: Description, site: HostingSite) -> bool:
    """A site the controller runs itself in its own country outside the EEA: its own processing, not a transfer.

    The provider must be the controller (its legal or trading name); another company's servers, even in the
    controller's country, make that company a processor and the sending a transfer.
    """
    c = d.controller
    if c is None or c.address is None or not controller_outside_eea(d) or site.country != c.address.country:
        return False

    def norm(text: str | None) -> str:
        return " ".join("".join(ch if ch.isalnum() else " " for ch in (text or "").casefold()).split())

    return bool(norm(site.provider)) and norm(site.provider) in {norm(c.legal_name), norm(c.brand)}


def data_subjects(d: Description) -> list[str]:
    """Every category of data subjects, each once, in order of first mention."""
    return list(dict.fromkeys(x for a in d.activities for x in a.data_subjects))


def legal_bases(d: Description) -> list[LegalBasis]:
    """Every legal basis relied on, each once."""
    return list(dict.fromkeys(p.legal_basis for a in d.activities for p in a.purposes if p.legal_basis))


def relies_on(d: Description, basis: LegalBasis) -> bool:
    """Whether a purpose relies on the given basis (or cookies need consent, for CONSENT)."""
    if basis is LegalBasis.CONSENT and any(c.consent_required for c in d.cookies):
        return True
    return basis in legal_bases(d)


def processor_outside_eea(d: Description) -> bool:
    """Whether the processor itself is established outside the EEA (the data goes abroad to reach it)."""
    country = d.processor.address.country if d.processor and d.processor.address else None
    return bool(country) and not in_eea(country)


def subprocessor_scope(d: Description, s: Subprocessor) -> list[Located]:
    """The data categories a subprocessor receives.

    Those of its activities (all when none is named), narrowed to its own categories when it names some.
    """
    names = set(s.processing_activities)
    located = [x for x in data_categories(d) if not names or x.activity.name in names]
    if s.data_categories:
        wanted = set(s.data_categories)
        located = [x for x in located if x.category.name in wanted]
    return located


def has_health_data(d: Description) -> bool:
    """Whether any activity processes health data (Art. 9)."""
    return any(x.category.special_category is SpecialCategory.HEALTH for x in data_categories(d))


def french_health_law(d: Description) -> bool:
    """Whether French health-data hosting law (art. L. 1111-8 CSP) applies.

    ``health.french_law`` when given; otherwise health data and a controller (without one, the processor)
    established in France.
    """
    if d.health.french_law is not None:
        return d.health.french_law and has_health_data(d)
    party = d.controller or d.processor
    country = party.address.country if party is not None and party.address is not None else None
    return has_health_data(d) and country == "FR"


def relies_on_care_exception(d: Description) -> bool:
    """Whether a data category relies on Art. 9(2)(h) (care, medicine), which Art. 9(3) conditions on secrecy."""
    return any(x.category.art9_condition is Art9Condition.HEALTH_OR_SOCIAL_CARE for x in data_categories(d))


def hds_holders(d: Description) -> list[tuple[str, str, object]]:
    """Who holds an HDS certificate described in full: (kind, JSON path, the processor, subprocessor or site).

    ``kind`` is ``processor``, ``subprocessor`` or ``site``; the certificate is at ``<path>.hds`` (for the
    processor, ``health.processor_hds``).
    """
    holders: list[tuple[str, str, object]] = []
    if d.health.processor_hds is not None and d.processor is not None:
        holders.append(("processor", "processor", d.processor))
    holders += [("subprocessor", f"subprocessors[{i}]", s) for i, s in enumerate(d.subprocessors) if s.hds]
    holders += [("site", f"hosting.sites[{i}]", s) for i, s in enumerate(d.hosting.sites) if s.hds]
    return holders
