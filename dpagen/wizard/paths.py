"""JSON paths into the description's data, and the model field each one lands on."""

from __future__ import annotations

import itertools
import types
import typing
from functools import cache
from typing import Any, Union

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import to_jsonable_python

from ..io import error_path
from ..model import Description

JsonPath = tuple[str | int, ...]
MISSING: Any = object()


def parse(relative: str) -> JsonPath:
    """``'address.city'`` → ``('address', 'city')``; ``''`` → ``()``."""
    return tuple(part for part in relative.split(".") if part)


def show(path: JsonPath) -> str:
    """``('activities', 0, 'name')`` → ``'activities[0].name'``."""
    return error_path(path) if path else ""


def get(data: Any, path: JsonPath, default: Any = None) -> Any:
    """The value at ``path``, or ``default`` when any step is missing."""
    node = data
    for part in path:
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return default
        elif not isinstance(node, dict) or part not in node:
            return default
        node = node[part]
    return node


def has(data: Any, path: JsonPath) -> bool:
    """Whether ``path`` exists (its value may be null)."""
    return get(data, path, MISSING) is not MISSING


def put(data: dict[str, Any], path: JsonPath, value: Any) -> None:
    """Set ``path``, creating the objects on the way (an index one past a list's end appends)."""
    node: Any = data
    for part, nxt in itertools.pairwise(path):
        if isinstance(part, int):
            node = node[part]
        else:
            if not isinstance(node.get(part), dict | list):
                node[part] = [] if isinstance(nxt, int) else {}
            node = node[part]
    if isinstance(path[-1], int) and path[-1] == len(node):
        node.append(value)
    else:
        node[path[-1]] = value


def delete(data: dict[str, Any], path: JsonPath) -> None:
    """Remove ``path`` and then every object on the way that became empty (list items are kept)."""
    parent = get(data, path[:-1])
    if isinstance(parent, dict):
        parent.pop(path[-1], None)
    for depth in range(len(path) - 1, 0, -1):
        holder, key = get(data, path[: depth - 1]), path[depth - 1]
        if isinstance(key, str) and isinstance(holder, dict) and holder.get(key) == {}:
            del holder[key]
        else:
            break


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model class inside ``X``, ``X | None`` or ``list[X]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None


@cache
def _field(path: tuple[str, ...]) -> FieldInfo | None:
    model: type[BaseModel] | None = Description
    info = None
    for name in path:
        if model is None:
            return None
        info = model.model_fields.get(name)
        if info is None:
            info = next((f for f in model.model_fields.values() if f.alias == name), None)
        if info is None:
            return None
        model = _model_in(info.annotation)
    return info


def field_info(path: JsonPath) -> FieldInfo | None:
    """The pydantic field a path ends on (list indexes skipped), or None."""
    return _field(tuple(p for p in path if isinstance(p, str)))


def model_default(path: JsonPath) -> Any:
    """The model's default for the field at ``path`` (None when required or unknown)."""
    info = field_info(path)
    if info is None or info.is_required():
        return None
    return info.get_default(call_default_factory=True)


def default_in(data: Any, path: JsonPath) -> Any:
    """The value the model gives ``path`` when it is unset in ``data``, in JSON form.

    The default of the first missing object on the way counts, so a value inside an object the model
    fills by default shows (e.g. a default inside a nested object); else the field's default.
    """
    for depth in range(1, len(path)):
        if not has(data, path[:depth]):
            outer = model_default(path[:depth])
            if outer is None:
                break
            inner = get(to_jsonable_python(outer, by_alias=True), path[depth:])
            if inner is not None:
                return inner
            break
    value = model_default(path)
    return None if value is None else to_jsonable_python(value, by_alias=True)
