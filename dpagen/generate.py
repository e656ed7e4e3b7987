"""Orchestrates `dpagen generate`: check, build each document tree once, hand it to each writer, save."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .build import build
from .clauses import Library, load_library
from .errors import IncompleteError, UsageError
from .model import Description
from .output import safe_filename, status, write_atomic

DEFAULT_FORMATS = ("docx", "pdf")
DOCUMENT_ORDER = ("dpa", "privacy-notice", "processor-charter", "subprocessors")


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
    pdf_variant: str | None = None  # "pdf/ua-1" or "pdf/a-3b" (writers.PDF_VARIANTS), for the PDF writer


TEMPLATE_SUFFIXES = {"docx": ".docx", "html": ".css", "pdf": ".css"}
"""Which kind of --template file each writer takes: a Word letterhead, or a house stylesheet."""


def template_for(fmt: str, templates: list[Path]) -> Path | None:
    """The template given for a format's writer, if any."""
    suffix = TEMPLATE_SUFFIXES.get(fmt)
    return next((t for t in templates if t.suffix.lower() == suffix), None)


def applicable_documents(description: Description, library: Library) -> list[str]:
    """The documents of the library that apply to a description, in a stable order."""
    from .build import derived_facts
    from .templating import Renderer, make_context

    renderer = Renderer("en", library.labels_in("en"), draft=True)
    context = make_context(description, {"facts": derived_facts(description)})
    names = sorted(library.documents, key=lambda n: (DOCUMENT_ORDER.index(n) if n in DOCUMENT_ORDER else 99, n))
    return [n for n in names if renderer.condition(library.documents[n].applies_when, context, n)]


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


NEEDS = {
    "dpa": "a controller and a processor",
    "privacy-notice": "a controller that publishes its own notice (publisher: controller)",
    "processor-charter": "a processor",
    "subprocessors": "a processor, or a controller's own processors",
}
"""What each built-in document needs of a description, for the message when it does not apply."""


def output_name(description: Description, document: str, language: str, fmt: str) -> str:
    """A safe file name from the document and who it concerns.

    The contract names both parties (``dpa-cabinet-martin-avm-up-fr.pdf``); a public charter or list
    names only its publisher (``processor-charter-avm-up-fr.pdf``), never a client.
    """
    if document == "dpa":
        parties = [description.controller, description.processor]
    else:
        parties = [getattr(description, description.charter_publisher.value)]
        if document in ("processor-charter",):
            parties = [description.processor]
    names = [p.display_name or "" for p in parties if p is not None]
    return f"{safe_filename(document, *names, language)}.{fmt}"


def generate(description: Description, request: Request, library: Library | None = None) -> list[Path]:
    """Write every requested document in every requested format; return the paths written."""
    from .writers import get_writer

    lib = library or load_library(request.clause_dirs)
    for change in lib.changes:
        status(change)
    applicable = applicable_documents(description, lib)
    documents = applicable if "all" in request.documents else list(request.documents)
    for document in documents:
        if document in lib.documents and document not in applicable:
            needs = NEEDS.get(document, lib.documents[document].applies_when)
            raise UsageError(
                f"the {document} does not apply to this description: it needs {needs}",
                [f"documents that apply: {', '.join(applicable) or 'none'}"],
            )
    writers = {fmt: get_writer(fmt) for fmt in request.formats}
    language = request.language or description.document.language.value
    findings = _findings(description)
    trees, refused = [], {}
    for document in documents:
        if request.draft:
            tree = build(description, document, language=language, draft=True, library=lib)
            tree.notes = drafting_notes(description, document, language, findings)
            trees.append(tree)
            continue
        problems = blocking_findings(description, document, language, findings)
        try:  # a final refusal lists the problems of every document at once
            trees.append(build(description, document, language=language, library=lib))
        except IncompleteError as gaps:
            problems += [f"value missing: {path}" for path in gaps.details]
        if problems:
            refused[document] = problems
    if refused:
        lines = [f"{d}: {line}" for d, problems in refused.items() for line in problems]
        raise IncompleteError(
            f"cannot finalise {', '.join(refused)}: {len(lines)} problem(s) to fix (or use --draft)", lines
        )
    targets = [
        (request.out_dir / output_name(description, tree.kind, language, fmt), tree, fmt)
        for tree in trees
        for fmt in request.formats
    ]
    if not request.force:
        from .errors import OutputError

        existing = [str(p) for p, _, _ in targets if p.exists()]
        if existing:
            raise OutputError("refusing to replace existing files (use --force)", existing)
    written = []
    for path, tree, fmt in targets:
        options = {"variant": request.pdf_variant} if fmt == "pdf" and request.pdf_variant else {}
        data = writers[fmt].write(tree, template=template_for(fmt, request.templates), **options)
        written.append(write_atomic(path, data, force=request.force))
    return written
