"""The parties: controller, processor, their contacts and representatives."""

from __future__ import annotations

from pydantic import EmailStr, Field, field_validator

from ..geo import in_eea
from .base import CountryCode, Phone, Siren, Siret, Strict, Url, VatNumber, error


class Address(Strict):
    """A postal address."""

    street: str | None = Field(None, description="Street and number, e.g. '8 rue du Chevalier Français'")
    postal_code: str | None = Field(None, max_length=16)
    city: str | None = None
    country: CountryCode | None = Field(None, description="ISO 3166-1 alpha-2 code of the country")


class Person(Strict):
    """A named person acting for a party (representative, signatory)."""

    name: str | None = None
    title: str | None = Field(None, description="Position, e.g. 'Président', 'Managing Director'")
    email: EmailStr | None = None
    phone: Phone | None = None


class Contact(Strict):
    """A contact point: a DPO, a security officer, the service handling rights requests."""

    name: str | None = Field(None, description="Name of the person or the team")
    email: EmailStr | None = None
    phone: Phone | None = None
    address: Address | None = Field(None, description="Postal address for written requests")
    url: Url | None = Field(None, description="Web form or page for requests")


class Registration(Strict):
    """Company registration: French identifiers or a foreign equivalent."""

    rcs_city: str | None = Field(None, description="City of the RCS registry, e.g. 'Lyon'")
    siren: Siren | None = None
    siret: Siret | None = None
    vat_number: VatNumber | None = None
    other: str | None = Field(None, description="Foreign registration, e.g. 'Companies House 01234567'")


class EuRepresentative(Strict):
    """Art. 27 representative of a party established outside the EU."""

    name: str | None = None
    address: Address | None = None
    email: EmailStr | None = None


class Party(Strict):
    """A company (or body) that is party to the relationship."""

    legal_name: str | None = Field(None, description="Registered name, e.g. 'AVM Informatique'")
    brand: str | None = Field(None, description="Trading name, e.g. 'AVM Up'")
    legal_form: str | None = Field(None, description="e.g. 'SAS', 'SARL', 'GmbH', 'Ltd'")
    share_capital: str | None = Field(None, description="As written in the company's papers, e.g. '10 000 €'")
    registration: Registration | None = None
    address: Address | None = None
    representative: Person | None = Field(None, description="Who signs and represents the party")
    email: EmailStr | None = Field(None, description="General contact e-mail")
    phone: Phone | None = None
    website: Url | None = None
    certifications: list[str] = Field(
        default_factory=list, description="The company's own certifications, e.g. ISO 9001, ISO 27001"
    )
    dpo: Contact | None = Field(None, description="Data protection officer (Art. 37-39)")
    security_officer: Contact | None = Field(None, description="Security officer (RSSI / CISO)")
    rights_contact: Contact | None = Field(None, description="Where data subjects send their requests")
    eu_representative: EuRepresentative | None = Field(None, description="Art. 27 representative")
    main_establishment: CountryCode | None = Field(
        None,
        description="EEA state of the party's main establishment in the EEA (Art. 4(16)), when the registered "
        "office is elsewhere, e.g. 'IE' for a US company whose European headquarters are in Dublin; empty "
        "for a party with no establishment in the EEA (its supervisory authority follows from it, Art. 56)",
    )

    @field_validator("main_establishment")
    @classmethod
    def _in_eea(cls, value: str | None) -> str | None:
        """A main establishment in the EEA, or none."""
        if value is not None and not in_eea(value):
            raise error("eea_country", f"'{value}' is not an EEA state: give the EEA state of the main "
                        "establishment, or leave it empty when there is none",
                        f"« {value} » n'est pas un État de l'EEE : indiquez l'État de l'EEE de "
                        "l'établissement principal, ou laissez vide s'il n'y en a pas")
        return value

    @property
    def display_name(self) -> str | None:
        """The brand if any, else the legal name."""
        return self.brand or self.legal_name
