"""The supervisory authorities of the EEA states, kept as dated data in ``dpagen/data/authorities.toml``.

A party's competent authority is the one of its main establishment in the EEA (Art. 56(1)): its
``main_establishment``, else the country of its registered office when that is in the EEA. A party with no
establishment in the EEA has no lead authority: people complain to the authority of their own Member State
(Art. 77(1)). The description's ``authority`` (the controller's) and ``processor_authority`` override the
shipped name, address, website or e-mail field by field.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from .geo import in_eea
from .model import Address, Authority, Description, Party, Role


@dataclass(frozen=True)
class AuthorityEntry:
    """One state's supervisory authority, as shipped."""

    code: str
    name: dict[str, str]
    website: str
    city: str
    short: str | None = None
    street: str | None = None
    postal_code: str | None = None
    complaints: str | None = None
    note: str | None = None
    federal: bool = False
    """Germany: the federal authority, while private bodies answer to their Land's authority."""
    unverified: bool = False


@dataclass(frozen=True)
class AuthorityList:
    """The whole list, the date it was last reviewed and where the EDPB lists its members."""

    reviewed: dt.date
    source: str
    members_list: str
    countries: dict[str, AuthorityEntry] = field(default_factory=dict)


@cache
def authority_list() -> AuthorityList:
    """Load the shipped list once."""
    text = resources.files("dpagen").joinpath("data/authorities.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    countries = {code: AuthorityEntry(code=code, **fields) for code, fields in data["countries"].items()}
    return AuthorityList(data["reviewed"], data["source"], data["members_list"], countries)


def authority_for(code: str | None) -> AuthorityEntry | None:
    """The shipped authority of an EEA state, if any."""
    return authority_list().countries.get(code.upper()) if code else None


def eea_establishment(party: Party | None) -> str | None:
    """The EEA state of the party's main establishment: stated, else its registered office's if in the EEA."""
    if party is None:
        return None
    if party.main_establishment:
        return party.main_establishment
    country = party.address.country if party.address else None
    return country if in_eea(country) else None


def established_outside_eea(party: Party | None) -> bool:
    """Whether the party's registered office is outside the EEA (Art. 3(2) for a controller)."""
    country = party.address.country if party and party.address else None
    return bool(country) and not in_eea(country)


def without_eea_establishment(party: Party | None) -> bool:
    """A party established outside the EEA that has no establishment in it: no lead authority (Art. 56)."""
    return established_outside_eea(party) and eea_establishment(party) is None


def _shipped(entry: AuthorityEntry | None, language: str) -> Authority:
    if entry is None:
        return Authority()
    address = Address(street=entry.street, postal_code=entry.postal_code, city=entry.city, country=entry.code)
    return Authority(name=entry.name[language], address=address, url=entry.complaints or entry.website)


def _override(shipped: Authority, given: Authority) -> Authority:
    """The shipped authority with each field the description sets (null included) replaced.

    A name of its own makes it another authority (a German Land's, say): then only the fields given count.
    """
    chosen = {name: getattr(given, name) for name in given.model_fields_set}
    if given.name and given.name != shipped.name:
        return Authority().model_copy(update=chosen)
    return shipped.model_copy(update=chosen)


def competent(d: Description, role: Role, language: str) -> Authority:
    """The authority the documents name for a party, in the document's language (fields may be missing)."""
    party = d.controller if role is Role.CONTROLLER else d.processor
    given = d.authority if role is Role.CONTROLLER else d.processor_authority
    return _override(_shipped(authority_for(eea_establishment(party)), language), given)


def authority_path(role: Role) -> str:
    """The description's field that overrides a party's authority."""
    return "authority" if role is Role.CONTROLLER else "processor_authority"
