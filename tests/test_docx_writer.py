"""The DOCX writer, read back with python-docx: content in order, styles, tables, page set-up, fields."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from docxtpl import DocxTemplate

from dpagen.build import build
from dpagen.doctree import (
    BulletList,
    Clause,
    Document,
    Paragraph,
    Section,
    Signature,
    Span,
    Table,
    plain,
)
from dpagen.errors import DpagenError, InputFileError, TemplateError
from dpagen.model import Description
from dpagen.writers import get_writer
from dpagen.writers.docx import _context, default_template, environment, write
from dpagen.writers.docx_body import Subdoc

ROOT = Path(__file__).resolve().parent.parent
SPECIAL = 'Dupont & Fils <SARL> « test » {{ 7*7 }} {% if %} "q" {_{ x }_}'


# -- helpers --------------------------------------------------------------------------------------
def read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def blocks(doc: docx.document.Document) -> list[DocxParagraph]:
    """Every paragraph of the body in order, table cells included."""
    out: list[DocxParagraph] = []
    for item in doc.iter_inner_content():
        if isinstance(item, DocxTable):
            for row in item.rows:
                for cell in row.cells:
                    out.extend(cell.paragraphs)
        else:
            out.append(item)
    return out


def tables(doc: docx.document.Document) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]


def expected_texts(tree: Document) -> list[str]:
    """The text of every heading, paragraph, list item and table cell of the tree, in order."""
    out = []
    for section in tree.sections:
        out.append(section.title)
        for clause in section.clauses:
            out.append(clause.heading)
            for block in clause.blocks:
                if isinstance(block, Paragraph):
                    text = plain(block.spans)
                    out.append(f"{block.number}\t{text}" if block.number else text)
                elif isinstance(block, BulletList):
                    out.extend(plain(item) for item in block.items)
                else:
                    out.extend(block.header)
                    out.extend(plain(cell) for row in block.rows for cell in row)
    return out


def assert_in_order(expected: list[str], actual: list[str]) -> None:
    """Each expected text is a paragraph of ``actual``, in the same order."""
    position = 0
    for text in expected:
        try:
            position = actual.index(text, position) + 1
        except ValueError:
            pytest.fail(f"missing or out of order in the DOCX: {text!r}")


def body_paragraphs(doc: docx.document.Document) -> list[DocxParagraph]:
    """Paragraphs outside the table of contents."""
    return [p for p in blocks(doc) if not p.style.name.lower().startswith("toc")]


def dpa(description: Description, language: str, *, draft: bool = False) -> Document:
    return build(description, "dpa", language=language, draft=draft)


def sample_tree(name: str = "Acme", *, draft: bool = False) -> Document:
    """A small hand-made tree with every kind of block and span."""
    blank = Span("[●] to be completed: breach.delay", "blank")
    rows = [[[Span(f"Sub {i} & Co")], [Span("hosting")], [Span("France")]] for i in range(40)]
    return Document(
        kind="dpa",
        language="en",
        title="Data Processing Agreement",
        subtitle="Article 28 GDPR",
        parties_line=f"Between {name} and X",
        sections=[
            Section("general", "Section I — General", [
                Clause("a", "Purpose", [
                    Paragraph([Span("This binds "), Span(name, "strong"), Span(".")], "1.1"),
                    Paragraph([Span("Notice within "), blank, Span(".")], "1.2"),
                    BulletList([[Span("first item")], [Span("second item")]]),
                ], number="1"),
                Clause("b", "Term", [Paragraph([Span("One paragraph only.")])], number="2"),
            ]),
            Section("annex-iv", "Annex IV — Subprocessors", [
                Clause("c", "Authorised subprocessors",
                       [Table(["Name", "Activity", "Country"], rows, "subs")]),
            ], kind="annex", label="IV"),
        ],
        signatures=[
            Signature("Controller", [Span(name)], [Span("Ann Lee")], [Span("CEO")], "Signed at … on …"),
            Signature("Processor", [Span("X")], [Span("[●] to be completed: name", "blank")], [Span("CTO")],
                      "Signed at … on …"),
        ],
        draft=draft,
        reference="REF-1",
        version="2",
        date=dt.date(2026, 3, 1),
        header=("DRAFT — " if draft else "") + f"DPA — {name}",
        labels={
            "contents": "Contents", "page": "Page", "draft": "DRAFT", "draft_note": "Draft note.",
            "signature": "Signature", "name": "Name", "title": "Title", "version": "Version",
            "reference": "Reference", "effective": "Effective",
        },
    )


def letterhead(tmp_path: Path, *lines: str, name: str = "letterhead.docx") -> Path:
    """A legal team's template made with python-docx's stock document (US Letter, its own styles)."""
    doc = docx.Document()
    for line in lines:
        doc.add_paragraph(line)
    doc.sections[0].header.paragraphs[0].text = "ACME LAW LLP — {{ running_header }}"
    path = tmp_path / name
    doc.save(str(path))
    return path


SIGNATURE_LOOP = ("{%p for sig in signatures %}", "{{ sig.role }}: {{ sig.name }}", "{%p endfor %}")


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest) -> str:
    return str(request.param)


# -- the contract for the AVM Up example ----------------------------------------------------------
def test_every_heading_and_paragraph_in_order(avm_up: Description, language: str) -> None:
    tree = dpa(avm_up, language)
    doc = read(write(tree))
    assert_in_order(expected_texts(tree), [p.text for p in body_paragraphs(doc)])


def test_headings_use_word_heading_styles(avm_up: Description, language: str) -> None:
    tree = dpa(avm_up, language)
    doc = read(write(tree))
    level1 = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    level2 = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert level1 == [s.title for s in tree.sections if s.kind == "body"] + [tree.labels["signature"]] + [
        s.title for s in tree.sections if s.kind == "annex"
    ]
    assert level2 == [c.heading for c in tree.clauses()]
    assert all(c.number for s in tree.sections if s.kind == "body" for c in s.clauses)


def test_annex_tables_are_real_tables_with_every_row(avm_up: Description, language: str) -> None:
    tree = dpa(avm_up, language)
    doc = read(write(tree))
    found = tables(doc)
    tree_tables = [b for c in tree.clauses() for b in c.blocks if isinstance(b, Table)]
    assert tree_tables, "the example has annex tables"
    for table in tree_tables:
        expected = [table.header] + [[plain(c) for c in row] for row in table.rows]
        assert expected in found
    names = [row[0] for t in found for row in t]
    for sub in avm_up.subprocessors:
        assert any(sub.name in n for n in names), sub.name
    header_rows = [t.rows[0]._tr for t in doc.tables if t.style is not None and t.style.name == "Annex Table"]
    assert len(header_rows) == len(tree_tables)
    assert all(tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None for tr in header_rows)


def test_page_setup_is_a4(avm_up: Description) -> None:
    doc = read(write(dpa(avm_up, "fr")))
    for section in doc.sections:
        assert abs(section.page_width - Mm(210)) < Mm(0.5)
        assert abs(section.page_height - Mm(297)) < Mm(0.5)


def test_footer_has_page_and_numpages_fields(avm_up: Description) -> None:
    doc = read(write(dpa(avm_up, "fr")))
    footer = doc.sections[0].footer
    codes = [t.text.strip() for t in footer._element.iter(qn("w:instrText"))]
    assert codes == ["PAGE", "NUMPAGES"]
    assert footer.paragraphs[0].text.split("\t")[-1].startswith("Page ")


def test_header_has_running_text(avm_up: Description, language: str) -> None:
    tree = dpa(avm_up, language)
    doc = read(write(tree))
    header = doc.sections[0].header.paragraphs[0].text
    assert tree.header in header
    assert tree.labels["draft"] not in header


def test_signature_block_names_both_signatories(avm_up: Description, language: str) -> None:
    tree = dpa(avm_up, language)
    doc = read(write(tree))
    cells = [cell for t in tables(doc) for row in t for cell in row]
    assert len(tree.signatures) == 2
    for sig in tree.signatures:
        block = next(c for c in cells if c.startswith(sig.role))
        assert plain(sig.name) in block and plain(sig.company) in block and plain(sig.title) in block
    assert "Claire Martin" in "".join(cells) and "Marc Delorme" in "".join(cells)


def test_cover_shows_title_parties_and_details(avm_up: Description) -> None:
    tree = dpa(avm_up, "fr")
    texts = [p.text for p in read(write(tree)).paragraphs]
    assert texts.index(tree.title) < texts.index(tree.subtitle) < texts.index(tree.parties_line)
    assert f"Référence\u00a0: {tree.reference}" in texts
    assert f"Version\u00a0: {tree.version}" in texts
    assert "En vigueur le 1er décembre 2026" in texts  # the example's effective date


def test_draft_marks_header_and_highlights_blanks(avm_up: Description, language: str) -> None:
    data = avm_up.model_dump(mode="json", exclude_none=True)
    data["controller"].pop("legal_name")
    tree = dpa(Description.model_validate(data), language, draft=True)
    doc = read(write(tree))
    label = tree.labels["draft"]
    assert label in ("PROJET", "DRAFT")
    header = doc.sections[0].header.paragraphs[0]
    assert header.text.startswith(f"{label} — ")
    assert any(r.text == label and r.style.font.bold for r in header.runs)
    blanks = [r for p in blocks(doc) for r in p.runs if r.text.startswith("[●]")]
    assert blanks, "the missing legal name leaves a blank"
    for r in blanks:
        assert r.style.name == "Blank Field"
        assert r.style.font.highlight_color == WD_COLOR_INDEX.YELLOW
    assert tree.labels["draft_note"] in [p.text for p in doc.paragraphs]


def test_special_characters_survive_exactly(avm_up: Description, language: str) -> None:
    data = avm_up.model_dump(mode="json", exclude_none=True)
    data["controller"]["legal_name"] = SPECIAL
    tree = dpa(Description.model_validate(data), language)
    assert SPECIAL in tree.parties_line
    doc = read(write(tree))
    texts = [p.text for p in blocks(doc)]
    assert tree.parties_line in texts
    assert any(t == SPECIAL for t in texts), "the signature block shows the name alone"
    assert SPECIAL in doc.sections[0].header.paragraphs[0].text
    assert_in_order([t for t in expected_texts(tree) if SPECIAL in t], [p.text for p in body_paragraphs(doc)])


def test_two_renders_give_identical_bytes(avm_up: Description) -> None:
    first = write(dpa(avm_up, "fr"))
    assert write(dpa(avm_up, "fr")) == first
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert z.namelist()[0] == "[Content_Types].xml"
        assert {i.date_time for i in z.infolist()} == {(2026, 12, 1, 0, 0, 0)}


def test_core_properties_come_from_the_document(avm_up: Description) -> None:
    tree = dpa(avm_up, "en")
    data = write(tree)
    props = read(data).core_properties
    assert props.title == tree.title
    assert props.author == "dpagen"
    assert props.created == dt.datetime(2026, 12, 1, tzinfo=props.created.tzinfo)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        everything = b"".join(z.read(n) for n in z.namelist())
    assert b"python-docx" not in everything


def test_language_is_set_and_no_field_update_is_asked(avm_up: Description, language: str) -> None:
    doc = read(write(dpa(avm_up, language)))
    lang = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang.get(qn("w:val")) == {"fr": "fr-FR", "en": "en-GB"}[language]
    # the contents need no refresh (no page-number fields): Word opens the file without a prompt
    assert doc.settings.element.find(qn("w:updateFields")) is None
    codes = {t.text.split()[0] for t in doc.element.body.iter(qn("w:instrText"))}
    assert "PAGEREF" not in codes


def test_get_writer_returns_this_writer(avm_up: Description) -> None:
    tree = dpa(avm_up, "fr")
    assert get_writer("docx").write(tree) == write(tree)


# -- layout details on a hand-made tree -----------------------------------------------------------
def test_numbered_paragraphs_bullets_and_contents() -> None:
    tree = sample_tree()
    doc = read(write(tree))
    paragraphs = {p.text: p for p in doc.paragraphs}
    assert paragraphs["1.1\tThis binds Acme."].style.name == "Clause Paragraph"
    assert paragraphs["One paragraph only."].style.name == "Body Text"
    assert paragraphs["first item"].style.name == "List Bullet"
    strong = [r for r in paragraphs["1.1\tThis binds Acme."].runs if r.text == "Acme"]
    assert strong and strong[0].style.name == "Strong"
    toc = [p for p in doc.paragraphs if p.style.name.startswith("toc")]
    assert [p.text for p in toc] == ["Section I — General", "1. Purpose", "2. Term", "Signature",
                                     "Annex IV — Subprocessors", "Authorised subprocessors"]
    # each entry links to its heading's bookmark; no page number (see docx_body.BodyBuilder.contents)
    assert [p._p.xpath("./w:hyperlink/@w:anchor") for p in toc] == [[f"_dpg{i}"] for i in range(1, 7)]
    assert not list(doc.element.body.iter(qn("w:instrText")))
    # the signature block's heading is a real Heading 1 holding the bookmark its contents entry points to
    [heading] = [p for p in doc.paragraphs if p.text == "Signature" and not p.style.name.startswith("toc")]
    assert heading.style.name == "Heading 1"
    assert heading._p.xpath("./w:bookmarkStart/@w:name") == ["_dpg4"]


def test_long_table_keeps_every_row_and_repeats_its_header() -> None:
    doc = read(write(sample_tree()))
    table = next(t for t in doc.tables if t.style.name == "Annex Table")
    assert len(table.rows) == 41
    assert [c.text for c in table.rows[40].cells] == ["Sub 39 & Co", "hosting", "France"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_a_document_without_date_is_still_byte_stable() -> None:
    first, second = sample_tree(), sample_tree()
    first.date = second.date = None
    data = write(first)
    assert write(second) == data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {i.date_time for i in z.infolist()} == {(2000, 1, 1, 0, 0, 0)}


# -- layouts: report (cover page, contents page) and compact (title block atop page 1) -------------
def opening(doc: docx.document.Document) -> list[Any]:
    """The body's elements before the first Heading 1 (the cover, contents or title block)."""
    out = []
    for item in doc.iter_inner_content():
        if isinstance(item, DocxParagraph) and item.style.name == "Heading 1":
            return out
        out.append(item)
    pytest.fail("no Heading 1 in the document")


def page_breaks(items: list[Any]) -> int:
    """Page breaks in these body elements: hard breaks and 'page break before' paragraphs."""
    return sum(
        len(i._element.xpath('.//w:br[@w:type="page"] | .//w:pageBreakBefore')) for i in items
    ) + sum(len(i._element.xpath(".//w:sectPr")) for i in items)


def toc_entries(doc: docx.document.Document) -> list[str]:
    """The table of contents' entries (styles "toc 1", "toc 2")."""
    return [p.text for p in doc.paragraphs if p.style.name.lower() in ("toc 1", "toc 2")]


def first_page_footer_fields(doc: docx.document.Document) -> list[str]:
    return [t.text.strip() for t in doc.sections[0].first_page_footer._element.iter(qn("w:instrText"))]


def test_compact_sample_opens_with_a_title_block_and_no_contents() -> None:
    tree = sample_tree()
    tree.layout, tree.date_text = "compact", "1 March 2026"
    doc = read(write(tree))
    head = opening(doc)
    assert page_breaks(head) == 0, "the body follows the title block on page 1"
    assert [(p.style.name, p.text) for p in head] == [
        ("Compact Title", tree.title),
        ("Compact Subtitle", tree.subtitle),
        ("Compact Parties", tree.parties_line),
        ("Compact Details", "Reference: REF-1 — Version: 2 — Effective 1 March 2026"),
    ]
    assert toc_entries(doc) == [] and "Contents" not in [p.text for p in doc.paragraphs]
    assert not any(p.style.name in ("Title", "Cover Parties", "TOC Heading") for p in doc.paragraphs)
    assert first_page_footer_fields(doc) == ["PAGE", "NUMPAGES"], "page 1 is numbered"
    assert doc.sections[0].first_page_footer.paragraphs[0].text.startswith("Reference: REF-1")
    assert_in_order(expected_texts(tree), [p.text for p in blocks(doc)])


def test_report_layout_keeps_its_cover_and_contents_pages() -> None:
    tree = sample_tree()
    assert tree.layout == "report" and tree.has_contents
    doc = read(write(tree))
    head = opening(doc)
    styles = [p.style.name for p in head if isinstance(p, DocxParagraph) and p.text]
    assert styles[:3] == ["Title", "Subtitle", "Cover Parties"]
    assert styles[-1].lower() == "toc 2" and "TOC Heading" in styles
    assert page_breaks(head) == 2, "a page break after the cover and one after the contents"
    assert len(toc_entries(doc)) == 6  # with the signature block's heading
    assert first_page_footer_fields(doc) == [], "the cover has no page number"
    assert not any(p.style.name.startswith("Compact") for p in doc.paragraphs)


def test_contents_option_overrides_the_layout() -> None:
    compact = sample_tree()
    compact.layout, compact.contents = "compact", True
    doc = read(write(compact))
    head = opening(doc)
    assert [p.style.name for p in head if isinstance(p, DocxParagraph) and p.text][:2] == [
        "Compact Title", "Compact Subtitle"]
    assert len(toc_entries(doc)) == 6 and page_breaks(head) == 1  # title block and contents, then the body
    report = sample_tree()
    report.contents = False
    doc = read(write(report))
    assert toc_entries(doc) == [] and page_breaks(opening(doc)) == 1  # the cover page only
    assert doc.paragraphs[0].style.name == "Title"


def test_subprocessor_list_is_compact(avm_up: Description, language: str) -> None:
    tree = build(avm_up, "subprocessors", language=language)
    assert tree.layout == "compact" and not tree.has_contents
    doc = read(write(tree))
    head = opening(doc)
    assert page_breaks(head) == 0 and toc_entries(doc) == []
    assert head[0].text == tree.title and head[-1].text.endswith(tree.date_text)
    assert next(p for p in doc.paragraphs if p.style.name == "Heading 1").text == tree.sections[0].title
    assert first_page_footer_fields(doc) == ["PAGE", "NUMPAGES"]
    assert_in_order(expected_texts(tree), [p.text for p in body_paragraphs(doc)])


def test_compact_draft_keeps_its_notice_and_marks() -> None:
    tree = sample_tree(draft=True)
    tree.layout = "compact"
    doc = read(write(tree))
    head = opening(doc)
    assert [p.style.name for p in head[:2]] == ["Draft Notice", "Compact Title"]
    assert doc.sections[0].first_page_header.paragraphs[0].text == "DRAFT"
    assert doc.sections[0].header.paragraphs[0].text == "DRAFT — DPA — Acme"


def test_compact_layout_is_byte_stable(avm_up: Description) -> None:
    tree = build(avm_up, "subprocessors", language="fr")
    assert write(tree) == write(build(avm_up, "subprocessors", language="fr"))


# -- templates ------------------------------------------------------------------------------------
def test_custom_template_is_used(tmp_path: Path) -> None:
    path = letterhead(tmp_path, "ACME LAW LLP", "{{ title }}", "{{p body }}", *SIGNATURE_LOOP)
    doc = read(write(sample_tree(), template=path))
    texts = [p.text for p in doc.paragraphs]
    assert texts[:2] == ["ACME LAW LLP", "Data Processing Agreement"]
    assert "Controller: Ann Lee" in texts
    assert doc.sections[0].header.paragraphs[0].text == "ACME LAW LLP — DPA — Acme"
    assert [p.style.name for p in doc.paragraphs if p.text == "1.1\tThis binds Acme."] == ["Clause Paragraph"]
    assert doc.styles["Blank Field"].font.highlight_color == WD_COLOR_INDEX.YELLOW
    assert_in_order(expected_texts(sample_tree()), [p.text for p in blocks(doc)])


def test_a_template_with_its_own_signature_heading_gets_no_entry_for_it(tmp_path: Path) -> None:
    """An older letterhead writes "Signatures" itself: the contents list no heading it cannot point to."""
    path = letterhead(tmp_path, "{{p toc }}", "{{p main }}", "Signatures", *SIGNATURE_LOOP, "{{p annexes }}")
    doc = read(write(sample_tree(), template=path))
    toc = [p.text.rstrip("\t") for p in doc.paragraphs if p.style.name.startswith("toc")]
    assert toc == ["Section I — General", "1. Purpose", "2. Term", "Annex IV — Subprocessors",
                   "Authorised subprocessors"]
    marks = set(doc.element.body.xpath(".//w:bookmarkStart/@w:name"))
    anchors = doc.element.body.xpath(".//w:hyperlink/@w:anchor")
    assert len(anchors) == len(toc) and set(anchors) <= marks


def test_unknown_placeholder_fails_naming_it(tmp_path: Path) -> None:
    path = letterhead(tmp_path, "{{p body }}", "{{ no_such_value }}", *SIGNATURE_LOOP)
    with pytest.raises(DpagenError, match="no_such_value"):
        write(sample_tree(), template=path)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (("{{ title }}", *SIGNATURE_LOOP), "exactly once"),
        (("{{p body }}", "{{p body }}", *SIGNATURE_LOOP), "exactly once"),
        (("{{p main }}", *SIGNATURE_LOOP), "exactly once"),
        (("Text {{ body }}", *SIGNATURE_LOOP), "inside a paragraph"),
        (("{{p body }}",), "signature block"),
        (("{{p body }}", "{% if %}", *SIGNATURE_LOOP), "syntax error"),
    ],
)
def test_templates_that_would_lose_text_are_refused(
    tmp_path: Path, lines: tuple[str, ...], message: str
) -> None:
    with pytest.raises(TemplateError, match=message):
        write(sample_tree(), template=letterhead(tmp_path, *lines))


def test_missing_or_broken_template_file(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="not found"):
        write(sample_tree(), template=tmp_path / "nope.docx")
    (tmp_path / "text.docx").write_text("not a zip")
    with pytest.raises(TemplateError, match="not a Word"):
        write(sample_tree(), template=tmp_path / "text.docx")


def test_default_template_uses_only_known_placeholders() -> None:
    parts = {name: Subdoc(name, "", 0) for name in ("main", "annexes", "body", "toc", "signature_heading")}
    known = set(_context(sample_tree(), parts, {"strong": "Strong", "blank": "BlankField"}))
    used = DocxTemplate(str(default_template())).get_undeclared_template_variables(jinja_env=environment())
    assert used and used <= known, used - known


def test_committed_template_matches_its_script() -> None:
    script = ROOT / "tools" / "make_docx_template.py"
    spec = importlib.util.spec_from_file_location("make_docx_template", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == default_template().read_bytes()


# -- a real renderer ------------------------------------------------------------------------------
SOFFICE = shutil.which("soffice") or next(
    (p for p in ("/usr/lib/libreoffice/program/soffice",) if Path(p).exists()), None
)


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_lays_it_out_with_page_numbers_and_contents(avm_up: Description, tmp_path: Path) -> None:
    from pypdf import PdfReader

    (tmp_path / "dpa.docx").write_bytes(write(dpa(avm_up, "en")))
    subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "dpa.docx")],
        check=True, capture_output=True, timeout=120,
    )
    pdf = PdfReader(str(tmp_path / "dpa.pdf"))
    pages = len(pdf.pages)
    second = pdf.pages[1].extract_text()
    assert f"Page 2 / {pages}" in second
    assert "Contents" in second
    # the contents list every heading, without page numbers (a DOCX has none without a field update)
    assert "Section I" in second and "Annex IV" in second


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_lays_the_compact_list_out_from_page_one(avm_up: Description, tmp_path: Path) -> None:
    from pypdf import PdfReader

    tree = build(avm_up, "subprocessors", language="en")
    (tmp_path / "list.docx").write_bytes(write(tree))
    subprocessors_run = [
        str(SOFFICE), f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
        "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "list.docx"),
    ]
    subprocess.run(subprocessors_run, check=True, capture_output=True, timeout=120)
    pdf = PdfReader(str(tmp_path / "list.pdf"))
    pages = len(pdf.pages)
    first = " ".join(pdf.pages[0].extract_text().split())
    assert pages <= 3
    assert tree.title in first and tree.sections[0].title in first and tree.clauses()[0].title in first
    assert f"Page 1 / {pages}" in first
    assert "Contents" not in first


def test_a_table_too_wide_for_its_words_is_set_smaller_instead_of_breaking_them() -> None:
    """Six columns of long French words do not fit at 9 pt: the table goes down to 8 or 7.5 pt, and each
    column is at least as wide as its longest word at that size (no word is cut inside a cell)."""
    tree = sample_tree()
    header = ["Prestataire", "Ce qu'il fait", "Établissement et lieux", "Garantie de transfert", "Certifications",
              "Ajouté le"]
    cells = ["Hébergement Sud", "acheminement des SMS", "France / France", "sans objet (EEE)",
             "ISO 27001, HDS, PCI-DSS", "1er septembre 2022"]
    wide = Table(header, [[[Span(cells[0], "strong")], *[[Span(c)] for c in cells[1:]]]] * 3, "wide")
    tree.sections[1].clauses[0].blocks.append(wide)
    doc = read(write(tree))
    narrow_table, wide_table = doc.tables[-2], doc.tables[-1]
    assert wide_table.cell(0, 0).text == "Prestataire"

    def sizes(table: Any) -> set[str | None]:
        return {r.get(qn("w:val")) for r in table._tbl.iter(qn("w:sz"))}

    assert sizes(narrow_table) == set()  # the usual size, from the style
    [size] = sizes(wide_table)
    assert size in ("16", "15")
    widths = [int(c.get(qn("w:w"))) for c in wide_table._tbl.iter(qn("w:gridCol"))]
    per_char = 130 * int(size) / 18  # the bold width the layout allows for
    for j, width in enumerate(widths):
        longest = max(len(w) for w in " ".join([header[j], cells[j]]).split())
        assert width >= longest * per_char, (header[j], width)
