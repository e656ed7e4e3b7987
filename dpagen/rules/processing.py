"""What is processed: activities with purposes, data, data subjects and operations (Art. 28(3), 13, 14)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Description
from .common import controller_notice
from .registry import PARTY, PROCESSOR, Hit, hit, rule


@rule(
    "PROCESSING-NONE",
    section="processing",
    severity="error",
    articles=("Art. 28(3)", "Art. 13(1)(c)"),
    checklist=("A28-3-NAT", "A28-3-PUR", "A28-3-TYP", "A28-3-CAT", "SCC-AII", "CNIL-II", "INF-PUR"),
    scope=PARTY,
    summary={
        "fr": "Au moins une activité de traitement est décrite.",
        "en": "At least one processing activity is described.",
    },
    message={
        "fr": "Aucune activité de traitement n'est décrite : sans finalités, données ni personnes "
        "concernées, ni le contrat ni l'information des personnes ne peuvent être rédigés ; décrivez chaque "
        "activité.",
        "en": "No processing activity is described: without purposes, data and data subjects neither the "
        "contract nor the information to people can be written; describe each activity.",
    },
)
def processing_none(d: Description) -> Iterator[Hit]:
    """No activity at all."""
    if not d.activities:
        yield hit("activities")


@rule(
    "PROCESSING-PURPOSES",
    section="processing",
    severity="error",
    articles=("Art. 28(3)", "Art. 5(1)(b)", "Art. 13(1)(c)"),
    checklist=("A28-3-PUR", "SCC-AII", "CNIL-II", "INF-PUR"),
    scope=PARTY,
    summary={
        "fr": "Chaque activité a au moins une finalité.",
        "en": "Each activity has at least one purpose.",
    },
    message={
        "fr": "L'activité « {name} » n'a aucune finalité : un traitement sans finalité déterminée est "
        "illicite ; indiquez pourquoi les données sont traitées.",
        "en": "The activity '{name}' has no purpose: processing without a specified purpose is unlawful; "
        "state why the data is processed.",
    },
)
def processing_purposes(d: Description) -> Iterator[Hit]:
    """An activity without purposes."""
    for i, a in enumerate(d.activities):
        if not a.purposes:
            yield hit(f"activities[{i}].purposes", name=a.name)


@rule(
    "PROCESSING-DATA",
    section="processing",
    severity="error",
    articles=("Art. 28(3)", "Art. 14(1)(d)", "Art. 30(1)(c)"),
    checklist=("A28-3-TYP", "SCC-AII", "CNIL-II", "INF14-CAT", "R30-1c"),
    scope=PARTY,
    summary={
        "fr": "Chaque activité indique les catégories de données traitées.",
        "en": "Each activity lists the categories of personal data it uses.",
    },
    message={
        "fr": "L'activité « {name} » ne liste aucune catégorie de données : le contrat et l'information des "
        "personnes doivent dire quelles données sont traitées ; ajoutez-les.",
        "en": "The activity '{name}' lists no data category: the contract and the information to people "
        "must say which data is processed; add them.",
    },
)
def processing_data(d: Description) -> Iterator[Hit]:
    """An activity without data categories."""
    for i, a in enumerate(d.activities):
        if not a.data_categories:
            yield hit(f"activities[{i}].data_categories", name=a.name)


@rule(
    "PROCESSING-SUBJECTS",
    section="processing",
    severity="error",
    articles=("Art. 28(3)",),
    checklist=("A28-3-CAT", "SCC-AII", "CNIL-II"),
    scope=PROCESSOR,
    summary={
        "fr": "Chaque activité confiée au sous-traitant indique les catégories de personnes concernées.",
        "en": "Each activity entrusted to the processor lists the categories of data subjects.",
    },
    message={
        "fr": "L'activité « {name} » ne dit pas qui sont les personnes concernées, mention exigée par "
        "l'art. 28(3) ; indiquez-les (clients, salariés, prospects…).",
        "en": "The activity '{name}' does not say whose data it is, which Art. 28(3) requires; list the "
        "data subjects (customers, staff, prospects…).",
    },
)
def processing_subjects(d: Description) -> Iterator[Hit]:
    """An activity without data subjects."""
    for i, a in enumerate(d.activities):
        if not a.data_subjects:
            yield hit(f"activities[{i}].data_subjects", name=a.name)


@rule(
    "PROCESSING-NATURE",
    section="processing",
    severity="error",
    articles=("Art. 28(3)",),
    checklist=("A28-3-NAT", "SCC-AII", "CNIL-II"),
    scope=PROCESSOR,
    summary={
        "fr": "Chaque activité confiée au sous-traitant indique la nature des opérations.",
        "en": "Each activity entrusted to the processor states the nature of the operations.",
    },
    message={
        "fr": "L'activité « {name} » ne décrit pas les opérations effectuées, mention exigée par l'art. "
        "28(3) ; listez-les (collecte, hébergement, envoi, suppression…).",
        "en": "The activity '{name}' does not describe the operations carried out, which Art. 28(3) "
        "requires; list them (collection, hosting, sending, deletion…).",
    },
)
def processing_nature(d: Description) -> Iterator[Hit]:
    """An activity without operations."""
    for i, a in enumerate(d.activities):
        if not a.nature:
            yield hit(f"activities[{i}].nature", name=a.name)


@rule(
    "PROCESSING-RETENTION",
    section="processing",
    severity="error",
    articles=("Art. 5(1)(e)", "Art. 28(3)(g)"),
    checklist=("TOM-15", "R30-1f"),
    scope=PROCESSOR,
    documents=("processor-charter",),
    summary={
        "fr": "La charte du sous-traitant donne une durée de conservation (ou ses critères) par catégorie.",
        "en": "The processor's charter gives a retention period (or its criteria) for each category.",
    },
    message={
        "fr": "La catégorie « {category} » n'a pas de durée de conservation, que la charte du sous-traitant "
        "doit afficher : indiquez la durée par défaut (ou le critère, par exemple « choisie par le client "
        "»).",
        "en": "The category '{category}' has no retention period, which the processor's charter must show: "
        "give the default period (or the criterion, e.g. 'chosen by the client').",
    },
)
def processing_retention(d: Description) -> Iterator[Hit]:
    """Categories kept for clients with no retention (NOTICE-RETENTION reports them if the notice applies)."""
    if controller_notice(d):
        return
    for i, a in enumerate(d.activities):
        for j, c in enumerate(a.data_categories):
            r = c.retention
            if r is None or (r.duration is None and not r.criteria):
                yield hit(f"activities[{i}].data_categories[{j}].retention", category=c.name)
