"""Coherence of the description with itself: dates, contact points, data categories and purposes."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Description
from .common import all_activities, parties, reachable
from .finding import DOCUMENTS
from .registry import ANY, PARTY, Hit, Words, hit, rule

_OF = {
    "controller": Words("du responsable du traitement", "of the controller"),
    "processor": Words("du sous-traitant", "of the processor"),
}
_CONTACTS = {
    "dpo": Words("le délégué à la protection des données", "the data protection officer"),
    "rights_contact": Words("le contact pour l'exercice des droits", "the contact for rights requests"),
    "security_officer": Words("le responsable de la sécurité", "the security officer"),
}


@rule(
    "DATES-ORDER",
    section="coherence",
    severity="error",
    articles=("Art. 28(3)",),
    checklist=("A28-3-DUR", "CNIL-III"),
    scope=ANY,
    documents=DOCUMENTS,
    summary={
        "fr": "Les dates se suivent : première publication, entrée en vigueur, puis fin du traitement ; "
        "début avant fin.",
        "en": "Dates are in order: first publication, effective date, then end of the term; start before "
        "end.",
    },
    message={
        "fr": "{what} ({first}) est postérieure à {other} ({second}) : corrigez l'une des deux dates.",
        "en": "{what} ({first}) is later than {other} ({second}): correct one of the two dates.",
    },
)
def dates_order(d: Description) -> Iterator[Hit]:
    """First publication after the effective date; start after end; effective date after the end."""
    doc = d.document
    if doc.first_published and doc.effective_date and doc.first_published > doc.effective_date:
        yield hit("document.first_published", what=Words("la première publication", "the first publication"),
                  first=doc.first_published.isoformat(),
                  other=Words("l'entrée en vigueur de cette version", "this version's effective date"),
                  second=doc.effective_date.isoformat())
    t = d.term
    if t is None or t.end is None:
        return
    if t.start is not None and t.start > t.end:
        yield hit("term.start", what=Words("la date de début", "the start date"), first=t.start.isoformat(),
                  other=Words("la date de fin", "the end date"), second=t.end.isoformat())
    eff = d.document.effective_date
    if eff is not None and eff > t.end:
        yield hit("document.effective_date", what=Words("la date d'entrée en vigueur", "the effective date"),
                  first=eff.isoformat(), other=Words("la fin du traitement", "the end of the term"),
                  second=t.end.isoformat())


@rule(
    "DATES-UPDATE-AFTER-EFFECTIVE",
    section="coherence",
    severity="warning",
    articles=("Art. 12(1)",),
    checklist=("INF-FORM",),
    scope=ANY,
    summary={
        "fr": "La dernière mise à jour ne suit pas la date d'entrée en vigueur de la version.",
        "en": "The last update does not come after the version's effective date.",
    },
    message={
        "fr": "Le texte a été mis à jour le {update}, après son entrée en vigueur le {effective} : une "
        "version modifiée prend effet à une nouvelle date ; avancez « effective_date » et changez de "
        "version.",
        "en": "The text was updated on {update}, after it took effect on {effective}: a changed version "
        "takes effect on a new date; move 'effective_date' forward and change the version.",
    },
)
def dates_update_after_effective(d: Description) -> Iterator[Hit]:
    """last_update > effective_date."""
    doc = d.document
    if doc.effective_date and doc.last_update and doc.last_update > doc.effective_date:
        yield hit("document.last_update", update=doc.last_update.isoformat(),
                  effective=doc.effective_date.isoformat())


@rule(
    "CONTACT-EMPTY",
    section="coherence",
    severity="error",
    articles=("Art. 12(2)", "Art. 37(7)", "Art. 38(4)"),
    checklist=("INF-DPO", "INF-RIG", "A37", "CNIL-IV-13"),
    scope=PARTY,
    summary={
        "fr": "Un contact annoncé (délégué, droits, sécurité) donne un moyen de le joindre.",
        "en": "An announced contact (DPO, rights, security) gives a way to reach it.",
    },
    message={
        "fr": "{contact} {party} est annoncé sans e-mail, téléphone, adresse ni formulaire : personne ne "
        "pourrait le joindre ; ajoutez au moins un moyen de contact.",
        "en": "{contact} {party} is announced with no e-mail, phone, address or form: nobody could reach "
        "it; add at least one way to contact it.",
    },
)
def contact_empty(d: Description) -> Iterator[Hit]:
    """A contact object with no way to reach it."""
    for role, party in parties(d):
        for name, words in _CONTACTS.items():
            contact = getattr(party, name)
            if contact is not None and not reachable(contact):
                yield hit(f"{role}.{name}", contact=words, party=_OF[role])


@rule(
    "DATA-UNUSED",
    section="coherence",
    severity="warning",
    articles=("Art. 5(1)(b)", "Art. 5(1)(c)"),
    checklist=("TOM-13", "INF-PUR"),
    scope=PARTY,
    summary={
        "fr": "Chaque catégorie de données d'une activité sert au moins une de ses finalités.",
        "en": "Each data category of an activity is used by at least one of its purposes.",
    },
    message={
        "fr": "La catégorie « {category} » de l'activité « {name} » ne sert aucune finalité : une donnée "
        "sans finalité ne doit pas être traitée ; citez-la dans le champ « data » d'une finalité ou "
        "retirez-la.",
        "en": "The category '{category}' of the activity '{name}' serves no purpose: data without a purpose "
        "must not be processed; list it in a purpose's 'data' field or remove it.",
    },
)
def data_unused(d: Description) -> Iterator[Hit]:
    """Categories no purpose names."""
    for path, a in all_activities(d):
        if not a.purposes:
            continue  # PROCESSING-PURPOSES reports it
        used = {x for p in a.purposes for x in p.data}
        for j, c in enumerate(a.data_categories):
            if c.name not in used:
                yield hit(f"{path}.data_categories[{j}]", category=c.name, name=a.name)


@rule(
    "PURPOSE-UNKNOWN-DATA",
    section="coherence",
    severity="error",
    articles=("Art. 5(1)(b)", "Art. 28(3)"),
    checklist=("SCC-AII", "INF-PUR"),
    scope=PARTY,
    summary={
        "fr": "Une finalité ne cite que des catégories de données de son activité.",
        "en": "A purpose names only data categories of its own activity.",
    },
    message={
        "fr": "La finalité « {purpose} » cite « {data} », qui n'est pas une catégorie de données de son "
        "activité : corrigez le nom ou ajoutez la catégorie.",
        "en": "The purpose '{purpose}' names '{data}', which is not a data category of its activity: fix "
        "the name or add the category.",
    },
)
def purpose_unknown_data(d: Description) -> Iterator[Hit]:
    """Typos and missing categories."""
    for path, a in all_activities(d):
        names = {c.name for c in a.data_categories}
        for j, p in enumerate(a.purposes):
            for k, x in enumerate(p.data):
                if x not in names:
                    yield hit(f"{path}.purposes[{j}].data[{k}]", purpose=p.description, data=x)
