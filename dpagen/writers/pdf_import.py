"""The one place WeasyPrint is imported (lazily: it costs ~0.4 s, and only the PDF writer needs it).

WeasyPrint is imported as is: no standard-library function is rebound around its import (an earlier
version swapped ``ctypes.util.find_library`` to skip its library probes; that relied on how cffi looks
libraries up, which is not a public promise).
"""

from __future__ import annotations

import importlib
from types import ModuleType


def import_weasyprint() -> ModuleType:
    """``import weasyprint``."""
    return importlib.import_module("weasyprint")
