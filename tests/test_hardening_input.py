"""Bad input and failing disks end with a message naming the file or path, never a traceback (issue 14)."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dpagen import output
from dpagen.errors import DescriptionError, InputFileError, OutputError
from dpagen.io import load, parse
from dpagen.output import write_atomic


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"processor": {"legal_name": "A", "legal_name": "B"}}', "processor.legal_name: the key 'legal_name'"),
        ('{"subprocessors": [{"name": "x", "name": "y"}]}', "subprocessors[0].name"),
        ("[" + "9" * 5000 + "]", "5000 digits"),
        ("[" * 100_000 + "]" * 100_000, "nested 100000 levels"),
        ('{"breach": {"notice_hours": NaN}}', "'NaN' is not JSON"),
    ],
    ids=["duplicate-key", "duplicate-in-list", "huge-number", "deep-nesting", "nan"],
)
def test_json_the_model_cannot_hold_is_refused_with_its_path(text: str, expected: str) -> None:
    with pytest.raises(DescriptionError) as err:
        parse(text, "d.json")
    assert "d.json: invalid JSON" in err.value.render()
    assert expected in err.value.render()


def test_an_endless_file_is_read_only_up_to_the_cap() -> None:
    with pytest.raises(InputFileError, match=r"/dev/zero: larger than 8 MB"):
        load("/dev/zero")


def test_the_command_line_reports_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"document": {"reference": "a", "reference": "b"}}', encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "dpagen", "validate", str(bad)], capture_output=True, text=True,
                         check=False, timeout=60)
    assert run.returncode == 1
    assert "document.reference: the key 'reference' appears twice" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_full_disk_leaves_nothing_and_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(output.os, "fsync", full)
    with pytest.raises(OutputError, match=r"out\.pdf: cannot write \(the disk is full"):
        write_atomic(tmp_path / "out.pdf", b"data")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_entered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(output.tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError, match="permission denied"):
        write_atomic(tmp_path / "locked" / "out.pdf", b"data")


def test_a_dangling_symlink_is_not_replaced_without_force(tmp_path: Path) -> None:
    link = tmp_path / "out.pdf"
    link.symlink_to(tmp_path / "nowhere")
    with pytest.raises(OutputError, match="already exists"):
        write_atomic(link, b"data")
    assert link.is_symlink()
    write_atomic(link, b"data", force=True)
    assert link.read_bytes() == b"data" and not link.is_symlink()


def test_no_clobber_check_and_write_are_one_step(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another run creating the file between our check and our write: ours fails, theirs stays."""
    target = tmp_path / "out.md"
    real_chmod = os.chmod

    def racing_chmod(path: str, mode: int) -> None:
        real_chmod(path, mode)
        if not target.exists():
            target.write_bytes(b"theirs")

    monkeypatch.setattr(output.os, "chmod", racing_chmod)
    with pytest.raises(OutputError, match="already exists"):
        write_atomic(target, b"ours")
    assert target.read_bytes() == b"theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_valid_json_still_loads() -> None:
    assert parse(json.dumps({"document": {"reference": "R-1"}})).document.reference == "R-1"


def test_a_byte_order_mark_is_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"document": {"reference": "R-1"}}')
    assert load(path).document.reference == "R-1"


def test_a_house_stylesheet_with_a_huge_text_is_refused(tmp_path: Path) -> None:
    from dpagen.errors import UsageError
    from dpagen.writers.html_assets import user_css

    css = tmp_path / "house.css"
    css.write_text("h1::after { content: '" + "x" * 5000 + "' }", encoding="utf-8")
    with pytest.raises(UsageError, match=r"house\.css, line 1: a text of over 1000 characters"):
        user_css(css)
    css.write_text("h1::after { content: ' (house)' }", encoding="utf-8")
    assert user_css(css) == "h1::after { content: ' (house)' }"
