"""Redlines: NEW's document tree with the changes since OLD's marked, for every writer to lay out.

The trees are compared clause by clause (matched by clause id, so a clause that only moved or was
renumbered shows no change), then block by block, then word by word inside a changed paragraph, list item
or table cell. Inserted text becomes ``ins`` spans, deleted text ``del`` spans; a whole clause added or
removed is marked on the clause (``Clause.change``). The DOCX writer turns these into Word tracked changes,
so that accepting every revision gives NEW's text and rejecting them OLD's.
"""

from __future__ import annotations

import contextvars
import dataclasses
import difflib
import io
import re
import zipfile
from typing import Any, Literal

from .doctree import Block, BulletList, Clause, Document, Inline, Paragraph, Section, Span, Table, plain

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
AUTHOR = "dpagen"
_REFERENCE_WORDS = {"article", "articles", "clause", "clauses"}
_RENUMBERED: contextvars.ContextVar[dict[str, str] | None] = contextvars.ContextVar("renumbered", default=None)
"""While a redline is computed: each clause's number in OLD → its number in NEW, for cross-references."""


def _renumber(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """OLD's tokens with a cross-reference to a renumbered clause given NEW's number.

    "article 12" in OLD reads "article 11" when that clause is now 11: renumbering alone never shows.
    """
    mapping = _RENUMBERED.get()
    if not mapping:
        return tokens
    out = []
    previous = ""
    for text, kind in tokens:
        if text.isdigit() and previous.casefold() in _REFERENCE_WORDS and text in mapping:
            text = mapping[text]
        if not text.isspace():
            previous = text
        out.append((text, kind))
    return out


def _style(span: Span) -> str:
    """The formatting of a span's text (under a redline's mark, the one it had)."""
    return span.style if span.kind in ("ins", "del") else span.kind


def _tokens(spans: Inline) -> list[tuple[str, str]]:
    return [(t, _style(s)) for s in spans for t in _TOKEN.findall(s.text)]


def _merge(pieces: list[tuple[str, str, str]]) -> Inline:
    """Spans from (text, kind, style) pieces; an ``ins``/``del`` piece keeps the style of its text."""
    out: list[Span] = []
    for text, kind, style in pieces:
        if out and (out[-1].kind, out[-1].style) == (kind, style):
            out[-1] = Span(out[-1].text + text, out[-1].kind, out[-1].style)
        else:
            out.append(Span(text, kind, style))  # type: ignore[arg-type]
    return out


def mark(spans: Inline, kind: str) -> Inline:
    """Every span of a run of text inserted (``ins``) or deleted (``del``), its formatting kept."""
    return [Span(s.text, kind, _style(s)) for s in spans if s.text]  # type: ignore[arg-type]


def words(old: Inline, new: Inline) -> Inline:
    """NEW's spans with the words deleted since OLD and the words inserted marked."""
    a, b = _renumber(_tokens(old)), _tokens(new)
    matcher = difflib.SequenceMatcher(None, [t for t, _ in a], [t for t, _ in b], autojunk=False)
    pieces: list[tuple[str, str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces += [(t, k, "text") for t, k in b[j1:j2]]
            continue
        pieces += [(t, "del", k) for t, k in a[i1:i2]]
        pieces += [(t, "ins", k) for t, k in b[j1:j2]]
    return _merge(pieces)


def changed(spans: Inline) -> bool:
    """Whether a line of text carries a mark."""
    return any(s.kind in ("ins", "del") for s in spans)


def _key(block: Block) -> str:
    if isinstance(block, Paragraph):
        return "p:" + plain(block.spans)
    if isinstance(block, BulletList):
        return "l:" + "\n".join(plain(i) for i in block.items)
    rows = "\n".join(" | ".join(plain(c) for c in row) for row in block.rows)
    return "t:" + block.name + "|".join(block.header) + "\n" + rows


def _marked_block(block: Block, kind: str) -> Block:
    if isinstance(block, Paragraph):
        if kind == "del":  # OLD's number goes with the deleted text
            number = [Span(f"{block.number} ", "del")] if block.number else []
            return Paragraph(number + mark(block.spans, kind), None)
        return Paragraph(mark(block.spans, kind), block.number)
    if isinstance(block, BulletList):
        return BulletList([mark(i, kind) for i in block.items])
    return Table(block.header, [[mark(c, kind) for c in row] for row in block.rows], block.name)


def _lines(old: list[Inline], new: list[Inline]) -> list[Inline]:
    """Items of a list, or rows' cells, aligned then compared word by word."""
    matcher = difflib.SequenceMatcher(None, [plain(x) for x in old], [plain(x) for x in new], autojunk=False)
    out: list[Inline] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += new[j1:j2]
        else:
            out += _similar(old[i1:i2], new[j1:j2])
    return out


def _similar(old: list[Inline], new: list[Inline]) -> list[Inline]:
    """Replaced lines: each old line paired, in order, with a new one close enough to show word changes."""
    out: list[Inline] = []
    j = 0
    for line in old:
        match = next((k for k in range(j, len(new))
                      if difflib.SequenceMatcher(None, plain(line), plain(new[k])).ratio() > 0.6), None)
        if match is None:
            out.append(mark(line, "del"))
            continue
        out += [mark(x, "ins") for x in new[j:match]]
        out.append(words(line, new[match]))
        j = match + 1
    return out + [mark(x, "ins") for x in new[j:]]


def _rows(old: Table, new: Table) -> list[list[Inline]]:
    def key(row: list[Inline]) -> str:
        return " | ".join(plain(c) for c in row)

    matcher = difflib.SequenceMatcher(None, [key(r) for r in old.rows], [key(r) for r in new.rows], autojunk=False)
    out: list[list[Inline]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += new.rows[j1:j2]
            continue
        pairs = min(i2 - i1, j2 - j1) if op == "replace" else 0
        for o, n in zip(old.rows[i1:i1 + pairs], new.rows[j1:j1 + pairs], strict=True):
            if len(o) == len(n):
                out.append([words(a, b) for a, b in zip(o, n, strict=True)])
            else:
                out += [[mark(c, "del") for c in o], [mark(c, "ins") for c in n]]
        out += [[mark(c, "del") for c in row] for row in old.rows[i1 + pairs:i2]]
        out += [[mark(c, "ins") for c in row] for row in new.rows[j1 + pairs:j2]]
    return out


def _pair(old: Block, new: Block) -> Block | None:
    """The two versions of one block merged, or None when they are not the same kind of block."""
    if isinstance(old, Paragraph) and isinstance(new, Paragraph):
        return Paragraph(words(old.spans, new.spans), new.number)
    if isinstance(old, BulletList) and isinstance(new, BulletList):
        return BulletList(_lines(old.items, new.items))
    if isinstance(old, Table) and isinstance(new, Table) and old.header == new.header:
        return Table(new.header, _rows(old, new), new.name)
    return None


def blocks(old: list[Block], new: list[Block]) -> list[Block]:
    """A clause's blocks with the changes marked (numbers are NEW's and never compared)."""
    matcher = difflib.SequenceMatcher(None, [_key(b) for b in old], [_key(b) for b in new], autojunk=False)
    out: list[Block] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += new[j1:j2]
            continue
        olds, news = old[i1:i2], new[j1:j2]
        while olds and news:
            merged = _pair(olds[0], news[0])
            if merged is None:
                break
            out.append(merged)
            olds, news = olds[1:], news[1:]
        out += [_marked_block(b, "del") for b in olds] + [_marked_block(b, "ins") for b in news]
    return out


def _whole(clause: Clause, kind: Literal["ins", "del"]) -> Clause:
    return dataclasses.replace(
        clause, blocks=[_marked_block(b, kind) for b in clause.blocks],
        number=None if kind == "del" else clause.number, change=kind,
    )


def _has_marks(clause: Clause) -> bool:
    for block in clause.blocks:
        if isinstance(block, Paragraph) and changed(block.spans):
            return True
        if isinstance(block, BulletList) and any(changed(i) for i in block.items):
            return True
        if isinstance(block, Table) and any(changed(c) for row in block.rows for c in row):
            return True
    return False


def redline(old: Document, new: Document, labels: dict[str, str] | None = None) -> Document:
    """NEW with the changes since OLD marked, and a summary of them in ``changes``."""
    labels = labels or {}
    old_by_id = {c.id: c for c in old.clauses()}
    moved = {old_by_id[c.id].number: c.number for c in new.clauses()
             if c.id in old_by_id and old_by_id[c.id].number and c.number}
    token = _RENUMBERED.set({k: v for k, v in moved.items() if k and v and k != v})
    try:
        return _redline(old, new, labels, old_by_id)
    finally:
        _RENUMBERED.reset(token)


def _redline(old: Document, new: Document, labels: dict[str, str], old_by_id: dict[str, Clause]) -> Document:
    """``redline`` once the renumbering is known."""
    new_ids = {c.id for c in new.clauses()}
    sections: list[Section] = []
    summary: list[str] = []
    placed: set[str] = set()
    for section in new.sections:
        old_section = next((s for s in old.sections if s.id == section.id), None)
        removed = [c for c in (old_section.clauses if old_section else []) if c.id not in new_ids]
        clauses: list[Clause] = []
        for clause in section.clauses:
            before = old_by_id.get(clause.id)
            if before is None:
                clauses.append(_whole(clause, "ins"))
                summary.append(f"{labels.get('added', '+')} {clause.heading}")
                continue
            merged = dataclasses.replace(clause, blocks=blocks(before.blocks, clause.blocks))
            if before.title != clause.title:
                merged.old_title = before.title
                merged.title_marks = words([Span(before.title)], [Span(clause.title)])
            if _has_marks(merged) or merged.old_title:
                summary.append(f"{labels.get('changed', '~')} {clause.heading}")
            clauses.append(merged)
        for gone in removed:  # after the clause that preceded it in OLD, else at the start
            order = [c.id for c in old_section.clauses] if old_section else []
            previous = [cid for cid in order[: order.index(gone.id)] if any(c.id == cid for c in clauses)]
            at = next((i + 1 for i, c in enumerate(clauses) if previous and c.id == previous[-1]), 0)
            clauses.insert(at, _whole(gone, "del"))
            summary.append(f"{labels.get('removed', '-')} {gone.heading}")
            placed.add(gone.id)
        sections.append(dataclasses.replace(section, clauses=clauses))
    for section in old.sections:  # a whole section that disappeared
        gone_clauses = [_whole(c, "del") for c in section.clauses if c.id not in new_ids and c.id not in placed]
        if gone_clauses and not any(s.id == section.id for s in new.sections):
            sections.append(dataclasses.replace(section, clauses=gone_clauses))
            summary += [f"{labels.get('removed', '-')} {c.heading}" for c in section.clauses]
    return dataclasses.replace(new, sections=sections, changes=summary or [labels.get("none", "no change")])


_REVISION = re.compile(r'<w:(ins|del) w:id="0" w:author="dpagen"')


def finish_docx(data: bytes, date: str) -> bytes:
    """Number the tracked changes of a DOCX one by one and date them (``date``: ISO 8601)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        infos = zin.infolist()
        parts = {i.filename: zin.read(i.filename) for i in infos}
    counter = iter(range(9000, 10**9))

    def number(match: re.Match[str]) -> str:
        dated = f' w:date="{date}"' if date else ""
        return f'<w:{match.group(1)} w:id="{next(counter)}" w:author="{AUTHOR}"{dated}'

    xml = parts["word/document.xml"].decode("utf-8")
    parts["word/document.xml"] = _REVISION.sub(number, xml).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in infos:
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(copy, parts[info.filename])
    return out.getvalue()


def summary_labels(language: str) -> dict[str, str]:
    """Words of the summary that opens a redline."""
    if language == "fr":
        return {"added": "Ajouté :", "changed": "Modifié :", "removed": "Supprimé :", "none": "Aucun changement",
                "title": "Modifications depuis la version précédente"}
    return {"added": "Added:", "changed": "Changed:", "removed": "Removed:", "none": "No change",
            "title": "Changes since the previous version"}


def redline_document(new_tree: Document, old: Any, build_old: Any) -> Document:
    """NEW's tree marked against OLD's tree for the same document and language (``build_old()``)."""
    labels = summary_labels(new_tree.language)
    result = redline(build_old(), new_tree, labels)
    result.labels = {**result.labels, "changes_title": labels["title"]}
    return result
