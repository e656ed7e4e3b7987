"""The compliance check: GDPR rules, each with its articles, checklist items and FR/EN advice.

``check(description)`` runs every registered rule whose scope fits the roles the description has and
returns the findings sorted by section, then rule id, then path. Rules live in one module per section;
each is a small function declared with :func:`dpagen.rules.registry.rule`.
"""

from __future__ import annotations

from ..model import Description
from . import (  # noqa: F401  (importing a module registers its rules)
    audits,
    breach,
    coherence,
    contract,
    cookies,
    documents,
    ending,
    establishment,
    marketing,
    notice,
    parties,
    processing,
    special,
    subprocessors,
    transfers,
)
from .finding import DOCUMENTS, Finding, Severity
from .registry import RULES, SECTIONS, Rule

__all__ = ["DOCUMENTS", "RULES", "SECTIONS", "Finding", "Rule", "Severity", "check", "rules_in_order"]

_SECTION_ORDER = {name: i for i, name in enumerate(SECTIONS)}


def rules_in_order() -> list[Rule]:
    """Every rule, sorted by section then id (the order of `dpagen check --rules`)."""
    return sorted(RULES, key=lambda r: (_SECTION_ORDER[r.section], r.id))


def check(description: Description, *, skip: tuple[str, ...] = ()) -> list[Finding]:
    """Review a description; return its findings sorted by section, then rule id, then path.

    ``skip`` names rules not to run (``dpagen generate`` skips the document-gap rule: its own build
    reports those gaps, and the rule costs a build of every document).
    """
    findings = [f for r in RULES if r.id not in skip for f in r.run(description)]
    return sorted(_without_repeats(findings), key=lambda f: (_SECTION_ORDER[f.section], f.rule, f.path))


def _without_repeats(findings: list[Finding]) -> list[Finding]:
    """Drop a document gap that another finding already explains (same field, or one inside it)."""
    explained = [f.path for f in findings if f.rule != documents.RULE_ID and f.severity == "error"]

    def covered(path: str) -> bool:
        return any(path == p or path.startswith((p + ".", p + "[")) for p in explained)

    return [f for f in findings if f.rule != documents.RULE_ID or not covered(f.path)]
