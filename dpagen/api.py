"""dpagen's Python API, the one place that orchestrates: load (with profiles) → check → build → write.

The command line, the batch and the wizard use it; so can a web application or a job queue::

    from concurrent.futures import ThreadPoolExecutor
    from dpagen import api

    loaded = api.load("clients/cabinet-martin.json")        # merged with the profiles it extends
    findings = api.check(loaded.description)                 # the DPO's review
    request = api.Request(documents=["all"], formats=["docx", "pdf"], out_dir=Path("out"))
    outcome = api.generate(loaded.path, request)             # never raises for bad input: see outcome.status
    for outcome in api.generate_many(paths, request, executor=ThreadPoolExecutor(4)):
        print(outcome.input, outcome.status)

Every result is plain, picklable data, so that any :class:`concurrent.futures.Executor` (processes, threads,
a Dask cluster's ``Client.get_executor()``) can run :func:`generate_task`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import EXIT_INVALID, EXIT_OK, EXIT_USAGE, DpagenError, UsageError
from .generate import DocumentResult, Request

if TYPE_CHECKING:
    from .clauses import Library
    from .model import Description
    from .rules.finding import Finding

__all__ = [
    "DocumentResult",
    "Loaded",
    "Outcome",
    "Request",
    "Source",
    "check",
    "generate",
    "generate_many",
    "generate_task",
    "library",
    "load",
]


@dataclass(frozen=True)
class Source:
    """One input file: the description or a profile it extends, with the SHA-256 of its bytes."""

    path: str
    sha256: str


@dataclass
class Loaded:
    """A description merged with its profiles, and the files it was read from (the file first)."""

    path: Path
    description: Description
    sources: list[Source]


@dataclass
class Outcome:
    """What became of one description: ``written``, ``refused``, ``unusable``, ``failed`` or ``not-done``."""

    input: str
    status: str
    documents: list[DocumentResult] = field(default_factory=list)
    findings: dict[str, int] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    error: str | None = None
    out_dir: str | None = None

    @property
    def exit_code(self) -> int:
        """0 written, 1 some document refused, 2 input unusable or output impossible."""
        return {"written": EXIT_OK, "refused": EXIT_INVALID}.get(self.status, EXIT_USAGE)

    @property
    def written(self) -> list[Path]:
        """Every file written for this description."""
        return [p for d in self.documents for p in d.paths]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form, for `--report`."""
        data = dataclasses.asdict(self)
        for doc in data["documents"]:
            doc["paths"] = [str(p) for p in doc["paths"]]
        return data


_LIBRARIES: dict[tuple[str, ...], Library] = {}


def library(clause_dirs: Iterable[Path] = ()) -> Library:
    """The clause library (dpagen's, with the given override folders), loaded once per process."""
    from .clauses import load_library

    dirs = [Path(d) for d in clause_dirs]
    key = tuple(str(d.resolve()) for d in dirs)
    if key not in _LIBRARIES:
        _LIBRARIES[key] = load_library(dirs)
    return _LIBRARIES[key]


def load(path: str | Path, profile: str | Path | None = None) -> Loaded:
    """Load a description file, merged with the profiles it extends (DpagenError when it cannot be used).

    ``profile``: another version of one of those profiles (same file name, else the root), used instead.
    """
    from .io import load_resolved

    description, resolved = load_resolved(path, Path(profile) if profile is not None else None)
    sources = [Source(str(layer.path), layer.sha256) for layer in resolved.layers]
    return Loaded(Path(path), description, sources)


def check(description: Description) -> list[Finding]:
    """The compliance review of a description (the findings of `dpagen check`)."""
    from .rules import check as run_check

    return run_check(description)


def _counts(description: Description) -> dict[str, int]:
    from .generate import _findings

    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in _findings(description):
        counts[finding.severity] += 1
    return counts


def generate(source: str | Path | Loaded, request: Request, only: list[str] | None = None) -> Outcome:
    """Generate one description's documents; every problem is reported in the outcome, never raised.

    ``only`` restricts the work to some of the requested documents (to spread one description's
    documents over several workers).
    """
    from .generate import produce

    name = str(source.path if isinstance(source, Loaded) else source)
    outcome = Outcome(name, "unusable", out_dir=str(request.out_dir))
    try:
        loaded = source if isinstance(source, Loaded) else load(source, request.profile)
    except DpagenError as exc:
        outcome.error = exc.render()
        return outcome
    outcome.sources = loaded.sources
    try:
        request = with_previous(request, loaded.path)
        outcome.findings = _counts(loaded.description)
        if request.provenance:  # each description records its own file (and, through it, its profiles)
            request = dataclasses.replace(request, sources={"description": loaded.path, **request.sources})
        outcome.documents = produce(loaded.description, request, library(request.clause_dirs), only=only)
    except DpagenError as exc:
        outcome.status = "failed" if exc.exit_code == EXIT_USAGE else "unusable"
        outcome.error = exc.render()
        return outcome
    refused = any(d.status == "refused" for d in outcome.documents)
    outcome.status = "refused" if refused else "written"
    return outcome


def with_previous(request: Request, path: Path) -> Request:
    """The request for one description, with its previous versions filled in.

    ``since_from`` and ``redline_from`` point to an old profile, a folder of old descriptions or one.
    """
    from .since import previous

    changes: dict[str, Any] = {}
    sources = dict(request.sources)
    if request.profile is not None:
        sources["profile"] = request.profile
    if request.since_from is not None:
        found = previous(request.since_from, path, request.profile)
        if found is None:
            changes["since_note"] = (f"a new client: {request.since_from.path} holds no earlier version of it "
                                     f"({path.name}), so there is nothing to announce")
        else:
            changes.update(since=found.description, shadowed=found.shadowed)
            sources["since"] = found.source
    if request.redline_from is not None:
        found = previous(request.redline_from, path, request.profile)
        if found is None:
            raise UsageError(f"{path}: --redline {request.redline_from.path} holds no earlier version of it "
                             f"({path.name}) to mark the changes against")
        changes["redline"] = found.description
        sources["redline"] = found.source
    if not changes and sources == request.sources:
        return request
    if request.provenance:
        changes["sources"] = sources
    return dataclasses.replace(request, **changes)


def generate_task(path: str, request: Request, only: list[str] | None = None) -> Outcome:
    """One unit of work for an executor: a module-level function of picklable arguments.

    An unexpected error (a bug) fails this description only, with its traceback in the outcome, so that
    one description never stops a batch.
    """
    try:
        return generate(path, request, only)
    except Exception:
        import traceback

        return Outcome(path, "failed", error="internal error (please report it):\n" + traceback.format_exc(),
                       out_dir=str(request.out_dir))


@dataclass(frozen=True)
class Task:
    """A unit of work: one description (some of its documents when ``only`` is set) into one folder."""

    path: Path
    request: Request
    only: list[str] | None = None


def plan(paths: list[Path], request: Request, split_documents: bool = False) -> list[Task]:
    """The tasks for some descriptions.

    Several descriptions go each into its own folder under ``request.out_dir`` (named after its file); a
    single one is split into one task per document when asked.
    """
    if len(paths) == 1:
        if split_documents and request.documents:
            documents = _documents_of(paths[0], request)
            if len(documents) > 1:
                return [Task(paths[0], request, [d]) for d in documents]
        return [Task(paths[0], request)]
    return [Task(p, dataclasses.replace(request, out_dir=request.out_dir / name)) for p, name in folder_names(paths)]


def _documents_of(path: Path, request: Request) -> list[str]:
    """The documents a request means for one description (``all``: those that apply), best effort."""
    if "all" not in request.documents:
        return list(dict.fromkeys(request.documents))
    from .clauses import load_library

    lib = load_library(request.clause_dirs)
    try:
        from .applicability import applicable_documents

        applicable = applicable_documents(load(path).description, lib)
    except DpagenError:
        return []
    return applicable + [d for d in lib.documents if d not in applicable]


def folder_names(paths: list[Path]) -> list[tuple[Path, str]]:
    """Each description's output folder name: its file name without ``.json``, made unique."""
    from .output import safe_filename

    seen: dict[str, int] = {}
    named = []
    for path in paths:
        base = safe_filename(path.stem)
        seen[base] = seen.get(base, 0) + 1
        named.append((path, base if seen[base] == 1 else f"{base}-{seen[base]}"))
    return named


def merge_outcomes(parts: list[Outcome]) -> Outcome:
    """One description's outcome from the outcomes of its documents run apart."""
    first = parts[0]
    worst = max(parts, key=lambda o: (o.exit_code, o.status != "refused"))
    from .applicability import DOCUMENT_ORDER

    rank = {name: i for i, name in enumerate(DOCUMENT_ORDER)}
    documents = sorted((d for o in parts for d in o.documents), key=lambda d: rank.get(d.document, 99))
    return dataclasses.replace(
        first,
        status=worst.status,
        documents=documents,
        error="\n".join(dict.fromkeys(o.error for o in parts if o.error)) or None,
    )


def generate_many(
    paths: Iterable[str | Path],
    request: Request,
    executor: Executor | None = None,
    *,
    split_documents: bool = False,
    on_done: Callable[[Outcome], None] | None = None,
) -> Iterator[Outcome]:
    """Generate several descriptions, each into its own folder; yield each outcome as it completes.

    Without an executor the work runs here, one description after another.
    """
    tasks = plan([Path(p) for p in paths], request, split_documents)
    if executor is None:
        for task in tasks:
            outcome = generate_task(str(task.path), task.request, task.only)
            if on_done:
                on_done(outcome)
            yield outcome
        return
    yield from _run_all(tasks, executor, on_done)


def _run_all(tasks: list[Task], executor: Executor, on_done: Callable[[Outcome], None] | None) -> Iterator[Outcome]:
    futures: dict[Future[Outcome], Task] = {
        executor.submit(generate_task, str(t.path), t.request, t.only): t for t in tasks
    }
    split = len(tasks) > 1 and all(t.only for t in tasks) and len({t.path for t in tasks}) == 1
    parts: list[Outcome] = []
    for future in as_completed(futures):
        outcome = future.result()
        if split:
            parts.append(outcome)
            continue
        if on_done:
            on_done(outcome)
        yield outcome
    if split:
        outcome = merge_outcomes(parts)
        if on_done:
            on_done(outcome)
        yield outcome
