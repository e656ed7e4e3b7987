"""A record → an XLSX workbook laid out like the CNIL's model register: one row per activity.

Byte-identical output: document properties come from the record's dates, and the zip is written again
with fixed member timestamps (openpyxl stamps the current time in both).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from .content import Record

FIXED = (1980, 1, 1, 0, 0, 0)
WIDTH_MIN, WIDTH_MAX = 12, 60


def _width(values: list[str]) -> float:
    """A column width that fits its longest line, within bounds (wrapped text takes the rest)."""
    longest = max((len(line) for v in values for line in v.split("\n")), default=0)
    return float(min(WIDTH_MAX, max(WIDTH_MIN, longest + 2)))


def _layout(sheet: Any, header: list[str], rows: list[list[str]]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet.append(header)
    for row in rows:
        sheet.append(row)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")
    wrap = Alignment(wrap_text=True, vertical="top")
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment = bold, fill, wrap
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = wrap
    sheet.freeze_panes = "B2"  # the header row and the first column stay in view
    from openpyxl.utils import get_column_letter

    for index in range(len(header)):
        values = [header[index]] + [r[index] for r in rows]
        sheet.column_dimensions[get_column_letter(index + 1)].width = _width(values)
    if rows:
        sheet.auto_filter.ref = sheet.dimensions


def write_xlsx(record: Record, *, draft: bool = False) -> bytes:
    """The record as XLSX bytes: a sheet of activities and a sheet of identities (Art. 30(1)(a)/(2)(a))."""
    from openpyxl import Workbook

    w = record.w
    blank = w("xlsx-blank") if draft else ""
    book = Workbook()
    main = book.active
    main.title = w("sheet-record")
    controller = w("identity-controller")
    header = ([controller] if record.kind == "processor" else []) + [h for _, h in record.columns]
    rows = []
    for section in record.sections:
        for row in section.rows:
            values = [(c.value or blank) + (f" {blank}" if c.gaps and draft else "") for c in row.values()]
            rows.append(([section.title] if record.kind == "processor" else []) + values)
    _layout(main, header, rows)
    who = book.create_sheet(w("sheet-identity"))
    ident = [[section.title, name, cell.value or blank]
             for section in record.sections for name, cell in section.identity]
    _layout(who, [controller if record.kind == "processor" else "", "", ""], ident)
    stamp = dt.datetime.combine(record.updated or dt.date(2000, 1, 1), dt.time())
    props = book.properties
    props.creator = props.lastModifiedBy = "dpagen"
    props.title = f"{main.title} — {record.holder}"
    props.created = dt.datetime.combine(record.created or stamp.date(), dt.time())
    props.modified = stamp
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_zip(buffer.getvalue(), stamp)


def _core(xml: bytes, stamp: dt.datetime) -> bytes:
    """docProps/core.xml with its modification time taken from the record (openpyxl writes the clock's)."""
    import re

    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + when + rb"\g<2>", xml)


def _fixed_zip(data: bytes, stamp: dt.datetime) -> bytes:
    """The same archive with fixed member timestamps and a stable order ([Content_Types].xml first)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = sorted(source.namelist(), key=lambda n: (n != "[Content_Types].xml", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            body = source.read(name)
            target.writestr(info, _core(body, stamp) if name == "docProps/core.xml" else body)
    return out.getvalue()
