"""Version discipline: documents that change must say so (a new version number, a new date, a history line)."""

from __future__ import annotations

from pathlib import Path

from .diff import diff
from .model import Description


def version_warnings(old: Description, new: Description) -> list[str]:
    """What NEW forgot to update, given that its documents changed since OLD (nothing when they did not)."""
    changes = [c for c in diff(old, new).changes if c.group != "document"]
    if not changes:
        return []
    groups = ", ".join(dict.fromkeys(c.group for c in changes))
    what = f"{len(changes)} change(s) since the previous description ({groups})"
    out = []
    if old.document.version == new.document.version:
        shown = new.document.version or "(none)"
        out.append(f"document.version: still {shown} despite {what}; give this version its own number")
    before = old.document.last_update or old.document.effective_date
    after = new.document.last_update or new.document.effective_date
    if before == after:
        out.append(f"document.last_update: still {after or '(none)'} despite {what}; date this version")
    history = new.document.history
    if history and new.document.version and not any(h.version == new.document.version for h in history):
        out.append(f"document.history: no entry for version {new.document.version}; "
                   "the charter and the list print this history")
    return out


def run_since(files: list[Path], since: Path) -> list[str]:
    """The warnings of each description against the previous one, as lines naming the file."""
    from .io import load

    old = load(since)
    return [f"{path}: warning: {line}" for path in files for line in version_warnings(old, load(path))]
