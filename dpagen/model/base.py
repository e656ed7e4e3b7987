"""Shared building blocks of the description model: strict base class and constrained types."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f\u2028\u2029]")


def _control_error(text: str, where: str = "") -> ValueError | None:
    match = _CONTROL.search(text)
    if match is None:
        return None
    return ValueError(f"{where}control character U+{ord(match.group()):04X} is not allowed in text")


def _check_text(value: Any) -> Any:
    """Refuse control characters: docxtpl turns some into page breaks and drops others.

    In a list of texts the message names the item, e.g. ``item [2]: control character U+0007 …``.
    """
    if isinstance(value, str):
        error = _control_error(value)
        if error:
            raise error
    elif isinstance(value, list):
        for index, item in enumerate(value):
            error = _control_error(item, f"item [{index}]: ") if isinstance(item, str) else None
            if error:
                raise error
    return value


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, text is trimmed and free of control characters."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        validate_assignment=True,
        use_enum_values=False,
    )

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        return _check_text(value)


def _country(value: str) -> str:
    import pycountry

    code = value.upper()
    if code == "EL":  # the EU's code for Greece
        code = "GR"
    if code == "XK" or pycountry.countries.get(alpha_2=code) is not None:
        return code
    raise ValueError(f"'{value}' is not an ISO 3166-1 alpha-2 country code (e.g. FR, DE, US)")


CountryCode = Annotated[
    str,
    Field(min_length=2, max_length=2, description="ISO 3166-1 alpha-2 country code, e.g. FR"),
    AfterValidator(_country),
]
"""An ISO 3166-1 alpha-2 country code, upper case."""

Days = Annotated[int, Field(ge=0, le=3650)]
Hours = Annotated[int, Field(ge=1, le=8760)]
Url = Annotated[str, Field(pattern=r"^https?://[^\s]+$", description="An http(s) address")]
Phone = Annotated[str, Field(pattern=r"^\+?[0-9 ().\-]{6,25}$", description="A phone number, e.g. +33 4 72 00 00 00")]
