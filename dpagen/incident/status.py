"""The lines `dpagen breach status` prints: each clock, then what each final document still lacks."""

from __future__ import annotations

import datetime as dt

from ..model import Description
from .clocks import AUTHORITY_HOURS, Clock, authority_clock, controller_clock, full_information_clock, local
from .facts import involved
from .kit import BUILDERS, applies, required
from .model import Incident


def _clock_line(title: str, clock: Clock, incident: Incident, now: dt.datetime) -> str:
    if clock.start is None:
        return f"  {title}: not started (the controller has not been informed yet)"
    if clock.hours is None:
        return f"  {title}: no delay set in the contract (breach.notice_hours)"
    due = local(clock.deadline, incident, "en")
    if clock.done_at is not None:
        state = "LATE" if clock.late(now) else "on time"
        return f"  {title}: sent {local(clock.done_at, incident, 'en')} ({state}; due {due})"
    left = clock.hours_left(now) or 0.0
    if left < 0:
        return f"  {title}: OVERDUE by {-left:.1f} h (due {due}); give the reasons for the delay (Art. 33(1))"
    return f"  {title}: {left:.1f} h left (due {due})"


def status_lines(incident: Incident, descriptions: list[Description], now: dt.datetime) -> list[str]:
    """Clocks and gaps, per client involved; without a description, the 72-hour clock from discovery."""
    lines = [f"incident {incident.reference or '(no reference)'} — discovered "
             f"{local(incident.discovered_at, incident, 'en')}; now {local(now, incident, 'en')}"]
    if not descriptions:
        clock = Clock("authority", incident.discovered_at, AUTHORITY_HOURS, incident.authority_notified_at)
        lines.append(_clock_line("authority (Art. 33(1), from discovery)", clock, incident, now))
        lines.append("  give the client descriptions to see the processor's contractual delay and each document's gaps")
        return lines
    for d in descriptions:
        if not involved(incident, d):
            continue
        who = (d.controller.display_name if d.controller else None) or "?"
        lines.append(f"{who}:")
        first = controller_clock(incident, d)
        if first is not None:
            phase = ", first alert" if d.breach.phased else ""
            lines.append(_clock_line(f"processor → controller{phase} (Art. 33(2), {first.hours} h by contract)",
                                     first, incident, now))
        full = full_information_clock(incident, d)
        if full is not None:
            lines.append(f"  processor → controller, full information (Art. 33(4), {full.hours} h by contract): "
                         f"due {local(full.deadline, incident, 'en')}")
        lines.append(_clock_line("controller → authority (Art. 33(1), 72 h)", authority_clock(incident, d),
                                 incident, now))
        for name in BUILDERS:
            if not applies(name, d):
                continue
            lacks = required(name, incident, d, now)
            lines.append(f"  {name}: " + ("ready" if not lacks else f"missing {'; '.join(lacks)}"))
    return lines
