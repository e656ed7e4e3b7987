"""`dpagen check`: run the rules on files and print a table grouped by section, or JSON for CI."""

from __future__ import annotations

import json
import sys
import textwrap
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

from ..authorities import authority_list
from ..errors import EXIT_INVALID, EXIT_OK, EXIT_USAGE, DpagenError, UsageError
from ..geo import country_name
from . import check, rules_in_order
from .adequacy import adequacy_list
from .finding import SEVERITIES, SEVERITY_WORDS, Finding
from .registry import SECTIONS, Rule

WIDTH = 100
_INDENT = " " * 17

_WORDS = {
    "fr": {
        "error": ("erreur", "erreurs"),
        "warning": ("avertissement", "avertissements"),
        "info": ("info", "infos"),
        "none": "aucune remarque",
        "checklist": "liste de contrôle",
        "applies": "s'applique à",
        "blocks": "bloque",
        "nothing": "rien",
        "rules": "règles",
        "adequacy": "Décisions d'adéquation (art. 45), liste revue le",
        "unverified": "(référence à vérifier)",
        "authorities": "Autorités de contrôle de l'EEE (art. 51 et 56), liste revue le",
        "address_unverified": "(adresse à vérifier : ville et site seulement)",
        "colon": " :",
    },
    "en": {
        "error": ("error", "errors"),
        "warning": ("warning", "warnings"),
        "info": ("info", "info"),
        "none": "no findings",
        "checklist": "checklist",
        "applies": "applies to",
        "blocks": "blocks",
        "nothing": "nothing",
        "rules": "rules",
        "adequacy": "Adequacy decisions (Art. 45), list reviewed on",
        "unverified": "(reference to be verified)",
        "authorities": "Supervisory authorities of the EEA (Arts 51 and 56), list reviewed on",
        "address_unverified": "(address to be verified: city and website only)",
        "colon": ":",
    },
}


def _count(n: int, severity: str, language: str) -> str:
    from ..messages import counted

    one, many = _WORDS[language][severity]
    return counted(n, one, many, language)


def _wrap(text: str, indent: str = _INDENT) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False)


def summary_line(source: str, findings: list[Finding], language: str) -> str:
    """E.g. ``desc.json: 2 errors, 1 warning, 0 info``."""
    counts = Counter(f.severity for f in findings)
    parts = ", ".join(_count(counts[s], s, language) for s in SEVERITIES)
    return f"{source}{_WORDS[language]['colon']} {parts}"


def format_text(source: str, findings: list[Finding], language: str) -> str:
    """A readable table of one file's findings, grouped by section."""
    words = _WORDS[language]
    lines = [summary_line(source, findings, language)]
    if not findings:
        lines.append(f"  {words['none']}")
    for section, title in SECTIONS.items():
        group = [f for f in findings if f.section == section]
        if not group:
            continue
        lines += ["", f"  {title[language]}"]
        for f in group:
            severity = SEVERITY_WORDS[f.severity][language]
            lines.append(f"    {severity:<13}{f.rule}  {f.path}")
            lines.append(_wrap(f.text(language)))
            refs = ", ".join(f.articles)
            lines.append(_wrap(f"{refs} · {words['checklist']} {', '.join(f.checklist)}"))
    return "\n".join(lines)


def _rule_dict(r: Rule) -> dict[str, Any]:
    return {
        "id": r.id,
        "section": r.section,
        "severity": r.severity,
        "articles": list(r.articles),
        "checklist": list(r.checklist),
        "scope": r.scope.id,
        "applies_to": dict(r.scope.label),
        "blocks": list(r.documents) if r.severity == "error" else [],
        "summary": dict(r.summary),
    }


def format_rules_text(language: str) -> str:
    """Every rule, grouped by section, for a legal reader."""
    words = _WORDS[language]
    rules = rules_in_order()
    lines = [f"dpagen check — {len(rules)} {words['rules']}"]
    for section, title in SECTIONS.items():
        group = [r for r in rules if r.section == section]
        if not group:
            continue
        lines += ["", title[language]]
        for r in group:
            severity = SEVERITY_WORDS[r.severity][language]
            blocks = ", ".join(r.documents) if r.severity == "error" else words["nothing"]
            lines.append(f"  {r.id}  [{severity}]")
            lines.append(_wrap(r.summary[language], "    "))
            refs = f"{', '.join(r.articles)} · {words['checklist']} {', '.join(r.checklist)}"
            lines.append(_wrap(refs, "    "))
            colon = "\u00a0:" if language == "fr" else ":"
            scope = f"{words['applies']}{colon} {r.scope.label[language]}"
            lines.append(_wrap(f"{scope} · {words['blocks']}{colon} {blocks}", "    "))
    adequacy = adequacy_list()
    lines += ["", f"{words['adequacy']} {adequacy.reviewed.isoformat()}"]
    for a in [*adequacy.countries.values(), *adequacy.organisations.values()]:
        flag = f" {words['unverified']}" if a.unverified else ""
        name = country_name(a.code, language) if a.code in adequacy.countries else a.name
        entry = f"{a.code:<4} {name} — {a.decision}, {a.date.isoformat()} ({a.scope}){flag}"
        lines.append(_wrap(entry, "  "))
    authorities = authority_list()
    lines += ["", f"{words['authorities']} {authorities.reviewed.isoformat()}"]
    for sa in authorities.countries.values():
        flag = f" {words['address_unverified']}" if sa.unverified else ""
        lines.append(_wrap(f"{sa.code:<4} {sa.name[language]} — {sa.website}{flag}", "  "))
    return "\n".join(lines)


def _rules_json() -> dict[str, Any]:
    adequacy = adequacy_list()
    return {
        "rules": [_rule_dict(r) for r in rules_in_order()],
        "adequacy": {
            "reviewed": adequacy.reviewed.isoformat(),
            "countries": {
                a.code: {"name": a.name, "decision": a.decision, "date": a.date.isoformat(), "scope": a.scope,
                         "checklist": a.checklist, "unverified": a.unverified}
                for a in adequacy.countries.values()
            },
        },
        "authorities": {
            "reviewed": authority_list().reviewed.isoformat(),
            "countries": {
                code: {"name": entry.name, "short": entry.short, "website": entry.website,
                       "street": entry.street, "postal_code": entry.postal_code, "city": entry.city,
                       "unverified": entry.unverified}
                for code, entry in authority_list().countries.items()
            },
        },
    }


def run_check(
    files: list[Path],
    *,
    output_format: str,
    language: str | None,
    list_rules: bool,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Check each file and print the findings; return 0 (no errors), 1 (errors) or 2 (unusable input).

    A file that cannot be used — unreadable, not JSON, or not a valid description — is reported on
    stderr, gives status 2 ("unusable input"), and the other files are still checked.
    """
    from ..io import load

    out = out or sys.stdout
    err = err or sys.stderr
    if list_rules:
        if files:
            raise UsageError("--rules lists the rules and takes no FILE")
        if output_format == "json":
            out.write(json.dumps(_rules_json(), ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(format_rules_text(language or "fr") + "\n")
        return EXIT_OK
    if not files:
        raise UsageError("check needs at least one FILE (or --rules to list the rules)")
    status = EXIT_OK
    reports: list[dict[str, Any]] = []
    texts: list[str] = []
    for path in files:
        try:
            description = load(path)
        except DpagenError as exc:
            print(exc.render(), file=err)
            status = max(status, EXIT_USAGE)
            reports.append({"file": str(path), "unusable": True, "exit_code": EXIT_USAGE,
                            "error": exc.render()})
            continue
        lang = language or description.output_language
        findings = check(description)
        counts = Counter(f.severity for f in findings)
        if counts["error"]:
            status = max(status, EXIT_INVALID)
        reports.append({
            "file": str(path),
            "unusable": False,
            "language": lang,
            "counts": {s: counts[s] for s in SEVERITIES},
            "findings": [f.to_dict(lang) for f in findings],
        })
        texts.append(format_text(str(path), findings, lang))
    if output_format == "json":
        totals = {s: sum(r["counts"][s] for r in reports if "counts" in r) for s in SEVERITIES}
        document = {"files": reports, "counts": totals, "exit_code": status}
        out.write(json.dumps(document, ensure_ascii=False, indent=2))
        out.write("\n")
    elif texts:
        out.write("\n\n".join(texts) + "\n")
    return status
