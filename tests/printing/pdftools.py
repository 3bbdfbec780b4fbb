"""Reading a PDF back as a reader would, with poppler's tools: text, words with their boxes,
fonts."""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from html import unescape
from pathlib import Path

MM = 72 / 25.4


@dataclass(frozen=True)
class Word:
    """A word and its box, in points from the page's top left corner."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Page:
    """A page's size in points and its words."""

    width: float
    height: float
    words: tuple[Word, ...]


def _run(tool: list[str], pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(pdf)
        done = subprocess.run([*tool, str(path), "-"] if tool[0] == "pdftotext"
                              else [*tool, str(path)], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def text(pdf: bytes, mode: str = "-layout") -> list[str]:
    """Each page's text (`-layout`: columns kept; `-raw`: in the order it was drawn)."""
    return _run(["pdftotext", mode], pdf).split("\f")[:-1]


def flat(page_text: str) -> str:
    """A page's text with every run of white space made one space."""
    return " ".join(page_text.split())


def pages(pdf: bytes) -> list[Page]:
    """Every page with its words' boxes (`pdftotext -bbox`)."""
    html = _run(["pdftotext", "-bbox"], pdf)
    found = []
    for match in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html,
                             re.S):
        words = tuple(Word(unescape(w[4]), *map(float, w[:4])) for w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)'
            r"</word>", match[3]))
        found.append(Page(float(match[1]), float(match[2]), words))
    return found


def fonts(pdf: bytes) -> list[tuple[str, str]]:
    """(name, "yes" or "no" for embedded) of every font (`pdffonts`)."""
    rows = [line.split() for line in _run(["pdffonts"], pdf).splitlines()[2:]]
    return [(row[0], row[-5]) for row in rows]  # … emb sub uni object-id generation
