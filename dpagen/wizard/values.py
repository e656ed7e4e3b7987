"""Answers and the model's values: a raw answer to a JSON value, a value back to a prompt default.

Also the value as the model stores it (``canonical``: upper-case country, ISO date), and the prompt
kind each question kind is asked with.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError
from pydantic_core import to_jsonable_python

from . import paths
from .prompter import PromptKind

PROMPT_KINDS: dict[str, PromptKind] = {
    "text": "text", "int": "text", "date": "text", "list": "text",
    "confirm": "confirm", "tristate": "select", "select": "select", "multi": "checkbox",
}
"""The prompt each question kind (``nodes.Kind``) is asked with."""

_TRISTATE = {"yes": True, "no": False}
_FR_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def convert(kind: str, raw: Any) -> Any:
    """Turn a raw answer into the JSON value to validate (None or [] means unset)."""
    if kind in ("confirm", "multi"):
        return raw
    if kind == "select":
        return raw or None
    if kind == "tristate":
        return _TRISTATE.get(str(raw or ""))
    text = str(raw if raw is not None else "").strip()
    if kind == "list":
        return [item.strip() for item in text.split(";") if item.strip()]
    if not text:
        return None
    if kind == "date":
        match = _FR_DATE.match(text)
        if match:
            day, month, year = match.groups()
            return f"{year}-{int(month):02d}-{int(day):02d}"
    return text


def display(kind: str, value: Any) -> Any:
    """A current value as a prompt default."""
    if kind == "confirm":
        return bool(value)
    if kind == "multi":
        return list(value or [])
    if kind == "select":
        return value if value is not None else ""
    if kind == "tristate":
        return {True: "yes", False: "no"}.get(value, "") if isinstance(value, bool) else ""
    if value is None:
        return ""
    if kind == "list":
        return "; ".join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def canonical(path: paths.JsonPath, value: Any) -> Any:
    """The value as the model stores it (upper-case country, int from text, ISO date), in JSON form."""
    info = paths.field_info(path)
    if info is None or value is None or (isinstance(value, list | dict) and not value):
        return value
    try:
        adapter = _adapter(path)
        return to_jsonable_python(adapter.validate_python(value), by_alias=True)
    except (ValidationError, TypeError):
        return value


_ADAPTERS: dict[tuple[str, ...], TypeAdapter[Any]] = {}


def _adapter(path: paths.JsonPath) -> TypeAdapter[Any]:
    """The validator of the field at ``path`` (with its constraints), built once per field."""
    key = tuple(p for p in path if isinstance(p, str))
    if key not in _ADAPTERS:
        info = paths.field_info(path)
        assert info is not None
        annotation: Any = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
        _ADAPTERS[key] = TypeAdapter(annotation)
    return _ADAPTERS[key]


def without_nulls(data: dict[str, Any]) -> dict[str, Any]:
    """An object without its unset (null) fields, at every level."""
    return {k: without_nulls(v) if isinstance(v, dict) else v for k, v in data.items() if v is not None}
