"""What a privacy notice adds: recipients, cookies, marketing, rights, authority, changes."""

from __future__ import annotations

from pydantic import EmailStr, Field

from .base import CountryCode, Days, Strict, Url
from .enums import LegalBasis, MarketingChannel, RecipientKind
from .parties import Address
from .safeguards import TransferSafeguard


class Recipient(Strict):
    """A recipient or category of recipients (Art. 13(1)(e))."""

    name: str = Field(description="e.g. 'Accounting team', 'Stripe', 'Tax authorities on request'")
    kind: RecipientKind = RecipientKind.OTHER
    purpose: str | None = None
    country: CountryCode | None = None
    address: Address | None = Field(None, description="Postal address, when the notice names the recipient")
    transfer: TransferSafeguard | None = Field(
        None, description="Chapter V tool when the recipient gets the data outside the EEA (Art. 13(1)(f))"
    )


class Cookie(Strict):
    """A cookie or other tracker (art. 82 loi 78-17)."""

    name: str
    provider: str | None = Field(None, description="Who sets it, e.g. 'Google Analytics'")
    purpose: str | None = None
    lifetime_months: int | None = Field(None, ge=0, le=120)
    consent_required: bool = True
    country: CountryCode | None = Field(None, description="Where the provider receives the data")
    opt_out_url: Url | None = None
    info_url: Url | None = Field(None, description="The provider's page on privacy and security of this tool")
    transfer: TransferSafeguard | None = Field(
        None, description="Chapter V tool when the provider receives the data outside the EEA"
    )


class Marketing(Strict):
    """Direct marketing sent by the controller."""

    channels: list[MarketingChannel] = Field(default_factory=list)
    legal_basis: LegalBasis | None = None
    opt_out: str | None = Field(None, description="How to object, e.g. 'unsubscribe link in every e-mail'")


class Rights(Strict):
    """How data subjects exercise their rights (Art. 12, 15-22)."""

    response_days: Days = Field(30, description="Answer time; the GDPR allows one month, extendable by two")
    identity_check: str | None = Field(None, description="What proof of identity may be asked, and when")
    post_mortem: bool = Field(True, description="Mention directives on data after death (loi 78-17 art. 85)")
    channels: list[str] = Field(default_factory=list, description="Other ways: account settings, web form, …")


class Authority(Strict):
    """A supervisory authority as the documents name it: each field given replaces the shipped data's.

    Left out, the authority comes from ``dpagen/data/authorities.toml``: the one of the party's main
    establishment in the EEA (Art. 56). A field set to null removes the shipped value.
    """

    name: str | None = Field(
        None, description="e.g. 'Bayerisches Landesamt für Datenschutzaufsicht' (default: from the shipped list)"
    )
    address: Address | None = Field(None, description="Postal address (default: from the shipped list)")
    url: Url | None = Field(None, description="Website or complaint page (default: from the shipped list)")
    email: EmailStr | None = None


class Changes(Strict):
    """How changes to the documents are announced."""

    notice_days: Days | None = Field(None, description="Days of notice before a change takes effect")
    channel: str | None = Field(None, description="e.g. 'e-mail to account holders and a banner'")
    url: Url | None = Field(None, description="Where the current version of the documents is published")


class JointController(Strict):
    """Another controller deciding purposes and means together with the controller (Art. 26)."""

    name: str = Field(description="e.g. 'Okasio Events SAS'")
    processing: str | None = Field(None, description="What is decided jointly, e.g. 'the co-organised events'")
    arrangement: str | None = Field(
        None,
        description="The essence of the arrangement (Art. 26(2)): who informs people, who answers their requests, "
        "who notifies breaches",
    )
    email: EmailStr | None = Field(None, description="Where people can write to this joint controller")
    url: Url | None = Field(None, description="Where the essence of the arrangement is published, if anywhere")


class Minors(Strict):
    """Children using online services offered directly to them (Art. 8 GDPR, art. 45 loi 78-17)."""

    offered: bool = Field(False, description="The online services are offered directly to people under 18")
    minimum_age: int | None = Field(None, ge=0, le=17, description="The youngest age allowed to use the services")
    parental_consent: str | None = Field(
        None,
        description="Below 15 in France, how the holders of parental authority give consent together with the "
        "child, e.g. 'a parent confirms by e-mail'",
    )
