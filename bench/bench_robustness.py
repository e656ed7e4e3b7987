"""Robustness run: seeded malformed and hostile inputs against the dpagen command line (issue 14).

Each case runs ``dpagen`` as a fresh process under a time limit and an address-space limit, and counts as
clean when it ends with exit code 0, 1 or 2, no traceback, a message on stderr when it fails, and no
file lost (a file already in the output folder is unchanged without ``--force``; a damaged wizard draft
is kept). Areas: description JSON, clause folders, house stylesheets, DOCX letterheads, wizard drafts,
output folders. It prints cases tried / clean / failed per area (target: 0 tracebacks, 0 hangs, 0 lost
files) and the first failures. Not part of the test suite (a few minutes): ``python bench/bench_robustness.py
--seed 1 --cases 20``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "avm-up.json"
TIME_LIMIT = 90.0
MEMORY_LIMIT = 3 * 1024**3

HOSTILE_TEXT = [
    "[1]: https://example.com", "&lt;b&gt;", "{{ 7*7 }}", "{% raw %}", "<script>alert(1)</script>", "# h",
    "🚀👨\u200d👩\u200d👧", "\u202eevil", "x" * 5000, "IBAN" + "9" * 40_000, "a\u0000b", "\ud7ff", " ", "",
    "https://" + "a" * 3000, "a@" + "b" * 3000 + ".fr", "'" * 300, "\\" * 300, "\n\n- item\n1. x\n===",
]
HOSTILE_TEMPLATES = [
    "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    "{{ 'x' * 10**9 }}", "{{ 10 ** (10 ** 8) }}", "{{ 'x' | center(10**9) }}", "{{ '%999999999s' % 'a' }}",
    "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", "{{ 1 / 0 }}", "{{ 'abc' | round }}",
    "{{ processor.nope }}", "{{ ''.__class__.__mro__ }}", "{% for %}", "{{ lipsum(10**6) }}",
    "{% for c in 'x' * 1000000 %}{% for d in 'x' * 1000000 %}{% endfor %}{% endfor %}",
]


@dataclass
class Case:
    area: str
    name: str
    argv: list[str]
    check: Callable[[], str | None] = lambda: None  # a lost-file check: None when nothing was lost
    stdin: bytes = b""


@dataclass
class Tally:
    tried: int = 0
    clean: int = 0
    failures: list[str] = field(default_factory=list)


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(case: Case, work: Path) -> str | None:
    """None when the case ended cleanly, else what went wrong."""
    env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache"), "PYTHONDONTWRITEBYTECODE": "1"}
    try:
        proc = subprocess.run([sys.executable, "-m", "dpagen", *case.argv], input=case.stdin, capture_output=True,
                              timeout=TIME_LIMIT, preexec_fn=_limits, env=env, cwd=work, check=False)
    except subprocess.TimeoutExpired:
        return f"hang (over {TIME_LIMIT:g} s)"
    err = proc.stderr.decode("utf-8", "replace")
    if "Traceback" in err:
        return "traceback: " + err.strip().splitlines()[-1][:200]
    if proc.returncode < 0 or proc.returncode not in (0, 1, 2):
        return f"exit {proc.returncode}: {err.strip()[-200:]}"
    if proc.returncode != 0 and not err.strip():
        return "failed without a message"
    lost = case.check()
    return f"lost file: {lost}" if lost else None


def _description(rng: random.Random) -> dict[str, object]:
    data: dict[str, object] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


def _paths(node: object, path: tuple[object, ...] = ()) -> Iterator[tuple[tuple[object, ...], object]]:
    yield path, node
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*path, i))


def _set(data: object, path: tuple[object, ...], value: object) -> None:
    for part in path[:-1]:
        data = data[part]  # type: ignore[index]
    data[path[-1]] = value  # type: ignore[index]


def json_cases(rng: random.Random, work: Path, n: int) -> Iterator[Case]:
    text = EXAMPLE.read_text(encoding="utf-8")
    fixed = {
        "empty": b"", "dev-zero": None, "huge-number": b"[" + b"9" * 5000 + b"]",
        "deep": b"[" * 100_000 + b"]" * 100_000, "duplicate": b'{"document": {"version": "1", "version": "2"}}',
        "latin1": "{\"processor\": {\"legal_name\": \"Soci\u00e9t\u00e9\"}}".encode("latin-1"),
        "nan": b'{"breach": {"notice_hours": NaN}}', "array": b"[1, 2]", "bom": b"\xef\xbb\xbf" + text.encode(),
    }
    for name, content in fixed.items():
        path = Path("/dev/zero") if content is None else work / f"{name}.json"
        if content is not None:
            path.write_bytes(content)
        yield Case("json", name, ["validate", str(path)])
    for i in range(n):
        kind = rng.choice(["truncate", "bytes", "value", "value", "type"])
        path = work / f"j{i}.json"
        if kind == "truncate":
            path.write_text(text[: rng.randrange(len(text))], encoding="utf-8")
        elif kind == "bytes":
            raw = bytearray(text.encode("utf-8"))
            for _ in range(rng.randint(1, 8)):
                raw[rng.randrange(len(raw))] = rng.randrange(256)
            path.write_bytes(bytes(raw))
        else:
            data = _description(rng)
            paths = [p for p, v in _paths(data) if p and (isinstance(v, str) or kind == "type")]
            where = rng.choice(paths)
            value: object = rng.choice(HOSTILE_TEXT) if kind == "value" else rng.choice(
                [None, 10**40, -1, [], {}, True, 1.5e308, "x" * 10_000])
            _set(data, where, value)
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        out = work / f"out-j{i}"
        fmt = rng.choice(["md", "html", "docx", "pdf"])
        yield Case("json", f"{kind}-{i}-{fmt}", ["generate", str(path), "--doc", "all", "--format", fmt, "--draft",
                                                 "--out", str(out)])


def clause_cases(rng: random.Random, work: Path, n: int) -> Iterator[Case]:
    for i in range(n):
        folder = work / f"clauses{i}" / "dpa"
        folder.mkdir(parents=True)
        template = rng.choice(HOSTILE_TEMPLATES).replace('"', '\\"')
        toml = (f'id = "dpa.bad{i}"\ndocument = "dpa"\nsection = "obligations"\norder = 999\nversion = "1"\n'
                f'articles = ["28(3)"]\nchecklist = []\n[title]\nfr = "T"\nen = "T"\n[text]\nfr = "{template}"\n'
                f'en = "{template}"\n')
        if rng.random() < 0.2:
            toml = toml[: rng.randrange(len(toml))]
        (folder / "999-bad.toml").write_text(toml, encoding="utf-8")
        yield Case("clauses", f"clause-{i}", ["generate", str(EXAMPLE), "--doc", "dpa", "--format", "md", "--draft",
                                              "--clauses", str(folder.parent), "--out", str(work / f"out-c{i}")])


def css_cases(rng: random.Random, work: Path, n: int) -> Iterator[Case]:
    sheets = ["@import url(file:///etc/passwd);", "body{background:url(/etc/hostname)}", "p{background:u\\72l(x)}",
              "}}}{{{", "body { color: red", "@page { size: 1mm 1mm }", "h1 { font-size: 100000pt }",
              "* { display: table-cell }", "</style><script>x</script>", "\x00\xff", "p::after{content:'" +
              "x" * 100_000 + "'}"]
    for i in range(n):
        css = work / f"house{i}.css"
        css.write_text(rng.choice(sheets), encoding="utf-8", errors="surrogateescape")
        fmt = rng.choice(["html", "pdf"])
        yield Case("css", f"css-{i}-{fmt}", ["generate", str(EXAMPLE), "--doc", "subprocessors", "--format", fmt,
                                            "--template", str(css), "--out", str(work / f"out-s{i}")])


def docx_cases(rng: random.Random, work: Path, n: int) -> Iterator[Case]:
    base = (ROOT / "templates" / "docx" / "document.docx").read_bytes()
    for i in range(n):
        path = work / f"letter{i}.docx"
        kind = rng.choice(["truncate", "jinja", "xml", "bomb"])
        if kind == "truncate":
            path.write_bytes(base[: rng.randrange(len(base))])
        elif kind == "bomb":
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("word/document.xml", b" " * (200 * 1024 * 1024))
        else:
            with zipfile.ZipFile(io_bytes(base)) as src, zipfile.ZipFile(path, "w") as dst:
                for item in src.infolist():
                    data = src.read(item)
                    if item.filename == "word/document.xml":
                        inserted = (rng.choice(HOSTILE_TEMPLATES) if kind == "jinja" else "<w:p><w:r>")
                        text = data.decode("utf-8")
                        at = text.index("<w:body>") + len("<w:body>")
                        if kind == "jinja":
                            inserted = f"<w:p><w:r><w:t>{inserted.replace('<', '&lt;')}</w:t></w:r></w:p>"
                        data = (text[:at] + inserted + text[at:]).encode("utf-8")
                    dst.writestr(item, data)
        yield Case("docx", f"{kind}-{i}", ["generate", str(EXAMPLE), "--doc", "subprocessors", "--format", "docx",
                                           "--template", str(path), "--out", str(work / f"out-d{i}")])


def io_bytes(data: bytes) -> object:
    import io

    return io.BytesIO(data)


DRAFT_RUN = r"""
import sys
from pathlib import Path
from dpagen.errors import DpagenError
from dpagen.wizard.session import Session
class Enter:
    def ask(self, prompt): raise KeyboardInterrupt
    def say(self, text): pass
try:
    Session(Enter(), Path(sys.argv[1]), None, sys.argv[2] == "resume", "en").run()
except DpagenError as exc:
    print(exc.render(), file=sys.stderr); sys.exit(exc.exit_code)
"""


def draft_cases(rng: random.Random, work: Path, n: int) -> Iterator[Case]:
    contents = [b"", b'{"dpagen_wizard_draft": 1, "answers": [["a', b"\x00garbage",
                json.dumps({"dpagen_wizard_draft": 1, "start": [1], "answers": "x"}).encode(),
                json.dumps({"dpagen_wizard_draft": 1, "start": {}, "answers": [[1, 2, 3]]}).encode(),
                json.dumps({"dpagen_wizard_draft": 1, "start": {}, "answers": [["x", {"y": 1}]] * 5}).encode()]
    for i in range(n):
        folder = work / f"draft{i}"
        folder.mkdir()
        content = rng.choice(contents)
        (folder / "desc.draft.json").write_bytes(content)
        mode = rng.choice(["resume", "fresh"])

        def kept(folder: Path = folder, content: bytes = content) -> str | None:
            files = [p.read_bytes() for p in folder.glob("desc.draft*.json")]
            return None if content in files else f"{folder}/desc.draft.json was not kept"

        yield Case("drafts", f"{mode}-{i}", ["-c", DRAFT_RUN, str(folder / "desc.json"), mode], check=kept)


def output_cases(rng: random.Random, work: Path, n: int) -> Iterator[Case]:
    for i in range(n):
        out = work / f"outs{i}"
        out.mkdir()
        kind = rng.choice(["existing", "dangling", "file-as-folder", "readonly"])
        target = out / "subprocessors-avm-up-fr.md"
        if kind == "existing":
            target.write_text("mine", encoding="utf-8")
        elif kind == "dangling":
            target.symlink_to(out / "nowhere")
        elif kind == "file-as-folder":
            (out / "sub").write_text("mine", encoding="utf-8")
            out = out / "sub"
        else:
            out.chmod(0o500)

        def unchanged(target: Path = target, kind: str = kind) -> str | None:
            if kind == "existing" and target.read_text(encoding="utf-8") != "mine":
                return f"{target} was replaced without --force"
            if kind == "dangling" and not target.is_symlink():
                return f"{target} (a symbolic link) was replaced without --force"
            return None

        yield Case("output", f"{kind}-{i}", ["generate", str(EXAMPLE), "--doc", "subprocessors", "--format", "md",
                                             "--out", str(out)], check=unchanged)


AREAS = {"json": json_cases, "clauses": clause_cases, "css": css_cases, "docx": docx_cases, "drafts": draft_cases,
         "output": output_cases}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--cases", type=int, default=12, help="generated cases per area")
    parser.add_argument("--area", choices=sorted(AREAS), action="append")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    tallies: dict[str, Tally] = {}
    with tempfile.TemporaryDirectory(prefix="dpagen-robust-") as tmp:
        work = Path(tmp)
        for area in args.area or list(AREAS):
            tally = tallies.setdefault(area, Tally())
            area_dir = work / area
            area_dir.mkdir()
            for case in AREAS[area](rng, area_dir, args.cases):
                problem = run(case, area_dir)
                tally.tried += 1
                if problem is None:
                    tally.clean += 1
                else:
                    tally.failures.append(f"{case.name}: {problem}")
                print(f"  {area:8} {case.name:28} {'clean' if problem is None else problem[:90]}", flush=True)
            for folder in area_dir.glob("outs*"):
                folder.chmod(0o700)
        shutil.rmtree(work, ignore_errors=True)
    print(f"\nseed {args.seed}: {'area':8} {'tried':>6} {'clean':>6} {'failed':>6}")
    for area, tally in tallies.items():
        print(f"        {area:8} {tally.tried:6} {tally.clean:6} {len(tally.failures):6}")
        for line in tally.failures[:5]:
            print(f"          - {line}")
    failed = sum(len(t.failures) for t in tallies.values())
    print(f"target: 0 tracebacks, 0 hangs, 0 lost files → {'met' if failed == 0 else f'{failed} failing'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
