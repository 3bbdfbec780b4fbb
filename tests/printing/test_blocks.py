"""printing/blocks.py: tables, signature rows and a table's lead-in, as flowables."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from data.documents.content import Column, ColumnKind, Signatures, Signer, Table, para
from data.documents.profiles import load_profile
from printing.blocks import LeadIn, Whole, paragraph, signatures, table
from printing.fonts import register
from printing.styles import Styles

STYLES = Styles(load_profile("state"), register())
WIDTH = 165 * mm


def content(rows: int) -> Table:
    return Table("scores", (Column("no", "STT", ColumnKind.INTEGER, 0.5),
                            Column("unit", "Đơn vị", ColumnKind.TEXT, 3),
                            Column("total", "Tổng", ColumnKind.NUMBER, 1)),
                 tuple((i, f"Đơn vị số {i}", 90 + i / 4) for i in range(1, rows + 1)))


def test_a_table_repeats_its_header_and_fills_the_width() -> None:
    flowable = table(content(3), STYLES, WIDTH)
    assert flowable.repeatRows == 1
    assert sum(flowable._colWidths) == WIDTH
    assert flowable._colWidths[1] == WIDTH * 3 / 4.5
    header, first = flowable._cellvalues[0], flowable._cellvalues[1]
    assert [p.getPlainText() for p in header] == ["STT", "Đơn vị", "Tổng"]
    assert [first[0], first[1].getPlainText(), first[2]] == ["1", "Đơn vị số 1", "90,25"]
    aligned = [cell.alignment for cell in flowable._cellStyles[1]]
    assert aligned[0] == "CENTER" and aligned[2] == "RIGHT"  # numbers to the right


def test_a_lead_in_keeps_its_heading_with_the_first_rows() -> None:
    lead = [paragraph(para("III. KẾT QUẢ", keep_with_next=True), STYLES)]
    long_table = table(content(80), STYLES, WIDTH)
    lead_in = LeadIn(lead, long_table)
    assert lead_in.split(WIDTH, 30) == []  # not even two rows: all of it moves on
    parts = lead_in.split(WIDTH, 300)
    assert parts[0] is lead[0] and len(parts) == 3  # heading, first rows, the rest
    assert len(parts[1]._cellvalues) - 1 >= 2 and parts[2].repeatRows == 1
    short = LeadIn(lead, table(content(2), STYLES, WIDTH))
    assert short.split(WIDTH, 700) == [lead[0], short.table]


def test_signature_rows_never_split_and_align_the_names() -> None:
    block = Signatures(tuple(Signer("Giám đốc", f"Nguyễn Văn {i}", above=f"Sở số {i}")
                             for i in range(5)), per_row=3, heading="Đại diện các đơn vị")
    heading, *rows = signatures(block, STYLES, WIDTH)
    assert isinstance(heading, Paragraph) and heading.style.keepWithNext
    assert len(rows) == 2 and all(isinstance(r, Whole) for r in rows)
    assert rows[0].split(WIDTH, 50) == []
    names = rows[1]._cellvalues[1]
    assert [n.getPlainText() if n else "" for n in names] == ["Nguyễn Văn 3", "Nguyễn Văn 4", ""]


def test_a_single_signature_with_recipients() -> None:
    block = Signatures((Signer("TRƯỞNG KHỐI", "Nguyễn Văn Khải", "TM. Khối thi đua"),),
                       per_row=1, recipients_label="Nơi nhận:",
                       recipients=("- Như trên;", "- Lưu: VT."))
    (grid,) = signatures(block, STYLES, WIDTH)
    left, right = grid._cellvalues[0]
    assert [p.getPlainText() for p in left] == ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]
    assert [p.getPlainText() for p in right] == ["TM. KHỐI THI ĐUA", "TRƯỞNG KHỐI"]
    assert grid._cellvalues[1][1].getPlainText() == "Nguyễn Văn Khải"
