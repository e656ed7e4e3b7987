"""Long words: linear link finding, and words broken in print rather than clipped (issue 14, item 4)."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest

from dpagen.build import build
from dpagen.io import load, to_data, validate
from dpagen.writers import get_writer
from dpagen.writers.html_render import linked, soft_breaks

ROOT = Path(__file__).resolve().parent.parent
WORD = "FR76" + "".join(str(i % 10) for i in range(3000))


@pytest.mark.parametrize("word", ["a" * 100_000, "http://" * 15_000, "a." * 50_000 + "@", "x@" + "a" * 100_000])
def test_the_link_finder_is_linear(word: str) -> None:
    start = time.perf_counter()
    linked(word)
    linked(word, soft=True)
    assert time.perf_counter() - start < 1.0  # was 22 s at 40,000 characters


def test_links_are_found_as_before() -> None:
    text = "voir https://example.com/a.b, puis (https://x.fr/p?q=1). Écrire à jean.d+x@mail.example.fr."
    html = str(linked(text))
    assert '<a href="https://example.com/a.b">https://example.com/a.b</a>,' in html
    assert '<a href="https://x.fr/p?q=1">https://x.fr/p?q=1</a>).' in html
    assert '<a href="mailto:jean.d+x@mail.example.fr">jean.d+x@mail.example.fr</a>.' in html
    assert str(linked("https://a")) == "https://a"


def test_soft_breaks_only_touch_words_longer_than_any_line() -> None:
    url = "https://www.cnil.fr/fr/" + "a" * 150
    assert soft_breaks(url) == url
    broken = soft_breaks("x " + "9" * 450)
    assert broken.replace("\u200b", "") == "x " + "9" * 450
    assert broken.count("\u200b") == 22


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_a_long_word_is_wholly_on_the_page_in_the_pdf(tmp_path: Path) -> None:
    data = to_data(load(ROOT / "examples" / "avm-up.json"))
    data["processor"]["legal_name"] = WORD
    tree = build(validate(data), "subprocessors", language="fr", draft=True)
    start = time.perf_counter()
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(get_writer("pdf").write(tree))
    assert time.perf_counter() - start < 30
    # pdftotext keeps only what is inside the page: before words were broken, 94 of 3004 characters.
    shown = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert WORD in "".join(shown.split()).replace("\u200b", "")
    html = get_writer("html").write(tree).decode("utf-8")
    assert WORD in html  # the screen page keeps the word as typed (the browser breaks it with CSS)


def test_emoji_print_as_their_names_not_as_empty_boxes() -> None:
    from dpagen.writers.html_render import printable

    assert printable("Équipe 👍 ok ❤️ — « » ● 中文") == "Équipe [THUMBS UP SIGN] ok [HEAVY BLACK HEART] — « » ● 中文"
    assert printable("👨\u200d👩\u200d👧") == "[MAN][WOMAN][GIRL]"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_an_emoji_in_a_name_reads_in_the_pdf(tmp_path: Path) -> None:
    data = to_data(load(ROOT / "examples" / "avm-up.json"))
    data["processor"]["legal_name"] = "Nuage 🚀 SAS"
    tree = build(validate(data), "subprocessors", language="fr", draft=True)
    pdf = tmp_path / "emoji.pdf"
    pdf.write_bytes(get_writer("pdf").write(tree))
    shown = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Nuage [ROCKET] SAS" in " ".join(shown.split())
    assert "Nuage 🚀 SAS" in get_writer("html").write(tree).decode("utf-8")  # screens have emoji fonts


def test_scratch_folders_of_dead_processes_are_swept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import sys

    from dpagen.writers import pdf_worker

    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    stale = tmp_path / f"dpagen-pdf-{dead}-abc"
    (stale / "fonts").mkdir(parents=True)
    mine = tmp_path / f"dpagen-pdf-{os.getpid()}-xyz"
    mine.mkdir()
    alive = tmp_path / f"dpagen-pdf-{os.getppid()}-def"
    alive.mkdir()
    pdf_worker._sweep_scratch()
    assert not stale.exists() and mine.exists() and alive.exists()
