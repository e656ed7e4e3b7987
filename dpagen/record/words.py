"""Plain FR/EN wording shared by the record and the breach kit (dates, enum labels, lists)."""

from __future__ import annotations

import datetime as dt
import string
from functools import cache
from typing import Any

from ..errors import DpagenError
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


class _Plain(string.Formatter):
    """``{name}`` placeholders only: no attribute, index or conversion (the wording is the legal team's data)."""

    def get_field(self, field_name: str, args: Any, kwargs: Any) -> Any:
        if not field_name.isidentifier() or field_name not in kwargs:
            known = ", ".join(sorted(kwargs)) or "none"
            raise DpagenError(f"unknown placeholder {{{field_name}}} (known here: {known})")
        return kwargs[field_name], field_name

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion:
            raise DpagenError("a placeholder takes no conversion (!r, !s)")
        return value


def phrase(lexicon: dict[str, dict[str, str]], group: str, key: str, **values: object) -> str:
    """A wording entry of the clause library (``[group] key``) with its ``{name}`` placeholders filled in."""
    text = lexicon.get(group, {}).get(key)
    if text is None:
        raise DpagenError(f"the clause library has no wording [{group}] '{key}' (clauses/*/_words.toml)")
    try:
        return _Plain().format(text, **values)
    except DpagenError as exc:
        raise DpagenError(f"wording [{group}] '{key}': {exc.message}") from None
    except (ValueError, IndexError) as exc:
        raise DpagenError(f"wording [{group}] '{key}': {exc}") from None
