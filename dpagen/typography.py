"""French typography for generated sentences: no line break before ':', ';', '!', '?', '»' or after '«'."""

from __future__ import annotations

import re

NBSP = "\u00a0"

_BEFORE = re.compile(r" ([:;!?»])")
_AFTER = re.compile(r"« ")


def french_spacing(text: str) -> str:
    """Put a no-break space where French typography wants one (only where a plain space already is)."""
    return _AFTER.sub("«" + NBSP, _BEFORE.sub(NBSP + r"\1", text))
