"""dpagen's cache folder: work kept between runs (compiled clause templates, the parsed clause library).

Everything in it is derived from dpagen's own files and checked against them before use, so deleting the
folder only costs time. ``DPAGEN_NO_CACHE=1`` turns caching off.

A cache must never run code someone else put there (a shared CI cache, a home folder restored from
elsewhere): the parsed library is stored as JSON (data only), and the folders are created private (0700);
a folder or file that is not owned by the user, or that others may write to, is not used. A cache that
cannot be used (read-only, full or failing disk, unsafe folder) never stops a command: it runs without
the cache and says so once.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from pathlib import Path

_warned: set[str] = set()


def warn_once(message: str) -> None:
    """Tell the user once per run that the cache is not used, and why."""
    if message not in _warned and not _warned:
        print(f"dpagen: running without the cache: {message}", file=sys.stderr)
    _warned.add(message)


def is_private(path: Path, *, folder: bool) -> bool:
    """True when ``path`` is ours (owned by this user), not a symbolic link, and writable only by us."""
    try:
        info = path.lstat()
    except OSError:
        return False
    kind_ok = stat.S_ISDIR(info.st_mode) if folder else stat.S_ISREG(info.st_mode)
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return kind_ok and owner_ok and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def cache_dir(name: str) -> Path | None:
    """A private, writable sub-folder of the cache (XDG cache home), or None when caching is off or unsafe."""
    if os.environ.get("DPAGEN_NO_CACHE"):
        return None
    from . import __version__

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    top = base / "dpagen"
    folder = top / f"{name}-{__version__}"
    try:
        base.mkdir(parents=True, exist_ok=True)
        for part in (top, folder):
            part.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        warn_once(f"{folder} cannot be created ({exc.strerror})")
        return None
    for part in (top, folder):
        if not is_private(part, folder=True):
            warn_once(f"{part} is not a private folder of this user (remove it, or set DPAGEN_NO_CACHE=1)")
            return None
    if not os.access(folder, os.W_OK):
        warn_once(f"{folder} is not writable")
        return None
    return folder


def fingerprint(files: list[Path], root: Path) -> str:
    """A key that changes when any of these files is added, removed, edited or touched (or ``root`` moves)."""
    parts = [str(root.resolve())]
    for path in sorted(files):
        info = path.stat()
        parts.append(f"{path.relative_to(root)}:{info.st_mtime_ns}:{info.st_size}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:20]


def load(folder: Path | None, key: str) -> bytes | None:
    """The bytes stored under ``key``, or None (nothing stored, unreadable, or not a private file of ours)."""
    if folder is None:
        return None
    path = folder / f"{key}.json"
    if not is_private(path, folder=False):
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def store(folder: Path | None, key: str, value: bytes) -> None:
    """Keep bytes under ``key`` (atomically; a failure only means no cache, said once)."""
    if folder is None:
        return
    from .output import write_atomic

    try:
        write_atomic(folder / f"{key}.json", value, force=True)
        os.chmod(folder / f"{key}.json", 0o600)
    except Exception as exc:
        warn_once(f"cannot write to {folder} ({exc})")
