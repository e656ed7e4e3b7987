"""The files of the HTML skeleton: its folder, our stylesheets, a user's house stylesheet.

Kept apart from ``html_render`` (which needs Jinja and the document tree) so that the PDF worker, forked
to import WeasyPrint early, reads the stylesheets without importing anything else.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import UsageError
from ..resources import templates_dir


def html_dir() -> Path:
    """The folder of the HTML skeleton and its stylesheets."""
    return templates_dir() / "html"


def read_css(name: str) -> str:
    """One of our stylesheets, as text."""
    return (html_dir() / name).read_text(encoding="utf-8")


MAX_CSS_BYTES = 1024 * 1024
MAX_CSS_STRING = 1000  # a generated text (``content: "…"``) in a house style: a label, a short line


def user_css(template: Path | None) -> str | None:
    """A user stylesheet given as ``--template FILE.css`` (other templates are for DOCX and ignored).

    The same stylesheet is used for HTML and PDF, so it is checked the same way for both: it may not
    load anything (``url()``, ``@import``), which the PDF writer would refuse and a browser would fetch.
    """
    if template is None or Path(template).suffix.lower() != ".css":
        return None
    try:
        with Path(template).open("rb") as handle:
            data = handle.read(MAX_CSS_BYTES + 1)
        if len(data) > MAX_CSS_BYTES:
            raise UsageError(f"{template}: a stylesheet larger than 1 MB is not a house style")
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{template}: cannot read the stylesheet ({exc})") from None
    _refuse_loads(text, template)
    return text


def _refuse_loads(text: str, template: Path) -> None:
    """UsageError naming the line of the first ``url()``, ``src()`` or ``@import`` of a stylesheet."""
    import tinycss2  # WeasyPrint's CSS parser: reads escapes (``u\72l(``) as a browser does

    def walk(tokens: list[object]) -> None:
        for token in tokens:
            kind = getattr(token, "type", "")
            name = getattr(token, "lower_name", None) or getattr(token, "lower_at_keyword", None)
            if kind == "url" or (kind == "function" and name in ("url", "src")) or (
                kind == "at-rule" and name == "import"
            ):
                line = getattr(token, "source_line", "?")
                raise UsageError(
                    f"{template}, line {line}: a house stylesheet may not load files or addresses "
                    "(url(), @import), for HTML or PDF; use the fonts and colours dpagen ships"
                )
            if kind == "string" and len(getattr(token, "value", "")) > MAX_CSS_STRING:
                raise UsageError(
                    f"{template}, line {getattr(token, 'source_line', '?')}: a text of over {MAX_CSS_STRING} "
                    "characters in a stylesheet (a house style needs short ones)"
                )
            for part in ("prelude", "content", "arguments", "value"):
                inner = getattr(token, part, None)
                if isinstance(inner, list):
                    walk(inner)

    walk(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True))
