"""End of the services (Art. 28(3)(g)): return or deletion, at the controller's choice, within a stated delay.

The model's ``end_of_contract.action`` always holds a value (it defaults to the controller's choice), so
"neither return nor deletion" cannot be described; the rules check the delay and the choice.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Description, EndAction
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
    "END-NO-CHOICE",
    section="end",
    severity="warning",
    articles=("Art. 28(3)(g)",),
    checklist=("A28-3g", "SCC-10d", "EDPB-END"),
    scope=PROCESSOR,
    summary={
        "fr": "Le sort des données en fin de contrat est au choix du responsable.",
        "en": "What happens to the data at the end is the controller's choice.",
    },
    message={
        "fr": "Le contrat impose « {action} » en fin de contrat, alors que l'art. 28(3)(g) laisse le choix "
        "au responsable entre restitution et suppression (copies comprises) : laissez-lui ce choix.",
        "en": "The contract imposes '{action}' at the end, whereas Art. 28(3)(g) lets the controller choose "
        "between return and deletion (copies included): leave it that choice.",
    },
)
def end_no_choice(d: Description) -> Iterator[Hit]:
    """An imposed action."""
    action = d.end_of_contract.action
    if action is not EndAction.CONTROLLER_CHOICE:
        yield hit("end_of_contract.action", action=action.value)


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
