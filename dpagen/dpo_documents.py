"""`dpagen generate` for the DPO's documents: the Art. 30 record and the breach kit.

Both read a LIST of descriptions (one per client of a processor): the record gives one file with a section
per controller; the breach kit gives each client whose data is involved its own documents.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .errors import IncompleteError, OutputError, UsageError
from .model import Description
from .output import safe_filename, write_atomic

if TYPE_CHECKING:
    from .doctree import Document
    from .generate import Request

RECORD = "record"
BREACH = ("breach", "breach-controller-notice", "breach-authority-notice", "breach-communication", "breach-register")
DPO_DOCUMENTS = (RECORD, *BREACH)


def _write_all(targets: list[tuple[Path, bytes]], force: bool) -> list[Path]:
    if not force:
        existing = [str(p) for p, _ in targets if p.exists()]
        if existing:
            raise OutputError("refusing to replace existing files (use --force)", existing)
    return [write_atomic(path, data, force=force) for path, data in targets]


def _tree_bytes(tree: Document, fmt: str, request: Request) -> bytes:
    from .generate import template_for
    from .writers import get_writer

    return get_writer(fmt).write(tree, template=template_for(fmt, request.templates))


def record_files(descriptions: list[Description], request: Request, sources: list[str] | None = None) -> list[Path]:
    """Write the record (XLSX and/or the tree formats); a final is refused while Art. 30 items are missing."""
    from .record import record_for
    from .record.tree import record_tree

    record = record_for(descriptions, request.language, sources)
    gaps = record.gaps()
    if gaps and not request.draft:
        raise IncompleteError(f"cannot finalise the record: it lacks {len(gaps)} Art. 30 item(s) (or use --draft)",
                              gaps)
    name = safe_filename("record", record.holder, record.language)
    targets = []
    for fmt in request.formats:
        if fmt == "xlsx":
            from .record.xlsx import write_xlsx

            data = write_xlsx(record, draft=request.draft)
        else:
            data = _tree_bytes(record_tree(record, draft=request.draft), fmt, request)
        targets.append((request.out_dir / f"{name}.{fmt}", data))
    return _write_all(targets, request.force)


def breach_files(descriptions: list[Description], request: Request) -> list[Path]:
    """Write each breach document for each client involved in the request's incident."""
    from .incident.kit import breach_documents
    from .incident.model import load_incident

    if request.incident is None:
        raise UsageError("the breach documents need an incident: --incident INCIDENT.json "
                         "(write one with 'dpagen breach new --out incident.json')")
    if "xlsx" in request.formats:
        raise UsageError("XLSX is offered for the record only; breach documents: docx, pdf, html, md")
    incident = load_incident(request.incident)
    built = breach_documents(incident, descriptions, request.documents, language=request.language,
                             draft=request.draft)
    targets = []
    for d, tree in built:
        who = d.controller.display_name if d.controller else None
        for fmt in request.formats:
            name = safe_filename(tree.kind, incident.reference or "", who or "", tree.language)
            targets.append((request.out_dir / f"{name}.{fmt}", _tree_bytes(tree, fmt, request)))
    return _write_all(targets, request.force)


def generate_dpo(descriptions: list[Description], request: Request, sources: list[str] | None = None) -> list[Path]:
    """The record or the breach documents for one or several descriptions."""
    asked = set(request.documents)
    if asked - set(DPO_DOCUMENTS):
        raise UsageError("--doc record and the breach documents are generated on their own, not with others")
    if RECORD in asked:
        if len(asked) > 1:
            raise UsageError("--doc record is generated on its own")
        return record_files(descriptions, request, sources)
    return breach_files(descriptions, request)


def generate_from_inputs(inputs: list[Path], request: Request) -> list[Path]:
    """`dpagen generate FILES-OR-FOLDERS --doc record|breach…`: every description found, taken together.

    A client folder gives the processor ONE record (a section per controller) and, for an incident, one set of
    breach documents per client whose data is involved. Profiles that others extend are not clients.
    """
    from .batch import collect_inputs
    from .io import load
    from .output import status

    paths, profiles = collect_inputs(inputs)
    if not paths:
        raise UsageError("no description to generate")
    for profile in profiles:
        status(f"{profile}: a profile that other inputs extend; not a client of its own")
    paths += [p for p in request.clients if p not in paths]
    descriptions = [load(p) for p in paths]
    return generate_dpo(descriptions, request, [str(p) for p in paths])
