"""Markdown writer: a plain, diff-friendly rendering for review in git."""

from __future__ import annotations

import re
from pathlib import Path

from ..doctree import BulletList, Document, Inline, Paragraph, Table

# Every character that can start markup inline in CommonMark or GFM: emphasis, code, HTML and autolinks,
# table cells, strikethrough, links, link reference definitions and footnotes ("[1]: https://…"), and
# entity references ("&lt;" must read as typed, not as "<"). Backslash-escaping is valid for each.
_SPECIAL = re.compile(r"([\\`*_<>|~\[\]]|&(?=#?\w+;))")
# What makes a line a block (list item, heading, quote, setext underline, thematic break, fence)
# when it starts a line; digits are followed by the list marker's punctuation.
_BLOCK_MARK = re.compile(r"(^|\n)([ \t]*)([-+#>=])")
_NUMBERED = re.compile(r"(^|\n)([ \t]*\d{1,9})([.)])")


def _escape(text: str, *, line_start: bool = False) -> str:
    """User text that every Markdown renderer shows as typed (``line_start``: it begins a line)."""
    text = _SPECIAL.sub(r"\\\1", text)
    if not line_start:  # text inside a line: only the lines it starts itself (after a line break) matter
        text = "\0" + text
    text = _BLOCK_MARK.sub(r"\1\2\\\3", text)
    text = _NUMBERED.sub(r"\1\2\\\3", text)
    return text.removeprefix("\0")


def inline(spans: Inline, *, line_start: bool = False) -> str:
    """Spans as Markdown: strong in ``**``, blanks highlighted with ``==`` marks and bold."""
    out = []
    for i, span in enumerate(spans):
        text = _escape(span.text, line_start=line_start and i == 0)
        if span.kind == "blank":  # our own marker: "[●]" links nowhere (no value can define "[●]: …" now)
            text = text.replace("\\[●\\]", "[●]")
        if span.kind == "strong" or span.kind == "blank":
            out.append(f"**{text}**")
        elif span.kind in ("ins", "del"):  # a redline, in CriticMarkup: {++added++} {--removed--}
            sign = "+" if span.kind == "ins" else "-"
            if span.style in ("strong", "blank"):
                text = f"**{text}**"
            out.append(f"{{{sign}{sign}{text}{sign}{sign}}}")
        else:
            out.append(text)
    return "".join(out)


def _table(table: Table) -> list[str]:
    lines = ["| " + " | ".join(_escape(h) for h in table.header) + " |"]
    lines.append("|" + "|".join("---" for _ in table.header) + "|")
    for row in table.rows:
        lines.append("| " + " | ".join(inline(c) or " " for c in row) + " |")
    return lines


def write(document: Document, *, template: Path | None = None) -> bytes:
    """Lay the document out as Markdown (``template`` is not used)."""
    lines = [f"# {_escape(document.title)}", "", f"*{_escape(document.subtitle)}*", ""]
    if document.draft:
        lines += [f"> **{_escape(document.labels['draft'])}** — {_escape(document.labels['draft_note'])}", ""]
        if document.notes:
            lines += [f"> {_escape(document.labels['notes'])}", ">"]
            lines += [f"> - {_escape(note)}" for note in document.notes] + [""]
    lines += [_escape(document.parties_line), ""]
    colon = "\u00a0:" if document.language == "fr" else ":"  # French typography: no-break space
    meta = []
    if document.reference:
        meta.append(f"{document.labels['reference']}{colon} {_escape(document.reference)}")
    if document.version:
        meta.append(f"{document.labels['version']}{colon} {_escape(document.version)}")
    if document.date_text:
        meta.append(f"{document.labels['effective']} {_escape(document.date_text)}")
    if meta:
        lines += [" · ".join(meta), ""]
    if document.changes:
        lines += [f"> **{_escape(document.labels.get('changes_title', 'Changes'))}**", ">"]
        lines += [f"> - {_escape(line)}" for line in document.changes] + [""]
    for section in document.sections:
        lines += [f"## {_escape(section.title)}", ""]
        for clause in section.clauses:
            heading = _escape(clause.heading)
            if clause.change:
                sign = "+" if clause.change == "ins" else "-"
                heading = f"{{{sign}{sign}{heading}{sign}{sign}}}"
            elif clause.old_title:
                heading += f" {{~~{_escape(clause.old_title)}~>{_escape(clause.title)}~~}}"
            lines += [f"### {heading}", ""]
            for block in clause.blocks:
                if isinstance(block, Paragraph):
                    prefix = f"**{block.number}** " if block.number else ""
                    lines += [prefix + inline(block.spans, line_start=not prefix), ""]
                elif isinstance(block, BulletList):
                    lines += [f"- {inline(item)}" for item in block.items] + [""]
                else:
                    lines += [*_table(block), ""]
    if document.signatures:
        lines += [f"## {_escape(document.labels['signature'])}", ""]
        for sig in document.signatures:
            lines += [
                f"**{_escape(sig.role)}** — {inline(sig.company)}",
                "",
                f"{document.labels['name']}{colon} {inline(sig.name)}  ",
                f"{document.labels['title']}{colon} {inline(sig.title)}  ",
                _escape(sig.place_date),
                "",
            ]
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")
