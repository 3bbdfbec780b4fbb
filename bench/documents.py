"""Documents: each document of the demo's 2019 made from the bloc file and rendered to PDF
(content and paper; median of N runs), the whole year's set, and in the same run LibreOffice
converting a Word file of the same minutes to PDF, as a secretariat does today.

Target: every document at least 20 x faster than LibreOffice; the whole set under 0,5 s.
LibreOffice is needed for the comparison only (`apt-get install libreoffice-writer-nogui`);
it is never a dependency of the application. Run: uv run python bench/documents.py [--runs 15]
"""

from __future__ import annotations

import argparse
import html
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from data.demo import build_demo  # noqa: E402
from data.documents.catalog import KINDS, make  # noqa: E402
from data.documents.content import Document, Para, Role, Signatures, Table  # noqa: E402
from data.documents.profiles import load_profile  # noqa: E402
from data.documents.record import load_record  # noqa: E402
from printing.fonts import register  # noqa: E402
from printing.pdf import render  # noqa: E402

YEAR = 2019


def median_ms(work: Callable[[], object], runs: int) -> float:
    """The median wall time of `runs` calls, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def as_html(document: Document) -> str:
    """The same minutes as a plain HTML page (LibreOffice turns it into the Word file)."""
    tags = {Role.TITLE: "h1", Role.SUBJECT: "h2", Role.HEADING: "h3"}
    parts = ["<html><head><meta charset='utf-8'><style>body{font-family:'Times New Roman';"
             "font-size:14pt} table{border-collapse:collapse} td,th{border:1px solid black}"
             "</style></head><body>"]
    head = document.sections[0].letterhead
    if head is not None:
        parts.append(f"<table><tr><td>{html.escape(head.agency_above.upper())}<br><b>"
                     f"{html.escape(head.issuer.upper())}</b><br>{html.escape(head.number)}</td>"
                     "<td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - "
                     f"Hạnh phúc</b><br><i>{html.escape(head.place_date)}</i></td></tr></table>")
    for section in document.sections:
        for block in section.blocks:
            if isinstance(block, Para):
                tag = tags.get(block.role, "p")
                parts.append(f"<{tag}>{html.escape(block.text)}</{tag}>")
            elif isinstance(block, Table):
                rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row)
                               + "</tr>" for row in block.shown_rows())
                header = "".join(f"<th>{html.escape(c.header)}</th>" for c in block.columns)
                parts.append(f"<table><tr>{header}</tr>{rows}</table>")
            elif isinstance(block, Signatures):
                parts.append("<table><tr>" + "".join(
                    f"<td><b>{html.escape(s.title)}</b><br><br><br><b>{html.escape(s.name)}</b>"
                    "</td>" for s in block.signers) + "</tr></table>")
    return "".join(parts) + "</body></html>"


def libreoffice_ms(document: Document, runs: int) -> float | None:
    """LibreOffice converting a Word file of the document to PDF (median), or None."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        source = work / "bien-ban.html"
        source.write_text(as_html(document), encoding="utf-8")
        profile = f"-env:UserInstallation=file://{work / 'lo-profile'}"
        convert = [soffice, profile, "--headless", "--convert-to"]
        subprocess.run([*convert, "docx:MS Word 2007 XML", "--outdir", str(work), str(source)],
                       check=True, capture_output=True, timeout=300)
        docx = work / "bien-ban.docx"
        out = work / "pdf"
        return median_ms(lambda: subprocess.run(
            [*convert, "pdf", "--outdir", str(out), str(docx)], check=True,
            capture_output=True, timeout=300), runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--office-runs", type=int, default=5)
    args = parser.parse_args()
    fonts = register()
    db = build_demo(None)
    profile = load_profile("state")
    print(f"Văn bản năm {YEAR} của khối mẫu · phông chữ: {fonts.family.label} · "
          f"trung vị của {args.runs} lần")

    def one(kind: str) -> Callable[[], object]:
        return lambda: render(make(db, YEAR, kind, draft=True).document, profile)

    timings = {kind: median_ms(one(kind), args.runs) for kind in KINDS}

    def whole_set() -> None:
        record = load_record(db, YEAR)
        for kind in KINDS:
            render(make(db, YEAR, kind, draft=True, record=record).document, profile)

    total = median_ms(whole_set, max(5, args.runs // 3))
    office = libreoffice_ms(make(db, YEAR, "minutes", draft=True).document, args.office_runs)
    pages = {kind: render(make(db, YEAR, kind, draft=True).document, profile).pages
             for kind in KINDS}
    for kind, ms in timings.items():
        ratio = f"{office / ms:6.1f} × nhanh hơn LibreOffice" if office else ""
        print(f"  {kind:<11} {pages[kind]:>3} trang {ms:8.1f} ms   {ratio}")
    print(f"  cả bộ 6 văn bản       {total:8.1f} ms   (mục tiêu < 500 ms)")
    if office:
        print(f"  LibreOffice: .docx biên bản → PDF {office:8.1f} ms (trung vị của "
              f"{args.office_runs} lần); văn bản chậm nhất nhanh hơn "
              f"{office / max(timings.values()):.1f} × (mục tiêu ≥ 20 ×)")
    else:
        print("  Không có LibreOffice (soffice) trên máy này: bỏ qua phép so sánh.")


if __name__ == "__main__":
    main()
