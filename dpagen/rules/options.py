"""Optional clauses of the contract: what a clause that is switched on needs from the description."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Description
from .common import PARTY_WORDS
from .registry import CONTRACT, Hit, hit, rule


@rule(
    "CONTRACT-NOTICES-ADDRESS",
    section="contract",
    severity="error",
    articles=("Art. 28(9)",),
    checklist=("A28-9", "SCC-AI"),
    scope=CONTRACT,
    summary={
        "fr": "Quand la clause de notifications est retenue, chaque partie a une adresse de notification "
        "(courriel ou adresse postale).",
        "en": "When the notices clause is on, each party has an address for notices (e-mail or postal "
        "address).",
    },
    message={
        "fr": "La clause de notifications est retenue, mais aucune adresse de notification n'est donnée pour "
        "{party} : les notifications formelles n'auraient pas de destinataire certain ; indiquez une adresse "
        "électronique ou postale (rue et ville).",
        "en": "The notices clause is on, but no address for notices is given for {party}: formal notices "
        "would have no certain recipient; give an e-mail or a postal address (street and city).",
    },
)
def notices_address(d: Description) -> Iterator[Hit]:
    """Each party's notice contact, when the notices clause is on."""
    if not d.contract.optional_clauses.notices:
        return
    for role in ("controller", "processor"):
        contact = getattr(d.contract.notice_contacts, role)
        postal = contact is not None and contact.address is not None and bool(
            contact.address.street and contact.address.city)
        if contact is None or not (contact.email or postal):
            yield hit(f"contract.notice_contacts.{role}", party=PARTY_WORDS[role])
