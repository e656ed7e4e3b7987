"""What a description is compared with (`--since`, `--redline`): its previous version, client by client.

OLD may be

- an old version of a **profile** (a file that lacks the controller or the processor): each client is
  compared as it was (its own file over OLD) with what it is now. OLD stands in for the profile of the
  same file name in the client's chain, else for its root profile. A client whose own file sets what the
  profile's change concerns (its own subprocessor list, say) is not touched by it;
- a **folder** of old descriptions: each client is compared with the file of the same name there (a
  client without one is new: there is nothing to compare it with);
- one complete old **description** (it names a controller and a processor): only for a single description.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .errors import UsageError

if TYPE_CHECKING:
    from .model import Description

Kind = Literal["description", "profile", "folder"]


@dataclass(frozen=True)
class Since:
    """Where the previous versions come from (picklable, resolved client by client in the workers)."""

    path: Path
    kind: Kind


@dataclass
class Previous:
    """The previous version of one description."""

    description: Description
    source: Path  # the file recorded in the provenance
    shadowed: list[str] = field(default_factory=list)  # paths of the profile's change the client sets itself


def classify(path: Path) -> Since:
    """What OLD is: a folder, an old profile or an old description (DpagenError when it cannot be read)."""
    if path.is_dir():
        return Since(path, "folder")
    from .io import resolve

    data = resolve(path).data
    complete = bool(data.get("controller")) and bool(data.get("processor"))
    return Since(path, "description" if complete else "profile")


def check_inputs(since: Since, count: int, option: str = "--since") -> None:
    """A single old description cannot be the previous version of several clients."""
    if since.kind == "description" and count > 1:
        raise UsageError(
            f"{option} {since.path}: a complete description (it names a controller and a processor) is the "
            f"previous version of one description, and {count} are to be generated",
            ["give the old version of the profile they extend, or a folder of their old descriptions "
             "(matched by file name)"],
        )


def previous(since: Since, client: Path, profile: Path | None = None) -> Previous | None:
    """The previous version of ``client`` (None when a folder has none: a new client).

    ``profile`` is the profile version the client is generated with now (``--profile``), if not its own.
    """
    from .io import load, load_resolved, read_json, resolve

    if since.kind == "description":
        return Previous(load(since.path), since.path)
    if since.kind == "folder":
        old = since.path / client.name
        return Previous(load(old), old) if old.is_file() else None
    from .profiles import resolve as resolve_chain
    from .profiles import shadowed, substitute

    description, _ = load_resolved(client, since.path)
    now = resolve(client)
    if profile is not None:
        now = substitute(now, profile, read_json)
    return Previous(description, since.path, shadowed(now, since.path, resolve_chain(since.path, read_json)))
