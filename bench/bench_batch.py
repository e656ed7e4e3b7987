"""Batch generation: N clients extending one profile, `--doc all --format docx,pdf`.

Measured side by side in one run: a shell loop of one fresh `dpagen generate` per description (and, for
information, the same loop with each call held to one core by `--jobs 1`), then
`dpagen generate clients/ --jobs 1`, then `--jobs 2`. Prints files per minute, the ratios beside their
targets (jobs 2 ≥ 2.5× the loop and ≥ 1.7× jobs 1), the peak memory of any process (target: < 250 MB per
worker) and whether the report's figures match the files on disk.

    python bench/bench_batch.py [N]      # N clients, default 100
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORTFOLIO = ROOT / "examples" / "portfolio"
DPAGEN = [sys.executable, "-m", "dpagen"]
ARGS = ["--doc", "all", "--format", "docx,pdf"]


def make_clients(folder: Path, count: int) -> list[Path]:
    template = json.loads((PORTFOLIO / "clients" / "cabinet-martin.json").read_text(encoding="utf-8"))
    template.pop("$schema", None)
    template["extends"] = str((PORTFOLIO / "avm-up-profile.json").resolve())
    paths = []
    for i in range(count):
        data = json.loads(json.dumps(template))
        data["controller"]["legal_name"] = f"Client {i:03d} SARL"
        data["document"]["reference"] = f"AVM-DPA-2026-{i:03d}"
        path = folder / f"client-{i:03d}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=False, capture_output=True)
    return time.perf_counter() - start


def shell_loop(paths: list[Path], out: Path, extra: list[str]) -> tuple[float, int]:
    """One fresh `dpagen generate` per description, one after the other: seconds and files written."""
    start = time.perf_counter()
    for path in paths:
        subprocess.run([*DPAGEN, "generate", str(path), *ARGS, *extra, "--out", str(out / path.stem)],
                       check=False, capture_output=True)
    return time.perf_counter() - start, files_in(out)


def files_in(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_file() and p.suffix in (".docx", ".pdf"))


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    subprocess.run([*DPAGEN, "--help"], check=True, capture_output=True)  # warm caches
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        clients = work / "clients"
        clients.mkdir()
        paths = make_clients(clients, count)
        loop, loop_files = shell_loop(paths, work / "loop", [])
        # Information: the same loop with each call held to one core (a lone `dpagen generate --doc all`
        # already spreads one description's documents over every core, so the loop above is parallel too).
        serial, serial_files = shell_loop(paths, work / "serial", ["--jobs", "1"])
        results = {}
        for jobs in (1, 2):
            out = work / f"jobs{jobs}"
            report = work / f"report{jobs}.json"
            seconds = timed([*DPAGEN, "generate", str(clients), *ARGS, "--out", str(out), "--jobs", str(jobs),
                             "--report", str(report)])
            data = json.loads(report.read_text(encoding="utf-8"))
            listed = {Path(p).resolve() for d in data["descriptions"] for doc in d["documents"] for p in doc["paths"]}
            on_disk = {p.resolve() for p in out.rglob("*") if p.is_file()}
            matches = listed == on_disk and data["totals"]["files_written"] == len(on_disk)
            results[jobs] = (seconds, files_in(out), matches)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    per_minute = {"loop": loop_files / loop * 60, "serial": serial_files / serial * 60,
                  **{j: r[1] / r[0] * 60 for j, r in results.items()}}
    print(f"{count} clients, --doc all --format docx,pdf")
    print(f"  shell loop of fresh processes: {loop:7.1f} s  {loop_files} files  {per_minute['loop']:7.1f} files/min")
    print(f"  same loop, each call --jobs 1:  {serial:7.1f} s  {serial_files} files  "
          f"{per_minute['serial']:7.1f} files/min")
    for jobs, (seconds, files, _) in results.items():
        rate = per_minute[jobs]
        print(f"  --jobs {jobs}:                      {seconds:7.1f} s  {files} files  {rate:7.1f} files/min")
    ratio_loop = per_minute[2] / per_minute["loop"]
    ratio_one = per_minute[2] / per_minute[1]
    ratio_serial = per_minute[2] / per_minute["serial"]
    print(f"  --jobs 2 vs loop:   {ratio_loop:4.2f}x  (target >= 2.5x)  {'PASS' if ratio_loop >= 2.5 else 'MISS'}")
    print(f"  --jobs 2 vs the loop held to one core per call: {ratio_serial:4.2f}x  (information)")
    print(f"  --jobs 2 vs jobs 1: {ratio_one:4.2f}x  (target >= 1.7x)  {'PASS' if ratio_one >= 1.7 else 'MISS'}")
    print(f"  peak memory of any process: {peak_mb:.0f} MB  (target < 250 MB per worker)  "
          f"{'PASS' if peak_mb < 250 else 'MISS'}")
    print(f"  reports match the files on disk: {all(r[2] for r in results.values())}")


if __name__ == "__main__":
    main()
