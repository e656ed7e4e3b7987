"""Turns rendered clause text (plain text with value and blank markers) into document-tree blocks.

Markup of clause text, read only outside the values printed from the description:
a blank line separates paragraphs; a line starting with ``- `` is a bullet; a line ``::table NAME``
places the clause's table NAME; ``**text**`` is strong.
"""

from __future__ import annotations

from .doctree import Block, BulletList, Inline, Paragraph, Span, SpanKind, Table
from .templating import BLANK_CLOSE, BLANK_OPEN, VALUE_CLOSE, VALUE_OPEN


def parse_inline(text: str) -> Inline:
    """Split one line into spans: values and plain text, strong runs, blanks."""
    spans: list[Span] = []
    buffer: list[str] = []
    strong = False
    mode = "text"  # or "value" / "blank"

    def flush(kind: SpanKind) -> None:
        if buffer:
            chunk = "".join(buffer)
            buffer.clear()
            if spans and spans[-1].kind == kind:
                spans[-1] = Span(spans[-1].text + chunk, kind)
            else:
                spans.append(Span(chunk, kind))

    i = 0
    while i < len(text):
        ch = text[i]
        current: SpanKind = "strong" if strong else "text"
        if mode == "text" and ch == VALUE_OPEN:
            mode = "value"
        elif mode == "value" and ch == VALUE_CLOSE:
            mode = "text"
        elif ch == BLANK_OPEN:
            flush(current)
            mode = "blank"
        elif mode == "blank" and ch == BLANK_CLOSE:
            flush("blank")
            mode = "text"
        elif mode == "text" and text.startswith("**", i):
            flush(current)
            strong = not strong
            i += 2
            continue
        elif ch in (VALUE_OPEN, VALUE_CLOSE):
            pass  # a value nested in a blank hint, or stray marker
        else:
            buffer.append(ch)
        i += 1
    flush("blank" if mode == "blank" else ("strong" if strong else "text"))
    return [s for s in spans if s.text]


def _starts(line: str, prefix: str) -> bool:
    """Whether markup (not a printed value) starts the line with ``prefix``."""
    return line.startswith(prefix)


def parse_blocks(text: str, tables: dict[str, Table], where: str) -> list[Block]:
    """Split rendered clause text into paragraphs, bullet lists and tables."""
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            spans = parse_inline(" ".join(paragraph))
            if spans:
                blocks.append(Paragraph(spans))
            paragraph.clear()

    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            flush()
        elif _starts(line, "::table "):
            flush()
            name = line[len("::table ") :].strip()
            if name not in tables:
                from .errors import TemplateError

                raise TemplateError(f"{where}: '::table {name}' names no table of this clause")
            blocks.append(tables[name])
        elif _starts(line, "- "):
            flush()
            item = parse_inline(line[2:])
            if blocks and isinstance(blocks[-1], BulletList):
                blocks[-1].items.append(item)
            else:
                blocks.append(BulletList([item]))
        else:
            if blocks and isinstance(blocks[-1], BulletList) and not paragraph and raw.startswith("  "):
                blocks[-1].items[-1].extend(parse_inline(" " + line))  # continuation of a bullet
            else:
                paragraph.append(line)
    flush()
    return blocks
