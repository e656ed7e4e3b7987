"""Which documents of the clause library apply to a description, and what a document needs when it does not."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .clauses import Library
    from .model import Description

DOCUMENT_ORDER = ("dpa", "privacy-notice", "processor-charter", "subprocessors")

NEEDS = {
    "dpa": "a controller and a processor",
    "privacy-notice": "a controller that publishes its own notice (publisher: controller)",
    "processor-charter": "a processor",
    "subprocessors": "a processor, or a controller's own processors",
}
"""What each built-in document needs of a description, for the message when it does not apply."""


def applicable_documents(description: Description, library: Library) -> list[str]:
    """The documents of the library that apply to a description, in a stable order."""
    from .build import derived_facts
    from .templating import Renderer, make_context

    renderer = Renderer("en", library.labels_in("en"), draft=True)
    context = make_context(description, {"facts": derived_facts(description)})
    names = sorted(library.documents, key=lambda n: (DOCUMENT_ORDER.index(n) if n in DOCUMENT_ORDER else 99, n))
    return [n for n in names if renderer.condition(library.documents[n].applies_when, context, n)]


def why_not(description: Description, document: str, library: Library) -> str:
    """Why a document does not apply: what it needs, and who publishes it instead where that is the reason."""
    if document == "privacy-notice" and description.controller is not None:
        return "the controller publishes its own notice (set publisher: controller to draft it here)"
    return f"it needs {NEEDS.get(document, library.documents[document].applies_when)}"
