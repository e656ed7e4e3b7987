"""What the flow asks a prompter for: a plain description of one question, and the protocol to answer it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

PromptKind = Literal["text", "confirm", "select", "checkbox"]


@dataclass
class Prompt:
    """One question as shown to the user.

    ``default`` is a string for text, a bool for confirm, a choice value for select and a list of
    values for checkbox. ``validate`` returns the model's message for a refused raw answer, else None.
    """

    id: str
    kind: PromptKind
    message: str
    help: str | None = None
    default: Any = None
    choices: list[tuple[str, str]] = field(default_factory=list)  # (value, title)
    validate: Callable[[Any], str | None] | None = None


class Prompter(Protocol):
    """Answers prompts: the terminal (prompts.py) or a script in tests."""

    def ask(self, prompt: Prompt) -> Any:
        """Return the raw answer (may raise KeyboardInterrupt or EOFError)."""
        ...

    def say(self, text: str) -> None:
        """Show information (a section title, a summary, a refused answer)."""
        ...
