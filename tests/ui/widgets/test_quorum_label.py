"""ui/widgets/quorum_label.py: present x/y against the rule set's share, green or red."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from data.meeting_model import Quorum
from data.model import RuleSet
from ui.widgets.quorum_label import QuorumLabel, notes_text, quorum_text, share_text

RULES = RuleSet(2019, sources=(("quorum_share", "Hướng dẫn 01/HD-HĐTĐKT (2021)"),))


@pytest.mark.parametrize(("share", "text"), [(2 / 3, "2/3"), (0.5, "1/2"), (0.75, "3/4"),
                                             (0.8, "80 %"), (0.6, "60 %"), (1.0, "100 %")])
def test_share_text(share: float, text: str) -> None:
    assert share_text(share) == text


def test_texts() -> None:
    assert quorum_text(Quorum(8, 8, 6, True), RULES) == (
        "Có mặt 8/8 đơn vị — đủ điều kiện tiến hành hội nghị (cần ít nhất 6, tỷ lệ 2/3 theo "
        "Hướng dẫn 01/HD-HĐTĐKT (2021))")
    assert quorum_text(Quorum(8, 5, 6, False), RuleSet(2019, quorum_share=0.75)) == (
        "Có mặt 5/8 đơn vị — chưa đủ điều kiện (cần ít nhất 6, tỷ lệ 3/4)")
    assert notes_text(0, 0) == ""
    assert notes_text(2, 1) == ("2 đơn vị chưa điểm danh (được tính là vắng); 1 đơn vị vắng chưa "
                                "ghi lý do")


def test_label_colours_and_notes(qtbot: QtBot) -> None:
    label = QuorumLabel()
    qtbot.addWidget(label)
    label.show_quorum(Quorum(8, 8, 6, True), RULES)
    assert label.met is True and label.notes == ""
    assert label.summary.startswith("Có mặt 8/8 đơn vị — đủ điều kiện")
    assert "#1e5631" in label.styleSheet() and "Lưu ý" not in label.text()
    label.show_quorum(Quorum(8, 5, 6, False), RULES, missing_reasons=3)
    assert label.met is False and "#8a1c1c" in label.styleSheet()
    assert "Lưu ý: 3 đơn vị vắng chưa ghi lý do." in label.text()
    label.clear_quorum()
    assert label.met is None and label.isHidden()
