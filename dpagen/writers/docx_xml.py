"""WordprocessingML text helpers shared by the DOCX writer: safe text, runs, fields."""

from __future__ import annotations

import re

from markupsafe import Markup

from ..doctree import Inline

# Characters XML 1.0 cannot hold (the model refuses them in user text; never let one break the file).
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ESCAPES = str.maketrans({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
    # docxtpl rewrites "{_{" and "}_}" in the rendered XML: braces as character references never match.
    "{": "&#123;", "}": "&#125;",
})


def escape(text: str) -> str:
    """Text as XML character data that no later docxtpl pass can alter."""
    return _INVALID.sub("", text).translate(_ESCAPES)


def text_markup(value: object) -> Markup:
    """A value printed by the DOCX template, escaped for XML (used as the Jinja ``finalize``)."""
    if isinstance(value, Markup):
        return value
    if hasattr(value, "__html__"):  # generated XML (a subdocument)
        return Markup(value.__html__())
    if value is None:
        return Markup("")
    return Markup(escape(str(value).replace("\r\n", "\n")))


def run(text: str, style: str | None = None, size: int | None = None) -> str:
    """One run; tabs and line breaks in the text become ``w:tab`` / ``w:br`` (``size``: half-points)."""
    props = (f'<w:rStyle w:val="{style}"/>' if style else "") + (
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>' if size else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    pieces = []
    for i, line in enumerate(re.split(r"\r\n|\r|\n", text)):
        if i:
            pieces.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                pieces.append("<w:tab/>")
            if chunk:
                pieces.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
    return f"<w:r>{rpr}{''.join(pieces)}</w:r>"


def tracked(kind: str, xml: str) -> str:
    """Runs as a Word tracked change (``ins`` or ``del``).

    Ids and dates are set once the file is laid out (``redline.finish_docx``).
    """
    if kind == "del":
        xml = xml.replace("<w:t ", "<w:delText ").replace("</w:t>", "</w:delText>")
    return f'<w:{kind} w:id="0" w:author="dpagen">{xml}</w:{kind}>'


def runs(spans: Inline, styles: dict[str, str], size: int | None = None) -> str:
    """Runs for inline spans.

    ``strong`` and ``blank`` take their character styles; ``ins`` and ``del`` (a redline) become tracked changes
    whose runs keep the style of their text (a deleted bold word stays bold, struck through).
    """
    return "".join(
        tracked(s.kind, run(s.text, styles.get(s.style), size)) if s.kind in ("ins", "del")
        else run(s.text, styles.get(s.kind), size)
        for s in spans if s.text
    )


def field(code: str, shown: str = "") -> str:
    r"""A complex field (``PAGE``, ``PAGEREF x \h``) with a cached result."""
    result = f'<w:r><w:t xml:space="preserve">{escape(shown)}</w:t></w:r>' if shown else ""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {escape(code)} </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{result}'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
