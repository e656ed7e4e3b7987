"""DOCX writer: the document tree laid out in a Word template through docxtpl.

The template (``templates/docx/document.docx``, or a letterhead passed with ``--template``) holds the page
set-up, styles, cover page (or the compact layout's title block), running header and footer, and the
signature block; placeholders are listed in
``templates/docx/README.md``. The clauses, annex tables and table of contents are generated (``docx_body``)
and placed by the template's ``{{p toc }}``, ``{{p main }}`` / ``{{p annexes }}`` (or ``{{p body }}``) tags.

Values are rendered by a sandboxed Jinja environment with ``StrictUndefined`` and autoescape, and escaped
for XML by us: ``&``, ``<``, ``«``, ``{{ x }}`` in user text come out as typed and are never evaluated.
The zip is written with fixed timestamps: the same tree gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import jinja2
from docx import Document as load_docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from markupsafe import Markup

from ..doctree import Document, Inline, plain
from ..errors import InputFileError, TemplateError
from ..resources import templates_dir
from ..sandbox_limits import BoundedSandbox, time_limit
from . import docx_body, docx_styles
from .docx_xml import runs, text_markup
from .docx_zip import normalise, stamp


def _xpath(element: Any, path: str) -> Any:
    """XPath with the ``w:`` prefix bound explicitly.

    python-docx's own ``xpath`` relies on its element classes, which lxml does not apply to a document
    parsed in another thread than the one that imported python-docx (a Dask or thread-pool worker).
    """
    from lxml import etree

    return etree.XPath(path, namespaces={"w": _W_NS})(element)


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

def default_template() -> Path:
    """The DOCX template shipped with dpagen."""
    return templates_dir() / "docx" / "document.docx"


def environment() -> BoundedSandbox:
    """The Jinja environment for DOCX templates: sandboxed and bounded, strict, escaping every value for XML."""
    return BoundedSandbox(
        undefined=jinja2.StrictUndefined, autoescape=True, finalize=text_markup
    )


class _Tracked(list[Any]):
    """A list that remembers whether the template looped over it."""

    iterated = False

    def __iter__(self) -> Any:
        self.iterated = True
        return super().__iter__()


def _context(
    document: Document, parts: dict[str, docx_body.Subdoc], styles: dict[str, str]
) -> dict[str, Any]:
    labels = dict(document.labels)
    colon = "\u00a0:" if document.language == "fr" else ":"
    draft_label = labels.get("draft", "DRAFT")
    running = document.header
    if document.draft and running.startswith(f"{draft_label} — "):
        running = running[len(draft_label) + 3:]
    details = []
    if document.reference:
        details.append(f"{labels.get('reference', 'Reference')}{colon} {document.reference}")
    if document.version:
        details.append(f"{labels.get('version', 'Version')}{colon} {document.version}")
    dated = [f"{labels.get('effective', 'Effective')} {document.date_text}"] if document.date_text else []
    span_styles = {"strong": styles["strong"], "blank": styles["blank"]}

    def rich(spans: Inline) -> Markup:  # run XML, for a ``{{r … }}`` tag
        return Markup(runs(spans, span_styles))

    signatures = _Tracked(
        {
            "role": s.role, "company": plain(s.company), "name": plain(s.name), "title": plain(s.title),
            "place_date": s.place_date,
            "company_r": rich(s.company), "name_r": rich(s.name), "title_r": rich(s.title),
        }
        for s in document.signatures
    )
    return {
        "title": document.title,
        "subtitle": document.subtitle,
        "parties_line": document.parties_line,
        "header": document.header,
        "running_header": running,
        "draft": document.draft,
        "draft_label": draft_label,
        "footer_text": document.footer or " — ".join(details),
        "details_line": " — ".join(details + dated),
        "layout": document.layout,
        "cover_page": document.layout == "report",
        "contents": document.has_contents,
        "reference": document.reference,
        "version": document.version,
        "effective_date": document.date_text,
        "language": document.language,
        "kind": document.kind,
        "labels": labels,
        "colon": colon,
        "signatures": signatures,
        "missing": list(document.missing),
        **parts,
    }


def _open(template: Path | None) -> tuple[DocxTemplate, str]:
    path = template or default_template()
    name = str(path) if template else "the default DOCX template"
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_TEMPLATE_BYTES + 1)  # never more than a letterhead can be (/dev/zero)
    except FileNotFoundError:
        raise InputFileError(f"DOCX template '{path}' not found") from None
    except OSError as exc:
        raise InputFileError(f"DOCX template '{path}' cannot be read ({exc.strerror})") from None
    _check_parts(data, path)
    tpl = DocxTemplate(io.BytesIO(data))
    try:
        tpl.get_docx()
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError):
        raise TemplateError(f"DOCX template '{path}' is not a Word .docx file") from None
    except Exception as exc:  # a damaged part inside the zip (malformed XML…)
        raise TemplateError(f"DOCX template '{path}' is damaged ({type(exc).__name__}: {exc})") from None
    return tpl, name


MAX_TEMPLATE_BYTES = 20 * 1024 * 1024  # a letterhead is well under 1 MB
MAX_PARTS_BYTES = 60 * 1024 * 1024  # its parts once unzipped (images included)
MAX_PARTS = 500


def _check_parts(data: bytes, path: Path) -> None:
    """Refuse a template whose file or unzipped parts are larger than any letterhead (a zip bomb)."""
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateError(f"DOCX template '{path}' is larger than {MAX_TEMPLATE_BYTES // 2**20} MB")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise TemplateError(f"DOCX template '{path}' is not a Word .docx file") from None
    if len(infos) > MAX_PARTS or sum(i.file_size for i in infos) > MAX_PARTS_BYTES:
        raise TemplateError(
            f"DOCX template '{path}' unpacks to more than {MAX_PARTS_BYTES // 2**20} MB or {MAX_PARTS} parts; "
            "a letterhead is much smaller"
        )


def _text_width(docx: Any) -> int:
    section = docx.sections[-1]
    emu = section.page_width - section.left_margin - section.right_margin
    return max(int(emu / 635), 2000)


def _first_bookmark_id(docx: Any) -> int:
    ids = [int(v) for v in _xpath(docx.element, "//w:bookmarkStart/@w:id") if str(v).isdigit()]
    return max(ids, default=0) + 1


def _check_layout(docx: Any, parts: dict[str, docx_body.Subdoc], signatures: _Tracked, name: str) -> None:
    """Refuse a template that would lose or repeat generated text."""
    main, annexes, body = parts["main"], parts["annexes"], parts["body"]
    if body.used + main.used != 1 or (annexes.headings and body.used + annexes.used != 1):
        raise TemplateError(
            f"{name} must place the generated text exactly once: a '{{{{p body }}}}' paragraph, "
            f"or '{{{{p main }}}}' and '{{{{p annexes }}}}' paragraphs "
            f"(found body ×{body.used}, main ×{main.used}, annexes ×{annexes.used})"
        )
    if signatures and not signatures.iterated:
        raise TemplateError(f"{name} has no signature block (a loop '{{% for sig in signatures %}}')")
    marks = _xpath(docx.element.body, f'.//w:bookmarkStart[starts-with(@w:name, "{docx_body.BOOKMARK}")]')
    signature = parts["signature_heading"]
    expected = (main.headings * main.used + annexes.headings * annexes.used + body.headings * body.used
                + signature.headings * signature.used)
    misplaced = [m for m in marks if m.getparent().getparent().tag in (qn("w:t"), qn("w:r"), qn("w:p"))]
    if len(marks) != expected or misplaced:
        raise TemplateError(
            f"{name} prints the generated text inside a paragraph: use a paragraph tag such as "
            "'{{p main }}' (with 'p'), alone in its paragraph"
        )


def _set_properties(docx: Any, document: Document) -> None:
    when = stamp(document.date)
    props = docx.core_properties
    # Word's core properties hold at most 255 characters each (python-docx refuses more)
    props.title = document.title[:255]
    props.subject = document.subtitle[:255]
    props.author = "dpagen"
    props.last_modified_by = "dpagen"
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.identifier = (document.reference or "")[:255]
    props.language = docx_styles.LANGUAGES.get(document.language, document.language)
    props.revision = 1
    props.created = when
    props.modified = when


def write(document: Document, *, template: Path | None = None) -> bytes:
    """Lay the document out in the DOCX template (``template``, else the default one)."""
    tpl, name = _open(template)
    docx = tpl.get_docx()
    styles = docx_styles.prepare(docx, lambda: load_docx(str(default_template())), document.language)
    placed = "signature_heading" in "".join(docx.element.body.itertext())  # older letterheads write their own
    parts = docx_body.build_parts(document, styles, _text_width(docx), _first_bookmark_id(docx),
                                  signature_heading=placed)
    context = _context(document, parts, styles)
    try:
        with time_limit():
            tpl.render(context, jinja_env=environment(), autoescape=True)
    except jinja2.UndefinedError as exc:
        raise TemplateError(
            f"{name} uses an unknown placeholder: {exc.message}",
            [f"known placeholders: {', '.join(context)} (see templates/docx/README.md)"],
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        where = " ".join(" ".join(getattr(exc, "docx_context", [])).split())[:200]
        details = [where] if where else []
        raise TemplateError(f"{name}: template syntax error: {exc.message}", details) from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{name}: {exc.message or exc}") from None
    except RecursionError:
        raise TemplateError(f"{name}: the template recurses too deeply") from None
    except MemoryError:
        raise TemplateError(f"{name}: the template needs more memory than there is") from None
    except Exception as exc:  # a user's letterhead: malformed XML, a filter on the wrong type…
        raise TemplateError(f"{name}: cannot be filled in ({type(exc).__name__}: {exc})") from None
    docx = tpl.docx
    _check_layout(docx, parts, context["signatures"], name)
    _set_properties(docx, document)
    out = io.BytesIO()
    tpl.save(out)
    return normalise(out.getvalue(), stamp(document.date))
