"""Description + clause library → document tree. The only place clause text is rendered."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import authorities, facts, translation
from .blocks import parse_blocks, parse_inline
from .clauses import ClauseSpec, DocumentSpec, Library, load_library
from .doctree import Clause, Document, Paragraph, Section, Signature, Table, plain
from .errors import DpagenError, IncompleteError, TemplateError
from .geo import in_eea
from .model import Description, Role
from .templating import Renderer, make_context, unwrap, wrap

Texts = dict[str, str] | None
"""The description's texts in the document's language (``translation.table``), or None."""


def _subset(items: list[Any], keep: list[Any], path: str, texts: Texts = None) -> list[Any]:
    """Wrap the items of a list that are in ``keep``, each with its true path (``path[i]``)."""
    return [wrap(item, f"{path}[{i}]", texts) for i, item in enumerate(items) if any(item is k for k in keep)]


def _categories(located: list[facts.Located], texts: Texts = None) -> list[Any]:
    return [wrap(x.category, x.path, texts) for x in located]


def _signer(d: Description, role: Role, texts: Texts = None) -> Any:
    """Who signs for a party: its listed signatory, else its representative (each with its own path)."""
    for i, signatory in enumerate(d.contract.signatories):
        if signatory.party == role:
            return wrap(signatory, f"contract.signatories[{i}]", texts)
    party = getattr(d, role.value)
    return wrap(party.representative if party else None, f"{role.value}.representative", texts)


def derived_facts(d: Description, texts: Texts = None, language: str = "fr") -> dict[str, Any]:
    """Facts computed from the description, offered to templates as ``facts.*`` (``texts``: translated).

    Lists keep each item's real JSON path, so a blank inside them names the right field.
    """
    texts = texts or {}
    special = facts.special_categories(d)
    far_recipients = [r for r in d.recipients if r.country and not in_eea(r.country)]
    far_cookies = [c for c in d.cookies if c.country and not in_eea(c.country)]
    return {
        "special_categories": _categories(special, texts),
        "has_special_categories": bool(special),
        "subprocessors_outside_eea": _subset(
            d.subprocessors, facts.subprocessors_outside_eea(d), "subprocessors", texts
        ),
        "sites_outside_eea": _subset(d.hosting.sites, facts.sites_outside_eea(d), "hosting.sites", texts),
        "recipients_outside_eea": _subset(d.recipients, far_recipients, "recipients", texts),
        "cookies_outside_eea": _subset(d.cookies, far_cookies, "cookies", texts),
        "data_subjects": list(dict.fromkeys(texts.get(x, x) for x in facts.data_subjects(d))),
        "legal_bases": facts.legal_bases(d),
        "data_categories": _categories(facts.data_categories(d), texts),
        "hosting_countries": list(dict.fromkeys(s.country for s in d.hosting.sites if s.country)),
        "processor_outside_eea": facts.processor_outside_eea(d),
        "publisher": d.charter_publisher.value,
        "signers": {role.value: _signer(d, role, texts) for role in Role},
        "has_health_data": facts.has_health_data(d),
        "french_health_law": facts.french_health_law(d),
        "care_exception": facts.relies_on_care_exception(d),
        "hds_holders": _hds_holders(d, texts),
        **_establishment_facts(d, texts, language),
    }


def _establishment_facts(d: Description, texts: Texts, language: str) -> dict[str, Any]:
    """Where the controller is established, and each party's supervisory authority (Arts 3, 27, 56, 77)."""
    return {
        "controller_outside_eea": authorities.established_outside_eea(d.controller),
        "controller_without_eea_establishment": authorities.without_eea_establishment(d.controller),
        "controller_establishment": authorities.eea_establishment(d.controller),
        "processor_establishment": authorities.eea_establishment(d.processor),
        "authority": {
            role.value: wrap(authorities.competent(d, role, language), authorities.authority_path(role), texts)
            for role in Role
        },
        "authorities_list": authorities.authority_list().members_list,
    }


def _hds_holders(d: Description, texts: Texts = None) -> list[dict[str, Any]]:
    """Each HDS holder as ``{kind, who, hds}`` for templates (``who`` and ``hds`` keep their JSON paths)."""
    holders = []
    for kind, path, who in facts.hds_holders(d):
        cert_path = "health.processor_hds" if kind == "processor" else f"{path}.hds"
        cert = d.health.processor_hds if kind == "processor" else getattr(who, "hds", None)
        holders.append({"kind": kind, "who": wrap(who, path, texts), "hds": wrap(cert, cert_path, texts)})
    return holders


class _Builder:
    def __init__(self, description: Description, spec: DocumentSpec, lib: Library, language: str, draft: bool):
        self.d = description
        self.spec = spec
        self.lib = lib
        self.language = language
        self.labels = lib.labels_in(language)
        self.refs: dict[str, str] = {}
        self.missing_in: dict[str, str] = {}  # a missing value's path → the clause that first needed it
        self.renderer = Renderer(language, self.labels, draft=draft, globals_={"ref": self.ref})
        texts = translation.for_document(description, language)
        self.context = make_context(description, {"facts": derived_facts(description, texts, language)}, texts)

    def ref(self, target: str) -> str:
        """Number of a clause, or label of an annex, for cross-references."""
        if target not in self.refs:
            raise TemplateError(f"ref('{target}') names no clause or annex of this document (or one left out)")
        return self.refs[target]

    def text(self, template: str, where: str, extra: dict[str, Any] | None = None) -> str:
        context = {**self.context, **extra} if extra else self.context
        return self.renderer.render(template, context, where)

    def line(self, template: str, where: str) -> str:
        return plain(parse_inline(self.text(template, where)))

    def applicable(self) -> list[ClauseSpec]:
        if not self.renderer.condition(self.spec.applies_when, self.context, self.spec.source):
            raise DpagenError(f"the document '{self.spec.id}' does not apply to this description")
        sections = [s.id for s in self.spec.sections]
        clauses = [
            c for c in self.lib.for_document(self.spec.id)
            if self.renderer.condition(c.applies_when, self.context, c.source)
        ]
        # numbers follow the sections' order, whatever ``order`` an override clause was given
        return sorted(clauses, key=lambda c: (sections.index(c.section), c.order, c.id))

    def number(self, clauses: list[ClauseSpec]) -> dict[str, str | None]:
        kinds = {s.id: s for s in self.spec.sections}
        numbers: dict[str, str | None] = {}
        counter = 0
        for clause in clauses:
            section = kinds[clause.section]
            if section.kind == "body" and self.spec.number_clauses:
                counter += 1
                numbers[clause.id] = str(counter)
                self.refs[clause.id] = str(counter)
            else:
                numbers[clause.id] = None
                if section.label:
                    self.refs[clause.id] = section.label
        for section in self.spec.sections:
            if section.label:
                self.refs[section.id] = section.label
        return numbers

    def table(self, clause: ClauseSpec, index: int) -> Table:
        spec = clause.tables[index]
        where = f"{clause.source} table '{spec.name}'"
        try:
            rows = self.renderer.env.compile_expression(spec.rows, undefined_to_none=False)(**self.context)
        except Exception as exc:  # jinja errors while evaluating the row expression
            raise TemplateError(f"{where}: rows '{spec.rows}': {exc}") from None
        table = Table([c.header.get(self.language) for c in spec.columns], [], spec.name)
        for row in rows or []:
            cells = []
            for column in spec.columns:
                template = column.cell if isinstance(column.cell, str) else column.cell.get(self.language)
                cells.append(parse_inline(self.text(template, where, {"row": row})))
            table.rows.append(cells)
        return table

    def clause(self, spec: ClauseSpec, number: str | None) -> Clause:
        before = len(self.renderer.missing)
        clause = self._clause(spec, number)
        for path in self.renderer.missing[before:]:
            self.missing_in[path] = spec.id
        return clause

    def _clause(self, spec: ClauseSpec, number: str | None) -> Clause:
        tables = {t.name: self.table(spec, i) for i, t in enumerate(spec.tables)}
        blocks = parse_blocks(self.text(spec.text.get(self.language), spec.source), tables, spec.source)
        for name, table in tables.items():
            if not table.rows:
                empty = next(t.empty for t in spec.tables if t.name == name)
                if empty is not None:
                    blocks = [
                        Paragraph(parse_inline(self.text(empty.get(self.language), spec.source)))
                        if b is table else b
                        for b in blocks
                    ]
        paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
        if number and self.spec.number_paragraphs and len(paragraphs) > 1:
            for i, paragraph in enumerate(paragraphs, 1):
                paragraph.number = f"{number}.{i}"
        return Clause(
            id=spec.id,
            title=self.line(spec.title.get(self.language), spec.source),
            blocks=blocks,
            number=number,
            articles=list(spec.articles),
            checklist=list(spec.checklist),
        )

    def signatures(self) -> list[Signature]:
        out = []
        for role in (Role.CONTROLLER, Role.PROCESSOR):
            if getattr(self.d, role.value) is None:
                continue
            who = f"facts.signers.{role.value}"
            signer = unwrap(self.context["facts"]["signers"][role.value])
            place = getattr(signer, "place", None) or "…………………"
            date = self.renderer.date(signer.date) if getattr(signer, "date", None) else "…………………"
            place_date = f"Fait à {place}, le {date}" if self.language == "fr" else f"Signed at {place} on {date}"
            out.append(
                Signature(
                    role=self.labels["Role"][role.value],
                    company=parse_inline(self.text(f"{{{{ {role.value}.legal_name }}}}", "signatures")),
                    name=parse_inline(self.text(f"{{{{ {who}.name }}}}", "signatures")),
                    title=parse_inline(self.text(f"{{{{ {who}.title }}}}", "signatures")),
                    place_date=place_date,
                )
            )
        return out

    def _date_text(self) -> str:
        date = self.d.document.effective_date or self.d.document.last_update
        return self.renderer.date(date) if date else ""

    def build(self) -> Document:
        clauses = self.applicable()
        numbers = self.number(clauses)
        sections = []
        for section in self.spec.sections:
            members = [self.clause(c, numbers[c.id]) for c in clauses if c.section == section.id]
            if members:
                sections.append(
                    Section(section.id, self.line(section.title.get(self.language), self.spec.source),
                            members, section.kind, section.label)
                )
        document = Document(
            kind=self.spec.id,
            language=self.language,
            title=self.line(self.spec.title.get(self.language), self.spec.source),
            subtitle=self.line(self.spec.subtitle.get(self.language), self.spec.source),
            parties_line=self.line(self.spec.parties_line.get(self.language), self.spec.source),
            sections=sections,
            signatures=self.signatures() if self.spec.signatures else [],
            draft=self.renderer.draft,
            reference=self.d.document.reference if self.spec.signatures else None,  # a contract's reference
            version=self.d.document.version,
            date=self.d.document.effective_date or self.d.document.last_update,
            date_text=self._date_text(),
            header=self.line(self.spec.header.get(self.language), self.spec.source),
            labels=dict(self.labels["writer"]),
            layout=self.spec.layout,
            contents=self.spec.contents,
        )
        document.missing = list(self.renderer.missing)
        document.missing_in = dict(self.missing_in)
        if document.draft:
            document.header = f"{self.labels['writer']['draft']} — {document.header}"
        return document


def build(
    description: Description,
    document: str,
    *,
    language: str | None = None,
    draft: bool = False,
    library: Library | None = None,
    clause_dirs: list[Path] | None = None,
) -> Document:
    """Render one document of the library for a description into a document tree.

    Without ``draft``, a value the clauses need but the description lacks raises IncompleteError
    listing every such value; with it, each becomes a visible blank.
    """
    lib = library or load_library(clause_dirs)
    if document not in lib.documents:
        raise DpagenError(f"unknown document '{document}' (known: {', '.join(sorted(lib.documents))})")
    lang = language or description.output_language
    tree = _Builder(description, lib.documents[document], lib, lang, draft).build()
    if not draft and tree.missing:
        raise IncompleteError(
            f"the {document} cannot be finalised: the description lacks {len(tree.missing)} value(s) "
            "(fill them in, or use --draft to render them as blanks)",
            tree.missing,
        )
    return tree
