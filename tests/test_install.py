"""A non-editable install (a built wheel) carries templates/, clauses/ and examples/ inside the package."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return next(out.glob("dpagen-*.whl"))


def test_wheel_contains_the_data_folders(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for folder in ("templates", "clauses", "examples"):
        source = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / folder).rglob("*") if p.is_file())
        assert source, folder
        for rel in source:
            assert f"dpagen/{rel}" in names, f"{rel} is not shipped in the wheel"


def test_installed_wheel_generates_from_its_own_data(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    work = tmp_path / "work"
    work.mkdir()
    probe = subprocess.run(
        [sys.executable, "-c", "import dpagen.resources as r; print(r.clauses_dir()); print(r.templates_dir())"],
        capture_output=True, text=True, cwd=work, env=env, check=True,
    )
    for line in probe.stdout.split():
        assert Path(line).is_relative_to(site), f"{line} does not come from the installed package"
    run = subprocess.run(
        [sys.executable, "-m", "dpagen", "init", "--example", "avm-up", "--out", "d.json"],
        capture_output=True, text=True, cwd=work, env=env,
    )
    assert run.returncode == 0, run.stderr
    run = subprocess.run(
        [sys.executable, "-m", "dpagen", "generate", "d.json", "--doc", "dpa", "--format", "md", "--out", "out"],
        capture_output=True, text=True, cwd=work, env=env,
    )
    assert run.returncode == 0, run.stderr
    written = list((work / "out").glob("*.md"))
    assert len(written) == 1
    assert "AVM Informatique" in written[0].read_text(encoding="utf-8")
