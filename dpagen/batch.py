"""`dpagen generate` over one or many descriptions: inputs, workers, progress, summary, report, Ctrl-C.

Each description's documents go to their own folder under ``--out`` (named after the file) when there
are several. Work is spread over ``--jobs`` processes (each imports dpagen and WeasyPrint once) or sent to
a Dask cluster (``--scheduler``). A description that fails never stops the others. Ctrl-C lets the
documents being written finish (every write is atomic), cancels the rest and says what was not done.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from .api import Outcome, generate_many, plan
from .errors import EXIT_INTERRUPTED, EXIT_OK, DpagenError, UsageError
from .generate import Request, refusal
from .io import read_json


def collect_inputs(items: list[Path]) -> tuple[list[Path], list[Path]]:
    """The description files named, folders expanded to their ``*.json`` files (drafts left out).

    A file that another input extends is a profile: it is not generated on its own. Returns the
    descriptions and the profiles set aside.
    """
    files: list[Path] = []
    for item in items:
        if item.is_dir():
            found = sorted(p for p in item.glob("*.json") if not p.name.endswith(".draft.json"))
            if not found:
                raise UsageError(f"{item}: no description (*.json) in this folder")
            files += found
        else:
            files.append(item)
    files = list(dict.fromkeys(files))
    if len(files) < 2:
        return files, []
    profiles = {p.resolve() for f in files for p in _extended(f)}
    return [f for f in files if f.resolve() not in profiles], [f for f in files if f.resolve() in profiles]


def _extended(path: Path) -> list[Path]:
    """The profiles a file extends (directly or not), as far as they can be read; errors come later."""
    chain: list[Path] = []
    current = path
    for _ in range(16):
        try:
            data = read_json(current)  # bounded and strict, as every description read
        except (DpagenError, OSError, ValueError, RecursionError):
            break
        target = data.get("extends") if isinstance(data, dict) else None
        if not isinstance(target, str) or not target.strip():
            break
        current = current.parent / target.strip()
        if current.resolve() in {p.resolve() for p in chain}:
            break
        chain.append(current)
    return chain


def _init_worker(preload_pdf: bool, clause_dirs: list[Path]) -> None:
    """Prepare a worker process: Ctrl-C is the parent's to handle; heavy imports done once, up front."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from . import api

    api.library(clause_dirs)
    if preload_pdf:
        import weasyprint  # noqa: F401


@contextmanager
def executor_for(jobs: int, tasks: int, request: Request, scheduler: str | None) -> Iterator[Executor | None]:
    """Where the work runs: a Dask cluster, a pool of ``jobs`` processes, or here (None) for one task."""
    if scheduler:
        try:
            from distributed import Client
        except ImportError:
            raise UsageError("--scheduler needs Dask: pip install 'dpagen[dask]'") from None
        try:
            client: Any = cast(Any, Client)(scheduler, timeout="10s")
        except OSError as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        try:
            yield client.get_executor()
        finally:
            client.close()
        return
    workers = min(jobs, tasks)
    if workers <= 1:
        yield None
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                               initargs=("pdf" in request.formats, request.clause_dirs))
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@dataclass
class Run:
    """What a batch run did, as it goes."""

    inputs: list[Path]
    outcomes: list[Outcome] = field(default_factory=list)
    interrupted: bool = False
    started: float = field(default_factory=time.monotonic)

    def not_done(self) -> list[Outcome]:
        """The descriptions that got no outcome (the run was interrupted)."""
        done = {o.input for o in self.outcomes}
        return [Outcome(str(p), "not-done", error="interrupted before it was generated")
                for p in self.inputs if str(p) not in done]

    def exit_code(self) -> int:
        """130 when interrupted; else the worst description's: 0 written, 1 refused, 2 unusable."""
        if self.interrupted:
            return EXIT_INTERRUPTED
        return max((o.exit_code for o in self.outcomes), default=EXIT_OK)


def run(
    inputs: list[Path],
    request: Request,
    *,
    jobs: int | None = None,
    scheduler: str | None = None,
    report: Path | None = None,
    force_report: bool = False,
) -> int:
    """Generate every description, show progress and a summary, write the report; return the exit code."""
    from .output import status

    if report is not None and report.exists() and not force_report:
        raise UsageError(f"{report}: the report file exists already (use --force to replace it)")
    descriptions, profiles = collect_inputs(inputs)
    if not descriptions:
        raise UsageError("no description to generate")
    for profile in profiles:
        status(f"{profile}: a profile that other inputs extend; not generated on its own")
    tasks = plan(descriptions, request, split_documents=True)
    jobs = jobs or os.cpu_count() or 1
    batch = Run(descriptions)
    single = len(descriptions) == 1
    display: _Plain | None = None  # made after the workers are forked: a progress bar runs a thread
    try:
        with executor_for(jobs, len(tasks), request, scheduler) as executor:
            if executor is not None and not single:
                status(f"generating {len(descriptions)} descriptions with {_workers(executor, jobs)}")
            for outcome in generate_many(descriptions, request, executor, split_documents=True):
                display = display or _display(len(descriptions), single)
                batch.outcomes.append(outcome)
                display.done(outcome)
    except KeyboardInterrupt:
        batch.interrupted = True
    finally:
        if display is not None:
            display.close()
    _summary(batch, single)
    if not single and "change-notice" in request.documents:
        from .output import status

        for line in notice_table(batch.outcomes):
            status(line)
    if report is not None:
        _write_report(report, batch, request)
    return batch.exit_code()


def _workers(executor: Executor, jobs: int) -> str:
    return f"{jobs} worker processes" if type(executor).__name__ == "ProcessPoolExecutor" else "the Dask cluster"


class _Plain:
    """Progress without a terminal: one line per description."""

    def __init__(self, total: int, single: bool) -> None:
        self.total, self.count, self.single = total, 0, single

    def done(self, outcome: Outcome) -> None:
        from .output import status

        self.count += 1
        if self.single:
            for path in outcome.written:
                status(f"wrote {path}")
            return
        written = len(outcome.written)
        state = outcome.status
        if state == "written" and not written and all(d.status == "not-affected" for d in outcome.documents):
            state = "not affected"
        status(f"[{self.count}/{self.total}] {outcome.input}: {state} ({written} file(s))")

    def close(self) -> None:
        pass


class _Bar(_Plain):
    """Progress on a terminal: a bar with descriptions and documents done, failures and time left."""

    def __init__(self, total: int, single: bool) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        super().__init__(total, single)
        self.files = self.failures = 0
        self.progress = Progress(
            TextColumn("[bold]generating"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[note]}"),
            TimeRemainingColumn(), console=Console(stderr=True), transient=True,
        )
        self.task = self.progress.add_task("", total=total, note="")
        self.progress.start()

    def done(self, outcome: Outcome) -> None:
        self.files += len(outcome.written)
        self.failures += outcome.status != "written"
        note = f"{self.files} file(s), {self.failures} failed"
        self.progress.update(self.task, advance=1, note=note)

    def close(self) -> None:
        self.progress.stop()


def _display(total: int, single: bool) -> _Plain:
    return _Bar(total, single) if sys.stderr.isatty() and not single else _Plain(total, single)


def _summary(batch: Run, single: bool) -> None:
    """What was written, refused, not applicable or not done, once at the end."""
    from .output import status

    outcomes = batch.outcomes + batch.not_done()
    if single and outcomes:
        _single_summary(outcomes[0])
    else:
        for line in _table(outcomes):
            status(line)
        for outcome in outcomes:
            if outcome.status not in ("written", "not-done"):
                status(f"{outcome.input}:")
                for line in _problems(outcome):
                    status(f"  {line}")
    if batch.interrupted:
        status("dpagen: interrupted: finished files were kept, nothing half-written remains; "
               f"{len(batch.not_done())} description(s) not done")


def _single_summary(outcome: Outcome) -> None:
    from .output import status

    if outcome.error:
        status(f"dpagen: {outcome.error}")
    for doc in outcome.documents:
        if doc.status == "not-applicable":
            status(f"{doc.document}: not written: does not apply ({doc.reason})")
        elif doc.status == "not-affected":
            status(f"{doc.document}: not written: no notice is needed: {doc.reason}")
            for line in (doc.notice or {}).get("other_changes", []):
                status(f"  {line}")
    refused = [d for d in outcome.documents if d.status == "refused"]
    if refused:
        status(f"dpagen: {refusal(refused).render()}")


def _problems(outcome: Outcome) -> list[str]:
    lines = outcome.error.splitlines() if outcome.error else []
    refused = [d for d in outcome.documents if d.status == "refused"]
    if refused:
        lines += refusal(refused).render().splitlines()
    return lines


def _table(outcomes: list[Outcome]) -> list[str]:
    """A plain-text summary table: one row per description."""
    rows = [("description", "status", "written", "refused", "errors", "warnings")]
    for o in outcomes:
        refused = sum(d.status == "refused" for d in o.documents)
        rows.append((Path(o.input).name, o.status, str(len(o.written)), str(refused),
                     str(o.findings.get("error", 0)), str(o.findings.get("warning", 0))))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    totals = {s: sum(o.status == s for o in outcomes) for s in ("written", "refused", "unusable", "failed", "not-done")}
    files = sum(len(o.written) for o in outcomes)
    lines.append(f"{len(outcomes)} description(s): " + ", ".join(f"{n} {s}" for s, n in totals.items() if n)
                 + f"; {files} file(s) written")
    return lines


def _write_report(path: Path, batch: Run, request: Request) -> None:
    """The JSON report: per description, its status, files, refusals with findings, inputs' SHA-256."""
    from . import __version__
    from .output import status, write_atomic

    outcomes = batch.outcomes + batch.not_done()
    data: dict[str, Any] = {
        "dpagen": __version__,
        "interrupted": batch.interrupted,
        "seconds": round(time.monotonic() - batch.started, 2),
        "request": {
            "documents": request.documents,
            "formats": request.formats,
            "language": request.language,
            "draft": request.draft,
            "out": str(request.out_dir),
        },
        "totals": {
            "descriptions": len(outcomes),
            "files_written": sum(len(o.written) for o in outcomes),
            **{s: sum(o.status == s for o in outcomes) for s in ("written", "refused", "unusable", "failed",
                                                                  "not-done")},
        },
        "exit_code": batch.exit_code(),
        "descriptions": [o.to_dict() for o in sorted(outcomes, key=lambda o: o.input)],
    }
    if "change-notice" in request.documents:
        data["change_notice"] = notice_report(outcomes, request)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    write_atomic(path, text.encode("utf-8"), force=True)
    status(f"wrote the report {path}")


def _notice(outcome: Outcome) -> Any:
    return next((d for d in outcome.documents if d.document == "change-notice"), None)


def notice_table(outcomes: list[Outcome]) -> list[str]:
    """Who was notified of what, and by when they may object (or must answer), one row per client."""
    rows = [("description", "controller", "lang", "regime", "notified", "deadline", "effective", "announces")]
    notes = []
    for o in sorted(outcomes, key=lambda o: o.input):
        doc, name = _notice(o), Path(o.input).name
        facts = (doc.notice if doc else None) or {}
        if doc is None or doc.status not in ("written", "not-affected"):
            rows.append((name, "", "", "", doc.status if doc else o.status, "", "", ""))
            continue
        if doc.status == "not-affected":
            rows.append((name, facts.get("controller") or "", facts.get("language", ""), facts.get("regime", ""),
                         "not affected", "", "", ""))
            notes.append(f"  {name}: not affected: {doc.reason}")
            continue
        rows.append((name, facts["controller"] or "", facts["language"], facts["regime"], "yes",
                     f"{facts['deadline']} ({facts['deadline_for']})", facts["effective"], facts["announces"]))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["change notice: " + ("; ".join(dict.fromkeys(
        f"dated {(_notice(o).notice or {}).get('date')}" for o in outcomes
        if _notice(o) is not None and _notice(o).notice)) or "no letter")]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return lines + notes


def notice_report(outcomes: list[Outcome], request: Request) -> dict[str, Any]:
    """The report's summary of a change notice run.

    Who was notified of what and by when they may object (or must answer, under a specific
    authorisation); who is not affected, and why.
    """
    since = request.since_from
    notified, not_affected, other = [], [], []
    for o in sorted(outcomes, key=lambda o: o.input):
        doc = _notice(o)
        facts = dict(doc.notice or {}) if doc else {}
        entry: dict[str, Any] = {"description": o.input, **facts}
        if doc is not None and doc.status == "written":
            notified.append({**entry, "files": [str(p) for p in doc.paths]})
        elif doc is not None and doc.status == "not-affected":
            not_affected.append({**entry, "reason": doc.reason})
        else:
            other.append({**entry, "status": doc.status if doc else o.status,
                          "problems": (doc.problems if doc else []) or ([o.error] if o.error else [])})
    return {
        "since": str(since.path) if since else None,
        "since_is": since.kind if since else "description",
        "profile": str(request.profile) if request.profile else None,
        "notified": notified,
        "not_affected": not_affected,
        "not_done": other,
    }
