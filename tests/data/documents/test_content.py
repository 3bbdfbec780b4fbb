"""data/documents/content.py: values shown in Vietnamese format; lookups of a document."""

from __future__ import annotations

import datetime

from data.documents.content import (
    Column,
    ColumnKind,
    Document,
    Role,
    Section,
    Table,
    labelled,
    para,
)


def test_columns_show_values_in_vietnamese() -> None:
    assert Column("t", "Tổng", ColumnKind.NUMBER).shown(109.6) == "109,6"
    assert Column("t", "Tổng", ColumnKind.NUMBER).shown(1234.5) == "1.234,5"
    assert Column("r", "Hạng", ColumnKind.INTEGER).shown(3) == "3"
    assert Column("p", "Tỷ lệ", ColumnKind.PERCENT).shown(0.875) == "87,5 %"
    assert Column("p", "Tỷ lệ", ColumnKind.PERCENT).shown(2 / 3) == "66,67 %"
    assert Column("v", "Số phiếu (%)", ColumnKind.VOTES).shown((7, 0.875)) == "7 (87,5 %)"
    assert Column("u", "Đơn vị").shown("Sở Nội vụ") == "Sở Nội vụ"
    assert Column("n", "Ghi chú", ColumnKind.NUMBER).shown(None) == ""


def test_paragraph_helpers() -> None:
    p = labelled("Chủ trì", "Nguyễn Văn Khải.")
    assert p.text == "Chủ trì: Nguyễn Văn Khải." and p.runs[0].bold and not p.runs[1].bold
    assert para("BIÊN BẢN", Role.TITLE).role is Role.TITLE


def test_document_lookups() -> None:
    table = Table("scores", (Column("unit", "Đơn vị"), Column("total", "Tổng",
                                                             ColumnKind.NUMBER)),
                  (("Sở Nội vụ", 105.0), ("Sở Tư pháp", 93.32)))
    document = Document("scores", 2019, "Bảng", (Section((para("A"), table)),),
                        datetime.date(2019, 12, 3))
    assert document.table("scores") is table and document.tables() == [table]
    assert [p.text for p in document.paragraphs()] == ["A"]
    assert table.column("total") == [105.0, 93.32]
    assert table.shown_rows() == [["Sở Nội vụ", "105"], ["Sở Tư pháp", "93,32"]]
