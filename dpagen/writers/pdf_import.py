"""Import WeasyPrint without the library probes that cost a third of its import time on Linux.

WeasyPrint loads Pango, HarfBuzz and fontconfig through cffi, trying several names per library (the
Windows and macOS names first). cffi resolves each name with ``ctypes.util.find_library``, which on
Linux runs ``ldconfig -p`` and, when that finds nothing, ``gcc`` and ``ld`` as well: about 10 ms per
name that does not exist, some 0.15 s in all. While WeasyPrint is imported, ``find_library`` is given a
faster equivalent: the same ``ldconfig -p`` lookup, read once; a name it does not know goes to the
standard function only when a ``lib<name>.so`` file exists where the linker would look (the only case
where ``gcc``/``ld`` could find it), and is otherwise reported missing at once, as they would report
it. The standard function is put back right after the import; other systems import WeasyPrint as is.
"""

from __future__ import annotations

import functools
import os
import re
import struct
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

_ABI = {
    "x86_64-64": "libc6,x86-64",
    "ppc64-64": "libc6,64bit",
    "sparc64-64": "libc6,64bit",
    "s390x-64": "libc6,64bit",
    "ia64-64": "libc6,IA-64",
}
_STANDARD_DIRS = ("/lib", "/usr/lib", "/lib64", "/usr/lib64", "/usr/local/lib", "/usr/local/lib64")


def import_weasyprint() -> ModuleType:
    """``import weasyprint``, with the fast library lookup on Linux."""
    if "weasyprint" not in sys.modules:
        with fast_find_library():
            import weasyprint  # noqa: F401
    return sys.modules["weasyprint"]


@contextmanager
def fast_find_library() -> Iterator[None]:
    """Give ``ctypes.util.find_library`` the fast equivalent for the duration of the block (Linux)."""
    if not sys.platform.startswith("linux"):
        yield
        return
    import ctypes.util

    standard = ctypes.util.find_library
    ctypes.util.find_library = _FastFinder(standard)
    try:
        yield
    finally:
        ctypes.util.find_library = standard


class _FastFinder:
    """``find_library`` for Linux: the ldconfig cache first, the standard search only when it may help."""

    def __init__(self, standard: Callable[[str], str | None]) -> None:
        self.standard = standard

    def __call__(self, name: str) -> str | None:
        machine = os.uname().machine + ("-32" if struct.calcsize("l") == 4 else "-64")
        pattern = rf"\s+(lib{re.escape(name)}\.[^\s]+)\s+\({re.escape(_ABI.get(machine, 'libc6'))}"
        found = re.search(pattern.encode(), _ldconfig_cache())
        if found:
            return os.fsdecode(found.group(1))
        if any((Path(folder) / f"lib{name}.so").exists() for folder in _linker_dirs()):
            return self.standard(name)  # gcc or ld might find it: let the standard search decide
        return None


@functools.cache
def _ldconfig_cache() -> bytes:
    """The output of ``ldconfig -p`` (what ``find_library`` searches first), read once."""
    try:
        return subprocess.run(
            ["/sbin/ldconfig", "-p"], stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            stdout=subprocess.PIPE, env={"LC_ALL": "C", "LANG": "C"}, check=False,
        ).stdout
    except OSError:
        return b""


@functools.cache
def _linker_dirs() -> tuple[str, ...]:
    """Where ``gcc -l`` and ``ld -l`` look: environment paths, ldconfig's folders, the standard ones."""
    folders: list[str] = []
    for variable in ("LD_LIBRARY_PATH", "LIBRARY_PATH"):
        folders += [f for f in os.environ.get(variable, "").split(":") if f]
    for line in _ldconfig_cache().decode("utf-8", "replace").splitlines():
        if "=>" in line:
            folders.append(str(Path(line.rsplit("=>", 1)[1].strip()).parent))
    folders += _STANDARD_DIRS
    return tuple(dict.fromkeys(folders))
