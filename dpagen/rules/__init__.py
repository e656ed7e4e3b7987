"""The compliance check: GDPR rules, each with its articles, checklist items and FR/EN advice.

``check(description)`` runs every registered rule whose scope fits the roles the description has and
returns the findings sorted by section, then rule id, then path. Rules live in one module per section;
each is a small function declared with :func:`dpagen.rules.registry.rule`.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Description
from . import (  # noqa: F401  (importing a module registers its rules)
    audits,
    automated,
    breach,
    coherence,
    contract,
    cookies,
    documents,
    dpia,
    ending,
    establishment,
    health,
    marketing,
    notice,
    options,
    parties,
    processing,
    record,
    special,
    subprocessor_scope,
    subprocessors,
    transfers,
)
from .finding import BLOCKABLE, DOCUMENTS, Finding, Severity
from .registry import RULES, SECTIONS, Rule

__all__ = ["BLOCKABLE", "DOCUMENTS", "RULES", "SECTIONS", "Finding", "Rule", "Severity", "check", "rules_in_order"]

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
    """One finding per gap: a document gap and another rule's finding on the same field become one.

    A document gap (a value a clause must state) inside a field that another rule already reports is the
    same gap. When that rule's finding is an error, it stays alone and blocks the gap's documents too;
    when it is only a warning or an info, the gap (an error: the document cannot be final) stays, with
    the rule's explanation and articles added (``also`` names the rule). So a missing value is never
    reported once as a warning and again as an error.
    """
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.path, []).append(f)
    specific = [p for p, group in groups.items() if any(f.rule != documents.RULE_ID for f in group)]
    for path in list(groups):  # a gap inside a field another rule speaks of joins that field's findings
        if all(f.rule == documents.RULE_ID for f in groups[path]):
            outer = next((p for p in specific if path.startswith((p + ".", p + "["))), None)
            if outer is not None:
                groups[outer] += groups.pop(path)
    return [f for group in groups.values() for f in _merge(group)]


def _merge(group: list[Finding]) -> list[Finding]:
    """The findings of one field, with its document gaps merged into the other rules' findings."""
    gaps = [f for f in group if f.rule == documents.RULE_ID]
    others = [f for f in group if f.rule != documents.RULE_ID]
    if not gaps or not others:
        return group
    blocked = tuple(d for g in gaps for d in g.documents)
    errors = [f for f in others if f.severity == "error"]
    if errors:
        first = errors[0]
        return [
            replace(f, documents=tuple(dict.fromkeys((*f.documents, *blocked)))) if f is first else f
            for f in others
        ]
    merged = [
        replace(
            gap,
            message={lang: " ".join([gap.text(lang), *(f.text(lang) for f in others)]) for lang in ("fr", "en")},
            articles=tuple(dict.fromkeys(a for f in (gap, *others) for a in f.articles)),
            checklist=tuple(dict.fromkeys(c for f in (gap, *others) for c in f.checklist)),
            also=tuple(dict.fromkeys(f.rule for f in others)),
        )
        for gap in gaps[:1]
    ]
    return merged + gaps[1:]
