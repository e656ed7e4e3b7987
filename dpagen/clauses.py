"""The clause library: clause and document files (TOML) loaded into validated objects.

Layout of a library folder::

    _labels.toml              localised words for enum values and writers
    <document>/_document.toml the document's title, sections and options
    <document>/<name>.toml    one clause
    <folder>/_words.toml      the wording of documents drafted in Python (record/, breach/): [group] key = fr/en

A ``--clauses DIR`` folder has the same layout; a clause with an id already known replaces ours,
a new id is added at its ``order``, and entries of its ``_labels.toml`` and ``_words.toml`` override ours.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import DpagenError, UsageError
from .io import validation_lines
from .resources import clauses_dir


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalText(_Spec):
    """Text in each language."""

    fr: str
    en: str

    def get(self, language: str) -> str:
        """The text in a language."""
        return str(getattr(self, language))


class TableColumn(_Spec):
    """A table column: its header and the template of each cell (``row`` is the current item)."""

    header: LocalText
    cell: str | LocalText


class TableSpec(_Spec):
    """A table a clause text places with a ``::table NAME`` line."""

    name: str
    rows: str = Field(description="Expression giving the list of rows, e.g. 'subprocessors'")
    columns: list[TableColumn]
    empty: LocalText | None = Field(None, description="Paragraph shown instead when there are no rows")


class ClauseSpec(_Spec):
    """One clause of the library."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    document: str
    section: str
    order: int
    version: str = "1"
    title: LocalText
    articles: list[str] = Field(default_factory=list, description="GDPR provisions implemented, e.g. '28(3)(a)'")
    checklist: list[str] = Field(default_factory=list, description="Ids of legal-checklist.md items covered")
    applies_when: str = Field("true", description="Jinja expression on the description")
    text: LocalText
    tables: list[TableSpec] = Field(default_factory=list)
    source: str = Field("", exclude=True)


class SectionSpec(_Spec):
    """A section (or annex) of a document."""

    id: str
    title: LocalText
    kind: Literal["body", "annex"] = "body"
    label: str | None = Field(None, description="Annex number, e.g. 'IV'")


class DocumentSpec(_Spec):
    """What makes a document: title, sections, options."""

    id: str
    title: LocalText
    subtitle: LocalText
    parties_line: LocalText = Field(description="Template of the line naming the parties")
    header: LocalText = Field(description="Template of the running header")
    applies_when: str = "true"
    sections: list[SectionSpec]
    number_clauses: bool = True
    number_paragraphs: bool = True
    signatures: bool = False
    layout: Literal["report", "compact"] = Field(
        "report", description="'report': cover page and contents page; 'compact': title block atop page 1"
    )
    contents: bool | None = Field(None, description="Table of contents (default: in the report layout only)")
    source: str = Field("", exclude=True)


class Library(BaseModel):
    """Every document, clause and label available."""

    documents: dict[str, DocumentSpec]
    clauses: dict[str, ClauseSpec]
    labels: dict[str, dict[str, LocalText]]
    changes: list[str] = Field(default_factory=list)
    """What --clauses folders changed, one line each, for the user to see."""

    def for_document(self, document: str) -> list[ClauseSpec]:
        """The clauses of a document in order (ties broken by id)."""
        return sorted((c for c in self.clauses.values() if c.document == document), key=lambda c: (c.order, c.id))

    def labels_in(self, language: str) -> dict[str, dict[str, str]]:
        """Labels resolved for one language."""
        return {g: {k: v.get(language) for k, v in group.items()} for g, group in self.labels.items()}


def _read_toml(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise DpagenError(f"{path}: invalid TOML ({exc})") from None
    except OSError as exc:
        raise DpagenError(f"{path}: cannot be read ({exc.strerror})") from None


def _parse(model: type[_Spec], data: dict[str, object], path: Path) -> _Spec:
    try:
        return model.model_validate({**data, "source": str(path)})
    except ValidationError as exc:
        raise DpagenError(f"{path}: not a valid {model.__name__}", validation_lines(exc)) from None


def _merge_folder(folder: Path, lib: Library) -> None:
    """Add a folder's labels, documents and clauses to the library; note what an override changes."""
    words = sorted(folder.glob("*/_words.toml"))  # the record's and the breach kit's wording
    for labels_file in [folder / "_labels.toml", *words]:
        if not labels_file.is_file():
            continue
        for group, entries in _read_toml(labels_file).items():
            if not isinstance(entries, dict):
                raise DpagenError(f"{labels_file}: [{group}] must be a table")
            target = lib.labels.setdefault(group, {})
            for key, value in entries.items():
                try:
                    target[str(key)] = LocalText.model_validate(value)
                except ValidationError as exc:
                    raise DpagenError(f"{labels_file}: {group}.{key}", validation_lines(exc)) from None
    for path in sorted(folder.rglob("*.toml")):
        if path.name in ("_labels.toml", "_words.toml"):
            continue
        data = _read_toml(path)
        if path.name == "_document.toml":
            doc = _parse(DocumentSpec, data, path)
            assert isinstance(doc, DocumentSpec)
            lib.documents[doc.id] = doc
        else:
            clause = _parse(ClauseSpec, data, path)
            assert isinstance(clause, ClauseSpec)
            lib.changes.append(_change(lib, clause))
            lib.clauses[clause.id] = clause


def _change(lib: Library, clause: ClauseSpec) -> str:
    """How a clause changes the library: it replaces one, or adds one (maybe a misspelt replacement)."""
    if clause.id in lib.clauses:
        return f"{clause.source}: replaces clause {clause.id}"
    twin = next(
        (c for c in lib.clauses.values()
         if c.document == clause.document and (c.title.fr == clause.title.fr or c.title.en == clause.title.en)),
        None,
    )
    if twin is not None:
        return (f"{clause.source}: adds clause {clause.id}, titled like {twin.id}: to replace that clause, "
                f"give it the id {twin.id}")
    return f"{clause.source}: adds clause {clause.id} to {clause.document} (order {clause.order})"


def load_library(overrides: list[Path] | None = None) -> Library:
    """Load dpagen's library, then each override folder on top of it."""
    lib = _builtin_library()
    for folder in overrides or []:
        if not folder.is_dir():
            raise UsageError(f"{folder}: --clauses expects a folder of clause files")
        if not any(folder.rglob("*.toml")):
            raise UsageError(f"{folder}: no clause file (*.toml) in this folder")
        _merge_folder(folder, lib)
    for clause in lib.clauses.values():
        doc = lib.documents.get(clause.document)
        if doc is None:
            raise DpagenError(f"{clause.source}: unknown document '{clause.document}'")
        if clause.section not in {s.id for s in doc.sections}:
            raise DpagenError(f"{clause.source}: unknown section '{clause.section}' of document '{doc.id}'")
    return lib


def _library_json(lib: Library) -> bytes:
    """The library as JSON for the cache, with each clause's source file (which ``model_dump`` leaves out)."""
    import json

    data = lib.model_dump(mode="json")
    for kind in ("documents", "clauses"):
        for key, item in getattr(lib, kind).items():
            data[kind][key]["source"] = item.source
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _builtin_library() -> Library:
    """Dpagen's own library: read back from the cache while its files are unchanged, else parsed (and kept).

    Parsing the ~80 clause files costs ~30 ms of every run; reading the parsed library back, ~2 ms.
    """
    from . import cache

    folder = clauses_dir()
    store = cache.cache_dir("library-json")  # not "library": that held pickles (issue 14)
    key = cache.fingerprint(list(folder.rglob("*.toml")), folder) if store is not None else ""
    stored = cache.load(store, key)
    if stored is not None:
        try:
            return Library.model_validate_json(stored)  # data only: a cache file can never run code
        except ValueError:
            pass
    lib = Library(documents={}, clauses={}, labels={})
    _merge_folder(folder, lib)
    lib.changes.clear()
    cache.store(store, key, _library_json(lib))
    return lib
