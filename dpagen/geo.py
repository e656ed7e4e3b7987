"""Countries: EU and EEA membership and localised names (ISO 3166-1 alpha-2 codes)."""

from __future__ import annotations

from functools import cache

EU = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)
"""The 27 member states (Greece as GR: the EU's own code EL is refused by the model with "did you mean GR?")."""

EU_OUTERMOST = frozenset("GF GP MQ RE YT MF AX".split())
"""Territories with their own ISO code that are part of the EU."""

EEA = EU | EU_OUTERMOST | frozenset({"IS", "LI", "NO"})
"""Where the GDPR applies directly: no Chapter V transfer within it."""


def in_eea(code: str | None) -> bool:
    """Whether a country code lies in the EEA (unknown counts as not)."""
    return code is not None and code.upper() in EEA


@cache
def country_name(code: str, language: str) -> str:
    """The country's common name in French or English, e.g. ``('US', 'fr')`` → ``États-Unis``."""
    import gettext

    import pycountry

    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code
    name = getattr(country, "common_name", None) or country.name
    if language == "en":
        return name
    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
    return translation.gettext(country.name) if name == country.name else translation.gettext(name)


@cache
def _laws() -> dict[str, dict[str, str]]:
    import tomllib
    from importlib import resources

    text = resources.files("dpagen").joinpath("data/laws.toml").read_text(encoding="utf-8")
    return {code: dict(words) for code, words in tomllib.loads(text).items()}


def law_of(code: str, language: str) -> str:
    """A country's law as a contract names it: ``('DE', 'fr')`` → « le droit allemand », "German law".

    A country without an entry in ``data/laws.toml`` is named after the words.
    """
    words = _laws().get(code.upper())
    if words is not None:
        return f"le droit {words['fr']}" if language == "fr" else words["en"]
    name = country_name(code, language)
    return f"le droit en vigueur dans le pays suivant\u00a0: {name}" if language == "fr" else f"the law of {name}"
