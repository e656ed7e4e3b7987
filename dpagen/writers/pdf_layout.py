"""The PDF layout itself: WeasyPrint's public API on the print HTML, with fixed dates and local fetches only.

Shared by the PDF writer (in process) and the PDF worker (in a forked process), so that both give the
same bytes; it imports neither of them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from ..errors import DpagenError
from .html_assets import html_dir
from .html_fetch import FetchRefused, make_fetcher
from .pdf_import import import_weasyprint
from .pdf_tuning import quick_run

FONT_EPOCH = "946684800"  # 2000-01-01: the date written into subset fonts


class PdfError(DpagenError):
    """WeasyPrint could not lay the document out."""


@dataclass
class Prepared:
    """Stylesheets parsed for one layout, with the font configuration their ``@font-face`` rules filled."""

    sources: list[str]
    fonts: Any  # weasyprint.text.fonts.FontConfiguration
    fetcher: Any
    stylesheets: list[Any]


def prepare(sources: list[str], before: Prepared | None = None) -> Prepared:
    """Parse the stylesheets of a layout (``before``: the first ones, parsed already, extended in place).

    The PDF worker prepares our own stylesheets while it waits for its first document.
    """
    weasyprint = import_weasyprint()
    from weasyprint.text.fonts import FontConfiguration

    if before is None:
        before = Prepared([], FontConfiguration(), make_fetcher(), [])
    if sources[: len(before.sources)] != before.sources:
        raise ValueError("the stylesheets prepared are not the first ones of the layout")
    base_url = html_dir().as_uri() + "/"
    for css in sources[len(before.sources):]:
        with _fetch_errors():
            sheet = weasyprint.CSS(string=css, base_url=base_url, url_fetcher=before.fetcher,
                                   font_config=before.fonts)
        before.stylesheets.append(sheet)
        before.sources.append(css)
    return before


def lay_out(html: str, sources: list[str], prepared: Prepared | None = None, variant: str | None = None) -> bytes:
    """The PDF of our print HTML with these stylesheets (fetching only dpagen's template files).

    ``prepared``: the first stylesheets, parsed already for this layout (and for no other); ``variant``:
    WeasyPrint's ``pdf_variant`` (None: a plain PDF).
    """
    options = {"pdf_variant": variant} if variant else {}
    weasyprint = import_weasyprint()
    prepared = prepare(sources, prepared)
    base_url = html_dir().as_uri() + "/"
    with _fetch_errors(), quick_run(), fixed_font_dates():
        page = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=prepared.fetcher, media_type="print")
        return bytes(page.write_pdf(stylesheets=prepared.stylesheets, font_config=prepared.fonts, **options))


@contextmanager
def fixed_font_dates() -> Iterator[None]:
    """``SOURCE_DATE_EPOCH`` set for one layout, so that subset fonts carry a fixed date.

    fontTools subsets the fonts when HarfBuzz's subsetter is not installed, and writes the current time
    into each font unless this is set. A value the user set is kept (the reproducible-builds convention).
    """
    import os

    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = FONT_EPOCH
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


@contextmanager
def _fetch_errors() -> Iterator[None]:
    """A refused fetch stops WeasyPrint; report it as FetchRefused (any other as a PdfError)."""
    from weasyprint.urls import FatalURLFetchingError

    try:
        yield
    except FatalURLFetchingError as exc:
        cause = exc.__cause__
        if isinstance(cause, FetchRefused):
            raise FetchRefused(cause.message) from None
        raise PdfError(f"cannot lay the PDF out: {exc}") from None


def weasyprint_logger() -> logging.Logger:
    """The logger WeasyPrint reports CSS and layout problems to (tests fail on its warnings)."""
    return logging.getLogger("weasyprint")
