"""Who is who: at least one party, each identified and reachable, a representative when outside the EU."""

from __future__ import annotations

from collections.abc import Iterator

from ..geo import in_eea
from ..model import Description
from .common import PARTY_WORDS, parties, party_reachable
from .finding import DOCUMENTS
from .registry import ANY, PARTY, Countries, Hit, Words, hit, rule

_PARTY_DOCS = {
    "controller": ("dpa", "privacy-notice"),
    "processor": ("dpa", "processor-charter", "subprocessors"),
}


@rule(
    "ROLES-NONE",
    section="parties",
    severity="error",
    articles=("Art. 4(7)", "Art. 4(8)"),
    checklist=("CNIL-PARTIES", "INF-ID"),
    scope=ANY,
    documents=DOCUMENTS,
    summary={
        "fr": "La description ne décrit ni responsable du traitement ni sous-traitant.",
        "en": "The description names neither a controller nor a processor.",
    },
    message={
        "fr": "Aucune partie n'est décrite, donc aucun document ne peut être rédigé : renseignez « "
        "controller », « processor » ou les deux.",
        "en": "No party is described, so no document can be drafted: fill in 'controller', 'processor' or "
        "both.",
    },
)
def roles_none(d: Description) -> Iterator[Hit]:
    """Neither party."""
    if d.controller is None and d.processor is None:
        yield hit("(top level)")


@rule(
    "PARTY-IDENTITY",
    section="parties",
    severity="error",
    articles=("Art. 13(1)(a)", "Art. 14(1)(a)", "Art. 28(3)"),
    checklist=("INF-ID", "SCC-AI", "CNIL-PARTIES", "A28-3-LAW"),
    scope=PARTY,
    summary={
        "fr": "Chaque partie a une dénomination sociale et un moyen de contact ; dans un contrat, une "
        "adresse.",
        "en": "Each party has a registered name and a way to be reached; in a contract, a postal address.",
    },
    message={
        "fr": "Il manque {what} pour {party} : un document qui ne permet pas d'identifier une partie et de "
        "la joindre est incomplet ; complétez cette information.",
        "en": "{party} lacks {what}: a document that does not identify the party and say how to reach it is "
        "incomplete; add it.",
    },
)
def party_identity(d: Description) -> Iterator[Hit]:
    """Legal name, a contact and, when both parties sign a contract, a postal address."""
    contract = d.controller is not None and d.processor is not None
    for role, party in parties(d):
        who = PARTY_WORDS[role]
        if not party.legal_name:
            what = Words("la dénomination sociale", "the registered name")
            yield hit(f"{role}.legal_name", _PARTY_DOCS[role], party=who, what=what)
        if not party_reachable(party):
            what = Words("un moyen de contact (e-mail, téléphone, site ou adresse)",
                         "a way to reach it (e-mail, phone, website or address)")
            yield hit(role, _PARTY_DOCS[role], party=who, what=what)
        elif contract and not (party.address and party.address.street and party.address.city):
            what = Words("l'adresse postale (rue et ville)", "the postal address (street and city)")
            yield hit(f"{role}.address", ("dpa",), party=who, what=what)


@rule(
    "PARTY-EU-REPRESENTATIVE",
    section="parties",
    severity="warning",
    articles=("Art. 27", "Art. 3(2)"),
    checklist=("INF-ID", "R30-1a"),
    scope=PARTY,
    summary={
        "fr": "Une partie établie hors de l'EEE désigne un représentant dans l'Union (art. 27).",
        "en": "A party established outside the EEA names a representative in the Union (Art. 27).",
    },
    message={
        "fr": "{party} est établi hors de l'EEE ({country}) et n'a pas de représentant dans l'Union : s'il "
        "vise des personnes dans l'Union, désignez-en un (art. 27) et indiquez ses coordonnées.",
        "en": "{party} is established outside the EEA ({country}) with no representative in the Union: "
        "if it targets people in the Union, appoint one (Art. 27) and give its contact details.",
    },
)
def party_eu_representative(d: Description) -> Iterator[Hit]:
    """A non-EEA establishment without an Art. 27 representative."""
    for role, party in parties(d):
        country = party.address.country if party.address else None
        if country and not in_eea(country) and party.eu_representative is None and not party.main_establishment:
            yield hit(f"{role}.eu_representative", party=PARTY_WORDS[role], country=Countries((country,)))
