"""End of the services (Art. 28(3)(g)): return or deletion, at the controller's choice, within a stated delay.

The model's ``end_of_contract.action`` always holds a value (it defaults to the controller's choice), so
"neither return nor deletion" cannot be described. A contract that fixes one of the two is no problem: its
clause always lets the controller ask for the other, so the rules check the delay, the certificate and the
format of the returned data.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Description
from .registry import PROCESSOR, Hit, hit, rule


@rule(
    "END-DELAY-MISSING",
    section="end",
    severity="error",
    articles=("Art. 28(3)(g)",),
    checklist=("A28-3g", "SCC-10d", "EDPB-END", "CNIL-IV-12"),
    scope=PROCESSOR,
    summary={
        "fr": "Le délai de restitution ou de suppression en fin de contrat est fixé.",
        "en": "The delay for returning or deleting the data at the end is set.",
    },
    message={
        "fr": "Aucun délai n'encadre la restitution ou la suppression des données en fin de contrat : les "
        "données pourraient être gardées sans limite ; fixez « delay_days » (30 jours est courant).",
        "en": "No delay governs the return or deletion of the data at the end: the data could be kept with "
        "no limit; set 'delay_days' (30 days is common).",
    },
)
def end_delay_missing(d: Description) -> Iterator[Hit]:
    """No delay."""
    if d.end_of_contract.delay_days is None:
        yield hit("end_of_contract.delay_days")


@rule(
    "END-NO-CERTIFICATE",
    section="end",
    severity="warning",
    articles=("Art. 28(3)(g)", "Art. 5(2)"),
    checklist=("SCC-10d", "EDPB-END", "CNIL-IV-12"),
    scope=PROCESSOR,
    summary={
        "fr": "La suppression est confirmée par écrit.",
        "en": "Deletion is confirmed in writing.",
    },
    message={
        "fr": "La suppression des données ne sera pas confirmée par écrit : le responsable ne pourra pas "
        "prouver qu'elle a eu lieu ; prévoyez une attestation.",
        "en": "Deletion of the data will not be confirmed in writing: the controller will not be able to "
        "prove it happened; provide for a certificate.",
    },
)
def end_no_certificate(d: Description) -> Iterator[Hit]:
    """No certificate."""
    if not d.end_of_contract.certificate:
        yield hit("end_of_contract.certificate")


@rule(
    "END-FORMAT-MISSING",
    section="end",
    severity="warning",
    articles=("Art. 28(3)(g)", "Art. 20"),
    checklist=("A28-3g", "SCC-10d", "EDPB-END"),
    scope=PROCESSOR,
    summary={
        "fr": "Le format des données restituées est précisé (structuré, couramment utilisé, norme suivie).",
        "en": "The format of the returned data is stated (structured, commonly used, standard followed).",
    },
    message={
        "fr": "Le contrat ne précise pas le format dans lequel les données sont restituées : sans lui, le "
        "responsable risque de recevoir un export inexploitable par un autre prestataire ; indiquez-le dans "
        "« return_format » (par exemple fichiers CSV conformes à la RFC 4180 et export JSON).",
        "en": "The contract does not state the format in which the data is returned: without it the "
        "controller may receive an export another provider cannot use; state it in 'return_format' (e.g. "
        "CSV files following RFC 4180 and a JSON export).",
    },
)
def end_format_missing(d: Description) -> Iterator[Hit]:
    """No return format, although the data may be returned."""
    if d.end_of_contract.return_format is None:
        yield hit("end_of_contract.return_format")
