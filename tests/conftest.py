"""Shared fixtures: the bundled examples and a loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from dpagen.io import load
from dpagen.model import Description

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def example_paths() -> list[Path]:
    """Every bundled example description (the deliberately flawed ones included)."""
    return sorted(EXAMPLES.glob("*.json"))


def complete_example_paths() -> list[Path]:
    """Examples meant to pass the compliance check (not the '*-flawed' ones)."""
    return [p for p in example_paths() if not p.stem.endswith("-flawed")]


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep dpagen's template cache inside the test run, for this process and the commands it starts."""
    import os

    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture
def avm_up() -> Description:
    """The AVM Up processor example (seed 004)."""
    return load(EXAMPLES / "avm-up.json")


def load_example(name: str) -> Description:
    """Load examples/NAME.json."""
    return load(EXAMPLES / f"{name}.json")
