"""The clause environment: sandboxed, strict, user text never evaluated, blanks visible."""

from __future__ import annotations

import pytest

from dpagen.blocks import parse_blocks
from dpagen.build import build
from dpagen.clauses import load_library
from dpagen.doctree import BulletList, Paragraph
from dpagen.errors import IncompleteError, TemplateError
from dpagen.io import validate
from dpagen.templating import Renderer, make_context


def renderer(draft: bool = True) -> Renderer:
    return Renderer("fr", load_library().labels_in("fr"), draft=draft)


def render(source: str, data: dict, draft: bool = True) -> tuple[str, Renderer]:
    r = renderer(draft)
    return r.render(source, make_context(validate(data), {}), "test"), r


def test_user_text_is_never_evaluated_nor_parsed_as_markup() -> None:
    name = "{{ 7*7 }} {% if true %}x{% endif %} **bold** & <b>"
    text, _ = render("Société : {{ processor.legal_name }}", {"processor": {"legal_name": name}})
    blocks = parse_blocks(text, {}, "t")
    assert len(blocks) == 1 and isinstance(blocks[0], Paragraph)
    assert "".join(s.text for s in blocks[0].spans) == f"Société : {name}"
    assert all(s.kind == "text" for s in blocks[0].spans)


def test_a_value_starting_like_a_bullet_stays_a_paragraph() -> None:
    text, _ = render("{{ processor.legal_name }}", {"processor": {"legal_name": "- not a list"}})
    blocks = parse_blocks(text, {}, "t")
    assert isinstance(blocks[0], Paragraph)


def test_markup_in_clause_text() -> None:
    text, _ = render("Intro **fort**\n\n- un\n- deux\n\nFin", {})
    blocks = parse_blocks(text, {}, "t")
    assert [type(b) for b in blocks] == [Paragraph, BulletList, Paragraph]
    assert blocks[0].spans[1].kind == "strong"
    assert len(blocks[1].items) == 2


def test_missing_value_is_a_blank_in_a_draft() -> None:
    text, r = render("DPO : {{ processor.dpo.email }}", {"processor": {"legal_name": "X"}})
    spans = parse_blocks(text, {}, "t")[0].spans
    assert spans[-1].kind == "blank"
    assert "[●]" in spans[-1].text and "processor.dpo.email" in spans[-1].text
    assert r.missing == ["processor.dpo.email"]


def test_unknown_variable_fails_loudly() -> None:
    with pytest.raises(TemplateError, match="nonexistent"):
        render("{{ nonexistent }}", {})
    with pytest.raises(TemplateError, match="no field 'legal_nam'"):
        render("{{ processor.legal_nam }}", {"processor": {"legal_name": "X"}})


@pytest.mark.parametrize(
    "source",
    [
        "{{ processor.model_dump() }}",
        "{{ processor._model }}",
        "{{ processor.__class__ }}",
        "{{ d.model_validate_json('{}') }}",
        "{{ ''.__class__.__mro__ }}",
    ],
)
def test_sandbox_blocks_model_internals(source: str) -> None:
    with pytest.raises(TemplateError):
        render(source, {"processor": {"legal_name": "X"}})


def test_filters_localise() -> None:
    data = {"document": {"effective_date": "2026-03-01"}, "subprocessors": [{"name": "A", "country": "US"}]}
    text, _ = render("{{ document.effective_date }} — {{ subprocessors[0].country | country }}", data)
    assert text.replace("\x02", "").replace("\x03", "") == "1er mars 2026 — États-Unis"


def test_final_build_lists_every_missing_value() -> None:
    partial = validate({"controller": {"legal_name": "C"}, "processor": {"legal_name": "P"}})
    with pytest.raises(IncompleteError) as info:
        build(partial, "dpa", draft=False)
    assert "main_agreement.title" in info.value.details
    draft = build(partial, "dpa", draft=True)
    assert draft.draft and "[●]" in draft.text()
    assert draft.header.startswith("PROJET")


def test_compiled_clauses_are_cached_and_an_edit_is_seen(tmp_path, monkeypatch) -> None:
    from dpagen import templating

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    templating.bytecode_cache.cache_clear()
    try:
        first, _ = render("A {{ processor.legal_name }}", {"processor": {"legal_name": "X"}})
        assert list(tmp_path.rglob("*.cache")), "nothing was cached"
        edited, _ = render("B {{ processor.legal_name }}", {"processor": {"legal_name": "X"}})
        assert first.startswith("A") and edited.startswith("B")
    finally:
        templating.bytecode_cache.cache_clear()


@pytest.mark.parametrize(
    ("name", "word", "expected"),
    [
        ("AVM Up", "que", "qu'AVM Up"),
        ("Amazon Web Services", "de", "d'Amazon Web Services"),
        ("Écritel", "de", "d'Écritel"),
        ("Yousign", "de", "d'Yousign"),
        ("Google", "de", "de Google"),
        ("OVHcloud", "que", "qu'OVHcloud"),
        ("Lyon", "de", "de Lyon"),
    ],
)
def test_after_elides_the_french_word_before_a_vowel(name: str, word: str, expected: str) -> None:
    source = "{{ processor.legal_name | after('" + word + "') }}"
    text, _ = render(source, {"processor": {"legal_name": name}})
    assert text.replace("\x02", "").replace("\x03", "") == expected


def test_after_keeps_the_english_word_and_a_blank_for_a_missing_value() -> None:
    r = Renderer("en", load_library().labels_in("en"), draft=True)
    context = make_context(validate({"processor": {"legal_name": "Acme"}}), {})
    assert r.render("{{ processor.legal_name | after('than') }}", context, "t").replace("\x02", "").replace(
        "\x03", "") == "than Acme"
    text, r = render("{{ processor.brand | after('de') }}", {"processor": {"legal_name": "Acme"}})
    assert text.startswith("de ") and "[●]" in text and r.missing == ["processor.brand"]
