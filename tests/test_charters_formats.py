"""The charters written as DOCX and PDF and read back: every block of the tree is in the file."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader
from test_docx_writer import assert_in_order, body_paragraphs, expected_texts, read

from conftest import load_example
from dpagen.build import build
from dpagen.writers import get_writer

CHARTERS = [("okasio", "privacy-notice"), ("okasio", "subprocessors"), ("avm-up", "processor-charter")]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(("example", "document"), CHARTERS)
def test_docx_holds_every_block_of_the_charter(example: str, document: str, language: str) -> None:
    tree = build(load_example(example), document, language=language)
    doc = read(get_writer("docx").write(tree))
    assert_in_order(expected_texts(tree), [p.text for p in body_paragraphs(doc)])


def _squash(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f-]+", "", text)


@pytest.mark.parametrize(("example", "document"), CHARTERS)
def test_pdf_holds_every_heading_and_table_row_of_the_charter(example: str, document: str) -> None:
    import io

    tree = build(load_example(example), document, language="fr")
    reader = PdfReader(io.BytesIO(get_writer("pdf").write(tree)))
    text = _squash("".join(page.extract_text() for page in reader.pages))
    for section in tree.sections:
        assert _squash(section.title) in text
        for clause in section.clauses:
            assert _squash(clause.heading) in text
            for block in clause.blocks:
                for row in getattr(block, "rows", []):
                    first = "".join(s.text for s in row[0])
                    assert _squash(first)[:40] in text, first
