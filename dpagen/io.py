"""Reading and writing descriptions: JSON in, field-path errors out, atomic and stable JSON back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import DescriptionError, InputFileError
from .messages import message
from .model import Description
from .output import write_atomic


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


def validation_lines(err: ValidationError) -> list[str]:
    """One readable line per problem: path, what was found, what is expected."""
    lines = []
    for item in err.errors(include_url=False):
        loc = tuple(p for p in item["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        msg = message(dict(item), "en")
        if item["type"] in ("extra_forbidden", "missing"):
            lines.append(f"{error_path(loc)}: {msg}")
        else:
            lines.append(f"{error_path(loc)}: {msg} (found {_found(item.get('input'))})")
    return lines


def read_text(path: Path) -> str:
    """Read a UTF-8 file, or raise a one-line InputFileError."""
    if path.is_dir():
        raise InputFileError(f"{path}: is a directory, not a description file")
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputFileError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise DescriptionError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise InputFileError(f"{path}: cannot be read ({exc.strerror})") from None


def parse(text: str, source: str = "<input>") -> Description:
    """Validate JSON text into a Description, listing every problem at once."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DescriptionError(
            f"{source}: invalid JSON", [f"line {exc.lineno}, column {exc.colno}: {exc.msg}"]
        ) from None
    return validate(data, source)


def validate(data: Any, source: str = "<input>") -> Description:
    """Validate already-decoded data into a Description."""
    if not isinstance(data, dict):
        raise DescriptionError(f"{source}: a description is a JSON object, found {type(data).__name__}")
    try:
        return Description.model_validate(data)
    except ValidationError as exc:
        lines = validation_lines(exc)
        noun = "problem" if len(lines) == 1 else "problems"
        raise DescriptionError(f"{source}: {len(lines)} {noun} in the description", lines) from None


def load(path: str | Path) -> Description:
    """Load a description file."""
    path = Path(path)
    return parse(read_text(path), str(path))


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
