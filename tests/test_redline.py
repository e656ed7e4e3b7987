"""Redlines: Word tracked changes that accept to NEW and reject to OLD; marks in HTML, PDF and Markdown."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES
from dpagen.cli import main

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _descriptions(tmp: Path) -> tuple[Path, Path]:
    """OLD has health data (so a clause on sensitive data), NEW has not: the clauses after it are renumbered."""
    old = json.loads((EXAMPLES / "avm-up.json").read_text(encoding="utf-8"))
    old["activities"][0]["data_categories"].append(
        {"name": "Données de santé", "special_category": "health", "art9_condition": "h_health_social_care"})
    new = json.loads((EXAMPLES / "avm-up.json").read_text(encoding="utf-8"))
    new["breach"]["notice_hours"] = 24
    new["end_of_contract"]["delay_days"] = 60
    new["subprocessors"].append({"name": "Brevo", "entity": "Sendinblue SAS", "country": "FR",
                                 "activity": "envoi des courriels", "data_locations": ["DE"]})
    paths = tmp / "old.json", tmp / "new.json"
    for path, data in zip(paths, (old, new), strict=True):
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return paths


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("redline")
    old, new = _descriptions(tmp)
    out: dict[str, Path] = {}
    for name, args in (("old", [str(old)]), ("new", [str(new)]),
                       ("red", [str(new), "--redline", str(old), "--date", "2028-02-15"])):
        folder = tmp / name
        assert main(["generate", *args, "--doc", "dpa", "--format", "docx,pdf,html,md", "--draft",
                     "--out", str(folder)]) == 0
        out.update({f"{name}.{p.suffix[1:]}": p for p in folder.iterdir()})
    return out


def _paragraphs(data: bytes, keep: str | None) -> list[str]:
    """The body's paragraph texts, after accepting (keep='ins') or rejecting (keep='del') every revision."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    drop = {"ins": "del", "del": "ins"}.get(keep or "")
    if drop:
        for p in list(root.iter(f"{W}p")):  # a paragraph whose mark is a dropped revision goes with it
            if p.find(f"{W}pPr/{W}rPr/{W}{drop}") is not None:
                p.getparent().remove(p)
        for tr in list(root.iter(f"{W}tr")):  # and so does a table row
            if tr.find(f"{W}trPr/{W}{drop}") is not None:
                tr.getparent().remove(tr)
        for el in list(root.iter(f"{W}{drop}")):
            el.getparent().remove(el)
    texts = []
    for p in root.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val", "").startswith("TOC"):
            continue
        text = "".join(t.text or "" for t in p.iter(f"{W}t", f"{W}delText"))
        text = re.sub(r"^\d+(\.\d+)*\.?\s*", "", text.strip())  # empty paragraphs count too
        # numbers, and the cross-references to them, are NEW's in a redline: renumbering is never marked
        texts.append(re.sub(r"\b(article|Clause)(s?) \d+", r"\1\2 N", text))
    return texts


def _tracked(data: bytes) -> list[Any]:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return [el for el in root.iter(f"{W}ins", f"{W}del")]


def _body(texts: list[str]) -> list[str]:
    """From the first section heading on."""
    return texts[texts.index(next(t for t in texts if t.startswith("Section I"))):]


def test_accept_all_gives_new_and_reject_all_gives_old(files: dict[str, Path]) -> None:
    red = files["red.docx"].read_bytes()
    new = _paragraphs(files["new.docx"].read_bytes(), None)
    old = _paragraphs(files["old.docx"].read_bytes(), None)
    assert _body(_paragraphs(red, "ins")) == _body(new)
    assert _body(_paragraphs(red, "del")) == _body(old)


def test_revisions_are_word_tracked_changes_by_dpagen(files: dict[str, Path]) -> None:
    marks = _tracked(files["red.docx"].read_bytes())
    assert marks and all(m.get(f"{W}author") == "dpagen" for m in marks)
    assert all(m.get(f"{W}date") == "2028-02-15T00:00:00Z" for m in marks)
    assert len({m.get(f"{W}id") for m in marks}) == len(marks)
    inserted = " ".join("".join(t.text or "" for t in m.iter(f"{W}t")) for m in marks if m.tag == f"{W}ins")
    deleted = " ".join("".join(t.text or "" for t in m.iter(f"{W}delText")) for m in marks if m.tag == f"{W}del")
    assert "24" in inserted and "Brevo" in inserted and "48" in deleted


def test_renumbered_clause_is_not_marked(files: dict[str, Path]) -> None:
    md = files["red.md"].read_text(encoding="utf-8")
    red_headings = [h for h in md.splitlines() if h.startswith("### ")]
    # the audits clause moved up one number (a clause before it was removed) but its text did not change
    assert not any("{++" in h or "{--" in h for h in red_headings if "Audit" in h)
    assert "{--48--}{++24++}" in md and "{--30--}{++60++}" in md
    # cross-references to renumbered clauses ("article 12" now "article 11") are not marked either
    assert not re.search(r"article \{--\d+--\}", md)


def test_html_and_pdf_show_marks_and_a_summary(files: dict[str, Path]) -> None:
    from pypdf import PdfReader

    html = files["red.html"].read_text(encoding="utf-8")
    assert '<ins class="redline">24</ins>' in html and '<del class="redline">48</del>' in html
    assert "Modifications depuis la version précédente" in html
    first = PdfReader(files["red.pdf"]).pages[0].extract_text()
    assert "Modifications depuis la version précédente" in first
    text = " ".join(p.extract_text() for p in PdfReader(files["red.pdf"]).pages)
    assert "4824" in text.replace(" ", "") or "48 24" in text  # both versions are shown, marked


def _runs(data: bytes, keep: str | None) -> list[tuple[str, str]]:
    """(text, character style) of every run of the body, after accepting or rejecting every revision."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    drop = {"ins": "del", "del": "ins"}.get(keep or "")
    if drop:
        for el in list(root.iter(f"{W}{drop}")):
            if el.getparent().tag != f"{W}rPr":
                el.getparent().remove(el)
    out = []
    for r in root.iter(f"{W}r"):
        text = "".join(t.text or "" for t in r.iter(f"{W}t", f"{W}delText"))
        style = r.find(f"{W}rPr/{W}rStyle")
        if text:
            out.append((text, style.get(f"{W}val") if style is not None else ""))
    return out


@pytest.fixture(scope="module")
def titled() -> dict[str, bytes]:
    """OLD and NEW trees of one contract where a clause's title and its bold words differ, and OLD has a
    bold-led paragraph NEW lacks; their DOCX and the redline's."""
    import copy

    from dpagen.build import build
    from dpagen.clauses import load_library
    from dpagen.doctree import Paragraph, Span
    from dpagen.io import load
    from dpagen.redline import redline, summary_labels
    from dpagen.writers import get_writer

    new = build(load(EXAMPLES / "avm-up.json"), "dpa", language="en", draft=True, library=load_library([]))
    old = copy.deepcopy(new)
    clause = next(c for c in old.clauses() if c.id == "dpa.breach")
    clause.title = "Notification of data breaches"
    lead = next(b for b in clause.blocks if isinstance(b, Paragraph) and b.spans[0].kind == "strong")
    lead.spans[0] = Span("Breach affecting data held by the Processor.", "strong")
    clause.blocks.insert(1, Paragraph([Span("Earlier wording.", "strong"), Span(" A sentence NEW drops.")], "16.9"))
    red = redline(old, new, summary_labels("en"))
    writer = get_writer("docx")
    return {name: writer.write(tree) for name, tree in (("old", old), ("new", new), ("red", red))}


def test_a_changed_title_and_bold_text_accept_to_new_and_reject_to_old(titled: dict[str, bytes]) -> None:
    red, new, old = titled["red"], titled["new"], titled["old"]
    assert _body(_paragraphs(red, "ins")) == _body(_paragraphs(new, None))
    assert _body(_paragraphs(red, "del")) == _body(_paragraphs(old, None))
    assert "Notification of data breaches" in " ".join(_paragraphs(old, None))
    # formatting too: the bold runs after accepting (rejecting) are NEW's (OLD's)
    strong = next(s for t, s in _runs(new, None) if t.startswith("Breach affecting data entrusted"))

    def bold(runs: list[tuple[str, str]]) -> str:
        return " ".join("".join(t for t, s in runs if s == strong).split())

    assert bold(_runs(red, "ins")) == bold(_runs(new, None))
    assert bold(_runs(red, "del")) == bold(_runs(old, None))
    assert "Earlier wording." in bold(_runs(red, "del")) and "held by" in bold(_runs(red, "del"))


def test_the_title_change_is_a_tracked_change(titled: dict[str, bytes]) -> None:
    marks = _tracked(titled["red"])
    deleted = " ".join("".join(t.text or "" for t in m.iter(f"{W}delText")) for m in marks if m.tag == f"{W}del")
    inserted = " ".join("".join(t.text or "" for t in m.iter(f"{W}t")) for m in marks if m.tag == f"{W}ins")
    assert "Notification of" in deleted and "Personal" in inserted
