"""The model's verdict on a state: its errors, where they are, their messages without pydantic's prefixes."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..model import Description
from . import paths


def errors_of(state: dict[str, Any]) -> list[dict[str, Any]]:
    """The model's errors for a state (empty when it is a valid description)."""
    try:
        Description.model_validate(state)
    except ValidationError as exc:
        return [dict(error) for error in exc.errors(include_url=False)]
    return []


def error_path(error: dict[str, Any]) -> paths.JsonPath:
    """Where an error is in the description, without the steps pydantic adds for validator functions."""
    return tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))


def model_message(error: dict[str, Any], language: str = "en") -> str:
    """The model's message for one error, in the wizard's language."""
    from ..messages import message

    return message(error, language)
