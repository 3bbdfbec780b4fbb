"""A document to PDF bytes: A4 pages in the profile's margins (portrait or landscape by section),
page numbers centred in the top margin from the second page of each numbered run, a draft mark."""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
)
from reportlab.platypus.doctemplate import LayoutError

from data.documents.content import BallotPaper, Document, Para, Role, Section, Signatures, Table
from data.documents.profiles import Margins, PageProfile
from data.errors import InputError
from printing import ballot_sheet, blocks
from printing.fonts import RegisteredFonts, register
from printing.letterhead import letterhead, subject_mark
from printing.styles import Styles, nfc

DRAFT_MARK = "BẢN NHÁP"
_ONE_AT_A_TIME = threading.Lock()
PORTRAIT, LANDSCAPE = "portrait", "landscape"


@dataclass(frozen=True)
class Rendered:
    """A rendered document: the PDF bytes, its page count and the font family used."""

    pdf: bytes
    pages: int
    font: str


class _Restart(Flowable):  # type: ignore[misc]  # reportlab ships no type information
    """Marks where a run of pages numbered on its own (an attachment) begins."""

    def __init__(self, numbered: bool) -> None:
        super().__init__()
        self.numbered = numbered

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        template = self.canv._doctemplate
        template.run_start = template.page
        template.numbered = self.numbered


class _Template(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, out: io.BytesIO, document: Document, profile: PageProfile,
                 styles: Styles) -> None:
        super().__init__(out, pagesize=A4, initialFontName=styles.fonts.regular,
                         title=nfc(document.title), author=nfc(profile.name),
                         creator="Khối thi đua", invariant=1, pageCompression=1)
        self.styles, self.profile, self.document = styles, profile, document
        self.run_start, self.numbered = 1, True
        self.addPageTemplates([self._page(PORTRAIT, A4, profile.margins),
                               self._page(LANDSCAPE, landscape(A4), profile.landscape_margins)])

    def _page(self, name: str, size: tuple[float, float], margins: Margins) -> PageTemplate:
        width, height = size
        frame = Frame(margins.left * mm, margins.bottom * mm,
                      width - (margins.left + margins.right) * mm,
                      height - (margins.top + margins.bottom) * mm,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=name)
        return PageTemplate(name, [frame], pagesize=size, onPage=self._underlay,
                            onPageEnd=self._number)

    def _underlay(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """A draft's mark, under the text so that it never hides a word."""
        if not self.document.draft:
            return
        width, height = canvas._pagesize
        canvas.saveState()
        canvas.setFillGray(0.86)
        canvas.setFont(self.styles.fonts.bold, 64)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(35)
        canvas.drawCentredString(0, -22, DRAFT_MARK)
        canvas.restoreState()

    def _number(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """The page number, once the page's content is known (a run may start on it)."""
        width, height = canvas._pagesize
        margins = self.profile.landscape_margins if width > height else self.profile.margins
        number = doc.page - self.run_start + 1
        if self.numbered and number > 1:
            style = self.profile.style("page_number")
            canvas.setFont(self.styles.font(style), style.size)
            centre = (margins.left * mm + width - margins.right * mm) / 2
            canvas.drawCentredString(centre, height - margins.top * mm / 2 - style.size / 3,
                                     str(number))


def _text_width(profile: PageProfile, section: Section) -> float:
    margins = profile.landscape_margins if section.landscape else profile.margins
    page_width = (landscape(A4) if section.landscape else A4)[0]
    return float(page_width - (margins.left + margins.right) * mm)


def _section(section: Section, styles: Styles, width: float) -> list[Flowable]:
    found: list[Flowable] = []
    if section.letterhead is not None:
        found += [letterhead(section.letterhead, styles, width), Spacer(1, 6 * mm)]
    papers = tuple(b for b in section.blocks if isinstance(b, BallotPaper))
    if papers:
        return found + ballot_sheet.papers(papers, styles, width)
    pending: list[Para] = []  # paragraphs kept with what follows, held until it is known
    for block in section.blocks:
        if isinstance(block, Para) and block.keep_with_next:
            pending.append(block)
            continue
        if isinstance(block, Table):
            lead = [blocks.paragraph(p, styles, keep=False) for p in pending]
            found += [blocks.LeadIn(lead, blocks.table(block, styles, width)), Spacer(1, 6)]
            pending = []
            continue
        found += [blocks.paragraph(p, styles) for p in pending]
        pending = []
        if isinstance(block, Para):
            found.append(blocks.paragraph(block, styles))
            if block.role is Role.SUBJECT:
                mark = subject_mark(block.text, styles, width)
                found += [mark, Spacer(1, 4)] if mark is not None else [Spacer(1, 6)]
        elif isinstance(block, Signatures):
            found += blocks.signatures(block, styles, width)  # no spacer: it would break the
            # chain of keep-with-next that holds a signature to the text above it
    found += [blocks.paragraph(p, styles) for p in pending]
    return found


def render(document: Document, profile: PageProfile, fonts: RegisteredFonts | None = None
           ) -> Rendered:
    """The document as PDF bytes, every font embedded, every string NFC. Safe to call from any
    thread: reportlab keeps module-wide state, so one document is laid out at a time."""
    with _ONE_AT_A_TIME:
        return _render(document, profile, fonts if fonts is not None else register())


def _render(document: Document, profile: PageProfile, fonts: RegisteredFonts) -> Rendered:
    styles = Styles(profile, fonts)
    out = io.BytesIO()
    template = _Template(out, document, profile, styles)
    story: list[Flowable] = []
    for index, section in enumerate(document.sections):
        name = LANDSCAPE if section.landscape else PORTRAIT
        numbered = not any(isinstance(b, BallotPaper) for b in section.blocks)
        if index == 0:
            template.pageTemplates.sort(key=lambda t: t.id != name)  # the first page's size
        else:
            story += [NextPageTemplate(name), PageBreak()]
        if index == 0 or section.restart_numbering:
            story.append(_Restart(numbered))
        story += _section(section, styles, _text_width(profile, section))
    try:
        template.build(story)
    except LayoutError as exc:
        raise InputError(f"Không dàn trang được “{document.title}”: một dòng của bảng dài hơn "
                         f"cả trang giấy ({exc}). Hãy rút gọn nội dung ô đó.") from None
    return Rendered(out.getvalue(), template.page, fonts.family.label)
