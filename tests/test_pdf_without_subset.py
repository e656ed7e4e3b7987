"""A machine without libharfbuzz-subset0: the PDF stays byte-stable and the test run's warnings pass (issue 14)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import sys, time, warnings
import cffi

real = cffi.FFI.dlopen
def dlopen(self, name, *args, **kwargs):  # this machine, as if libharfbuzz-subset0 were not installed
    if name and "harfbuzz-subset" in str(name):
        raise OSError("hidden for the test")
    return real(self, name, *args, **kwargs)
cffi.FFI.dlopen = dlopen

from dpagen.build import build
from dpagen.io import load
from dpagen.writers.pdf import write
from weasyprint.text import ffi
assert ffi.harfbuzz_subset is None

tree = build(load(sys.argv[1]), "subprocessors", language="fr", draft=True)
first = write(tree)
clock = time.time
time.time = lambda: clock() + 86400 * 400  # a year later: a font date taken from the clock would differ
second = write(tree)
time.time = clock
sys.stdout.write("same" if first == second else "differ")
"""


def test_pdf_bytes_and_warnings_hold_without_the_harfbuzz_subsetter() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    filters = config["tool"]["pytest"]["ini_options"]["filterwarnings"]
    options = [arg for f in filters for arg in ("-W", f)]  # the same filters as the test run (first: error)
    proc = subprocess.run(
        [sys.executable, *options, "-c", SCRIPT, str(ROOT / "examples" / "avm-up.json")],
        capture_output=True, text=True, timeout=120, check=False, env={"DPAGEN_NO_CACHE": "1", "PATH": ""},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout == "same"
