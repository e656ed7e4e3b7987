"""What the flow asks a prompter for: a plain description of one question, and the protocol to answer it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

PromptKind = Literal["text", "confirm", "select", "checkbox"]

REVIEW = "\x00review"
"""What a prompter returns when the user asks for the review screen (a key, or a command word)."""

REVIEW_WORDS = (":revoir", ":review", ":r")
"""The command words that open the review screen from a text question."""


def wants_review(raw: object) -> bool:
    """Whether an answer asks for the review screen instead of answering."""
    return raw == REVIEW or (isinstance(raw, str) and raw.strip().lower() in REVIEW_WORDS)


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
    refresh: Callable[[], Prompt] | None = None  # the same question rebuilt (its default may have changed)


class Prompter(Protocol):
    """Answers prompts: the terminal (prompts.py) or a script in tests."""

    def ask(self, prompt: Prompt) -> Any:
        """Return the raw answer (may raise KeyboardInterrupt or EOFError)."""
        ...

    def say(self, text: str) -> None:
        """Show information (a section title, the review screen, a refused answer)."""
        ...
