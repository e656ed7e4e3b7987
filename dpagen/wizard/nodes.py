"""The building blocks the questions are written with: plain data, no terminal, no questionary.

A section is a tuple of nodes. Each node names a JSON path relative to where it is run (the
description's root, a party, a list item); ``when`` decides whether it applies given the answers so
far (a node that does not apply has its value cleared, so a stale dependent answer never survives).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from .scope import Scope

Kind = Literal["text", "int", "date", "list", "confirm", "tristate", "select", "multi"]
"""How an answer is typed: free text, a number, a date, a ';'-separated list, yes/no, yes/no/unsaid (a
boolean the model may leave unset), one or many choices."""

Predicate = Callable[["Scope"], bool]
Compute = Callable[["Scope"], Any]


@dataclass(frozen=True)
class Ask:
    """One question whose answer is stored at ``path``."""

    key: str  # text key in questions_text.QUESTIONS (and help_text.HELP when the term needs explaining)
    path: str
    kind: Kind = "text"
    choices: str | Callable[[Scope], list[tuple[str, str]]] | None = None  # a label group, or computed
    optional: bool = False  # a select that may be left unset ("none" choice)
    suggest: Any = None  # default proposed for a new object (e.g. "FR", "scc")
    compute: Compute | None = None  # default computed from earlier answers, when the value is unset
    when: Predicate | None = None
    clear: bool = True  # clear the value when ``when`` is false


@dataclass(frozen=True)
class Group:
    """A nested object; behind a yes/no question (``key``) when it is optional."""

    path: str
    nodes: tuple[Node, ...]
    key: str | None = None
    suggest: bool = False  # the yes/no question says yes for a new description
    change: bool = False  # the yes/no question asks whether to change it: "no" keeps it as it is
    shown: str | None = None  # a field of the object whose current value fills {current} in the question
    context: dict[str, tuple[str, str]] = field(default_factory=dict)  # text placeholders, (fr, en)
    when: Predicate | None = None
    clear: bool = True
    start: Compute | None = None  # the object as it stands while unset (for {current}, and where a change starts)


@dataclass(frozen=True)
class Loop:
    """A list of objects: add as many as needed, then review, edit or remove one."""

    key: str  # texts: <key>.add, <key>.noun
    path: str
    nodes: tuple[Node, ...]
    title: str = "name"  # the item field shown in menus
    add_default: bool = False
    when: Predicate | None = None
    clear: bool = True


@dataclass(frozen=True)
class Each:
    """The same questions for every existing item of a list (no adding or removing)."""

    path: str
    nodes: tuple[Node, ...]
    title: str = "name"
    when: Predicate | None = None
    clear: bool = False


@dataclass(frozen=True)
class Custom:
    """A step with its own logic, named in steps.STEPS (the security catalogue, the signatories)."""

    name: str
    when: Predicate | None = None
    clear: bool = False
    path: str = ""


Node = Ask | Group | Loop | Each | Custom


@dataclass(frozen=True)
class Section:
    """A part of the wizard the user can come back to from the review screen."""

    id: str
    nodes: tuple[Node, ...]
