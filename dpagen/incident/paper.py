"""The shared way the breach documents are written: FR/EN text, values or blanks, clauses into a tree."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..authorities import competent
from ..doctree import BulletList, Clause, Document, Paragraph, Section, Span, Table
from ..model import Description, Party, Role
from ..record.words import date_text, joined, labels
from .clocks import local
from .model import Incident

Spans = list[Span]


def tr(language: str, fr: str, en: str) -> str:
    """The text in the document's language."""
    return fr if language == "fr" else en


def party_name(p: Party | None) -> str | None:
    """A party as named in a letter: its brand or legal name."""
    return p.display_name if p else None


def authority_name(paper: Paper, *, person: bool = False) -> str:
    """The controller's supervisory authority (Art. 56(1)); without an establishment in the EEA, none leads.

    ``person``: worded for the people concerned (their own Member State's authority, Art. 77(1)); else for
    the notification (each Member State where people are affected).
    """
    name = competent(paper.description, Role.CONTROLLER, paper.language).name
    if name:
        return name
    if person:
        return paper.t("l'autorité de contrôle de l'État membre où vous résidez ou travaillez",
                       "the supervisory authority of the Member State where you live or work")
    return paper.t("l'autorité de contrôle de chaque État membre où se trouvent les personnes concernées",
                   "the supervisory authority of each Member State where the people concerned are")


def contact_line(p: Party | None) -> str | None:
    """The best contact for a breach question: its DPO, else its security officer, else its general contact."""
    if p is None:
        return None
    for c in (p.dpo, p.security_officer):
        if c is not None and (c.email or c.phone):
            return joined([c.name or "", str(c.email or ""), str(c.phone or "")], " — ")
    return joined([str(p.email or ""), str(p.phone or "")], " — ")


@dataclass
class Paper:
    """One breach document being written: its language, whether it is a draft, what it still lacks."""

    incident: Incident
    description: Description
    language: str
    draft: bool
    now: dt.datetime
    missing: list[str] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)

    def t(self, fr: str, en: str) -> str:
        """Text in the document's language."""
        return tr(self.language, fr, en)

    def blank(self, path: str) -> Span:
        """A visible gap; the path is remembered for a final's refusal."""
        if path not in self.missing:
            self.missing.append(path)
        word = labels(self.language)["writer"]["blank"]
        colon = "\u00a0:" if self.language == "fr" else ":"
        return Span(f"[●] {word}{colon} {path}", "blank")

    def value(self, text: str | None, path: str) -> Spans:
        """The value's text, or a blank naming its path."""
        return [Span(text)] if text else [self.blank(path)]

    def when(self, moment: dt.datetime | None, path: str) -> Spans:
        """A time shown in the incident's zone, or a blank."""
        return self.value(local(moment, self.incident, self.language), path)

    def items(self, values: list[str], path: str) -> Spans:
        """A list of short values on one line, or a blank."""
        return self.value(joined(values), path)

    def number(self, value: int | None, path: str) -> Spans:
        """An approximate count, or a blank."""
        if value is None:
            return [self.blank(path)]
        shown = f"{value:,}".replace(",", "\u202f" if self.language == "fr" else ",")
        return [Span(self.t(f"environ {shown}", f"about {shown}"))]

    def clause(self, title: str, *blocks: Paragraph | BulletList | Table, articles: tuple[str, ...] = ()) -> None:
        """Add a titled part, numbered in order."""
        number = str(len(self.clauses) + 1)
        self.clauses.append(Clause(f"part-{number}", title, list(blocks), number, list(articles)))

    def para(self, *parts: str | Spans) -> Paragraph:
        """A paragraph from plain strings and spans."""
        spans: Spans = []
        for part in parts:
            spans.extend([Span(part)] if isinstance(part, str) else part)
        return Paragraph(spans)

    def table(self, rows: list[tuple[str, Spans]]) -> Table:
        """A two-column table: item, content."""
        header = [self.t("Rubrique", "Item"), self.t("Contenu", "Content")]
        return Table(header, [[[Span(name)], spans] for name, spans in rows])

    def bullets(self, values: list[str], path: str) -> BulletList | Paragraph:
        """A bulleted list, or a paragraph holding a blank."""
        if not values:
            return Paragraph([self.blank(path)])
        return BulletList([[Span(v)] for v in values])

    def document(self, kind: str, title: str, subtitle: str, parties_line: str, part: str) -> Document:
        """The finished tree, compact layout, dated from the discovery."""
        writer = dict(labels(self.language)["writer"])
        writer["effective"] = self.t("Découverte le", "Discovered")
        day = self.incident.discovered_at.astimezone(self.incident.zone).date()
        header = f"{title} — {self.incident.reference}" if self.incident.reference else title
        document = Document(
            kind=kind,
            language=self.language,
            title=title,
            subtitle=subtitle,
            parties_line=parties_line,
            sections=[Section("body", part, self.clauses)] if self.clauses else [],
            draft=self.draft,
            reference=self.incident.reference,
            date=day,
            date_text=date_text(day, self.language) or "",
            header=f"{writer['draft']} — {header}" if self.draft else header,
            labels=writer,
            layout="compact",
            contents=False,
        )
        document.missing = list(self.missing)
        return document
