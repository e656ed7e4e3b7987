"""Clause and DOCX templates from users are bounded and their faults named (issue 14, items 3 and 5)."""

from __future__ import annotations

import io
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from dpagen.clauses import load_library
from dpagen.errors import TemplateError
from dpagen.templating import Renderer

ROOT = Path(__file__).resolve().parent.parent

HOSTILE = {
    "nested-ranges": "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    "huge-string": "{{ 'x' * 10**9 }}",
    "huge-power": "{{ 10 ** (10 ** 8) }}",
    "huge-center": "{{ 'x' | center(10**9) }}",
    "huge-format": "{{ '%999999999s' % 'a' }}",
    "huge-str-format": "{{ '{:>999999999}'.format(1) }}",
    "huge-ljust": "{{ 'x'.ljust(10**9) }}",
    "recursion": "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
    "division-by-zero": "{{ 1 / 0 }}",
    "filter-wrong-type": "{{ 'abc' | round }}",
    "join-an-int": "{{ 42 | join(',') }}",
}


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer("fr", load_library().labels_in("fr"), draft=True)


@pytest.mark.parametrize("source", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_clause_template_stops_quickly_with_its_name(renderer: Renderer, source: str) -> None:
    start = time.perf_counter()
    with pytest.raises(TemplateError, match=r"^clauses/dpa/999-x\.toml: "):
        renderer.render(source, {}, "clauses/dpa/999-x.toml")
    assert time.perf_counter() - start < 5


def test_ordinary_arithmetic_and_loops_still_work(renderer: Renderer) -> None:
    out = renderer.render("{{ 2 ** 10 }} {{ 'ab' * 3 }} {% for i in range(3) %}{{ i }}{% endfor %}", {}, "t")
    assert "1024" in out and "ababab" in out and "012" in out.replace("\x02", "").replace("\x03", "")


def test_a_loop_over_a_huge_string_is_stopped_by_the_time_limit(
    renderer: Renderer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dpagen.sandbox_limits as limits

    monkeypatch.setattr(limits, "MAX_SECONDS", 0.5)
    source = "{% for c in 'x' * 1000000 %}{% for d in 'x' * 1000000 %}{% endfor %}{% endfor %}"
    start = time.perf_counter()
    with pytest.raises(TemplateError, match=r"took more than 0\.5 s"):
        renderer.render(source, {}, "t.toml")
    assert time.perf_counter() - start < 3


def _docx_with(body_text: str) -> bytes:
    """The default DOCX template with one more paragraph holding ``body_text``."""
    from dpagen.writers.docx import default_template

    src = zipfile.ZipFile(default_template())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                at = text.index("<w:body>") + len("<w:body>")
                data = (text[:at] + f"<w:p><w:r><w:t>{body_text}</w:t></w:r></w:p>" + text[at:]).encode("utf-8")
            dst.writestr(item, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("{{ 'x' * 10**9 }}", "a value of over"),
        ("{{ 1 / 0 }}", "ZeroDivisionError"),
        ("{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}", "loop steps"),
    ],
    ids=["huge-string", "division-by-zero", "nested-ranges"],
)
def test_a_hostile_letterhead_is_named_and_stopped(tmp_path: Path, body: str, expected: str) -> None:
    from conftest import load_example
    from dpagen.build import build
    from dpagen.writers import docx

    letterhead = tmp_path / "house.docx"
    letterhead.write_bytes(_docx_with(body))
    tree = build(load_example("avm-up"), "subprocessors", language="fr", draft=True)
    with pytest.raises(TemplateError, match=rf"house\.docx.*{expected}"):
        docx.write(tree, template=letterhead)


def test_a_zip_bomb_letterhead_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    from dpagen.writers import docx

    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b" " * (100 * 1024 * 1024))
    with pytest.raises(TemplateError, match=r"bomb\.docx' unpacks to more than 60 MB"):
        docx._open(bomb)


def test_a_long_reference_fits_the_docx_properties(tmp_path: Path) -> None:
    from docx import Document as load_docx

    from conftest import load_example
    from dpagen.build import build
    from dpagen.writers import docx

    description = load_example("avm-up")
    description.document.reference = "R" * 300  # python-docx refused it with a traceback
    tree = build(description, "dpa", language="fr", draft=True)
    props = load_docx(io.BytesIO(docx.write(tree))).core_properties
    assert props.identifier == "R" * 255


def test_a_hostile_clause_folder_ends_with_a_message_on_the_command_line(tmp_path: Path) -> None:
    folder = tmp_path / "clauses" / "dpa"
    folder.mkdir(parents=True)
    (folder / "999-bad.toml").write_text(
        'id = "dpa.bad"\ndocument = "dpa"\nsection = "obligations"\norder = 999\nversion = "1"\n'
        'articles = ["28(3)"]\nchecklist = []\n[title]\nfr = "T"\nen = "T"\n'
        "[text]\nfr = \"{{ 'x' * 10**9 }}\"\nen = \"{{ 1 / 0 }}\"\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "dpagen", "generate", str(ROOT / "examples" / "avm-up.json"), "--doc", "dpa",
         "--format", "md", "--clauses", str(tmp_path / "clauses"), "--out", str(tmp_path / "out"), "--draft"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert run.returncode != 0
    assert "999-bad.toml" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
