"""The XLSX record opened by a real spreadsheet: LibreOffice Calc converts it and its content survives.

Also the layout a reader sees on opening it (openpyxl): frozen header row and first column, widths that fit
within bounds, wrapped text in every cell, a bold header, on both sheets.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dpagen.examples import load_example
from dpagen.model import Description
from dpagen.record import record_for
from dpagen.record.xlsx import WIDTH_MAX, WIDTH_MIN, write_xlsx

SOFFICE = shutil.which("soffice") or next(
    (p for p in ("/usr/lib/libreoffice/program/soffice",) if Path(p).exists()), None
)
# Calc is a package of its own (Debian: libreoffice-calc-nogui); without it soffice cannot load an XLSX
CALC = SOFFICE is not None and (Path(SOFFICE).resolve().parent / "libsclo.so").exists()


def _client(name: str) -> Description:
    d = load_example("avm-up").model_copy(deep=True)
    assert d.controller is not None
    d.controller.legal_name, d.controller.brand = name, None
    return d


@pytest.fixture(scope="module")
def processor_xlsx() -> bytes:
    record = record_for([load_example("avm-up"), _client("Garage Leroy")], "en")
    return write_xlsx(record)


@pytest.mark.parametrize("name", ["avm-up", "okasio"])
def test_every_sheet_has_frozen_headers_fitted_widths_and_wrapped_text(name: str) -> None:
    book = load_workbook(io.BytesIO(write_xlsx(record_for([load_example(name)], "fr"))))
    assert [s.title for s in book.worksheets] == ["Registre", "Identité"]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "B2"
        assert all(cell.font.bold for cell in sheet[1] if cell.value)
        for row in sheet.iter_rows():
            assert all(cell.alignment.wrap_text for cell in row)
        for column in sheet.iter_cols():
            letter = column[0].column_letter
            width = sheet.column_dimensions[letter].width
            longest = max(len(line) for c in column if c.value for line in str(c.value).split("\n"))
            assert WIDTH_MIN <= width <= WIDTH_MAX
            assert width >= min(WIDTH_MAX, longest)  # fits, or is as wide as allowed and wraps


@pytest.mark.slow
@pytest.mark.skipif(not CALC, reason="LibreOffice Calc is not installed (apt-get install libreoffice-calc-nogui)")
def test_libreoffice_calc_opens_the_record_and_its_content_survives(processor_xlsx: bytes, tmp_path: Path) -> None:
    source = tmp_path / "record.xlsx"
    source.write_bytes(processor_xlsx)
    done = subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(tmp_path / "csv"),
         str(source)],
        capture_output=True, timeout=180, text=True,
    )
    converted = tmp_path / "csv" / "record.csv"
    assert done.returncode == 0 and converted.exists(), done.stderr
    rows = list(csv.reader(io.StringIO(converted.read_text(encoding="utf-8"))))
    expected = [list(r) for r in load_workbook(io.BytesIO(processor_xlsx)).worksheets[0].iter_rows(values_only=True)]
    assert rows[0][:3] == ["Controller", "Processing activity", "Categories of processing carried out"]
    assert len(rows) == len(expected) and len(rows) > 2
    for got, want in zip(rows, expected, strict=True):  # every cell, accents and line breaks included
        assert got == [str(v) if v is not None else "" for v in want]
    assert {r[0] for r in rows[1:]} == {"Cabinet Martin & Associés", "Garage Leroy"}
