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
    stored = list((library_copy.parent / "cache").rglob("*.json"))
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
    [stored] = list((library_copy.parent / "cache").rglob("*.json"))
    stored.write_bytes(b"not json")
    assert _title(library_copy) == "Personal data breaches"
    monkeypatch.setenv("DPAGEN_NO_CACHE", "1")
    assert cache.cache_dir("library-json") is None
    assert _title(library_copy) == "Personal data breaches"


def test_the_cache_holds_data_only_and_is_private(library_copy: Path) -> None:
    import json
    import stat

    clauses.load_library()
    [stored] = list((library_copy.parent / "cache").rglob("*.json"))
    assert json.loads(stored.read_bytes())["clauses"]  # JSON: nothing in it can run
    for folder in (stored.parent, stored.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600


def test_a_folder_others_can_write_to_is_not_used(
    library_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clauses.load_library()
    [stored] = list((library_copy.parent / "cache").rglob("*.json"))
    stored.parent.chmod(0o777)
    assert cache.cache_dir("library-json") is None
    assert "not a private folder" in capsys.readouterr().err
    stored.parent.chmod(0o700)
    stored.chmod(0o666)  # a file others could have planted or changed is ignored
    assert cache.load(stored.parent, stored.stem) is None


def test_a_planted_bytecode_file_others_can_write_is_not_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jinja2.bccache import Bucket

    from dpagen.templating import _PrivateBytecodeCache

    folder = tmp_path / "jinja"
    folder.mkdir(mode=0o700)
    bcc = _PrivateBytecodeCache(str(folder))
    env_src = "hello"
    bucket = Bucket(None, "k", bcc.get_source_checksum(env_src))  # type: ignore[arg-type]
    bucket.code = compile("x = 1", "<t>", "exec")
    bcc.dump_bytecode(bucket)
    loaded = Bucket(None, "k", bcc.get_source_checksum(env_src))  # type: ignore[arg-type]
    bcc.load_bytecode(loaded)
    assert loaded.code is not None  # our own private file is read back
    Path(bcc._get_cache_filename(bucket)).chmod(0o646)
    planted = Bucket(None, "k", bcc.get_source_checksum(env_src))  # type: ignore[arg-type]
    bcc.load_bytecode(planted)
    assert planted.code is None


def test_a_full_cache_disk_never_stops_a_command(
    library_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import errno

    from dpagen import output

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", full)
    monkeypatch.setattr(cache, "_warned", set())
    assert _title(library_copy) == "Personal data breaches"
    assert _title(library_copy) == "Personal data breaches"
    err = capsys.readouterr().err
    assert err.count("running without the cache") == 1 and "disk is full" in err


def test_the_library_read_back_from_the_cache_keeps_each_clause_file(library_copy: Path) -> None:
    first = clauses.load_library()
    again = clauses.load_library()
    assert again.clauses["dpa.term"].source == first.clauses["dpa.term"].source
    assert Path(again.clauses["dpa.term"].source).name.startswith("830-")
    assert again.model_dump() == first.model_dump()
