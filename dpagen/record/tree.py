"""A record → the shared document tree, so DOCX, HTML, PDF and Markdown lay it out like any document.

Each controller is a section; each activity a clause with a two-column table (item, content). Missing
items are blanks in a draft.
"""

from __future__ import annotations

from ..doctree import Clause, Document, Section, Span, Table
from .content import Cell, Record
from .words import date_text, labels

TITLE = {
    ("controller", "fr"): "Registre des activités de traitement",
    ("controller", "en"): "Record of processing activities",
    ("processor", "fr"): "Registre des catégories d'activités de traitement effectuées pour le compte de tiers",
    ("processor", "en"): "Record of the categories of processing carried out on behalf of controllers",
}
SUBTITLE = {
    ("controller", "fr"): "Tenu par le responsable du traitement (article 30.1 du RGPD)",
    ("controller", "en"): "Kept by the controller (Article 30(1) GDPR)",
    ("processor", "fr"): "Tenu par le sous-traitant (article 30.2 du RGPD), une partie par responsable du traitement",
    ("processor", "en"): "Kept by the processor (Article 30(2) GDPR), one part for each controller",
}
WORDS = {
    "fr": {"kept": "Tenu par", "item": "Rubrique", "content": "Contenu", "who": "Identité et coordonnées",
           "for": "Pour le compte de", "activities": "Activités"},
    "en": {"kept": "Kept by", "item": "Item", "content": "Content", "who": "Names and contact details",
           "for": "On behalf of", "activities": "Activities"},
}


def _cell(cell: Cell, draft: bool, blank: str) -> list[Span]:
    if cell.value is None:
        return [Span(f"[● {blank}]" if draft else "", "blank")]
    spans = [Span(cell.value)]
    if draft and cell.gaps:
        spans.append(Span(f" [● {blank}]", "blank"))
    return spans


def record_tree(record: Record, *, draft: bool = False) -> Document:
    """The record as a document tree (one section per controller, one clause per activity)."""
    lang, w = record.language, WORDS[record.language]
    writer = dict(labels(lang)["writer"])
    writer["effective"] = "Mis à jour le" if lang == "fr" else "Last updated"
    blank = writer.get("blank", "")
    sections = []
    for n, part in enumerate(record.sections, 1):
        who = Table([w["item"], w["content"]], [[[Span(name)], _cell(c, draft, blank)] for name, c in part.identity],
                    "identity")
        clauses = [Clause(f"record-{n}-identity", w["who"], [who], articles=["Art. 30"])]
        for i, row in enumerate(part.rows, 1):
            table = Table([w["item"], w["content"]],
                          [[[Span(header)], _cell(row[cid], draft, blank)] for cid, header in record.columns],
                          f"activity-{i}")
            title = row["activity"].value or f"{w['activities']} {i}"
            clauses.append(Clause(f"record-{n}-activity-{i}", title, [table], articles=["Art. 30"]))
        heading = f"{w['for']} {part.title}" if record.kind == "processor" else part.title
        sections.append(Section(f"record-{n}", heading, clauses))
    title = TITLE[(record.kind, lang)]
    document = Document(
        kind="record",
        language=lang,
        title=title,
        subtitle=SUBTITLE[(record.kind, lang)],
        parties_line=f"{w['kept']} {record.holder}",
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
