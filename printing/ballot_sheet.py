"""Ballot papers laid out to cut from A4: each paper framed and kept whole, a dashed cut line
between papers, each round starting on a new page."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from data.documents.content import BallotPaper
from printing.styles import Styles

BOX = 6 * mm


class CheckBox(Flowable):  # type: ignore[misc]  # reportlab ships no type information
    """An empty square to mark with an X, centred in its cell."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        return avail_width, BOX

    def draw(self) -> None:
        self.canv.setLineWidth(0.8)
        self.canv.rect((self.avail - BOX) / 2, 0, BOX, BOX)


class CutLine(Flowable):  # type: ignore[misc]
    """A dashed line across the page to cut along."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        return avail_width, 8 * mm

    def draw(self) -> None:
        self.canv.setLineWidth(0.5)
        self.canv.setDash(4, 3)
        self.canv.line(0, 4 * mm, self.avail, 4 * mm)
        self.canv.setDash()


def _candidates(paper: BallotPaper, styles: Styles, width: float) -> Table:
    header = [Paragraph(styles.text(t, "table_header"), styles.style("table_header", "center"))
              for t in ("STT", "Tên đơn vị", "Đồng ý")]
    rows = [[Paragraph(str(i), styles.style("table", "center")),
             Paragraph(styles.text(name, "table"), styles.style("table", "left")), CheckBox()]
            for i, name in enumerate(paper.candidates, start=1)]
    grid = Table([header, *rows], colWidths=[width * 0.1, width * 0.7, width * 0.2])
    grid.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 1), (-1, -1), 4), ("BOTTOMPADDING", (0, 1), (-1, -1), 4),
        ("FONT", (0, 0), (-1, -1), styles.fonts.regular),
    ]))
    return grid


def paper(item: BallotPaper, styles: Styles, width: float) -> Table:
    """One framed paper."""
    inner = width - 10 * mm
    cell: list[Flowable] = [
        Paragraph(styles.text(item.issuer, "issuer"), styles.style("issuer", "left")),
        Spacer(1, 2 * mm),
        Paragraph(styles.text(item.title, "doc_type"), styles.style("doc_type")),
        Paragraph(styles.text(item.purpose, "subject"), styles.style("subject")),
        Spacer(1, 1 * mm),
        Paragraph(styles.text(item.instruction, "note"), styles.style("note", "justify")),
        Spacer(1, 2 * mm),
        _candidates(item, styles, inner),
    ]
    frame = Table([[cell]], colWidths=[width])
    frame.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm), ("RIGHTPADDING", (0, 0), (-1, -1), 5 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 4 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 5 * mm),
        ("FONT", (0, 0), (-1, -1), styles.fonts.regular),
    ]))
    return frame


def papers(items: tuple[BallotPaper, ...], styles: Styles, width: float) -> list[Flowable]:
    """Every round's papers, `copies` of each, a cut line between them."""
    found: list[Flowable] = []
    for index, item in enumerate(items):
        if index:
            found.append(PageBreak())
        for copy in range(item.copies):
            block: list[Flowable] = [paper(item, styles, width)]
            if copy < item.copies - 1:
                block.append(CutLine())
            found.append(KeepTogether(block))
    return found
