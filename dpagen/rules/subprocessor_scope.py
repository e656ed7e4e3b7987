"""What each subprocessor receives: its activities and data categories exist, and sensitive data abroad."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator

from ..facts import subprocessor_scope
from ..model import Description, Subprocessor
from .common import outside_eea, places
from .registry import ANY, Countries, Hit, Words, hit, rule

_DOCUMENTS = ("dpa", "processor-charter", "subprocessors")


def _guess(wanted: str, known: list[str]) -> Words:
    """' : vouliez-vous dire « X » ?' / '; did you mean 'X'?', or the list of names when none is close."""
    close = difflib.get_close_matches(wanted, known, n=1, cutoff=0.6)
    if close:
        return Words(f" ; vouliez-vous dire « {close[0]} » ?", f"; did you mean '{close[0]}'?")
    listed_fr = ", ".join(f"« {k} »" for k in known) or "aucun"
    listed_en = ", ".join(f"'{k}'" for k in known) or "none"
    return Words(f" (noms connus : {listed_fr})", f" (known names: {listed_en})")


def _unknown_names(
    d: Description, field: str, known_for: Callable[[Subprocessor], list[str]]
) -> Iterator[Hit]:
    """One hit per name in `subprocessors[i].<field>` that is not among the names known for that subprocessor."""
    for i, s in enumerate(d.subprocessors):
        known = known_for(s)
        for j, wanted in enumerate(getattr(s, field)):
            if wanted not in known:
                yield hit(f"subprocessors[{i}].{field}[{j}]", name=s.name, wanted=wanted, guess=_guess(wanted, known))


@rule(
    "SUBPROCESSOR-UNKNOWN-ACTIVITY",
    section="subprocessors",
    severity="error",
    articles=("Art. 28(2)", "Art. 28(4)"),
    checklist=("SCC-AIV", "EDPB-OP22"),
    scope=ANY,
    documents=_DOCUMENTS,
    summary={
        "fr": "Un sous-traitant ultérieur ne cite que des activités de traitement décrites.",
        "en": "A subprocessor names only processing activities that are described.",
    },
    message={
        "fr": "Le sous-traitant ultérieur « {name} » cite l'activité « {wanted} », qui n'est le nom d'aucune "
        "activité décrite{guess}.",
        "en": "The subprocessor '{name}' names the activity '{wanted}', which is the name of no described "
        "activity{guess}.",
    },
)
def unknown_activity(d: Description) -> Iterator[Hit]:
    """Typos in `subprocessors[].processing_activities`."""
    known = [a.name for a in d.activities]
    yield from _unknown_names(d, "processing_activities", lambda _: known)


@rule(
    "SUBPROCESSOR-UNKNOWN-DATA",
    section="subprocessors",
    severity="error",
    articles=("Art. 28(2)", "Art. 28(4)"),
    checklist=("SCC-AIV", "EDPB-OP22"),
    scope=ANY,
    documents=_DOCUMENTS,
    summary={
        "fr": "Un sous-traitant ultérieur ne cite que des catégories de données de ses activités.",
        "en": "A subprocessor names only data categories of its activities.",
    },
    message={
        "fr": "Le sous-traitant ultérieur « {name} » cite la catégorie « {wanted} », qui n'est pas une "
        "catégorie de données des activités auxquelles il participe{guess}.",
        "en": "The subprocessor '{name}' names the data category '{wanted}', which is not a data category of "
        "the activities it takes part in{guess}.",
    },
)
def unknown_data(d: Description) -> Iterator[Hit]:
    """Typos in `subprocessors[].data_categories`, or a category of an activity it does not take part in."""

    def categories_of(s: Subprocessor) -> list[str]:
        activities = [a for a in d.activities if not s.processing_activities or a.name in s.processing_activities]
        return list(dict.fromkeys(c.name for a in activities for c in a.data_categories))

    yield from _unknown_names(d, "data_categories", categories_of)


@rule(
    "SPECIAL-SUBPROCESSOR-OUTSIDE-EEA",
    section="special",
    severity="warning",
    articles=("Art. 9", "Art. 10", "Art. 44", "Art. 46"),
    checklist=("SCC-7.5", "SCC-7.8a", "EDPB-TRANS", "SCC-AIV"),
    scope=ANY,
    documents=_DOCUMENTS,
    summary={
        "fr": "Des données sensibles (art. 9) ou d'infraction (art. 10) confiées à un sous-traitant ultérieur "
        "situé hors de l'EEE sont signalées.",
        "en": "Special-category (Art. 9) or criminal-offence (Art. 10) data reaching a subprocessor outside "
        "the EEA is flagged.",
    },
    message={
        "fr": "Le sous-traitant ultérieur « {name} », situé hors de l'EEE ({countries}), reçoit des données "
        "sensibles ou d'infraction ({categories}) : vérifiez que l'outil de transfert couvre ces données "
        "avec des garanties renforcées (chiffrement dont les clés restent dans l'EEE, pseudonymisation…), "
        "limitez ce qu'il reçoit (champ « data_categories ») ou choisissez un prestataire dans l'EEE.",
        "en": "The subprocessor '{name}', outside the EEA ({countries}), receives special-category or "
        "criminal-offence data ({categories}): check that the transfer tool covers that data with stronger "
        "safeguards (encryption with keys kept in the EEA, pseudonymisation…), narrow what it receives (field "
        "'data_categories') or choose a provider in the EEA.",
    },
)
def special_outside_eea(d: Description) -> Iterator[Hit]:
    """Art. 9 or 10 data in the scope of a subprocessor established or holding data outside the EEA."""
    for i, s in enumerate(d.subprocessors):
        far = outside_eea(places(s))
        if not far:
            continue
        sensitive = dict.fromkeys(
            x.category.name for x in subprocessor_scope(d, s)
            if x.category.special_category or x.category.criminal_offence
        )
        if sensitive:
            yield hit(f"subprocessors[{i}]", name=s.name, countries=Countries(tuple(far)),
                      categories=", ".join(sensitive))
