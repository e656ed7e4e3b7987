"""What the wizard asks, in which order, and when: the questions as data (see nodes.py).

Defaults come from the model itself (48 hours, 30 days' notice, one audit a year, deletion within
30 days); ``suggest`` adds the ones a French SaaS expects where the model has none (France).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..authorities import authority_for
from ..geo import in_eea
from .nodes import Ask, Compute, Custom, Each, Group, Loop, Predicate, Section
from .texts import Texts

if TYPE_CHECKING:
    from .scope import Scope


def _country_is(scope: Scope, path: str, french: bool) -> bool:
    country = scope.get(path)
    if french:
        return country is None or str(country).upper() == "FR"
    return country is not None and str(country).upper() != "FR"


def _outside_eea(scope: Scope) -> bool:
    """A receiver established or storing data outside the EEA (unknown countries do not count)."""
    countries = [scope.get("country"), *(scope.get("data_locations") or [])]
    return any(c is not None and not in_eea(c) for c in countries)


def _eea_only(scope: Scope) -> bool:
    """Whether every hosting, subprocessor, recipient, cookie and processor country given so far is in the EEA."""
    countries = [site.get("country") for site in scope.root("hosting.sites") or []]
    countries.append(scope.root("processor.address.country"))
    for sub in scope.root("subprocessors") or []:
        countries += [sub.get("country"), *(sub.get("data_locations") or [])]
    countries += [item.get("country") for item in [*(scope.root("recipients") or []),
                                                   *(scope.root("cookies") or [])]]
    return all(in_eea(c) for c in countries if c)


def _category_names(scope: Scope) -> list[tuple[str, str]]:
    names = [c.get("name") for c in scope.get("^data_categories") or []]
    return [(n, n) for n in names if n]


def _activity_names(scope: Scope) -> list[tuple[str, str]]:
    names = [a.get("name") for a in scope.root("activities") or []]
    return [(n, n) for n in names if n]


def _received_category_names(scope: Scope) -> list[tuple[str, str]]:
    """The categories of the activities a subprocessor takes part in (all activities when none chosen)."""
    chosen = set(scope.get("processing_activities") or [])
    names = [
        c.get("name") for a in scope.root("activities") or [] if not chosen or a.get("name") in chosen
        for c in a.get("data_categories") or []
    ]
    return [(n, n) for n in dict.fromkeys(names) if n]


def _categories(scope: Scope) -> list[dict[str, object]]:
    return [c for a in scope.root("activities") or [] for c in a.get("data_categories") or []]


def _health_data(scope: Scope) -> bool:
    """Whether an activity described so far processes health data (Art. 9)."""
    return any(c.get("special_category") == "health" for c in _categories(scope))


def _care_exception(scope: Scope) -> bool:
    """Whether a data category relies on Art. 9(2)(h), which Art. 9(3) conditions on professional secrecy."""
    return any(c.get("art9_condition") == "h_health_social_care" for c in _categories(scope))


def _contact_email(role: str, *contacts: str) -> Compute:
    def compute(scope: Scope) -> object:
        for contact in contacts:
            email = scope.root(f"{role}.{contact}.email")
            if email:
                return email
        return scope.root(f"{role}.email")

    return compute


def _publisher(scope: Scope) -> str:
    explicit = scope.root("publisher")
    if explicit:
        return str(explicit)
    return "processor" if scope.root("processor") else "controller"


def _has(role: str) -> Predicate:
    return lambda s: bool(s.root(role))


def _both_parties(scope: Scope) -> bool:
    return bool(scope.root("controller")) and bool(scope.root("processor"))


def _controller_publishes(scope: Scope) -> bool:
    return bool(scope.root("controller")) and _publisher(scope) == "controller"


def _publisher_choices(scope: Scope) -> list[tuple[str, str]]:
    """The processor (the model's default when unset) or the controller; an unset value stays unset."""
    texts = Texts(scope.language)
    processor = "processor" if scope.root("publisher") == "processor" else ""
    return [(processor, texts.question("publisher.processor")),
            ("controller", texts.question("publisher.controller"))]


def _in_language(fr: str, en: str) -> Compute:
    """A suggestion written in the documents' language."""
    return lambda s: en if s.root("document.language") == "en" else fr


def _source(scope: Scope) -> str:
    """Where data usually comes from: the person, for a notice; the client, for a processor's activity."""
    own = scope.base[:1] == ("processor_own_activities",)
    return "data_subject" if own or not scope.root("processor") or _controller_publishes(scope) else "controller"


def _jurisdiction(scope: Scope) -> object:
    """The commercial court of the processor's seat, as French SaaS terms usually say."""
    city = scope.root("processor.registration.rcs_city") or scope.root("processor.address.city")
    country = scope.root("processor.address.country")
    if not city or (country is not None and str(country).upper() != "FR"):
        return None
    if scope.root("document.language") == "en":
        return f"Commercial Court of {city}"
    return f"Tribunal de commerce de {city}"


def _scc_module(scope: Scope) -> str:
    """Module 3 for a processor's provider, 2 for the processor itself; for a recipient, module 2 or 1."""
    if scope.base[:1] == ("recipients",):
        return "module_2" if scope.get("^kind") == "processor" else "module_1"
    if scope.base == ("hosting", "processor_transfer"):
        return "module_2"
    return "module_3"


def _processor_abroad(scope: Scope) -> bool:
    """The processor's registered office is outside the EEA (its data goes abroad to reach it)."""
    country = scope.root("processor.address.country")
    return country is not None and not in_eea(country)


def _outside_eea_office(scope: Scope) -> bool:
    """The party's registered office is outside the EEA."""
    country = scope.get("address.country")
    return country is not None and not in_eea(country)


def _shipped_authority(role: str) -> Compute:
    """The authority of the party's main establishment in the EEA, from the shipped list (None: no such)."""

    def start(scope: Scope) -> dict[str, Any] | None:
        country = scope.root(f"{role}.main_establishment") or scope.root(f"{role}.address.country")
        entry = authority_for(str(country)) if country and in_eea(str(country)) else None
        if entry is None:
            return None
        language = str(scope.root("document.language") or "fr")
        address = {"street": entry.street, "postal_code": entry.postal_code, "city": entry.city,
                   "country": entry.code}
        return {"name": entry.name.get(language, entry.name["fr"]),
                "address": {k: v for k, v in address.items() if v},
                "url": entry.complaints or entry.website}

    return start


CONTACT = (
    Ask("contact.name", "name"),
    Ask("contact.email", "email"),
    Ask("contact.phone", "phone"),
)

PARTY = (
    Ask("party.legal_name", "legal_name"),
    Ask("party.brand", "brand"),
    Ask("party.legal_form", "legal_form"),
    Ask("party.share_capital", "share_capital"),
    Group("address", (
        Ask("party.street", "street"),
        Ask("party.postal_code", "postal_code"),
        Ask("party.city", "city"),
        Ask("party.country", "country", suggest="FR"),
    )),
    Group("registration", (
        Ask("party.rcs_city", "rcs_city", when=lambda s: _country_is(s, "^address.country", True)),
        Ask("party.siren", "siren", when=lambda s: _country_is(s, "^address.country", True)),
        Ask("party.siret", "siret", when=lambda s: _country_is(s, "^address.country", True)),
        Ask("party.vat", "vat_number"),
        Ask("party.other_registration", "other", when=lambda s: _country_is(s, "^address.country", False)),
    )),
    Group("representative", (
        Ask("party.rep_name", "name"),
        Ask("party.rep_title", "title"),
    )),
    Ask("party.email", "email"),
    Ask("party.phone", "phone"),
    Ask("party.website", "website"),
    Ask("party.certifications", "certifications", kind="list"),
    Group("dpo", CONTACT, key="party.has_dpo"),
    Group("security_officer", CONTACT[:2], key="party.has_security"),
    Ask("party.main_establishment", "main_establishment", when=_outside_eea_office),
    Group(
        "eu_representative",
        (Ask("contact.name", "name"), Ask("contact.email", "email")),
        key="party.has_eu_rep",
        when=lambda s: _outside_eea_office(s) and not s.get("main_establishment"),
    ),
)

CATEGORY = (
    Ask("category.name", "name"),
    Ask("category.examples", "examples"),
    Ask("category.source", "source", kind="select", choices="DataSource", optional=True, compute=_source),
    Ask("category.source_detail", "source_detail",
        when=lambda s: s.get("source") in ("controller", "third_party", "public_source")),
    Ask("category.mandatory", "mandatory", kind="tristate", when=lambda s: s.get("source") == "data_subject",
        clear=False),
    Ask("category.consequence", "consequence_if_missing", when=lambda s: s.get("mandatory") is not None),
    Ask("category.special", "special_category", kind="select", choices="SpecialCategory", optional=True),
    Ask("category.art9", "art9_condition", kind="select", choices="Art9Condition",
        when=lambda s: s.get("special_category") is not None),
    Ask("category.criminal", "criminal_offence", kind="confirm"),
    Group("retention", (
        Ask("retention.value", "duration.value", kind="int"),
        Ask("retention.unit", "duration.unit", kind="select", choices="DurationUnit", suggest="years",
            when=lambda s: s.get("duration.value") is not None),
        Ask("retention.start", "start", kind="select", choices="RetentionStart", optional=True),
        Ask("retention.criteria", "criteria"),
    )),
)

PURPOSE = (
    Ask("purpose.description", "description"),
    Ask("purpose.legal_basis", "legal_basis", kind="select", choices="LegalBasis", suggest="contract"),
    Ask("purpose.legitimate_interest", "legitimate_interest",
        when=lambda s: s.get("legal_basis") == "legitimate_interest"),
)

def _restricted(scope: Scope) -> bool:
    """A decision Art. 22(1) restricts: solely automated, with legal or similarly significant effect."""
    return scope.get("solely_automated", True) is not False and scope.get("legal_effect", True) is not False


DECISION = (
    Ask("decision.logic", "logic"),
    Ask("decision.what", "decision"),
    Ask("decision.significance", "significance"),
    Ask("decision.solely", "solely_automated", kind="confirm"),
    Ask("decision.legal_effect", "legal_effect", kind="confirm"),
    Ask("decision.exception", "exception", kind="select", choices="Art22Exception", optional=True,
        when=_restricted),
    Ask("decision.law", "law", when=lambda s: _restricted(s) and s.get("exception") == "b_law"),
    Ask("decision.safeguards", "safeguards", kind="multi", choices="Art22Safeguard", when=_restricted),
)

DPIA = (
    Ask("dpia.status", "status", kind="select", choices="DpiaStatus"),
    Ask("dpia.date", "date", kind="date", when=lambda s: s.get("status") in ("carried_out", "planned")),
    Ask("dpia.reason", "reason", when=lambda s: s.get("status") == "not_required"),
)

ACTIVITY_BODY = (
    Ask("activity.nature", "nature", kind="list"),
    Ask("activity.frequency", "frequency", kind="select", choices="Frequency", optional=True,
        suggest="continuous"),
    Ask("activity.large_scale", "large_scale", kind="confirm"),
    Ask("activity.monitoring", "systematic_monitoring", kind="confirm"),
    Loop("purposes", "purposes", PURPOSE, title="description", add_default=True),
    Ask("activity.data_subjects", "data_subjects", kind="list"),
    Loop("categories", "data_categories", CATEGORY, add_default=True),
    Each("purposes", (Ask("purpose.data", "data", kind="multi", choices=_category_names),),
         title="description", when=lambda s: bool(s.get("data_categories"))),
    Ask("activity.collection_points", "collection_points", kind="list"),
    Loop("decisions", "automated_decisions", DECISION, title="logic"),
    Group("dpia", DPIA, key="activity.has_dpia"),
)

ACTIVITY = (Ask("activity.name", "name"), *ACTIVITY_BODY)
OWN_ACTIVITY = (Ask("own.name", "name"), *ACTIVITY_BODY)

TRANSFER = (
    Ask("transfer.mechanism", "mechanism", kind="select", choices="TransferMechanism", suggest="scc"),
    Ask("transfer.scc_module", "scc_module", kind="select", choices="SccModule", compute=_scc_module,
        when=lambda s: s.get("mechanism") == "scc"),
    Ask("transfer.derogation", "derogation", kind="select", choices="Derogation",
        when=lambda s: s.get("mechanism") == "derogation"),
    Ask("transfer.dpf", "dpf_certified", kind="confirm",
        when=lambda s: s.get("mechanism") == "adequacy"
        and "US" in [s.get("^country"), *(s.get("^data_locations") or [])]),
    Ask("transfer.details", "details"),
)

HDS = (
    Ask("hds.activities", "activities", kind="multi", choices="HdsActivity"),
    Ask("hds.scope", "scope", when=lambda s: not s.get("activities")),
    Ask("hds.certifier", "certifier"),
    Ask("hds.valid_until", "valid_until", kind="date"),
)

SITE = (
    Ask("site.provider", "provider"),
    Ask("site.country", "country", suggest="FR"),
    Ask("site.city", "city"),
    Ask("site.scope", "scope"),
    Ask("site.certifications", "certifications", kind="list"),
    Ask("site.url", "url"),
    Group("transfer", TRANSFER, when=_outside_eea),
    Group("hds", HDS, key="hds.has", when=_health_data),
)

SUBPROCESSOR = (
    Ask("sub.name", "name"),
    Ask("sub.entity", "entity"),
    Ask("sub.country", "country"),
    Group("address", (
        Ask("sub.street", "street"),
        Ask("party.postal_code", "postal_code"),
        Ask("party.city", "city"),
        Ask("party.country", "country"),
    )),
    Group("contact", (
        Ask("sub.contact_name", "name"),
        Ask("sub.contact_title", "title"),
        Ask("contact.email", "email"),
    )),
    Ask("sub.activity", "activity"),
    Ask("sub.locations", "data_locations", kind="list",
        compute=lambda s: [s.get("country")] if s.get("country") else None),
    Group("transfer", TRANSFER, when=_outside_eea),
    Ask("sub.certifications", "certifications", kind="list"),
    Ask("sub.date_added", "date_added", kind="date",
        compute=lambda s: s.root("document.last_update") or s.root("document.effective_date")),
    Ask("sub.processing_activities", "processing_activities", kind="multi", choices=_activity_names,
        when=lambda s: len(_activity_names(s)) > 1),
    Ask("sub.data_categories", "data_categories", kind="multi", choices=_received_category_names,
        when=lambda s: bool(_received_category_names(s))),
    Group("hds", HDS, key="hds.has", when=_health_data),
)

RECIPIENT = (
    Ask("recipient.name", "name"),
    Ask("recipient.kind", "kind", kind="select", choices="RecipientKind"),
    Ask("recipient.purpose", "purpose"),
    Ask("recipient.country", "country"),
    Group("transfer", TRANSFER, when=_outside_eea),
)

NOTICE_CONTACT = (
    Ask("notice.attention", "attention"),
    Ask("notice.email", "email"),
    Group("address", (
        Ask("address.street", "street"),
        Ask("party.postal_code", "postal_code"),
        Ask("party.city", "city"),
        Ask("party.country", "country"),
    ), key="notice.has_address"),
)


def _notices(scope: Scope) -> bool:
    """The notices clause is on (its addresses are then asked for)."""
    return _both_parties(scope) and bool(scope.root("contract.optional_clauses.notices"))


RIGHTS_CONTACT = (*CONTACT[:2], Ask("contact.url", "url"))

JOINT_CONTROLLER = (
    Ask("joint.name", "name"),
    Ask("joint.processing", "processing"),
    Ask("joint.arrangement", "arrangement"),
    Ask("joint.email", "email"),
    Ask("joint.url", "url"),
)

AUTHORITY = (
    Ask("authority.name", "name"),
    Group("address", (
        Ask("address.street", "street"),
        Ask("party.postal_code", "postal_code"),
        Ask("party.city", "city"),
        Ask("party.country", "country"),
    )),
    Ask("authority.url", "url"),
    Ask("authority.email", "email"),
)

SECTIONS: tuple[Section, ...] = (
    Section("document", (
        Custom("final"),
        Ask("doc.language", "document.language", kind="select", choices="Language"),
        Ask("doc.effective_date", "document.effective_date", kind="date"),
        Ask("doc.last_update", "document.last_update", kind="date"),
        Ask("doc.first_published", "document.first_published", kind="date"),
        Ask("doc.version", "document.version"),
        Ask("doc.reference", "document.reference"),
    )),
    Section("parties", (
        Group("controller", PARTY, context={"party": ("le responsable du traitement (le client)",
                                                       "the controller (the client)")}),
        Group("processor", PARTY, key="party.has_processor", suggest=True,
              context={"party": ("le sous-traitant (le prestataire)",
                                 "the processor (the service provider)")}),
        Ask("publisher", "publisher", kind="select", choices=_publisher_choices, when=_both_parties, clear=False),
    )),
    Section("agreement", (
        Group("main_agreement", (
            Ask("agreement.title", "title"),
            Ask("agreement.reference", "reference"),
            Ask("agreement.date", "date", kind="date"),
        )),
        Ask("term.description", "term.description"),
        Loop("services", "services", (
            Ask("service.name", "name"), Ask("service.description", "description"),
        )),
    )),
    Section("activities", (Loop("activities", "activities", ACTIVITY, add_default=True),)),
    Section("own_activities", (
        Loop("own_activities", "processor_own_activities", OWN_ACTIVITY, when=_has("processor")),
    )),
    Section("hosting", (Loop("sites", "hosting.sites", SITE, title="provider", add_default=True),)),
    Section("subprocessors", (Loop("subprocessors", "subprocessors", SUBPROCESSOR),)),
    Section("health", (
        Ask("health.french_law", "health.french_law", kind="tristate", when=_health_data),
        Group("health.processor_hds", HDS, key="hds.processor_has",
              when=lambda s: _health_data(s) and s.root("processor") is not None),
        Ask("health.secrecy", "health.professional_secrecy", when=_care_exception),
    )),
    Section("policy", (
        Ask("policy.regime", "subprocessor_policy.regime", kind="select", choices="SubprocessorRegime"),
        Ask("policy.notice_days", "subprocessor_policy.notice_days", kind="int"),
        Ask("policy.objection_days", "subprocessor_policy.objection_days", kind="int",
            when=lambda s: s.get("subprocessor_policy.regime", "general") == "general"),
        Ask("policy.channel", "subprocessor_policy.channel"),
        Ask("policy.vetting", "subprocessor_policy.vetting"),
        Ask("policy.list_url", "subprocessor_policy.list_url"),
    )),
    Section("recipients", (
        Loop("recipients", "recipients", RECIPIENT),
        Ask("recipients.sold", "data_sold", kind="confirm"),
        Group("hosting.processor_transfer", TRANSFER, key="hosting.processor_abroad", suggest=True,
              when=_processor_abroad),
        Ask("hosting.no_transfer", "hosting.no_transfer_outside_eea", kind="confirm", compute=_eea_only),
        Ask("hosting.transfer_notice", "hosting.transfer_notice", kind="confirm", when=_has("processor"),
            clear=False),
    )),
    Section("breach", (
        Ask("breach.hours", "breach.notice_hours", kind="int"),
        Ask("breach.full_hours", "breach.full_information_hours", kind="int"),
        Ask("breach.channel", "breach.channel"),
        Ask("breach.recipient", "breach.recipient", compute=_contact_email("controller", "dpo")),
        Ask("breach.processor_contact", "breach.processor_contact",
            compute=_contact_email("processor", "security_officer", "dpo")),
        Ask("breach.authority", "breach.processor_notifies_authority", kind="confirm"),
    )),
    Section("audits", (
        Ask("audit.on_site", "audits.on_site", kind="confirm"),
        Ask("audit.documentary", "audits.documentary", kind="confirm"),
        Ask("audit.notice_days", "audits.notice_days", kind="int"),
        Ask("audit.max", "audits.max_per_year", kind="int"),
        Ask("audit.cost", "audits.cost", kind="select", choices="CostBearer"),
        Ask("audit.breach_shifts_cost", "audits.breach_shifts_cost", kind="confirm",
            when=lambda s: s.get("audits.cost", "controller") != "processor", clear=False),
        Ask("audit.third_party", "audits.third_party_auditor", kind="confirm"),
        Ask("audit.confidentiality", "audits.auditor_confidentiality", kind="confirm"),
        Ask("audit.certifications", "audits.accepted_certifications", kind="list"),
    )),
    Section("security", (Custom("security"),)),
    Section("assistance", (
        Ask("assistance.forward_days", "assistance.dsr_forward_days", kind="int", when=_has("processor"),
            clear=False),
        Ask("assistance.channel", "assistance.dsr_channel", when=_has("processor"), clear=False),
        Ask("assistance.dpia", "assistance.dpia", kind="confirm", when=_has("processor"), clear=False),
        Ask("assistance.consultation", "assistance.prior_consultation", kind="confirm", when=_has("processor"),
            clear=False),
    )),
    Section("end", (
        Ask("end.action", "end_of_contract.action", kind="select", choices="EndAction"),
        Ask("end.delay", "end_of_contract.delay_days", kind="int"),
        Ask("end.backups", "end_of_contract.backups_days", kind="int"),
        Ask("end.certificate", "end_of_contract.certificate", kind="confirm"),
        Ask("end.format", "end_of_contract.return_format", compute=_in_language(
            "fichiers CSV (RFC 4180) encodés en UTF-8", "CSV files (RFC 4180) encoded in UTF-8")),
    )),
    Section("contract", (
        Ask("contract.liability", "contract.liability", when=_both_parties, clear=False),
        Ask("contract.governing_law", "contract.governing_law", when=_both_parties, clear=False),
        Ask("contract.jurisdiction", "contract.jurisdiction", compute=_jurisdiction, when=_both_parties,
            clear=False),
        Custom("signatories", when=_both_parties),
        Ask("contract.docking", "contract.optional_clauses.docking", kind="confirm", when=_both_parties,
            clear=False),
        Ask("contract.change_of_law", "contract.optional_clauses.change_of_law", kind="confirm",
            when=_both_parties, clear=False),
        Ask("contract.notices", "contract.optional_clauses.notices", kind="confirm", when=_both_parties,
            clear=False),
        Group("contract.notice_contacts.controller", NOTICE_CONTACT, when=_notices,
              context={"party": ("le responsable du traitement", "the controller")}),
        Group("contract.notice_contacts.processor", NOTICE_CONTACT, when=_notices,
              context={"party": ("le sous-traitant", "the processor")}),
    )),
    Section("rights", (
        Group("controller.rights_contact", RIGHTS_CONTACT, key="rights.has_contact", clear=False,
              context={"party": ("le responsable du traitement", "the controller")},
              when=_controller_publishes),
        Group("processor.rights_contact", RIGHTS_CONTACT, key="rights.has_contact", clear=False,
              context={"party": ("le sous-traitant", "the processor")}, when=_has("processor")),
        Ask("rights.response_days", "rights.response_days", kind="int"),
        Loop("joint", "joint_controllers", JOINT_CONTROLLER, when=_controller_publishes),
        Group("minors", (
            Ask("minors.offered", "offered", kind="confirm"),
            Ask("minors.minimum_age", "minimum_age", kind="int", when=lambda s: bool(s.get("offered"))),
            Ask("minors.parental_consent", "parental_consent", when=lambda s: bool(s.get("offered"))),
        ), when=_controller_publishes, clear=False),
        Group("authority", AUTHORITY, key="authority.change", change=True, shown="name",
              start=_shipped_authority("controller")),
        Group("processor_authority", AUTHORITY, key="processor_authority.change", change=True, shown="name",
              start=_shipped_authority("processor"), when=_has("processor"), clear=False),  # never null
    )),
    Section("marketing", (
        Group("marketing", (
            Ask("marketing.channels", "channels", kind="multi", choices="MarketingChannel"),
            Ask("marketing.legal_basis", "legal_basis", kind="select", choices="LegalBasis", optional=True,
                suggest="consent"),
            Ask("marketing.opt_out", "opt_out", compute=_in_language(
                "lien de désinscription dans chaque message", "an unsubscribe link in every message")),
        ), key="marketing.has", when=_controller_publishes, clear=False),
    )),
    Section("cookies", (
        Loop("cookies", "cookies", (
            Ask("cookie.name", "name"),
            Ask("cookie.provider", "provider"),
            Ask("cookie.purpose", "purpose"),
            Ask("cookie.lifetime", "lifetime_months", kind="int"),
            Ask("cookie.consent", "consent_required", kind="confirm"),
            Ask("cookie.country", "country"),
            Group("transfer", TRANSFER, when=_outside_eea),
            Ask("cookie.opt_out_url", "opt_out_url"),
        )),
        Ask("cookie.settings", "cookie_settings", when=lambda s: bool(s.get("cookies"))),
    )),
    Section("changes", (
        Ask("changes.notice_days", "changes.notice_days", kind="int", suggest=30),
        Ask("changes.channel", "changes.channel"),
        Ask("changes.url", "changes.url"),
    )),
    Section("translations", (Custom("translations"),)),
)

SECTION_IDS = tuple(s.id for s in SECTIONS)
