"""The breach kit (Arts 33 and 34): an incident description, its clocks, and the documents drafted from it."""

from __future__ import annotations

from .model import Incident, load_incident

BREACH_DOCUMENTS = ("breach-controller-notice", "breach-authority-notice", "breach-communication", "breach-register")
"""Every document of the kit, in the order a breach calls for them; ``--doc breach`` means all that apply."""

__all__ = ["BREACH_DOCUMENTS", "Incident", "load_incident"]
