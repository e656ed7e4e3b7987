"""Strict, bounded JSON reading for descriptions: a size cap, no duplicate keys, no huge numbers or nesting.

Every refusal is a DescriptionError (or InputFileError) that names the file and, where there is one, the
JSON path, so the command line prints a message rather than a traceback.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .errors import DescriptionError, InputFileError

MAX_BYTES = 8 * 1024 * 1024  # a description is a few kB; 8 MB leaves room for huge translation tables
MAX_DEPTH = 64  # the model nests about 6 levels
MAX_NUMBER_DIGITS = 30  # more digits than any hours, count or date field could need


def read_bounded(path: Path, limit: int = MAX_BYTES) -> bytes:
    """At most ``limit`` bytes of ``path`` (a special file such as /dev/zero included), or a clear error."""
    if path.is_dir():
        raise InputFileError(f"{path}: is a directory, not a description file")
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputFileError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputFileError(f"{path}: cannot be read ({exc.strerror})") from None
    if len(data) > limit:
        raise InputFileError(
            f"{path}: larger than {limit // (1024 * 1024)} MB; a description is a small JSON file "
            "(is this the right file?)"
        )
    return data


class _Duplicate(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Duplicate(key)
        out[key] = value
    return out


def _number(text: str) -> int | float:
    digits = sum(c.isdigit() for c in text)
    if digits > MAX_NUMBER_DIGITS:
        raise ValueError(f"a number of {digits} digits")
    return float(text) if any(c in text for c in ".eE") else int(text)


def _constant(name: str) -> Any:
    raise ValueError(f"'{name}' is not JSON")


def _depth(text: str) -> int:
    """The deepest nesting of ``[`` and ``{`` outside strings (linear scan)."""
    depth = deepest = 0
    for token in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', text):
        mark = token.group()
        if mark in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif mark in "]}":
            depth -= 1
    return deepest


def _duplicate_path(key: str, text: str) -> str:
    """Where the duplicate ``key`` is: re-read keeping every pair, and find the first object holding it twice."""

    def pairs_hook(pairs: list[tuple[str, Any]]) -> Any:
        return ("__pairs__", pairs)

    tree = json.loads(text, object_pairs_hook=pairs_hook, parse_int=_number, parse_float=_number)

    def walk(node: Any, path: str) -> str | None:
        if isinstance(node, tuple) and node and node[0] == "__pairs__":
            keys = [k for k, _ in node[1]]
            if keys.count(key) > 1:
                return f"{path}.{key}" if path else key
            for k, v in node[1]:
                found = walk(v, f"{path}.{k}" if path else k)
                if found:
                    return found
        elif isinstance(node, list):
            for i, v in enumerate(node):
                found = walk(v, f"{path}[{i}]")
                if found:
                    return found
        return None

    return walk(tree, "") or key


def loads(text: str, source: str = "<input>") -> Any:
    """Decode JSON text, refusing duplicate keys, numbers of over 30 digits and nesting over 64 levels."""
    if len(text) > MAX_BYTES:
        raise DescriptionError(f"{source}: larger than {MAX_BYTES // (1024 * 1024)} MB; a description is small")
    depth = _depth(text)
    if depth > MAX_DEPTH:
        raise DescriptionError(f"{source}: invalid JSON", [f"nested {depth} levels deep (at most {MAX_DEPTH})"])
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_int=_number, parse_float=_number,
                          parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise DescriptionError(
            f"{source}: invalid JSON", [f"line {exc.lineno}, column {exc.colno}: {exc.msg}"]
        ) from None
    except _Duplicate as dup:
        path = _duplicate_path(dup.key, text)
        raise DescriptionError(
            f"{source}: invalid JSON", [f"{path}: the key '{dup.key}' appears twice in the same object (keep one)"]
        ) from None
    except (ValueError, RecursionError) as exc:
        raise DescriptionError(f"{source}: invalid JSON", [f"{exc} (not a value a description can hold)"]) from None
