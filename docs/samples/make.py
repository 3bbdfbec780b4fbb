"""Render every page of the demo year's documents to PNG (and the PDFs beside them):
uv run python docs/samples/make.py   (needs poppler-utils' pdftoppm)

The demo's 2019 is issued in its own format (Nghị định 30/2020/NĐ-CP), then the minutes and
the submission again as drafts in the Party format (Hướng dẫn 36-HD/VPTW)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from PIL import Image  # noqa: E402

from data.demo import build_demo  # noqa: E402
from data.documents.catalog import KINDS, make  # noqa: E402
from data.documents.profiles import load_profile  # noqa: E402
from printing.pdf import render  # noqa: E402

YEAR = 2019


def main() -> None:
    for old in [*HERE.glob("*.png"), *HERE.glob("*.pdf")]:
        old.unlink()
    db = build_demo(None)
    jobs = [(f"{i:02d}-{kind}", kind, None, False) for i, kind in enumerate(KINDS, start=1)]
    jobs += [("07-minutes-party", "minutes", "party", True),
             ("08-submission-party", "submission", "party", True)]
    for stem, kind, profile, draft in jobs:
        document = make(db, YEAR, kind, profile_id=profile, draft=draft).document
        rendered = render(document, load_profile(document.profile_id))
        pdf = HERE / f"{stem}.pdf"
        pdf.write_bytes(rendered.pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-gray", str(pdf), str(HERE / stem)],
                       check=True)
        for png in HERE.glob(f"{stem}-*.png"):  # 16 shades of grey read as well, weigh less
            Image.open(png).quantize(16).save(png, optimize=True)
        print(f"{stem}: {rendered.pages} trang")


if __name__ == "__main__":
    main()
