"""The breach's clocks: when each notification is due, counted in real elapsed hours (UTC), shown locally.

Adding hours to a local wall-clock time would be wrong across a daylight-saving change; every deadline is
computed on UTC instants and converted back to the incident's time zone for display.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Description
from .model import Incident

AUTHORITY_HOURS = 72
"""Art. 33(1): the controller notifies the supervisory authority within 72 hours of becoming aware."""


@dataclass(frozen=True)
class Clock:
    """One notification's deadline and where it stands."""

    name: str  # "controller" (processor → controller, Art. 33(2)) or "authority" (Art. 33(1))
    start: dt.datetime | None  # awareness (None: the clock has not started)
    hours: int | None  # allowed hours (None: the contract sets none)
    done_at: dt.datetime | None  # when the notification was sent, if it was

    @property
    def deadline(self) -> dt.datetime | None:
        """The due time, in the start's time zone (computed in UTC)."""
        if self.start is None or self.hours is None:
            return None
        due = self.start.astimezone(dt.UTC) + dt.timedelta(hours=self.hours)
        return due.astimezone(self.start.tzinfo)

    def late(self, now: dt.datetime) -> bool:
        """Sent after the deadline, or not sent and the deadline has passed."""
        due = self.deadline
        if due is None:
            return False
        return (self.done_at or now) > due

    def hours_left(self, now: dt.datetime) -> float | None:
        """Hours until the deadline (negative when past); None once sent or without a deadline."""
        due = self.deadline
        if due is None or self.done_at is not None:
            return None
        return (due - now).total_seconds() / 3600


def processor_awareness(incident: Incident) -> dt.datetime:
    """When the processor became aware: its discovery."""
    return incident.discovered_at


def controller_awareness(incident: Incident, description: Description) -> dt.datetime | None:
    """When the controller became aware: informed by the processor, or its own discovery without one."""
    if description.processor is None:
        return incident.discovered_at
    return incident.controllers_informed_at


def controller_clock(incident: Incident, description: Description) -> Clock | None:
    """Art. 33(2): the processor alerts the controller within the contract's delay (None without a processor).

    The contract's ``breach.notice_hours`` is its first alert, or its single notice when not in phases.
    """
    if description.processor is None:
        return None
    return Clock("controller", processor_awareness(incident), description.breach.notice_hours,
                 incident.controllers_informed_at)


def full_information_clock(incident: Incident, description: Description) -> Clock | None:
    """Art. 33(4): for a notice in phases, the contract's delay for the full Art. 33(3) information (else None).

    The first alert is :func:`controller_clock` (``breach.notice_hours``); this second deadline runs from the
    same awareness. The incident does not record when the follow-up was sent, so the clock shows its due time.
    """
    if description.processor is None or not description.breach.phased:
        return None
    return Clock("full-information", processor_awareness(incident), description.breach.full_information_hours,
                 None)


def authority_clock(incident: Incident, description: Description) -> Clock:
    """Art. 33(1): 72 hours from the controller's awareness."""
    return Clock("authority", controller_awareness(incident, description), AUTHORITY_HOURS,
                 incident.authority_notified_at)


def local(moment: dt.datetime | None, incident: Incident, language: str) -> str | None:
    """A time as the reader reads it: '31/03/2026 11:00 (Europe/Paris, UTC+02:00)' / '2026-03-31 11:00 …'."""
    if moment is None:
        return None
    at = moment.astimezone(incident.zone)
    offset = at.strftime("%z")
    offset = f"UTC{offset[:3]}:{offset[3:]}"
    shown = at.strftime("%d/%m/%Y %H:%M" if language == "fr" else "%Y-%m-%d %H:%M")
    return f"{shown} ({incident.timezone}, {offset})"
