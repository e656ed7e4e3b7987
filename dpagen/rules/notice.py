"""What people must be told (Arts 12-14): legal bases, interests, retention, recipients, rights, complaint.

These rules read the controller's activities (privacy notice) and the processor's own activities (its
charter, where it acts as a controller); each finding blocks the document that informs those people.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..authorities import authority_path, competent
from ..model import DataSource, Description, LegalBasis, Role
from .common import PARTY_WORDS, notice_scopes, reachable
from .registry import NOTICE, Hit, Words, hit, rule
from .special import dpo_required


@rule(
    "NOTICE-LEGAL-BASIS",
    section="notice",
    severity="error",
    articles=("Art. 6(1)", "Art. 13(1)(c)", "Art. 14(1)(c)"),
    checklist=("INF-PUR", "R30-1b"),
    scope=NOTICE,
    summary={"fr": "Chaque finalité a sa base légale.", "en": "Each purpose has its legal basis."},
    message={
        "fr": "La finalité « {purpose} » n'a pas de base légale : les personnes doivent savoir sur quel "
        "fondement de l'art. 6(1) repose chaque finalité ; choisissez-en un.",
        "en": "The purpose '{purpose}' has no legal basis: people must be told which ground of Art. 6(1) "
        "each purpose rests on; choose one.",
    },
)
def notice_legal_basis(d: Description) -> Iterator[Hit]:
    """A purpose without legal basis."""
    for scope in notice_scopes(d):
        for path, a in scope.activities:
            for j, p in enumerate(a.purposes):
                if p.legal_basis is None:
                    yield hit(f"{path}.purposes[{j}].legal_basis", scope.documents, purpose=p.description)


@rule(
    "NOTICE-LEGITIMATE-INTEREST",
    section="notice",
    severity="error",
    articles=("Art. 6(1)(f)", "Art. 13(1)(d)", "Art. 14(2)(b)"),
    checklist=("INF-LI",),
    scope=NOTICE,
    summary={
        "fr": "Une finalité fondée sur l'intérêt légitime dit quel intérêt est poursuivi.",
        "en": "A purpose based on legitimate interest states the interest pursued.",
    },
    message={
        "fr": "La finalité « {purpose} » repose sur l'intérêt légitime sans dire lequel : la notice doit "
        "l'énoncer ; décrivez l'intérêt poursuivi.",
        "en": "The purpose '{purpose}' relies on legitimate interest without saying which: the notice must "
        "state it; describe the interest pursued.",
    },
)
def notice_legitimate_interest(d: Description) -> Iterator[Hit]:
    """Legitimate interest without the interest."""
    for scope in notice_scopes(d):
        for path, a in scope.activities:
            for j, p in enumerate(a.purposes):
                if p.legal_basis is LegalBasis.LEGITIMATE_INTEREST and not p.legitimate_interest:
                    where = f"{path}.purposes[{j}].legitimate_interest"
                    yield hit(where, scope.documents, purpose=p.description)


@rule(
    "NOTICE-RETENTION",
    section="notice",
    severity="error",
    articles=("Art. 5(1)(e)", "Art. 13(2)(a)", "Art. 14(2)(a)"),
    checklist=("INF-RET", "R30-1f"),
    scope=NOTICE,
    summary={
        "fr": "Chaque catégorie de données a une durée de conservation ou ses critères.",
        "en": "Each data category has a retention period or the criteria that set it.",
    },
    message={
        "fr": "La catégorie « {category} » n'a pas de durée de conservation : indiquez une durée et son "
        "point de départ, ou les critères qui la déterminent.",
        "en": "The category '{category}' has no retention period: give a period and when it starts, or the "
        "criteria that determine it.",
    },
)
def notice_retention(d: Description) -> Iterator[Hit]:
    """A category with neither period nor criteria (also blocking the processor's charter, which shows it)."""
    for scope in notice_scopes(d):
        documents = scope.documents
        if scope.role == "controller" and d.processor is not None:
            documents = (*documents, "processor-charter")
        for path, a in scope.activities:
            for j, c in enumerate(a.data_categories):
                r = c.retention
                if r is None or (r.duration is None and not r.criteria):
                    yield hit(f"{path}.data_categories[{j}].retention", documents, category=c.name)


@rule(
    "NOTICE-RECIPIENTS",
    section="notice",
    severity="error",
    articles=("Art. 13(1)(e)", "Art. 14(1)(e)"),
    checklist=("INF-REC", "R30-1d"),
    scope=NOTICE,
    summary={
        "fr": "Les destinataires des données, ou leurs catégories, sont indiqués.",
        "en": "The recipients of the data, or their categories, are stated.",
    },
    message={
        "fr": "Aucun destinataire n'est indiqué : même les équipes internes et les prestataires en sont ; "
        "listez-les, au moins par catégorie.",
        "en": "No recipient is stated: internal teams and service providers count as recipients too; list "
        "them, at least by category.",
    },
)
def notice_recipients(d: Description) -> Iterator[Hit]:
    """No recipient, subprocessor or processor to name."""
    for scope in notice_scopes(d):
        has_processor = scope.role == "controller" and d.processor is not None
        if not (d.recipients or d.subprocessors or has_processor):
            yield hit("recipients", scope.documents)


@rule(
    "NOTICE-RIGHTS-CONTACT",
    section="notice",
    severity="error",
    articles=("Art. 12(2)", "Art. 13(2)(b)", "Art. 14(2)(c)"),
    checklist=("INF-RIG", "INF-WDR"),
    scope=NOTICE,
    summary={
        "fr": "La notice dit où exercer ses droits (contact dédié, délégué, ou l'adresse de l'organisme).",
        "en": "The notice says where to exercise one's rights (a rights contact, the DPO, or the party's own "
        "e-mail or postal address).",
    },
    message={
        "fr": "Les droits sont annoncés mais {party} ne donne aucun contact joignable pour les exercer : "
        "indiquez une adresse e-mail, postale ou un formulaire dans « rights_contact ».",
        "en": "Rights are announced but {party} gives no reachable contact to exercise them: give an e-mail "
        "or postal address or a web form in 'rights_contact'.",
    },
)
def notice_rights_contact(d: Description) -> Iterator[Hit]:
    """No way to exercise one's rights.

    The notice falls back on the party's own e-mail and postal address, so those count as reachable too
    (answering "no dedicated contact" is never an error by itself).
    """
    for scope in notice_scopes(d):
        party = scope.party
        address = party.address is not None and bool(party.address.street and party.address.city)
        if not (reachable(party.rights_contact) or reachable(party.dpo) or party.email or address):
            yield hit(f"{scope.role}.rights_contact", scope.documents, party=PARTY_WORDS[scope.role])


@rule(
    "NOTICE-COMPLAINT",
    section="notice",
    severity="error",
    articles=("Art. 13(2)(d)", "Art. 14(2)(e)", "Art. 77"),
    checklist=("INF-CPL", "FR-CNIL"),
    scope=NOTICE,
    summary={
        "fr": "La notice désigne l'autorité de contrôle et comment la saisir.",
        "en": "The notice names the supervisory authority and how to reach it.",
    },
    message={
        "fr": "Le droit d'introduire une réclamation ne peut être expliqué : l'autorité de contrôle nommée n'a "
        "ni adresse, ni site, ni e-mail ; complétez « {field} » ou retirez-en les valeurs effacées (les "
        "coordonnées viennent alors de dpagen/data/authorities.toml).",
        "en": "The right to complain cannot be explained: the supervisory authority named has no address, "
        "website or e-mail; complete '{field}' or remove the values cleared there (the details then come from "
        "dpagen/data/authorities.toml).",
    },
)
def notice_complaint(d: Description) -> Iterator[Hit]:
    """An authority known by name whose every way of contact was removed."""
    for scope in notice_scopes(d):
        role = Role(scope.role)
        a = competent(d, role, "en")
        if a.name and not (a.address or a.url or a.email):
            yield hit(authority_path(role), scope.documents, field=authority_path(role))


@rule(
    "NOTICE-AUTOMATED-LOGIC",
    section="notice",
    severity="error",
    articles=("Art. 13(2)(f)", "Art. 14(2)(g)", "Art. 22"),
    checklist=("INF-ADM",),
    scope=NOTICE,
    summary={
        "fr": "Une décision automatisée est décrite : logique, importance et conséquences.",
        "en": "An automated decision is explained: its logic, significance and consequences.",
    },
    message={
        "fr": "Une décision automatisée de l'activité « {name} » n'explique pas {what} : les personnes y "
        "ont droit ; complétez-la.",
        "en": "An automated decision in the activity '{name}' does not explain {what}: people are entitled "
        "to it; complete it.",
    },
)
def notice_automated_logic(d: Description) -> Iterator[Hit]:
    """Automated decision without logic or consequences."""
    for scope in notice_scopes(d):
        for path, a in scope.activities:
            for j, x in enumerate(a.automated_decisions):
                where = f"{path}.automated_decisions[{j}]"
                if not x.logic:
                    what = Words("sa logique", "its logic")
                    yield hit(f"{where}.logic", scope.documents, name=a.name, what=what)
                if not x.significance:
                    what = Words("son importance et ses conséquences", "its significance and consequences")
                    yield hit(f"{where}.significance", scope.documents, name=a.name, what=what)


@rule(
    "NOTICE-SOURCE",
    section="notice",
    severity="warning",
    articles=("Art. 14(2)(f)",),
    checklist=("INF14-SRC",),
    scope=NOTICE,
    summary={
        "fr": "Des données reçues d'un tiers ou d'une source publique en nomment la source.",
        "en": "Data obtained from a third party or a public source names that source.",
    },
    message={
        "fr": "La catégorie « {category} » vient d'un tiers ou d'une source publique sans la nommer : "
        "l'art. 14 impose d'indiquer la source ; précisez-la dans « source_detail ».",
        "en": "The category '{category}' comes from a third party or a public source that is not named: "
        "Art. 14 requires the source; give it in 'source_detail'.",
    },
)
def notice_source(d: Description) -> Iterator[Hit]:
    """Indirect collection without the source."""
    for scope in notice_scopes(d):
        for path, a in scope.activities:
            for j, c in enumerate(a.data_categories):
                if c.source in (DataSource.THIRD_PARTY, DataSource.PUBLIC_SOURCE) and not c.source_detail:
                    yield hit(f"{path}.data_categories[{j}].source_detail", scope.documents, category=c.name)


@rule(
    "NOTICE-MANDATORY",
    section="notice",
    severity="info",
    articles=("Art. 13(2)(e)",),
    checklist=("INF13-OBL",),
    scope=NOTICE,
    summary={
        "fr": "Pour les données demandées à la personne, la notice dit si elles sont obligatoires.",
        "en": "For data asked of the person, the notice says whether providing it is mandatory.",
    },
    message={
        "fr": "La catégorie « {category} » est demandée à la personne sans dire si la réponse est "
        "obligatoire : précisez « mandatory » et, le cas échéant, la conséquence d'un refus.",
        "en": "The category '{category}' is asked of the person without saying whether an answer is "
        "mandatory: set 'mandatory' and, where relevant, the consequence of not providing it.",
    },
)
def notice_mandatory(d: Description) -> Iterator[Hit]:
    """Direct collection without the mandatory flag."""
    for scope in notice_scopes(d):
        for path, a in scope.activities:
            for j, c in enumerate(a.data_categories):
                if c.source is DataSource.DATA_SUBJECT and c.mandatory is None:
                    yield hit(f"{path}.data_categories[{j}].mandatory", scope.documents, category=c.name)


@rule(
    "NOTICE-DPO",
    section="notice",
    severity="info",
    articles=("Art. 13(1)(b)", "Art. 37"),
    checklist=("INF-DPO", "A37"),
    scope=NOTICE,
    summary={
        "fr": "Le délégué à la protection des données est nommé s'il existe.",
        "en": "The data protection officer is named when there is one.",
    },
    message={
        "fr": "Aucun délégué n'est indiqué pour {party} : si un délégué a été désigné, ses coordonnées "
        "doivent figurer dans la notice ; sinon, vérifiez que l'art. 37 ne l'impose pas.",
        "en": "No DPO is given for {party}: if one has been designated, the notice must give the contact "
        "details; if not, check that Art. 37 does not require one.",
    },
)
def notice_dpo(d: Description) -> Iterator[Hit]:
    """No DPO."""
    required = {role for role, _, _ in dpo_required(d)}  # SPECIAL-LARGE-SCALE-DPO warns instead
    for scope in notice_scopes(d):
        if scope.party.dpo is None and scope.role not in required:
            yield hit(f"{scope.role}.dpo", scope.documents, party=PARTY_WORDS[scope.role])


@rule(
    "NOTICE-RESPONSE-TIME",
    section="notice",
    severity="warning",
    articles=("Art. 12(3)",),
    checklist=("INF-DELAY",),
    scope=NOTICE,
    summary={
        "fr": "Le délai de réponse annoncé aux demandes ne dépasse pas un mois.",
        "en": "The announced answer time for requests is at most one month.",
    },
    message={
        "fr": "Le délai de réponse annoncé est de {days} jours : la règle est un mois, prolongeable "
        "seulement pour des demandes complexes et en prévenant la personne ; annoncez 30 jours au plus.",
        "en": "The announced answer time is {days} days: the rule is one month, extendable only for complex "
        "requests and with notice to the person; announce 30 days at most.",
    },
)
def notice_response_time(d: Description) -> Iterator[Hit]:
    """More than a month."""
    if d.rights.response_days > 31:
        documents = tuple(doc for scope in notice_scopes(d) for doc in scope.documents)
        yield hit("rights.response_days", documents, days=d.rights.response_days)


_MAIL_OR_POST = re.compile(
    r"\b(courriel|courrier|e-?mail|mail|adresse postale|post|postal|letter)\b", re.IGNORECASE
)


@rule(
    "NOTICE-RIGHTS-CHANNEL-REPEATS",
    section="notice",
    severity="info",
    articles=("Art. 12(2)",),
    checklist=("INF-RIG",),
    scope=NOTICE,
    summary={
        "fr": "Les « autres moyens » d'exercer ses droits ne répètent pas l'e-mail et l'adresse déjà donnés.",
        "en": "The 'other ways' to use one's rights do not repeat the e-mail and address already given.",
    },
    message={
        "fr": "Le moyen « {channel} » semble être l'e-mail ou le courrier que la notice indique déjà (contact "
        "pour les droits, délégué, adresse) : il y figurerait deux fois ; gardez ici les autres moyens "
        "(espace client, formulaire en ligne…).",
        "en": "The way '{channel}' looks like the e-mail or post that the notice already gives (rights contact, "
        "DPO, address): it would appear twice; keep here only other ways (account settings, web form…).",
    },
)
def notice_rights_channel_repeats(d: Description) -> Iterator[Hit]:
    """A free-text channel that is the e-mail or postal channel generated from the contacts."""
    documents = tuple(doc for scope in notice_scopes(d) for doc in scope.documents)
    if not documents:
        return
    for i, channel in enumerate(d.rights.channels):
        if _MAIL_OR_POST.search(channel):
            yield hit(f"rights.channels[{i}]", documents, channel=channel)


@rule(
    "NOTICE-MINORS-CONSENT",
    section="notice",
    severity="warning",
    articles=("Art. 8(1)", "art. 45 loi 78-17"),
    checklist=("FR-MIN",),
    scope=NOTICE,
    summary={
        "fr": "Services proposés aux mineurs avec un consentement : la notice dit comment les parents "
        "consentent en dessous de 15 ans.",
        "en": "Services offered to children with consent: the notice says how parents consent below 15.",
    },
    message={
        "fr": "Les services sont proposés aux mineurs{age} et des traitements reposent sur le consentement : en "
        "dessous de 15 ans, il est donné conjointement avec les titulaires de l'autorité parentale ; "
        "dites comment vous le recueillez.",
        "en": "The services are offered to children{age} and some processing relies on consent: below 15, it is "
        "given jointly with the holders of parental authority; say how you obtain it.",
    },
)
def notice_minors_consent(d: Description) -> Iterator[Hit]:
    """Children, consent, and no word on how parents take part."""
    from ..facts import relies_on

    m = d.minors
    if not m.offered or m.parental_consent or (m.minimum_age is not None and m.minimum_age >= 15):
        return
    consent = relies_on(d, LegalBasis.CONSENT) or (
        d.marketing is not None and d.marketing.legal_basis is LegalBasis.CONSENT
    )
    if consent:
        age = Words(f" (dès {m.minimum_age} ans)", f" (from {m.minimum_age})") if m.minimum_age else Words("", "")
        yield hit("minors.parental_consent", ("privacy-notice",), age=age)
