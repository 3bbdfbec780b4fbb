"""ui/widgets/findings_panel.py: the rule checker, live, one check per burst of changes."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from data import units, years
from data.meeting_model import Finding, Severity
from data.model import YearStatus
from tests.ui.helpers import column_texts
from ui.models.findings import COL_MESSAGE, COL_SEVERITY
from ui.session import MEMBERS, PLEDGE, SCORES, YEARS, Session
from ui.widgets.findings_panel import DELAY_MS, WATCHED, FindingsPanel

WARNINGS_2019 = [
    "Sở Nội vụ: 1 nội dung chưa có điểm khối chấm hoặc hội đồng chấm, đang lấy điểm tự chấm.",
    "Bộ Chỉ huy Quân sự tỉnh: 3 nội dung chưa có điểm khối chấm hoặc hội đồng chấm, đang lấy "
    "điểm tự chấm."]


@pytest.fixture
def panel(qtbot: QtBot, session: Session) -> FindingsPanel:
    widget = FindingsPanel(session)
    qtbot.addWidget(widget)
    widget.resize(900, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_demo_2019_has_two_warnings(panel: FindingsPanel) -> None:
    assert panel.title.text() == "Kiểm tra quy định năm 2019:"
    assert panel.summary.text() == "Không có lỗi; 2 lưu ý"
    assert panel.summary.property("kind") == "ok" and "#1e7b34" in panel.summary.styleSheet()
    assert column_texts(panel.model, COL_SEVERITY) == ["Lưu ý", "Lưu ý"]
    assert column_texts(panel.model, COL_MESSAGE) == WARNINGS_2019


def test_discipline_makes_an_error_appear(qtbot: QtBot, panel: FindingsPanel,
                                          session: Session) -> None:
    police = units.find_unit(session.db, "Công an tỉnh")
    assert police is not None
    units.save_membership(session.db, replace(units.get_membership(session.db, 2019, police.id),
                                              discipline=True))
    session.notify(MEMBERS)
    assert panel.summary.text() == "Không có lỗi; 2 lưu ý"  # not yet: a short pause first
    qtbot.waitUntil(lambda: panel.summary.property("kind") == "error", timeout=2000)
    assert panel.summary.text() == "2 lỗi cần sửa trước khi gửi hồ sơ; 2 lưu ý"
    assert "#c62828" in panel.summary.styleSheet()
    assert column_texts(panel.model, COL_SEVERITY) == ["Lỗi", "Lỗi", "Lưu ý", "Lưu ý"]
    assert column_texts(panel.model, COL_MESSAGE)[1] == (
        "Công an tỉnh được đề nghị “Cờ thi đua của Ủy ban nhân dân tỉnh” dù đang bị kỷ luật "
        "hoặc đang bị xem xét kỷ luật.")
    assert {f.rule for f in panel.findings() if f.severity is Severity.ERROR} == {"eligibility"}


def test_a_burst_of_changes_costs_one_check(qtbot: QtBot, panel: FindingsPanel,
                                            session: Session) -> None:
    checks = panel.checks
    for _ in range(5):
        session.notify(SCORES)
    session.notify(PLEDGE)  # not a fact of the checker
    assert panel.timer.isActive() and panel.timer.interval() == DELAY_MS
    qtbot.waitUntil(lambda: not panel.timer.isActive(), timeout=2000)
    assert panel.checks == checks + 1
    session.notify(PLEDGE)
    assert not panel.timer.isActive() and PLEDGE not in WATCHED


def test_follows_the_year(qtbot: QtBot, panel: FindingsPanel, session: Session) -> None:
    session.set_year(2020)
    qtbot.waitUntil(lambda: panel.title.text() == "Kiểm tra quy định năm 2020:", timeout=2000)
    # 2020 is at the pledge stage: scoring has not begun, nothing is missing yet
    assert panel.summary.text().startswith("Không có lỗi, không có lưu ý")
    assert panel.findings() == []
    years.set_status(session.db, 2020, YearStatus.MEETING)
    session.notify(YEARS)
    # at the year-end meeting every unit's unscored items count 0: an error each
    qtbot.waitUntil(lambda: panel.summary.text() ==
                    "8 lỗi cần sửa trước khi gửi hồ sơ; không có lưu ý", timeout=2000)
    assert {f.rule for f in panel.findings()} == {"scores"}


def test_activating_a_finding(qtbot: QtBot, panel: FindingsPanel) -> None:
    seen: list[Finding] = []
    panel.findingActivated.connect(seen.append)
    rect = panel.table.visualRect(panel.model.index(1, COL_MESSAGE))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [f.message for f in seen] == [WARNINGS_2019[1]]
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert len(seen) == 2


def test_no_check_while_hidden(qtbot: QtBot, panel: FindingsPanel, session: Session) -> None:
    session.notify(SCORES)
    assert panel.timer.isActive()
    panel.hide()  # e.g. the file is being closed: the pending check is dropped
    assert not panel.timer.isActive()
    checks = panel.checks
    for _ in range(3):
        session.notify(MEMBERS)
    assert not panel.timer.isActive() and panel.checks == checks
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.checks == checks + 1  # shown again: checked once, at once


def test_rechecks_on_the_sessions_board_without_reloading_scores(
        qtbot: QtBot, panel: FindingsPanel, session: Session,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A score edit triggers a recheck; it must use the live board, not re-read the year."""
    from data import rule_checker

    def no_reload(*args: object) -> None:
        raise AssertionError("the year's scores were loaded again from the file")

    monkeypatch.setattr(rule_checker, "load_board", no_reload)
    before = panel.checks
    session.notify(SCORES)
    qtbot.waitUntil(lambda: panel.checks > before, timeout=2000)
    assert panel.summary.text() == "Không có lỗi; 2 lưu ý"
