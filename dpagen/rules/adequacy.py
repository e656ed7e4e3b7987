"""The Art. 45 adequacy list, kept as dated data in ``dpagen/data/adequacy.toml``."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..geo import in_eea
from ..model import TransferSafeguard


@dataclass(frozen=True)
class Adequacy:
    """One adequacy decision."""

    code: str
    name: str
    checklist: str
    decision: str
    date: dt.date
    scope: str  # "full" or "partial"
    condition: str | None = None  # a TransferSafeguard field that must be true
    note: str | None = None
    unverified: bool = False
    valid_until: dt.date | None = None

    @property
    def partial(self) -> bool:
        """Whether only some importers of the country are covered."""
        return self.scope == "partial"


@dataclass(frozen=True)
class AdequacyList:
    """The whole list and the date it was last reviewed."""

    reviewed: dt.date
    countries: dict[str, Adequacy]
    organisations: dict[str, Adequacy]


@cache
def adequacy_list() -> AdequacyList:
    """Load the shipped list once."""
    text = resources.files("dpagen").joinpath("data/adequacy.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)

    def entries(table: dict[str, dict[str, object]]) -> dict[str, Adequacy]:
        return {code: Adequacy(code=code, **fields) for code, fields in table.items()}  # type: ignore[arg-type]

    return AdequacyList(data["reviewed"], entries(data["countries"]), entries(data.get("organisations", {})))


def decision_for(code: str) -> Adequacy | None:
    """The adequacy decision covering a country, if any."""
    return adequacy_list().countries.get(code.upper())


def fully_adequate(code: str) -> bool:
    """Whether every importer in the country is covered by an adequacy decision."""
    decision = decision_for(code)
    return decision is not None and not decision.partial


def adequacy_gap(code: str, safeguard: TransferSafeguard) -> str | None:
    """Why mechanism 'adequacy' does not cover a transfer to ``code``: 'none', 'condition', or None."""
    if in_eea(code):
        return None
    decision = decision_for(code)
    if decision is None:
        return "none"
    if decision.condition and not getattr(safeguard, decision.condition, False):
        return "condition"
    return None
