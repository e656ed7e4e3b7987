"""Render every document of every example to PNG, one contact sheet per document, for a person to look at.

    .venv/bin/python tools/visual_check.py [--out out/visual] [--lang fr,en] [--example NAME ...] [--dpi 40]

For each bundled example, each document that applies to it and each language, it writes the PDF, DOCX
and HTML (a final document, or a draft when the example cannot be finalised), then renders:

- the PDF's pages (``pdftoppm``);
- the DOCX's pages as LibreOffice lays them out (``soffice --convert-to pdf``), when ``soffice`` is installed;
- the HTML page as headless Chromium shows it at 1280 px and 390 px (a phone) wide, when ``chromium`` is
  installed, and measures whether anything sticks out sideways at each width.

``<out>/<example>/<document>-<lang>.png`` is the contact sheet (a row per rendering); the last lines list
page counts (PDF vs DOCX, ±15 % expected) and any horizontal overflow. A missing tool is skipped with a
note. Exit status 1 when a page count or an overflow is out of bounds.

The helpers (``docx_to_pdf``, ``html_metrics``) are also used by ``tests/test_visual.py``.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = (1280, 390)
PAGE_TOLERANCE = 0.15
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
MAX_SHOT_HEIGHT = 16000


def chromium() -> str | None:
    """The headless browser, if one is installed."""
    return next((p for p in map(shutil.which, CHROMIUM_NAMES) if p), None)


def soffice() -> str | None:
    """LibreOffice, if installed."""
    return shutil.which("soffice")


# -- LibreOffice --------------------------------------------------------------------------------------
def docx_to_pdf(docxs: list[Path], out_dir: Path) -> dict[Path, Path]:
    """Convert DOCX files to PDF in one LibreOffice call (own profile folder); DOCX → PDF path."""
    exe = soffice()
    if exe is None or not docxs:
        return {}
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dpagen-lo-") as profile:
        subprocess.run(
            [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, docxs)],
            check=True, capture_output=True, timeout=600,
        )
    return {d: out_dir / f"{d.stem}.pdf" for d in docxs if (out_dir / f"{d.stem}.pdf").exists()}


def page_count(pdf: Path) -> int:
    """The number of pages of a PDF."""
    import pypdf

    return len(pypdf.PdfReader(pdf).pages)


def pdf_pngs(pdf: Path, prefix: Path, dpi: int) -> list[Path]:
    """Each page of a PDF as a PNG (``prefix-1.png``, …)."""
    prefix.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(prefix)], check=True, timeout=300)
    pages = prefix.parent.glob(f"{prefix.name}-*.png")
    return sorted(pages, key=lambda p: int(p.stem.rsplit("-", 1)[1]))


# -- headless Chromium --------------------------------------------------------------------------------
# The page is shown in an iframe of the wanted width: Chromium's headless window is never narrower than
# 500 px, an iframe is (its media queries see its own width). A srcdoc iframe shares the wrapper's
# origin, so the wrapper's script can measure what the page lays out.
_MEASURE = """
<script>
window.addEventListener("load", () => {
  const frame = document.getElementById("page"), win = frame.contentWindow, doc = frame.contentDocument;
  const width = win.innerWidth, out = [];
  for (const el of doc.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    const hidden = (e) => { for (let a = e; a; a = a.parentElement) {  // visually hidden (screen readers only)
      if (a.getBoundingClientRect().width <= 1) return true; } return false; };
    const parent = el.parentElement, inherited = parent && parent.getBoundingClientRect().right > width + 1;
    if (r.width && r.right > width + 1 && !hidden(el) && !inherited) {  // the outermost that sticks out
      out.push(el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ")[0] : "")
               + " right=" + Math.round(r.right));
    }
  }
  document.body.setAttribute("data-metrics", JSON.stringify({
    width: width, scroll_width: doc.documentElement.scrollWidth,
    height: doc.documentElement.scrollHeight, overflowing: out.slice(0, 20)}));
});
</script>"""


def _wrapper(page: str, width: int, height: int, measure: bool) -> str:
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><style>html,body{margin:0}"
        f"iframe{{border:0;display:block;width:{width}px;height:{height}px}}</style></head><body>"
        f'<iframe id="page" srcdoc="{html.escape(page, quote=True)}"></iframe>'
        + (_MEASURE if measure else "") + "</body></html>"
    )


def _chromium(args: list[str], work: Path) -> str:
    exe = chromium()
    assert exe is not None
    result = subprocess.run(
        [exe, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         f"--user-data-dir={work / 'profile'}", "--virtual-time-budget=5000", *args],
        check=True, capture_output=True, text=True, timeout=120, cwd=work,
    )
    return result.stdout


def html_metrics(page: Path, width: int) -> dict[str, object]:
    """How Chromium lays the HTML page out at ``width`` CSS pixels: its widths, height, what overflows."""
    with tempfile.TemporaryDirectory(prefix="dpagen-chromium-") as tmp:
        work = Path(tmp)
        wrapper = work / "measure.html"
        wrapper.write_text(_wrapper(page.read_text(encoding="utf-8"), width, 900, True), encoding="utf-8")
        dom = _chromium(["--dump-dom", wrapper.as_uri()], work)
    found = re.search(r'data-metrics="([^"]*)"', dom)
    if not found:
        raise RuntimeError(f"Chromium did not measure {page}")
    metrics: dict[str, object] = json.loads(html.unescape(found.group(1)))
    return metrics


def html_png(page: Path, width: int, png: Path) -> dict[str, object]:
    """A full-height screenshot of the HTML page at ``width`` CSS pixels; returns its metrics."""
    from PIL import Image

    metrics = html_metrics(page, width)
    height = min(int(str(metrics["height"])), MAX_SHOT_HEIGHT)
    with tempfile.TemporaryDirectory(prefix="dpagen-chromium-") as tmp:
        work = Path(tmp)
        wrapper = work / "shot.html"
        wrapper.write_text(_wrapper(page.read_text(encoding="utf-8"), width, height, False), encoding="utf-8")
        _chromium([f"--window-size={max(width, 500)},{height}", f"--screenshot={png}", wrapper.as_uri()], work)
    with Image.open(png) as shot:
        shot.crop((0, 0, width, height)).save(png)
    return metrics


# -- contact sheets -----------------------------------------------------------------------------------
def slices(png: Path, width: int) -> list[Path]:
    """A tall screenshot cut into screens (a phone's 390 × 844, a desktop's 1280 × 800), at most 16."""
    from PIL import Image

    height = 844 if width < 600 else 800
    out = []
    with Image.open(png) as shot:
        for i, top in enumerate(range(0, min(shot.height, 16 * height), height)):
            part = png.with_name(f"{png.stem}-{i + 1}.png")
            screen = Image.new("RGB", (shot.width, height), "white")  # the last one padded to a full screen
            screen.paste(shot.crop((0, top, shot.width, min(top + height, shot.height))), (0, 0))
            screen.save(part)
            out.append(part)
    return out


def contact_sheet(rows: list[tuple[str, list[Path], int]], out: Path) -> None:
    """One PNG: each row a label and its images, scaled to the row's height, wrapped at 3200 px."""
    from PIL import Image, ImageDraw

    gap, label_h, max_width = 12, 22, 3200
    lines: list[tuple[str, list[Image.Image]]] = []
    for label, images, row_height in rows:
        line: list[Image.Image] = []
        lines.append((label, line))
        used = gap
        for path in images:
            with Image.open(path) as im:
                ratio = row_height / im.height
                image = im.convert("RGB").resize((max(1, int(im.width * ratio)), row_height))
            if line and used + image.width + gap > max_width:
                line = []
                lines.append(("", line))
                used = gap
            line.append(image)
            used += image.width + gap
    width = max((sum(i.width + gap for i in ims) + gap for _, ims in lines), default=400)
    height = sum(label_h + (max((i.height for i in ims), default=0)) + gap for _, ims in lines) + gap
    sheet = Image.new("RGB", (max(width, 400), height), "#d0d0d0")
    draw = ImageDraw.Draw(sheet)
    y = gap
    for label, ims in lines:
        draw.text((gap, y + 4), label, fill="black")
        y += label_h
        x = gap
        for im in ims:
            sheet.paste(im, (x, y))
            x += im.width + gap
        y += max((i.height for i in ims), default=0) + gap
    out.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(out, optimize=True)


# -- the documents ------------------------------------------------------------------------------------
@dataclass
class Rendered:
    """One document of one example in one language, and what was measured of it."""

    example: str
    document: str
    language: str
    draft: bool
    files: dict[str, Path] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)
    overflow: dict[int, list[str]] = field(default_factory=dict)


def write_documents(out: Path, examples: list[str], languages: list[str]) -> list[Rendered]:
    """PDF, DOCX and HTML of each document of each example (a draft when it cannot be finalised)."""
    sys.path.insert(0, str(ROOT))
    from dpagen.clauses import load_library
    from dpagen.errors import IncompleteError
    from dpagen.generate import Request, applicable_documents, generate
    from dpagen.io import load

    library = load_library([])
    done = []
    for name in examples:
        description = load(ROOT / "examples" / f"{name}.json")
        for document in applicable_documents(description, library):
            for language in languages:
                folder = out / name / "files"
                request = Request([document], ["pdf", "docx", "html"], language, folder, force=True)
                draft = False
                try:
                    paths = generate(description, request, library)
                except IncompleteError:
                    request.draft = draft = True
                    paths = generate(description, request, library)
                item = Rendered(name, document, language, draft, {p.suffix[1:]: p for p in paths})
                done.append(item)
                print(f"{name} {document} {language}{' (draft)' if draft else ''}: written", flush=True)
    return done


def main(argv: list[str] | None = None) -> int:
    """Render, measure and lay out the contact sheets."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "visual")
    parser.add_argument("--lang", default="fr,en")
    parser.add_argument("--example", action="append", help="only this example (repeatable)")
    parser.add_argument("--dpi", type=int, default=40)
    args = parser.parse_args(argv)
    names = args.example or sorted(p.stem for p in (ROOT / "examples").glob("*.json"))
    os.environ.setdefault("DPAGEN_PDF_WORKER", "0")
    items = write_documents(args.out, names, [x.strip() for x in args.lang.split(",") if x.strip()])

    if soffice() is None:
        print("note: soffice not installed: DOCX pages skipped (apt-get install libreoffice-writer-nogui)")
    if chromium() is None:
        print("note: chromium not installed: HTML screenshots and overflow checks skipped (apt-get install chromium)")
    by_example: dict[str, list[Rendered]] = {}
    for item in items:
        by_example.setdefault(item.example, []).append(item)
    for example, group in by_example.items():  # one LibreOffice call per example
        converted = docx_to_pdf([i.files["docx"] for i in group], args.out / example / "lo")
        for item in group:
            if item.files["docx"] in converted:
                item.files["docx.pdf"] = converted[item.files["docx"]]

    problems = []
    for item in items:
        stem = f"{item.document}-{item.language}"
        shots = args.out / item.example / "png" / stem
        rows: list[tuple[str, list[Path], int]] = []
        item.pages["pdf"] = page_count(item.files["pdf"])
        rows.append((f"PDF (WeasyPrint), {item.pages['pdf']} pages", pdf_pngs(item.files["pdf"], shots / "pdf",
                                                                              args.dpi), 330))
        if "docx.pdf" in item.files:
            item.pages["docx"] = page_count(item.files["docx.pdf"])
            rows.append((f"DOCX (LibreOffice), {item.pages['docx']} pages",
                         pdf_pngs(item.files["docx.pdf"], shots / "docx", args.dpi), 330))
        if chromium() is not None:
            images = []
            for width in WIDTHS:
                png = shots / f"html-{width}.png"
                metrics = html_png(item.files["html"], width, png)
                images.append(png)
                if int(str(metrics["scroll_width"])) > width or metrics["overflowing"]:
                    item.overflow[width] = list(metrics["overflowing"])  # type: ignore[call-overload]
            for width, png in zip(WIDTHS, images, strict=True):
                rows.append((f"HTML (Chromium) at {width} px, a screen after another", slices(png, width), 420))
        sheet = args.out / item.example / f"{stem}.png"
        contact_sheet(rows, sheet)
        line = f"{item.example} {stem}{' (draft)' if item.draft else ''}: PDF {item.pages['pdf']} p"
        if "docx" in item.pages:
            ratio = item.pages["docx"] / item.pages["pdf"]
            line += f", DOCX {item.pages['docx']} p ({ratio:.0%})"
            if abs(ratio - 1) > PAGE_TOLERANCE:
                problems.append(f"{line}: page counts differ by more than {PAGE_TOLERANCE:.0%}")
        for width, where in item.overflow.items():
            problems.append(f"{item.example} {stem}: HTML overflows at {width} px: {', '.join(where) or 'page'}")
        print(f"{line} → {sheet}")
    for problem in problems:
        print(f"PROBLEM {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
