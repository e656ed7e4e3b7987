"""Plain FR/EN wording shared by the record and the breach kit (dates, enum labels, lists)."""

from __future__ import annotations

import datetime as dt
from functools import cache

from ..templating import MONTHS


def date_text(value: dt.date | None, language: str) -> str | None:
    """'1er décembre 2026' / '1 December 2026', or None."""
    if value is None:
        return None
    day = "1er" if value.day == 1 and language == "fr" else str(value.day)
    return f"{day} {MONTHS[language][value.month - 1]} {value.year}"


@cache
def labels(language: str) -> dict[str, dict[str, str]]:
    """The clause library's enum and writer labels in one language."""
    from ..clauses import load_library

    return load_library().labels_in(language)


def label(group: str, value: object, language: str) -> str:
    """The label of an enum value ('consent' → 'consentement (art. 6.1.a du RGPD)')."""
    key = getattr(value, "value", value)
    return labels(language).get(group, {}).get(str(key), str(key))


def joined(items: list[str], sep: str = "; ") -> str | None:
    """Non-blank items joined, or None when there are none."""
    kept = [i.strip() for i in items if i and i.strip()]
    return sep.join(dict.fromkeys(kept)) if kept else None
