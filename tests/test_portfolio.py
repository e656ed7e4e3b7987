"""One processor, many clients: profiles, `dpagen resolve`, client tables, batch generation and its report."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES
from dpagen.errors import DescriptionError
from dpagen.io import load
from dpagen.profiles import merge, overlay

PORTFOLIO = EXAMPLES / "portfolio"
BatchRun = tuple[subprocess.CompletedProcess[str], Path]


def dpagen(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dpagen", *args], capture_output=True, text=True, cwd=cwd, timeout=600)


def write(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


# -- merging ------------------------------------------------------------------------------------------------
def test_merge_objects_key_by_key_lists_and_scalars_whole_null_clears() -> None:
    base = {"a": {"x": 1, "y": 2}, "l": [1, 2, 3], "s": "base", "gone": {"k": 1}}
    over = {"a": {"y": 20, "z": None}, "l": [9], "s": "over", "gone": None, "new": {"n": None, "m": 1}}
    assert merge(base, over) == {"a": {"x": 1, "y": 20}, "l": [9], "s": "over", "new": {"m": 1}}
    assert base["a"] == {"x": 1, "y": 2}  # the profile's data is not changed
    wanted = {"a": {"x": 1, "y": 5}, "l": [1, 2, 3], "t": True}
    assert merge(base, overlay(base, wanted)) == wanted


def test_a_chain_of_profiles_merges_and_errors_name_their_file(tmp_path: Path) -> None:
    write(tmp_path / "root.json", {"processor": {"legal_name": "P SAS"}, "breach": {"notice_hours": 48}})
    write(tmp_path / "p" / "mid.json", {"extends": "../root.json", "breach": {"notice_hours": 24},
                                        "audits": {"max_per_year": "often"}})
    client = write(tmp_path / "c" / "client.json", {"extends": "../p/mid.json", "controller": {"legal_nam": "C"}})
    with pytest.raises(DescriptionError) as bad:
        load(client)
    lines = bad.value.details
    assert any(line.startswith(f"{client}: controller.legal_nam: unknown field") for line in lines), lines
    assert any(line.startswith(f"{tmp_path / 'p' / '..' / 'p' / 'mid.json'}: audits.max_per_year")
               or "mid.json: audits.max_per_year" in line for line in lines), lines
    assert "root.json" in bad.value.message and "mid.json" in bad.value.message
    write(tmp_path / "p" / "mid.json", {"extends": "../root.json", "breach": {"notice_hours": 24}})
    write(client, {"extends": "../p/mid.json", "controller": {"legal_name": "C"}})
    merged = load(client)
    assert merged.breach.notice_hours == 24 and merged.processor and merged.processor.legal_name == "P SAS"
    assert merged.extends is None


def test_cycles_and_missing_profiles_are_errors_naming_the_files(tmp_path: Path) -> None:
    write(tmp_path / "a.json", {"extends": "b.json"})
    write(tmp_path / "b.json", {"extends": "a.json"})
    result = dpagen("validate", str(tmp_path / "a.json"))
    assert result.returncode == 1 and "cycle" in result.stderr and "b.json" in result.stderr
    assert "Traceback" not in result.stderr
    write(tmp_path / "c.json", {"extends": "nowhere.json"})
    missing = dpagen("check", str(tmp_path / "c.json"))
    assert missing.returncode != 0 and "nowhere.json" in missing.stderr and "Traceback" not in missing.stderr


def test_resolve_prints_the_merged_description_and_the_example_client_equals_avm_up() -> None:
    result = dpagen("resolve", str(PORTFOLIO / "clients" / "cabinet-martin.json"))
    assert result.returncode == 0, result.stderr
    merged = json.loads(result.stdout)
    assert "extends" not in merged
    alone = json.loads(dpagen("resolve", str(EXAMPLES / "avm-up.json")).stdout)
    merged.pop("$schema", None)
    alone.pop("$schema", None)
    assert merged == alone


def test_the_schema_knows_extends() -> None:
    schema = json.loads((EXAMPLES.parent / "schema" / "dpagen.schema.json").read_text(encoding="utf-8"))
    assert "extends" in schema["properties"]


# -- client tables ------------------------------------------------------------------------------------------
def test_import_the_example_table_then_generate_from_it(tmp_path: Path) -> None:
    out = tmp_path / "clients"
    result = dpagen("clients", "import", str(PORTFOLIO / "clients.csv"), "--profile",
                    str(PORTFOLIO / "avm-up-profile.json"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    roux = json.loads((out / "atelier-roux.json").read_text(encoding="utf-8"))
    assert roux["extends"].endswith("avm-up-profile.json")
    assert roux["controller"]["address"]["street"] == "5 place Bellecour\nBâtiment B"  # a quoted cell with a newline
    assert "subprocessors" not in roux  # only what differs
    nordic = load(out / "nordic-design.json")
    assert nordic.breach.notice_hours == 24 and nordic.subprocessor_policy.notice_days == 30
    assert nordic.document.output_language == "en" and nordic.processor and nordic.processor.brand == "AVM Up"
    again = dpagen("clients", "import", str(PORTFOLIO / "clients.csv"), "--profile",
                   str(PORTFOLIO / "avm-up-profile.json"), "--out", str(out))
    assert again.returncode == 1 and "use --force" in again.stderr


def test_bom_semicolons_bad_cells_and_unknown_columns(tmp_path: Path) -> None:
    profile = str(PORTFOLIO / "avm-up-profile.json")
    table = tmp_path / "t.csv"
    table.write_bytes("\ufeffcontroller.legal_name;breach.notice_hours;document.language\n"
                      "Alpha;24;fr\nBeta;soon;de\nGamma;  ;en\n".encode())
    bad = dpagen("clients", "import", str(table), "--profile", profile, "--out", str(tmp_path / "o"))
    assert bad.returncode == 1
    assert "row 3, column B (breach.notice_hours)" in bad.stderr
    assert "row 3, column C (document.language)" in bad.stderr
    assert not (tmp_path / "o").exists() or not list((tmp_path / "o").iterdir())  # nothing written
    skipped = dpagen("clients", "import", str(table), "--profile", profile, "--out", str(tmp_path / "o"),
                     "--skip-bad")
    assert skipped.returncode == 1
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["alpha.json", "gamma.json"]
    gamma = json.loads((tmp_path / "o" / "gamma.json").read_text(encoding="utf-8"))
    assert "breach" not in gamma  # a blank cell is no value: the profile's stands
    table.write_text("controller.legal_nme,main_agreement.referense\nA,B\n", encoding="utf-8")
    unknown = dpagen("clients", "import", str(table), "--profile", profile, "--out", str(tmp_path / "u"))
    assert unknown.returncode == 1
    assert "column A (controller.legal_nme): unknown path; did you mean controller.legal_name?" in unknown.stderr
    assert "did you mean main_agreement.reference?" in unknown.stderr


# -- batch ---------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def batch_run(tmp_path_factory: pytest.TempPathFactory) -> BatchRun:
    """Three good clients, one invalid, one refused, one that is not JSON: generated in one run."""
    root = tmp_path_factory.mktemp("batch")
    clients = root / "clients"
    clients.mkdir()
    for path in (PORTFOLIO / "clients").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["extends"] = str((PORTFOLIO / "avm-up-profile.json").resolve())
        data.pop("$schema", None)
        write(clients / path.name, data)
    write(clients / "invalid.json", {"extends": str((PORTFOLIO / "avm-up-profile.json").resolve()),
                                     "breach": {"notice_hours": "soon"}})
    write(clients / "refused.json", {"extends": str((PORTFOLIO / "avm-up-profile.json").resolve()),
                                     "controller": {"legal_name": "Sans Adresse"}})
    write(clients / "broken.json", "{not json")
    report = root / "report.json"
    result = dpagen("generate", str(clients), "--doc", "all", "--format", "md,docx", "--out", str(root / "out"),
                    "--report", str(report), "--jobs", "2")
    return result, root


def test_batch_writes_good_clients_and_reports_the_others(batch_run: BatchRun) -> None:
    result, root = batch_run
    assert result.returncode == 2, result.stderr  # some input unusable
    assert "Traceback" not in result.stderr
    out = root / "out"
    assert sorted(p.name for p in out.iterdir()) == ["brightwater-logistics", "cabinet-martin",
                                                      "imprimerie-dubois", "refused"]
    assert len(list((out / "cabinet-martin").iterdir())) == 6
    assert sorted(p.name for p in (out / "refused").iterdir()) == ["processor-charter-avm-up-fr.docx",
                                                                   "processor-charter-avm-up-fr.md",
                                                                   "subprocessors-avm-up-fr.docx",
                                                                   "subprocessors-avm-up-fr.md"]
    assert (out / "brightwater-logistics" / "dpa-brightwater-logistics-gmbh-avm-up-en.md").is_file()


def test_the_report_matches_the_files_on_disk(batch_run: BatchRun) -> None:
    _, root = batch_run
    report = json.loads((root / "report.json").read_text(encoding="utf-8"))
    by_name = {Path(d["input"]).name: d for d in report["descriptions"]}
    assert {n: d["status"] for n, d in by_name.items()} == {
        "brightwater-logistics.json": "written", "cabinet-martin.json": "written",
        "imprimerie-dubois.json": "written", "invalid.json": "unusable", "refused.json": "refused",
        "broken.json": "unusable"}
    listed = {Path(p).resolve() for d in report["descriptions"] for doc in d["documents"] for p in doc["paths"]}
    on_disk = {p.resolve() for p in (root / "out").rglob("*") if p.is_file()}
    assert listed == on_disk and report["totals"]["files_written"] == len(on_disk)
    refused = next(doc for doc in by_name["refused.json"]["documents"] if doc["document"] == "dpa")
    assert refused["status"] == "refused" and any("PARTY-IDENTITY controller" in line for line in refused["problems"])
    import hashlib

    sources = by_name["cabinet-martin.json"]["sources"]
    assert [Path(s["path"]).name for s in sources] == ["cabinet-martin.json", "avm-up-profile.json"]
    for source in sources:
        assert source["sha256"] == hashlib.sha256(Path(source["path"]).read_bytes()).hexdigest()
    assert "breach.notice_hours" in by_name["invalid.json"]["error"]
    assert report["exit_code"] == 2


def test_the_batch_gives_the_same_bytes_as_one_file_at_a_time(
    batch_run: BatchRun, tmp_path: Path
) -> None:
    _, root = batch_run
    client = root / "clients" / "imprimerie-dubois.json"
    alone = dpagen("generate", str(client), "--doc", "dpa", "--format", "docx,md", "--out", str(tmp_path))
    assert alone.returncode == 0, alone.stderr
    for path in tmp_path.iterdir():
        assert path.read_bytes() == (root / "out" / "imprimerie-dubois" / path.name).read_bytes()


def test_ctrl_c_during_a_batch_leaves_no_partial_file(tmp_path: Path) -> None:
    clients = tmp_path / "clients"
    for i in range(8):
        write(clients / f"c{i}.json", {"extends": str((PORTFOLIO / "clients" / "cabinet-martin.json").resolve())})
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "dpagen", "generate", str(clients), "--doc", "all",
                                "--format", "pdf,docx", "--out", str(out), "--report", str(tmp_path / "r.json"),
                                "--jobs", "2"], stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not any(out.rglob("*.pdf")):
        time.sleep(0.1)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err
    assert not [p for p in out.rglob("*") if p.name.startswith(".") or p.suffix == ".tmp"]
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["interrupted"] is True and report["totals"]["not-done"] >= 1
    for path in out.rglob("*.pdf"):
        assert path.read_bytes().startswith(b"%PDF") and path.read_bytes().rstrip().endswith(b"%%EOF")


def test_the_api_runs_on_any_executor(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from dpagen import api

    paths = sorted((PORTFOLIO / "clients").glob("*.json"))
    request = api.Request(documents=["subprocessors"], formats=["md"], out_dir=tmp_path)
    with ThreadPoolExecutor(2) as pool:
        outcomes = list(api.generate_many(paths, request, executor=pool))
    assert sorted(o.status for o in outcomes) == ["written"] * 3
    assert {p.parent.name for o in outcomes for p in o.written} == {p.stem for p in paths}


def test_the_dask_path_gives_the_same_bytes(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    paths = sorted((PORTFOLIO / "clients").glob("*.json"))[:2]
    local = dpagen("generate", *map(str, paths), "--doc", "dpa", "--format", "docx,md", "--out", str(tmp_path / "l"))
    assert local.returncode == 0, local.stderr
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = dpagen("generate", *map(str, paths), "--doc", "dpa", "--format", "docx,md",
                        "--out", str(tmp_path / "d"), "--scheduler", cluster.scheduler_address)
    assert remote.returncode == 0, remote.stderr
    local_files = sorted(p.relative_to(tmp_path / "l") for p in (tmp_path / "l").rglob("*") if p.is_file())
    assert local_files and local_files == sorted(
        p.relative_to(tmp_path / "d") for p in (tmp_path / "d").rglob("*") if p.is_file())
    for rel in local_files:
        assert (tmp_path / "l" / rel).read_bytes() == (tmp_path / "d" / rel).read_bytes()
