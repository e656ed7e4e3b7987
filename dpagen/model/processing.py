"""What is processed: services, activities, purposes, data categories, retention, duration."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from .base import Strict, error
from .enums import (
    Art9Condition,
    Art22Exception,
    Art22Safeguard,
    DataSource,
    DpiaStatus,
    DurationUnit,
    Frequency,
    LegalBasis,
    RetentionStart,
    SpecialCategory,
)


class MainAgreement(Strict):
    """The services agreement the data processing agreement attaches to."""

    title: str | None = Field(None, description="e.g. 'Conditions générales de vente AVM Up'")
    reference: str | None = None
    date: dt.date | None = None


class Service(Strict):
    """A service or product concerned by the processing."""

    name: str
    description: str | None = None


class Duration(Strict):
    """A length of time, e.g. 3 years."""

    value: int = Field(ge=0, le=1200)
    unit: DurationUnit


class Retention(Strict):
    """How long a data category is kept, and from when."""

    duration: Duration | None = None
    start: RetentionStart | None = Field(None, description="The event the period runs from")
    criteria: str | None = Field(None, description="Criteria when no fixed period applies, or a precision")
    basis: str | None = Field(None, description="Legal reference justifying the period, e.g. 'art. L123-22 C. com.'")
    then: str | None = Field(None, description="What happens after, e.g. 'anonymised', 'intermediate archive'")


class DataCategory(Strict):
    """A category of personal data (Art. 28(3) 'type of personal data')."""

    name: str = Field(description="e.g. 'Identification data'")
    examples: str | None = Field(None, description="e.g. 'surname, first name, company'")
    mandatory: bool | None = Field(None, description="Whether the person must provide it (Art. 13(2)(e))")
    consequence_if_missing: str | None = Field(None, description="What happens if it is not provided")
    source: DataSource | None = None
    source_detail: str | None = Field(None, description="Which third party or public source (Art. 14(2)(f))")
    retention: Retention | None = None
    special_category: SpecialCategory | None = Field(None, description="Art. 9 category, if any")
    art9_condition: Art9Condition | None = Field(None, description="Art. 9(2) condition relied on")
    criminal_offence: bool = Field(False, description="Data on criminal convictions and offences (Art. 10)")


class Purpose(Strict):
    """A purpose of processing with its Art. 6 legal basis."""

    description: str = Field(description="e.g. 'Managing customer accounts and billing'")
    legal_basis: LegalBasis | None = None
    legitimate_interest: str | None = Field(None, description="The interest pursued, when the basis is 6(1)(f)")
    data: list[str] = Field(default_factory=list, description="Names of the data categories used")


class AutomatedDecision(Strict):
    """Automated decision-making, including profiling (Art. 22)."""

    logic: str | None = None
    significance: str | None = Field(None, description="Significance and envisaged consequences")
    decision: str | None = Field(
        None, description="What is decided, e.g. 'whether an order may be paid in instalments'"
    )
    solely_automated: bool = Field(
        True,
        description="The decision is taken with no meaningful human involvement (Art. 22(1)); false when a "
        "person reviews each outcome and may change it",
    )
    legal_effect: bool = Field(
        True,
        description="The decision produces legal effects for the person or similarly significantly affects "
        "them (Art. 22(1)), e.g. refusing credit, a job or access to a service",
    )
    exception: Art22Exception | None = Field(
        None,
        description="Art. 22(2) exception relied on for a solely automated decision with legal or similar "
        "effect: a_contract (necessary for a contract with the person), b_law (authorised by Union or Member "
        "State law), c_explicit_consent",
    )
    law: str | None = Field(None, description="The law authorising the decision, when the exception is b_law")
    safeguards: list[Art22Safeguard] = Field(
        default_factory=list,
        description="Art. 22(3) safeguards offered (required with a_contract and c_explicit_consent): "
        "human_intervention, express_view, contest",
    )

    @property
    def restricted(self) -> bool:
        """Whether Art. 22(1) applies: solely automated, with legal or similarly significant effect."""
        return self.solely_automated and self.legal_effect


class Dpia(Strict):
    """Where the data-protection impact assessment of an activity stands (Art. 35)."""

    status: DpiaStatus = Field(
        description="carried_out (give its date), not_required (give the reason) or planned (give when)"
    )
    date: dt.date | None = Field(
        None, description="When it was carried out, or when it will be completed if planned"
    )
    reason: str | None = Field(
        None,
        description="Why no assessment is required, e.g. 'not on the CNIL list; no large-scale sensitive data, "
        "no systematic monitoring, no automated decision'",
    )


class ProcessingActivity(Strict):
    """One processing activity carried out in the relationship."""

    name: str = Field(description="e.g. 'Sending SMS campaigns'")
    nature: list[str] = Field(default_factory=list, description="Operations: collection, storage, sending, …")
    purposes: list[Purpose] = Field(default_factory=list)
    data_subjects: list[str] = Field(default_factory=list, description="e.g. 'Clients', 'Prospects'")
    data_categories: list[DataCategory] = Field(default_factory=list)
    collection_points: list[str] = Field(
        default_factory=list, description="When data is collected: sign-up, payment, contact form, …"
    )
    frequency: Frequency | None = None
    large_scale: bool = False
    automated_decisions: list[AutomatedDecision] = Field(default_factory=list)
    systematic_monitoring: bool = Field(
        False,
        description="The activity monitors people regularly and systematically: tracking of behaviour or "
        "location, profiling for advertising, video surveillance, employee monitoring (Arts 35(3)(c), 37(1)(b))",
    )
    dpia: Dpia | None = Field(None, description="The data-protection impact assessment (Art. 35)")

    @model_validator(mode="after")
    def _unique_category_names(self) -> ProcessingActivity:
        names = [c.name for c in self.data_categories]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            listed = ", ".join(dupes)
            raise error("duplicate_category", f"data category names must be unique within an activity: {listed}",
                        f"chaque catégorie de données porte un nom distinct dans un traitement : {listed}")
        return self


class Term(Strict):
    """Duration of the processing (Art. 28(3))."""

    start: dt.date | None = None
    end: dt.date | None = None
    description: str | None = Field(
        None, description="e.g. 'for the term of the main agreement and until the data is deleted'"
    )
