"""What a node's ``when``/``compute``/``choices`` function sees: the answers around one object."""

from __future__ import annotations

from typing import Any

from . import paths


class Scope:
    """What a ``when``/``compute`` function sees: the answers around one object of the description."""

    def __init__(self, state: dict[str, Any], base: paths.JsonPath, language: str = "fr") -> None:
        self.state = state
        self.base = base
        self.language = language  # the wizard's own language (the documents' is ``document.language``)

    def _resolve(self, relative: str) -> paths.JsonPath:
        base = self.base
        while relative.startswith("^"):
            relative = relative[1:]
            base = base[:-2] if base and isinstance(base[-1], int) else base[:-1]
        return base + paths.parse(relative)

    def get(self, relative: str, default: Any = None) -> Any:
        """A value relative to this object (``^`` climbs one object up); the model default when unset."""
        path = self._resolve(relative)
        value = paths.get(self.state, path, paths.MISSING)
        if value is paths.MISSING:
            value = paths.default_in(self.state, path)
        return default if value is None else value

    def root(self, relative: str) -> Any:
        """A value from the description's root."""
        return Scope(self.state, (), self.language).get(relative)
