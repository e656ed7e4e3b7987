"""Every value reads as typed in the Markdown, in CommonMark and in GFM renderers (issue 14, item 6)."""

from __future__ import annotations

import html
import re

import pytest
from markdown_it import MarkdownIt

from conftest import load_example
from dpagen.build import build
from dpagen.doctree import Span
from dpagen.writers.markdown import inline, write

HOSTILE = [
    "[1]: https://example.com",
    "see [1] and [x](http://evil.example) and ![i](http://evil.example/i.png)",
    "&lt;b&gt; and &amp; and &#65; &copy;",
    "Dupont & Fils",
    "*stars* _under_ **bold** ~~gone~~ `code`",
    "<b>bold</b> <https://example.com> <a@b.fr>",
    "# not a heading",
    "> not a quote",
    "- not a list",
    "+ not a list",
    "1986. not a list",
    "3) not a list",
    "===",
    "---",
    "```",
    "a | b | c",
    "[^1] footnote",
    "back\\slash \\* \\[",
    "two\nlines\n# heading?\n- item?\n1. item?\n===",
]
# GFM: CommonMark with its tables and strikethrough (its autolinks would need linkify-it-py)
RENDERERS = {"commonmark": MarkdownIt("commonmark"), "gfm": MarkdownIt("commonmark").enable(["table", "strikethrough"])}


def _text(rendered: str) -> str:
    """What a reader sees: tags removed, entities decoded, line breaks as spaces."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", rendered)).split())


@pytest.mark.parametrize("renderer", RENDERERS, ids=str)
@pytest.mark.parametrize("value", HOSTILE)
def test_a_value_reads_as_typed(value: str, renderer: str) -> None:
    md = RENDERERS[renderer]
    typed = " ".join(value.split())
    alone = md.render(inline([Span(value)], line_start=True))
    assert _text(alone) == typed
    assert "<a " not in alone and "<h" not in alone and "<li" not in alone and "<code" not in alone
    within = md.render("Texte : " + inline([Span(value)]) + " (fin)")
    assert _text(within) == f"Texte : {typed} (fin)"


def test_a_link_reference_value_hides_no_line_of_the_contract() -> None:
    d = load_example("avm-up")
    assert d.controller is not None
    value = "[1]: https://example.com"
    d = d.model_copy(update={"controller": d.controller.model_copy(update={"legal_name": value})})
    source = write(build(d, "dpa", language="en")).decode("utf-8")
    shown = RENDERERS["gfm"].render(source)
    assert "<a " not in shown.replace('<a href="mailto:', "")  # no value turned into a link
    assert _text(shown).count(value) == source.count(r"\[1\]: https://example.com")
    assert source.count(r"\[1\]: https://example.com") >= 2
