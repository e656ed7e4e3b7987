"""PDF writer: the HTML skeleton laid out for print by WeasyPrint (imported only here, when asked for).

A4 pages, a cover and a table of contents with page numbers (or, in the compact layout, a title block atop
page 1), a running header and a "Page N / M" footer, bookmarks for sections and clauses, annex tables that
split between rows, and signature blocks kept together. Only files of dpagen's templates folder are fetched
(fonts); the PDF's dates come from the document's date, so that two renders give the same bytes.

When ``dpagen generate`` started the PDF worker (``pdf_worker``: a forked process that imported
WeasyPrint while the description was loaded and the documents built), the layout runs there; otherwise
here. Both run :func:`lay_out` and give the same bytes.

A process keeps its last few layouts, keyed by their HTML, stylesheets and variant: a batch over the
clients of one processor lays its public documents (charter, subprocessor list), the same for every
client, out once per process instead of once per client. The same inputs give the same bytes, so a kept
layout is the layout that would have been made.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from . import PDF_VARIANTS, pdf_worker
from .html_assets import read_css, user_css
from .pdf_layout import FONT_EPOCH, PdfError, Prepared, lay_out, prepare, weasyprint_logger

__all__ = ["FONT_EPOCH", "PdfError", "Prepared", "lay_out", "prepare", "weasyprint_logger", "write"]

if TYPE_CHECKING:
    from ..doctree import Document


def write(document: Document, *, template: Path | None = None, variant: str | None = None) -> bytes:
    """Lay the document out as a PDF.

    ``template`` may name a ``.css`` file, applied after our print stylesheet (a house style; it may
    load only dpagen's own files); any other template (a DOCX letterhead) is ignored here. ``variant``:
    one of ``PDF_VARIANTS`` ("pdf/ua-1" tagged for accessibility, "pdf/a-3b" for archiving), through
    WeasyPrint's public ``pdf_variant`` option.
    """
    if variant is not None and variant not in PDF_VARIANTS:
        raise PdfError(f"unknown PDF variant '{variant}' (choose among {', '.join(PDF_VARIANTS)})")
    from .html_render import render  # Jinja and the tree: the PDF worker never needs them

    sources = [read_css("common.css"), read_css("print.css")]
    extra = user_css(template)
    if extra is not None:
        sources.append(extra)
    return _laid_out(render(document, mode="print"), tuple(sources), variant)


@lru_cache(maxsize=8)
def _laid_out(html: str, sources: tuple[str, ...], variant: str | None) -> bytes:
    """The PDF of this HTML: from the PDF worker when one runs, else laid out here (kept, see above)."""
    data = pdf_worker.submit(html, list(sources), variant)
    return data if data is not None else lay_out(html, list(sources), variant=variant)
