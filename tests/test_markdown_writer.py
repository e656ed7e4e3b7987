"""The Markdown writer: every block of the tree, user text escaped, French typography."""

from __future__ import annotations

from conftest import load_example
from dpagen.build import build
from dpagen.doctree import BulletList, Paragraph, Table, plain
from dpagen.writers.markdown import write


def test_every_block_of_the_contract_is_written() -> None:
    tree = build(load_example("avm-up"), "dpa", language="en")
    text = write(tree).decode("utf-8")
    assert text.startswith("# Data Processing Agreement\n")
    for section in tree.sections:
        assert f"## {section.title}" in text
        for clause in section.clauses:
            assert f"### {clause.heading}" in text
            for block in clause.blocks:
                if isinstance(block, Table):
                    assert text.count("\n| ") >= len(block.rows)
                    for row in block.rows:
                        assert plain(row[0]).split(" ")[0] in text
                elif isinstance(block, BulletList):
                    assert f"- {plain(block.items[0])[:30]}" in text.replace("\\", "").replace("**", "")
                elif isinstance(block, Paragraph) and block.number:
                    assert f"**{block.number}** " in text


def test_user_text_is_escaped_not_interpreted() -> None:
    d = load_example("avm-up")
    assert d.controller is not None
    name = "*Dupont* & _Fils_ <b>x</b> [lien](http://x) | {{ 7*7 }}"
    d = d.model_copy(update={"controller": d.controller.model_copy(update={"legal_name": name})})
    text = write(build(d, "dpa", language="fr")).decode("utf-8")
    assert r"\*Dupont\* & \_Fils\_ \<b\>x\</b\> \[lien\](http://x) \| {{ 7\*7 }}" in text


def test_french_labels_take_a_no_break_space_before_the_colon() -> None:
    text = write(build(load_example("avm-up"), "dpa", language="fr")).decode("utf-8")
    assert "Version\u00a0: 3.0" in text
    assert "Version: " not in text
