"""One look in every format: what can be asserted cheaply of the pages people look at.

The HTML notice's accessibility basics (always), no sideways scrolling at 390 px (headless Chromium, when
installed), DOCX page counts close to the PDF's (LibreOffice, when installed), no heading left alone at
the foot of a PDF page, a short subprocessor list on one page, and the PDF variants. The contact sheets
for a person to look at are made by ``tools/visual_check.py``, whose helpers these tests share.
"""

from __future__ import annotations

import importlib.util
import itertools
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

import pypdf
import pytest

from conftest import ROOT, load_example
from dpagen.build import build
from dpagen.doctree import Document
from dpagen.writers import html as html_writer


def _visual_check() -> ModuleType:
    spec = importlib.util.spec_from_file_location("visual_check", ROOT / "tools" / "visual_check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["visual_check"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


vc = _visual_check()
CHROMIUM = vc.chromium()
SOFFICE = vc.soffice()

NOTICES = [("okasio", "fr"), ("okasio", "en"), ("optillio", "fr"), ("optillio", "en")]


def tree(example: str, document: str, language: str) -> Document:
    return build(load_example(example), document, language=language)


@pytest.fixture(scope="module")
def notices(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """The privacy notices as HTML files, and the subprocessor list (a wide table) of AVM Up."""
    folder = tmp_path_factory.mktemp("html")
    pages = {}
    for example, language in [*NOTICES, ("avm-up", "fr")]:
        document = "subprocessors" if example == "avm-up" else "privacy-notice"
        path = folder / f"{example}-{document}-{language}.html"
        path.write_bytes(html_writer.write(tree(example, document, language)))
        pages[(example, language)] = path
    return pages


# -- accessibility basics, read from the HTML itself -----------------------------------------------------
class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize(("example", "language"), NOTICES)
def test_the_notice_has_language_landmarks_heading_order_and_table_headers(
    notices: dict[tuple[str, str], Path], example: str, language: str
) -> None:
    parser = _Outline()
    parser.feed(notices[(example, language)].read_text(encoding="utf-8"))
    tags = parser.tags
    assert tags[0] == ("html", {"lang": language})
    names = [t for t, _ in tags]
    assert names.count("main") == 1 and names.count("nav") == 1 and "header" in names
    assert [a.get("aria-label") for t, a in tags if t == "nav"] != [None]
    levels = [int(t[1]) for t in names if re.fullmatch(r"h[1-6]", t)]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))
    # every table: a header row of <th scope="col">, and each cell labelled with its column (phone cards)
    html = notices[(example, language)].read_text(encoding="utf-8")
    tables = re.findall(r"<table.*?</table>", html, re.S)
    assert tables
    for table in tables:
        headers = re.findall(r'<th scope="col">(.*?)</th>', table)
        assert headers and "<th>" not in table
        for row in re.findall(r"<tr>(<td.*?)</tr>", table):
            assert re.findall(r'<td data-label="(.*?)">', row) == headers


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(fore: str, back: str) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours."""
    a, b = sorted((_luminance(fore), _luminance(back)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_every_text_colour_of_the_screen_stylesheets_meets_aa_contrast() -> None:
    css = "".join((ROOT / "templates" / "html" / n).read_text(encoding="utf-8") for n in ("common.css", "screen.css"))
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S))
    checked = 0
    backgrounds = {"#ffffff", "#dce3ef", "#eef2f8", "#ececec"}  # the page and the table cells' shades
    for selector, body in rules:
        fore = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", body)
        if not fore:
            continue
        back = re.search(r"background:\s*(#[0-9a-fA-F]{6})", body)
        for shade in [back.group(1)] if back else sorted(backgrounds):
            ratio = contrast(fore.group(1), shade)
            assert ratio >= 4.5, f"{selector.strip()}: {fore.group(1)} on {shade} is {ratio:.2f}:1"
            checked += 1
    assert checked >= 5
    assert contrast("#000000", "#ffffff") == pytest.approx(21)


# -- a phone: headless Chromium ---------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
@pytest.mark.parametrize("key", [*NOTICES, ("avm-up", "fr")], ids=lambda k: "-".join(k))
def test_nothing_scrolls_sideways_or_is_cut_at_390_px(
    notices: dict[tuple[str, str], Path], key: tuple[str, str]
) -> None:
    metrics = vc.html_metrics(notices[key], 390)
    assert metrics["width"] == 390
    assert metrics["scroll_width"] <= 390 and metrics["overflowing"] == [], metrics


# -- PDF and DOCX of one document ---------------------------------------------------------------------------
LAID_OUT = [("avm-up", "dpa", "en"), ("okasio", "privacy-notice", "fr"), ("avm-up", "subprocessors", "fr")]


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], dict[str, Path]]:
    """PDF and DOCX of a contract, a notice and a one-page list."""
    from dpagen.writers import docx, pdf

    folder = tmp_path_factory.mktemp("laid-out")
    files = {}
    for key in LAID_OUT:
        document = tree(*key)
        stem = folder / "-".join(key)
        files[key] = {"pdf": stem.with_suffix(".pdf"), "docx": stem.with_suffix(".docx")}
        files[key]["pdf"].write_bytes(pdf.write(document))
        files[key]["docx"].write_bytes(docx.write(document))
    return files


@pytest.mark.slow
def test_no_heading_is_left_alone_at_the_foot_of_a_pdf_page(
    laid_out: dict[tuple[str, str, str], dict[str, Path]],
) -> None:
    for key, files in laid_out.items():
        document = tree(*key)
        headings = {s.title for s in document.sections} | {c.heading for s in document.sections for c in s.clauses}
        reader = pypdf.PdfReader(files["pdf"])
        for number, page in enumerate(reader.pages[:-1], 1):
            lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
            body = [line for line in lines if not re.fullmatch(r"Page \d+ / \d+", line)]
            assert body[-1] not in headings, f"{key} page {number} ends with the heading {body[-1]!r}"


@pytest.mark.slow
def test_the_short_subprocessor_list_holds_on_one_page(
    laid_out: dict[tuple[str, str, str], dict[str, Path]],
) -> None:
    assert len(pypdf.PdfReader(laid_out[("avm-up", "subprocessors", "fr")]["pdf"]).pages) == 1


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
def test_docx_and_pdf_page_counts_are_within_15_percent(
    laid_out: dict[tuple[str, str, str], dict[str, Path]], tmp_path: Path
) -> None:
    converted = vc.docx_to_pdf([f["docx"] for f in laid_out.values()], tmp_path)
    for key, files in laid_out.items():
        pdf_pages = vc.page_count(files["pdf"])
        docx_pages = vc.page_count(converted[files["docx"]])
        close = abs(docx_pages - pdf_pages) <= round(0.15 * pdf_pages)  # a one-page list: one page in both
        assert close, f"{key}: PDF {pdf_pages} pages, DOCX {docx_pages}"


def test_the_docx_names_the_pdf_typeface_with_a_fallback() -> None:
    import zipfile

    with zipfile.ZipFile(ROOT / "templates" / "docx" / "document.docx") as z:
        styles = z.read("word/styles.xml").decode()
        fonts = z.read("word/fontTable.xml").decode()
    assert 'w:ascii="DejaVu Serif Condensed"' in styles and "Georgia" not in styles and "Arial" not in styles
    assert re.search(r'w:name="DejaVu Serif Condensed"><w:altName w:val="Cambria"/>', fonts)
    print_css = (ROOT / "templates" / "html" / "print.css").read_text(encoding="utf-8")
    assert "DejaVuSerifCondensed.ttf" in print_css and "#1f3864" in print_css  # the DOCX's heading colour


# -- PDF variants ------------------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("variant", ["pdf/ua-1", "pdf/a-3b"])
def test_pdf_variants(variant: str, tmp_path: Path) -> None:
    import warnings

    from dpagen.writers import pdf

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)  # WeasyPrint's PDF/A path leaves its ICC file open
        data = pdf.write(tree("avm-up", "subprocessors", "en"), variant=variant)
    (tmp_path / "v.pdf").write_bytes(data)
    reader = pypdf.PdfReader(tmp_path / "v.pdf")
    root = reader.trailer["/Root"]
    xmp = reader.xmp_metadata
    assert xmp is not None
    metadata = xmp.stream.get_data().decode()
    if variant == "pdf/ua-1":
        assert root["/Lang"] == "en" and root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
        assert "pdfuaid:part" in metadata or "<pdfuaid:part>1" in metadata
    else:
        assert "/OutputIntents" in root
        assert re.search(r"pdfaid:part[^0-9]*3", metadata) and re.search(r"pdfaid:conformance[^A-Z]*B", metadata)


def test_an_unknown_pdf_variant_is_refused() -> None:
    from dpagen.errors import DpagenError
    from dpagen.writers import pdf

    with pytest.raises(DpagenError, match="unknown PDF variant 'pdf/x-4'"):
        pdf.write(tree("avm-up", "subprocessors", "en"), variant="pdf/x-4")
