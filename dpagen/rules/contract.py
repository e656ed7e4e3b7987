"""What the Art. 28 contract itself must state: its subject-matter, its duration, the security measures."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Description
from .registry import CONTRACT, PROCESSOR, Hit, hit, rule


@rule(
    "CONTRACT-SUBJECT",
    section="contract",
    severity="error",
    articles=("Art. 28(3)",),
    checklist=("A28-3-SUB", "SCC-1c", "CNIL-I", "CNIL-II"),
    scope=CONTRACT,
    summary={
        "fr": "Le contrat dit sur quoi il porte : services concernés ou contrat principal.",
        "en": "The contract states its subject-matter: the services concerned or the main agreement.",
    },
    message={
        "fr": "L'objet du traitement confié n'est pas indiqué : nommez les services concernés ou le contrat "
        "principal auquel se rattache le contrat de sous-traitance.",
        "en": "The subject-matter of the processing is not stated: name the services concerned or the main "
        "agreement the data processing agreement belongs to.",
    },
)
def contract_subject(d: Description) -> Iterator[Hit]:
    """No service and no main agreement."""
    if not d.services and not (d.main_agreement and (d.main_agreement.title or d.main_agreement.reference)):
        yield hit("services")


@rule(
    "CONTRACT-DURATION",
    section="contract",
    severity="error",
    articles=("Art. 28(3)",),
    checklist=("A28-3-DUR", "SCC-7.3", "CNIL-III"),
    scope=CONTRACT,
    summary={
        "fr": "Le contrat indique la durée du traitement (dates ou description).",
        "en": "The contract states how long the processing lasts (dates or a description).",
    },
    message={
        "fr": "La durée du traitement n'est pas indiquée : donnez une date de début et de fin ou une durée "
        "décrite, par exemple « pendant la durée du contrat principal ».",
        "en": "The duration of the processing is not stated: give start and end dates or a described term, "
        "e.g. 'for the term of the main agreement'.",
    },
)
def contract_duration(d: Description) -> Iterator[Hit]:
    """No term at all."""
    t = d.term
    if t is None or not (t.description or t.end or t.start):
        yield hit("term")


@rule(
    "SECURITY-MEASURES",
    section="contract",
    severity="error",
    articles=("Art. 28(3)(c)", "Art. 32(1)"),
    checklist=("A28-3c", "SCC-7.4a", "SCC-AIII", "EDPB-SEC", "CNIL-IV-11"),
    scope=PROCESSOR,
    summary={
        "fr": "Le sous-traitant décrit ses mesures techniques et organisationnelles de sécurité.",
        "en": "The processor describes its technical and organisational security measures.",
    },
    message={
        "fr": "Aucune mesure de sécurité n'est décrite : une promesse générale de sécurité ne suffit pas ; "
        "listez les mesures concrètes (chiffrement, contrôle d'accès, sauvegardes…).",
        "en": "No security measure is described: a general promise of security is not enough; list the "
        "concrete measures (encryption, access control, backups…).",
    },
)
def security_measures(d: Description) -> Iterator[Hit]:
    """No measure."""
    if not d.security_measures:
        yield hit("security_measures")
