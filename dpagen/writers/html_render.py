"""Document tree → HTML, shared by the HTML writer (screen) and the PDF writer (print).

The skeleton ``templates/html/document.html.j2`` is rendered in a sandboxed Jinja environment with
autoescape on and ``StrictUndefined``: every text of the tree is escaped, none is evaluated. CSS never
goes through Jinja's escaping: the HTML writer inlines it as trusted markup, the PDF writer hands it to
WeasyPrint as stylesheets.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Literal

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from ..doctree import BulletList, Document, Paragraph, Table
from ..errors import UsageError
from .html_assets import html_dir, read_css, user_css

__all__ = ["html_dir", "read_css", "render", "user_css"]

Mode = Literal["screen", "print"]


@functools.cache
def _environment() -> SandboxedEnvironment:
    from ..templating import bytecode_cache  # not at import: the PDF worker imports this module early

    env = SandboxedEnvironment(
        loader=FileSystemLoader(str(html_dir())),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=bytecode_cache(),
    )
    env.globals["kind"] = _kind
    env.globals["marked"] = marked
    env.tests["marked"] = marked
    env.filters["linked"] = linked
    return env


_LINK = re.compile(r"(?P<url>https?://[^\s<>\"«»]+[^\s<>\"«».,;:!?)\]])|(?P<mail>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)")


def marked(spans: Any) -> bool:
    """Whether a line of a redline carries an insertion or a deletion (it gets a bar in the margin)."""
    return any(s.kind in ("ins", "del") for s in spans)


def linked(text: str) -> Markup:
    """Escape text and make its web addresses and e-mail addresses links (PDF keeps them clickable)."""
    out, last = [], 0
    for match in _LINK.finditer(text):
        out.append(escape(text[last : match.start()]))
        target = match.group("url") or f"mailto:{match.group('mail')}"
        out.append(Markup('<a href="{}">{}</a>').format(target, match.group()))
        last = match.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def _kind(block: Any) -> str:
    if isinstance(block, Paragraph):
        return "paragraph"
    if isinstance(block, BulletList):
        return "list"
    if isinstance(block, Table):
        return "table"
    raise TypeError(f"unknown block {type(block).__name__}")


@dataclass(frozen=True)
class _Entry:
    """A table-of-contents line."""

    anchor: str
    text: str
    level: int


def signatures_at(document: Document) -> int | None:
    """Where the signature blocks go: before the first annex (after the body), else at the end."""
    if not document.signatures:
        return None
    kinds = [s.kind for s in document.sections]
    return kinds.index("annex") if "annex" in kinds else len(kinds)


def _anchors(document: Document) -> tuple[dict[int, str], list[_Entry]]:
    """Stable anchors (``s1``, ``c7``) for sections and clauses, whatever their ids contain."""
    anchors: dict[int, str] = {}
    toc: list[_Entry] = []
    n = 0
    where = signatures_at(document)
    for i, section in enumerate(document.sections, 1):
        if i - 1 == where:
            toc.append(_Entry("signatures", document.labels["signature"], 1))
        anchors[id(section)] = f"s{i}"
        toc.append(_Entry(f"s{i}", section.title, 1))
        for clause in section.clauses:
            n += 1
            anchors[id(clause)] = f"c{n}"
            toc.append(_Entry(f"c{n}", clause.heading, 2))
    if where == len(document.sections):
        toc.append(_Entry("signatures", document.labels["signature"], 1))
    return anchors, toc


def running_header(document: Document) -> str:
    """The running header, with the draft marker in front when the document is a draft."""
    header = document.header or document.title
    marker = document.labels.get("draft", "DRAFT")
    if document.draft and not header.startswith(marker):
        header = f"{marker} — {header}"
    return header


def render(document: Document, *, mode: Mode, css: str | None = None) -> str:
    """The document as an HTML page; ``css`` (trusted, ours) is inlined in a ``<style>`` element."""
    if css is not None and "</" in css:
        raise UsageError("a stylesheet may not contain '</' (it would close the <style> element)")
    anchors, toc = _anchors(document)
    template = _environment().get_template("document.html.j2")
    return template.render(
        doc=document,
        labels=document.labels,
        mode=mode,
        css=Markup(css) if css is not None else None,
        anchor=lambda node: anchors[id(node)],
        toc=toc,
        signatures_at=signatures_at(document),
        header=running_header(document),
        date_iso=document.date.isoformat() if document.date else None,
        date_text=document.date_text,
        colon="\u00a0:" if document.language == "fr" else ":",
    )
