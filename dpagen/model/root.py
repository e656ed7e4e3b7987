"""The root of a description: one controller–processor relationship, saved as JSON."""

from __future__ import annotations

import datetime as dt

from pydantic import ConfigDict, Field, field_validator

from .base import CountryCode, Strict, check_text
from .enums import Language, Role
from .notice import Authority, Changes, Cookie, JointController, Marketing, Minors, Recipient, Rights
from .optional import NoticeContacts, OptionalClauses
from .parties import Party
from .processing import MainAgreement, ProcessingActivity, Service, Term
from .safeguards import (
    Assistance,
    AuditRights,
    BreachNotification,
    EndOfContract,
    HealthData,
    Hosting,
    SecurityMeasure,
    Subprocessor,
    SubprocessorPolicy,
)

SCHEMA_VERSION = 1


class VersionEntry(Strict):
    """One published version of the documents, for the dated history a charter and a list carry."""

    version: str = Field(description="e.g. '2.1'")
    date: dt.date = Field(description="When this version took effect")
    changes: str | None = Field(None, description="What changed, in a sentence, e.g. 'Brevo added for e-mails'")


class DocumentInfo(Strict):
    """Facts about the documents themselves."""

    language: Language = Language.FR
    output_language: Language | None = Field(
        None,
        description="Language the documents are drafted in when it is not the one the description is "
        "written in (e.g. an English-speaking client of a French profile); `--lang` overrides it",
    )
    effective_date: dt.date | None = None
    last_update: dt.date | None = None
    first_published: dt.date | None = Field(
        None, description="When the first version took effect, if this version replaces earlier ones"
    )
    version: str | None = Field(None, description="e.g. '2.1'")
    reference: str | None = Field(None, description="Internal reference, e.g. 'DPA-2026-014'")
    history: list[VersionEntry] = Field(
        default_factory=list,
        description="Earlier and current versions, oldest first: the processor charter and the subprocessor "
        "list print them as a dated history",
    )


class Signatory(Strict):
    """A person who signs the contract for a party."""

    party: Role
    name: str | None = None
    title: str | None = None
    place: str | None = None
    date: dt.date | None = None


class ContractTerms(Strict):
    """Final provisions of the contract."""

    liability: str | None = Field(None, description="Liability regime or cap agreed between the parties")
    governing_law: CountryCode = "FR"
    jurisdiction: str | None = Field(None, description="e.g. 'Tribunal de commerce de Lyon'")
    controller_undertakings: list[str] = Field(
        default_factory=list,
        description="Controller's undertakings beyond the standard clauses, e.g. 'report a hacked account'",
    )
    processor_undertakings: list[str] = Field(
        default_factory=list,
        description="Processor's undertakings beyond the standard clauses, "
        "e.g. 'review its measures after a breach'",
    )
    signatories: list[Signatory] = Field(default_factory=list)
    optional_clauses: OptionalClauses = Field(
        default_factory=OptionalClauses,
        description="Optional clauses switched on: docking, notices, change of law",
    )
    notice_contacts: NoticeContacts = Field(
        default_factory=NoticeContacts,
        description="Each party's address for formal notices (required when optional_clauses.notices is on)",
    )


class Description(Strict):
    """One controller–processor relationship, from which every document is drafted."""

    model_config = ConfigDict(populate_by_name=True, title="dpagen description")

    schema_ref: str | None = Field(None, alias="$schema", description="JSON Schema address, for editors")
    schema_version: int = Field(SCHEMA_VERSION, ge=1, le=SCHEMA_VERSION)
    extends: str | None = Field(
        None,
        description="A profile this description builds on (path relative to this file): objects are merged "
        "key by key, lists and single values replaced, null clears the profile's value. "
        "`dpagen resolve FILE` prints the merged description",
    )
    document: DocumentInfo = Field(default_factory=DocumentInfo)
    publisher: Role | None = Field(
        None, description="Whose public charters are drafted (default: the processor if any)"
    )
    controller: Party | None = None
    processor: Party | None = None
    main_agreement: MainAgreement | None = None
    services: list[Service] = Field(default_factory=list)
    activities: list[ProcessingActivity] = Field(default_factory=list)
    processor_own_activities: list[ProcessingActivity] = Field(
        default_factory=list,
        description="Processing the processor carries out as a controller in its own right (its customer "
        "relationship, its own marketing): stated in its public charter, never in the contract",
    )
    term: Term | None = None
    hosting: Hosting = Field(default_factory=Hosting)
    subprocessor_policy: SubprocessorPolicy = Field(default_factory=SubprocessorPolicy)
    subprocessors: list[Subprocessor] = Field(default_factory=list)
    breach: BreachNotification = Field(default_factory=BreachNotification)
    audits: AuditRights = Field(default_factory=AuditRights)
    security_measures: list[SecurityMeasure] = Field(default_factory=list)
    assistance: Assistance = Field(default_factory=Assistance)
    end_of_contract: EndOfContract = Field(default_factory=EndOfContract)
    recipients: list[Recipient] = Field(default_factory=list)
    data_sold: bool = Field(False, description="Personal data is sold or rented to third parties")
    cookies: list[Cookie] = Field(default_factory=list)
    cookie_settings: str | None = Field(None, description="How to refuse or withdraw consent to cookies")
    marketing: Marketing | None = None
    joint_controllers: list[JointController] = Field(
        default_factory=list, description="Controllers who decide jointly with the controller (Art. 26)"
    )
    minors: Minors = Field(default_factory=Minors)
    rights: Rights = Field(default_factory=Rights)
    authority: Authority = Field(
        default_factory=Authority,
        description="The controller's supervisory authority: by default the one of its main establishment in the "
        "EEA (dpagen/data/authorities.toml); fields given here replace the shipped data's",
    )
    changes: Changes = Field(default_factory=Changes)
    contract: ContractTerms = Field(default_factory=ContractTerms)
    translations: dict[Language, dict[str, str]] = Field(
        default_factory=dict,
        description="The description's own texts in another language, for documents in that language: "
        "for each language, each text exactly as written above → its translation ('' = not translated yet). "
        "`dpagen translations FILE --lang en` lists the texts still to translate",
    )
    processor_authority: Authority = Field(
        default_factory=Authority,
        description="The processor's own supervisory authority (the one of its main establishment in the EEA), "
        "named in the contract and in its charter: fields given replace the shipped data's. `authority` is the "
        "controller's",
    )

    health: HealthData = Field(
        default_factory=HealthData,
        description="Health data: whether French hosting law applies, the processor's HDS certification, "
        "professional secrecy under Art. 9(3)",
    )

    @field_validator("translations")
    @classmethod
    def _clean_translations(cls, value: dict[Language, dict[str, str]]) -> dict[Language, dict[str, str]]:
        """Keys and translations trimmed, free of control characters; a key is never empty."""
        clean: dict[Language, dict[str, str]] = {}
        for language, table in value.items():
            clean[language] = {}
            for source, text in table.items():
                for item in (source, text):
                    check_text(item)
                if not source.strip():
                    raise ValueError(f"{language.value}: a text to translate cannot be empty")
                clean[language][source.strip()] = text.strip()
        return clean

    @property
    def output_language(self) -> str:
        """The language documents are drafted in by default: ``document.output_language``, else the own one."""
        return (self.document.output_language or self.document.language).value

    @property
    def charter_publisher(self) -> Role:
        """Whose public charter is drafted: explicit, else the processor when there is one."""
        if self.publisher is not None:
            return self.publisher
        return Role.PROCESSOR if self.processor is not None else Role.CONTROLLER
