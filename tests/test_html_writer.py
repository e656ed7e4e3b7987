"""The HTML writer, read back with html.parser: every text of the tree, exact escaping, inlined CSS."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dpagen.build import build
from dpagen.doctree import BulletList, Clause, Document, Paragraph, Section, Signature, Span, Table, plain
from dpagen.errors import UsageError
from dpagen.model import Description
from dpagen.writers import get_writer
from dpagen.writers.html import write
from dpagen.writers.html_render import read_css
from tests.conftest import load_example

SPECIAL = (
    'Dupont & Fils <SARL> > 3 « Lyon » {{ 7*7 }} {% if x %}y{% endif %} "q" <img src="http://x.test/a.png">'
)


class Collector(HTMLParser):
    """Texts of the elements that carry the document's text, and every tag and attribute seen."""

    BLOCKS = ("h1", "h2", "h3", "p", "li", "td", "th", "dd", "dt", "style", "title")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: dict[str, list[str]] = {tag: [] for tag in self.BLOCKS}
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in self.BLOCKS:
            self.stack.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS and self.stack and self.stack[-1][0] == tag:
            name, parts = self.stack.pop()
            self.texts[name].append("".join(parts).strip())

    def handle_data(self, data: str) -> None:
        for _, parts in self.stack:
            parts.append(data)


def parse(html: bytes) -> Collector:
    collector = Collector()
    collector.feed(html.decode("utf-8"))
    collector.close()
    return collector


def with_controller_name(description: Description, name: str) -> Description:
    assert description.controller is not None
    controller = description.controller.model_copy(update={"legal_name": name})
    return description.model_copy(update={"controller": controller})


@pytest.fixture(scope="module", params=["fr", "en"])
def avm(request: pytest.FixtureRequest) -> tuple[Document, Collector, str]:
    description = with_controller_name(load_example("avm-up"), SPECIAL)
    tree = build(description, "dpa", language=request.param)
    html = write(tree)
    return tree, parse(html), html.decode("utf-8")


def test_every_heading_paragraph_item_and_cell_is_in_the_html(avm: tuple[Document, Collector, str]) -> None:
    tree, page, _ = avm
    assert page.texts["h1"] == [tree.title], "the document's title is its one level-1 heading"
    assert [s.title for s in tree.sections] == [t for t in page.texts["h2"] if t != tree.labels["signature"]]
    assert [c.heading for c in tree.clauses()] == page.texts["h3"]
    paragraphs = set(page.texts["p"])
    items, cells = set(page.texts["li"]), set(page.texts["td"])
    headers = set(page.texts["th"])
    checked = 0
    for clause in tree.clauses():
        for block in clause.blocks:
            if isinstance(block, Paragraph):
                text = plain(block.spans)
                assert (f"{block.number} {text}" if block.number else text) in paragraphs
            elif isinstance(block, BulletList):
                assert {plain(i) for i in block.items} <= items
            else:
                assert set(block.header) <= headers
                assert {plain(c) for row in block.rows for c in row} <= cells
            checked += 1
    assert checked > 40  # the whole contract, not an empty tree


def test_cover_and_table_of_contents(avm: tuple[Document, Collector, str]) -> None:
    tree, page, _ = avm
    assert page.texts["h1"] == [tree.title] and tree.parties_line in page.texts["p"]
    assert tree.reference in page.texts["dd"] and tree.version in page.texts["dd"]
    links = [a["href"] for tag, a in page.tags if tag == "a" and a["href"].startswith("#")]  # TOC links
    ids = {a["id"] for _, a in page.tags if a.get("id")}
    assert len(links) == len(tree.sections) + len(tree.clauses()) + 1  # + the signatures
    assert all(href is not None and href[1:] in ids for href in links)
    toc = page.texts["li"][: len(links)]
    assert [c.heading for c in tree.clauses()] == [t for t in toc if t in {c.heading for c in tree.clauses()}]


def test_user_values_are_escaped_exactly_never_evaluated(avm: tuple[Document, Collector, str]) -> None:
    tree, page, html = avm
    assert SPECIAL in tree.parties_line
    assert any(SPECIAL in p for p in page.texts["p"])  # parties line, clause text
    assert SPECIAL in page.texts["title"][0]
    assert "Dupont &amp; Fils &lt;SARL&gt; &gt; 3 « Lyon » {{ 7*7 }}" in html
    assert "49" not in html.split("Dupont", 1)[1].split("</p>", 1)[0]
    assert not any(tag == "img" for tag, _ in page.tags)  # the <img> of the value stays text
    signer = tree.signatures[0]
    assert plain(signer.company) == SPECIAL


def test_css_is_inlined_as_is_and_nothing_is_fetched(avm: tuple[Document, Collector, str]) -> None:
    _, page, _ = avm
    (style,) = page.texts["style"]
    assert read_css("common.css").strip() in style and read_css("screen.css").strip() in style
    assert "&#34;" not in style and "&quot;" not in style  # quotes of CSS strings survive
    assert not any(tag in ("link", "script", "img") for tag, _ in page.tags)
    assert "url(" not in style  # no font or image to load: the file stands alone


def test_a_draft_shows_the_marker_and_highlights_blanks() -> None:
    description = load_example("avm-up")
    assert description.processor is not None
    processor = description.processor.model_copy(update={"representative": None})
    unsigned = description.contract.model_copy(update={"signatories": []})  # the representative signs
    tree = build(description.model_copy(update={"processor": processor, "contract": unsigned}), "dpa",
                 language="fr", draft=True)
    page = parse(write(tree))
    stamp = [a for tag, a in page.tags if tag == "p" and a.get("class") == "draft-stamp"]
    assert stamp and tree.labels["draft"] in page.texts["p"]
    assert tree.labels["draft_note"] in page.texts["p"]
    assert ("body", {"class": "screen is-draft"}) in page.tags
    marks = [a for tag, a in page.tags if tag == "mark"]
    assert marks and all(a.get("class") == "blank" for a in marks)
    assert "processor.representative.name" in write(tree).decode("utf-8")


def tiny(**changes: object) -> Document:
    fields: dict[str, object] = {
        "kind": "dpa", "language": "en", "title": "T", "subtitle": "S", "parties_line": "P",
        "sections": [Section("s", "Section", [Clause("c", "Clause", [
            Paragraph([Span("a "), Span("bold", "strong"), Span(" "), Span("[●] gap", "blank")], "1.1"),
            Paragraph([Span("second")], "1.2"),
            BulletList([[Span("item")]]),
            Table(["H1", "H2"], [[[Span("x")], [Span("y & z")]]]),
        ], number="1")])],
        "signatures": [Signature("Controller", [Span("C")], [Span("N")], [Span("T")], "Signed at X on Y")],
        "date": dt.date(2026, 1, 5), "date_text": "5 January 2026", "labels": {
            "contents": "Contents", "page": "Page", "draft": "DRAFT", "draft_note": "Draft note",
            "signature": "Signature", "name": "Name", "title": "Title", "version": "Version",
            "reference": "Reference", "effective": "Effective",
        },
    }
    fields.update(changes)
    return Document(**fields)  # type: ignore[arg-type]


def test_inline_spans_and_blocks_map_to_html_elements() -> None:
    html = write(tiny()).decode("utf-8")
    assert '<p class="numbered"><span class="para-number">1.1</span> a <strong>bold</strong> ' \
        '<mark class="blank">[●] gap</mark></p>' in html
    assert "<li>item</li>" in html and "<td data-label=\"H2\">y &amp; z</td>" in html
    assert '<time datetime="2026-01-05">5 January 2026</time>' in html
    assert '<html lang="en">' in html
    assert "Name: N" in html


def test_a_css_template_is_inlined_and_another_template_is_ignored(tmp_path: Path) -> None:
    css = tmp_path / "house.css"
    css.write_text('h1 { color: #123456; content: "x"; }', encoding="utf-8")
    assert 'h1 { color: #123456; content: "x"; }' in write(tiny(), template=css).decode("utf-8")
    letterhead = tmp_path / "letterhead.docx"
    letterhead.write_bytes(b"PK not read")
    assert write(tiny(), template=letterhead) == write(tiny())


def test_a_stylesheet_cannot_close_the_style_element(tmp_path: Path) -> None:
    css = tmp_path / "evil.css"
    css.write_text("</style><script>alert(1)</script>", encoding="utf-8")
    with pytest.raises(UsageError, match="</"):
        write(tiny(), template=css)


def opening(page: Collector) -> list[tuple[str, dict[str, str | None]]]:
    """The tags before the first section heading."""
    tags = [t for t, _ in page.tags]
    return page.tags[: tags.index("h2")]


def test_compact_layout_has_a_title_block_and_no_contents() -> None:
    html = write(tiny(layout="compact", version="2")).decode("utf-8")
    page = parse(html.encode("utf-8"))
    head = opening(page)
    assert ("header", {"class": "title-block"}) in head
    assert not any(tag == "nav" or a.get("class") == "cover" for tag, a in page.tags)
    assert '<nav class="toc"' not in html and "Contents" not in html
    assert page.texts["h1"] == ["T"] and page.texts["p"][:2] == ["S", "P"]  # title, subtitle, parties, body
    assert page.texts["dd"] == ["2", "5 January 2026"]
    assert ".title-block" in page.texts["style"][0]


def test_report_layout_keeps_its_cover_and_contents() -> None:
    page = parse(write(tiny()))
    head = opening(page)
    assert ("header", {"class": "cover"}) in head
    assert ("nav", {"class": "toc", "aria-label": "Contents"}) in head
    assert "Contents" in page.texts["p"]


def test_contents_option_overrides_the_layout() -> None:
    compact = parse(write(tiny(layout="compact", contents=True)))
    assert ("header", {"class": "title-block"}) in opening(compact)
    assert any(tag == "nav" for tag, _ in opening(compact))
    report = parse(write(tiny(contents=False)))
    assert ("header", {"class": "cover"}) in opening(report)
    assert not any(tag == "nav" for tag, _ in report.tags)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_published_documents_use_their_layout(language: str) -> None:
    description = load_example("okasio")
    for kind, contents in (("subprocessors", False), ("privacy-notice", True)):
        tree = build(description, kind, language=language)
        assert tree.layout == "compact" and tree.has_contents is contents
        page = parse(write(tree))
        assert ("header", {"class": "title-block"}) in opening(page)
        assert any(tag == "nav" for tag, _ in page.tags) is contents
        assert page.texts["h1"] == [tree.title] and page.texts["h2"][0] == tree.sections[0].title


def test_get_writer_finds_the_html_writer_and_output_is_stable() -> None:
    writer = get_writer("html")
    assert writer.write(tiny()) == writer.write(tiny())


def test_web_and_mail_addresses_become_links_and_nothing_else_does() -> None:
    from dpagen.writers.html_render import linked

    html = str(linked("See https://www.cnil.fr/fr/plaintes. Mail dpo@avmup.example; <a href=x>javascript:alert(1)"))
    assert '<a href="https://www.cnil.fr/fr/plaintes">https://www.cnil.fr/fr/plaintes</a>.' in html
    assert '<a href="mailto:dpo@avmup.example">dpo@avmup.example</a>;' in html
    assert "&lt;a href=x&gt;javascript:alert(1)" in html and html.count("<a ") == 2
    page = write(build(load_example("okasio"), "privacy-notice", language="en")).decode("utf-8")
    assert '<a href="https://www.cnil.fr/fr/plaintes">' in page
