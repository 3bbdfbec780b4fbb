"""The header blocks of page 1: the agency above and the issuing body with its short rule (or the
Party's asterisk) and the number on the left; the national name and motto with its rule (or
"ĐẢNG CỘNG SẢN VIỆT NAM") and the place and date on the right."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from data.documents.content import Letterhead
from printing.styles import Styles, nfc


class Rule(Flowable):  # type: ignore[misc]  # reportlab ships no type information
    """A horizontal rule of a fixed width, centred in the space it is given."""

    ABOVE, BELOW = 3.5, 2.0  # clear of the descenders of the line above

    def __init__(self, width: float, thickness: float = 0.6) -> None:
        super().__init__()
        self.rule_width = width
        self.thickness = thickness

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        return avail_width, self.ABOVE + self.thickness + self.BELOW

    def draw(self) -> None:
        left = (self.avail - self.rule_width) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(left, self.BELOW, left + self.rule_width, self.BELOW)


def subject_mark(text: str, styles: Styles, width: float) -> Flowable | None:
    """What goes under a subject line: a short rule, "-----", or nothing, as the profile says."""
    mark = styles.profile.header.subject_mark
    if mark == "dashes":
        return Paragraph("-----", styles.style("subject"))
    if mark == "rule":
        return Rule(_line_width(styles, text, "subject", width) * 0.4)
    return None


def _line_width(styles: Styles, text: str, key: str, limit: float) -> float:
    """How wide `text` prints in the style `key`, at most `limit` (a wrapped line fills it)."""
    style = styles.profile.style(key)
    shown = nfc(text.upper() if style.upper else text)
    return min(float(stringWidth(shown, styles.font(style), style.size)), limit)


def letterhead(head: Letterhead, styles: Styles, width: float) -> Table:
    """The header as a borderless table as wide as the text; on a landscape page the two blocks
    keep their portrait widths, at the left and right edges."""
    profile = styles.profile
    margins = profile.margins
    portrait = min(width, A4[0] - (margins.left + margins.right) * mm)
    left_width = portrait * profile.header.left_width_share
    right_width = portrait - left_width
    inner_left, inner_right = left_width - 4, right_width - 4
    left: list[Flowable] = []
    if head.agency_above:
        left.append(Paragraph(styles.text(head.agency_above, "agency_above"),
                              styles.style("agency_above")))
    left.append(Paragraph(styles.text(head.issuer, "issuer"), styles.style("issuer")))
    if profile.header.issuer_mark == "asterisk":
        left.append(Paragraph("*", styles.style("issuer")))
    else:
        issuer_width = _line_width(styles, head.issuer, "issuer", inner_left)
        left.append(Rule(issuer_width * profile.header.issuer_rule_share))
    right: list[Flowable] = []
    for line in profile.header.right:
        right.append(Paragraph(styles.text(line.text, line.style), styles.style(line.style)))
    if profile.header.right_rule:
        last = profile.header.right[-1]
        right.append(Rule(_line_width(styles, last.text, last.style, inner_right)))
    number = (Paragraph(styles.text(head.number, "number"), styles.style("number"))
              if head.number else "")
    place_date = Paragraph(styles.text(head.place_date, "place_date"), styles.style("place_date"))
    gap = width - left_width - right_width
    table = Table([[left, "", right], [number, "", place_date]],
                  colWidths=[left_width, gap, right_width])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 1), (-1, 1), 4),
        ("FONT", (0, 0), (-1, -1), styles.fonts.regular),
    ]))
    return table
