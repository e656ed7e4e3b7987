"""Small helpers shared by the rule modules: where notices apply, contacts, locations."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..geo import in_eea
from ..model import Contact, Description, Party, ProcessingActivity, Role, Subprocessor
from .registry import Words

PARTY_WORDS = {
    "controller": Words("le responsable du traitement", "the controller"),
    "processor": Words("le sous-traitant", "the processor"),
}


@dataclass(frozen=True)
class NoticeScope:
    """Activities whose people must be informed (Arts 13-14), the party informing them, and the document."""

    party: Party
    role: str  # "controller" or "processor"
    activities: list[tuple[str, ProcessingActivity]]  # (JSON path, activity)
    documents: tuple[str, ...]


def controller_notice(d: Description) -> bool:
    """Whether the controller's privacy notice is drafted: a controller that publishes its own charters."""
    return d.controller is not None and d.charter_publisher is Role.CONTROLLER


def notice_scopes(d: Description) -> Iterator[NoticeScope]:
    """The controller's notice, and the processor's charter for processing it does as a controller."""
    if d.controller is not None and controller_notice(d):
        acts = [(f"activities[{i}]", a) for i, a in enumerate(d.activities)]
        yield NoticeScope(d.controller, "controller", acts, ("privacy-notice",))
    if d.processor is not None and d.processor_own_activities:
        acts = [(f"processor_own_activities[{i}]", a) for i, a in enumerate(d.processor_own_activities)]
        yield NoticeScope(d.processor, "processor", acts, ("processor-charter",))


def all_activities(d: Description) -> Iterator[tuple[str, ProcessingActivity]]:
    """Every activity (on the controller's behalf and the processor's own), with its JSON path."""
    yield from ((f"activities[{i}]", a) for i, a in enumerate(d.activities))
    yield from ((f"processor_own_activities[{i}]", a) for i, a in enumerate(d.processor_own_activities))


def parties(d: Description) -> Iterator[tuple[str, Party]]:
    """The parties present, with their role as JSON path."""
    if d.controller is not None:
        yield "controller", d.controller
    if d.processor is not None:
        yield "processor", d.processor


def reachable(contact: Contact | None) -> bool:
    """Whether a contact point gives at least one way to reach it."""
    if contact is None:
        return False
    address = contact.address is not None and bool(contact.address.street or contact.address.city)
    return bool(contact.email or contact.phone or contact.url or address)


def party_reachable(party: Party) -> bool:
    """Whether a party can be reached: e-mail, phone, website or postal address."""
    address = party.address is not None and bool(party.address.street and party.address.city)
    return bool(party.email or party.phone or party.website or address)


def places(s: Subprocessor) -> list[str]:
    """Every known country of a subprocessor: establishment and data locations, each once."""
    return list(dict.fromkeys(p for p in (s.country, *s.data_locations) if p))


def outside_eea(codes: list[str]) -> list[str]:
    """The codes outside the EEA."""
    return [c for c in codes if not in_eea(c)]


def same_name(a: str | None, b: str | None) -> bool:
    """Loose match of two provider names: one contains the other, ignoring case and punctuation."""
    if not a or not b:
        return False
    x, y = (" ".join("".join(ch if ch.isalnum() else " " for ch in s.casefold()).split()) for s in (a, b))
    if not x or not y:
        return False
    return f" {x} " in f" {y} " or f" {y} " in f" {x} "
