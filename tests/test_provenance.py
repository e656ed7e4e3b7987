"""Provenance: stored in every format, read back, checked against a description; output stays byte-identical."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from conftest import EXAMPLES
from dpagen.cli import main
from dpagen.provenance import input_files, matches, read

FORMATS = ("docx", "pdf", "html", "md")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path], dict[str, Path]]:
    """The DPA in every format, written twice from a copy of the example."""
    base = tmp_path_factory.mktemp("prov")
    desc = base / "client.json"
    desc.write_bytes((EXAMPLES / "avm-up.json").read_bytes())
    runs = []
    for name in ("a", "b"):
        assert main(["generate", str(desc), "--doc", "dpa", "--format", ",".join(FORMATS),
                     "--out", str(base / name)]) == 0
        runs.append({p.suffix[1:]: p for p in (base / name).iterdir()})
    return desc, runs[0], runs[1]


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_and_byte_identical(made: tuple[Path, dict[str, Path], dict[str, Path]], fmt: str) -> None:
    desc, first, second = made
    assert first[fmt].read_bytes() == second[fmt].read_bytes()
    record = read(first[fmt])
    assert record["generator"].startswith("dpagen ")
    assert record["document"] == "dpa" and record["format"] == fmt
    assert record["inputs"] == [{"role": "description", "file": "client.json",
                                 "sha256": hashlib.sha256(desc.read_bytes()).hexdigest()}]
    assert record["clauses"]["dpa.breach"] and "dpa.subprocessors-general" in record["clauses"]
    assert record["options"] == {"language": "fr", "draft": False}
    assert matches(record, desc) == (True, [])


def test_docx_property_and_pdf_metadata_are_where_tools_look(
    made: tuple[Path, dict[str, Path], dict[str, Path]],
) -> None:
    import zipfile

    from docx import Document
    from pypdf import PdfReader

    _, first, _ = made
    with zipfile.ZipFile(first["docx"]) as z:
        assert "dpagen-provenance" in z.read("docProps/custom.xml").decode()
        assert "docProps/custom.xml" in z.read("[Content_Types].xml").decode()
    assert Document(str(first["docx"])).paragraphs  # Word can still open it
    info = PdfReader(first["pdf"]).metadata
    assert info is not None and json.loads(info["/dpagen-provenance"])["format"] == "pdf"
    assert '<meta name="dpagen-provenance"' in first["html"].read_text(encoding="utf-8").split("</head>")[0]
    assert first["md"].read_text(encoding="utf-8").rstrip().endswith("-->")


def test_cli_detects_a_changed_description(
    made: tuple[Path, dict[str, Path], dict[str, Path]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    desc, first, _ = made
    assert main(["provenance", str(first["pdf"]), "--against", str(desc)]) == 0
    assert "is the description the document was made from" in capsys.readouterr().out
    changed = tmp_path / "client.json"
    data = json.loads(desc.read_text(encoding="utf-8"))
    data["breach"]["notice_hours"] = 24
    changed.write_text(json.dumps(data), encoding="utf-8")
    assert main(["provenance", str(first["docx"]), "--against", str(changed), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["matches"] is False and report["differences"]
    plain = tmp_path / "plain.txt"
    plain.write_text("hello", encoding="utf-8")
    assert main(["provenance", str(plain)]) == 2


def test_profiles_are_inputs(tmp_path: Path) -> None:
    (tmp_path / "base.json").write_text('{"extends": "org.json"}', encoding="utf-8")
    (tmp_path / "org.json").write_text("{}", encoding="utf-8")
    (tmp_path / "client.json").write_text('{"extends": ["base.json"]}', encoding="utf-8")
    assert [p.name for p in input_files(tmp_path / "client.json")] == ["client.json", "base.json", "org.json"]


def test_the_xlsx_record_carries_its_provenance_and_stays_byte_identical(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    desc = tmp_path / "client.json"
    desc.write_bytes((EXAMPLES / "avm-up.json").read_bytes())
    made = []
    for name in ("a", "b"):
        assert main(["generate", str(desc), "--doc", "record", "--format", "xlsx", "--out", str(tmp_path / name)]) == 0
        (path,) = (tmp_path / name).glob("*.xlsx")
        made.append(path)
    assert made[0].read_bytes() == made[1].read_bytes()
    record = read(made[0])
    assert record["document"] == "record" and record["format"] == "xlsx"
    assert matches(record, desc) == (True, [])
    book = load_workbook(made[0])  # Excel and Calc still open it, with the property under File › Properties
    assert [p.name for p in book.custom_doc_props.props] == ["dpagen-provenance"]
    assert book.worksheets[0].max_row > 1


def test_under_another_profile_the_provenance_names_that_profile_not_the_one_on_disk(tmp_path: Path) -> None:
    portfolio = EXAMPLES / "portfolio"
    client = portfolio / "clients" / "cabinet-martin.json"
    new = portfolio / "changes" / "avm-up-profile-2027.json"
    assert main(["generate", str(client), "--profile", str(new), "--doc", "dpa", "--format", "md",
                 "--out", str(tmp_path)]) == 0
    (made,) = tmp_path.glob("*.md")
    record = read(made)
    assert [(e["role"], e["file"]) for e in record["inputs"]] == [("description", "cabinet-martin.json"),
                                                                  ("profile", "avm-up-profile-2027.json")]
    assert record["inputs"][1]["sha256"] == hashlib.sha256(new.read_bytes()).hexdigest()
    ok, problems = matches(record, client)  # the client over its own profile is not what was drafted
    assert not ok and any("avm-up-profile.json" in p for p in problems)
