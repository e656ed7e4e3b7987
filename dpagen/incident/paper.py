"""The shared way the breach documents are written: FR/EN text, values or blanks, clauses into a tree."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..authorities import competent
from ..doctree import BulletList, Clause, Document, Paragraph, Section, Span, Table
from ..model import Description, Party, Role
from ..record.words import date_text, joined, labels, phrase
from ..translation import for_document, own_language, table, texts
from .clocks import local
from .model import FREE_TEXT, Incident

Spans = list[Span]


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
    lexicon = paper.lexicon if paper.lexicon is not None else labels(paper.language)
    return phrase(lexicon, "breach-authority", "for-people" if person else "for-notification")


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
    now: dt.datetime | None  # when the document is sent (None: unknown, shown as a blank)
    missing: list[str] = field(default_factory=list)
    untranslated: list[str] = field(default_factory=list)  # paths of the incident's texts shown as written
    clauses: list[Clause] = field(default_factory=list)
    lexicon: dict[str, dict[str, str]] | None = None  # the library's words in this language (--clauses too)
    _own: set[str] | None = None

    def own(self, text: str) -> str | None:
        """An incident text in the document's language: as written, its translation, or None (none yet).

        The incident's ``translations`` come first; a text taken from the description (an activity, a data
        category) also reads the description's own language and translations.
        """
        if self.language == self.incident.language:
            return text
        found = table(self.incident, self.language).get(text)
        if found:
            return found
        d = self.description
        if own_language(d) == self.language:
            if self._own is None:
                self._own = {t for _, t in texts(d)}
            return text if text in self._own else None
        return for_document(d, self.language).get(text)

    def words(self, text: str, path: str) -> Spans:
        """An incident text in the document's language; untranslated, it is shown as written with a marker."""
        if path.split("[")[0] not in FREE_TEXT:
            return [Span(text)]
        found = self.own(text)
        if found is not None:
            return [Span(found)]
        if path not in self.untranslated:
            self.untranslated.append(path)
        return [Span(text), Span(self.w("common.to-translate"), "blank")]

    def w(self, key: str, **values: object) -> str:
        """The library's wording ``clauses/breach/_words.toml`` [breach-GROUP] KEY, its ``{name}`` filled in.

        Every entry may name ``{controller}``, ``{processor}``, ``{authority}`` and ``{reference}``.
        """
        group, name = key.split(".", 1)
        lexicon = self.lexicon if self.lexicon is not None else labels(self.language)
        d = self.description
        known: dict[str, object] = {"controller": party_name(d.controller) or "—",
                                    "processor": party_name(d.processor) or "—", "authority": authority_name(self),
                                    "reference": self.incident.reference or "—"}
        return phrase(lexicon, f"breach-{group}", name, **{**known, **values})

    def blank(self, path: str) -> Span:
        """A visible gap; the path is remembered for a final's refusal."""
        if path not in self.missing:
            self.missing.append(path)
        word = labels(self.language)["writer"]["blank"]
        colon = "\u00a0:" if self.language == "fr" else ":"
        return Span(f"[●] {word}{colon} {path}", "blank")

    def value(self, text: str | None, path: str) -> Spans:
        """The value's text (an incident text in the document's language), or a blank naming its path."""
        return self.words(text, path) if text else [self.blank(path)]

    def when(self, moment: dt.datetime | None, path: str) -> Spans:
        """A time shown in the incident's zone, or a blank."""
        return self.value(local(moment, self.incident, self.language), path)

    def items(self, values: list[str], path: str) -> Spans:
        """A list of short values on one line, or a blank."""
        kept = [v for v in dict.fromkeys(v.strip() for v in values) if v]
        if not kept:
            return [self.blank(path)]
        spans: Spans = []
        for k, v in enumerate(kept):
            spans += ([Span("; ")] if k else []) + self.words(v, f"{path}[{values.index(v)}]")
        return spans

    def number(self, value: int | None, path: str) -> Spans:
        """An approximate count, or a blank."""
        if value is None:
            return [self.blank(path)]
        shown = f"{value:,}".replace(",", "\u202f" if self.language == "fr" else ",")
        return [Span(self.w("common.about", shown=shown))]

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
        header = [self.w("common.item"), self.w("common.content")]
        return Table(header, [[[Span(name)], spans] for name, spans in rows])

    def bullets(self, values: list[str], path: str, *more: tuple[list[str], str]) -> BulletList | Paragraph:
        """A bulleted list of one or more of the incident's lists, or a paragraph holding a blank."""
        lists = [(values, path), *more]
        items = [self.words(v, f"{p}[{k}]") for vs, p in lists for k, v in enumerate(vs)]
        return BulletList(items) if items else Paragraph([self.blank(path)])

    def document(self, kind: str, title: str, subtitle: str, parties_line: str, part: str) -> Document:
        """The finished tree, compact layout, dated from the discovery."""
        writer = dict(labels(self.language)["writer"])
        writer["effective"] = self.w("common.discovered")
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
