"""Three ways to spend less time in WeasyPrint, none of which changes what the PDF shows.

Measured on the 16-page contract of ``examples/avm-up.json`` (``bench/bench_generate.py``), the layout
and the PDF writing take ~0.66 s; these bring it to ~0.57 s:

- :func:`parse_xhtml`: our print skeleton is well-formed XHTML, so the C XML parser reads it in a
  millisecond where WeasyPrint's pure-Python HTML5 parser takes ~25 ms. Any text that the XML parser
  refuses (a character XML forbids) goes to the HTML5 parser, as before.
- :func:`quick_run`, the cyclic garbage collector paused during one layout (WeasyPrint allocates some
  40,000 objects per document and frees them at the end; the collector's passes meanwhile find nothing
  to free), and
- PDF streams compressed at zlib's default level 6 instead of pydyf's level 9: ~40 ms less, for a file
  ~3 % larger. pydyf calls ``zlib`` through its module attribute; when that is not where it is, the
  level stays as it is.
"""

from __future__ import annotations

import gc
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from xml.etree import ElementTree

LEVEL = 6


def parse_xhtml(text: str) -> ElementTree.Element | None:
    """The element tree of a well-formed XHTML page, or None when the XML parser refuses it."""
    try:
        return ElementTree.fromstring(text)
    except ElementTree.ParseError:
        return None


class _Zlib:
    """The functions of ``zlib`` that pydyf calls, at our compression level."""

    error = zlib.error

    @staticmethod
    def compressobj(level: int = LEVEL, *args: Any, **kwargs: Any) -> Any:
        return zlib.compressobj(LEVEL, *args, **kwargs)

    @staticmethod
    def compress(data: bytes, level: int = LEVEL, **kwargs: Any) -> bytes:
        return zlib.compress(data, LEVEL, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


@contextmanager
def quick_run() -> Iterator[None]:
    """For one layout: the garbage collector paused, and PDF streams compressed at level 6."""
    pydyf = sys.modules.get("pydyf")
    swap = pydyf is not None and getattr(pydyf, "zlib", None) is zlib
    collecting = gc.isenabled()
    if swap:
        pydyf.zlib = _Zlib()  # type: ignore[union-attr]
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
        if swap:
            pydyf.zlib = zlib  # type: ignore[union-attr]
