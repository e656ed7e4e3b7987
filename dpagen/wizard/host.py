"""What the wizard's steps and review screen need of the running wizard.

``flow.Wizard`` provides it; ``steps`` and ``review`` are typed against this protocol rather than the class,
so that the import graph stays one-way (``flow`` imports them, never the other way round).
"""

from __future__ import annotations

from typing import Any, Protocol

from .nodes import Ask, Group, Loop, Section
from .paths import JsonPath
from .prompter import Prompt
from .texts import Texts


class WizardHost(Protocol):
    """The running wizard, as its steps and its review screen see it."""

    texts: Texts
    language: str
    state: dict[str, Any]
    final: bool
    labels: dict[str, dict[str, str]]
    sections: tuple[Section, ...]

    def ask(self, prompt: Prompt) -> Any:
        """One answer (replayed, or asked of the user), recorded."""
        ...

    def say(self, text: str) -> None:
        """Show information to the user."""
        ...

    def changed(self) -> None:
        """The answers changed: save the draft."""
        ...

    def check(self, path: JsonPath, value: Any) -> str | None:
        """The model's message for a value at ``path``, or None when it is accepted."""
        ...

    def set(self, path: JsonPath, value: Any) -> None:
        """Store a value."""
        ...

    def clear(self, path: JsonPath) -> None:
        """Remove a value."""
        ...

    def ask_field(self, node: Ask, base: JsonPath, context: dict[str, Any]) -> None:
        """Ask one question of a section."""
        ...

    def group_current(self, node: Group, path: JsonPath) -> str:
        """A group's current answer, for the review."""
        ...

    def run_group(self, node: Group, path: JsonPath, context: dict[str, Any]) -> None:
        """Ask an optional group of questions."""
        ...

    def run_loop(self, node: Loop, path: JsonPath, context: dict[str, Any]) -> None:
        """Ask a list's items."""
        ...

    def run_section(self, section: Section) -> None:
        """Ask a whole section."""
        ...
