"""What the documents themselves need: a value that a clause prints must be given.

The clause library, not a list kept here, decides what each document states; this rule builds each
applicable document as a draft and reports every blank it would leave, with the clause that needs it.
So `dpagen check` never passes a description that `dpagen generate` would refuse as incomplete.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from ..model import Description
from .registry import ANY, Hit, Words, hit, rule

if TYPE_CHECKING:
    from ..clauses import Library

RULE_ID = "DOCUMENT-VALUE-MISSING"

DOCUMENT_NAMES = {
    "dpa": Words("le contrat de sous-traitance", "the data processing agreement"),
    "privacy-notice": Words("la politique de confidentialité", "the privacy notice"),
    "processor-charter": Words("la charte du sous-traitant", "the processor charter"),
    "subprocessors": Words("la liste des sous-traitants ultérieurs", "the list of subprocessors"),
}


@cache
def _library() -> Library:
    from ..clauses import load_library

    return load_library()


@rule(
    RULE_ID,
    section="documents",
    severity="error",
    articles=("Art. 28(3)", "Art. 13", "Art. 14"),
    checklist=("EDPB-DESC", "INF-FORM"),
    scope=ANY,
    summary={
        "fr": "Chaque valeur qu'une clause des documents applicables doit énoncer est renseignée (sinon le "
        "document final est refusé et le projet montre un blanc).",
        "en": "Every value a clause of the applicable documents must state is given (otherwise the final "
        "document is refused and the draft shows a blank).",
    },
    message={
        "fr": "{document} ne peut être finalisé : sa clause « {clause} » ({articles}) doit énoncer cette "
        "valeur ; renseignez-la.",
        "en": "{document} cannot be finalised: its clause '{clause}' ({articles}) must state this value; "
        "fill it in.",
    },
)
def document_value_missing(d: Description) -> Iterator[Hit]:
    """Build each applicable document as a draft and report the blanks it leaves."""
    from ..applicability import applicable_documents
    from ..build import build

    lib = _library()
    for document in applicable_documents(d, lib):
        tree = build(d, document, draft=True, library=lib)
        for path in tree.missing:
            spec = lib.clauses.get(tree.missing_in.get(path, ""))
            clause = Words(spec.title.fr, spec.title.en) if spec else Words("signatures", "signatures")
            articles = ", ".join(spec.articles) if spec and spec.articles else "28(3)"
            name = DOCUMENT_NAMES.get(document, Words(document, document))
            yield hit(path, (document,), document=name, clause=clause, articles=f"art. {articles}")
