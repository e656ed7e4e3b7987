"""The rule registry: each rule is one small function declared with its metadata.

A rule module decorates a function with :func:`rule`; the function receives a description and yields
:class:`Hit` objects (a JSON path and the values its message needs). Adding a rule touches nothing else.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..geo import country_name
from ..model import Description, Role
from ..typography import french_spacing
from .finding import DOCUMENTS, Finding, Severity

SECTIONS: dict[str, dict[str, str]] = {
    "parties": {"fr": "Parties", "en": "Parties"},
    "processing": {"fr": "Description du traitement", "en": "Description of the processing"},
    "contract": {"fr": "Contrat de sous-traitance (art. 28)", "en": "Processing agreement (Art. 28)"},
    "notice": {"fr": "Information des personnes (art. 13 et 14)", "en": "Information to people (Arts 13-14)"},
    "breach": {"fr": "Violations de données", "en": "Personal-data breaches"},
    "transfers": {"fr": "Transferts hors EEE (chapitre V)", "en": "Transfers outside the EEA (Chapter V)"},
    "subprocessors": {"fr": "Sous-traitants ultérieurs", "en": "Subprocessors"},
    "special": {"fr": "Données sensibles (art. 9 et 10)", "en": "Special categories (Arts 9-10)"},
    "audits": {"fr": "Audits", "en": "Audits"},
    "end": {"fr": "Fin du contrat", "en": "End of the contract"},
    "cookies": {"fr": "Cookies et traceurs", "en": "Cookies and trackers"},
    "marketing": {"fr": "Prospection", "en": "Direct marketing"},
    "coherence": {"fr": "Cohérence", "en": "Coherence"},
    "documents": {"fr": "Mentions des documents", "en": "What the documents state"},
}
"""Sections in report order, with their titles."""


class Localised(Protocol):
    """A message value that reads differently in French and English."""

    def localise(self, language: str) -> str:
        """The value in the given language."""
        ...


@dataclass(frozen=True)
class Words:
    """A short text given in both languages, e.g. ``Words("le responsable", "the controller")``."""

    fr: str
    en: str

    def localise(self, language: str) -> str:
        """The French or English text."""
        return self.fr if language == "fr" else self.en


@dataclass(frozen=True)
class Countries:
    """One or more country codes, printed as names with their codes."""

    codes: tuple[str, ...]

    def localise(self, language: str) -> str:
        """E.g. ``États-Unis (US)``, or a list joined with 'et' / 'and'."""
        names = [f"{country_name(c, language)} ({c})" for c in self.codes]
        word = " et " if language == "fr" else " and "
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + word + names[-1]


@dataclass(frozen=True)
class Scope:
    """Which descriptions a rule applies to, by the roles they describe."""

    id: str
    applies: Callable[[Description], bool]
    label: dict[str, str]
    documents: tuple[str, ...]
    """The documents the rule's errors block by default."""


ANY = Scope("any", lambda d: True, {"fr": "toute description", "en": "every description"}, DOCUMENTS)
PARTY = Scope(
    "party",
    lambda d: d.controller is not None or d.processor is not None,
    {"fr": "dès qu'une partie est décrite", "en": "once a party is described"},
    ("dpa", "privacy-notice", "processor-charter"),
)
CONTRACT = Scope(
    "contract",
    lambda d: d.controller is not None and d.processor is not None,
    {"fr": "responsable et sous-traitant décrits (contrat)", "en": "controller and processor (contract)"},
    ("dpa",),
)
PROCESSOR = Scope(
    "processor",
    lambda d: d.processor is not None,
    {"fr": "sous-traitant décrit (contrat, charte)", "en": "a processor is described (contract, charter)"},
    ("dpa", "processor-charter"),
)
NOTICE = Scope(
    "notice",
    lambda d: (d.controller is not None and d.charter_publisher is Role.CONTROLLER)
    or (d.processor is not None and bool(d.processor_own_activities)),
    {
        "fr": "notice du responsable (publiée par lui), ou traitements propres du sous-traitant dans sa "
        "charte",
        "en": "the controller's own privacy notice, or the processor's own processing in its charter",
    },
    ("privacy-notice", "processor-charter"),
)


@dataclass(frozen=True)
class Hit:
    """Where a rule found a problem, with the values its message needs."""

    path: str
    params: dict[str, Any] = field(default_factory=dict)
    documents: tuple[str, ...] | None = None
    """Documents blocked by this hit, when they differ from the rule's."""
    checklist: tuple[str, ...] | None = None
    """The checklist items this hit concerns, when only some of the rule's do (one country's decision)."""
    articles: tuple[str, ...] | None = None
    """The articles this hit rests on, when they depend on the hit (the clause a document gap is in)."""


def hit(
    path: str,
    documents: tuple[str, ...] | None = None,
    *,
    checklist: tuple[str, ...] | None = None,
    articles: tuple[str, ...] | None = None,
    **params: Any,
) -> Hit:
    """Shorthand for :class:`Hit`."""
    return Hit(path, params, documents, checklist, articles)


Finder = Callable[[Description], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """One check, with everything a legal reader needs to know about it."""

    id: str
    section: str
    severity: Severity
    articles: tuple[str, ...]
    checklist: tuple[str, ...]
    scope: Scope
    documents: tuple[str, ...]
    summary: dict[str, str]
    """What the rule checks, for `dpagen check --rules`."""
    message: dict[str, str]
    """The finding's text, a ``str.format`` template filled from the hit's params."""
    find: Finder

    def placeholders(self, language: str) -> set[str]:
        """Names used by the message template of a language."""
        return {name for _, name, _, _ in string.Formatter().parse(self.message[language]) if name}

    def run(self, description: Description) -> Iterator[Finding]:
        """The findings of this rule for a description (none when its scope does not apply)."""
        if not self.scope.applies(description):
            return
        for h in self.find(description):
            yield Finding(
                rule=self.id,
                severity=self.severity,
                section=self.section,
                path=h.path,
                message={lang: self._format(lang, h.params) for lang in ("fr", "en")},
                articles=self.articles if h.articles is None else h.articles,
                checklist=self.checklist if h.checklist is None else h.checklist,
                documents=self.documents if h.documents is None else h.documents,
            )

    def _format(self, language: str, params: dict[str, Any]) -> str:
        values = {k: v.localise(language) if hasattr(v, "localise") else v for k, v in params.items()}
        text = self.message[language].format(**values)
        if language == "fr":
            text = french_spacing(text)
        return text[:1].upper() + text[1:]


RULES: list[Rule] = []
"""Every registered rule, in registration order."""


def rule(
    id: str,
    *,
    section: str,
    severity: Severity,
    articles: tuple[str, ...],
    checklist: tuple[str, ...],
    scope: Scope,
    summary: dict[str, str],
    message: dict[str, str],
    documents: tuple[str, ...] | None = None,
) -> Callable[[Finder], Finder]:
    """Register the decorated function as a rule."""
    if any(r.id == id for r in RULES):
        raise ValueError(f"duplicate rule id {id}")
    if section not in SECTIONS:
        raise ValueError(f"rule {id}: unknown section {section}")

    def register(find: Finder) -> Finder:
        RULES.append(
            Rule(
                id=id,
                section=section,
                severity=severity,
                articles=articles,
                checklist=checklist,
                scope=scope,
                documents=scope.documents if documents is None else documents,
                summary=summary,
                message=message,
                find=find,
            )
        )
        return find

    return register
