"""The generated part of a DOCX: the clauses, annex tables and table of contents, as WordprocessingML.

Each piece is a :class:`Subdoc` inserted by a paragraph tag of the template (``{{p main }}``), the way a
docxtpl subdocument is: real Word heading styles, numbered paragraphs, bullet lists and tables whose header
row repeats on each page. Style ids come from the template (see ``docx_styles``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..doctree import BulletList, Document, Inline, Paragraph, Section, Span, Table, plain
from .docx_xml import run, runs, tracked

BOOKMARK = "_dpg"  # hidden bookmarks (leading underscore) on generated headings, targets of the TOC
TABLE_SIZE = 18  # half-points: the template's Table Text size (9 pt)


class Subdoc:
    """Generated body XML for a ``{{p name }}`` tag; counts how often the template printed it."""

    def __init__(self, name: str, xml: str, headings: int) -> None:
        self.name = name
        self.xml = xml
        self.headings = headings
        self.used = 0

    def __html__(self) -> str:
        self.used += 1
        return self.xml

    def __str__(self) -> str:
        return self.__html__()


def _p(style: str, content: str, *, page_break: bool = False, keep_next: bool = False,
       change: str | None = None) -> str:
    """A paragraph (``change``: in a redline, the whole paragraph was inserted or deleted, its mark too)."""
    extra = ("<w:keepNext/>" if keep_next else "") + ("<w:pageBreakBefore/>" if page_break else "")
    if change:
        extra += f'<w:rPr><w:{change} w:id="0" w:author="dpagen"/></w:rPr>'
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr>{content}</w:p>'


def _whole_change(spans: Inline) -> str | None:
    """In a redline: ``ins`` or ``del`` when a whole paragraph was inserted or deleted."""
    kinds = {s.kind for s in spans if s.text}
    return next(iter(kinds)) if len(kinds) == 1 and kinds <= {"ins", "del"} else None


@dataclass
class BodyBuilder:
    """Lays sections out as XML with the template's style ids (``styles``: role → style id)."""

    styles: dict[str, str]
    text_width: int  # twips
    first_bookmark: int = 1
    toc: list[tuple[int, str, int]] = field(default_factory=list)  # (level, text, bookmark id)

    def __post_init__(self) -> None:
        self._next = self.first_bookmark
        self._span_styles = {"strong": self.styles["strong"], "blank": self.styles["blank"]}

    # -- headings ---------------------------------------------------------------------------------
    def heading(self, level: int, text: str, *, page_break: bool = False, change: str | None = None,
                marks: Inline | None = None) -> str:
        """A heading with a bookmark, recorded for the table of contents.

        ``change``: in a redline, the clause was added or removed, and its heading is a tracked change;
        a removed one is left out of the table of contents. ``marks``: in a redline, a changed title with
        its words inserted and deleted (tracked changes too); the contents show the new title.
        """
        plain_run = tracked(change, run(text)) if change else run(text)
        shown = runs(marks, {}) if marks else plain_run
        if change == "del":
            return _p(self.styles[f"heading{level}"], shown, page_break=page_break, change=change)
        mark = self._next
        self._next += 1
        self.toc.append((level, text, mark))
        content = (
            f'<w:bookmarkStart w:id="{mark}" w:name="{BOOKMARK}{mark}"/>{shown}'
            f'<w:bookmarkEnd w:id="{mark}"/>'
        )
        return _p(self.styles[f"heading{level}"], content, page_break=page_break, change=change)

    # -- blocks -----------------------------------------------------------------------------------
    def paragraph(self, block: Paragraph) -> str:
        """A paragraph; a numbered one hangs its number ("7.2") in the margin."""
        body = runs(block.spans, self._span_styles)
        change = _whole_change(block.spans)
        if block.number:
            number = run(block.number) + "<w:r><w:tab/></w:r>"
            return _p(self.styles["clause"], (tracked(change, number) if change else number) + body, change=change)
        return _p(self.styles["body"], body, change=change)

    def bullets(self, block: BulletList) -> str:
        """One "List Bullet" paragraph per item."""
        return "".join(_p(self.styles["bullet"], runs(item, self._span_styles), change=_whole_change(item))
                       for item in block.items)

    def widths(self, table: Table, size: int = TABLE_SIZE) -> tuple[list[int], bool]:
        """Column widths (twips) at a font size (half-points), and whether every column's longest word fits.

        Each column first gets room for its longest word (bold in the header and in bold cells); what
        space is left goes to the columns that hold the most text. Character widths are those of DejaVu
        Serif, the widest of the fonts Word or LibreOffice may show the text in.
        """
        scale = size / TABLE_SIZE
        char, bold, padding = 115 * scale, 130 * scale, 200  # twips: a character, a bold one, cell margins
        mins, wants = [], []
        for j, head in enumerate(table.header):
            cells = [row[j] for row in table.rows if j < len(row)]
            texts = [plain(c) for c in cells]
            mean = sum(len(t) for t in texts) / len(texts) if texts else len(head)
            head_word = max((len(w) for w in head.split()), default=1)
            cell_width = max(
                (len(w) * (bold if any(s.kind == "strong" for s in cell) else char)
                 for cell, text in zip(cells, texts, strict=True) for w in text.split()),
                default=char,
            )
            mins.append(int(max(head_word * bold, cell_width) + padding))
            wants.append(int(min(max(mean, 10.0), 60.0) * char + padding))
        floor = sum(mins)
        fits = floor <= self.text_width
        if not fits:
            widths = [int(self.text_width * m / floor) for m in mins]
        else:
            extra = [max(w - m, 0) for w, m in zip(wants, mins, strict=True)]
            spare, need = self.text_width - floor, sum(extra)
            share = [e / need if need else 1 / len(mins) for e in extra]
            widths = [int(m + spare * f) for m, f in zip(mins, share, strict=True)]
        widths[-1] += self.text_width - sum(widths)
        return widths, fits

    def table(self, table: Table) -> str:
        """A real table: its header row repeats on each page, and no row splits across pages.

        A table too wide for its longest words at the usual size is set smaller (8 or 7.5 points) rather
        than have Word or LibreOffice break a word inside a cell.
        """
        for size in (TABLE_SIZE, 16, 15):
            widths, fits = self.widths(table, size)
            if fits:
                break
        sized = size if size != TABLE_SIZE else None
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)

        def row(cells: list[Inline], style: str, header: bool) -> str:
            tr_pr = "<w:cantSplit/><w:tblHeader/>" if header else "<w:cantSplit/>"
            tcs = "".join(
                f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>'
                f"{_p(style, runs(cell, self._span_styles, sized), keep_next=header)}</w:tc>"
                for w, cell in zip(widths, cells, strict=False)
            )
            change = _whole_change([s for cell in cells for s in cell])  # a redline's row added or removed
            if change:
                tr_pr += f'<w:{change} w:id="0" w:author="dpagen"/>'
            return f"<w:tr><w:trPr>{tr_pr}</w:trPr>{tcs}</w:tr>"

        header = row([[Span(h)] for h in table.header], self.styles["table_heading"], True)
        body = "".join(row(cells, self.styles["table_text"], False) for cells in table.rows)
        return (
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.styles["table"]}"/><w:tblW w:w="{self.text_width}" '
            'w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" '
            'w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{header}{body}</w:tbl>"
            + self._after_table()
        )

    def _after_table(self) -> str:
        """The paragraph after a table, which keeps two tables from merging.

        It spaces the next block by about the PDF's margin (its mark set at 5 points, no space after), not
        by a whole empty line.
        """
        return (f'<w:p><w:pPr><w:pStyle w:val="{self.styles["body"]}"/><w:spacing w:after="0" w:line="240" '
                'w:lineRule="auto"/><w:rPr><w:sz w:val="10"/><w:szCs w:val="10"/></w:rPr></w:pPr></w:p>')

    # -- sections ---------------------------------------------------------------------------------
    def sections(self, name: str, sections: list[Section]) -> Subdoc:
        """Sections (Heading 1; an annex starts a page) and their clauses (Heading 2)."""
        start = len(self.toc)
        out = []
        for section in sections:
            out.append(self.heading(1, section.title, page_break=section.kind == "annex"))
            for clause in section.clauses:
                marks = None
                if clause.title_marks and not clause.change:
                    marks = ([Span(f"{clause.number}. ")] if clause.number else []) + clause.title_marks
                out.append(self.heading(2, clause.heading, change=clause.change, marks=marks))
                for block in clause.blocks:
                    if isinstance(block, Paragraph):
                        out.append(self.paragraph(block))
                    elif isinstance(block, BulletList):
                        out.append(self.bullets(block))
                    else:
                        out.append(self.table(block))
        return Subdoc(name, "".join(out), len(self.toc) - start)

    def contents(self) -> Subdoc:
        """A static table of contents: the headings, each a link to its heading, without page numbers.

        A page number in a DOCX is either a field that Word fills only once the reader accepts to update
        fields on opening, or a cached number that goes stale at the first edit of this editable format
        (and Word's pages are not the PDF's). The links (and Word's navigation pane) lead to each heading;
        the PDF carries the page numbers.
        """
        paragraphs = []
        for level, text, mark in self.toc:
            entry = f'<w:hyperlink w:anchor="{BOOKMARK}{mark}" w:history="1">{run(text)}</w:hyperlink>'
            paragraphs.append(_p(self.styles[f"toc{level}"], entry))
        return Subdoc("toc", "".join(paragraphs), 0)


def build_parts(
    document: Document, styles: dict[str, str], text_width: int, first_bookmark: int,
    *, signature_heading: bool = True,
) -> dict[str, Subdoc]:
    """The generated pieces a template can place: ``main``, ``annexes``, ``body`` (both), ``toc``, ...

    ... and ``signature_heading``: the heading of the signature block, listed in the contents between the
    body and the annexes (left out of them when the template does not place it).
    """
    builder = BodyBuilder(styles, text_width, first_bookmark)
    main = builder.sections("main", [s for s in document.sections if s.kind != "annex"])
    if document.draft and document.notes:  # the compliance findings a draft still has to resolve
        notes = builder.paragraph(Paragraph([Span(document.labels["notes"], "strong")]))
        notes += builder.bullets(BulletList([[Span(note, "blank")] for note in document.notes]))
        main = Subdoc("main", notes + main.xml, main.headings)
    signature = Subdoc("signature_heading", "", 0)
    if signature_heading and document.signatures:
        signature = Subdoc("signature_heading", builder.heading(1, document.labels["signature"]), 1)
    annexes = builder.sections("annexes", [s for s in document.sections if s.kind == "annex"])
    body = Subdoc("body", main.xml + annexes.xml, main.headings + annexes.headings)
    return {"main": main, "annexes": annexes, "body": body, "signature_heading": signature,
            "toc": builder.contents()}
