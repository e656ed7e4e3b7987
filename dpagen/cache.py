"""dpagen's cache folder: work kept between runs (compiled clause templates, the parsed clause library).

Everything in it is derived from dpagen's own files and checked against them before use, so deleting the
folder only costs time. ``DPAGEN_NO_CACHE=1`` turns caching off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any


def cache_dir(name: str) -> Path | None:
    """A writable sub-folder of the cache (XDG cache home), or None when caching is off or impossible."""
    if os.environ.get("DPAGEN_NO_CACHE"):
        return None
    from . import __version__

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = base / "dpagen" / f"{name}-{__version__}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None


def fingerprint(files: list[Path], root: Path) -> str:
    """A key that changes when any of these files is added, removed, edited or touched (or ``root`` moves)."""
    parts = [str(root.resolve())]
    for path in sorted(files):
        stat = path.stat()
        parts.append(f"{path.relative_to(root)}:{stat.st_mtime_ns}:{stat.st_size}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:20]


def load(folder: Path | None, key: str) -> Any:
    """The object stored under ``key``, or None (nothing stored, or unreadable)."""
    if folder is None:
        return None
    try:
        return pickle.loads((folder / f"{key}.pickle").read_bytes())  # written by ``store``, from our own files
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None


def store(folder: Path | None, key: str, value: Any) -> None:
    """Keep an object under ``key`` (atomically; a failure only means no cache)."""
    if folder is None:
        return
    from .output import write_atomic

    try:
        write_atomic(folder / f"{key}.pickle", pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), force=True)
    except Exception:
        return
