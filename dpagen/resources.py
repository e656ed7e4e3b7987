"""Finds the clause library and templates, in a checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    """The installed copy (inside the package) first, else the checkout's top-level folder."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"dpagen's {name}/ folder is missing from the installation")


def clauses_dir() -> Path:
    """The clause library shipped with dpagen."""
    return _find("clauses")


def templates_dir() -> Path:
    """The document skeletons (DOCX, HTML, CSS, fonts) shipped with dpagen."""
    return _find("templates")


def examples_dir() -> Path | None:
    """The bundled example descriptions."""
    try:
        return _find("examples")
    except FileNotFoundError:
        return None
