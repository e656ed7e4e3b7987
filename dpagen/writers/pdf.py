"""PDF writer: the HTML skeleton laid out for print by WeasyPrint (imported only here, when asked for).

A4 pages, a cover and a table of contents with page numbers (or, in the compact layout, a title block atop
page 1), a running header and a "Page N / M" footer, bookmarks for sections and clauses, annex tables that
split between rows, and signature blocks kept together. Only files of dpagen's templates folder are fetched
(fonts); the PDF's dates come from the document's date, so that two renders give the same bytes.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Any

from ..doctree import Document
from ..errors import DpagenError
from .html_fetch import FetchRefused, make_fetcher
from .html_render import html_dir, read_css, render, user_css


class PdfError(DpagenError):
    """WeasyPrint could not lay the document out."""


@functools.cache
def _html_class() -> type:
    """WeasyPrint's HTML with our small user-agent stylesheet (``ua.css``) in place of its full one."""
    import weasyprint
    from weasyprint.html import UA_COUNTER_STYLE

    ua = weasyprint.CSS(string=read_css("ua.css"), counter_style=UA_COUNTER_STYLE)

    class LeanHTML(weasyprint.HTML):  # type: ignore[misc]
        def _ua_stylesheets(self, forms: bool = False) -> list[Any]:
            return [ua]

    return LeanHTML


def write(document: Document, *, template: Path | None = None) -> bytes:
    """Lay the document out as a PDF.

    ``template`` may name a ``.css`` file, applied after our print stylesheet (a house style; it may
    load only dpagen's own files); any other template (a DOCX letterhead) is ignored here.
    """
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import FatalURLFetchingError

    base_url = html_dir().as_uri() + "/"
    fetcher = make_fetcher()
    fonts = FontConfiguration()
    sources = [read_css("common.css"), read_css("print.css")]
    extra = user_css(template)
    if extra is not None:
        sources.append(extra)
    try:
        stylesheets = [
            weasyprint.CSS(string=css, base_url=base_url, url_fetcher=fetcher, font_config=fonts)
            for css in sources
        ]
        page = _html_class()(
            string=render(document, mode="print"), base_url=base_url, url_fetcher=fetcher
        )
        return bytes(page.write_pdf(stylesheets=stylesheets, font_config=fonts))
    except FatalURLFetchingError as exc:
        cause = exc.__cause__
        if isinstance(cause, FetchRefused):
            raise FetchRefused(cause.message) from None
        raise PdfError(f"cannot lay the PDF out: {exc}") from None


def weasyprint_logger() -> logging.Logger:
    """The logger WeasyPrint reports CSS and layout problems to (tests fail on its warnings)."""
    return logging.getLogger("weasyprint")
