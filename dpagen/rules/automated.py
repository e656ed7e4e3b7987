"""Automated decisions (Art. 22): an exception for each restricted decision, and the Art. 22(3) safeguards.

A solely automated decision with legal or similarly significant effect rests on an Art. 22(2) exception and,
with a contract or explicit consent, offers human intervention, a say and a way to contest it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Art22Exception, Art22Safeguard, Description
from .dpia import controlled_activities
from .registry import PARTY, Hit, Words, hit, rule

_SAFEGUARDS = {
    Art22Safeguard.HUMAN_INTERVENTION: Words("l'intervention humaine", "human intervention"),
    Art22Safeguard.EXPRESS_VIEW: Words("la possibilité d'exprimer son point de vue",
                                       "expressing one's point of view"),
    Art22Safeguard.CONTEST: Words("la possibilité de contester la décision", "contesting the decision"),
}


def _documents(path: str) -> tuple[str, ...]:
    return ("processor-charter",) if path.startswith("processor_own") else ("privacy-notice",)


@rule(
    "AUTOMATED-NO-EXCEPTION",
    section="processing",
    severity="error",
    articles=("Art. 22(1)", "Art. 22(2)", "Art. 13(2)(f)"),
    checklist=("INF-ADM",),
    scope=PARTY,
    summary={
        "fr": "Une décision entièrement automatisée à effet juridique ou comparable repose sur une exception de "
        "l'art. 22.2 (contrat, loi, consentement explicite).",
        "en": "A solely automated decision with legal or similarly significant effect rests on an Art. 22(2) "
        "exception (contract, law, explicit consent).",
    },
    message={
        "fr": "Une décision de l'activité « {name} » est entièrement automatisée et produit des effets "
        "juridiques ou comparables, sans exception de l'art. 22.2 : une telle décision est interdite par "
        "principe ; indiquez l'exception (a_contract, b_law, c_explicit_consent), ou prévoyez une "
        "intervention humaine réelle (solely_automated: false).",
        "en": "A decision in the activity '{name}' is solely automated and has legal or similarly significant "
        "effects, with no Art. 22(2) exception: such a decision is forbidden by default; name the exception "
        "(a_contract, b_law, c_explicit_consent), or provide real human involvement (solely_automated: false).",
    },
)
def automated_no_exception(d: Description) -> Iterator[Hit]:
    """Art. 22(1) decision without an Art. 22(2) exception."""
    for path, a in controlled_activities(d):
        for j, x in enumerate(a.automated_decisions):
            if x.restricted and x.exception is None:
                yield hit(f"{path}.automated_decisions[{j}].exception", _documents(path), name=a.name)


@rule(
    "AUTOMATED-SAFEGUARDS",
    section="processing",
    severity="error",
    articles=("Art. 22(3)",),
    checklist=("INF-ADM",),
    scope=PARTY,
    summary={
        "fr": "Une décision automatisée fondée sur un contrat ou le consentement explicite offre au moins "
        "l'intervention humaine, l'expression du point de vue et la contestation (art. 22.3).",
        "en": "An automated decision based on a contract or explicit consent offers at least human "
        "intervention, expressing one's view and contesting the decision (Art. 22(3)).",
    },
    message={
        "fr": "Une décision automatisée de l'activité « {name} » repose sur {exception} sans offrir {missing} : "
        "l'art. 22.3 impose au moins ces trois garanties ; ajoutez-les dans « safeguards ».",
        "en": "An automated decision in the activity '{name}' relies on {exception} without offering "
        "{missing}: Art. 22(3) requires at least those three safeguards; add them to 'safeguards'.",
    },
)
def automated_safeguards(d: Description) -> Iterator[Hit]:
    """Art. 22(2)(a) or (c) without every Art. 22(3) safeguard."""
    words = {Art22Exception.CONTRACT: Words("un contrat (art. 22.2.a)", "a contract (Art. 22(2)(a))"),
             Art22Exception.EXPLICIT_CONSENT: Words("le consentement explicite (art. 22.2.c)",
                                                    "explicit consent (Art. 22(2)(c))")}
    for path, a in controlled_activities(d):
        for j, x in enumerate(a.automated_decisions):
            if not x.restricted or x.exception not in words:
                continue
            lacking = [w for s, w in _SAFEGUARDS.items() if s not in x.safeguards]
            if lacking:
                missing = Words(" ni ".join(w.fr for w in lacking), " or ".join(w.en for w in lacking))
                yield hit(f"{path}.automated_decisions[{j}].safeguards", _documents(path), name=a.name,
                          exception=words[x.exception], missing=missing)
