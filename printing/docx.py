"""A document to a Word file (.docx) that Word and LibreOffice open for editing: the same text,
tables and page profile as the PDF; A4 sections in the profile's margins (portrait or
landscape), Times New Roman, page numbers centred in the header from the second page of each
numbered run, a draft marked "BẢN NHÁP". Ballot papers are for printing only."""

from __future__ import annotations

import datetime
import io
from typing import TYPE_CHECKING

from reportlab.pdfbase.pdfmetrics import stringWidth

from data.documents.content import BallotPaper, Document, Para, Role, Section, Signatures, Table
from data.documents.profiles import PageProfile
from data.errors import InputError
from printing.docx_package import DRAFT_MARK, template, watermark
from printing.docx_parts import TABLE_GAP, Parts
from printing.docx_xml import A4, W_NS, Face, Layout, field, mm, paragraph, pt, run, shown
from printing.fonts import register
from printing.styles import nfc

if TYPE_CHECKING:  # python-docx (lxml) is loaded on the first Word file, not at start-up
    from docx.document import Document as WordDocument
    from docx.section import Section as WordSection
    from docx.section import _BaseHeaderFooter

DOCX_KINDS: tuple[str, ...] = ("pledge", "vote-count", "minutes", "submission", "scores")
_ASCENT = 0.891  # Times New Roman's ascent, as a share of the size


def _text_width(profile: PageProfile, section: Section) -> int:
    margins = profile.landscape_margins if section.landscape else profile.margins
    page = A4[1] if section.landscape else A4[0]
    return page - mm(margins.left) - mm(margins.right)


def _sect_pr(profile: PageProfile, section: Section, first_of_run: bool) -> str:
    """A section's page: A4 in its orientation and margins; the header in the middle of the top
    margin, where the PDF prints the page number; a run's first page has its own header."""
    margins = profile.landscape_margins if section.landscape else profile.margins
    width, height = reversed(A4) if section.landscape else A4
    orient = ' w:orient="landscape"' if section.landscape else ""
    size = profile.style("page_number").size
    header = mm(margins.top / 2) - pt(size * (_ASCENT - 1 / 3))
    return (f'<w:sectPr><w:type w:val="nextPage"/>'
            f'<w:pgSz w:w="{width}" w:h="{height}"{orient}/>'
            f'<w:pgMar w:top="{mm(margins.top)}" w:right="{mm(margins.right)}" '
            f'w:bottom="{mm(margins.bottom)}" w:left="{mm(margins.left)}" w:header="{header}" '
            f'w:footer="{mm(margins.bottom / 2)}" w:gutter="0"/>'
            + ('<w:pgNumType w:start="1"/>' if section.restart_numbering else "")
            + ("<w:titlePg/>" if first_of_run else "") + "</w:sectPr>")


def _section(parts: Parts, section: Section, width: int, sect: str) -> str:
    """A section's blocks; `sect` (the section's page properties, "" for the last section,
    whose properties close the body) goes into its last paragraph."""
    pieces: list[str] = []
    if section.letterhead is not None:
        pieces.append(parts.letterhead(section.letterhead, width))
    after_table = False  # the PDF leaves a space under a table
    for block in section.blocks:
        if isinstance(block, Para):
            pieces.append(parts.subject(block, width) if block.role is Role.SUBJECT
                          else parts.para(block, before=TABLE_GAP if after_table else 0))
        else:
            found = (parts.table(block, width) if isinstance(block, Table)
                     else parts.signatures(block, width) if isinstance(block, Signatures)
                     else "")
            if found and pieces and pieces[-1].endswith("</w:tbl>"):
                pieces.append(parts.spacer(TABLE_GAP))  # tables that touch would become one
            if found:
                pieces.append(found)
        after_table = isinstance(block, Table)
    tail = pieces[-1] if pieces else ""
    if sect and tail.endswith("</w:p>"):  # a paragraph's properties end with the section's
        end = tail.index("</w:pPr>", tail.rindex("<w:p>"))
        pieces[-1] = tail[:end] + sect + tail[end:]
    elif sect or not tail.endswith("</w:p>"):
        pieces.append(parts.spacer(1, sect))  # a 1-pt line after a table: never a page alone
    return "".join(pieces)


def _fill(header: _BaseHeaderFooter, content: str, layout: Layout, face: Face) -> None:
    """Unlink a header from the previous section's; one paragraph of `content` is all of it."""
    from docx.oxml import parse_xml

    header.is_linked_to_previous = False
    xml = paragraph(content, layout, face).replace("<w:p>", f'<w:p xmlns:w="{W_NS}">', 1)
    old = header.paragraphs[0]._p  # the new part's one empty paragraph
    old.addprevious(parse_xml(xml))
    old.getparent().remove(old)


def _headers(word: WordSection, index: int, profile: PageProfile, first_of_run: bool,
             draft: bool) -> None:
    """The page number centred in the header of every page but a run's first; a draft's mark
    on top of its first page and as a watermark behind every page."""
    face = Face.of(profile.style("page_number"))
    _fill(word.header, field("PAGE", "2", face) + (watermark(2 * index) if draft else ""),
          Layout("center"), face)
    if first_of_run:
        grey = Face(face.size, bold=True, color="808080")
        mark = run(DRAFT_MARK, grey) + watermark(2 * index + 1) if draft else ""
        _fill(word.first_page_header, mark, Layout("center"), grey)


def _properties(word: WordDocument, document: Document, profile: PageProfile) -> None:
    """The file's properties: title, the issuing body as author, the profile, the issue day."""
    properties = word.core_properties
    heads = [s.letterhead for s in document.sections if s.letterhead is not None]
    properties.title = nfc(document.title)
    properties.author = properties.last_modified_by = nfc(heads[0].issuer) if heads else ""
    properties.subject = nfc(profile.name)
    properties.comments = DRAFT_MARK if document.draft else ""
    properties.language = "vi-VN"
    properties.revision = 1
    properties.created = properties.modified = datetime.datetime.combine(document.issued_on,
                                                                         datetime.time(8))


def render_docx(document: Document, profile: PageProfile) -> bytes:
    """The document as a .docx file's bytes; InputError for the ballot papers (print them)."""
    if document.kind not in DOCX_KINDS or any(
            isinstance(b, BallotPaper) for s in document.sections for b in s.blocks):
        raise InputError(f"“{document.title}” chỉ in ra giấy (PDF), không xuất ra Word. Các "
                         f"văn bản xuất ra Word: {', '.join(DOCX_KINDS)}.")
    import docx
    from docx.oxml import parse_xml

    fonts = register()  # the PDF's font, to measure how wide the rules under lines are

    def measure(text: str, key: str) -> float:
        style = profile.style(key)
        face = fonts.name(style.bold, style.italic)
        return float(stringWidth(shown(text, style), face, style.size))

    parts = Parts(profile, measure)
    sections = document.sections
    runs = [index == 0 or s.restart_numbering for index, s in enumerate(sections)]
    xml = "".join(_section(parts, s, _text_width(profile, s),
                           _sect_pr(profile, s, first) if s is not sections[-1] else "")
                  for s, first in zip(sections, runs, strict=True))
    word = docx.Document(io.BytesIO(template(profile.style("body").size)))
    body = word.element.body
    final = body[-1]  # the empty template's section properties
    for element in list(parse_xml(f'<w:body xmlns:w="{W_NS}">{xml}</w:body>')):
        final.addprevious(element)
    body.replace(final, parse_xml(_sect_pr(profile, sections[-1], runs[-1]).replace(
        "<w:sectPr>", f'<w:sectPr xmlns:w="{W_NS}">', 1)))
    for index, (section, first) in enumerate(zip(word.sections, runs, strict=True)):
        _headers(section, index, profile, first, document.draft)
    _properties(word, document, profile)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
