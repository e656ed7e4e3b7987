"""Optional clauses of the contract that a legal team switches on, and the facts they need."""

from __future__ import annotations

from pydantic import EmailStr, Field

from .base import Strict
from .parties import Address


class OptionalClauses(Strict):
    """Clauses the contract leaves out unless the parties ask for them (each is a plain yes/no)."""

    docking: bool = Field(
        False,
        description="Other entities may accede to the contract later as controller or processor, with every "
        "party's agreement (in the spirit of clause 5 of the Commission's clauses 2021/915)",
    )
    notices: bool = Field(
        False,
        description="Formal notices go to the addresses agreed for each party (contract.notice_contacts, "
        "required when this is on)",
    )
    change_of_law: bool = Field(
        False,
        description="The parties adapt the contract when data-protection law, standard clauses or the "
        "authorities' guidance change",
    )


class NoticeContact(Strict):
    """Where one party receives formal notices under the contract."""

    attention: str | None = Field(
        None, description="For the attention of: a person or a function, e.g. 'Direction juridique'"
    )
    email: EmailStr | None = None
    address: Address | None = Field(None, description="Postal address for notices sent by registered letter")


class NoticeContacts(Strict):
    """The notice contact of each party (the notices clause)."""

    controller: NoticeContact | None = None
    processor: NoticeContact | None = None
