"""Ballot papers laid out to cut from A4: each paper framed and kept whole, a dashed cut line
between papers, each round starting on a new page."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from data.documents.content import BallotPaper
from printing.styles import Styles

BOX = 6 * mm
CUT = 7 * mm  # the strip under a paper with the dashed line to cut along


class CheckBox(Flowable):  # type: ignore[misc]  # reportlab ships no type information
    """An empty square to mark with an X, centred in its cell."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        return avail_width, BOX

    def draw(self) -> None:
        self.canv.setLineWidth(0.8)
        self.canv.rect((self.avail - BOX) / 2, 0, BOX, BOX)


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
        ("TOPPADDING", (0, 1), (-1, -1), 2), ("BOTTOMPADDING", (0, 1), (-1, -1), 3),
        ("FONT", (0, 0), (-1, -1), styles.fonts.regular),
    ]))
    return grid


def paper(item: BallotPaper, styles: Styles, width: float) -> Table:
    """One framed paper."""
    inner = width - 10 * mm
    cell: list[Flowable] = [
        Paragraph(styles.text(item.issuer, "issuer"), styles.style("issuer", "left")),
        Spacer(1, 1 * mm),
        Paragraph(styles.text(item.title, "doc_type"), styles.style("doc_type")),
        Paragraph(styles.text(item.purpose, "subject"), styles.style("subject")),
        Spacer(1, 1 * mm),
        Paragraph(styles.text(item.instruction, "note"), styles.style("note", "justify")),
        Spacer(1, 1.5 * mm),
        _candidates(item, styles, inner),
    ]
    frame = Table([[cell]], colWidths=[width])
    frame.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm), ("RIGHTPADDING", (0, 0), (-1, -1), 5 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 3 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5 * mm),
        ("FONT", (0, 0), (-1, -1), styles.fonts.regular),
    ]))
    return frame


class PaperCopies(Flowable):  # type: ignore[misc]
    """One copy of a paper (with the cut line under it unless it is the last): the paper is
    laid out once, stored in the PDF once as a form, and placed again for every copy."""

    def __init__(self, form: str, paper: Table, cut: bool) -> None:
        super().__init__()
        self.form, self.paper, self.cut = form, paper, cut

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.size = self.paper.wrap(avail_width, avail_height)
        return avail_width, self.size[1] + (CUT if self.cut else 0)

    def draw(self) -> None:
        canvas = self.canv
        bottom = CUT if self.cut else 0
        if not canvas.hasForm(self.form):
            canvas.beginForm(self.form, 0, 0, self.size[0], self.size[1])
            self.paper.drawOn(canvas, 0, 0)
            canvas.endForm()
        canvas.saveState()
        canvas.translate(0, bottom)
        canvas.doForm(self.form)
        canvas.restoreState()
        if self.cut:
            canvas.setLineWidth(0.5)
            canvas.setDash(4, 3)
            canvas.line(0, CUT / 2, self.size[0], CUT / 2)
            canvas.setDash()


def papers(items: tuple[BallotPaper, ...], styles: Styles, width: float) -> list[Flowable]:
    """Every round's papers, `copies` of each, a cut line between them."""
    found: list[Flowable] = []
    for index, item in enumerate(items):
        if index:
            found.append(PageBreak())
        framed = paper(item, styles, width)
        found += [PaperCopies(f"ballot{index}", framed, copy < item.copies - 1)
                  for copy in range(item.copies)]
    return found
