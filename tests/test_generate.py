"""`dpagen generate`: file names, refusal of incomplete input, no silent overwrite, drafts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES
from dpagen.generate import output_name
from dpagen.io import validate


def dpagen(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dpagen", *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def test_output_names_carry_no_path_characters() -> None:
    d = validate({"controller": {"legal_name": "../../etc/passwd"}, "processor": {"brand": "A/B\\C «Ü» ; rm -rf"}})
    name = output_name(d, "dpa", "fr", "pdf")
    assert "/" not in name and "\\" not in name and ".." not in name
    assert name.endswith("-fr.pdf") and name.startswith("dpa-")


def test_generate_markdown_and_refuse_to_overwrite(tmp_path: Path) -> None:
    args = ["generate", str(EXAMPLES / "avm-up.json"), "--doc", "dpa", "--format", "md", "--out", str(tmp_path)]
    first = dpagen(*args)
    assert first.returncode == 0, first.stderr
    written = sorted(tmp_path.glob("*.md"))
    assert len(written) == 1
    assert f"wrote {written[0]}" in first.stderr
    text = written[0].read_text(encoding="utf-8")
    assert "Contrat de sous-traitance" in text and "48" in text
    written[0].write_text("edited by hand", encoding="utf-8")
    again = dpagen(*args)
    assert again.returncode == 2
    assert "use --force" in again.stderr
    assert written[0].read_text(encoding="utf-8") == "edited by hand"
    forced = dpagen(*args, "--force")
    assert forced.returncode == 0
    assert written[0].read_text(encoding="utf-8") == text
    assert sorted(p.name for p in tmp_path.iterdir()) == [written[0].name]  # no temporary files left


def test_incomplete_description_is_refused_then_drafted(tmp_path: Path) -> None:
    partial = tmp_path / "partial.json"
    partial.write_text(json.dumps({"controller": {"legal_name": "C"}, "processor": {"legal_name": "P"}}), "utf-8")
    refused = dpagen("generate", str(partial), "--format", "md", "--out", str(tmp_path / "out"))
    assert refused.returncode == 1
    assert "--draft" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
    out = str(tmp_path / "out")
    drafted = dpagen("generate", str(partial), "--draft", "--format", "md", "--lang", "en", "--out", out)
    assert drafted.returncode == 0, drafted.stderr
    text = next((tmp_path / "out").glob("*.md")).read_text(encoding="utf-8")
    assert "DRAFT" in text and "[●]" in text


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    result = dpagen("generate", str(EXAMPLES / "avm-up.json"), "--format", "odt", "--out", str(tmp_path))
    assert result.returncode == 2
    assert "unknown format 'odt'" in result.stderr


def test_public_documents_are_named_after_their_publisher_only() -> None:
    d = validate({"controller": {"brand": "Client Co"}, "processor": {"brand": "Vendor"}})
    assert output_name(d, "dpa", "en", "pdf") == "dpa-client-co-vendor-en.pdf"
    assert output_name(d, "processor-charter", "fr", "md") == "processor-charter-vendor-fr.md"
    assert output_name(d, "subprocessors", "fr", "md") == "subprocessors-vendor-fr.md"
    alone = validate({"controller": {"brand": "Shop"}})
    assert output_name(alone, "privacy-notice", "fr", "pdf") == "privacy-notice-shop-fr.pdf"


def test_each_writer_gets_its_own_kind_of_template(tmp_path: Path) -> None:
    from dpagen.generate import template_for

    docx, css = Path("letterhead.docx"), Path("house.css")
    assert template_for("docx", [css, docx]) == docx
    assert template_for("pdf", [docx, css]) == css
    assert template_for("html", [docx]) is None
    assert template_for("md", [docx, css]) is None
    bad = dpagen("generate", str(EXAMPLES / "avm-up.json"), "--template", "x.odt", "--out", str(tmp_path))
    assert bad.returncode == 2 and ".docx (Word) or a .css" in bad.stderr


def test_house_stylesheet_reaches_the_html(tmp_path: Path) -> None:
    css = tmp_path / "house.css"
    css.write_text("h1 { color: rgb(1, 2, 3); }", encoding="utf-8")
    out = tmp_path / "out"
    result = dpagen("generate", str(EXAMPLES / "avm-up.json"), "--format", "html,md", "--template", str(css),
                    "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "rgb(1, 2, 3)" in next(out.glob("*.html")).read_text(encoding="utf-8")


def test_a_draft_lists_the_compliance_findings_it_still_has_to_resolve(tmp_path: Path) -> None:
    import docx

    flawed = EXAMPLES / "optipic-flawed.json"
    out = tmp_path / "out"
    result = dpagen("generate", str(flawed), "--doc", "privacy-notice", "--draft", "--format", "md,html,docx",
                    "--lang", "en", "--out", str(out))
    assert result.returncode == 0, result.stderr
    from dpagen.generate import drafting_notes
    from dpagen.io import load

    notes = drafting_notes(load(flawed), "privacy-notice", "en")
    assert notes and any(n.startswith("error ") for n in notes)
    md = next(out.glob("*.md")).read_text(encoding="utf-8")
    html = next(out.glob("*.html")).read_text(encoding="utf-8")
    body = "\n".join(p.text for p in docx.Document(str(next(out.glob("*.docx")))).paragraphs)
    assert "To resolve before finalising" in md and "To resolve before finalising" in body
    for note in notes:
        rule = note.split()[1]
        assert rule in md and rule in html and rule in body


def test_a_final_document_has_no_drafting_notes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = dpagen("generate", str(EXAMPLES / "okasio.json"), "--doc", "privacy-notice", "--format", "md",
                    "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Points à régler" not in next(out.glob("*.md")).read_text(encoding="utf-8")


def test_check_reports_what_a_final_build_would_refuse() -> None:
    """`dpagen check` and `dpagen generate` agree: the specific regime needs subprocessor addresses."""
    import pytest

    from dpagen.build import build
    from dpagen.errors import IncompleteError
    from dpagen.io import load
    from dpagen.rules import check

    d = load(EXAMPLES / "avm-up.json")
    first = d.subprocessors[0].model_copy(update={"address": None})
    specific = d.model_copy(update={"subprocessor_policy": d.subprocessor_policy.model_copy(
        update={"regime": "specific"}), "subprocessors": [first, *d.subprocessors[1:]]})
    with pytest.raises(IncompleteError) as refused:
        build(specific, "dpa")
    gaps = {f.path for f in check(specific) if f.blocks("dpa")}
    assert "subprocessors[0].address" in refused.value.details
    assert all(any(gap == p or gap.startswith(p + ".") for p in gaps) for gap in refused.value.details)


def test_a_document_that_does_not_apply_says_why_and_what_does(tmp_path: Path) -> None:
    result = dpagen("generate", str(EXAMPLES / "okasio.json"), "--doc", "dpa", "--format", "md", "--out", str(tmp_path))
    assert result.returncode == 2
    assert "needs a controller and a processor" in result.stderr
    assert "documents that apply: privacy-notice, subprocessors" in result.stderr


def test_all_writes_what_can_be_finalised_and_lists_the_rest(tmp_path: Path) -> None:
    data = json.loads((EXAMPLES / "avm-up.json").read_text(encoding="utf-8"))
    del data["$schema"]
    data["contract"]["jurisdiction"] = None  # the contract needs it; the charter and the list do not
    data["breach"]["notice_hours"] = 100  # an error that blocks the contract and the charter, listed once
    source = tmp_path / "avm.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out"
    result = dpagen("generate", str(source), "--doc", "all", "--format", "md", "--out", str(out))
    assert result.returncode == 1, result.stderr
    written = sorted(p.name for p in out.iterdir())
    assert written == ["subprocessors-avm-up-fr.md"], result.stderr
    assert "cannot finalise dpa, processor-charter" in result.stderr
    assert "value missing: contract.jurisdiction [blocks: dpa]" in result.stderr
    breach_lines = [line for line in result.stderr.splitlines() if "breach.notice_hours" in line]
    assert len(breach_lines) == 1 and breach_lines[0].endswith("[blocks: dpa, processor-charter]")
    assert "privacy-notice: not written: does not apply (the controller publishes its own notice" in result.stderr
    flawed = dpagen("generate", str(EXAMPLES / "optipic-flawed.json"), "--doc", "all", "--format", "md",
                    "--out", str(tmp_path / "none"))
    assert flawed.returncode == 1 and "cannot finalise dpa, privacy-notice" in flawed.stderr
    assert not (tmp_path / "none").exists()


def test_repeated_formats_and_a_file_as_out(tmp_path: Path) -> None:
    avm = str(EXAMPLES / "avm-up.json")
    twice = dpagen("generate", avm, "--format", "md,MD", "--out", str(tmp_path / "o"))
    assert twice.returncode == 0, twice.stderr
    assert len(list((tmp_path / "o").iterdir())) == 1
    afile = tmp_path / "file.json"
    afile.write_text("{}", encoding="utf-8")
    bad = dpagen("generate", avm, "--format", "md", "--out", str(afile))
    assert bad.returncode == 2 and "--out expects a folder" in bad.stderr
    css = tmp_path / "house.css"
    css.write_text("p {}", encoding="utf-8")
    unused = dpagen("generate", avm, "--format", "md", "--template", str(css), "--out", str(tmp_path / "p"))
    assert unused.returncode == 0 and "is not used by the formats" in unused.stderr
