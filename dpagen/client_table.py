"""`dpagen clients import`: one client description per row of a CSV table, each extending a profile.

The header row names JSON paths of the description (``controller.legal_name``, ``contract.signatories[0].name``,
``subprocessor_policy.notice_days``); an optional ``file`` column names each client's file. A blank cell is
no value (the profile's stands). Each row is merged with the profile and validated; every bad cell is
reported with its row and column, as a spreadsheet shows them.
"""

from __future__ import annotations

import csv
import difflib
import io
import itertools
import json
import os
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import EXIT_INVALID, EXIT_OK, DescriptionError, InputFileError, UsageError
from .model import Description

FILE_COLUMN = "file"
LIST_SEPARATOR = re.compile(r"\s*(?:\n|\|)\s*")
"""Cells of a list of texts hold one item per line, or items separated by ``|``."""
_SEGMENT = re.compile(r"^([A-Za-z_$][A-Za-z0-9_]*)((?:\[\d+\])*)$")


@dataclass
class Column:
    """One header cell: its letter, its JSON path, and the kind of value it holds."""

    index: int
    header: str
    path: tuple[str | int, ...]
    is_list: bool = False

    @property
    def where(self) -> str:
        """How a person finds the column in a spreadsheet: ``column D (controller.legal_name)``."""
        return f"column {_letter(self.index)} ({self.header})"


@dataclass
class Row:
    """One client: its row number in the spreadsheet, its file name, its values as JSON data."""

    number: int
    name: str
    data: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_table(path: Path) -> list[list[str]]:
    """The rows of a CSV file in UTF-8 (with or without BOM), separated by ``,`` or ``;``."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DescriptionError(f"{path}: not UTF-8 text (byte {exc.start}); save the table as CSV UTF-8") from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise DescriptionError(f"{path}: not a readable CSV table ({exc})") from None
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows:
        raise DescriptionError(f"{path}: the table is empty (expected a header row of JSON paths)")
    return rows


def known_paths(model: type[BaseModel] = Description, prefix: str = "") -> list[str]:
    """Every path a column may name (lists of objects shown with ``[0]``), for suggestions."""
    paths = []
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key in ("$schema", "extends", "translations"):
            continue
        target, many = _unwrap(info.annotation)
        here = f"{prefix}{key}"
        if isinstance(target, type) and issubclass(target, BaseModel):
            paths += known_paths(target, f"{here}[0]." if many else f"{here}.")
        else:
            paths.append(here)
    return paths


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The type inside Optional/list annotations, and whether a list was crossed."""
    many = False
    while True:
        origin = typing.get_origin(annotation)
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if (origin in (typing.Union, types.UnionType) and len(args) == 1) or origin is typing.Annotated:
            annotation = args[0]
        elif origin is list and args:
            annotation, many = args[0], True
        else:
            return annotation, many


def parse_header(cells: list[str], source: Path) -> list[Column]:
    """Columns from the header row; an unknown path is an error naming it and the closest known path."""
    columns, problems = [], []
    for index, cell in enumerate(cells):
        header = cell.strip()
        if not header:
            problems.append(f"column {_letter(index)}: empty header (name the JSON path of its values)")
            continue
        if header == FILE_COLUMN:
            columns.append(Column(index, header, ()))
            continue
        resolved = _resolve(header)
        if resolved is None:
            close = difflib.get_close_matches(re.sub(r"\[\d+\]", "[0]", header), known_paths(), n=1, cutoff=0.5)
            hint = f"; did you mean {close[0]}?" if close else "; `dpagen schema` lists the fields"
            problems.append(f"column {_letter(index)} ({header}): unknown path{hint}")
            continue
        path, is_list = resolved
        columns.append(Column(index, header, path, is_list))
    if problems:
        raise DescriptionError(f"{source}: the header row names unknown paths", problems)
    return columns


def _resolve(header: str) -> tuple[tuple[str | int, ...], bool] | None:
    """The JSON path a header names, and whether its value is a list of texts; None when unknown."""
    model: Any = Description
    path: list[str | int] = []
    segments = header.split(".")
    for position, segment in enumerate(segments):
        match = _SEGMENT.match(segment)
        if match is None or not (isinstance(model, type) and issubclass(model, BaseModel)):
            return None
        name, indexes = match.groups()
        fields = {(info.alias or key): info for key, info in model.model_fields.items()}
        if name not in fields or name in ("$schema", "extends", "translations"):
            return None
        target, many = _unwrap(fields[name].annotation)
        path.append(name)
        numbers = [int(n) for n in re.findall(r"\d+", indexes)]
        if numbers and not many:
            return None
        path += numbers
        last = position == len(segments) - 1
        is_model = isinstance(target, type) and issubclass(target, BaseModel)
        if last:
            if is_model or (many and numbers):  # a column holds a value, not an object
                return (tuple(path), False) if (many and numbers and not is_model) else None
            return tuple(path), many
        if many and not numbers:
            return None
        model = target
    return None


def _set(data: dict[str, Any], path: tuple[str | int, ...], value: Any) -> None:
    target: Any = data
    for part, following in itertools.pairwise(path):
        empty: Any = [] if isinstance(following, int) else {}
        if isinstance(part, int):
            while len(target) <= part:
                target.append(None)
            if target[part] is None:
                target[part] = empty
        elif part not in target:
            target[part] = empty
        target = target[part]
    last = path[-1]
    if isinstance(last, int):
        while len(target) <= last:
            target.append(None)
    target[last] = value


def build_rows(rows: list[list[str]], columns: list[Column], base: dict[str, Any]) -> list[Row]:
    """Each data row as a client overlay, validated merged over the profile; problems per cell."""
    from .profiles import merge

    built = []
    for offset, cells in enumerate(rows[1:], start=2):
        row = Row(offset, "")
        if len(cells) > len(columns):
            extra = [c for c in cells[len(columns):] if c.strip()]
            if extra:
                row.problems.append(f"row {offset}: {len(cells)} cells for {len(columns)} columns")
        by_path: dict[tuple[str | int, ...], Column] = {}
        for column in columns:
            cell = cells[column.index].strip() if column.index < len(cells) else ""
            if not cell:
                continue  # blank is missing: the profile's value stands
            if not column.path:
                row.name = cell
                continue
            value: Any = [v for v in LIST_SEPARATOR.split(cell) if v] if column.is_list else cell
            _set(row.data, column.path, value)
            by_path[column.path] = column
        _validate(row, merge(base, row.data), by_path)
        if not row.name:
            controller = row.data.get("controller", {})
            row.name = str(controller.get("brand") or controller.get("legal_name") or f"client-{offset}")
        built.append(row)
    return built


def _validate(row: Row, merged: dict[str, Any], columns: dict[tuple[str | int, ...], Column]) -> None:
    from .io import _problem

    try:
        Description.model_validate(merged)
    except ValidationError as exc:
        for item in exc.errors(include_url=False):
            loc = tuple(p for p in item["loc"] if not (isinstance(p, str) and p.startswith("function-")))
            column = next((c for p, c in columns.items() if loc[: len(p)] == p), None)
            where = f"row {row.number}, {column.where}" if column else f"row {row.number} (from the profile)"
            row.problems.append(f"{where}: {_problem(item, loc)}")


def import_table(table: Path, profile: Path, out: Path, *, skip_bad: bool = False, force: bool = False) -> int:
    """Write one client description per row; return the exit status (1 when a row is bad)."""
    from .io import resolve
    from .output import safe_filename, status, write_atomic

    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: --out expects a folder, and this is a file")
    base = resolve(profile).data
    rows = read_table(table)
    columns = parse_header(rows[0], table)
    built = build_rows(rows, columns, base)
    extends = Path(os.path.relpath(profile.resolve(), out.resolve())).as_posix()
    names: dict[str, int] = {}
    for row in built:
        name = safe_filename(row.name)
        if name in names:
            row.problems.append(f"row {row.number}: the same file name as row {names[name]} ({name}.json); "
                                f"give each client its own '{FILE_COLUMN}' or name")
        names.setdefault(name, row.number)
        target = out / f"{name}.json"
        if not force and (target.exists() or target.is_symlink()):
            row.problems.append(f"row {row.number}: {target} exists already (use --force to replace it)")
    bad = [r for r in built if r.problems]
    for row in bad:
        for line in row.problems:
            status(f"{table}: {line}")
    if bad and not skip_bad:
        status(f"dpagen: {len(bad)} bad row(s) of {len(built)}: nothing written (fix them, or --skip-bad)")
        return EXIT_INVALID
    for row in built:
        if row.problems:
            continue
        data = {"extends": extends, **row.data}
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        path = write_atomic(out / f"{safe_filename(row.name)}.json", text.encode("utf-8"), force=force)
        status(f"wrote {path}")
    if bad:
        status(f"dpagen: {len(bad)} bad row(s) skipped; {len(built) - len(bad)} client file(s) written")
        return EXIT_INVALID
    return EXIT_OK
