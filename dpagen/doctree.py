"""The format-neutral document tree: what every writer lays out, and nothing a writer must compute.

Clauses are rendered once (``build``) into these nodes; the DOCX, HTML/PDF and Markdown writers only
walk them. Numbers, labels, cross-references and blanks are resolved before a writer sees the tree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

SpanKind = Literal["text", "strong", "blank", "ins", "del"]
"""``ins`` / ``del``: text inserted or deleted since a previous version, in a redline (``redline.py``)."""
Layout = Literal["report", "compact"]
"""How a document opens. ``report``: a cover page, then a contents page, then the body. ``compact``: a
title block (title, subtitle, parties, version and date) at the top of page 1, the body right after it."""


@dataclass(frozen=True)
class Span:
    """A run of inline text. ``blank`` spans are visible gaps a draft leaves to be filled in."""

    text: str
    kind: SpanKind = "text"
    style: SpanKind = "text"
    """In a redline, for an ``ins`` or ``del`` span: the formatting of the text under the mark (``strong``)."""


Inline = list[Span]


def plain(spans: Inline) -> str:
    """The text of a list of spans, without formatting."""
    return "".join(s.text for s in spans)


@dataclass
class Paragraph:
    """A paragraph, numbered like ``7.2`` when its clause has several."""

    spans: Inline
    number: str | None = None


@dataclass
class BulletList:
    """An unordered list; each item is one line of inline text."""

    items: list[Inline]


@dataclass
class Table:
    """A table with a header row; every cell is inline text."""

    header: list[str]
    rows: list[list[Inline]]
    name: str = ""


Block = Paragraph | BulletList | Table


@dataclass
class Clause:
    """A clause (or annex part) with its heading and body."""

    id: str
    title: str
    blocks: list[Block]
    number: str | None = None  # "7" in the body; None in annexes and charters without numbering
    articles: list[str] = field(default_factory=list)
    checklist: list[str] = field(default_factory=list)
    change: Literal["ins", "del"] | None = None  # in a redline: the whole clause was added or removed
    old_title: str | None = None  # in a redline: the title before it changed
    title_marks: list[Span] | None = None  # in a redline: the title, its changed words marked ins / del

    @property
    def heading(self) -> str:
        """The heading as shown: ``7. Title`` or ``Title``."""
        return f"{self.number}. {self.title}" if self.number else self.title


@dataclass
class Section:
    """A group of clauses: a part of the body or an annex."""

    id: str
    title: str  # e.g. "Section II — Obligations of the parties" or "Annex IV — List of subprocessors"
    clauses: list[Clause]
    kind: Literal["body", "annex"] = "body"
    label: str | None = None  # "IV" for Annex IV


@dataclass
class Signature:
    """One signature block."""

    role: str  # "Le Responsable du traitement" / "The Controller"
    company: Inline
    name: Inline
    title: Inline
    place_date: str  # "Fait à …, le …" line or its English counterpart


@dataclass
class Document:
    """A whole document, ready to be laid out."""

    kind: str  # "dpa", "privacy-notice", "processor-charter", "subprocessors"
    language: str
    title: str
    subtitle: str
    parties_line: str  # e.g. "between X (controller) and Y (processor)"
    sections: list[Section]
    signatures: list[Signature] = field(default_factory=list)
    draft: bool = False
    reference: str | None = None
    version: str | None = None
    date: dt.date | None = None  # effective date, also the PDF's creation date
    date_text: str = ""  # the same date written out in the document's language ("1er décembre 2026")
    header: str = ""  # running header text
    footer: str = ""  # running footer text (a writer adds "page N / M")
    labels: dict[str, str] = field(default_factory=dict)  # writer strings: "contents", "page", "draft", …
    missing: list[str] = field(default_factory=list)  # what the draft leaves blank, for a drafting note
    missing_in: dict[str, str] = field(default_factory=dict)  # a missing path → the clause id needing it
    notes: list[str] = field(default_factory=list)  # compliance findings a draft still has to resolve
    layout: Layout = "report"
    contents: bool | None = None  # a table of contents; None: as the layout has it (report yes, compact no)
    changes: list[str] = field(default_factory=list)  # in a redline: the summary of the changes, one a line

    @property
    def has_contents(self) -> bool:
        """Whether a table of contents is laid out: ``contents`` if set, else only in the report layout."""
        return self.layout == "report" if self.contents is None else self.contents

    def clauses(self) -> list[Clause]:
        """Every clause, in order."""
        return [c for s in self.sections for c in s.clauses]

    def text(self) -> str:
        """All the document's text, one block a line (used by tests and the Markdown writer's checks)."""
        lines = [self.title, self.subtitle, self.parties_line]
        for section in self.sections:
            lines.append(section.title)
            for clause in section.clauses:
                lines.append(clause.heading)
                for block in clause.blocks:
                    if isinstance(block, Paragraph):
                        lines.append(plain(block.spans))
                    elif isinstance(block, BulletList):
                        lines.extend(plain(i) for i in block.items)
                    else:
                        lines.append(" | ".join(block.header))
                        lines.extend(" | ".join(plain(c) for c in row) for row in block.rows)
        return "\n".join(lines)
