"""Facts derived from a description, shared by the compliance rules and the clause conditions."""

from __future__ import annotations

from dataclasses import dataclass

from .geo import in_eea
from .model import DataCategory, Description, HostingSite, LegalBasis, ProcessingActivity, Subprocessor


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
