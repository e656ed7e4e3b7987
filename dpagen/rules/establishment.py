"""Where the parties are established: their Art. 27 representative and their supervisory authority.

The authority of a party is the one of its main establishment in the EEA (Art. 56(1)), shipped in
``dpagen/data/authorities.toml``; a party with no establishment in the EEA has none to name.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..authorities import authority_for, authority_path, eea_establishment
from ..geo import in_eea
from ..model import Description, Role
from .common import PARTY_WORDS, notice_scopes, parties
from .registry import PARTY, Countries, Hit, hit, rule


def _documents(d: Description, role: str) -> tuple[str, ...]:
    """The documents that name this party's authority: the contract, and its own notice or charter."""
    docs = ["dpa"] if d.controller is not None and d.processor is not None else []
    docs += [doc for scope in notice_scopes(d) if scope.role == role for doc in scope.documents]
    return tuple(docs)


@rule(
    "PARTY-EU-REPRESENTATIVE-PLACE",
    section="parties",
    severity="error",
    articles=("Art. 27(3)", "Art. 13(1)(a)"),
    checklist=("INF-ID", "R30-1a"),
    scope=PARTY,
    summary={
        "fr": "Le représentant de l'article 27 est établi dans un État membre (de l'EEE).",
        "en": "The Art. 27 representative is established in a Member State (of the EEA).",
    },
    message={
        "fr": "Le représentant dans l'Union désigné par {party} est situé hors de l'EEE ({country}) : l'article 27 "
        "exige qu'il soit établi dans un État membre où se trouvent les personnes concernées ; désignez un "
        "représentant établi dans l'Union.",
        "en": "{party}'s representative in the Union is outside the EEA ({country}): Article 27 requires it "
        "to be established in a Member State where the people concerned are; appoint one established in the "
        "Union.",
    },
)
def representative_place(d: Description) -> Iterator[Hit]:
    """A representative whose address is outside the EEA."""
    for role, party in parties(d):
        rep = party.eu_representative
        country = rep.address.country if rep is not None and rep.address is not None else None
        if country and not in_eea(country):
            yield hit(f"{role}.eu_representative.address.country", party=PARTY_WORDS[role],
                      country=Countries((country,)))


@rule(
    "AUTHORITY-UNKNOWN",
    section="parties",
    severity="error",
    articles=("Art. 56(1)", "Art. 13(2)(d)", "Art. 77"),
    checklist=("INF-CPL", "A31"),
    scope=PARTY,
    summary={
        "fr": "L'autorité de contrôle de chaque partie se déduit de son pays d'établissement, ou est nommée.",
        "en": "Each party's supervisory authority follows from its country of establishment, or is named.",
    },
    message={
        "fr": "L'autorité de contrôle dont relève {party} ne peut être déterminée : son pays n'est pas indiqué. "
        "Renseignez « {role}.address.country » (et « main_establishment » si son établissement principal "
        "dans l'EEE est ailleurs), ou nommez l'autorité dans « {field} ».",
        "en": "{party}'s supervisory authority cannot be determined: its country is not given. Fill in "
        "'{role}.address.country' (and 'main_establishment' when its main establishment in the EEA is "
        "elsewhere), or name the authority in '{field}'.",
    },
)
def authority_unknown(d: Description) -> Iterator[Hit]:
    """No country, no main establishment, no authority named: the documents cannot say where to complain."""
    for role, party in parties(d):
        path = authority_path(Role(role))
        given = d.authority if role == "controller" else d.processor_authority
        documents = _documents(d, role)
        country = party.address.country if party.address else None
        if documents and not given.name and not country and not party.main_establishment:
            yield hit(path, documents, party=PARTY_WORDS[role], role=role, field=path)


@rule(
    "AUTHORITY-GERMAN-LAND",
    section="parties",
    severity="warning",
    articles=("Art. 51(1)", "Art. 56(1)"),
    checklist=("INF-CPL", "A31"),
    scope=PARTY,
    summary={
        "fr": "En Allemagne, une entreprise relève de l'autorité de son Land : elle est nommée.",
        "en": "In Germany, a company answers to the authority of its Land: it is named.",
    },
    message={
        "fr": "{party} a son établissement principal en Allemagne, où une entreprise privée relève de "
        "l'autorité de protection des données du Land où elle est établie, non du commissaire fédéral "
        "(BfDI) : nommez cette autorité dans « {field} » (nom, adresse, site).",
        "en": "{party} has its main establishment in Germany, where a private company answers to the data "
        "protection authority of the Land it is established in, not to the Federal Commissioner (BfDI): name "
        "that authority in '{field}' (name, address, website).",
    },
)
def authority_german_land(d: Description) -> Iterator[Hit]:
    """The shipped German authority is the federal one; a company's is its Land's."""
    for role, party in parties(d):
        path = authority_path(Role(role))
        given = d.authority if role == "controller" else d.processor_authority
        entry = authority_for(eea_establishment(party))
        documents = _documents(d, role)
        if documents and entry is not None and entry.federal and not given.name:
            yield hit(path, documents, party=PARTY_WORDS[role], field=path)

