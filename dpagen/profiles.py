"""Profiles: a description may extend another (``"extends": "profile.json"``) and state only what differs.

Merging: objects are merged key by key; lists and scalars are replaced whole; ``null`` clears the
profile's value (the field takes the model's default). A profile may extend another; a cycle is an error
naming the files. :func:`overlay` is the inverse: the smallest description that, extending a profile,
gives a wanted merged description — what the wizard and the client-table import write.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import DescriptionError

EXTENDS = "extends"
MAX_DEPTH = 16


@dataclass(frozen=True)
class Layer:
    """One file of a chain, as read: its path, its own data (with ``extends``), its SHA-256."""

    path: Path
    data: dict[str, Any]
    sha256: str


@dataclass(frozen=True)
class Resolved:
    """A description merged with the profiles it extends; ``layers`` runs from the file to its root profile."""

    data: dict[str, Any]
    layers: tuple[Layer, ...]

    @property
    def path(self) -> Path:
        """The file that was asked for."""
        return self.layers[0].path

    def origin(self, loc: tuple[int | str, ...]) -> Path:
        """The file a JSON location comes from: the nearest file that states it (or its closest parent)."""
        for depth in range(len(loc), -1, -1):
            for layer in self.layers:
                if _has(layer.data, loc[:depth]):
                    return layer.path
        return self.path


def merge(base: Any, over: Any) -> Any:
    """``over`` laid on ``base``: objects key by key, anything else replaced.

    ``None`` over a value the base has clears it (the key goes, the model's default applies); ``None``
    where the base has nothing stays an explicit ``null``, as in a file read alone.
    """
    if not (isinstance(base, dict) and isinstance(over, dict)):
        return over
    merged = dict(base)
    for key, value in over.items():
        if value is None and key in merged:
            merged.pop(key)
        elif key in merged:
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def overlay(base: dict[str, Any], wanted: dict[str, Any]) -> dict[str, Any]:
    """The smallest data that, merged over ``base``, gives ``wanted`` (``null`` where a key must go)."""
    out: dict[str, Any] = {}
    for key, value in wanted.items():
        if key not in base:
            out[key] = value
        elif isinstance(value, dict) and isinstance(base[key], dict):
            inner = overlay(base[key], value)
            if inner:
                out[key] = inner
        elif value != base[key]:
            out[key] = value
    for key in base:
        if key not in wanted:
            out[key] = None
    return out


def resolve(path: Path, read: Callable[[Path], Any]) -> Resolved:
    """Read ``path`` and the chain of profiles it extends, and merge them.

    ``read`` decodes one JSON file (so that every file goes through the same parser and its limits).
    """
    layers: list[Layer] = []
    current: Path | None = path
    while current is not None:
        seen = [layer.path.resolve() for layer in layers]
        if current.resolve() in seen:
            chain = " → ".join(str(layer.path) for layer in layers) + f" → {current}"
            raise DescriptionError(f"{path}: profiles extend each other in a cycle", [chain])
        if len(layers) >= MAX_DEPTH:
            raise DescriptionError(f"{path}: profiles are nested more than {MAX_DEPTH} deep")
        data = read(current)
        if not isinstance(data, dict):
            raise DescriptionError(f"{current}: a description is a JSON object, found {type(data).__name__}")
        layers.append(Layer(current, data, _sha256(current)))
        current = _parent(current, data)
    return _merged(layers)


def _merged(layers: list[Layer]) -> Resolved:
    """The layers (from the file to its root profile) merged."""
    *children, root = layers
    merged: dict[str, Any] = {k: v for k, v in root.data.items() if k != EXTENDS}
    for layer in reversed(children):
        merged = merge(merged, {k: v for k, v in layer.data.items() if k != EXTENDS})
    return Resolved(merged, tuple(layers))


def replaced_layer(resolved: Resolved, profile: Path) -> int:
    """Which profile of a chain another version of a profile stands in for.

    The one of the same file name, else the root profile; DescriptionError when the file extends none.
    """
    if len(resolved.layers) < 2:
        raise DescriptionError(
            f"{resolved.path}: extends no profile, so the profile {profile} cannot stand in for one",
            ["give the old version of this description itself, or a folder of old descriptions"],
        )
    return stand_in([layer.path for layer in resolved.layers], profile)


def stand_in(chain: list[Path], profile: Path) -> int:
    """The index, in a chain of files (the description first), of the profile ``profile`` stands in for.

    The one of the same file name, else the root profile; the chain holds at least one profile.
    """
    same = [i for i, path in enumerate(chain) if i and path.name == profile.name]
    return same[0] if same else len(chain) - 1


def substitute(resolved: Resolved, profile: Path, read: Callable[[Path], Any]) -> Resolved:
    """The same description over another version of one of its profiles (see :func:`replaced_layer`).

    The file's own layers, up to that profile, are laid over ``profile`` and the profiles it extends.
    """
    index = replaced_layer(resolved, profile)
    other = resolve(profile, read)
    return _merged([*resolved.layers[:index], *other.layers])


def shadowed(resolved: Resolved, profile: Path, other: Resolved) -> list[str]:
    """What a change of profile cannot reach: the paths where it changes but the description sets them.

    ``other`` is another version of a profile of this chain; the result lists the JSON paths where it
    differs from the profile it stands in for and which the description's own layers set anyway.
    """
    index = replaced_layer(resolved, profile)
    current = _merged(list(resolved.layers[index:])).data
    own = [layer.data for layer in resolved.layers[:index]]
    out = []
    for loc in _changed(current, other.data):
        for depth in range(1, len(loc) + 1):
            if any(_has(data, loc[:depth]) and (depth == len(loc) or not isinstance(_at(data, loc[:depth]), dict))
                   for data in own):
                out.append(".".join(str(p) for p in loc))
                break
    return out


def _changed(old: Any, new: Any, loc: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Where two JSON values differ: object keys are followed, anything else compared whole."""
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        return [c for k in dict.fromkeys([*old, *new]) if k != EXTENDS
                for c in _changed(old.get(k), new.get(k), (*loc, k))]
    return [loc]


def _at(data: Any, loc: tuple[int | str, ...]) -> Any:
    for part in loc:
        data = data[part]
    return data


def _parent(path: Path, data: dict[str, Any]) -> Path | None:
    """The profile a file extends, relative to the file's own folder."""
    target = data.get(EXTENDS)
    if target is None:
        return None
    if not isinstance(target, str) or not target.strip():
        raise DescriptionError(f"{path}: extends: expected the path of a profile file, found {target!r}")
    parent = path.parent / target.strip()
    if not parent.is_file():
        raise DescriptionError(
            f"{path}: extends: the profile {target!r} was not found",
            [f"looked for {parent} (a path relative to {path.parent or '.'})"],
        )
    return parent


def _has(data: Any, loc: tuple[int | str, ...]) -> bool:
    """Whether ``data`` holds a value at ``loc`` (keys and list indexes)."""
    for part in loc:
        in_list = isinstance(part, int) and isinstance(data, list) and 0 <= part < len(data)
        in_object = isinstance(part, str) and isinstance(data, dict) and part in data
        if not (in_list or in_object):
            return False
        data = data[part]
    return True


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
