"""dpagen drafts GDPR data-protection documents from one description of a processing relationship."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import DpagenError

__version__ = "0.1.0"
__all__ = ["DpagenError", "__version__", "build", "check", "load", "save"]

if TYPE_CHECKING:
    from .build import build
    from .io import load, save
    from .rules import check


def __getattr__(name: str) -> Any:
    """Import the public functions lazily, so that `dpagen --help` stays fast."""
    if name in ("load", "save"):
        from . import io

        return getattr(io, name)
    if name == "build":
        from .build import build

        return build
    if name == "check":
        from .rules import check

        return check
    raise AttributeError(name)
