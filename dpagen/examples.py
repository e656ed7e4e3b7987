"""The bundled example descriptions (`dpagen init --example NAME`)."""

from __future__ import annotations

from pathlib import Path

from .errors import UsageError
from .model import Description
from .resources import examples_dir


def _folder() -> Path:
    folder = examples_dir()
    if folder is None:
        raise UsageError("the bundled examples are missing from this installation")
    return folder


def example_names() -> list[str]:
    """Names of the bundled examples."""
    return sorted(p.stem for p in _folder().glob("*.json"))


def load_example(name: str) -> Description:
    """Load a bundled example, without its editor ``$schema`` pointer."""
    from .io import load

    path = _folder() / f"{name}.json"
    if not path.is_file():
        raise UsageError(f"no example named '{name}' (choose among: {', '.join(example_names())})")
    description = load(path)
    return description.model_copy(update={"schema_ref": None})
