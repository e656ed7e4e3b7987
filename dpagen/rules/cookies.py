"""Cookies and other trackers (art. 82 loi 78-17, CNIL délibérations 2020-091 and 2020-092).

How a cookie is judged *non-essential* (the model has no such flag): a cookie needs consent when

1. its purpose, name or provider speaks of advertising, targeting, social networks, personalisation or
   profiling (word list ``_TRACKING``), or its provider is a known advertising, social or analytics vendor
   (``_VENDORS``); or
2. it measures audience (``_AUDIENCE``) without meeting the CNIL exemption as far as the model can show it:
   set by the publisher itself (no provider, or a provider named like a party), an opt-out offered
   (``opt_out_url`` or ``cookie_settings``) and a lifetime of 13 months at most.

Anything else (session, security, load balancing, consent storage, language…) is treated as essential.
The lists are deliberately short and readable; extend them rather than adding special cases.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Cookie, Description
from .common import parties, same_name
from .registry import ANY, Hit, Words, hit, rule

MAX_LIFETIME_MONTHS = 13
_DOCS = ("privacy-notice", "processor-charter")

_TRACKING = re.compile(
    r"\b(ads?|advert\w*|publicit\w*|pub|cibl\w*|target\w*|retarget\w*|remarketing|marketing|"
    r"social\w*|r[ée]seaux sociaux|personnalis\w*|personalis\w*|profil\w*|tracking|pixel)\b",
    re.IGNORECASE,
)
_AUDIENCE = re.compile(
    r"\b(analytics?|audience|statisti\w*|measurement|fr[ée]quentation)\b",
    re.IGNORECASE,
)
_VENDORS = (
    "google analytics", "google ads", "doubleclick", "google tag manager", "facebook", "meta", "instagram",
    "linkedin", "twitter", "tiktok", "pinterest", "snapchat", "youtube", "criteo", "taboola", "outbrain",
    "adroll", "hotjar", "mixpanel", "segment", "amplitude", "hubspot", "microsoft clarity", "bing",
    "yandex", "quantcast", "xiti",
)


def _words(c: Cookie) -> str:
    return " ".join(x for x in (c.name, c.purpose, c.provider) if x)


def _first_party(c: Cookie, d: Description) -> bool:
    if not c.provider:
        return True
    return any(
        same_name(c.provider, name) for _, p in parties(d) for name in (p.legal_name, p.brand) if name
    )


def non_essential(c: Cookie, d: Description) -> str | None:
    """Why a cookie needs consent ('tracking', 'vendor', 'audience'), or None when it looks essential."""
    text = _words(c)
    if _TRACKING.search(text):
        return "tracking"
    if any(same_name(v, c.provider) or same_name(v, c.name) for v in _VENDORS):
        return "vendor"
    if _AUDIENCE.search(text):
        exempt = (
            _first_party(c, d)
            and bool(c.opt_out_url or d.cookie_settings)
            and (c.lifetime_months is not None and c.lifetime_months <= MAX_LIFETIME_MONTHS)
        )
        return None if exempt else "audience"
    return None


@rule(
    "COOKIE-CONSENT",
    section="cookies",
    severity="error",
    articles=("art. 82 loi 78-17", "ePrivacy art. 5(3)", "CNIL délib. 2020-091"),
    checklist=("FR-CK1",),
    scope=ANY,
    documents=_DOCS,
    summary={
        "fr": "Un cookie non essentiel (publicité, réseaux sociaux, mesure d'audience non exemptée, outils "
        "tiers connus) est soumis au consentement.",
        "en": "A non-essential cookie (advertising, social networks, non-exempt audience measurement, known "
        "third-party tools) requires consent.",
    },
    message={
        "fr": "Le cookie « {name} » n'est pas indispensable au service ({why}) mais est déposé sans "
        "consentement : demandez le consentement (« consent_required ») avant de le déposer.",
        "en": "The cookie '{name}' is not essential to the service ({why}) but is set without consent: ask "
        "for consent ('consent_required') before setting it.",
    },
)
def cookie_consent(d: Description) -> Iterator[Hit]:
    """Non-essential cookie without consent."""
    reasons = {
        "tracking": Words("publicité, ciblage, réseaux sociaux ou personnalisation",
                          "advertising, targeting, social networks or personalisation"),
        "vendor": Words("outil d'un tiers qui suit les visiteurs", "a third-party tool that tracks visitors"),
        "audience": Words("mesure d'audience hors des conditions d'exemption de la CNIL",
                          "audience measurement outside the CNIL exemption"),
    }
    for i, c in enumerate(d.cookies):
        why = non_essential(c, d)
        if why and not c.consent_required:
            yield hit(f"cookies[{i}].consent_required", name=c.name, why=reasons[why])


@rule(
    "COOKIE-LIFETIME",
    section="cookies",
    severity="warning",
    articles=("art. 82 loi 78-17", "CNIL délib. 2020-092"),
    checklist=("FR-CK2",),
    scope=ANY,
    documents=_DOCS,
    summary={
        "fr": f"La durée de vie d'un cookie ne dépasse pas {MAX_LIFETIME_MONTHS} mois.",
        "en": f"A cookie lives {MAX_LIFETIME_MONTHS} months at most.",
    },
    message={
        "fr": "Le cookie « {name} » vit {months} mois : la CNIL recommande 13 mois au plus, sans "
        "prolongation automatique ; raccourcissez sa durée.",
        "en": "The cookie '{name}' lives {months} months: the CNIL recommends 13 months at most, with no "
        "automatic extension; shorten it.",
    },
)
def cookie_lifetime(d: Description) -> Iterator[Hit]:
    """Over 13 months."""
    for i, c in enumerate(d.cookies):
        if c.lifetime_months is not None and c.lifetime_months > MAX_LIFETIME_MONTHS:
            yield hit(f"cookies[{i}].lifetime_months", name=c.name, months=c.lifetime_months)


@rule(
    "COOKIE-SETTINGS",
    section="cookies",
    severity="warning",
    articles=("Art. 7(3)", "art. 82 loi 78-17"),
    checklist=("FR-CK3", "INF-WDR"),
    scope=ANY,
    documents=_DOCS,
    summary={
        "fr": "Quand des cookies demandent le consentement, la notice dit comment le refuser ou le retirer.",
        "en": "When cookies need consent, the notice says how to refuse or withdraw it.",
    },
    message={
        "fr": "Des cookies reposent sur le consentement, mais rien n'indique comment le refuser ou le "
        "retirer : décrivez le moyen dans « cookie_settings » (lien de gestion des cookies…).",
        "en": "Some cookies rely on consent, but nothing says how to refuse or withdraw it: describe the "
        "way in 'cookie_settings' (cookie-settings link…).",
    },
)
def cookie_settings(d: Description) -> Iterator[Hit]:
    """Consent cookies, no settings."""
    if any(c.consent_required for c in d.cookies) and not d.cookie_settings:
        yield hit("cookie_settings")
