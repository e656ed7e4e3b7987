"""What happened: one personal-data breach, described once, saved as JSON (``dpagen breach new``).

Times are written as ISO 8601; a time without an offset is read in the incident's ``timezone`` (an IANA
name such as ``Europe/Paris``), so daylight-saving changes are counted right.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, ValidationError, field_validator, model_validator

from ..errors import DescriptionError
from ..model.base import Strict
from ..model.enums import Language

NOW_FIELD = "drafted_at"
"""The incident's field that dates the documents (``--now`` overrides it)."""


class BreachKind(StrEnum):
    """What the breach affects (the three kinds the authorities' forms ask about)."""

    CONFIDENTIALITY = "confidentiality"
    INTEGRITY = "integrity"
    AVAILABILITY = "availability"


class Phase(StrEnum):
    """Art. 33(4): a first notification with what is known, completed later."""

    INITIAL = "initial"
    COMPLETE = "complete"


class NoCommunicationReason(StrEnum):
    """Why the people concerned are not told (Art. 34(1) and 34(3))."""

    NOT_HIGH_RISK = "not_high_risk"  # Art. 34(1) does not apply
    UNINTELLIGIBLE = "unintelligible"  # 34(3)(a): encrypted or otherwise unreadable data
    RISK_REMOVED = "risk_removed"  # 34(3)(b): later measures make the high risk unlikely
    DISPROPORTIONATE = "disproportionate"  # 34(3)(c): a public communication instead


class FollowUp(StrEnum):
    """Art. 33(3) items an initial notification may leave for later (Art. 33(4))."""

    NUMBERS = "numbers"
    CONSEQUENCES = "consequences"
    MEASURES = "measures"


FREE_TEXT = ("discovered_by", "how_discovered", "what_happened", "cause", "activities", "data_categories",
             "subject_categories", "consequences", "measures_taken", "measures_proposed", "advice", "delay_reasons",
             "no_communication_details")
"""The incident's own words: translated for documents in the other language (names and times never are)."""


class Incident(Strict):
    """A personal-data breach, as the DPO knows it now."""

    reference: str | None = Field(None, description="Internal reference, e.g. 'INC-2026-007'")
    language: Language = Field(Language.FR, description="The language its texts are written in")
    translations: dict[Language, dict[str, str]] = Field(
        default_factory=dict,
        description="Per language, each text as written → its translation (dpagen translations INCIDENT --lang en)",
    )
    timezone: str = Field("Europe/Paris", description="IANA time zone the times are read and shown in")
    phase: Phase = Phase.INITIAL
    discovered_at: dt.datetime = Field(description="When the breach was discovered (ISO 8601)")
    discovered_by: str | None = Field(None, description="Who discovered it, e.g. 'the on-call engineer'")
    how_discovered: str | None = Field(None, description="How it came to light, e.g. 'an alert on outgoing traffic'")
    started_at: dt.datetime | None = Field(None, description="When the breach began, if known")
    ended_at: dt.datetime | None = Field(None, description="When it ended, if it has")
    ongoing: bool | None = Field(None, description="Whether the breach is still going on")
    controllers_informed_at: dt.datetime | None = Field(
        None, description="When the processor informed the controllers (their clock starts then at the latest)"
    )
    authority_notified_at: dt.datetime | None = None
    drafted_at: dt.datetime | None = Field(
        None, description="When the documents are sent: dates them and judges each deadline (--now overrides it)"
    )
    subjects_informed_at: dt.datetime | None = None
    what_happened: str | None = Field(None, description="What happened, in plain words")
    kinds: list[BreachKind] = Field(default_factory=list)
    cause: str | None = Field(None, description="Origin, e.g. 'stolen credentials', 'human error'")
    activities: list[str] = Field(default_factory=list, description="Names of the processing activities involved")
    subprocessors: list[str] = Field(default_factory=list, description="Names of the subprocessors involved")
    clients: list[str] = Field(
        default_factory=list,
        description="Controllers (legal name or brand) whose data is involved; empty: every client given",
    )
    data_categories: list[str] = Field(default_factory=list)
    subject_categories: list[str] = Field(default_factory=list, description="e.g. 'customers', 'employees'")
    people_approx: int | None = Field(None, ge=0, description="Approximate number of people concerned")
    records_approx: int | None = Field(None, ge=0, description="Approximate number of records concerned")
    consequences: str | None = Field(None, description="Likely consequences for the people concerned")
    high_risk: bool | None = Field(None, description="Whether the breach likely puts people at high risk (Art. 34)")
    measures_taken: list[str] = Field(default_factory=list)
    measures_proposed: list[str] = Field(default_factory=list)
    advice: list[str] = Field(default_factory=list, description="What people can do to protect themselves")
    to_follow: list[FollowUp] = Field(
        default_factory=list, description="Art. 33(3) items an initial notification leaves for later (Art. 33(4))"
    )
    delay_reasons: str | None = Field(None, description="Why a notification is late (Art. 33(1))")
    no_communication: NoCommunicationReason | None = None
    no_communication_details: str | None = Field(None, description="The facts the decision rests on")

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"'{value}' is not an IANA time zone (e.g. Europe/Paris, UTC)") from None
        return value

    @model_validator(mode="after")
    def _aware_times(self) -> Incident:
        """Every time carries an offset: one without is read in the incident's time zone."""
        zone = ZoneInfo(self.timezone)
        for name in ("discovered_at", "started_at", "ended_at", "controllers_informed_at",
                     "authority_notified_at", "subjects_informed_at", "drafted_at"):
            value = getattr(self, name)
            if value is not None and value.tzinfo is None:
                object.__setattr__(self, name, value.replace(tzinfo=zone))
        if self.ended_at and self.started_at and self.ended_at < self.started_at:
            raise ValueError("ended_at is before started_at")
        return self

    def own_texts(self) -> Iterator[tuple[str, str]]:
        """Every free text with its JSON path (``measures_taken[1]``), in field order."""
        for name in FREE_TEXT:
            value = getattr(self, name)
            for path, text in ([(name, value)] if isinstance(value, str) else
                               [(f"{name}[{k}]", v) for k, v in enumerate(value or [])]):
                if text and any(c.isalpha() for c in text):
                    yield path, text

    @property
    def zone(self) -> ZoneInfo:
        """The incident's time zone."""
        return ZoneInfo(self.timezone)


def load_incident(path: Path) -> Incident:
    """Read an incident file; every problem is reported with its JSON path."""
    from ..io import read_text, validation_lines

    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DescriptionError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    try:
        return Incident.model_validate(data)
    except ValidationError as exc:
        lines = validation_lines(exc)
        raise DescriptionError(f"{path}: {len(lines)} problem(s) in the incident", lines) from None


def incident_json(incident: Incident) -> str:
    """The incident as stable JSON (times with their offsets)."""
    return incident.model_dump_json(indent=2, exclude_none=True, exclude_defaults=False) + "\n"
