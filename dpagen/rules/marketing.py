"""Direct marketing: a legal basis, an easy way to object, consent for electronic marketing to consumers."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Description, LegalBasis, MarketingChannel
from .registry import PARTY, Hit, Words, hit, rule

_DOCS = ("privacy-notice", "processor-charter")
_ELECTRONIC = {
    MarketingChannel.EMAIL: Words("courrier électronique", "e-mail"),
    MarketingChannel.SMS: Words("SMS", "SMS"),
}


@rule(
    "MARKETING-LEGAL-BASIS",
    section="marketing",
    severity="error",
    articles=("Art. 6(1)", "Art. 13(1)(c)"),
    checklist=("INF-PUR", "FR-EMAIL"),
    scope=PARTY,
    documents=_DOCS,
    summary={"fr": "La prospection a une base légale.", "en": "Direct marketing has a legal basis."},
    message={
        "fr": "La prospection n'a pas de base légale : indiquez le consentement ou, pour des clients et des "
        "produits analogues, l'intérêt légitime avec droit d'opposition.",
        "en": "Direct marketing has no legal basis: state consent or, for existing customers and similar "
        "products, legitimate interest with a right to object.",
    },
)
def marketing_legal_basis(d: Description) -> Iterator[Hit]:
    """Marketing without basis."""
    if d.marketing is not None and d.marketing.legal_basis is None:
        yield hit("marketing.legal_basis")


@rule(
    "MARKETING-LI-OPT-OUT",
    section="marketing",
    severity="warning",
    articles=("Art. 21(2)", "Art. 21(3)", "Art. 21(4)"),
    checklist=("INF-OBJ", "FR-EMAIL"),
    scope=PARTY,
    documents=_DOCS,
    summary={
        "fr": "La prospection fondée sur l'intérêt légitime indique comment s'y opposer.",
        "en": "Marketing based on legitimate interest says how to object to it.",
    },
    message={
        "fr": "La prospection repose sur l'intérêt légitime sans moyen d'opposition indiqué : toute "
        "personne peut s'y opposer à tout moment ; décrivez le moyen dans « opt_out » (lien de "
        "désinscription…).",
        "en": "Marketing relies on legitimate interest with no way to object stated: anyone may object at "
        "any time; describe the way in 'opt_out' (unsubscribe link…).",
    },
)
def marketing_li_opt_out(d: Description) -> Iterator[Hit]:
    """LI without opt-out."""
    m = d.marketing
    if m is not None and m.legal_basis is LegalBasis.LEGITIMATE_INTEREST and not m.opt_out:
        yield hit("marketing.opt_out")


@rule(
    "MARKETING-ELECTRONIC-CONSENT",
    section="marketing",
    severity="info",
    articles=("art. L34-5 CPCE", "ePrivacy art. 13"),
    checklist=("FR-EMAIL",),
    scope=PARTY,
    documents=_DOCS,
    summary={
        "fr": "E-mail ou SMS sans consentement : seulement vers des clients (produits analogues) ou des "
        "professionnels.",
        "en": "E-mail or SMS without consent: only to customers (similar products) or to professionals.",
    },
    message={
        "fr": "La prospection par {channels} repose sur l'intérêt légitime : envers des particuliers, elle "
        "n'est permise que vers des clients pour des produits analogues ; sinon, recueillez le consentement.",
        "en": "Marketing by {channels} relies on legitimate interest: towards consumers it is allowed only "
        "to existing customers for similar products; otherwise, collect consent.",
    },
)
def marketing_electronic_consent(d: Description) -> Iterator[Hit]:
    """Electronic channels on LI."""
    m = d.marketing
    if m is None or m.legal_basis is not LegalBasis.LEGITIMATE_INTEREST:
        return
    electronic = [_ELECTRONIC[c] for c in m.channels if c in _ELECTRONIC]
    if electronic:
        both = Words(" et ".join(w.fr for w in electronic), " and ".join(w.en for w in electronic))
        yield hit("marketing.channels", channels=both)
