"""WordprocessingML pieces as text: runs, paragraphs, table cells, rows and tables, each with its
properties in the order the schema requires; every string NFC and escaped. Lengths are twips
(1/20 pt) unless a name says otherwise."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from data.documents.profiles import TextStyle
from printing.styles import nfc

A4 = (11906, 16838)  # 210 × 297 mm in twips
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}
GRID = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'  # 0.5 pt, as the PDF's grid
RULE = 'w:val="single" w:sz="5" w:space="0" w:color="000000"'  # 0.6 pt, as the PDF's rules
_SIDES = ("top", "left", "bottom", "right")


def mm(value: float) -> int:
    """Millimetres in twips."""
    return round(value * 1440 / 25.4)


def pt(value: float) -> int:
    """Points in twips."""
    return round(value * 20)


def shown(text: str, style: TextStyle) -> str:
    """Text as printed in a style: NFC, upper case where the style says so."""
    return nfc(text.upper() if style.upper else text)


def shares(total: int, weights: Sequence[float]) -> list[int]:
    """`total` split in proportion to `weights`, in whole twips that add up to `total`."""
    whole = sum(weights)
    edges = [0]
    running = 0.0
    for weight in weights:
        running += weight
        edges.append(round(total * running / whole))
    return [b - a for a, b in zip(edges, edges[1:], strict=False)]


@dataclass(frozen=True)
class Face:
    """The formatting of a run: size in points, weight, slant, underline, colour."""

    size: float
    bold: bool = False
    italic: bool = False
    underline: bool = False
    color: str = ""

    @classmethod
    def of(cls, style: TextStyle, bold: bool = False, italic: bool = False) -> Face:
        """A profile style's face, with a run's own bold or italic on top."""
        return cls(style.size, style.bold or bold, style.italic or italic, style.underline)


def rpr(face: Face) -> str:
    """Run properties."""
    size = round(face.size * 2)
    return ("<w:rPr>" + ("<w:b/><w:bCs/>" if face.bold else "")
            + ("<w:i/><w:iCs/>" if face.italic else "")
            + (f'<w:color w:val="{face.color}"/>' if face.color else "")
            + f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
            + ('<w:u w:val="single"/>' if face.underline else "") + "</w:rPr>")


def run(text: str, face: Face) -> str:
    """A run of text; a line break in the text stays a line break."""
    lines = (f'<w:t xml:space="preserve">{escape(nfc(line))}</w:t>' for line in text.split("\n"))
    return f"<w:r>{rpr(face)}{'<w:br/>'.join(lines)}</w:r>"


def field(instruction: str, result: str, face: Face) -> str:
    """A field (e.g. PAGE) showing `result` until Word or LibreOffice updates it."""
    def part(inner: str) -> str:
        return f"<w:r>{rpr(face)}{inner}</w:r>"
    return (part('<w:fldChar w:fldCharType="begin"/>')
            + part(f'<w:instrText xml:space="preserve"> {instruction} </w:instrText>')
            + part('<w:fldChar w:fldCharType="separate"/>') + run(result, face)
            + part('<w:fldChar w:fldCharType="end"/>'))


@dataclass(frozen=True)
class Layout:
    """The formatting of a paragraph. `line` is a multiple of single spacing; `exact` (pt), when
    set, fixes the line's height instead; `rule` draws a rule under the paragraph between its
    indents."""

    align: str = "center"
    before: float = 0  # pt
    after: float = 0  # pt
    line: float = 1.0
    exact: float = 0
    first_line: int = 0
    left: int = 0
    right: int = 0
    keep_next: bool = False
    rule: bool = False


def paragraph(content: str, layout: Layout, mark: Face, sect: str = "") -> str:
    """A paragraph of runs (`mark`: the paragraph mark's face, which sizes an empty line);
    `sect` closes a section."""
    if layout.exact:
        line = f'w:line="{pt(layout.exact)}" w:lineRule="exact"'
    else:
        line = f'w:line="{round(240 * layout.line)}" w:lineRule="auto"'
    props = [
        "<w:keepNext/>" if layout.keep_next else "",
        f"<w:pBdr><w:bottom {RULE}/></w:pBdr>" if layout.rule else "",
        f'<w:spacing w:before="{pt(layout.before)}" w:after="{pt(layout.after)}" {line}/>',
        (f'<w:ind w:left="{layout.left}" w:right="{layout.right}" '
         f'w:firstLine="{layout.first_line}"/>'
         if layout.left or layout.right or layout.first_line else ""),
        f'<w:jc w:val="{ALIGN[layout.align]}"/>', rpr(mark), sect,
    ]
    return f"<w:p><w:pPr>{''.join(props)}</w:pPr>{content}</w:p>"


def cell(width: int, content: str, *, valign: str = "top", span: int = 1) -> str:
    """A table cell of paragraphs."""
    merged = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{merged}'
            f'<w:vAlign w:val="{valign}"/></w:tcPr>{content}</w:tc>')


def row(cells: str, *, header: bool = False) -> str:
    """A row that never splits across pages; a header row is repeated on every page."""
    repeat = "<w:tblHeader/>" if header else ""
    return f"<w:tr><w:trPr><w:cantSplit/>{repeat}</w:trPr>{cells}</w:tr>"


def table(widths: Sequence[int], rows: str, *, grid: bool,
          margins: tuple[float, float, float, float]) -> str:
    """A table of fixed column widths, centred; `grid`: borders round every cell, else none;
    `margins`: the cells' top, left, bottom, right padding in points."""
    line = GRID if grid else 'w:val="nil"'
    borders = "".join(f"<w:{side} {line}/>" for side in (*_SIDES, "insideH", "insideV"))
    padding = "".join(f'<w:{side} w:w="{pt(value)}" w:type="dxa"/>'
                      for side, value in zip(_SIDES, margins, strict=True))
    columns = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            f"<w:tblCellMar>{padding}</w:tblCellMar></w:tblPr><w:tblGrid>{columns}</w:tblGrid>"
            f"{rows}</w:tbl>")
