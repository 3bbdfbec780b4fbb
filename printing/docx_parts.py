"""The blocks of a document as WordprocessingML, laid out as the PDF lays them out: paragraphs by
role (printing/styles.py ROLES), the header blocks (printing/letterhead.py), bordered tables and
signature blocks (printing/blocks.py)."""

from __future__ import annotations

from collections.abc import Callable

from data.documents.content import Column, Letterhead, Para, Signatures, Signer
from data.documents.content import Table as TableContent
from data.documents.profiles import PageProfile
from printing.blocks import SIGNING_SPACE, column_align
from printing.docx_xml import (
    A4,
    Face,
    Layout,
    cell,
    mm,
    paragraph,
    pt,
    row,
    run,
    shares,
    shown,
    table,
)
from printing.styles import ROLES

POINTS_PER_MM = 72 / 25.4
LETTERHEAD_GAP = 6 * POINTS_PER_MM  # between the header blocks and the title, as in the PDF
TABLE_GAP = 6.0  # after a table, before the next paragraph (pt)
Measure = Callable[[str, str], float]  # (text, style key) -> printed width in points


class Parts:
    """Builds the XML of one document's blocks in one profile; `measure` gives text widths."""

    def __init__(self, profile: PageProfile, measure: Measure) -> None:
        self.profile = profile
        self.measure = measure

    def line(self, text: str, key: str, *, align: str = "center", left: int = 0,
             before: float = 0, after: float = 0, keep_next: bool = False) -> str:
        """A paragraph of one string in the style `key`."""
        style = self.profile.style(key)
        layout = Layout(align, before, after, self.profile.line_spacing, left=left,
                        keep_next=keep_next)
        content = run(shown(text, style), Face.of(style)) if text else ""
        return paragraph(content, layout, Face.of(style))

    def para(self, item: Para, *, before: float = 0, after: float | None = None) -> str:
        """A content paragraph in its role's style (`after` overrides the role's space)."""
        key, align, indent, space_after = ROLES[item.role]
        style = self.profile.style(key)
        gap = self.profile.space_after_pt if space_after else 0
        layout = Layout(align, before, gap if after is None else after,
                        self.profile.line_spacing, keep_next=item.keep_with_next,
                        first_line=mm(self.profile.body_indent_mm) if indent else 0)
        runs = "".join(run(shown(r.text, style), Face.of(style, r.bold, r.italic))
                       for r in item.runs)
        return paragraph(runs, layout, Face.of(style))

    def rule(self, width: float, avail: int, *, left: int = 0) -> str:
        """A rule `width` points long, centred in `avail` twips (after `left` more): an empty
        paragraph whose bottom border runs between its indents, as tall as the PDF's rule."""
        side = max(0, (avail - pt(width)) // 2)
        layout = Layout("center", after=2, exact=3.5, left=left + side, right=side, rule=True,
                        keep_next=True)
        return paragraph("", layout, Face(1))

    def spacer(self, height: float, sect: str = "") -> str:
        """An empty paragraph `height` points tall (two tables must not touch; a section ends)."""
        return paragraph("", Layout("left", exact=height), Face(1), sect)

    def subject(self, item: Para, width: int) -> str:
        """The subject line and its mark: a short rule, "-----", or nothing."""
        mark = self.profile.header.subject_mark
        if mark == "rule":
            text_width = min(self.measure(item.text, "subject"), width / 20)
            return self.para(item) + self.rule(text_width * 0.4, width) + self.spacer(4)
        if mark == "dashes":
            return self.para(item) + self.line("-----", "subject", after=6)
        return self.para(item, after=6)

    def letterhead(self, head: Letterhead, width: int) -> str:
        """The header blocks as a borderless table as wide as the text; on a landscape page the
        two blocks keep their portrait widths, at the left and right edges."""
        profile = self.profile
        margins = profile.margins
        portrait = min(width, A4[0] - mm(margins.left) - mm(margins.right))
        left_width = round(portrait * profile.header.left_width_share)
        right_width = portrait - left_width
        gap = width - portrait  # the right block's paragraphs are indented by it
        inner_left, inner_right = left_width - pt(4), right_width - pt(4)
        left = self.line(head.agency_above, "agency_above", keep_next=True) \
            if head.agency_above else ""
        left += self.line(head.issuer, "issuer", keep_next=True)
        if profile.header.issuer_mark == "asterisk":
            left += self.line("*", "issuer", keep_next=True)
        else:
            issuer = min(self.measure(head.issuer, "issuer"), inner_left / 20)
            left += self.rule(issuer * profile.header.issuer_rule_share, inner_left)
        right = "".join(self.line(line.text, line.style, left=gap, keep_next=True)
                        for line in profile.header.right)
        if profile.header.right_rule:
            last = profile.header.right[-1]
            right += self.rule(min(self.measure(last.text, last.style), inner_right / 20),
                               inner_right, left=gap)
        number = self.line(head.number, "number", before=4, after=LETTERHEAD_GAP,
                           keep_next=True)
        place = self.line(head.place_date, "place_date", left=gap, before=4,
                          after=LETTERHEAD_GAP, keep_next=True)
        widths = (left_width, width - left_width)
        rows = (row(cell(widths[0], left) + cell(widths[1], right))
                + row(cell(widths[0], number) + cell(widths[1], place)))
        return table(widths, rows, grid=False, margins=(0, 2, 0, 2))

    def table(self, content: TableContent, width: int) -> str:
        """A bordered table as wide as the text: the header row repeated on every page, rows
        never split, the header kept with the first two rows (and so with its lead-in)."""
        widths = shares(width, [c.width for c in content.columns])
        header = "".join(
            cell(w, self.line(c.header, "table_header", keep_next=True), valign="center")
            for w, c in zip(widths, content.columns, strict=True))
        shown_rows = content.shown_rows()
        kept = min(2, len(shown_rows)) - 1  # rows kept with the next one
        body = "".join(
            row("".join(cell(w, self._cell(text, c, index < kept))
                        for w, c, text in zip(widths, content.columns, values, strict=True)))
            for index, values in enumerate(shown_rows))
        # the PDF pads from the middle of its 0.5-pt grid lines, Word from their inner edge
        return table(widths, row(header, header=True) + body, grid=True,
                     margins=(1.75, 2.75, 2.75, 2.75))

    def _cell(self, text: str, column: Column, keep_next: bool) -> str:
        return self.line(text, "table", align=column_align(column), keep_next=keep_next)

    def _heads(self, signer: Signer, keep_next: bool = True) -> str:
        lines = [(signer.above, "signing_capacity"), (signer.capacity, "signing_capacity"),
                 (signer.title, "signing_title")]
        found = [(text, key) for text, key in lines if text]
        return "".join(self.line(text, key, before=6 if i == 0 else 0, keep_next=keep_next)
                       for i, (text, key) in enumerate(found))

    def _name(self, signer: Signer, after: float = 0) -> str:
        return self.line(signer.name, "signer_name", before=SIGNING_SPACE, after=after)

    def signatures(self, block: Signatures, width: int) -> str:
        """Signature blocks as a borderless table under their heading: capacities and titles,
        room to sign, then the names; a single signer has the recipients on its left."""
        single = len(block.signers) == 1
        widths = shares(width, [0.45, 0.55] if single else [1.0] * max(1, block.per_row))
        rows = ""
        if block.heading:
            heading = self.line(block.heading, "signing_title",
                                after=self.profile.space_after_pt, keep_next=True)
            rows += row(cell(width, heading, span=len(widths)))
        if single:
            signer = block.signers[0]
            recipients = self.line("", "recipients")
            if block.recipients:
                recipients = self.line(block.recipients_label, "recipients_label",
                                       align="left", before=6, keep_next=True)
                recipients += "".join(self.line(text, "recipients", align="left",
                                                keep_next=True) for text in block.recipients)
            rows += row(cell(widths[0], recipients)
                        + cell(widths[1], self._heads(signer) + self._name(signer)))
            return table(widths, rows, grid=False, margins=(0, 0, 0, 0))
        empty = self.line("", "signer_name")
        for start in range(0, len(block.signers), len(widths)):
            chunk = block.signers[start:start + len(widths)]
            pad = [empty] * (len(widths) - len(chunk))
            heads = [self._heads(s) for s in chunk] + pad
            names = [self._name(s, after=12) for s in chunk] + pad
            rows += row("".join(cell(w, c) for w, c in zip(widths, heads, strict=True)))
            rows += row("".join(cell(w, c) for w, c in zip(widths, names, strict=True)))
        return table(widths, rows, grid=False, margins=(0, 2, 0, 2)) if rows else ""
