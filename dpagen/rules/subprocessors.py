"""Engaging subprocessors (Art. 28(2)): under a general authorisation, notice and a real chance to object."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Description, SubprocessorRegime
from .registry import PROCESSOR, Hit, Words, hit, rule

MIN_NOTICE_DAYS = 14


def _general(d: Description) -> bool:
    return d.subprocessor_policy.regime is SubprocessorRegime.GENERAL


@rule(
    "SUBPROCESSOR-NOTICE-MISSING",
    section="subprocessors",
    severity="error",
    articles=("Art. 28(2)",),
    checklist=("A28-2b", "SCC-7.7a-O2", "CNIL-IV-6", "EDPB-SUB"),
    scope=PROCESSOR,
    summary={
        "fr": "Sous autorisation générale, un préavis d'ajout ou de remplacement de sous-traitant est fixé.",
        "en": "Under a general authorisation, a notice period for adding or replacing a subprocessor is set.",
    },
    message={
        "fr": "L'autorisation générale ne fixe aucun préavis avant l'ajout d'un sous-traitant ultérieur : "
        "le responsable doit être prévenu à temps ; fixez « notice_days » (30 jours est courant).",
        "en": "The general authorisation sets no notice before a new subprocessor is engaged: the "
        "controller must be told in time; set 'notice_days' (30 days is common).",
    },
)
def subprocessor_notice_missing(d: Description) -> Iterator[Hit]:
    """No notice period."""
    if _general(d) and d.subprocessor_policy.notice_days is None:
        yield hit("subprocessor_policy.notice_days")


@rule(
    "SUBPROCESSOR-OBJECTION-MISSING",
    section="subprocessors",
    severity="error",
    articles=("Art. 28(2)",),
    checklist=("A28-2c", "SCC-7.7a-O2", "COMQA-2", "EDPB-SUB", "CNIL-IV-6"),
    scope=PROCESSOR,
    summary={
        "fr": "Sous autorisation générale, le responsable dispose d'un délai (non nul) pour s'opposer.",
        "en": "Under a general authorisation, the controller has a (non-zero) period to object.",
    },
    message={
        "fr": "Le responsable n'a aucun délai pour s'opposer à un nouveau sous-traitant ultérieur, alors "
        "que l'art. 28(2) lui en donne la possibilité : fixez « objection_days » (par exemple 15 jours).",
        "en": "The controller has no period to object to a new subprocessor, although Art. 28(2) gives it "
        "that opportunity: set 'objection_days' (e.g. 15 days).",
    },
)
def subprocessor_objection_missing(d: Description) -> Iterator[Hit]:
    """No objection period, or zero days."""
    if _general(d) and not d.subprocessor_policy.objection_days:
        yield hit("subprocessor_policy.objection_days")


@rule(
    "SUBPROCESSOR-NOTICE-SHORT",
    section="subprocessors",
    severity="warning",
    articles=("Art. 28(2)",),
    checklist=("A28-2b", "EDPB-SUB"),
    scope=PROCESSOR,
    summary={
        "fr": f"Un préavis de moins de {MIN_NOTICE_DAYS} jours est signalé.",
        "en": f"A notice period under {MIN_NOTICE_DAYS} days is flagged.",
    },
    message={
        "fr": "Un préavis de {days} jours laisse peu de temps au responsable pour examiner un nouveau "
        f"sous-traitant ultérieur : prévoyez au moins {MIN_NOTICE_DAYS} jours, 30 de préférence.",
        "en": "A notice of {days} days leaves the controller little time to assess a new subprocessor: allow "
        f"at least {MIN_NOTICE_DAYS} days, preferably 30.",
    },
)
def subprocessor_notice_short(d: Description) -> Iterator[Hit]:
    """Under 14 days."""
    days = d.subprocessor_policy.notice_days
    if _general(d) and days is not None and days < MIN_NOTICE_DAYS:
        yield hit("subprocessor_policy.notice_days", days=days)


@rule(
    "SUBPROCESSOR-OBJECTION-LATE",
    section="subprocessors",
    severity="warning",
    articles=("Art. 28(2)",),
    checklist=("SCC-7.7a-O2", "COMQA-2"),
    scope=PROCESSOR,
    summary={
        "fr": "Le délai d'opposition se termine avant l'entrée en fonction du nouveau sous-traitant.",
        "en": "The objection period ends before the new subprocessor starts.",
    },
    message={
        "fr": "Le délai d'opposition ({objection} jours) dépasse le préavis ({notice} jours) : le nouveau "
        "sous-traitant pourrait commencer avant que le responsable ait pu s'y opposer ; alignez les deux "
        "délais.",
        "en": "The objection period ({objection} days) is longer than the notice ({notice} days): the new "
        "subprocessor could start before the controller had the chance to object; align the two periods.",
    },
)
def subprocessor_objection_late(d: Description) -> Iterator[Hit]:
    """Objection period longer than the notice."""
    pol = d.subprocessor_policy
    late = pol.notice_days is not None and pol.objection_days and pol.objection_days > pol.notice_days
    if _general(d) and late:
        yield hit("subprocessor_policy.objection_days", objection=pol.objection_days, notice=pol.notice_days)


@rule(
    "SUBPROCESSOR-CHANNEL",
    section="subprocessors",
    severity="warning",
    articles=("Art. 28(2)",),
    checklist=("EDPB-SUB", "CNIL-IV-6"),
    scope=PROCESSOR,
    summary={
        "fr": "Sous autorisation générale, le canal d'information des changements est indiqué.",
        "en": "Under a general authorisation, the channel used to announce changes is stated.",
    },
    message={
        "fr": "Le contrat ne dit pas comment les changements de sous-traitants ultérieurs seront annoncés : "
        "indiquez le canal (e-mail au contact du client, espace client…).",
        "en": "The contract does not say how changes of subprocessors will be announced: state the channel "
        "(e-mail to the customer's contact, customer portal…).",
    },
)
def subprocessor_channel(d: Description) -> Iterator[Hit]:
    """No channel."""
    if _general(d) and not d.subprocessor_policy.channel:
        yield hit("subprocessor_policy.channel")


@rule(
    "SUBPROCESSOR-IDENTITY-MISSING",
    section="subprocessors",
    severity="error",
    articles=("Art. 28(2)", "Art. 28(4)"),
    checklist=("SCC-AIV", "EDPB-OP22", "COMQA-1"),
    scope=PROCESSOR,
    documents=("dpa",),
    summary={
        "fr": "Chaque sous-traitant ultérieur a une adresse et une personne à contacter (annexe IV du contrat).",
        "en": "Each subprocessor has an address and a contact person (Annex IV of the contract).",
    },
    message={
        "fr": "Le sous-traitant ultérieur « {name} » n'a pas {what} : l'annexe IV du contrat doit permettre au "
        "responsable d'identifier et de joindre chaque sous-traitant ultérieur qu'il autorise ; "
        "complétez « {field} ».",
        "en": "Subprocessor '{name}' has no {what}: Annex IV of the contract must let the controller identify "
        "and reach each subprocessor it authorises; fill in '{field}'.",
    },
)
def subprocessor_identity_missing(d: Description) -> Iterator[Hit]:
    """No address, or no contact person, for a subprocessor named in the contract."""
    for i, sub in enumerate(d.subprocessors):
        if sub.address is None or not (sub.address.street and sub.address.city):
            yield hit(f"subprocessors[{i}].address", name=sub.name, field="address",
                      what=Words("d'adresse postale", "postal address"))
        contact = sub.contact
        if contact is None or not contact.name or not (contact.email or contact.phone):
            yield hit(f"subprocessors[{i}].contact", name=sub.name, field="contact",
                      what=Words("de personne à contacter (nom et e-mail ou téléphone)",
                                 "contact person (name and e-mail or phone)"))
