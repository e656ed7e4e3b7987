"""Shared building blocks of the description model: strict base class and constrained types."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f\u2028\u2029]")


def error(kind: str, en: str, fr: str, **context: Any) -> PydanticCustomError:
    """A model error worded in English and French (``dpagen.messages`` picks the language)."""
    return PydanticCustomError(kind, en, {**context, "message_en": en, "message_fr": fr})


def _control_check(text: str, where: str = "", where_fr: str = "") -> None:
    match = _CONTROL.search(text)
    if match is not None:
        code = f"U+{ord(match.group()):04X}"
        raise error("control_character", f"{where}control character {code} is not allowed in text",
                    f"{where_fr}caractère de contrôle {code} interdit dans un texte")


def check_text(value: Any) -> Any:
    """Refuse control characters: docxtpl turns some into page breaks and drops others.

    In a list of texts the message names the item, e.g. ``item [2]: control character U+0007 …``.
    """
    if isinstance(value, str):
        _control_check(value)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                _control_check(item, f"item [{index}]: ", f"élément [{index}] : ")
    return value


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, text is trimmed and free of control characters."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        validate_assignment=True,
        use_enum_values=False,
    )

    @model_validator(mode="before")
    @classmethod
    def _blank_is_missing(cls, data: Any) -> Any:
        """A blank text (empty or spaces only) is no value: the key counts as absent, a list drops it."""
        if not isinstance(data, dict):
            return data
        clean: dict[Any, Any] = {}
        for key, value in data.items():
            if isinstance(value, str) and not value.strip():
                continue
            if isinstance(value, list) and any(isinstance(v, str) and not v.strip() for v in value):
                value = [v for v in value if not (isinstance(v, str) and not v.strip())]
            clean[key] = value
        return clean

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        return check_text(value)


def _country(value: str) -> str:
    import pycountry

    code = value.upper()
    if code == "XK" or pycountry.countries.get(alpha_2=code) is not None:
        return code
    raise error("country_code", f"'{value}' is not an ISO 3166-1 alpha-2 country code (e.g. FR, DE, US)",
                f"« {value} » n'est pas un code de pays à deux lettres ISO 3166-1 (ex. FR, DE, US)")


CountryCode = Annotated[
    str,
    Field(description="ISO 3166-1 alpha-2 country code, e.g. FR", json_schema_extra={"pattern": "^[A-Za-z]{2}$"}),
    AfterValidator(_country),
]
"""An ISO 3166-1 alpha-2 country code, upper case."""

Days = Annotated[int, Field(ge=0, le=3650)]
Hours = Annotated[int, Field(ge=1, le=8760)]


def _matching(pattern: str, expected: tuple[str, str]) -> AfterValidator:
    """A pattern check whose error says what is expected in words (en, fr), not as a regular expression."""
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        if not compiled.fullmatch(value):
            raise error("format", f"expected {expected[0]}", f"attendu : {expected[1]}")
        return value

    return AfterValidator(check)


def _formatted(pattern: str, expected: tuple[str, str], description: str) -> Any:
    schema: dict[str, Any] = {"pattern": f"^(?:{pattern})$"}
    return Annotated[str, _matching(pattern, expected), Field(description=description, json_schema_extra=schema)]


Url = _formatted(r"https?://\S+", ("an address starting with http:// or https://",
                                   "une adresse commençant par http:// ou https://"), "An http(s) address")
Phone = _formatted(
    r"\+?[0-9 ().\-]{6,25}", ("a phone number of digits, spaces and + ( ) . - (e.g. +33 4 72 00 00 00)",
                              "un numéro de téléphone : chiffres, espaces et + ( ) . - (ex. +33 4 72 00 00 00)"),
    "A phone number, e.g. +33 4 72 00 00 00",
)
Siren = _formatted(r"\d{3} ?\d{3} ?\d{3}", ("9 digits, e.g. 384 123 456", "9 chiffres, ex. 384 123 456"),
                   "9-digit SIREN")
Siret = _formatted(r"\d{3} ?\d{3} ?\d{3} ?\d{5}", ("14 digits, e.g. 384 123 456 00037",
                                                   "14 chiffres, ex. 384 123 456 00037"), "14-digit SIRET")
VatNumber = _formatted(
    r"[A-Z]{2}[0-9A-Z ]{2,14}", ("a country prefix and its number, e.g. FR 12 384123456",
                                 "le préfixe du pays et le numéro, ex. FR 12 384123456"), "Intra-EU VAT number"
)
