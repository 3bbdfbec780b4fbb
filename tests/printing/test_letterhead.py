"""printing/letterhead.py: the header blocks of each profile, rules measured on their text."""

from __future__ import annotations

from typing import Any

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from data.documents.content import Letterhead
from data.documents.profiles import load_profile
from printing.fonts import register
from printing.letterhead import Rule, letterhead, subject_mark
from printing.styles import Styles

HEAD = Letterhead("Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh",
                  "Khối thi đua các cơ quan nội chính tỉnh", "Số: 05/BB-KTĐNC",
                  "Bắc Ninh, ngày 03 tháng 12 năm 2019")
WIDTH = (210 - 45) * mm


def cells(profile_id: str, width: float = WIDTH) -> tuple[Any, Styles]:
    styles = Styles(load_profile(profile_id), register())
    table = letterhead(HEAD, styles, width)
    return table, styles


def texts(flowables: list[Any]) -> list[str]:
    return [f.getPlainText() for f in flowables if isinstance(f, Paragraph)]


def test_state_header() -> None:
    table, styles = cells("state")
    (left, _gap, right), (number, _, place_date) = table._cellvalues
    assert texts(left) == ["HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH BẮC NINH",
                           "KHỐI THI ĐUA CÁC CƠ QUAN NỘI CHÍNH TỈNH"]
    assert texts(right) == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert number.getPlainText() == "Số: 05/BB-KTĐNC"
    assert place_date.getPlainText() == "Bắc Ninh, ngày 03 tháng 12 năm 2019"
    motto_rule, issuer_rule = right[-1], left[-1]
    assert isinstance(motto_rule, Rule) and isinstance(issuer_rule, Rule)
    motto = stringWidth("Độc lập - Tự do - Hạnh phúc", styles.fonts.bold, 14)
    assert motto_rule.rule_width == pytest.approx(motto)  # as wide as the motto
    issuer_line = min(stringWidth("KHỐI THI ĐUA CÁC CƠ QUAN NỘI CHÍNH TỈNH", styles.fonts.bold,
                                  13), table._colWidths[0] - 4)
    assert issuer_rule.rule_width == pytest.approx(issuer_line * 0.4)  # 1/3 to 1/2 of it
    assert table._colWidths[0] == pytest.approx(WIDTH * 0.42)


def test_party_header() -> None:
    table, _ = cells("party")
    (left, _gap, right), (number, _, _place) = table._cellvalues
    assert texts(left)[-1] == "*" and not any(isinstance(f, Rule) for f in left)
    assert texts(right) == ["ĐẢNG CỘNG SẢN VIỆT NAM"] and isinstance(right[-1], Rule)


def test_a_landscape_header_keeps_its_blocks_at_the_edges() -> None:
    wide = landscape(A4)[0] - 40 * mm
    table, _ = cells("state", wide)
    left, gap, right = table._colWidths
    assert left == pytest.approx(WIDTH * 0.42) and right == pytest.approx(WIDTH * 0.58)
    assert gap == pytest.approx(wide - WIDTH)


def test_subject_marks() -> None:
    state = Styles(load_profile("state"), register())
    rule = subject_mark("Hội nghị tổng kết", state, WIDTH)
    assert isinstance(rule, Rule)
    assert rule.rule_width == pytest.approx(stringWidth("Hội nghị tổng kết", state.fonts.bold, 14)
                                            * 0.4)
    dashes = subject_mark("Hội nghị", Styles(load_profile("party"), register()), WIDTH)
    assert isinstance(dashes, Paragraph) and dashes.getPlainText() == "-----"
