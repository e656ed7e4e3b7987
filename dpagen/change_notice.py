"""The change notice: the processor's letter telling a controller about a change of subprocessors.

Under a general authorisation it gives advance notice and the time to object (Art. 28(2) GDPR, second
sentence); under a specific one it asks for prior written authorisation, with a reply form. It is built as
a document tree, so every writer lays it out (DOCX, PDF, HTML, Markdown), and cites the numbers the
contract's own clauses carry for this client.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .clauses import Library
from .diff import Change, Diff, diff
from .doctree import BulletList, Clause, Document, Paragraph, Section, Signature, Span, Table
from .errors import IncompleteError, UsageError
from .model import Description
from .periods import add_period

DOCUMENT = "change-notice"
WORDING = Path(__file__).parent / "data" / "change_notice.toml"


@cache
def _wording() -> dict[str, Any]:
    with WORDING.open("rb") as handle:
        return tomllib.load(handle)


@dataclass(frozen=True)
class NoticeDates:
    """The dates a notice sets for one client."""

    notice: dt.date  # the date of the letter
    effective: dt.date  # the earliest date the change takes effect
    deadline: dt.date  # last day to object (general) or to answer (specific)


def notice_dates(description: Description, notice: dt.date) -> NoticeDates:
    """The dates for this client: its notice period and its time to object, counted from the notice.

    The change never takes effect before the time to object has run out.
    """
    policy = description.subprocessor_policy
    deadline = add_period(notice, policy.objection_days or 0)
    effective = max(add_period(notice, policy.notice_days or 0), deadline)
    return NoticeDates(notice, effective, deadline)


def touches(change_set: Diff) -> list[Change]:
    """The changes a notice (or a request for authorisation) must announce."""
    return change_set.touching("prior-notice", "prior-authorisation")


def notice_facts(new: Description, change_set: Diff, language: str, notice: dt.date) -> dict[str, Any]:
    """What a notice to this client says, as data for a batch's report.

    To whom, in which language, under which regime, by when the controller may object (or must answer),
    and what it announces.
    """
    policy = new.subprocessor_policy
    dates = notice_dates(new, notice)
    announced = touches(change_set)
    return {
        "controller": new.controller.legal_name if new.controller else None,
        "language": language,
        "regime": policy.regime.value,
        "notice_days": policy.notice_days,
        "objection_days": policy.objection_days,
        "date": dates.notice.isoformat(),
        "effective": dates.effective.isoformat(),
        # general regime: the last day to object; specific regime: the last day to authorise (or refuse)
        "deadline": dates.deadline.isoformat(),
        "deadline_for": "authorisation" if policy.regime.value == "specific" else "objection",
        "announces": ", ".join(dict.fromkeys(f"{ {'added': '+', 'removed': '-'}.get(c.action, '~')} {c.item}"
                                             for c in announced)),
        "announced": [c.line() for c in announced],
        "other_changes": [c.line() for c in change_set.changes
                          if c not in announced and not c.path.startswith("translations.")],
    }


class _Letter:
    def __init__(self, new: Description, change_set: Diff, lib: Library, language: str, dates: NoticeDates,
                 draft: bool) -> None:
        from . import translation
        from .build import build
        from .templating import Renderer

        self.d = new
        self.diff = change_set
        self.language = language
        self.dates = dates
        self.labels = lib.labels_in(language)
        self.renderer = Renderer(language, self.labels, draft=True)
        self.texts = translation.for_document(new, language) or {}
        self.regime = new.subprocessor_policy.regime.value
        contract = build(new, "dpa", language=language, draft=True, library=lib)
        numbers = {c.id: c.number for c in contract.clauses()}
        self.clause = numbers.get(f"dpa.subprocessors-{self.regime}") or "?"
        self.annex = next((s.label for s in contract.sections if s.id == "annex-iv"), None) or "IV"
        self.draft = draft
        self.missing: list[str] = []

    def w(self, key: str, **values: Any) -> str:
        """A sentence of the wording in the letter's language, its placeholders filled."""
        node: Any = _wording()
        for part in key.split("."):
            node = node[part]
        return str(node[self.language]).format_map(values)

    def r(self, key: str, **values: Any) -> str:
        """A sentence that depends on the regime (general or specific)."""
        return self.w(f"{self.regime}.{key}", **values)

    def t(self, text: str | None) -> str:
        """One of the description's own texts, in the letter's language."""
        return self.texts.get(text, text) if text else ""

    def date(self, value: dt.date) -> str:
        return self.renderer.date(value)

    def days(self, value: int | None) -> str:
        n = value or 0
        word = self.labels["writer"]["days_one" if n == 1 else "days"]
        return f"{n}\u00a0{word}"

    def common(self) -> dict[str, Any]:
        processor, controller = self.d.processor, self.d.controller
        email = (processor.dpo.email if processor and processor.dpo and processor.dpo.email else None) or (
            processor.email if processor else None
        )
        channel = self.d.subprocessor_policy.channel
        agreement = self.d.main_agreement.title if self.d.main_agreement else None
        return {
            "clause": self.clause,
            "annex": self.annex,
            "date": self.date(self.dates.notice),
            "effective": self.date(self.dates.effective),
            "deadline": self.date(self.dates.deadline),
            "notice": self.days(self.d.subprocessor_policy.notice_days),
            "objection": self.days(self.d.subprocessor_policy.objection_days),
            "email": email or self.gap("processor.email"),
            "channel": self.w("channel", channel=self.t(channel)) if channel else "",
            "agreement": self.w("agreement", title=self.t(agreement)) if agreement else "",
            "processor": (processor.legal_name if processor else None) or "[●]",
            "controller": (controller.legal_name if controller else None) or "[●]",
        }

    def transfer(self, safeguard: Any) -> str:
        if safeguard is None:
            return self.w("table.no_transfer")
        text = self.renderer.label(safeguard.mechanism)
        if safeguard.scc_module is not None:
            text += f", {self.renderer.label(safeguard.scc_module)}"
        if safeguard.details:
            text += f" ({self.t(safeguard.details)})"
        return text

    def gap(self, path: str) -> str:
        """A value the letter needs but the description lacks: a visible blank, remembered."""
        self.missing.append(path)
        return "[●]"

    def address(self, address: Any, path: str) -> str:
        if address is None:
            return self.gap(path)
        parts = [address.street, " ".join(p for p in (address.postal_code, address.city) if p)]
        if address.country:
            parts.append(self.renderer.country(address.country))
        return ", ".join(p for p in parts if p) or "[●]"

    def data(self) -> str:
        from .facts import data_categories

        names = list(dict.fromkeys(self.t(x.category.name) for x in data_categories(self.d)))
        return self.w("table.all_data", data=self.renderer.and_list(names)) if names else self.gap("activities")

    def subprocessor_table(self, change: Change) -> list[Any]:
        index = int(change.path.split("[")[1].rstrip("]"))
        sub = self.d.subprocessors[index]
        nature = self.w("added") if change.action == "added" else self.w(
            "changed", fields=", ".join(self.w(f"field.{f}") if f in _wording()["field"] else f
                                       for f in change.fields)
        )
        identity = ", ".join(p for p in (sub.entity or sub.name, self.renderer.country(sub.country)
                                         if sub.country else "") if p)
        places = sub.data_locations or ([sub.country] if sub.country else [])
        rows = [
            ("identity", identity),
            ("address", self.address(sub.address, f"subprocessors[{index}].address")),
            ("activity", self.t(sub.activity) or self.gap(f"subprocessors[{index}].activity")),
            ("data", self.data()),
            ("location", self.renderer.countries(places) if places else self.gap(f"subprocessors[{index}].country")),
            ("transfer", self.transfer(sub.transfer)),
        ]
        return [
            Paragraph([Span(sub.name, "strong"), Span(f" — {nature}")]),
            self.table(rows, f"subprocessor-{sub.name}"),
        ]

    def site_table(self, change: Change) -> list[Any]:
        site = self.d.hosting.sites[int(change.path.split("[")[1].rstrip("]"))]
        where = ", ".join(p for p in (self.t(site.city), self.renderer.country(site.country)
                                      if site.country else "") if p)
        rows = [
            ("identity", site.provider or "[●]"),
            ("scope", self.t(site.scope) or "[●]"),
            ("data", self.data()),
            ("location", where or "[●]"),
            ("transfer", self.transfer(site.transfer)),
        ]
        return [
            Paragraph([Span(site.provider or "[●]", "strong"), Span(f" — {self.w('site')}")]),
            self.table(rows, f"site-{site.provider}"),
        ]

    def table(self, rows: list[tuple[str, str]], name: str) -> Table:
        header = self.w("table.header").split("|")
        return Table(header, [[[Span(self.w(f"table.{k}"))], [Span(v)]] for k, v in rows], name=name)

    def changes(self) -> list[Any]:
        values = self.common()
        blocks: list[Any] = [Paragraph([Span(self.w("changes.intro", **values))])]
        removed = []
        for change in self.diff.changes:
            if change.group == "subprocessors":
                if change.action == "removed":
                    name = str((change.old or {}).get("name", change.item))
                    removed.append([Span(self.w("removed", name=name, effective=values["effective"]))])
                elif change.consequence != "information":
                    blocks += self.subprocessor_table(change)
            elif (change.group == "hosting and transfers" and change.path.startswith("hosting.sites[")
                  and change.action != "removed" and change.consequence != "information"):
                blocks += self.site_table(change)
        if removed:
            blocks.append(BulletList(removed))
        groups = list(dict.fromkeys(c.group for c in self.diff.touching("amendment")))
        if groups:
            names = [self.w(f"group.{g}") if g in _wording()["group"] else g for g in groups]
            blocks.append(Paragraph([Span(self.w("other", items=self.renderer.and_list(names)))]))
        return blocks

    def signature(self) -> Signature:
        processor = self.d.processor
        signer = next((s for s in self.d.contract.signatories if s.party.value == "processor"), None)
        rep = processor.representative if processor else None
        name = (signer.name if signer else None) or (rep.name if rep else None) or "[●]"
        title = (signer.title if signer else None) or (rep.title if rep else None) or "[●]"
        place = (signer.place if signer else None) or (
            processor.address.city if processor and processor.address else None) or "…………………"
        return Signature(
            role=self.labels["Role"]["processor"],
            company=[Span((processor.legal_name if processor else None) or "[●]")],
            name=[Span(name)],
            title=[Span(title)],
            place_date=self.w("place_date", place=place, date=self.date(self.dates.notice)),
        )

    def form(self) -> Section:
        values = self.common()
        rows = [[[Span(self.w(f"form.{k}"))], [Span("…………………………")]] for k in ("name", "title", "date", "signature")]
        blocks: list[Any] = [
            Paragraph([Span(self.w("form.intro", **values))]),
            BulletList([[Span(self.w("form.yes", **values))], [Span(self.w("form.no"))]]),
            Table(self.w("form.header").split("|"), rows, name="reply"),
        ]
        title = self.w("form_section")
        return Section("reply-form", title, [Clause("change-notice.reply-form", title, blocks)], kind="annex")

    def build(self) -> Document:
        values = self.common()
        body = [
            Clause("change-notice.purpose", self.w("purpose.title"), [Paragraph([Span(self.r("purpose", **values))])],
                   number="1", articles=["28(2)"]),
            Clause("change-notice.changes", self.w("changes.title"), self.changes(), number="2",
                   articles=["28(2)", "28(4)", "44", "46"]),
            Clause("change-notice.dates", self.w("dates.title"), [Paragraph([Span(self.r("dates", **values))])],
                   number="3", articles=["28(2)"]),
            Clause("change-notice.objection", self.r("object_title"), [
                Paragraph([Span(self.r("object", **values))]),
                Paragraph([Span(self.r("consequence", **values))]),
            ], number="4", articles=["28(2)"]),
        ]
        sections = [Section("notice", self.w("section"), body)]
        if self.regime == "specific":
            sections.append(self.form())
        title = self.r("title")
        document = Document(
            kind=DOCUMENT,
            language=self.language,
            title=title,
            subtitle=self.w("subtitle", **values),
            parties_line=self.w("parties_line", **values),
            sections=sections,
            signatures=[self.signature()],
            draft=self.draft,
            reference=self.d.document.reference,
            version=self.d.document.version,
            date=self.dates.notice,
            date_text=values["date"],
            header=self.w("header", title=title, controller=(self.d.controller.display_name if self.d.controller
                                                             else None) or "",
                          processor=(self.d.processor.display_name if self.d.processor else None) or ""),
            labels={**self.labels["writer"], "effective": self.w("dated")},
            layout="compact",
        )
        document.missing = list(dict.fromkeys(self.missing))
        if self.draft:
            document.header = f"{self.labels['writer']['draft']} — {document.header}"
        return document


def build_notice(
    new: Description,
    old: Description,
    *,
    library: Library,
    language: str | None = None,
    notice_date: dt.date | None = None,
    draft: bool = False,
    change_set: Diff | None = None,
) -> Document:
    """The letter announcing the changes from OLD to NEW to NEW's controller.

    UsageError when the description has no controller and processor, or when nothing that changed
    calls for a notice (or a request for authorisation) under the contract.
    """
    if new.controller is None or new.processor is None:
        raise UsageError("the change notice needs a controller and a processor in the description")
    change_set = change_set or diff(old, new)
    if not touches(change_set):
        raise UsageError(
            "nothing that changed since --since calls for a notice to the controller under Art. 28(2)",
            [c.line() for c in change_set.changes] or ["the two descriptions are the same"],
        )
    lang = language or new.document.language.value
    dates = notice_dates(new, notice_date or dt.date.today())
    letter = _Letter(new, change_set, library, lang, dates, draft).build()
    if letter.missing and not draft:
        raise IncompleteError(
            f"the change notice cannot be finalised: the description lacks {len(letter.missing)} value(s) "
            "(fill them in, or use --draft to render them as blanks)",
            letter.missing,
        )
    return letter
