"""Column widths of an annex table, from its content: shared by the DOCX and the PDF layouts.

Each column first gets room for its longest word (bold in the header and in bold cells); what space is
left goes to the columns that hold the most text. Character widths are those of DejaVu Serif, the widest
of the fonts Word or LibreOffice may show the text in, so a width that fits in Word fits in the PDF.
"""

from __future__ import annotations

from ..doctree import Table, plain

TABLE_SIZE = 18  # half-points: the size of table text (9 pt)
SMALLER_SIZES = (16, 15)  # tried in turn when the longest words do not fit at TABLE_SIZE
A4_TEXT_WIDTH = 9638  # twips: 210 mm less two 20 mm margins, the text width of both layouts


def column_widths(table: Table, text_width: int, size: int = TABLE_SIZE) -> tuple[list[int], bool]:
    """Column widths (twips) at a font size (half-points), and whether every column's longest word fits."""
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
    fits = floor <= text_width
    if not fits:
        widths = [int(text_width * m / floor) for m in mins]
    else:
        extra = [max(w - m, 0) for w, m in zip(wants, mins, strict=True)]
        spare, need = text_width - floor, sum(extra)
        share = [e / need if need else 1 / len(mins) for e in extra]
        widths = [int(m + spare * f) for m, f in zip(mins, share, strict=True)]
    widths[-1] += text_width - sum(widths)
    return widths, fits


def fitted(table: Table, text_width: int) -> tuple[list[int], int]:
    """The widths and the font size (half-points) a table is set at: the usual size if its words fit."""
    for size in (TABLE_SIZE, *SMALLER_SIZES):
        widths, fits = column_widths(table, text_width, size)
        if fits:
            return widths, size
    return widths, size


def percentages(table: Table) -> list[float]:
    """Each column's share of an A4 page's text width, in per cent (the PDF's ``<col>`` widths)."""
    widths, _ = fitted(table, A4_TEXT_WIDTH)
    return [round(100 * w / A4_TEXT_WIDTH, 2) for w in widths]
