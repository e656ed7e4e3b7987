"""Reading and writing descriptions: JSON in, field-path errors out, atomic and stable JSON back."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from .errors import DescriptionError
from .messages import message
from .model import Description
from .output import write_atomic

if TYPE_CHECKING:
    from .profiles import Resolved

Origin = Callable[[tuple[int | str, ...]], Path]
"""Which file a JSON location of a merged description comes from."""


def error_path(loc: tuple[int | str, ...]) -> str:
    """Turn a pydantic location into a JSON path such as ``subprocessors[2].country``."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "(top level)"


def _found(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def validation_lines(err: ValidationError, origin: Origin | None = None) -> list[str]:
    """One readable line per problem: path (and its file, with profiles), what was found, what is expected."""
    lines = []
    for item in err.errors(include_url=False):
        loc = tuple(p for p in item["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        if origin is not None:
            lines.append(f"{origin(loc)}: " + _problem(item, loc))
        else:
            lines.append(_problem(item, loc))
    return lines


def _problem(item: Any, loc: tuple[int | str, ...]) -> str:
    """What is wrong at one location, with the expected form and a "did you mean" where one is known."""
    msg = message(dict(item), "en")
    if item["type"] in ("extra_forbidden", "missing"):
        return f"{error_path(loc)}: {msg}"
    return f"{error_path(loc)}: {msg} (found {_found(item.get('input'))})"


def read_text(path: Path) -> str:
    """Read a UTF-8 file of at most ``jsonread.MAX_BYTES``, or raise a one-line InputFileError."""
    from .jsonread import read_bounded

    data = read_bounded(path)
    try:
        return data.decode("utf-8-sig")  # a byte-order mark (as some editors write) is not text
    except UnicodeDecodeError as exc:
        raise DescriptionError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def decode(text: str, source: str = "<input>") -> Any:
    """Decode JSON text, or raise a DescriptionError saying where it is malformed.

    Bounded and strict (``jsonread``): duplicate keys are refused with their path, as are numbers of over
    30 digits, nesting over 64 levels and NaN/Infinity.
    """
    from .jsonread import loads

    return loads(text, source)


def read_json(path: Path) -> Any:
    """Read and decode one JSON file."""
    return decode(read_text(path), str(path))


def parse(text: str, source: str = "<input>") -> Description:
    """Validate JSON text into a Description, listing every problem at once."""
    return validate(decode(text, source), source)


def validate(data: Any, source: str = "<input>", origin: Origin | None = None) -> Description:
    """Validate already-decoded data into a Description.

    ``origin`` names the file each location comes from, for a description merged from profiles.
    """
    if not isinstance(data, dict):
        raise DescriptionError(f"{source}: a description is a JSON object, found {type(data).__name__}")
    try:
        return Description.model_validate(data)
    except ValidationError as exc:
        lines = validation_lines(exc, origin)
        noun = "problem" if len(lines) == 1 else "problems"
        raise DescriptionError(f"{source}: {len(lines)} {noun} in the description", lines) from None


def resolve(path: str | Path) -> Resolved:
    """Read a description file and the profiles it extends, merged (not yet validated)."""
    from .profiles import resolve as resolve_chain

    return resolve_chain(Path(path), read_json)


def load_resolved(path: str | Path, profile: Path | None = None) -> tuple[Description, Resolved]:
    """Load a description file merged with its profiles; also return the chain of files read.

    ``profile``: another version of one of its profiles, merged in its place (``profiles.substitute``).
    """
    resolved = resolve(path)
    if profile is not None:
        from .profiles import substitute

        resolved = substitute(resolved, Path(profile), read_json)
    origin = resolved.origin if len(resolved.layers) > 1 else None
    source = str(resolved.path)
    if origin is not None:
        source += " (with " + ", ".join(str(layer.path) for layer in resolved.layers[1:]) + ")"
    return validate(resolved.data, source, origin), resolved


def load(path: str | Path) -> Description:
    """Load a description file, merged with the profiles it extends."""
    return load_resolved(path)[0]


def to_data(model: BaseModel) -> dict[str, Any]:
    """Dump a model as JSON-ready data in field order, leaving out empty optional values.

    A value is left out only when it is None and its default is None too, so that loading the
    result gives back an equal model (an explicit ``null`` over a non-null default is kept).
    """
    out: dict[str, Any] = {}
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if value is None and field.default is None:
            continue
        key = field.alias or name
        out[key] = _to_json(value)
    return out


def _to_json(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return to_data(value)
    if isinstance(value, list):
        return [_to_json(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "value") and isinstance(value.value, str):  # enums
        return value.value
    return value


def dumps(description: Description) -> str:
    """Serialise a description as stable, human-readable UTF-8 JSON."""
    return json.dumps(to_data(description), ensure_ascii=False, indent=2) + "\n"


def save(description: Description, path: str | Path, *, force: bool = True) -> Path:
    """Write a description atomically."""
    return write_atomic(Path(path), dumps(description).encode("utf-8"), force=force)
