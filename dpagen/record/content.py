"""A description (or a list of them) → the record's content: sections of rows of cells, gaps named.

A cell whose value is None is an Art. 30 item the description lacks: a draft shows it as a blank, a
final record is refused with its path and the point of Art. 30 it belongs to.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from ..errors import DpagenError
from ..facts import subprocessor_in_eea
from ..geo import country_name, in_eea
from ..model import Description, Party, ProcessingActivity, Role
from ..model.parties import Address, Contact
from ..model.processing import Retention
from ..model.safeguards import TransferSafeguard
from ..translation import for_document
from .words import date_text, joined, label, labels, phrase

Kind = Literal["controller", "processor"]


@dataclass
class Cell:
    """One item of the record: its text (None: missing), the JSON path it comes from, its Art. 30 point."""

    value: str | None
    path: str
    point: str
    gaps: list[str] = field(default_factory=list)  # paths of parts still missing inside a filled cell

    @property
    def missing(self) -> list[str]:
        """Every path this cell still lacks."""
        return ([self.path] if self.value is None else []) + self.gaps


@dataclass
class RecordSection:
    """The record's part for one controller: who (Art. 30(1)(a)/30(2)(a)) and one row per activity."""

    title: str
    source: str  # the description file or name it was built from
    identity: list[tuple[str, Cell]]
    rows: list[dict[str, Cell]]


@dataclass
class Record:
    """A whole record of processing activities."""

    kind: Kind
    language: str
    holder: str  # who keeps the record
    columns: list[tuple[str, str]]  # (column id, header in the record's language)
    sections: list[RecordSection]
    created: dt.date | None = None
    updated: dt.date | None = None
    words: dict[str, str] = field(default_factory=dict)  # the library's [record] wording, in its language

    def w(self, key: str, **values: object) -> str:
        """The record's wording (clauses/record/_words.toml)."""
        return phrase({"record": self.words}, "record", key, **values)

    def gaps(self) -> list[str]:
        """What the record lacks, one line each: the section, the path and the point of Art. 30."""
        lines: list[str] = []
        for section in self.sections:
            cells = [c for _, c in section.identity] + [c for row in section.rows for c in row.values()]
            for cell in cells:
                lines.extend(f"{section.source}: {path} (Art. {cell.point})" for path in cell.missing)
        return list(dict.fromkeys(lines))


CONTROLLER_COLUMNS = ("activity", "purposes", "subjects", "data", "special", "recipients", "transfers",
                      "retention", "security", "created", "updated")
PROCESSOR_COLUMNS = ("activity", "operations", "subjects", "data", "subprocessors", "transfers", "security",
                     "created", "updated")
"""Columns in the order of the CNIL's model register; their headers are the library's ``column-ID`` words."""

Lexicon = dict[str, dict[str, str]]


def lexicon_for(language: str, lexicon: Lexicon | None = None) -> Lexicon:
    """The library's words in a language: those given (with --clauses overrides), else dpagen's own."""
    return lexicon if lexicon is not None else labels(language)


class _Reader:
    """Reads one description in one language (its own texts translated where a translation exists)."""

    def __init__(self, d: Description, language: str, lexicon: Lexicon) -> None:
        self.d = d
        self.lang = language
        self.texts = for_document(d, language)
        self.lexicon = lexicon

    def w(self, key: str, **values: object) -> str:
        """The record's wording (clauses/record/_words.toml)."""
        return phrase(self.lexicon, "record", key, **values)

    def tr(self, text: str) -> str:
        return self.texts.get(text, text)

    def address(self, a: Address | None) -> str | None:
        if a is None:
            return None
        city = " ".join(x for x in (a.postal_code, a.city) if x)
        country = country_name(a.country, self.lang) if a.country else None
        return joined([a.street or "", city, country or ""], ", ")

    def party(self, p: Party | None, path: str, point: str) -> Cell:
        if p is None or not p.legal_name:
            return Cell(None, f"{path}.legal_name", point)
        name = p.legal_name + (f" ({p.brand})" if p.brand and p.brand != p.legal_name else "")
        contact = [self.address(p.address) or "", str(p.email or ""), str(p.phone or "")]
        gaps = [] if (p.address or p.email or p.phone) else [f"{path}.address"]
        return Cell(joined([name, *contact], " — "), path, point, gaps)

    def contact(self, c: Contact | None, path: str, point: str) -> Cell:
        if c is None or not (c.email or c.phone or c.address or c.url):
            return Cell(None, path, point)
        parts = [c.name or "", str(c.email or ""), str(c.phone or ""), self.address(c.address) or "", str(c.url or "")]
        return Cell(joined(parts, " — "), path, point)

    def safeguard(self, t: TransferSafeguard | None) -> str | None:
        if t is None:
            return None
        text = label("TransferMechanism", t.mechanism, self.lang)
        if t.scc_module:
            text += f" ({label('SccModule', t.scc_module, self.lang)})"
        if t.derogation:
            text += f" ({label('Derogation', t.derogation, self.lang)})"
        return text

    def transfers(self, with_recipients: bool) -> Cell:
        lines, gaps = [], []
        d = self.d
        places: list[tuple[str, str | None, TransferSafeguard | None, str]] = []
        for i, site in enumerate(d.hosting.sites):
            if site.country and not in_eea(site.country):
                places.append((site.provider or "", site.country, site.transfer, f"hosting.sites[{i}].transfer"))
        for i, s in enumerate(d.subprocessors):
            if not subprocessor_in_eea(s):
                where = next((c for c in [s.country, *s.data_locations] if c and not in_eea(c)), s.country)
                places.append((s.name, where, s.transfer, f"subprocessors[{i}].transfer"))
        if with_recipients:
            for i, r in enumerate(d.recipients):
                if r.country and not in_eea(r.country):
                    places.append((self.tr(r.name), r.country, r.transfer, f"recipients[{i}].transfer"))
        for name, country, safeguard, path in places:
            where = f" ({country_name(country, self.lang)})" if country else ""
            tool = self.safeguard(safeguard)
            if tool is None:
                gaps.append(path)
                tool = "[●]"
            lines.append(f"{name}{where}: {tool}")
        return Cell(joined(lines) or self.w("no-transfer"), "hosting", "30(1)(e)", gaps)

    def security(self, point: str) -> Cell:
        measures = [self.tr(m.description) for m in self.d.security_measures]
        return Cell(joined(measures), "security_measures", point)

    def retention(self, r: Retention | None) -> str | None:
        if r is None:
            return None
        parts = []
        if r.duration:  # the starting point belongs to a period: "3 ans à compter de la collecte"
            unit = r.duration.unit.value
            word = label("writer", f"{unit}_one" if r.duration.value == 1 else unit, self.lang)
            start = f" {label('RetentionStart', r.start, self.lang)}" if r.start else ""
            parts.append(f"{r.duration.value} {word}{start}")
        if r.criteria:
            parts.append(self.tr(r.criteria))
        if r.then:
            parts.append(self.w("retention-then", what=self.tr(r.then)))
        return joined(parts, ", ")

    def row(self, i: int, a: ProcessingActivity, kind: Kind) -> dict[str, Cell]:
        path = f"activities[{i}]"
        ref = "30(1)" if kind == "controller" else "30(2)"
        d, lang = self.d, self.lang
        purposes = []
        for p in a.purposes:
            basis = f" — {label('LegalBasis', p.legal_basis, lang)}" if p.legal_basis else ""
            purposes.append(self.tr(p.description) + basis)
        data = [self.tr(c.name) + (f" ({self.tr(c.examples)})" if c.examples else "") for c in a.data_categories]
        special = [self.tr(c.name) + " — " + (label("SpecialCategory", c.special_category, lang)
                                               if c.special_category else self.w("offences"))
                   for c in a.data_categories if c.special_category or c.criminal_offence]
        retention, missing_retention = [], []
        for j, c in enumerate(a.data_categories):
            text = self.retention(c.retention)
            if text is None:
                missing_retention.append(f"{path}.data_categories[{j}].retention")
            else:
                retention.append(f"{self.tr(c.name)}: {text}")
        recipients = [self.tr(r.name) for r in d.recipients]
        if kind == "controller" and d.processor and d.processor.display_name:
            recipients.append(f"{d.processor.display_name} ({label('Role', Role.PROCESSOR, lang).lower()})")
        doc = d.document
        created = date_text(doc.first_published or doc.effective_date, lang)
        updated = date_text(doc.last_update or doc.effective_date, lang)
        cells = {
            "activity": Cell(self.tr(a.name), f"{path}.name", f"{ref}(b)"),
            "operations": Cell(self.w("operations", activity=self.tr(a.name),
                                      operations=joined([self.tr(n) for n in a.nature], ", ") or "")
                               if a.nature else None, f"{path}.nature", "30(2)(b)"),
            # Art. 30(1)(b) asks for the purposes only: a purpose without its legal basis is still recorded
            # (the notice's rules ask for the basis, Art. 13(1)(c))
            "purposes": Cell(joined(purposes), f"{path}.purposes", "30(1)(b)"),
            "subjects": Cell(joined([self.tr(s) for s in a.data_subjects]), f"{path}.data_subjects", f"{ref}(c)"
                             if kind == "controller" else "30(2)(b)"),
            "data": Cell(joined(data), f"{path}.data_categories", "30(1)(c)" if kind == "controller" else "30(2)(b)"),
            "special": Cell(joined(special) or self.w("none"), f"{path}.data_categories", "30(1)(c)"),
            "recipients": Cell(joined(recipients), "recipients", "30(1)(d)"),
            "subprocessors": Cell(joined([s.name + (f" ({self.tr(s.activity)})" if s.activity else "")
                                         for s in d.subprocessors]) or self.w("none"), "subprocessors", "30(2)(b)"),
            "transfers": self.transfers(kind == "controller"),
            "retention": Cell(joined(retention) if a.data_categories else self.w("not-applicable"),
                              f"{path}.data_categories", "30(1)(f)",
                              missing_retention if retention else []),
            "security": self.security(f"{ref}(g)" if kind == "controller" else "30(2)(d)"),
            "created": Cell(created or "—", "document.effective_date", "30(1)"),
            "updated": Cell(updated or "—", "document.last_update", "30(1)"),
        }
        if kind == "processor":
            cells["transfers"].point = "30(2)(c)"
            cells["security"].point = "30(2)(d)"
        if not retention and a.data_categories:
            cells["retention"] = Cell(None, f"{path}.data_categories[0].retention", "30(1)(f)",
                                      missing_retention[1:])
        columns = CONTROLLER_COLUMNS if kind == "controller" else PROCESSOR_COLUMNS
        return {c: cells[c] for c in columns}

    def identity(self, kind: Kind) -> list[tuple[str, Cell]]:
        d = self.d
        point = "30(1)(a)" if kind == "controller" else "30(2)(a)"
        out = [(self.w("identity-controller"), self.party(d.controller, "controller", point))]
        if kind == "processor":
            out.insert(0, (self.w("identity-processor"), self.party(d.processor, "processor", "30(2)(a)")))
        for j, joint in enumerate(d.joint_controllers):
            out.append((self.w("identity-joint"), Cell(joint.name, f"joint_controllers[{j}].name", point)))
        parties = [("controller", d.controller)] + ([("processor", d.processor)] if kind == "processor" else [])
        for role, party in parties:
            if party is None:
                continue
            if party.eu_representative and party.eu_representative.name:
                rep = party.eu_representative
                out.append((self.w("identity-representative"),
                            Cell(joined([rep.name or "", self.address(rep.address) or "", str(rep.email or "")],
                                        " — "), f"{role}.eu_representative", point)))
            if party.dpo is not None:
                who = party.display_name or ""
                out.append((self.w("identity-dpo", party=who),
                            self.contact(party.dpo, f"{role}.dpo", point)))
        return out


def _columns(kind: Kind, lexicon: Lexicon) -> list[tuple[str, str]]:
    ids = CONTROLLER_COLUMNS if kind == "controller" else PROCESSOR_COLUMNS
    return [(c, phrase(lexicon, "record", f"column-{c}")) for c in ids]


def _dates(descriptions: list[Description]) -> tuple[dt.date | None, dt.date | None]:
    created = [d.document.first_published or d.document.effective_date for d in descriptions]
    updated = [d.document.last_update or d.document.effective_date for d in descriptions]
    return (min((x for x in created if x), default=None), max((x for x in updated if x), default=None))


def controller_record(
    d: Description, language: str | None = None, source: str = "", lexicon: Lexicon | None = None
) -> Record:
    """The controller's record (Art. 30(1)): one row per processing activity of the description."""
    if d.controller is None:
        raise DpagenError("the controller's record needs a controller in the description")
    lang = language or d.output_language
    words = lexicon_for(lang, lexicon)
    reader = _Reader(d, lang, words)
    holder = d.controller.display_name or "—"
    section = RecordSection(holder, source or holder, reader.identity("controller"),
                            [reader.row(i, a, "controller") for i, a in enumerate(d.activities)])
    created, updated = _dates([d])
    return Record("controller", lang, holder, _columns("controller", words), [section], created, updated,
                  words["record"])


def processor_record(
    descriptions: list[Description],
    language: str | None = None,
    sources: list[str] | None = None,
    lexicon: Lexicon | None = None,
) -> Record:
    """The processor's record (Art. 30(2)) over every client described: one section per controller.

    Every description must name the same processor (by legal name); the record is theirs.
    """
    if not descriptions:
        raise DpagenError("the processor's record needs at least one description")
    sources = sources or [f"#{i + 1}" for i in range(len(descriptions))]
    missing = [s for s, d in zip(sources, descriptions, strict=True) if d.processor is None]
    if missing:
        raise DpagenError("the processor's record needs a processor in every description", missing)
    names = {(d.processor.legal_name or d.processor.display_name) if d.processor else None for d in descriptions}
    if len(names) > 1:  # an unnamed processor is a gap of its own (Art. 30(2)(a)), reported in its cell
        raise DpagenError("the descriptions name different processors: one record covers one processor",
                          sorted(str(n) for n in names))
    lang = language or descriptions[0].output_language
    words = lexicon_for(lang, lexicon)
    sections = []
    for source, d in zip(sources, descriptions, strict=True):
        reader = _Reader(d, lang, words)
        title = (d.controller.display_name if d.controller else None) or source
        sections.append(RecordSection(title, source, reader.identity("processor"),
                                      [reader.row(i, a, "processor") for i, a in enumerate(d.activities)]))
    sections.sort(key=lambda s: s.title.casefold())
    holder = descriptions[0].processor.display_name if descriptions[0].processor else None
    created, updated = _dates(descriptions)
    return Record("processor", lang, holder or "—", _columns("processor", words), sections, created, updated,
                  words["record"])


def record_for(
    descriptions: list[Description],
    language: str | None = None,
    sources: list[str] | None = None,
    lexicon: Lexicon | None = None,
) -> Record:
    """The record a set of descriptions calls for: a processor's over all of them, else a controller's.

    One description whose documents the processor publishes gives the processor's record; otherwise the
    controller's. Several descriptions always give the processor's record (one section per client).
    """
    if len(descriptions) == 1 and descriptions[0].charter_publisher is Role.CONTROLLER:
        return controller_record(descriptions[0], language, (sources or [""])[0], lexicon)
    return processor_record(descriptions, language, sources, lexicon)
