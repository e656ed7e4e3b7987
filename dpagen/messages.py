"""The model's errors as sentences in French or English, with a "did you mean" where one can be guessed.

pydantic's own messages are English and speak of types; this module words each error by its type and
context, adds the expected form of a date, and the close value of a list or the country code meant.
"""

from __future__ import annotations

import difflib
import functools
import re
from typing import Any

_TYPES: dict[str, tuple[str, str]] = {
    "missing": ("valeur obligatoire manquante", "required field is missing"),
    "string_type": ("un texte est attendu", "a text is expected"),
    "int_parsing": ("un nombre entier est attendu", "a whole number is expected"),
    "int_type": ("un nombre entier est attendu", "a whole number is expected"),
    "int_from_float": ("un nombre entier est attendu", "a whole number is expected"),
    "bool_parsing": ("oui ou non attendu (true ou false)", "yes or no expected (true or false)"),
    "bool_type": ("oui ou non attendu (true ou false)", "yes or no expected (true or false)"),
    "list_type": ("une liste est attendue", "a list is expected"),
    "dict_type": ("un objet est attendu", "an object is expected"),
    "model_type": ("un objet est attendu", "an object is expected"),
    "greater_than_equal": ("doit être supérieur ou égal à {ge}", "must be at least {ge}"),
    "less_than_equal": ("doit être inférieur ou égal à {le}", "must be at most {le}"),
    "greater_than": ("doit être supérieur à {gt}", "must be more than {gt}"),
    "less_than": ("doit être inférieur à {lt}", "must be less than {lt}"),
    "string_too_long": ("{max_length} caractères au plus", "at most {max_length} characters"),
    "string_too_short": ("{min_length} caractères au moins", "at least {min_length} characters"),
    "extra_forbidden": ("champ inconnu (vérifiez son orthographe ; `dpagen schema` liste les champs)",
                        "unknown field (check its spelling; `dpagen schema` lists the fields)"),
    "enum": ("valeur inconnue ; valeurs possibles : {expected}", "unknown value; expected {expected}"),
    "literal_error": ("valeur inconnue ; valeurs possibles : {expected}", "unknown value; expected {expected}"),
    "date": ("date attendue sous la forme AAAA-MM-JJ (ex. 2026-12-01)",
             "a date is expected, written YYYY-MM-DD (e.g. 2026-12-01)"),
    "email": ("adresse électronique invalide", "not a valid e-mail address"),
    "email_at": ("adresse électronique invalide : il manque le « @ »", "not a valid e-mail address: no '@'"),
    "did_you_mean": ("vouliez-vous dire {guess} ?", "did you mean {guess}?"),
}

_COUNTRY_ALIASES = {"UK": "GB", "EL": "GR", "EN": "GB"}
"""Codes people write for a country that ISO spells otherwise (the EU writes EL for Greece)."""

_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def _pick(key: str, language: str, **context: Any) -> str:
    fr, en = _TYPES[key]
    return (fr if language == "fr" else en).format(**context)


def message(error: dict[str, Any], language: str = "en") -> str:
    """One error of the model in words, in ``language`` ("fr" or "en"), with a guess when there is one."""
    kind = str(error.get("type", ""))
    ctx = dict(error.get("ctx") or {})
    value = error.get("input")
    text = _worded(kind, ctx, str(error.get("msg", "")), language)
    guess = suggestion(error)
    if guess is not None:
        text += " ; " if language == "fr" else "; "
        text += _pick("did_you_mean", language, guess=guess)
    elif kind.startswith("date") and isinstance(value, str):
        iso = _iso(value)
        if iso:
            text += " ; " if language == "fr" else "; "
            text += _pick("did_you_mean", language, guess=iso)
    return text


def _worded(kind: str, ctx: dict[str, Any], msg: str, language: str) -> str:
    if kind.startswith("date"):
        return _pick("date", language)
    if language != "fr" and kind not in ("missing", "extra_forbidden"):  # pydantic's English, prefix-free
        own = ctx.get("message_en")
        return str(own) if own else msg.removeprefix("Value error, ")
    if kind == "value_error" and "reason" in ctx:  # e-mail addresses
        return _pick("email_at" if "@" in str(ctx["reason"]) else "email", language)
    if kind in _TYPES:
        try:
            return _pick(kind, language, **ctx)
        except (KeyError, IndexError):
            pass
    own = ctx.get(f"message_{language}")  # the model's own errors carry both languages
    if own:
        return str(own)
    return msg[len("Value error, ") :] if msg.startswith("Value error, ") else msg


def _iso(text: str) -> str | None:
    """A day-first date (31/12/2026) in the expected form, when it is one."""
    match = _DAY_FIRST.match(text.strip())
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    if 1 <= day <= 31 and 1 <= month <= 12:
        return f"{year}-{month:02d}-{day:02d}"
    return None


def suggestion(error: dict[str, Any]) -> str | None:
    """The value probably meant: a close choice of a closed list, or the ISO code of a country."""
    kind = str(error.get("type", ""))
    value = error.get("input")
    if not isinstance(value, str) or not value.strip():
        return None
    ctx = dict(error.get("ctx") or {})
    if kind in ("enum", "literal_error"):
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return _closest(value, choices)
    if kind == "country_code":
        return country_guess(value)
    return None


def _closest(value: str, choices: list[str]) -> str | None:
    wanted = value.strip().lower().replace(" ", "_").replace("-", "_")
    found = difflib.get_close_matches(wanted, choices, n=1, cutoff=0.6)
    if found:
        return found[0]
    labels = _labels_for(choices)  # a French or English label typed instead of the value
    for choice, words in labels.items():
        if any(wanted.replace("_", " ") in w.lower() for w in words):
            return choice
    return None


def _labels_for(choices: list[str]) -> dict[str, list[str]]:
    """The labels (both languages) of the closed list whose values are ``choices``."""
    try:
        found: dict[str, list[str]] = {}
        for group in _builtin_labels().values():
            if isinstance(group, dict) and set(choices) <= set(group):
                for choice in choices:
                    words = group[choice]
                    found[choice] = [words[lang] for lang in ("fr", "en") if isinstance(words, dict) and lang in words]
                break
        return found
    except Exception:  # a hint only: never let it hide the error itself
        return {}


@functools.cache
def _builtin_labels() -> dict[str, Any]:
    """Dpagen's own ``clauses/_labels.toml``, read directly.

    This module sits below the clause library (which reports its own errors through it): it does not import it.
    """
    import tomllib

    from .resources import clauses_dir

    with (clauses_dir() / "_labels.toml").open("rb") as f:
        return tomllib.load(f)


def country_guess(value: str) -> str | None:
    """The ISO 3166-1 alpha-2 code meant by a code or a country's name ("UK" → GB, "France" → FR)."""
    import pycountry

    text = value.strip()
    alias = _COUNTRY_ALIASES.get(text.upper())
    if alias:
        return alias
    try:
        return str(pycountry.countries.lookup(text).alpha_2)
    except LookupError:
        pass
    try:
        found = pycountry.countries.search_fuzzy(text)
    except LookupError:
        return None
    return str(found[0].alpha_2) if found else None


# ---------------------------------------------------------------- number and gender agreement


def counted(count: int, one: str, many: str, language: str) -> str:
    """A count with its noun in agreement: « 0 finalité », « 1 finalité », « 2 finalités »; "1 purpose".

    French takes the singular for 0 and 1, English only for 1.
    """
    singular = count < 2 if language == "fr" else count == 1
    return f"{count} {one if singular else many}"


def agreed(word: str, *, feminine: bool = False, plural: bool = False) -> str:
    """A regular French participle or adjective agreeing in gender and number.

    « finalisé » → « finalisée », « finalisés », « finalisées ».
    """
    return word + ("e" if feminine else "") + ("s" if plural else "")
