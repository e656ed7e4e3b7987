"""The description's own texts in the language of a document.

A description is written in one language (``document.language``). For documents in another language, its
``translations`` give, per language, each text exactly as written → its translation. Templates see the
translated texts (``templating.wrap``); names, addresses, e-mails, identifiers and other proper nouns are
never translated. :func:`untranslated` lists what is still missing, for ``dpagen translations`` and for
the note ``dpagen generate`` prints.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum
from typing import Any

from pydantic import BaseModel

from .model import Description

_NEVER = re.compile(
    r"(?:^|\.)(?:schema_ref|legal_name|brand|legal_form|share_capital|street|postal_code|city|rcs_city|siren"
    r"|siret|vat_number|other|email|phone|website|url|entity|reference|version|contact|processor_contact"
    r"|country|countries|data_locations|governing_law|certifications|certifier|translations)(?:\[\d+\])?$"
    r"|(?:representative|signatories\[\d+\]|eu_representative|subprocessors\[\d+\]|cookies\[\d+\]|subprocessors\[\d+\]\.contact"
    r"|joint_controllers\[\d+\])\.name$"
)
"""Paths of texts that stay as written in every language: names, addresses, identifiers, contacts."""


def translatable(path: str) -> bool:
    """Whether the text at this JSON path (``activities[0].name``) is prose that a translation may replace."""
    return not _NEVER.search(path)


def own_language(model: Any) -> str:
    """The language a description (``document.language``) or an incident (``language``) is written in."""
    document = getattr(model, "document", None)
    return str(document.language if document is not None else model.language)


def own_texts(model: Any) -> Iterator[tuple[str, str]]:
    """A model's texts to translate: an incident says which are its own (``own_texts``); else every prose text."""
    method = getattr(model, "own_texts", None)
    return method() if callable(method) else texts(model)


def table(description: Description | Any, language: str) -> dict[str, str]:
    """Text as written → its translation in ``language`` (texts not translated yet are left out)."""
    for lang, entries in description.translations.items():
        if lang == language:  # a Language is a str
            return {source: text for source, text in entries.items() if text}
    return {}


def for_document(description: Description, language: str) -> dict[str, str]:
    """The translations a document in ``language`` reads: none in the description's own language."""
    return {} if language == description.document.language else table(description, language)


def texts(model: BaseModel, path: str = "") -> Iterator[tuple[str, str]]:
    """Every translatable text of a model, with its JSON path, in the model's order."""
    for name in type(model).model_fields:
        yield from _texts(getattr(model, name), f"{path}.{name}" if path else name)


def _texts(value: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, BaseModel):
        yield from texts(value, path)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, f"{path}[{i}]")
    elif isinstance(value, str) and not isinstance(value, Enum) and _words(value) and translatable(path):
        yield path, value


_ADDRESS = re.compile(r"\S+@\S+|[a-z][a-z0-9+.-]*://\S+")


def _words(text: str) -> bool:
    """Whether a text has words to translate (not an e-mail or web address, not only digits and signs)."""
    return any(c.isalpha() for c in text) and not _ADDRESS.fullmatch(text.strip())


def untranslated(description: Description | Any, language: str) -> dict[str, str]:
    """Texts with no translation in ``language`` → the path of their first use; empty for the own language.

    Works for a description and for an incident (its free text: what happened, consequences, measures…).
    """
    if language == own_language(description):
        return {}
    done = table(description, language)
    missing: dict[str, str] = {}
    for path, text in own_texts(description):
        if text not in done:
            missing.setdefault(text, path)
    return missing


def given_by(description: Description, language: str) -> set[str]:
    """The texts a description already gives in ``language`` (an incident's activity names read these).

    Its own texts when it is written in that language, else those its ``translations`` translate.
    """
    if own_language(description) == language:
        return {text for _, text in texts(description)}
    return set(table(description, language))


def unused(description: Description | Any, language: str) -> list[str]:
    """Translated texts that no text of the description matches any more (edited or removed since)."""
    used = {text for _, text in own_texts(description)}
    return [source for source in table(description, language) if source not in used]


def shown_untranslated(description: Description, language: str, document_text: str) -> dict[str, str]:
    """Texts a document in ``language`` shows as written, untranslated: JSON path → text.

    "In the other language" is known from the description itself, not guessed: a document in a language
    other than ``document.language`` reads each of the description's own texts from ``translations``; a
    text without a (non-empty) translation there is printed as written, in the description's language.
    A text is reported when the document shows it (its words appear in the document's text); a text that
    stays the same in both languages (a brand, "CRM") is mapped to itself to say so.
    """
    shown = " ".join(document_text.split())
    found: dict[str, str] = {}
    for text, path in untranslated(description, language).items():
        words = " ".join(text.split()).rstrip(".")
        if words and words in shown:
            found[path] = text
    return found


def fix_hint(language: str, file: str = "FILE") -> str:
    """The command that lists the texts to translate, ready to fill in."""
    return f"dpagen translations {file} --lang {language} --write, then fill in translations.{language}"
