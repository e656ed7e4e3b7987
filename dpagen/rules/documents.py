"""What the documents themselves need: a value that a clause prints must be given.

The clause library, not a list kept here, decides what each document states; this rule builds each
applicable document as a draft and reports every blank it would leave, with the clause that needs it.
So `dpagen check` never passes a description that `dpagen generate` would refuse as incomplete.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..messages import agreed
from ..model import Description
from .registry import ANY, Hit, Words, hit, rule

if TYPE_CHECKING:
    from ..clauses import Library

RULE_ID = "DOCUMENT-VALUE-MISSING"


@dataclass(frozen=True)
class Document:
    """A document's name in both languages, with the French gender its participles agree with."""

    fr: str
    en: str
    feminine: bool
    articles: tuple[str, ...]
    """What the document rests on, for a gap in a part that cites no article (the signatures)."""


DOCUMENT_NAMES = {
    "dpa": Document("le contrat de sous-traitance", "the data processing agreement", False, ("Art. 28(3)",)),
    "privacy-notice": Document("la politique de confidentialité", "the privacy notice", True,
                               ("Art. 13", "Art. 14")),
    "processor-charter": Document("la charte du sous-traitant", "the processor charter", True, ("Art. 28(1)",)),
    "subprocessors": Document("la liste des sous-traitants ultérieurs", "the list of subprocessors", True,
                              ("Art. 28(2)",)),
}


@dataclass(frozen=True)
class Gap:
    """Where one value is lacking: each document, and the clause of it that must state the value."""

    places: tuple[tuple[Document, Words, str], ...]  # (document, clause title, "art. 28(3)(f), 33")

    def localise(self, language: str) -> str:
        """The whole sentence, its verb and participle agreeing with the documents."""
        fr = language == "fr"
        if len(self.places) == 1:
            document, clause, articles = self.places[0]
            name = document.fr if fr else document.en
            if fr:
                done = agreed("finalisé", feminine=document.feminine)
                return (f"{name} ne peut être {done} : sa clause « {clause.fr} » ({articles}) doit énoncer cette "
                        "valeur ; renseignez-la.")
            return (f"{name} cannot be finalised: its clause '{clause.en}' ({articles}) must state this value; "
                    "fill it in.")
        where = [
            f"{d.fr if fr else d.en} (clause « {c.fr} », {a})" if fr else f"{d.en} (clause '{c.en}', {a})"
            for d, c, a in self.places
        ]
        joined = ", ".join(where[:-1]) + (" et " if fr else " and ") + where[-1]
        if fr:
            return (f"{len(where)} documents ne peuvent être finalisés sans cette valeur : {joined} ; "
                    "renseignez-la.")
        return f"{len(where)} documents cannot be finalised without this value: {joined}; fill it in."


def _title(fr: str, en: str, shown: str) -> Words:
    """A clause's title in both languages; a title that is itself a template reads as the document shows it."""
    return Words(shown, shown) if "{" in fr + en and shown else Words(fr, en)


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
    message={"fr": "{gap}", "en": "{gap}"},
)
def document_value_missing(d: Description) -> Iterator[Hit]:
    """Build each applicable document as a draft and report each value they lack, once per value.

    The finding cites the articles of the clauses that need the value (a gap in the privacy notice rests
    on Arts 13 and 14, not on Art. 28(3)).
    """
    from ..applicability import applicable_documents
    from ..build import build

    lib = _library()
    gaps: dict[str, list[tuple[str, Document, Words, tuple[str, ...]]]] = {}
    for document in applicable_documents(d, lib):
        tree = build(d, document, draft=True, library=lib)
        shown = {c.id: c.title for section in tree.sections for c in section.clauses}
        for path in tree.missing:
            spec = lib.clauses.get(tree.missing_in.get(path, ""))
            clause = _title(spec.title.fr, spec.title.en, shown.get(spec.id, "")) if spec else Words(
                "signatures", "signatures")
            name = DOCUMENT_NAMES.get(document, Document(document, document, False, ()))
            cited = tuple(f"Art. {a}" for a in spec.articles) if spec and spec.articles else name.articles
            gaps.setdefault(path, []).append((document, name, clause, cited))
    for path, places in gaps.items():
        articles = tuple(dict.fromkeys(a for *_, cited in places for a in cited))
        gap = Gap(tuple((name, clause, "art. " + ", ".join(a.removeprefix("Art. ") for a in cited))
                        for _, name, clause, cited in places))
        yield hit(path, tuple(doc for doc, *_ in places), articles=articles, gap=gap)
