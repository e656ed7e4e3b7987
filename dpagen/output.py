"""The only code that writes files: atomically, never replacing a file silently."""

from __future__ import annotations

import os
import re
import sys
import tempfile
import unicodedata
from pathlib import Path

from .errors import OutputError


def write_atomic(path: Path, data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    An existing file (a dangling symbolic link included) is replaced only when ``force`` is true;
    otherwise OutputError. Without ``force`` the check and the write are one step (a hard link, which
    fails when the name exists), so two runs cannot both write the same file.
    """
    path = Path(path)
    try:
        if path.is_dir():
            raise OutputError(f"{path}: is a directory")
        if (path.exists() or path.is_symlink()) and not force:
            raise OutputError(f"{path}: already exists (use --force to replace it)")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({_reason(exc)})") from None
    parent = path.parent if str(path.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({_reason(exc)})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(path))  # mkstemp makes 0600; give the file the mode a plain open() would
        if force:
            os.replace(tmp, path)
        else:
            _link_new(Path(tmp), path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, FileExistsError):
            raise OutputError(f"{path}: already exists (use --force to replace it)") from None
        raise OutputError(f"{path}: cannot write ({_reason(exc)}); nothing was written") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _link_new(tmp: Path, path: Path) -> None:
    """Give ``tmp`` the name ``path`` only if no file has it (atomic); fall back to a checked rename."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename (a small window remains)
        if path.exists() or path.is_symlink():
            raise FileExistsError(str(path)) from None
        os.replace(tmp, path)
        return
    tmp.unlink()


def _reason(exc: OSError) -> str:
    """The system's words for an OSError, with what to do for the common ones."""
    import errno

    hints = {
        errno.ENOSPC: "the disk is full; free some space and run again",
        errno.EDQUOT: "the disk quota is exceeded; free some space and run again",
        errno.EACCES: "permission denied; choose a folder you can write to with --out",
        errno.EROFS: "the file system is read-only; choose another folder with --out",
    }
    return hints.get(exc.errno or 0, exc.strerror or str(exc))


def _mode_for(path: Path) -> int:
    """The mode of the file being replaced, else the default for new files under the umask."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def safe_filename(*parts: str) -> str:
    """Build a file name from user text: ASCII letters, digits and dashes only."""
    text = "-".join(p for p in parts if p)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text[:80].strip("-") or "document"


def status(message: str) -> None:
    """Tell the user what happened, on stderr so that stdout stays clean for data."""
    print(message, file=sys.stderr)
