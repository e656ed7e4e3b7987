"""The PDF writer, read back with pypdf. Each render costs about a second: renders are shared by module."""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pypdf
import pytest

from dpagen.build import build
from dpagen.doctree import Clause, Document, Paragraph, Section, Span
from dpagen.errors import UsageError
from dpagen.model import Description
from dpagen.writers import get_writer
from dpagen.writers.html_fetch import FetchRefused, local_path
from dpagen.writers.html_render import html_dir
from dpagen.writers.pdf import write
from tests.conftest import load_example

pytestmark = pytest.mark.slow

SPECIAL = "Dupont & Fils <SARL> > 3 « Lyon » {{ 7*7 }}"
NNBSP_TITLE = "Conditions générales\u202f: services AVM\u00a0Up"


class Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def no_weasyprint_warning() -> Iterator[None]:
    """Fail on any warning WeasyPrint logs (bad CSS, a resource it could not load, a layout problem)."""
    logger = logging.getLogger("weasyprint")
    recorder = Recorder()
    logger.addHandler(recorder)
    try:
        yield
    finally:
        logger.removeHandler(recorder)
    assert not recorder.records, [r.getMessage() for r in recorder.records]


def render(tree: Document, template: Path | None = None) -> bytes:
    with no_weasyprint_warning():
        return write(tree, template=template)


def flat(text: str) -> str:
    """Collapse spaces and line breaks, but keep no-break spaces (U+00A0, U+202F) as they are.

    A line broken after a hyphen ("Sous-" / "traitant") is joined back: the text has no hyphenation.
    """
    return re.sub(r"[ \t\r\n]+", " ", re.sub(r"(?<=\w-)\n(?=\w)", "", text))


class Pdf:
    def __init__(self, data: bytes, tree: Document) -> None:
        self.data = data
        self.reader = pypdf.PdfReader(io.BytesIO(data))
        self.pages = [page.extract_text() for page in self.reader.pages]
        self.text = flat("\n".join(self.pages))
        # the flow of the body, without the running header and footer between pages, nor the list
        # markers (pypdf extracts them apart, after the page's text)
        total = len(self.pages)
        footer = tree.labels["page"] + " {} / " + str(total)
        colon = "\u00a0:" if tree.language == "fr" else ":"
        details = [f"{tree.labels[k]}{colon} {v}" for k, v in (("reference", tree.reference),
                                                                ("version", tree.version)) if v]
        footer_text = tree.footer or " — ".join(details)  # left of the page number, as in the DOCX
        self.flow = flat("\n".join(
            flat(re.sub(r"(?m)^•\s*$", "", text))
            .replace(flat(tree.header), " ")
            .replace(footer.format(n), " ")
            .replace(flat(footer_text) if footer_text else footer.format(n), " ")
            for n, text in enumerate(self.pages, 1)
        ))


def special(description: Description) -> Description:
    """The example with a hostile controller name and French spacing in the main agreement's title."""
    assert description.controller is not None and description.main_agreement is not None
    controller = description.controller.model_copy(update={"legal_name": SPECIAL})
    agreement = description.main_agreement.model_copy(update={"title": NNBSP_TITLE})
    return description.model_copy(update={"controller": controller, "main_agreement": agreement})


@pytest.fixture(scope="module")
def avm() -> Description:
    return special(load_example("avm-up"))


@pytest.fixture(scope="module", params=["fr", "en"])
def rendered(request: pytest.FixtureRequest, avm: Description) -> tuple[Document, Pdf]:
    tree = build(avm, "dpa", language=request.param)
    return tree, Pdf(render(tree), tree)


def test_every_clause_heading_and_section_title_is_in_the_pdf(rendered: tuple[Document, Pdf]) -> None:
    tree, pdf = rendered
    assert len(tree.clauses()) > 20
    for section in tree.sections:
        assert flat(section.title) in pdf.text
    for clause in tree.clauses():
        assert flat(clause.heading) in pdf.text


def test_every_paragraph_is_in_the_pdf(rendered: tuple[Document, Pdf]) -> None:
    tree, pdf = rendered
    for clause in tree.clauses():
        for block in clause.blocks:
            if isinstance(block, Paragraph):
                text = flat(" ".join(filter(None, [block.number, "".join(s.text for s in block.spans)])))
                assert text in pdf.flow, text[:80]


def test_subprocessors_and_breach_delay(rendered: tuple[Document, Pdf], avm: Description) -> None:
    tree, pdf = rendered
    assert avm.subprocessors
    for sub in avm.subprocessors:
        assert sub.name in pdf.text
    hours = avm.breach.notice_hours
    word = "heures" if tree.language == "fr" else "hours"
    assert re.search(rf"\b{hours}[\s\u00a0\u202f]*(\([^)]*\)[\s\u00a0]*)?{word}\b", pdf.text), "breach delay"


def test_page_footer_counts_pages_and_header_runs(rendered: tuple[Document, Pdf]) -> None:
    tree, pdf = rendered
    total = len(pdf.pages)
    assert total > 5
    for number, text in enumerate(pdf.pages, 1):
        if number > 1:  # the cover has no running header nor footer, as in the DOCX
            assert f"{tree.labels['page']} {number} / {total}" in text
            assert flat(tree.header) in flat(text)
    assert flat(tree.header) not in flat(pdf.pages[0])
    assert f"{tree.labels['page']} 1 / {total}" not in pdf.pages[0]


def outline(reader: pypdf.PdfReader) -> list[tuple[str, int]]:
    """Bookmarks in document order, as (title, 1-based page)."""
    out: list[tuple[str, int]] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                out.append((item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline)
    return out


def test_bookmarks_are_the_sections_and_clauses_in_order(rendered: tuple[Document, Pdf]) -> None:
    tree, pdf = rendered
    marks = [title for title, _ in outline(pdf.reader)]
    expected: list[str] = []
    for section in tree.sections:
        if section.kind == "annex" and tree.labels["signature"] not in expected:
            expected.append(tree.labels["signature"])  # the signatures come before the annexes
        expected += [section.title] + [c.heading for c in section.clauses]
    assert marks == expected
    top = [item.title for item in pdf.reader.outline if not isinstance(item, list)]
    assert top == [t for t in expected if t in {s.title for s in tree.sections} | {tree.labels["signature"]}]


def test_table_of_contents_gives_the_page_of_each_heading(rendered: tuple[Document, Pdf]) -> None:
    tree, pdf = rendered
    marks = outline(pdf.reader)
    first_body = min(page for _, page in marks)
    assert first_body >= 3  # cover, contents, then the body
    toc = flat(" ".join(pdf.pages[1:first_body - 1]))
    assert toc.startswith(tree.labels["contents"])
    position = 0
    for heading, page in marks:
        match = re.compile(re.escape(flat(heading)) + r"[ .]*?(\d+)(?!\d)").search(toc, position)
        assert match, f"no TOC entry for {heading}"
        assert int(match.group(1)) == page, f"{heading}: the TOC says page {match.group(1)}, it is on {page}"
        assert flat(heading) in flat(pdf.pages[page - 1])
        position = match.end()


def test_cover_metadata_special_characters_and_spacing(rendered: tuple[Document, Pdf]) -> None:
    tree, pdf = rendered
    cover = flat(pdf.pages[0])
    for value in (tree.title, tree.subtitle, tree.parties_line, tree.reference, tree.version):
        assert value and flat(value) in cover
    assert SPECIAL in pdf.text and "49" not in cover
    assert NNBSP_TITLE in pdf.text  # pypdf keeps U+202F and U+00A0 (pdftotext would not)
    if tree.language == "fr":
        assert "\u00a0:" in pdf.text  # "Nom : …" in the signature blocks
    meta = pdf.reader.metadata
    assert meta is not None
    assert tree.date is not None
    assert meta["/CreationDate"] == meta["/ModDate"] == "D:" + tree.date.strftime("%Y%m%d")
    assert meta.title is not None and meta.title.startswith(tree.title)


def test_pages_are_a4(rendered: tuple[Document, Pdf]) -> None:
    _, pdf = rendered
    for page in pdf.reader.pages:
        assert round(float(page.mediabox.width) * 25.4 / 72) == 210
        assert round(float(page.mediabox.height) * 25.4 / 72) == 297


def test_two_renders_are_byte_identical(avm: Description, rendered: tuple[Document, Pdf]) -> None:
    tree, pdf = rendered
    if tree.language != "fr":
        pytest.skip("one language is enough")
    assert render(build(avm, "dpa", language="fr")) == pdf.data


def test_a_draft_shows_the_marker_on_every_page_and_its_blanks() -> None:
    description = load_example("avm-up")
    assert description.processor is not None
    processor = description.processor.model_copy(update={"representative": None})
    unsigned = description.contract.model_copy(update={"signatories": []})  # the representative signs
    tree = build(description.model_copy(update={"processor": processor, "contract": unsigned}), "dpa",
                 language="fr", draft=True)
    pdf = Pdf(render(tree), tree)
    marker = tree.labels["draft"]
    assert tree.header.startswith(marker)
    assert all(marker in text for text in pdf.pages)  # watermark on every page, header after the cover
    assert flat(tree.labels["draft_note"]) in flat(pdf.pages[0])
    assert "processor.representative.name" in pdf.text and "[●]" in pdf.text


# -- the compact layout: a title block atop page 1 ----------------------------------------------------
@pytest.fixture(scope="module")
def compact_list() -> tuple[Document, Pdf]:
    tree = build(load_example("avm-up"), "subprocessors", language="fr")
    return tree, Pdf(render(tree), tree)


@pytest.fixture(scope="module")
def compact_charter() -> tuple[Document, Pdf]:
    tree = build(load_example("avm-up"), "processor-charter", language="en")
    return tree, Pdf(render(tree), tree)


def test_compact_list_starts_with_its_title_and_first_section_on_page_one(
    compact_list: tuple[Document, Pdf],
) -> None:
    tree, pdf = compact_list
    assert tree.layout == "compact" and not tree.has_contents
    first = flat(pdf.pages[0])
    assert first.startswith(flat(tree.title))
    for text in (tree.subtitle, tree.parties_line, f"Version {tree.version}", tree.date_text,
                 tree.sections[0].title, tree.clauses()[0].title):
        assert flat(text) in first, text
    assert tree.labels["contents"] not in pdf.text
    assert len(pdf.pages) <= 3
    marks = outline(pdf.reader)
    assert marks[0] == (tree.sections[0].title, 1)
    expected = [t for s in tree.sections for t in [s.title, *(c.heading for c in s.clauses)]]
    assert [title for title, _ in marks] == expected
    for number, text in enumerate(pdf.pages, 1):
        assert f"{tree.labels['page']} {number} / {len(pdf.pages)}" in text
        assert (flat(tree.header) in flat(text)) is (number > 1)  # no running header above the title


def test_compact_list_pages_are_a4_and_byte_stable(compact_list: tuple[Document, Pdf]) -> None:
    _, pdf = compact_list
    assert all(round(float(p.mediabox.width) * 25.4 / 72) == 210 for p in pdf.reader.pages)
    assert render(build(load_example("avm-up"), "subprocessors", language="fr")) == pdf.data


def test_compact_charter_gives_contents_on_page_one_and_the_body_from_page_two(
    compact_charter: tuple[Document, Pdf],
) -> None:
    tree, pdf = compact_charter
    assert tree.layout == "compact" and tree.has_contents
    first = flat(pdf.pages[0])
    assert first.startswith(flat(tree.title)) and flat(tree.parties_line) in first
    assert first.index(flat(tree.date_text)) < first.index(tree.labels["contents"])
    marks = outline(pdf.reader)
    assert min(page for _, page in marks) == 2
    toc = first[first.index(tree.labels["contents"]):]
    position = 0
    for heading, page in marks:
        match = re.compile(re.escape(flat(heading)) + r"[ .]*?(\d+)(?!\d)").search(toc, position)
        assert match, f"no TOC entry for {heading}"
        assert int(match.group(1)) == page, f"{heading}: the TOC says page {match.group(1)}, it is on {page}"
        position = match.end()
    assert f"{tree.labels['page']} 1 / {len(pdf.pages)}" in pdf.pages[0]


# -- resources: only our own files ------------------------------------------------------------------
def tiny() -> Document:
    return Document(
        kind="dpa", language="en", title="Tiny", subtitle="S", parties_line="P",
        sections=[Section("s", "Section", [Clause("c", "Clause", [Paragraph([Span("text")])], number="1")])],
        date=dt.date(2026, 1, 5), date_text="5 January 2026",
        labels={"contents": "Contents", "page": "Page", "draft": "DRAFT", "draft_note": "n",
                "signature": "Sig", "name": "Name", "title": "Title", "version": "Version",
                "reference": "Ref", "effective": "Eff"},
    )


@pytest.mark.parametrize(
    "css",
    [
        '@import url("file:///etc/hostname");',
        "body { background: url(http://example.invalid/x.png); }",
        '@font-face { font-family: x; src: url("../../../../../../etc/hostname"); } body { font-family: x; }',
    ],
)
def test_a_stylesheet_cannot_fetch_outside_the_package(tmp_path: Path, css: str) -> None:
    """Refused alike for PDF and HTML (the HTML once inlined it as is, for the browser to fetch)."""
    template = tmp_path / "house.css"
    template.write_text(css, encoding="utf-8")
    for fmt in ("pdf", "html"):
        with pytest.raises(UsageError, match=r"house\.css, line 1: a house stylesheet may not load files"):
            get_writer(fmt).write(tiny(), template=template)


def test_a_house_stylesheet_applies_and_may_use_our_fonts(tmp_path: Path) -> None:
    template = tmp_path / "house.css"
    css = 'h2 { font-family: "dpagen serif"; } h2::after { content: " (house)"; }'
    template.write_text(css, encoding="utf-8")
    pdf = Pdf(render(tiny(), template=template), tiny())
    assert "Section (house)" in pdf.text


def test_the_fetcher_serves_only_files_of_the_templates_folder() -> None:
    font = html_dir().parent / "fonts" / "DejaVuSerifCondensed.ttf"
    assert local_path(font.as_uri()) == font.resolve()
    outside = (html_dir() / ".." / ".." / "pyproject.toml").as_uri()
    for url in ("file:///etc/hostname", "http://example.invalid/a.css", "data:text/css,body{}",
                (html_dir() / "missing.css").as_uri(), outside):
        with pytest.raises(FetchRefused):
            local_path(url)


def test_the_shipped_font_has_french_spaces_and_its_licence() -> None:
    from fontTools.ttLib import TTFont

    fonts = html_dir().parent / "fonts"
    assert (fonts / "LICENSE-DejaVu.txt").read_text(encoding="utf-8").count("Bitstream") >= 3
    for name in ("DejaVuSerifCondensed", "DejaVuSerifCondensed-Bold", "DejaVuSerifCondensed-Italic"):
        cmap = TTFont(fonts / f"{name}.ttf").getBestCmap()
        assert all(ord(c) in cmap for c in "\u202f\u00a0«»’—…●€")


def test_get_writer_returns_this_module() -> None:
    assert get_writer("pdf").write is write


def test_weasyprint_is_imported_only_when_a_pdf_is_written() -> None:
    code = (
        "import sys; from dpagen.writers import get_writer; get_writer('pdf'); get_writer('html'); "
        "import dpagen.cli; assert 'weasyprint' not in sys.modules, 'weasyprint imported too early'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


# -- the PDF worker (dpagen generate) and the fast WeasyPrint import ---------------------------------------
WORKER_RUN = r"""
import logging, os, signal, sys
from pathlib import Path
from dpagen.build import build
from dpagen.io import load
from dpagen.writers import pdf_worker
from dpagen.writers.html_fetch import FetchRefused
from dpagen.errors import UsageError
from dpagen.writers.pdf import write

class Keep(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines = []
    def emit(self, record):
        self.lines.append(f"{record.name} {record.levelname} {record.getMessage()}")

out = Path(sys.argv[1])
description = load(out / "avm.json")
keep = Keep()
logging.getLogger("weasyprint").addHandler(keep)
with pdf_worker.running():
    assert pdf_worker._worker is not None, "no worker started"
    scratch = Path(pdf_worker._worker.scratch)
    (out / "worker.pdf").write_bytes(write(build(description, "dpa", language="fr")))
    listing = build(description, "subprocessors", language="fr")
    write(listing, template=out / "unknown-property.css")
    try:
        write(listing, template=out / "fetch.css")
    except (FetchRefused, UsageError) as exc:
        (out / "refused.txt").write_text(exc.message)
    assert "weasyprint" not in sys.modules, "laid out in this process, not in the worker"
assert pdf_worker._worker is None and not scratch.exists()
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError:
    pass
else:
    raise AssertionError("the worker was not reaped")
(out / "log.txt").write_text("\n".join(keep.lines))

with pdf_worker.running():  # a worker that dies: the writer lays the PDF out itself
    os.kill(pdf_worker._worker.pid, signal.SIGKILL)
    (out / "fallback.pdf").write_bytes(write(listing))
    assert pdf_worker._worker is None and "weasyprint" in sys.modules
"""


@pytest.fixture(scope="module")
def worker_run(tmp_path_factory: pytest.TempPathFactory, avm: Description) -> Path:
    """One process that writes PDFs through the worker (and through a worker that dies)."""
    from dpagen.io import dumps

    out = tmp_path_factory.mktemp("worker")
    (out / "avm.json").write_text(dumps(avm), encoding="utf-8")
    (out / "unknown-property.css").write_text("h1 { colour: red }", encoding="utf-8")
    (out / "fetch.css").write_text('@import url("file:///etc/hostname");', encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", WORKER_RUN, str(out)], capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "", proc.stderr  # the worker printed nothing of its own
    return out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the worker is forked on Linux only")
def test_the_worker_gives_the_bytes_of_the_in_process_layout(
    worker_run: Path, rendered: tuple[Document, Pdf], compact_list: tuple[Document, Pdf]
) -> None:
    tree, pdf = rendered
    if tree.language != "fr":
        pytest.skip("one language is enough")
    assert (worker_run / "worker.pdf").read_bytes() == pdf.data
    assert (worker_run / "fallback.pdf").read_bytes() == compact_list[1].data


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the worker is forked on Linux only")
def test_the_worker_reports_weasyprint_warnings_and_refused_fetches_here(worker_run: Path) -> None:
    log = (worker_run / "log.txt").read_text().splitlines()
    [warning] = [line for line in log if " WARNING " in line]
    assert warning.startswith("weasyprint WARNING Ignored `colour: red") and "unknown property" in warning
    # A house stylesheet that loads anything is refused before any layout, for PDF as for HTML (issue 14)
    assert "fetch.css, line 1: a house stylesheet may not load" in (worker_run / "refused.txt").read_text()


def test_dpagen_generate_writes_the_same_pdf_through_its_worker(
    tmp_path: Path, compact_list: tuple[Document, Pdf]
) -> None:
    example = Path(__file__).resolve().parent.parent / "examples" / "avm-up.json"
    proc = subprocess.run(
        [sys.executable, "-m", "dpagen", "generate", str(example), "--doc", "subprocessors", "--lang", "fr",
         "--format", "pdf", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    [written] = tmp_path.glob("*.pdf")
    # the command appends its provenance as an incremental update: WeasyPrint's bytes come first, unchanged
    assert written.read_bytes().startswith(compact_list[1].data)
    assert b"dpagen-provenance" in written.read_bytes()[len(compact_list[1].data):]


def test_the_pdf_path_uses_only_public_apis_of_weasyprint_and_pydyf() -> None:
    """No private attribute of WeasyPrint, no rebound pydyf or ctypes attribute (issue 14, item 8)."""
    import dpagen.writers.pdf as pdf_module

    writers = Path(pdf_module.__file__).parent
    code = "\n".join((writers / name).read_text(encoding="utf-8")
                     for name in ("pdf.py", "pdf_tuning.py", "pdf_import.py", "pdf_worker.py"))
    for private in ("_ua_stylesheets", "wrapper_element", "etree_element", "pydyf.zlib",
                    "find_library =", "from weasyprint.html import"):
        assert private not in code, private


def test_a_layout_restores_the_collector() -> None:
    import gc

    from dpagen.writers.pdf_tuning import quick_run

    seen: list[bool] = []
    assert gc.isenabled()
    with quick_run():
        seen.append(gc.isenabled())
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        with quick_run():
            pass
        assert not gc.isenabled()  # left as it was found
    finally:
        gc.enable()


def test_the_pdf_worker_imports_nothing_heavy_before_weasyprint() -> None:
    """The worker is forked early to import WeasyPrint while dpagen loads the description; the modules it
    imports first must not pull in pydantic or the model (that once cost the worker 0.1 s), Jinja or the
    document tree (only the parent renders the HTML)."""
    code = ("import sys; import dpagen.writers.pdf, dpagen.writers.pdf_worker, dpagen.writers.html_assets; "
            "print(sorted(m for m in ('pydantic', 'dpagen.model', 'weasyprint', 'jinja2', 'dpagen.doctree') "
            "if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_a_process_lays_out_the_same_document_once(monkeypatch: pytest.MonkeyPatch, avm: Description) -> None:
    """A batch over one processor's clients lays its shared public documents out once per process."""
    from dpagen.writers import pdf as pdf_writer

    calls: list[str] = []
    real = pdf_writer.lay_out

    def counting(html: str, sources: list[str], prepared: object = None, variant: str | None = None) -> bytes:
        calls.append(html)
        return real(html, sources, variant=variant)

    monkeypatch.setattr(pdf_writer, "lay_out", counting)
    pdf_writer._laid_out.cache_clear()
    listing = build(avm, "subprocessors", language="en")
    first, again = write(listing), write(build(avm, "subprocessors", language="en"))
    other = write(build(avm, "subprocessors", language="fr"))
    assert first == again and other != first
    assert len(calls) == 2, "the same HTML was laid out twice"
