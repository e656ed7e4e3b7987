"""Chapter V: every place outside the EEA has a valid transfer tool, and the documents do not deny it.

Places come from subprocessors (establishment and data locations), recipients, cookie providers, hosting
sites and the processor's own address. A hosting site is covered by its own ``transfer`` or, failing that,
by a subprocessor or recipient with the same provider name that states a tool.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..facts import controller_own_site
from ..geo import in_eea
from ..model import Description, TransferMechanism, TransferSafeguard
from .adequacy import adequacy_gap, decision_for, fully_adequate
from .common import outside_eea, places, same_name
from .finding import DOCUMENTS
from .registry import ANY, Countries, Hit, Words, hit, rule

_NOTICE_DOCS = ("privacy-notice", "processor-charter")
_NO_DECISION = Words(
    "aucune décision d'adéquation ne couvre ce pays", "no adequacy decision covers that country"
)
_NOT_CERTIFIED = Words(
    "la décision ne couvre que les entreprises certifiées au Data Privacy Framework, ce que "
    "« dpf_certified » n'affirme pas",
    "the decision covers only companies certified under the Data Privacy Framework, which 'dpf_certified' "
    "does not state",
)
_STRUCTURAL = Words(
    "les dérogations valent pour des transferts occasionnels, pas pour un sous-traitant qui reçoit des "
    "données en continu ; préférez les clauses types",
    "derogations are meant for occasional transfers, not for a subprocessor that receives data all the "
    "time; use the standard clauses instead",
)


@dataclass(frozen=True)
class Place:
    """Something that receives data, with its countries outside the EEA and its stated tool."""

    path: str
    name: str
    kind: str  # subprocessor, recipient, cookie, site, processor
    codes: tuple[str, ...]
    safeguard: TransferSafeguard | None
    documents: tuple[str, ...]
    tool: str = ""
    """The path of its transfer tool (``subprocessors[2].transfer``)."""

    def __post_init__(self) -> None:
        if not self.tool:
            object.__setattr__(self, "tool", f"{self.path}.transfer")


def receivers(d: Description) -> list[Place]:
    """Whatever receives data, with the countries outside the EEA it reaches.

    Subprocessors, recipients, cookie providers, hosting sites with their own tool, and the processor itself.
    """
    def abroad(*codes: str | None) -> tuple[str, ...]:
        return tuple(outside_eea([c for c in codes if c]))

    out = [
        Place(f"subprocessors[{i}]", s.name, "subprocessor", abroad(*places(s)), s.transfer, DOCUMENTS)
        for i, s in enumerate(d.subprocessors)
    ]
    out += [
        Place(f"recipients[{i}]", r.name, "recipient", abroad(r.country), r.transfer, _NOTICE_DOCS)
        for i, r in enumerate(d.recipients)
    ]
    out += [
        Place(f"cookies[{i}]", c.provider or c.name, "cookie", abroad(c.country), c.transfer, _NOTICE_DOCS)
        for i, c in enumerate(d.cookies)
    ]
    out += [
        Place(f"hosting.sites[{i}]", s.provider or s.city or "", "site", abroad(s.country), s.transfer, DOCUMENTS)
        for i, s in enumerate(d.hosting.sites)
        if s.transfer is not None
    ]
    p = d.processor
    if p is not None and p.address is not None and abroad(p.address.country):
        out.append(Place("processor.address.country", p.display_name or "processor", "processor",
                         abroad(p.address.country), d.hosting.processor_transfer, DOCUMENTS,
                         "hosting.processor_transfer"))
    return out


def _site_covered(d: Description, provider: str | None) -> bool:
    return any(p.safeguard is not None and same_name(p.name, provider) for p in receivers(d)) or any(
        s.transfer is not None and same_name(s.entity, provider) for s in d.subprocessors
    )


@rule(
    "TRANSFER-NO-MECHANISM",
    section="transfers",
    severity="error",
    articles=("Art. 44", "Art. 46(1)", "Art. 13(1)(f)"),
    checklist=("SCC-7.8a", "EDPB-TRANS", "T46-2c", "INF-TRF", "R30-1e", "EDPB-OP22"),
    scope=ANY,
    summary={
        "fr": "Toute donnée qui sort de l'EEE (hors pays pleinement adéquat) a un outil de transfert "
        "déclaré.",
        "en": "Any data leaving the EEA (other than to a fully adequate country) has a stated transfer tool.",
    },
    message={
        "fr": "« {name} » reçoit des données hors de l'EEE ({countries}) sans outil de transfert : un tel "
        "transfert est interdit ; indiquez le mécanisme (clauses types, BCR, adéquation…) ou changez de "
        "prestataire.",
        "en": "'{name}' receives data outside the EEA ({countries}) with no transfer tool: such a transfer "
        "is forbidden; state the mechanism (standard clauses, BCRs, adequacy…) or change provider.",
    },
)
def transfer_no_mechanism(d: Description) -> Iterator[Hit]:
    """Outside the EEA, not fully adequate, no tool."""
    for p in receivers(d):
        if p.codes and p.safeguard is None and not all(fully_adequate(c) for c in p.codes):
            yield hit(p.tool, p.documents, name=p.name, countries=Countries(p.codes))
    for i, s in enumerate(d.hosting.sites):
        if s.country is None or in_eea(s.country) or fully_adequate(s.country) or controller_own_site(d, s):
            continue
        if not _site_covered(d, s.provider):
            name = s.provider or s.city or s.country
            yield hit(f"hosting.sites[{i}]", DOCUMENTS, name=name, countries=Countries((s.country,)))


@rule(
    "TRANSFER-ADEQUACY-UNSTATED",
    section="transfers",
    severity="warning",
    articles=("Art. 45(1)", "Art. 13(1)(f)"),
    checklist=("INF-TRF", "EDPB-TRANS"),
    scope=ANY,
    summary={
        "fr": "Un transfert vers un pays pleinement adéquat déclare le mécanisme « adequacy ».",
        "en": "A transfer to a fully adequate country states the mechanism 'adequacy'.",
    },
    message={
        "fr": "« {name} » reçoit des données hors de l'EEE ({countries}), où une décision d'adéquation "
        "s'applique, mais aucun mécanisme n'est déclaré : indiquez « adequacy » pour que les documents le "
        "disent.",
        "en": "'{name}' receives data in {countries}, covered by an adequacy decision, but no mechanism is "
        "stated: set 'adequacy' so that the documents say so.",
    },
)
def transfer_adequacy_unstated(d: Description) -> Iterator[Hit]:
    """Adequate country, tool left blank."""
    for p in receivers(d):
        if p.codes and p.safeguard is None and all(fully_adequate(c) for c in p.codes):
            yield hit(p.tool, p.documents, name=p.name, countries=Countries(p.codes))


@rule(
    "TRANSFER-ADEQUACY-INVALID",
    section="transfers",
    severity="error",
    articles=("Art. 45(1)", "Art. 44"),
    checklist=("ADQ-NONE", "ADQ-US"),
    scope=ANY,
    summary={
        "fr": "Le mécanisme « adequacy » n'est invoqué que pour un pays adéquat (États-Unis : entreprise "
        "certifiée DPF) ; la liste est dans dpagen/data/adequacy.toml.",
        "en": "Mechanism 'adequacy' is only used for an adequate country (USA: a DPF-certified company); "
        "the list is in dpagen/data/adequacy.toml.",
    },
    message={
        "fr": "« {name} » invoque l'adéquation ({countries}), mais {why} : le transfert n'a pas de base "
        "valable ; choisissez un autre outil (clauses types 2021/914, BCR…).",
        "en": "'{name}' relies on adequacy for {countries} although {why}: the transfer has no valid basis; "
        "choose another tool (2021/914 standard clauses, BCRs…).",
    },
)
def transfer_adequacy_invalid(d: Description) -> Iterator[Hit]:
    """Adequacy claimed where there is none."""
    for p in receivers(d):
        if p.safeguard is None or p.safeguard.mechanism is not TransferMechanism.ADEQUACY:
            continue
        for code in p.codes:
            gap = adequacy_gap(code, p.safeguard)
            where = Countries((code,))
            if gap == "none":
                why = _NO_DECISION
                yield hit(f"{p.tool}.mechanism", p.documents, name=p.name, countries=where, why=why)
            elif gap == "condition":
                why = _NOT_CERTIFIED
                path = f"{p.tool}.dpf_certified"
                yield hit(path, p.documents, name=p.name, countries=where, why=why)


@rule(
    "TRANSFER-ADEQUACY-PARTIAL",
    section="transfers",
    severity="info",
    articles=("Art. 45(1)",),
    checklist=("ADQ-CA", "ADQ-JP", "ADQ-US"),
    scope=ANY,
    summary={
        "fr": "Une adéquation partielle (Canada, Japon, États-Unis) ne couvre que certains destinataires.",
        "en": "A partial adequacy decision (Canada, Japan, USA) covers only some importers.",
    },
    message={
        "fr": "La décision d'adéquation ({countries} : {decision}) ne couvre qu'une partie des "
        "destinataires : vérifiez et conservez la preuve que « {name} » en relève.",
        "en": "The adequacy decision ({countries}: {decision}) covers only some importers: check, and keep "
        "proof, that '{name}' is one of them.",
    },
)
def transfer_adequacy_partial(d: Description) -> Iterator[Hit]:
    """Partial adequacy relied on."""
    for p in receivers(d):
        if p.safeguard is None or p.safeguard.mechanism is not TransferMechanism.ADEQUACY:
            continue
        for code in p.codes:
            decision = decision_for(code)
            if decision is not None and decision.partial and adequacy_gap(code, p.safeguard) is None:
                yield hit(p.tool, p.documents, name=p.name, countries=Countries((code,)),
                          decision=decision.decision, checklist=(decision.checklist,))


@rule(
    "TRANSFER-CLAIM-CONTRADICTED",
    section="transfers",
    severity="error",
    articles=("Art. 5(1)(a)", "Art. 13(1)(f)", "Art. 14(1)(f)"),
    checklist=("INF-TRF", "R30-1e", "EDPB-OP22"),
    scope=ANY,
    summary={
        "fr": "« Aucun transfert hors EEE » n'est pas affirmé quand un prestataire, un site, un cookie ou "
        "un destinataire est hors de l'EEE.",
        "en": "'No transfer outside the EEA' is not claimed while a provider, site, cookie or recipient is "
        "outside the EEA.",
    },
    message={
        "fr": "Les documents affirmeraient qu'aucune donnée ne quitte l'EEE, mais « {name} » se trouve hors "
        "de l'EEE ({countries}) : cette affirmation serait fausse ; mettez « "
        "hosting.no_transfer_outside_eea » à false et décrivez le transfert.",
        "en": "The documents would claim that no data leaves the EEA, but '{name}' is outside it "
        "({countries}): the claim would be false; set 'hosting.no_transfer_outside_eea' to false and "
        "describe the transfer.",
    },
)
def transfer_claim_contradicted(d: Description) -> Iterator[Hit]:
    """The EEA claim against every known place."""
    if not d.hosting.no_transfer_outside_eea:
        return
    for p in receivers(d):
        if p.codes:
            yield hit(p.path, DOCUMENTS, name=p.name, countries=Countries(p.codes))
    for i, s in enumerate(d.hosting.sites):
        if s.country and not in_eea(s.country) and not controller_own_site(d, s):
            yield hit(f"hosting.sites[{i}].country", DOCUMENTS, name=s.provider or s.city or s.country,
                      countries=Countries((s.country,)))


@rule(
    "TRANSFER-SCC-MODULE",
    section="transfers",
    severity="warning",
    articles=("Art. 46(2)(c)",),
    checklist=("T46-2c", "SCC-T-M1", "SCC-T-M2", "SCC-T-M3", "SCC-T-M4"),
    scope=ANY,
    summary={
        "fr": "Un transfert sous clauses types 2021/914 indique le module utilisé.",
        "en": "A transfer under the 2021/914 standard clauses names the module used.",
    },
    message={
        "fr": "« {name} » s'appuie sur les clauses types sans dire quel module (1 à 4) : le module dépend "
        "des rôles de l'exportateur et de l'importateur ; précisez « scc_module ».",
        "en": "'{name}' relies on the standard clauses without naming the module (1 to 4): the module "
        "depends on the exporter's and importer's roles; set 'scc_module'.",
    },
)
def transfer_scc_module(d: Description) -> Iterator[Hit]:
    """SCCs without module."""
    for p in receivers(d):
        s = p.safeguard
        if s is not None and s.mechanism is TransferMechanism.SCC and s.scc_module is None:
            yield hit(f"{p.tool}.scc_module", p.documents, name=p.name)


@rule(
    "TRANSFER-DEROGATION",
    section="transfers",
    severity="warning",
    articles=("Art. 49(1)",),
    checklist=("D49-1a", "D49-1b", "D49-1-2nd"),
    scope=ANY,
    summary={
        "fr": "Une dérogation de l'art. 49 est précisée et réservée aux transferts occasionnels.",
        "en": "An Art. 49 derogation names its point and is kept for occasional transfers.",
    },
    message={
        "fr": "« {name} » repose sur une dérogation de l'art. 49 : {why}.",
        "en": "'{name}' relies on an Art. 49 derogation: {why}.",
    },
)
def transfer_derogation(d: Description) -> Iterator[Hit]:
    """Derogation: point missing, or used for a subprocessor's structural transfers."""
    for p in receivers(d):
        s = p.safeguard
        if s is None or s.mechanism is not TransferMechanism.DEROGATION:
            continue
        if s.derogation is None:
            why = Words("précisez laquelle dans « derogation »", "say which one in 'derogation'")
            yield hit(f"{p.tool}.derogation", p.documents, name=p.name, why=why)
        if p.kind == "subprocessor":
            yield hit(f"{p.tool}.mechanism", p.documents, name=p.name, why=_STRUCTURAL)


@rule(
    "TRANSFER-LOCATION-UNKNOWN",
    section="transfers",
    severity="warning",
    articles=("Art. 28(2)", "Art. 44"),
    checklist=("EDPB-OP22", "SCC-AIV", "INF-TRF"),
    scope=ANY,
    summary={
        "fr": "Chaque sous-traitant ultérieur indique son pays, pour que les transferts puissent être "
        "vérifiés.",
        "en": "Each subprocessor states its country, so that transfers can be checked.",
    },
    message={
        "fr": "Le pays de « {name} » n'est pas indiqué : impossible de dire si des données quittent l'EEE ; "
        "renseignez « country » et, si besoin, « data_locations ».",
        "en": "The country of '{name}' is not given: nobody can tell whether data leaves the EEA; fill in "
        "'country' and, where needed, 'data_locations'.",
    },
)
def transfer_location_unknown(d: Description) -> Iterator[Hit]:
    """A subprocessor without any country."""
    for i, s in enumerate(d.subprocessors):
        if not places(s):
            yield hit(f"subprocessors[{i}].country", name=s.name)


@rule(
    "TRANSFER-MECHANISM-INSIDE-EEA",
    section="transfers",
    severity="info",
    articles=("Art. 44", "Art. 13(1)(f)"),
    checklist=("INF-TRF", "EU-27", "EEA"),
    scope=ANY,
    summary={
        "fr": "Un outil de transfert déclaré pour un destinataire situé dans l'EEE est signalé.",
        "en": "A transfer tool stated for a receiver inside the EEA is flagged.",
    },
    message={
        "fr": "« {name} » est situé dans l'EEE, où aucun outil de transfert n'est nécessaire : retirez "
        "« transfer », ou, s'il transmet les données hors de l'EEE, indiquez ce pays (« data_locations » "
        "pour un sous-traitant ultérieur).",
        "en": "'{name}' is inside the EEA, where no transfer tool is needed: remove 'transfer', or, if it "
        "passes the data on outside the EEA, give that country ('data_locations' for a subprocessor).",
    },
)
def transfer_mechanism_inside_eea(d: Description) -> Iterator[Hit]:
    """A tool where no transfer happens, which a notice would misstate."""
    for p in receivers(d):
        if p.safeguard is not None and not p.codes:
            yield hit(p.tool, p.documents, name=p.name)
