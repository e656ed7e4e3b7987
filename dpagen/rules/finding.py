"""A finding of the compliance check: what is wrong, where, on which legal ground, and what to do."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

DOCUMENTS = ("dpa", "privacy-notice", "processor-charter", "subprocessors")
"""The document kinds a finding can block (the names `dpagen generate --doc` takes)."""

SEVERITY_WORDS: dict[str, dict[str, str]] = {
    "error": {"fr": "erreur", "en": "error"},
    "warning": {"fr": "attention", "en": "warning"},
    "info": {"fr": "info", "en": "info"},
}


@dataclass(frozen=True)
class Finding:
    """One problem found in a description by one rule."""

    rule: str
    severity: Severity
    section: str
    path: str
    message: dict[str, str] = field(hash=False)
    articles: tuple[str, ...]
    checklist: tuple[str, ...]
    documents: tuple[str, ...] = field(default=())
    """Documents whose final version this finding prevents (only when it is an error)."""
    also: tuple[str, ...] = field(default=())
    """Other rules that found the same gap at the same path, merged into this finding."""

    @property
    def rules(self) -> tuple[str, ...]:
        """The rule of this finding, then the rules merged into it."""
        return (self.rule, *self.also)

    def text(self, language: str = "en") -> str:
        """The explanation and advice in one language (English when the language is unknown)."""
        return self.message.get(language) or self.message["en"]

    def blocks(self, document: str) -> bool:
        """Whether this finding prevents a final document of the given kind (e.g. ``"dpa"``)."""
        return self.severity == "error" and document in self.documents

    def line(self, language: str = "en") -> str:
        """One readable line: severity, rule id, path, message and articles."""
        severity = SEVERITY_WORDS[self.severity].get(language, self.severity)
        return f"{severity} {self.rule} {self.path}: {self.text(language)} [{', '.join(self.articles)}]"

    def to_dict(self, language: str = "en") -> dict[str, Any]:
        """JSON-ready form, for `dpagen check --format json`."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "section": self.section,
            "path": self.path,
            "message": self.text(language),
            "messages": dict(self.message),
            "articles": list(self.articles),
            "checklist": list(self.checklist),
            "blocks": [d for d in self.documents if self.blocks(d)],
            "also": list(self.also),
        }
