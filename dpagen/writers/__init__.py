"""Writers lay a document tree out in one format each. Each is imported only when asked for.

A writer module exposes ``write(document, *, template=None) -> bytes``.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ..doctree import Document

FORMATS: dict[str, str] = {"docx": "docx", "pdf": "pdf", "html": "html", "md": "markdown"}
"""Format name (as given to --format and used as file extension) → writer module."""

PDF_VARIANTS: dict[str, str] = {
    "pdf/ua-1": "tagged PDF for accessibility (PDF/UA-1): structure, reading order, document language",
    "pdf/a-3b": "archival PDF (PDF/A-3b): fonts embedded, no external dependency, for a signed contract",
}
"""The PDF variants ``--pdf-variant`` offers (WeasyPrint's ``pdf_variant`` names), with what each is for."""


class Writer(Protocol):
    """What a writer module provides."""

    def write(self, document: Document, *, template: Path | None = None) -> bytes:
        """Lay the document out and return the file's bytes."""
        ...


def get_writer(fmt: str) -> Writer:
    """Import the writer of a format."""
    if fmt not in FORMATS:
        from ..errors import UsageError

        raise UsageError(f"unknown format '{fmt}' (choose among {', '.join(FORMATS)})")
    module = importlib.import_module(f"{__name__}.{FORMATS[fmt]}")
    return module
