"""The cache folder: the parsed clause library is kept between runs and never outlives an edit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dpagen import cache, clauses
from dpagen.resources import clauses_dir


@pytest.fixture
def library_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """dpagen's clause folder copied into tmp_path and used instead, with a cache of its own."""
    folder = tmp_path / "clauses"
    shutil.copytree(clauses_dir(), folder)
    monkeypatch.setattr(clauses, "clauses_dir", lambda: folder)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("DPAGEN_NO_CACHE", raising=False)
    return folder


def _title(folder: Path) -> str:
    return clauses.load_library().clauses["dpa.breach"].title.en


def test_the_parsed_library_is_kept_and_read_back(library_copy: Path) -> None:
    first = clauses.load_library()
    stored = list((library_copy.parent / "cache").rglob("*.pickle"))
    assert len(stored) == 1
    again = clauses.load_library()
    assert again is not first and again.clauses.keys() == first.clauses.keys()
    assert again.clauses["dpa.breach"].text.fr == first.clauses["dpa.breach"].text.fr


def test_an_edited_clause_is_read_again(library_copy: Path) -> None:
    assert _title(library_copy) == "Personal data breaches"
    path = library_copy / "dpa" / "330-breach.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('en = "Personal data breaches"',
                                                             'en = "Breaches, edited"'), encoding="utf-8")
    assert _title(library_copy) == "Breaches, edited"


def test_a_damaged_cache_file_is_ignored_and_caching_can_be_turned_off(
    library_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clauses.load_library()
    [stored] = list((library_copy.parent / "cache").rglob("*.pickle"))
    stored.write_bytes(b"not a pickle")
    assert _title(library_copy) == "Personal data breaches"
    monkeypatch.setenv("DPAGEN_NO_CACHE", "1")
    assert cache.cache_dir("library") is None
    assert _title(library_copy) == "Personal data breaches"
