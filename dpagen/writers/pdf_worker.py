"""A forked process that imports WeasyPrint while dpagen loads the description and builds the documents.

Importing WeasyPrint (Pango, HarfBuzz, fontconfig, fontTools) takes about as long as everything dpagen
does before the layout starts. ``dpagen generate`` with a PDF format forks this worker first
(:func:`running`); the worker imports WeasyPrint on the second core meanwhile, then lays out each PDF the
writer sends it (:func:`submit`: the print HTML and the stylesheets) with the very code the writer runs
in process (``pdf_layout.lay_out``), so the bytes are the same. What WeasyPrint logs in the worker is logged
again in this process, under the same logger names; a refused fetch or a layout error is raised here as
the same error. If the worker cannot be started (not Linux, threads running, WeasyPrint already
imported, ``DPAGEN_PDF_WORKER=0``) or dies, the writer lays the PDF out in process instead.
"""

from __future__ import annotations

import logging
import os
import pickle
import shutil
import signal
import struct
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_HEADER = struct.Struct("!Q")
_LOGGER = "weasyprint"


@dataclass
class _Worker:
    pid: int
    jobs: int  # write end: this process → worker
    results: int  # read end: worker → this process
    scratch: str  # the worker's temporary folder (WeasyPrint's font files), removed by this process


_worker: _Worker | None = None


@contextmanager
def running(enabled: bool = True) -> Iterator[None]:
    """Start the worker (when ``enabled`` and possible) for the duration of the block."""
    started = enabled and start()
    try:
        yield
    finally:
        if started:
            stop()


def start() -> bool:
    """Fork the worker unless it runs already or cannot help; True when a worker is running."""
    global _worker
    if _worker is not None:
        return True
    if not _can_fork():
        return False
    _sweep_scratch()
    scratch = tempfile.mkdtemp(prefix=f"{_SCRATCH}{os.getpid()}-")
    jobs_read, jobs_write = os.pipe()
    results_read, results_write = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        pid = os.fork()
    except OSError:
        for fd in (jobs_read, jobs_write, results_read, results_write):
            os.close(fd)
        os.rmdir(scratch)
        return False
    if pid == 0:  # the worker: never returns
        status = 1
        try:
            os.close(jobs_write)
            os.close(results_read)
            tempfile.tempdir = scratch  # it exits without running WeasyPrint's clean-up: this process does it
            _serve(jobs_read, results_write)
            status = 0
        finally:
            os._exit(status)
    os.close(jobs_read)
    os.close(results_write)
    _worker = _Worker(pid, jobs_write, results_read, scratch)
    return True


_SCRATCH = "dpagen-pdf-"  # + the pid of the dpagen process that owns the worker, + a random part


def _sweep_scratch() -> None:
    """Remove the scratch folders of dpagen processes that no longer run (killed with -9, say)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{_SCRATCH}*-*"):
        owner = folder.name[len(_SCRATCH):].split("-", 1)[0]
        if not owner.isdigit() or int(owner) == os.getpid():
            continue
        try:
            if folder.lstat().st_uid != os.getuid():
                continue
            os.kill(int(owner), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue


def stop() -> None:
    """End the worker (idle, or still importing: it holds nothing), reap it and remove its files."""
    global _worker
    worker, _worker = _worker, None
    if worker is None:
        return
    for fd in (worker.jobs, worker.results):
        os.close(fd)
    os.kill(worker.pid, signal.SIGTERM)  # ours until reaped, even once it has exited
    os.waitpid(worker.pid, 0)
    shutil.rmtree(worker.scratch, ignore_errors=True)


def submit(html: str, sources: list[str], variant: str | None = None) -> bytes | None:
    """The PDF laid out by the worker, or None when no worker runs (the caller lays it out itself).

    Raises the worker's FetchRefused or PdfError as such. Any other failure of the worker returns None,
    so that the in-process layout runs and reports it with its own traceback.
    """
    if _worker is None:
        return None
    level = logging.getLogger(_LOGGER).getEffectiveLevel()
    try:
        _send(_worker.jobs, {"html": html, "sources": sources, "variant": variant, "level": level})
        reply = _receive(_worker.results)
    except OSError:
        reply = None
    if reply is None:  # the worker died: lay out in process from now on
        stop()
        return None
    _relog(reply["logs"])
    if "pdf" in reply:
        return bytes(reply["pdf"])
    if "error" in reply:
        from .html_fetch import FetchRefused
        from .pdf_layout import PdfError

        kind, message = reply["error"]
        raise (FetchRefused if kind == "FetchRefused" else PdfError)(message)
    return None


def _can_fork() -> bool:
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    if os.environ.get("DPAGEN_PDF_WORKER", "1") == "0" or "weasyprint" in sys.modules:
        return False
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


def _relog(records: list[tuple[str, int, str]]) -> None:
    """Log here what WeasyPrint logged in the worker (with WeasyPrint's own silent default handler)."""
    logger = logging.getLogger(_LOGGER)
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())  # as ``weasyprint.logger`` does on import
    for name, level, message in records:
        logging.getLogger(name).log(level, "%s", message)


# -- the worker's side -------------------------------------------------------------------------------
class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _serve(jobs: int, results: int) -> None:
    """Import WeasyPrint, then lay out each job until the job pipe closes."""
    import gc

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the parent, which closes the pipe
    from .html_assets import read_css
    from .pdf_import import import_weasyprint
    from .pdf_layout import Prepared, lay_out, prepare

    gc.disable()  # while importing, the collector's passes would free nothing
    import_weasyprint()
    gc.freeze()  # the modules just imported stay out of every collection
    gc.enable()
    logger = logging.getLogger(_LOGGER)
    logger.propagate = False  # the parent logs the records again, through its own handlers
    collector = _Collector()
    logger.addHandler(collector)
    # while the parent is still building: our own stylesheets, parsed for the first layout
    prepared: Prepared | None = prepare([read_css("common.css"), read_css("print.css")])
    first_logs = collector.records
    while (job := _receive(jobs)) is not None:
        logger.setLevel(job["level"])
        collector.records, first_logs = first_logs, []
        reply: dict[str, Any]
        try:
            sources = job["sources"]
            ready = prepared if prepared and sources[: len(prepared.sources)] == prepared.sources else None
            prepared = None  # a font configuration serves one layout only
            reply = {"pdf": lay_out(job["html"], sources, ready, job["variant"])}
        except Exception as exc:  # reported to the parent, which raises it or lays out itself
            from ..errors import DpagenError

            if isinstance(exc, DpagenError):
                reply = {"error": (type(exc).__name__, exc.message)}
            else:
                reply = {"failed": f"{type(exc).__name__}: {exc}"}
        reply["logs"] = collector.records
        try:
            _send(results, reply)
        except OSError:  # the parent left
            return


# -- length-prefixed pickles over pipes ----------------------------------------------------------------
def _send(fd: int, message: dict[str, Any]) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _receive(fd: int) -> dict[str, Any] | None:
    """The next message, or None at end of file."""
    header = _read(fd, _HEADER.size)
    if header is None:
        return None
    body = _read(fd, _HEADER.unpack(header)[0])
    return None if body is None else pickle.loads(body)  # from our own fork


def _read(fd: int, size: int) -> bytes | None:
    chunks: list[bytes] = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
