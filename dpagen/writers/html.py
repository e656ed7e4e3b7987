"""HTML writer: one self-contained page for reading on screen (CSS inlined, no font file needed)."""

from __future__ import annotations

from pathlib import Path

from ..doctree import Document
from .html_render import read_css, render, user_css


def write(document: Document, *, template: Path | None = None) -> bytes:
    """Lay the document out as one HTML file.

    ``template`` may name a ``.css`` file, inlined after our stylesheets (a house style); any other
    template (a DOCX letterhead) is for the DOCX writer and is ignored here.
    """
    css = read_css("common.css") + "\n" + read_css("screen.css")
    extra = user_css(template)
    if extra is not None:
        css += "\n/* --template */\n" + extra
    return render(document, mode="screen", css=css).encode("utf-8")
