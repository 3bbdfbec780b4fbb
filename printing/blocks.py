"""Content blocks as reportlab flowables: paragraphs, tables whose header repeats on every page
and whose rows never split, and signature blocks (with "Nơi nhận" beside a single one)."""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from data.documents.content import Column, ColumnKind, Para, Signatures, Signer
from data.documents.content import Table as TableContent
from printing.styles import ROLES, SINGLE, Styles

SIGNING_SPACE = 24 * mm  # room for the signature and the seal
_NUMERIC = (ColumnKind.INTEGER, ColumnKind.NUMBER, ColumnKind.PERCENT, ColumnKind.VOTES)


def paragraph(item: Para, styles: Styles, *, keep: bool = True) -> Paragraph:
    """A content paragraph in its role's style (`keep`: honour its keep-with-next)."""
    style = styles.for_para(item if keep else replace(item, keep_with_next=False))
    return Paragraph(styles.markup(item.runs, ROLES[item.role][0]), style)


class LeadIn(Flowable):  # type: ignore[misc]  # reportlab ships no type information
    """Paragraphs that introduce a table, kept with its first rows rather than the whole table
    (reportlab's keep-with-next would push a long table and its heading to the next page)."""

    def __init__(self, lead: list[Flowable], table: Table, rows: int = 2) -> None:
        super().__init__()
        self.lead, self.table, self.rows = lead, table, rows

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, avail_height + 1  # never drawn whole: the frame always splits it

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        lead = sum(f.wrap(avail_width, avail_height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                   for f in self.lead)
        if lead + self.table.wrap(avail_width, avail_height)[1] <= avail_height:
            return [*self.lead, self.table]
        parts = self.table.split(avail_width, avail_height - lead)
        if len(parts) == 2 and len(parts[0]._cellvalues) - parts[0].repeatRows >= self.rows:
            return [*self.lead, *parts]
        return []  # not even the first rows fit: all of it goes to the next page


def column_align(column: Column) -> str:
    """How a column's values sit in their cells: numbers centred or right, text left."""
    if column.key == "no" or column.kind in (ColumnKind.INTEGER, ColumnKind.PERCENT,
                                             ColumnKind.VOTES):
        return "center"
    return "right" if column.kind in _NUMERIC else "left"


def table(content: TableContent, styles: Styles, width: float) -> Table:
    """A bordered table as wide as the text: header row repeated, rows kept whole. Text cells
    wrap (paragraphs); numbers are plain strings, which lay out several times faster."""
    total = sum(c.width for c in content.columns)
    widths = [width * c.width / total for c in content.columns]
    header = [Paragraph(styles.text(c.header, "table_header"),
                        styles.style("table_header", "center")) for c in content.columns]
    plain = [c.kind in _NUMERIC or c.key == "no" for c in content.columns]
    body = [[text if is_plain else Paragraph(styles.text(text, "table"),
                                             styles.style("table", column_align(column)))
             for column, text, is_plain in zip(content.columns, row, plain, strict=True)]
            for row in content.shown_rows()]
    size = styles.profile.style("table").size
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"), ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("FONT", (0, 0), (-1, -1), styles.font(styles.profile.style("table")), size,
         size * SINGLE * styles.profile.line_spacing),
    ]
    commands += [("ALIGN", (i, 1), (i, -1), column_align(c).upper())
                 for i, c in enumerate(content.columns) if plain[i]]
    flowable = Table([header, *body], colWidths=widths, repeatRows=1, hAlign="CENTER")
    flowable.setStyle(TableStyle(commands))
    return flowable


class Whole(Table):  # type: ignore[misc]  # reportlab ships no type information
    """A table that is never split: it moves to the next page as a whole."""

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []


def _signer_head(signer: Signer, styles: Styles) -> list[Flowable]:
    lines = [(signer.above, "signing_capacity"), (signer.capacity, "signing_capacity"),
             (signer.title, "signing_title")]
    return [Paragraph(styles.text(text, key), styles.style(key)) for text, key in lines if text]


def _signer_name(signer: Signer, styles: Styles) -> Paragraph:
    return Paragraph(styles.text(signer.name, "signer_name"), styles.style("signer_name"))


def _recipients(block: Signatures, styles: Styles) -> list[Flowable]:
    lines: list[Flowable] = [Paragraph(styles.text(block.recipients_label, "recipients_label"),
                                       styles.style("recipients_label", "left"))]
    lines += [Paragraph(styles.text(line, "recipients"), styles.style("recipients", "left"))
              for line in block.recipients]
    return lines


def _grid_row(heads: list[object], names: list[object], widths: list[float],
              styles: Styles) -> Table:
    """One row of signatures: capacities and titles, the signing space, then the names on one
    line whatever the titles' lengths; never split."""
    row = Whole([heads, names], colWidths=widths, hAlign="CENTER")
    row.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, 0), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 1), (-1, 1), SIGNING_SPACE), ("BOTTOMPADDING", (0, 1), (-1, 1), 12),
        ("FONT", (0, 0), (-1, -1), styles.fonts.regular),
    ]))
    return row


def signatures(block: Signatures, styles: Styles, width: float) -> list[Flowable]:
    """The signature blocks as borderless rows (recipients left of a single signer); the
    heading stays with the first row."""
    found: list[Flowable] = []
    if block.heading:
        found.append(Paragraph(styles.text(block.heading, "signing_title"),
                               styles.style("signing_title", space_after=True,
                                            keep_with_next=True)))
    if len(block.signers) == 1:
        signer = block.signers[0]
        left = _recipients(block, styles) if block.recipients else ""
        rows = [Whole([[left, _signer_head(signer, styles)], ["", _signer_name(signer, styles)]],
                      colWidths=[width * 0.45, width * 0.55])]
        rows[0].setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, -1), "CENTER"),
            ("SPAN", (0, 0), (0, 1)), ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, 0), 6),
            ("TOPPADDING", (1, 1), (1, 1), SIGNING_SPACE),
            ("FONT", (0, 0), (-1, -1), styles.fonts.regular),
        ]))
        return found + rows
    per_row = max(1, block.per_row)
    widths = [width / per_row] * per_row
    for start in range(0, len(block.signers), per_row):
        chunk = block.signers[start:start + per_row]
        pad: list[object] = [""] * (per_row - len(chunk))
        found.append(_grid_row([_signer_head(s, styles) for s in chunk] + pad,
                               [_signer_name(s, styles) for s in chunk] + pad, widths, styles))
    return found
