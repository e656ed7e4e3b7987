"""A record → the shared document tree, so DOCX, HTML, PDF and Markdown lay it out like any document.

Each controller is a section; each activity a clause with a two-column table (item, content). Missing
items are blanks in a draft.
"""

from __future__ import annotations

from ..doctree import Clause, Document, Section, Span, Table
from .content import Cell, Record
from .words import date_text, labels


def _cell(cell: Cell, draft: bool, blank: str) -> list[Span]:
    if cell.value is None:
        return [Span(f"[● {blank}]" if draft else "", "blank")]
    spans = [Span(cell.value)]
    if draft and cell.gaps:
        spans.append(Span(f" [● {blank}]", "blank"))
    return spans


def record_tree(record: Record, *, draft: bool = False) -> Document:
    """The record as a document tree (one section per controller, one clause per activity)."""
    lang, w = record.language, record.w
    writer = dict(labels(lang)["writer"])
    writer["effective"] = w("updated-on")
    blank = writer.get("blank", "")
    sections = []
    for n, part in enumerate(record.sections, 1):
        who = Table([w("item"), w("content")], [[[Span(name)], _cell(c, draft, blank)] for name, c in part.identity],
                    "identity")
        clauses = [Clause(f"record-{n}-identity", w("identity"), [who], articles=["Art. 30"])]
        for i, row in enumerate(part.rows, 1):
            table = Table([w("item"), w("content")],
                          [[[Span(header)], _cell(row[cid], draft, blank)] for cid, header in record.columns],
                          f"activity-{i}")
            title = row["activity"].value or w("activity-number", number=i)
            clauses.append(Clause(f"record-{n}-activity-{i}", title, [table], articles=["Art. 30"]))
        heading = w("on-behalf-of", controller=part.title) if record.kind == "processor" else part.title
        sections.append(Section(f"record-{n}", heading, clauses))
    title = w(f"title-{record.kind}")
    document = Document(
        kind="record",
        language=lang,
        title=title,
        subtitle=w(f"subtitle-{record.kind}"),
        parties_line=w("kept-by", holder=record.holder),
        sections=sections,
        draft=draft,
        date=record.updated,
        date_text=date_text(record.updated, lang) or "",
        header=f"{title} — {record.holder}",
        labels=writer,
        layout="compact",
        contents=record.kind == "processor" and len(record.sections) > 1,
    )
    document.missing = [line for line in record.gaps()]
    if draft:
        document.header = f"{writer['draft']} — {document.header}"
    return document
