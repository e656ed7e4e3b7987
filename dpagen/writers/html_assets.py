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


def user_css(template: Path | None) -> str | None:
    """A user stylesheet given as ``--template FILE.css`` (other templates are for DOCX and ignored)."""
    if template is None or Path(template).suffix.lower() != ".css":
        return None
    try:
        return Path(template).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{template}: cannot read the stylesheet ({exc})") from None
