"""printing/ballot_sheet.py: framed papers, copies, cut lines, a page per round."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak

from data.documents.content import BallotPaper
from data.documents.profiles import load_profile
from printing.ballot_sheet import CUT, CheckBox, PaperCopies, paper, papers
from printing.fonts import register
from printing.styles import Styles

STYLES = Styles(load_profile("state"), register())
PAPER = BallotPaper("Khối thi đua các cơ quan nội chính tỉnh", "Phiếu bầu",
                    "Bầu Trưởng khối năm 2020", "Mỗi phiếu chọn 01 đơn vị.",
                    ("Sở Nội vụ", "Công an tỉnh"), copies=3)


def test_copies_cut_lines_and_a_page_per_round() -> None:
    found = papers((PAPER, PAPER), STYLES, 165 * mm)
    assert sum(isinstance(f, PageBreak) for f in found) == 1
    copies = [f for f in found if isinstance(f, PaperCopies)]
    assert len(copies) == 6
    assert [c.cut for c in copies] == [True, True, False] * 2  # none after a round's last copy
    assert {c.form for c in copies[:3]} == {"ballot0"} and copies[3].form == "ballot1"
    assert len({id(c.paper) for c in copies[:3]}) == 1  # laid out once for all its copies
    width, height = copies[0].wrap(165 * mm, 800)
    assert height == copies[2].wrap(165 * mm, 800)[1] + CUT


def test_a_paper_has_a_box_per_candidate() -> None:
    (cell,) = paper(PAPER, STYLES, 165 * mm)._cellvalues[0]
    grid = cell[-1]
    assert [row[1].getPlainText() for row in grid._cellvalues[1:]] == ["Sở Nội vụ",
                                                                       "Công an tỉnh"]
    assert all(isinstance(row[2], CheckBox) for row in grid._cellvalues[1:])
    assert cell[0].getPlainText() == "KHỐI THI ĐUA CÁC CƠ QUAN NỘI CHÍNH TỈNH"
