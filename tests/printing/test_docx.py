"""printing/docx.py: the Word files read back with python-docx: the same paragraphs, tables and
header blocks as the content, the profile's pages, styles, page numbers and fonts, both
profiles, a draft's mark; ballot papers refused."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import replace

import pytest
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Length
from docx.table import Table as WordTable
from reportlab.pdfbase.pdfmetrics import stringWidth

from data.demo import build_demo
from data.documents.catalog import KINDS, make
from data.documents.content import (
    ColumnKind,
    Document,
    Role,
    Section,
    Signatures,
    Table,
    para,
)
from data.documents.profiles import load_profile
from data.errors import InputError
from printing.docx import DOCX_KINDS, render_docx
from printing.fonts import register
from tests.data.documents.big_bloc import YEAR, build_big_bloc
from tests.printing.docxtools import (
    cell_text,
    docx_text,
    open_docx,
    printed_paragraphs,
    table_rows,
)

Made = dict[str, tuple[Document, bytes]]
STATE, PARTY = load_profile("state"), load_profile("party")
TNR = "Times New Roman"
VML_TEXT = "{urn:schemas-microsoft-com:vml}textpath"


def _make(profile: str | None = None, draft: bool = False,
          kinds: tuple[str, ...] = DOCX_KINDS) -> Made:
    db = build_demo(None)
    try:
        found = {}
        for kind in kinds:
            document = make(db, 2019, kind, profile_id=profile, draft=draft).document
            found[kind] = (document, render_docx(document, load_profile(document.profile_id)))
        return found
    finally:
        db.close()


@pytest.fixture(scope="session")
def demo_docx() -> Iterator[Made]:
    """Every Word document of the demo's 2019, issued in the state format."""
    yield _make()


@pytest.fixture(scope="session")
def party_minutes() -> tuple[Document, bytes]:
    """The minutes alone, issued in the Party format: the first BB of the term."""
    return _make("party", kinds=("minutes",))["minutes"]


def mm(length: Length | None) -> float:
    assert length is not None
    return float(length.mm)


def top_tables(word: WordDocument) -> list[WordTable]:
    return [t for t in word.iter_inner_content() if isinstance(t, WordTable)]


def expected_tables(document: Document) -> list[object]:
    """What each top-level Word table stands for, in order: a section's header blocks
    ("letterhead"), then its tables and signature blocks."""
    found: list[object] = []
    for section in document.sections:
        found += ["letterhead"] if section.letterhead is not None else []
        found += [b for b in section.blocks if isinstance(b, Table | Signatures)]
    return found


def test_the_kinds_are_every_kind_but_the_ballot_papers() -> None:
    assert DOCX_KINDS == tuple(k for k in KINDS if k != "ballots")


@pytest.mark.parametrize("kind", DOCX_KINDS)
def test_the_paragraphs_are_the_contents(demo_docx: Made, kind: str) -> None:
    document, data = demo_docx[kind]
    word = open_docx(data)
    assert all(p.text for p in document.paragraphs())
    assert [p.text for p in word.paragraphs if p.text] == printed_paragraphs(document, STATE)
    for empty in (p for p in word.paragraphs if not p.text):  # only rules and spacers
        spacing = empty.paragraph_format
        assert spacing.line_spacing is not None and spacing.line_spacing.pt <= 6
        assert empty.runs == []
    assert all(unicodedata.is_normalized("NFC", text) for text in docx_text(data))


@pytest.mark.parametrize("kind", DOCX_KINDS)
def test_the_tables_are_the_contents(demo_docx: Made, kind: str) -> None:
    document, data = demo_docx[kind]
    tables = top_tables(open_docx(data))
    expected = expected_tables(document)
    assert len(tables) == len(expected)
    for found, content in zip(tables, expected, strict=True):
        rows = found._tbl.tr_lst
        assert all(tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None
                   for tr in rows)
        if not isinstance(content, Table):
            assert all(tr.trPr.find(qn("w:tblHeader")) is None for tr in rows)
            continue
        assert table_rows(found) == [[c.header for c in content.columns],
                                     *content.shown_rows()]
        assert [tr.trPr.find(qn("w:tblHeader")) is not None for tr in rows] == \
            [True] + [False] * len(content.rows)
        widths = [int(col.get(qn("w:w"))) for col in found._tbl.tblGrid.gridCol_lst]
        total = sum(c.width for c in content.columns)
        for width, column in zip(widths, content.columns, strict=True):
            assert width / sum(widths) == pytest.approx(column.width / total, abs=0.001)
        for index, column in enumerate(content.columns):
            align = found.rows[1].cells[index].paragraphs[0].alignment
            if column.key == "no" or column.kind in (ColumnKind.INTEGER, ColumnKind.PERCENT,
                                                     ColumnKind.VOTES):
                assert align == WD_ALIGN_PARAGRAPH.CENTER
            elif column.kind is ColumnKind.NUMBER:
                assert align == WD_ALIGN_PARAGRAPH.RIGHT
            else:
                assert align == WD_ALIGN_PARAGRAPH.LEFT


def test_a_multi_line_cell_keeps_its_lines(demo_docx: Made) -> None:
    document, data = demo_docx["pledge"]
    targets = document.table("registrations").shown_rows()[0][-1]
    assert "\n" in targets
    assert targets in docx_text(data)


@pytest.mark.parametrize("kind", ["vote-count", "minutes", "submission", "scores", "pledge"])
def test_the_header_blocks(demo_docx: Made, kind: str) -> None:
    document, data = demo_docx[kind]
    head = document.sections[0].letterhead
    assert head is not None
    table = top_tables(open_docx(data))[0]
    assert table_rows(table) == [
        [f"{head.agency_above.upper()}\n{head.issuer.upper()}",
         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
        [head.number, head.place_date]]
    assert {b.get(qn("w:val")) for b in table._tbl.tblPr.find(qn("w:tblBorders"))} == {"nil"}
    left, right = table.rows[0].cells
    agency, issuer, rule = left.paragraphs
    assert not agency.runs[0].bold and issuer.runs[0].bold and rule.text == ""
    assert rule._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")) is not None
    place = table.rows[1].cells[1].paragraphs[0]
    assert place.runs[0].italic and place.runs[0].font.size.pt == 14
    inner = left.width.twips - 4 * 20
    fmt = rule.paragraph_format
    rule_width = inner - fmt.left_indent.twips - fmt.right_indent.twips
    assert rule_width == pytest.approx(0.4 * inner, abs=2)  # the issuer wraps: its full width
    motto_rule = right.paragraphs[-1]
    fmt = motto_rule.paragraph_format
    gap = (fmt.left_indent.twips - fmt.right_indent.twips)  # the landscape indent, if any
    motto = stringWidth("Độc lập - Tự do - Hạnh phúc", register().bold, 14) * 20
    assert right.width.twips - 4 * 20 - gap - 2 * fmt.right_indent.twips == \
        pytest.approx(motto, abs=3)
    if document.sections[0].landscape:  # the blocks keep their portrait widths, at the edges
        assert gap > 0 and left.width.twips == round(165 / 25.4 * 1440 * 0.42)


@pytest.mark.parametrize("kind", DOCX_KINDS)
def test_the_pages_follow_the_profile(demo_docx: Made, kind: str) -> None:
    document, data = demo_docx[kind]
    word = open_docx(data)
    assert len(word.sections) == len(document.sections)
    for section, content in zip(word.sections, document.sections, strict=True):
        margins = STATE.landscape_margins if content.landscape else STATE.margins
        size = (297, 210) if content.landscape else (210, 297)
        assert (section.orientation == WD_ORIENT.LANDSCAPE) == content.landscape
        assert (mm(section.page_width), mm(section.page_height)) == pytest.approx(size, abs=0.1)
        assert [mm(section.top_margin), mm(section.bottom_margin), mm(section.left_margin),
                mm(section.right_margin)] == pytest.approx(
            [margins.top, margins.bottom, margins.left, margins.right], abs=0.1)


@pytest.mark.parametrize("kind", DOCX_KINDS)
def test_page_numbers_from_the_second_page_of_each_run(demo_docx: Made, kind: str) -> None:
    document, data = demo_docx[kind]
    word = open_docx(data)
    for index, (section, content) in enumerate(zip(word.sections, document.sections,
                                                   strict=True)):
        first_of_run = index == 0 or content.restart_numbering
        header = section.header
        assert not header.is_linked_to_previous
        instructions = [e.text for e in header._element.iter(qn("w:instrText"))]
        assert [i.strip() for i in instructions] == ["PAGE"]
        assert header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert section.different_first_page_header_footer == first_of_run
        if first_of_run:
            first = section.first_page_header
            assert not first.is_linked_to_previous
            assert list(first._element.iter(qn("w:instrText"))) == []
            assert "".join(p.text for p in first.paragraphs) == ""
        restart = section._sectPr.find(qn("w:pgNumType"))
        assert (restart is not None and restart.get(qn("w:start")) == "1") == \
            content.restart_numbering
    assert any(s.restart_numbering for s in document.sections) == (kind in ("pledge",
                                                                           "submission"))


@pytest.mark.parametrize("kind", DOCX_KINDS)
def test_times_new_roman_everywhere(demo_docx: Made, kind: str) -> None:
    word = open_docx(demo_docx[kind][1])
    styles = word.styles.element
    slots = (qn("w:ascii"), qn("w:hAnsi"), qn("w:eastAsia"), qn("w:cs"))
    normal = word.styles["Normal"]
    assert normal.font.name == TNR
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for rpr in (normal.element.rPr, defaults):
        fonts = rpr.find(qn("w:rFonts"))
        assert [fonts.get(slot) for slot in slots] == [TNR] * 4
    parts = [word.element, styles] + [s.header._element for s in word.sections]
    for part in parts:
        for fonts in part.iter(qn("w:rFonts")):
            assert {v for k, v in fonts.attrib.items()} == {TNR}  # no theme font, no other font


def test_paragraph_styles_come_from_the_profile(demo_docx: Made) -> None:
    document, data = demo_docx["minutes"]
    word = open_docx(data)
    found = {p.text: p for p in word.paragraphs if p.text}
    title = found["BIÊN BẢN"]
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.runs[0].bold and title.runs[0].font.size.pt == 14
    body = next(p for p in document.paragraphs() if p.role is Role.BODY and not p.keep_with_next)
    fmt = found[body.text].paragraph_format
    assert found[body.text].alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert mm(fmt.first_line_indent) == pytest.approx(12.7, abs=0.05)
    assert fmt.space_after.pt == 6 and fmt.line_spacing == pytest.approx(1.1)
    heading = found["I. THÀNH PHẦN THAM DỰ"]
    assert heading.runs[0].bold and heading.paragraph_format.keep_with_next
    assert heading.paragraph_format.first_line_indent is None
    labelled = found[next(p.text for p in document.paragraphs() if p.text.startswith("3. Chủ"))]
    assert [(r.text, r.bold) for r in labelled.runs][:1] == [("3. Chủ trì: ", True)]
    assert not labelled.runs[1].bold


def test_signatures_and_recipients(demo_docx: Made) -> None:
    minutes = top_tables(open_docx(demo_docx["minutes"][1]))[-1]
    assert table_rows(minutes) == [["THƯ KÝ", "CHỦ TRÌ"], ["Lê Thị Thu Trang", "Nguyễn Văn Khải"]]
    name = minutes.rows[1].cells[0].paragraphs[0]
    assert mm(name.paragraph_format.space_before) == pytest.approx(24, abs=0.1)  # room to sign
    assert minutes.rows[0].cells[0].paragraphs[0].paragraph_format.keep_with_next
    submission = top_tables(open_docx(demo_docx["submission"][1]))
    single = next(t for t in submission if "TRƯỞNG KHỐI" in cell_text(t.rows[0].cells[-1]))
    assert table_rows(single) == [["Nơi nhận:\n- Như trên;\n- Các đơn vị thành viên Khối;\n"
                                   "- Lưu: VT.", "TM. KHỐI THI ĐUA\nTRƯỞNG KHỐI\nNguyễn Văn Khải"]]
    label = single.rows[0].cells[0].paragraphs[0].runs[0]
    assert label.bold and label.italic and label.font.size.pt == 12
    document, data = demo_docx["pledge"]
    grid = top_tables(open_docx(data))[1]
    block = next(b for b in document.sections[0].blocks if isinstance(b, Signatures))
    rows = table_rows(grid)
    assert rows[0] == [block.heading.upper()]
    assert len(rows) == 1 + 2 * 3 and all(len(row) == 3 for row in rows[1:])
    heads = [text for row in rows[1::2] for text in row if text]
    names = [text for row in rows[2::2] for text in row if text]
    assert heads == [f"{s.above.upper()}\n{s.title.upper()}" for s in block.signers]
    assert names == [s.name for s in block.signers]


def test_the_party_format(party_minutes: tuple[Document, bytes]) -> None:
    document, data = party_minutes
    word = open_docx(data)
    head = top_tables(word)[0]
    rows = table_rows(head)
    assert rows[0][1] == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert rows[0][0].endswith("\n*") and rows[1][0] == "Số 01-BB/KTĐNC"
    assert head.rows[0].cells[1].paragraphs[0].runs[0].font.size.pt == 15
    texts = [p.text for p in word.paragraphs if p.text]
    assert texts == printed_paragraphs(document, PARTY)
    assert texts[texts.index("Hội nghị tổng kết công tác thi đua, khen thưởng năm 2019") + 1] \
        == "-----"
    assert table_rows(top_tables(word)[-1])[0] == ["NGƯỜI GHI BIÊN BẢN", "CHỦ TRÌ HỘI NGHỊ"]
    assert mm(word.sections[0].left_margin) == pytest.approx(30, abs=0.1)


def test_a_draft_is_marked_and_takes_no_number() -> None:
    document, data = _make("party", draft=True, kinds=("submission",))["submission"]
    word = open_docx(data)
    first = word.sections[0].first_page_header.paragraphs[0]
    assert first.text == "BẢN NHÁP" and first.runs[0].bold
    assert first.runs[0].font.color.rgb is not None  # grey, not black
    assert table_rows(top_tables(word)[0])[1][0] == "Số " + "\u00a0" * 8 + "-TTr/KTĐNC"
    assert word.core_properties.title == document.title
    headers = [h for s in word.sections for h in (s.header, s.first_page_header)]
    assert len(headers) == 4  # the submission and its attachment, each a numbered run
    for header in headers:  # a watermark behind every page, as the PDF's diagonal mark
        marks = [e.get("string") for e in header._element.iter(VML_TEXT) if e.get("string")]
        assert marks == ["BẢN NHÁP"]


def test_an_issued_document_has_no_draft_mark(demo_docx: Made) -> None:
    for _, data in demo_docx.values():
        word = open_docx(data)
        for section in word.sections:
            header = section.header._element
            assert list(header.iter(VML_TEXT)) == [] and "NHÁP" not in header.xml


def test_ballot_papers_are_refused() -> None:
    db = build_demo(None)
    try:
        ballots = make(db, 2019, "ballots").document
    finally:
        db.close()
    with pytest.raises(InputError, match="chỉ in ra giấy") as refused:
        render_docx(ballots, STATE)
    assert "minutes" in str(refused.value)


def test_text_is_stored_precomposed(demo_docx: Made) -> None:
    document, _ = demo_docx["minutes"]
    decomposed = unicodedata.normalize("NFD", "Hoà giải ở cơ sở")
    extra = Section((para(decomposed), Table("t", document.tables()[0].columns[:1],
                                             ((decomposed,),))))
    data = render_docx(replace(document, sections=(*document.sections, extra)), STATE)
    text = docx_text(data)
    assert "Hoà giải ở cơ sở" in text and decomposed not in text


def test_a_long_table_has_every_row() -> None:
    db = build_big_bloc()
    try:
        document = make(db, YEAR, "scores").document
    finally:
        db.close()
    tables = top_tables(open_docx(render_docx(document, STATE)))
    content = document.table("scores")
    found = next(t for t in tables if len(t.rows) == len(content.rows) + 1)
    assert table_rows(found)[1:] == content.shown_rows()
    assert [p.text for p in open_docx(render_docx(document, STATE)).paragraphs if p.text] == \
        printed_paragraphs(document, STATE)


def test_tables_that_follow_each_other_stay_apart(demo_docx: Made) -> None:
    document, _ = demo_docx["minutes"]
    table = document.tables()[0]
    chair = next(b for b in document.sections[0].blocks if isinstance(b, Signatures)).signers[1]
    signer = Signatures((chair,), 1, heading="Xác nhận")
    odd = replace(document, sections=(Section((table, table, signer)),
                                      Section((para("Hết."),), landscape=True)))
    word = open_docx(render_docx(odd, STATE))
    body = list(word.element.body)
    kinds = [child.tag.rsplit("}", 1)[1] for child in body]
    assert kinds.count("tbl") == 3
    assert all(not (a == b == "tbl") for a, b in zip(kinds, kinds[1:], strict=False))
    assert [s.orientation for s in word.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    assert table_rows(top_tables(word)[2])[0] == ["XÁC NHẬN"]
    assert [p.text for p in word.paragraphs if p.text] == ["Hết."]
