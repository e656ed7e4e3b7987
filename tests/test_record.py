"""The Art. 30 record: content from each example, XLSX and PDF read back, a processor batch, gaps."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dpagen.cli import main
from dpagen.examples import example_names, load_example
from dpagen.model import Description
from dpagen.record import processor_record, record_for
from dpagen.record.tree import record_tree
from dpagen.record.xlsx import write_xlsx

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _client(name: str) -> Description:
    d = load_example("avm-up").model_copy(deep=True)
    assert d.controller is not None
    d.controller.legal_name, d.controller.brand = name, None
    return d


@pytest.mark.parametrize("name", example_names())
@pytest.mark.parametrize("language", ["fr", "en"])
def test_xlsx_states_every_activity_item(name: str, language: str) -> None:
    d = load_example(name)
    record = record_for([d], language)
    book = load_workbook(io.BytesIO(write_xlsx(record, draft=True)))
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert len(rows) - 1 == len(d.activities)
    assert sheet.freeze_panes == "B2"
    assert all(sheet.cell(2, c).alignment.wrap_text for c in range(1, len(header) + 1))
    if language == "en":
        if record.kind == "controller":
            assert "Purposes and legal bases" in header and "Retention periods" in header
        else:
            assert "Categories of processing carried out" in header and "Subprocessors" in header
    for row, activity in zip(rows[1:], d.activities, strict=True):
        cells = dict(zip(header, row, strict=True))
        name_col = "Activité de traitement" if language == "fr" else "Processing activity"
        assert cells[name_col] in (activity.name, d.translations.get(language, {}).get(activity.name))
        subjects = cells["Personnes concernées" if language == "fr" else "Data subjects"]
        for subject in activity.data_subjects[:1]:
            assert subject in subjects or d.translations.get(language, {}).get(subject, "") in subjects
    widths = [sheet.column_dimensions[c].width for c in "ABC"]
    assert all(12 <= w <= 60 for w in widths)


def test_xlsx_is_byte_identical_and_dated_from_the_description() -> None:
    record = record_for([load_example("okasio")])
    first, second = write_xlsx(record), write_xlsx(record)
    assert first == second
    book = load_workbook(io.BytesIO(first))
    assert book.properties.creator == "dpagen"
    assert book.properties.modified.date() == record.updated


def test_processor_batch_gives_one_record_with_a_section_per_client() -> None:
    record = processor_record([_client("Zeta Avocats"), _client("Alpha Notaires"), load_example("avm-up")])
    assert [s.title for s in record.sections] == ["Alpha Notaires", "Cabinet Martin & Associés", "Zeta Avocats"]
    sheet = load_workbook(io.BytesIO(write_xlsx(record))).worksheets[0]
    controllers = [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(set(controllers)) == ["Alpha Notaires", "Cabinet Martin & Associés", "Zeta Avocats"]
    text = record_tree(record).text()
    assert "Pour le compte de Zeta Avocats" in text and "Art" not in record.gaps()


def test_different_processors_are_refused() -> None:
    with pytest.raises(Exception, match="different processors"):
        processor_record([load_example("avm-up"), load_example("mobile-marketing")])


def test_gaps_name_the_path_and_the_point_of_article_30() -> None:
    gaps = record_for([load_example("optipic-flawed")]).gaps()
    assert any("security_measures (Art. 30(1)(g))" in g for g in gaps)
    assert any(".retention (Art. 30(1)(f))" in g for g in gaps)
    assert any(".transfer (Art. 30(1)(e))" in g for g in gaps)


def test_cli_record_final_refused_draft_written_pdf_read_back(tmp_path, capsys) -> None:
    from pypdf import PdfReader

    from dpagen.io import save

    flawed = ["generate", str(EXAMPLES / "optipic-flawed.json"), "--doc", "record", "--format", "xlsx",
              "--out", str(tmp_path)]
    assert main(flawed) == 1
    assert "Art. 30(1)(g)" in capsys.readouterr().err
    other = tmp_path / "zeta.json"
    save(_client("Zeta Avocats"), other)
    args = ["generate", str(EXAMPLES / "avm-up.json"), "--doc", "record", "--format", "xlsx,pdf,md",
            "--lang", "en", "--out", str(tmp_path), "--client", str(other)]
    assert main(args) == 0
    pdf = next(tmp_path.glob("record-*.pdf"))
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    d = load_example("avm-up")
    assert "Article 30(2)" in text
    assert "Subprocessors" in text and "HostLyon" in text
    assert d.processor and d.processor.legal_name and d.processor.legal_name in text
    assert "On behalf of Zeta Avocats" in text and "On behalf of Cabinet Martin" in text
