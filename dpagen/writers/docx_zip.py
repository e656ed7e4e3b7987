"""Byte-stable DOCX packaging: the same parts always give the same zip bytes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

FIRST = ("[Content_Types].xml", "_rels/.rels")
DEFAULT_STAMP = dt.datetime(2000, 1, 1)


def stamp(date: dt.date | None) -> dt.datetime:
    """The timestamp of a document: its own date at midnight, else a constant."""
    if date is None:
        return DEFAULT_STAMP
    return dt.datetime(max(date.year, 1980), date.month, date.day)


def normalise(data: bytes, when: dt.datetime = DEFAULT_STAMP) -> bytes:
    """Write a zip again with fixed timestamps and attributes, ``[Content_Types].xml`` first.

    python-docx stamps each member with the current time; everything else it writes is stable.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        names = zin.namelist()
        order = [n for n in FIRST if n in names] + sorted(n for n in names if n not in FIRST)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for name in order:
                info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 0
                info.external_attr = 0
                zout.writestr(info, zin.read(name))
    return out.getvalue()
