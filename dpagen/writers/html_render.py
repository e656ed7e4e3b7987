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
from .table_widths import percentages

__all__ = ["html_dir", "read_css", "render", "user_css"]

Mode = Literal["screen", "print"]


@functools.cache
def _environment(mode: Mode = "screen") -> SandboxedEnvironment:
    """The skeleton's environment; for print, very long words get soft break points (``soft_breaks``)."""
    from ..templating import bytecode_cache  # not at import: the PDF worker imports this module early

    print_ = mode == "print"
    env = SandboxedEnvironment(
        loader=FileSystemLoader(str(html_dir())),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=bytecode_cache(),
        # Always a finalize: both environments share one bytecode cache, so they must compile alike.
        finalize=_soft_finalize if print_ else _as_is,
    )
    env.globals["kind"] = _kind
    env.globals["column_widths"] = percentages  # print: the DOCX's column widths, from the same content
    env.globals["marked"] = marked
    env.tests["marked"] = marked
    env.filters["linked"] = functools.partial(linked, soft=True) if print_ else linked
    return env


_LONG = 200  # longer than any line of any layout: ordinary URLs and words never reach it
_LONG_WORD = re.compile(rf"[^\s<>&\"']{{{_LONG},}}")  # no character markup or an entity needs
_SOFT = 20


def marked(spans: Any) -> bool:
    """Whether a line of a redline carries an insertion or a deletion (it gets a bar in the margin)."""
    return any(s.kind in ("ins", "del") for s in spans)


def soft_breaks(text: str) -> str:
    """Words of 200 characters or more (pasted data, a hash list) with a zero-width space every 20.

    In print, such a word would otherwise be broken by ``overflow-wrap`` alone, which WeasyPrint does in
    time that grows with the square of the word's length (a minute for 100,000 characters); break points
    keep it linear. Shorter words (a URL, an IBAN) never get one and are broken by ``overflow-wrap``, so
    ordinary text lays out as before.
    """
    if len(text) < _LONG:
        return text
    return _LONG_WORD.sub(lambda m: "\u200b".join(m[0][i : i + _SOFT] for i in range(0, len(m[0]), _SOFT)), text)


def printable(text: str) -> str:
    """Text as the PDF can show it: emoji our font lacks named in brackets, long words breakable.

    The PDF is set in the font dpagen ships (DejaVu Serif Condensed); an emoji it has no glyph for would
    print as an empty box, or differently on each machine's fonts. It is written as its name instead,
    e.g. ``[THUMBS UP SIGN]``, the same everywhere.
    """
    if any(ord(c) >= 0x2000 for c in text):
        text = "".join(_shown(c) if ord(c) >= 0x2000 else c for c in text)
    return soft_breaks(text)


def _shown(char: str) -> str:
    import unicodedata

    if char in ("\u200d", "\ufe0f", "\ufe0e"):  # emoji joiners and presentation selectors: nothing to print
        return ""
    if char not in _OURS and unicodedata.category(char) in ("So", "Sk", "Cn", "Co") and (
        ord(char) not in _font_chars()
    ):
        return f"[{unicodedata.name(char, f'U+{ord(char):04X}')}]"
    return char


_OURS = frozenset("●•")  # symbols dpagen prints itself (a draft's blanks): in the font, no need to look


@functools.cache
def _font_chars() -> frozenset[int]:
    """The characters the PDF's regular font has glyphs for."""
    from fontTools.ttLib import TTFont

    with TTFont(str(html_dir().parent / "fonts" / "DejaVuSerifCondensed.ttf"), lazy=True) as font:
        return frozenset(font.getBestCmap())


def _as_is(value: Any) -> Any:
    return value


def _soft_finalize(value: Any) -> Any:
    if isinstance(value, str) and not isinstance(value, Markup):
        return printable(value)
    return value


# Linear in the text's length, however long its words: the scheme is a literal, the address runs are
# possessive (no backtracking), and an e-mail address may start only where a run of its characters starts.
_LINK = re.compile(r"(?P<url>https?://[^\s<>\"«»]++)|(?<![\w.+-])(?P<mail>[\w.+-]++@[\w-]++(?:\.[\w-]++)++)")
_URL_TAIL = ".,;:!?)]"  # punctuation after an address is the sentence's, not the address's


def linked(text: str, soft: bool = False) -> Markup:
    """Escape text and make its web addresses and e-mail addresses links (PDF keeps them clickable).

    ``soft``: long words get soft break points in the text shown (never in a link's target).
    """
    shown = printable if soft else str
    out, last = [], 0
    for match in _LINK.finditer(text):
        found = match.group()
        if match.group("url") is not None:
            found = found.rstrip(_URL_TAIL)
            if len(found) - found.index("//") < 4:  # "https://" and at most one more character
                continue
            target = found
        else:
            target = f"mailto:{found}"
        out.append(escape(shown(text[last : match.start()])))
        out.append(Markup('<a href="{}">{}</a>').format(target, shown(found)))
        last = match.start() + len(found)
    out.append(escape(shown(text[last:])))
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
    template = _environment(mode).get_template("document.html.j2")
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
