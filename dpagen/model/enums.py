"""Closed lists the law gives: legal bases, Art. 9 categories and conditions, transfer tools, regimes."""

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    """Languages a document can be written in."""

    FR = "fr"
    EN = "en"


class Role(StrEnum):
    """GDPR role of a party."""

    CONTROLLER = "controller"
    PROCESSOR = "processor"


class LegalBasis(StrEnum):
    """Art. 6(1) legal bases."""

    CONSENT = "consent"  # 6(1)(a)
    CONTRACT = "contract"  # 6(1)(b)
    LEGAL_OBLIGATION = "legal_obligation"  # 6(1)(c)
    VITAL_INTERESTS = "vital_interests"  # 6(1)(d)
    PUBLIC_TASK = "public_task"  # 6(1)(e)
    LEGITIMATE_INTEREST = "legitimate_interest"  # 6(1)(f)

    @property
    def article(self) -> str:
        """The GDPR provision, e.g. 'Art. 6(1)(f)'."""
        letter = "abcdef"[list(LegalBasis).index(self)]
        return f"6(1)({letter})"


class SpecialCategory(StrEnum):
    """Art. 9(1) special categories of personal data."""

    RACIAL_ETHNIC_ORIGIN = "racial_ethnic_origin"
    POLITICAL_OPINIONS = "political_opinions"
    RELIGIOUS_BELIEFS = "religious_beliefs"
    TRADE_UNION = "trade_union"
    GENETIC = "genetic"
    BIOMETRIC = "biometric"
    HEALTH = "health"
    SEX_LIFE_ORIENTATION = "sex_life_orientation"


class Art9Condition(StrEnum):
    """Art. 9(2)(a)-(j) conditions lifting the ban on special categories."""

    EXPLICIT_CONSENT = "a_explicit_consent"
    EMPLOYMENT_SOCIAL_SECURITY = "b_employment_social_security"
    VITAL_INTERESTS = "c_vital_interests"
    NOT_FOR_PROFIT_BODY = "d_not_for_profit_body"
    MADE_PUBLIC = "e_made_public"
    LEGAL_CLAIMS = "f_legal_claims"
    SUBSTANTIAL_PUBLIC_INTEREST = "g_substantial_public_interest"
    HEALTH_OR_SOCIAL_CARE = "h_health_social_care"
    PUBLIC_HEALTH = "i_public_health"
    ARCHIVING_RESEARCH = "j_archiving_research_statistics"


class DataSource(StrEnum):
    """Where personal data comes from (Art. 13 when from the person, Art. 14 otherwise)."""

    DATA_SUBJECT = "data_subject"
    CONTROLLER = "controller"  # supplied by the client to its processor
    THIRD_PARTY = "third_party"
    PUBLIC_SOURCE = "public_source"
    GENERATED = "generated"  # produced by the service (logs, history)


class RetentionStart(StrEnum):
    """The event a retention period runs from."""

    COLLECTION = "collection"
    LAST_CONTACT = "last_contact"
    CONTRACT_END = "contract_end"
    ACCOUNT_CLOSURE = "account_closure"
    TRANSACTION = "transaction"
    DEBIT = "debit"
    OBJECTION = "objection"
    EVENT = "event"  # the event itself (a connection, a campaign)
    END_OF_PROCESSING = "end_of_processing"


class DurationUnit(StrEnum):
    """Units of a retention period."""

    DAYS = "days"
    MONTHS = "months"
    YEARS = "years"


class Frequency(StrEnum):
    """How often the processing takes place."""

    CONTINUOUS = "continuous"
    REGULAR = "regular"
    OCCASIONAL = "occasional"
    ONE_OFF = "one_off"


class SubprocessorRegime(StrEnum):
    """Art. 28(2) authorisation regime for engaging subprocessors."""

    SPECIFIC = "specific"  # prior specific authorisation (SCC 7.7(a) option 1)
    GENERAL = "general"  # general written authorisation (SCC 7.7(a) option 2)


class TransferMechanism(StrEnum):
    """Chapter V tools for a transfer outside the EEA."""

    ADEQUACY = "adequacy"  # Art. 45 (for the USA: only DPF-certified importers)
    SCC = "scc"  # Art. 46(2)(c), Decision 2021/914
    BCR = "bcr"  # Art. 46(2)(b) and 47
    CODE_OF_CONDUCT = "code_of_conduct"  # Art. 46(2)(e)
    CERTIFICATION = "certification"  # Art. 46(2)(f)
    AD_HOC_CLAUSES = "ad_hoc_clauses"  # Art. 46(3)(a)
    DEROGATION = "derogation"  # Art. 49


class SccModule(StrEnum):
    """Modules of the transfer clauses 2021/914."""

    C2C = "module_1"
    C2P = "module_2"
    P2P = "module_3"
    P2C = "module_4"


class Derogation(StrEnum):
    """Art. 49(1) derogations."""

    EXPLICIT_CONSENT = "a_explicit_consent"
    CONTRACT_WITH_SUBJECT = "b_contract_with_data_subject"
    CONTRACT_IN_INTEREST = "c_contract_in_data_subject_interest"
    PUBLIC_INTEREST = "d_public_interest"
    LEGAL_CLAIMS = "e_legal_claims"
    VITAL_INTERESTS = "f_vital_interests"
    PUBLIC_REGISTER = "g_public_register"
    COMPELLING_LEGITIMATE_INTERESTS = "second_subparagraph"


class SecurityCategory(StrEnum):
    """The measure categories of Annex III of Decision 2021/915 (checklist TOM-01..17)."""

    PSEUDONYMISATION_ENCRYPTION = "TOM-01"
    CONFIDENTIALITY_INTEGRITY_AVAILABILITY = "TOM-02"
    RESTORE = "TOM-03"
    TESTING = "TOM-04"
    IDENTIFICATION_AUTHORISATION = "TOM-05"
    TRANSMISSION = "TOM-06"
    STORAGE = "TOM-07"
    PHYSICAL = "TOM-08"
    LOGGING = "TOM-09"
    CONFIGURATION = "TOM-10"
    GOVERNANCE = "TOM-11"
    CERTIFICATION = "TOM-12"
    MINIMISATION = "TOM-13"
    QUALITY = "TOM-14"
    RETENTION = "TOM-15"
    ACCOUNTABILITY = "TOM-16"
    PORTABILITY_ERASURE = "TOM-17"


class EndAction(StrEnum):
    """What happens to the data at the end of the services (Art. 28(3)(g))."""

    CONTROLLER_CHOICE = "controller_choice"
    RETURN_THEN_DELETE = "return_then_delete"
    DELETE = "delete"
    RETURN = "return"


class CostBearer(StrEnum):
    """Who pays for an audit."""

    CONTROLLER = "controller"
    PROCESSOR = "processor"
    SHARED = "shared"


class RecipientKind(StrEnum):
    """Kinds of recipient (Art. 13(1)(e))."""

    INTERNAL = "internal"
    PROCESSOR = "processor"
    PARTNER = "partner"
    AUTHORITY = "authority"
    AUDITOR = "auditor"
    DEBT_COLLECTOR = "debt_collector"
    OTHER = "other"


class MarketingChannel(StrEnum):
    """Channels of direct marketing."""

    EMAIL = "email"
    SMS = "sms"
    PHONE = "phone"
    POST = "post"
    PUSH = "push"


class DpiaStatus(StrEnum):
    """Where the data-protection impact assessment of an activity stands (Art. 35)."""

    CARRIED_OUT = "carried_out"
    NOT_REQUIRED = "not_required"
    PLANNED = "planned"


class Art22Exception(StrEnum):
    """Art. 22(2) exceptions allowing a decision based solely on automated processing."""

    CONTRACT = "a_contract"  # necessary for a contract with the person
    LAW = "b_law"  # authorised by Union or Member State law
    EXPLICIT_CONSENT = "c_explicit_consent"


class Art22Safeguard(StrEnum):
    """The Art. 22(3) safeguards offered against a solely automated decision."""

    HUMAN_INTERVENTION = "human_intervention"
    EXPRESS_VIEW = "express_view"
    CONTEST = "contest"
