"""Generation of one description: check once, build each document tree once, hand it to each writer, save.

:func:`produce` never stops at a refused document: it writes every document that can be finalised and
returns, per document, what was written, what was refused (with the problems) and what does not apply.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .applicability import DOCUMENT_ORDER, NEEDS, applicable_documents, why_not
from .build import build
from .clauses import Library, load_library
from .errors import IncompleteError, OutputError, UsageError
from .model import Description, Role
from .output import safe_filename, status, write_atomic
from .since import Since

__all__ = ["DOCUMENT_ORDER", "NEEDS", "DocumentResult", "Request", "applicable_documents", "generate", "produce"]

DEFAULT_FORMATS = ("docx", "pdf")


@dataclass
class Request:
    """What to generate."""

    documents: list[str]
    formats: list[str] = field(default_factory=lambda: list(DEFAULT_FORMATS))
    language: str | None = None
    out_dir: Path = Path(".")
    draft: bool = False
    force: bool = False
    clause_dirs: list[Path] = field(default_factory=list)
    templates: list[Path] = field(default_factory=list)
    since: Description | None = None  # the previous description, for the change notice
    redline: Description | None = None  # the previous description, to mark the changes since
    notice_date: dt.date | None = None  # the date of a change notice (default: today)
    sources: dict[str, Path] = field(default_factory=dict)  # input files by role, for the provenance
    provenance: bool = False  # store the provenance (inputs' SHA-256, clauses, options) in every file
    incident: Path | None = None  # the incident file the breach documents are drafted from
    clients: list[Path] = field(default_factory=list)  # the processor's other clients, for ONE record of them all
    now: dt.datetime | None = None  # when breach documents are sent (default: the incident's drafted_at)
    pdf_variant: str | None = None  # "pdf/ua-1" or "pdf/a-3b" (writers.PDF_VARIANTS), for the PDF writer
    # Over a portfolio, the previous versions are found client by client (api.generate fills in since,
    # redline, shadowed and since_note from these):
    since_from: Since | None = None  # --since OLD: an old profile, a folder of old descriptions, or one
    redline_from: Since | None = None  # --redline OLD, likewise
    profile: Path | None = None  # --profile NEW: generate as if the descriptions extended this version
    shadowed: list[str] = field(default_factory=list)  # what the profile's change concerns but the client sets
    since_note: str | None = None  # why there is no previous version (a new client): nothing to announce


@dataclass
class DocumentResult:
    """What became of one document: ``written``, ``refused``, ``not-applicable`` or ``not-done``."""

    document: str
    status: str
    paths: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """Why it was refused: blocking findings and missing values, one line each."""
    reason: str = ""
    """Why it does not apply (``not-applicable``), or why no notice is needed (``not-affected``)."""
    notice: dict[str, Any] | None = None
    """For a change notice: to whom, in which language, under which regime, the dates, what it announces."""


TEMPLATE_SUFFIXES = {"docx": ".docx", "html": ".css", "pdf": ".css"}
"""Which kind of --template file each writer takes: a Word letterhead, or a house stylesheet."""


def template_for(fmt: str, templates: list[Path]) -> Path | None:
    """The template given for a format's writer, if any."""
    suffix = TEMPLATE_SUFFIXES.get(fmt)
    return next((t for t in templates if t.suffix.lower() == suffix), None)


def _findings(description: Description) -> list[Any]:
    """The compliance check's findings (none when the check is not installed)."""
    try:
        from .rules import check
        from .rules.documents import RULE_ID
    except ImportError:
        return []
    return list(check(description, skip=(RULE_ID,)))  # the build below reports the same gaps itself


def drafting_notes(
    description: Description, document: str, language: str, findings: list[Any] | None = None
) -> list[str]:
    """Errors and warnings of the compliance check that concern a document, for a draft's notes."""
    findings = _findings(description) if findings is None else findings
    return [
        f.line(language) for f in findings if f.severity != "info" and (document in f.documents or not f.documents)
    ]


def blocking_findings(
    description: Description, document: str, language: str = "en", findings: list[Any] | None = None
) -> list[str]:
    """Compliance errors that forbid a final document, as lines."""
    findings = _findings(description) if findings is None else findings
    return [f.line(language) for f in findings if f.severity == "error" and f.blocks(document)]


def untranslated_problems(description: Description, language: str, text: str, file: Path | None = None) -> list[str]:
    """A document's texts still in the description's language, one line each, then how to translate them.

    A final document in one language must not show the description's own texts in the other: it is
    refused with these lines (a draft carries them as notes).
    """
    from .translation import fix_hint, shown_untranslated

    shown = shown_untranslated(description, language, text)
    if not shown:
        return []
    lines = [f"text not translated ({description.document.language.value} → {language}): {path} «{value}»"
             for path, value in shown.items()]
    return [*lines, f"to translate: {fix_hint(language, str(file) if file else 'FILE')}"]


def _covered(path: str, explained: list[str]) -> bool:
    """Whether a missing value is already explained by a finding on the same field or one containing it."""
    return any(path == p or path.startswith((p + ".", p + "[")) for p in explained)


def publisher_of(description: Description, document: str) -> Role:
    """Who publishes a public document: the controller its notice, the processor its charter and its list."""
    if document == "privacy-notice":
        return Role.CONTROLLER
    if document in ("processor-charter", "subprocessors") and description.processor is not None:
        return Role.PROCESSOR
    return description.charter_publisher


def output_name(description: Description, document: str, language: str, fmt: str) -> str:
    """A safe file name from the document and who it concerns (see :func:`output_stem`)."""
    return f"{output_stem(description, document, language)}.{fmt}"


def output_stem(description: Description, document: str, language: str) -> str:
    """A safe file name from the document and who it concerns.

    The contract names both parties (``dpa-cabinet-martin-avm-up-fr.pdf``); a public charter, notice or
    list names only its publisher (``subprocessors-avm-up-fr.pdf``), never a client.
    """
    if document in ("dpa", "change-notice"):
        parties = [description.controller, description.processor]
    else:
        parties = [getattr(description, publisher_of(description, document).value)]
    names = [p.display_name or "" for p in parties if p is not None]
    return safe_filename(document, *names, language)


def _change_notice(description: Description, request: Request, lib: Library, language: str) -> Any:
    """The change notice since ``request.since``, or what became of it (not affected, refused)."""
    from .change_notice import build_notice, notice_facts, touches
    from .diff import diff

    if request.since is None:
        if request.since_note:
            return DocumentResult("change-notice", "not-affected", reason=request.since_note)
        raise UsageError("the change notice needs the previous description: --since OLD")
    change_set = diff(request.since, description)
    when = request.notice_date or dt.date.today()
    facts = notice_facts(description, change_set, language, when)
    if not touches(change_set):
        reason = ("nothing that changed calls for a notice to this controller under Art. 28(2)"
                  if change_set.changed else "nothing changed since the previous version")
        if request.shadowed:
            reason += f" (its own description sets {', '.join(request.shadowed)}, which the change concerns)"
        return DocumentResult("change-notice", "not-affected", reason=reason, notice=facts)
    try:
        tree = build_notice(description, request.since, library=lib, language=language, notice_date=when,
                            draft=request.draft, change_set=change_set)
    except IncompleteError as gaps:
        return DocumentResult("change-notice", "refused", problems=[f"value missing: {p}" for p in gaps.details],
                              notice=facts)
    return tree, facts


def _redline(tree: Any, request: Request, lib: Library, language: str) -> Any:
    """A tree with the changes since ``request.redline`` marked (the change notice is never redlined)."""
    from .redline import redline_document

    old = request.redline
    if tree.kind == "change-notice" or old is None:
        return tree
    return redline_document(tree, old, lambda: build(old, tree.kind, language=language, draft=True, library=lib))


def _with_provenance(fmt: str, data: bytes, tree: Any, request: Request, lib: Library) -> bytes:
    """The file's bytes with what it was made from stored inside."""
    from .provenance import record, stamp

    options: dict[str, Any] = {}
    if request.notice_date is not None:
        options["date"] = request.notice_date.isoformat()
    if request.templates:
        options["templates"] = [t.name for t in request.templates]
    if request.clause_dirs:
        options["clauses"] = [d.name for d in request.clause_dirs]
    return stamp(fmt, data, record(tree, fmt, request.sources, lib, options))


def requested_documents(description: Description, request: Request, lib: Library) -> tuple[list[str], list[str]]:
    """The documents to produce and, for ``all``, those that do not apply.

    An explicit document that does not apply is a UsageError saying what it needs and what does apply.
    """
    applicable = applicable_documents(description, lib)
    if "all" in request.documents:
        return applicable, [d for d in lib.documents if d not in applicable]
    for document in request.documents:
        if document == "change-notice":  # built from two descriptions, not from the clause library
            continue
        if document not in lib.documents:
            raise UsageError(f"unknown document '{document}'", [f"documents: {', '.join(lib.documents)}"])
        if document not in applicable:
            needs = NEEDS.get(document, lib.documents[document].applies_when)
            raise UsageError(
                f"the {document} does not apply to this description: it needs {needs}",
                [f"documents that apply: {', '.join(applicable) or 'none'}"],
            )
    return list(dict.fromkeys(request.documents)), []


def produce(
    description: Description,
    request: Request,
    library: Library | None = None,
    *,
    only: list[str] | None = None,
    clients: list[tuple[str, Description]] | None = None,
) -> list[DocumentResult]:
    """Write every requested document that can be written; say what became of each.

    ``only`` restricts the work to some of the requested documents (a parallel run splits them). Existing
    files are checked for every document before anything is written, so a refusal to overwrite leaves the
    folder as it was.
    """
    lib = library or load_library(request.clause_dirs)
    for change in lib.changes:
        status(change)
    from .dpo_documents import check_formats, is_dpo_request

    if is_dpo_request(request.documents):
        return _produce_dpo(description, request, lib, clients)
    check_formats(request.documents, request.formats)
    documents, not_applicable = requested_documents(description, request, lib)
    if only is not None:
        documents = [d for d in documents if d in only]
        not_applicable = [d for d in not_applicable if d in only]
    results = {d: DocumentResult(d, "not-applicable", reason=why_not(description, d, lib)) for d in not_applicable}
    language = request.language or description.output_language
    findings = _findings(description)
    trees = []
    notices: dict[str, dict[str, Any]] = {}
    for document in documents:
        if document == "change-notice":
            notice = _change_notice(description, request, lib, language)
            if isinstance(notice, DocumentResult):
                results[document] = notice
            else:
                trees.append(notice[0])
                notices[document] = notice[1]
            continue
        if request.draft:
            tree = build(description, document, language=language, draft=True, library=lib)
            tree.notes = drafting_notes(description, document, language, findings)
            tree.notes += untranslated_problems(description, language, tree.text(), request.sources.get("description"))
            trees.append(tree)
            continue
        blocking = [f for f in findings if f.blocks(document)]
        problems = [f.line(language) for f in blocking]
        try:
            tree = build(description, document, language=language, library=lib)
        except IncompleteError as gaps:
            explained = [f.path for f in blocking]
            problems += [f"value missing: {path}" for path in gaps.details if not _covered(path, explained)]
        else:
            problems += untranslated_problems(description, language, tree.text(), request.sources.get("description"))
        if problems:
            results[document] = DocumentResult(document, "refused", problems=problems)
        else:
            trees.append(tree)
    if request.redline is not None:
        trees = [_redline(tree, request, lib, language) for tree in trees]
    named = [(tree.kind, output_stem(description, tree.kind, language), tree, None) for tree in trees]
    _write(named, request, lib, results)
    for document, notice in notices.items():
        results[document].notice = notice
    order = [*documents, *not_applicable]
    return [results[d] for d in order if d in results]


Named = tuple[str, str, Any, Any]
"""A document to write: its name, its file name without the format, its tree, and (the record) its record."""


def _write(named: list[Named], request: Request, lib: Library, results: dict[str, DocumentResult]) -> None:
    """Write each tree in each format; nothing is written when a file would be replaced without --force."""
    from .writers import get_writer

    writers = {fmt: get_writer(fmt) for fmt in request.formats if fmt != "xlsx"}
    targets = [(request.out_dir / f"{stem}.{fmt}", document, tree, record, fmt)
               for document, stem, tree, record in named for fmt in request.formats]
    if not request.force:
        existing = [str(p) for p, *_ in targets if p.exists() or p.is_symlink()]
        if existing:
            raise OutputError("refusing to replace existing files (use --force)", existing)
    for document, *_ in named:
        results.setdefault(document, DocumentResult(document, "written"))
    for path, document, tree, record, fmt in targets:
        if fmt == "xlsx":
            from .record.xlsx import write_xlsx

            data = write_xlsx(record, draft=request.draft)
        else:
            options = {"variant": request.pdf_variant} if fmt == "pdf" and request.pdf_variant else {}
            data = writers[fmt].write(tree, template=template_for(fmt, request.templates), **options)
        if request.redline is not None and fmt == "docx":
            from .redline import finish_docx

            when = request.notice_date or tree.date
            data = finish_docx(data, f"{when.isoformat()}T00:00:00Z" if when else "")
        if request.provenance:
            data = _with_provenance(fmt, data, tree, request, lib)
        results[document].paths.append(write_atomic(path, data, force=request.force))


def _produce_dpo(
    description: Description, request: Request, lib: Library, clients: list[tuple[str, Description]] | None
) -> list[DocumentResult]:
    """The record (one over this description and ``request.clients``) or this description's breach documents."""
    from .dpo_documents import RECORD, check_formats, draft_breach, draft_record

    check_formats(request.documents, request.formats)
    language = request.language or description.output_language
    if RECORD in request.documents:
        if clients is None:
            from .io import load

            clients = [(str(p), load(p)) for p in request.clients]
        own = str(request.sources.get("description", ""))
        # the record is the keeper's own: in its own language, not the language drafted for a client
        own_language = request.language or str(description.document.language)
        drafted = [draft_record([description, *(d for _, d in clients)], own_language, request.draft,
                                [own or "#1", *(name for name, _ in clients)], lib)]
    else:
        drafted = draft_breach(description, request.incident, request.documents, language=language,
                               draft=request.draft, now=request.now, library=lib)
    results: dict[str, DocumentResult] = {}
    for item in drafted:
        if item.reason:
            results[item.document] = DocumentResult(item.document, "not-applicable", reason=item.reason)
        elif item.problems or item.tree is None:
            results[item.document] = DocumentResult(item.document, "refused", problems=item.problems)
    named = [(d.document, d.stem, d.tree, d.record) for d in drafted if d.tree is not None and not d.reason]
    _write(named, request, lib, results)
    return [results[d.document] for d in drafted]


def generate(description: Description, request: Request, library: Library | None = None) -> list[Path]:
    """Write the requested documents; raise IncompleteError when any was refused (after writing the others).

    The strict form of :func:`produce`, for callers that want one list of paths or an error.
    """
    results = produce(description, request, library)
    refused = [r for r in results if r.status == "refused"]
    if refused:
        raise refusal(refused)
    return [path for r in results for path in r.paths]


def refusal(refused: list[DocumentResult]) -> IncompleteError:
    """One error listing every problem once, with the documents it blocks."""
    blocks: dict[str, list[str]] = {}
    for result in refused:
        for line in result.problems:
            blocks.setdefault(line, []).append(result.document)
    lines = [f"{line} [blocks: {', '.join(docs)}]" for line, docs in blocks.items()]
    names = ", ".join(r.document for r in refused)
    return IncompleteError(f"cannot finalise {names}: {len(lines)} problem(s) to fix (or use --draft)", lines)
