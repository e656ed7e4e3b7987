"""The DPO's documents for :func:`dpagen.generate.produce`: the Art. 30 record and the breach kit.

The record reads a LIST of descriptions (the one generated and ``Request.clients``: every client of a
processor) and gives ONE record with a section per controller; the breach kit gives each description whose
data the incident involves its own documents. This module drafts; ``generate`` checks, writes and reports.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import UsageError
from .output import safe_filename

if TYPE_CHECKING:
    from pathlib import Path

    from .clauses import Library
    from .doctree import Document
    from .model import Description
    from .record import Record

RECORD = "record"
BREACH = ("breach", "breach-controller-notice", "breach-authority-notice", "breach-communication", "breach-register")
DPO_DOCUMENTS = (RECORD, *BREACH)
XLSX = "xlsx"


@dataclass
class Drafted:
    """One DPO document: its tree (or None when refused), its file name stem, and why it is not written."""

    document: str
    tree: Document | None = None
    stem: str = ""
    record: Record | None = None  # the record itself, for the XLSX writer
    problems: list[str] = field(default_factory=list)  # a final refused: what it lacks
    reason: str = ""  # does not apply: why


def is_dpo_request(documents: list[str]) -> bool:
    """Whether a request asks for the record or breach documents (which are generated on their own)."""
    asked = set(documents)
    if not asked & set(DPO_DOCUMENTS):
        return False
    if asked - set(DPO_DOCUMENTS) or (RECORD in asked and len(asked) > 1):
        raise UsageError("--doc record and the breach documents are generated on their own, not with others")
    return True


def check_formats(documents: list[str], formats: list[str]) -> None:
    """XLSX is the record's only: refused, with the formats that work, for any other document."""
    if XLSX in formats and RECORD not in documents:
        raise UsageError("XLSX is offered for the record only (--doc record); other documents: docx, pdf, html, md")


def draft_record(
    descriptions: list[Description], language: str | None, draft: bool, sources: list[str],
    library: Library | None = None,
) -> Drafted:
    """The record over every description given; a final lists each Art. 30 item missing, with its file."""
    from .record import record_for
    from .record.tree import record_tree

    lexicon = library.labels_in(language) if library and language else None
    record = record_for(descriptions, language, sources, lexicon)
    gaps = record.gaps()
    stem = safe_filename(RECORD, record.holder, record.language)
    if gaps and not draft:
        return Drafted(RECORD, stem=stem, problems=[f"value missing: {gap}" for gap in gaps])
    return Drafted(RECORD, record_tree(record, draft=draft), stem, record)


def draft_breach(
    description: Description,
    incident_path: Path | None,
    documents: list[str],
    *,
    language: str,
    draft: bool,
    now: dt.datetime | None,
    library: Library | None = None,
) -> list[Drafted]:
    """Each requested breach document for one description (not applicable when its data is not involved)."""
    from .incident.kit import applies, breach_document, drafting_time, not_involved, wanted
    from .incident.model import load_incident

    if incident_path is None:
        raise UsageError("the breach documents need an incident: --incident INCIDENT.json "
                         "(write one with 'dpagen breach new --out incident.json')")
    incident = load_incident(incident_path)
    now = drafting_time(incident, now)
    names = wanted(documents)
    outside = not_involved(incident, description)
    who = description.controller.display_name if description.controller else None
    out = []
    for name in names:
        stem = safe_filename(name, incident.reference or "", who or "", language)
        if outside:
            out.append(Drafted(name, stem=stem, reason=outside))
        elif not applies(name, description):
            out.append(Drafted(name, stem=stem, reason="it needs a processor in the description"))
        else:
            tree, lacks = breach_document(incident, description, name, language=language, draft=draft, now=now,
                                          lexicon=library.labels_in(language) if library else None)
            out.append(Drafted(name, tree, stem, problems=[f"incident value missing: {line}" for line in lacks]))
    return out
