"""Provenance: what a generated file was made from, stored inside it and read back.

The record holds the dpagen version, the SHA-256 of every input file (the description, the profiles it
extends, the previous description of a change notice or redline), the clause ids and versions used and the
options. It goes in a DOCX or XLSX custom property, a PDF document-information entry, an HTML ``<meta>`` and a
Markdown comment, all named ``dpagen-provenance``. It holds no time and no absolute path, so the same
inputs still give the same bytes.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

from .errors import DpagenError, InputFileError, UsageError

KEY = "dpagen-provenance"
_MD = re.compile(r"<!-- dpagen-provenance: (\{.*\}) -->")
_META = re.compile(r'<meta name="dpagen-provenance" content="([^"]*)"\s*/?>')


def sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise InputFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def input_files(path: Path) -> list[Path]:
    """A description file and the profile files it extends (``"extends"``: a file or a list), in order."""
    seen: list[Path] = []

    def visit(p: Path) -> None:
        if p in seen:
            return
        seen.append(p)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # the loader reports unreadable files itself
        parents = data.get("extends") if isinstance(data, dict) else None
        for parent in [parents] if isinstance(parents, str) else parents or []:
            if isinstance(parent, str):
                visit((p.parent / parent).resolve() if not Path(parent).is_absolute() else Path(parent))

    visit(Path(path))
    return seen


def inputs(role: str, path: Path, replaced_by: Path | None = None) -> list[dict[str, str]]:
    """The input entries of one file given on the command line, its profiles after it.

    ``replaced_by``: another version of one of those profiles (``--profile``) that the file was drafted
    over instead; the profile it stands in for (same file name, else the root) and those after it are left
    out, since the document was not made from them.
    """
    files = input_files(path)
    if replaced_by is not None and len(files) > 1:
        from .profiles import stand_in

        files = files[: stand_in(files, replaced_by)]
    return [
        {"role": role if i == 0 else f"{role} profile", "file": f.name, "sha256": sha256(f)}
        for i, f in enumerate(files)
    ]


def record(
    tree: Any, fmt: str, sources: dict[str, Path], library: Any = None, options: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The provenance of one generated file."""
    from . import __version__

    specs = getattr(library, "clauses", {}) or {}
    clauses = {c.id: (specs[c.id].version if c.id in specs else "1") for c in tree.clauses()}
    profile = sources.get("profile")  # --profile: the description was drafted over this profile instead
    entries = [entry for role, path in sources.items()
               for entry in inputs(role, path, profile if role == "description" else None)]
    return {
        "generator": f"dpagen {__version__}",
        "document": tree.kind,
        "format": fmt,
        "inputs": entries,
        "clauses": clauses,
        "options": {"language": tree.language, "draft": tree.draft, **(options or {})},
    }


def _text(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def stamp(fmt: str, data: bytes, provenance: dict[str, Any]) -> bytes:
    """The file's bytes with its provenance stored inside."""
    text = _text(provenance)
    if fmt == "md":
        return data + f"\n<!-- {KEY}: {text.replace('--', '- -')} -->\n".encode()
    if fmt == "html":
        page = data.decode("utf-8")
        meta = f'<meta name="{KEY}" content="{html.escape(text, quote=True)}">'
        head = re.search(r"<head[^>]*>", page)
        if head is None:
            raise DpagenError("HTML writer: no <head> to hold the provenance")
        return (page[: head.end()] + "\n" + meta + page[head.end():]).encode("utf-8")
    if fmt in ("docx", "xlsx"):
        return _office_stamp(data, text)
    if fmt == "pdf":
        return _pdf_stamp(data, text)
    return data


_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def _office_stamp(data: bytes, text: str) -> bytes:
    """Add the provenance as a custom document property (File › Properties › Custom in Word or Excel)."""
    from xml.sax.saxutils import escape

    prop = (f'<property fmtid="{_FMTID}" pid="PID" name="{KEY}"><vt:lpwstr>{escape(text)}</vt:lpwstr>'
            "</property>")
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        parts = {info.filename: (info, zin.read(info.filename)) for info in zin.infolist()}
    when = next(iter(parts.values()))[0].date_time
    custom = parts.get("docProps/custom.xml")
    if custom is None:
        xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.'
               'openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.'
               f'org/officeDocument/2006/docPropsVTypes">{prop.replace("PID", "2")}</Properties>')
        types = parts["[Content_Types].xml"][1].decode("utf-8").replace(
            "</Types>", f'<Override PartName="/docProps/custom.xml" ContentType="{_CUSTOM_TYPE}"/></Types>')
        rels = parts["_rels/.rels"][1].decode("utf-8").replace(
            "</Relationships>",
            f'<Relationship Id="rIdDpagenCustom" Type="{_CUSTOM_REL}" Target="docProps/custom.xml"/>'
            "</Relationships>")
        updates = {"[Content_Types].xml": types, "_rels/.rels": rels, "docProps/custom.xml": xml}
    else:
        xml = custom[1].decode("utf-8")
        xml = re.sub(rf'<property [^>]*name="{KEY}".*?</property>', "", xml, flags=re.S)
        pid = max([int(p) for p in re.findall(r'pid="(\d+)"', xml)] + [1]) + 1
        updates = {"docProps/custom.xml": xml.replace("</Properties>", prop.replace("PID", str(pid)) + "</Properties>")}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        names = list(parts) + [n for n in updates if n not in parts]
        for name in names:
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            content = updates[name].encode("utf-8") if name in updates else parts[name][1]
            zout.writestr(info, content)
    return out.getvalue()


def _pdf_stamp(data: bytes, text: str) -> bytes:
    """Add the provenance to the PDF's document information, as an incremental update.

    The bytes WeasyPrint wrote are kept as they are, and the update holds no time: same input, same output.
    """
    from pypdf import PdfWriter

    writer = PdfWriter(io.BytesIO(data), incremental=True)
    writer.add_metadata({f"/{KEY}": text})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def read(path: Path) -> dict[str, Any]:
    """The provenance stored in a generated file; UsageError when it carries none."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputFileError(f"{path}: cannot be read ({exc.strerror})") from None
    text: str | None = None
    if data.startswith(b"%PDF"):
        from pypdf import PdfReader

        info: Any = PdfReader(io.BytesIO(data)).metadata or {}
        value = info.get(f"/{KEY}")
        text = str(value) if value is not None else None
    elif data.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                xml = z.read("docProps/custom.xml").decode("utf-8")
        except (KeyError, zipfile.BadZipFile):
            xml = ""
        match = re.search(rf'name="{KEY}"><vt:lpwstr>(.*?)</vt:lpwstr>', xml, re.S)
        text = html.unescape(match.group(1)) if match else None
    else:
        page = data.decode("utf-8", errors="replace")
        match = _META.search(page)
        if match:
            text = html.unescape(match.group(1))
        else:
            found = _MD.search(page)
            text = found.group(1) if found else None
    if text is None:
        raise UsageError(f"{path}: carries no dpagen provenance (made by another tool, or before dpagen recorded it)")
    try:
        result: dict[str, Any] = json.loads(text)
    except ValueError:
        raise UsageError(f"{path}: its dpagen provenance is damaged") from None
    return result


def matches(provenance: dict[str, Any], description: Path) -> tuple[bool, list[str]]:
    """Whether a description (and its profiles) is the one a file was made from, with the differences.

    Files are compared by content (SHA-256), whatever their names.
    """
    made = [e for e in provenance.get("inputs", []) if e.get("role", "").startswith("description")]
    here = inputs("description", description)
    if not made:
        return False, ["the document records no description"]
    recorded = {e["sha256"]: e["file"] for e in made}
    problems = [
        f"{e['file']}: differs from every file the document was made from (SHA-256 {e['sha256'][:12]}…)"
        for e in here if e["sha256"] not in recorded
    ]
    used = {e["sha256"] for e in here}
    problems += [f"{name} (SHA-256 {sha[:12]}…): used to make the document, not found in this description's files"
                 for sha, name in recorded.items() if sha not in used]
    return not problems, problems


def text(provenance: dict[str, Any]) -> str:
    """The provenance, readable."""
    lines = [f"made by: {provenance.get('generator', '?')}",
             f"document: {provenance.get('document', '?')} ({provenance.get('format', '?')})"]
    lines.append("inputs:")
    lines += [f"  {e['role']}: {e['file']} sha256 {e['sha256']}" for e in provenance.get("inputs", [])]
    options = provenance.get("options", {})
    lines.append("options: " + ", ".join(f"{k}={v}" for k, v in sorted(options.items())))
    clauses = provenance.get("clauses", {})
    lines.append(f"clauses ({len(clauses)}): " + ", ".join(f"{k} v{v}" for k, v in clauses.items()))
    return "\n".join(lines)


def run_provenance(path: Path, *, against: Path | None = None, output_format: str = "text") -> int:
    """`dpagen provenance FILE [--against DESCRIPTION]`: print it; exit 1 when the description differs."""
    provenance = read(path)
    verdict: dict[str, Any] = {}
    if against is not None:
        same, problems = matches(provenance, against)
        verdict = {"against": str(against), "matches": same, "differences": problems}
    if output_format == "json":
        print(json.dumps({"provenance": provenance, **verdict}, ensure_ascii=False, indent=2))
    else:
        print(text(provenance))
        if verdict:
            if verdict["matches"]:
                print(f"{against}: this is the description the document was made from")
            else:
                print(f"{against}: NOT the description the document was made from")
                print("\n".join(f"  {p}" for p in verdict["differences"]))
    return 0 if not verdict or verdict["matches"] else 1
