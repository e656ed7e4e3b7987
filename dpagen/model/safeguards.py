"""How the data is protected: hosting, transfers, subprocessors, breaches, audits, security, end of contract."""

from __future__ import annotations

import datetime as dt

from pydantic import EmailStr, Field, model_validator

from .base import CountryCode, Days, Hours, Strict, Url, error
from .enums import CostBearer, Derogation, EndAction, SccModule, SecurityCategory, SubprocessorRegime
from .enums import TransferMechanism as Mechanism
from .parties import Address, Person


class TransferSafeguard(Strict):
    """The Chapter V tool relied on for a transfer outside the EEA."""

    mechanism: Mechanism
    scc_module: SccModule | None = Field(None, description="Module of the 2021/914 clauses, when mechanism is scc")
    derogation: Derogation | None = Field(None, description="Art. 49(1) point, when mechanism is derogation")
    dpf_certified: bool = Field(False, description="US importer certified under the Data Privacy Framework")
    details: str | None = Field(None, description="Supplementary measures, where to obtain a copy, …")


class HostingSite(Strict):
    """A place where the data is hosted."""

    provider: str | None = Field(None, description="e.g. 'OVHcloud'")
    country: CountryCode | None = None
    city: str | None = None
    scope: str | None = Field(None, description="What is hosted there, e.g. 'the website', 'the platform'")
    certifications: list[str] = Field(default_factory=list, description="e.g. ISO 27001, HDS, PCI-DSS")
    url: Url | None = Field(None, description="Page describing the provider's security measures")
    transfer: TransferSafeguard | None = Field(None, description="Required when the site is outside the EEA")


class Hosting(Strict):
    """Where the data lives and the transfer statement made to the reader."""

    sites: list[HostingSite] = Field(default_factory=list)
    no_transfer_outside_eea: bool = Field(
        True, description="The documents state that no personal data leaves the EEA"
    )
    transfer_notice: bool = Field(True, description="The processor informs the controller before any new transfer")
    processor_transfer: TransferSafeguard | None = Field(
        None,
        description="When the processor itself is established outside the EEA: the Chapter V tool covering the "
        "transfer of the data to it (e.g. the standard clauses, module 2)",
    )


class Subprocessor(Strict):
    """Another processor engaged by the processor (Art. 28(2) and (4))."""

    name: str = Field(description="e.g. 'OVHcloud'")
    entity: str | None = Field(None, description="Legal entity, e.g. 'OVH SAS'")
    address: Address | None = Field(
        None, description="Postal address of the legal entity (Annex IV; required for the final contract)"
    )
    country: CountryCode | None = Field(None, description="Country of establishment")
    activity: str | None = Field(None, description="What it does with the data, e.g. 'hosting'")
    data_locations: list[CountryCode] = Field(default_factory=list, description="Where it stores or accesses data")
    transfer: TransferSafeguard | None = Field(None, description="Required when outside the EEA")
    contact: Person | None = Field(
        None,
        description="Contact person: name, position and e-mail or phone (Annex IV; required for the final "
        "contract)",
    )
    certifications: list[str] = Field(default_factory=list)
    date_added: dt.date | None = None


class SubprocessorPolicy(Strict):
    """How subprocessors are authorised and announced (Art. 28(2))."""

    regime: SubprocessorRegime = SubprocessorRegime.GENERAL
    notice_days: Days | None = Field(30, description="Prior notice of an addition or replacement, in days")
    objection_days: Days | None = Field(15, description="Time the controller has to object, in days")
    channel: str | None = Field(None, description="How changes are announced, e.g. 'e-mail to the account owner'")
    vetting: str | None = Field(None, description="How subprocessors are chosen and checked")
    list_url: Url | None = Field(None, description="Where the up-to-date list is published")


class BreachNotification(Strict):
    """Notification of personal-data breaches by the processor (Art. 33(2))."""

    notice_hours: Hours | None = Field(
        48,
        description="Outer limit, in hours from awareness, of the processor's notice to the controller: its "
        "first alert when full_information_hours is set, else a single notice with all the information",
    )
    channel: str | None = Field(None, description="e.g. 'e-mail and phone'")
    recipient: EmailStr | None = Field(None, description="Address of the controller that receives the notice")
    processor_contact: EmailStr | None = Field(None, description="Processor's contact point for breaches")
    processor_notifies_authority: bool = Field(
        False, description="The processor notifies the supervisory authority on the controller's behalf"
    )
    full_information_hours: Hours | None = Field(
        None,
        description="For a notice in phases (Art. 33(4)): outer limit, in hours from awareness, by which the "
        "processor completes the Art. 33(3) information after its first alert (notice_hours); not set: a "
        "single notice",
    )

    @model_validator(mode="after")
    def _phases_in_order(self) -> BreachNotification:
        first, full = self.notice_hours, self.full_information_hours
        if first is not None and full is not None and full < first:
            raise error(
                "breach_phases",
                f"full_information_hours ({full}) cannot be shorter than notice_hours ({first}): the full "
                "information follows the first alert",
                f"full_information_hours ({full}) ne peut être inférieur à notice_hours ({first}) : "
                "l'information complète suit la première alerte",
            )
        return self

    @property
    def phased(self) -> bool:
        """Whether the notice comes in two phases: a first alert, then the full information."""
        return self.full_information_hours is not None and self.full_information_hours != self.notice_hours


class AuditRights(Strict):
    """Information and audits (Art. 28(3)(h))."""

    on_site: bool = True
    documentary: bool = True
    notice_days: Days | None = 30
    max_per_year: int | None = Field(
        1, ge=0, le=52, description="Audits per year, outside a breach or an authority request"
    )
    cost: CostBearer = CostBearer.CONTROLLER
    third_party_auditor: bool = Field(True, description="The controller may mandate an independent auditor")
    auditor_confidentiality: bool = Field(True, description="The auditor is bound to confidentiality")
    accepted_certifications: list[str] = Field(
        default_factory=list, description="Certifications or reports accepted in place of an audit"
    )
    breach_shifts_cost: bool = Field(
        True,
        description="When an audit reveals a material breach by the processor, the processor bears its costs "
        "(the contract and the processor charter both say so)",
    )


class SecurityMeasure(Strict):
    """A technical or organisational measure (Art. 32, Annex III)."""

    category: SecurityCategory
    description: str


class Assistance(Strict):
    """Assistance owed to the controller (Art. 28(3)(e) and (f))."""

    dsr_forward_days: Days | None = Field(5, description="Forwarding delay of a data-subject request, in days")
    dsr_channel: str | None = Field(None, description="How requests are forwarded, e.g. 'e-mail to dpo@…'")
    dpia: bool = True
    prior_consultation: bool = True
    billable: bool = Field(False, description="Assistance beyond the services is invoiced at agreed rates")


class EndOfContract(Strict):
    """What happens to the data at the end of the services (Art. 28(3)(g))."""

    action: EndAction = EndAction.CONTROLLER_CHOICE
    delay_days: Days | None = 30
    backups_days: Days | None = Field(None, description="When copies in backups are overwritten, in days")
    certificate: bool = Field(True, description="Deletion is confirmed in writing")
    return_format: str | None = Field(
        None,
        description="Format of returned data: structured, commonly used, machine-readable, and the standard "
        "it follows where there is one, e.g. 'CSV (RFC 4180) files and a JSON export'",
    )
    legal_retention: str | None = Field(None, description="Data kept because the law requires it, and why")
