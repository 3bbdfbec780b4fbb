"""The quorum line of a meeting: units present out of the year's members against the rule set's
share (with the document it comes from), green when met, red when not, updated at every tick."""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from data.meeting_model import Quorum
from data.model import RuleSet
from data.vntext import format_percent

_STYLES = {
    True: "background:#e9f7ef; color:#1e5631; border:1px solid #b7e1c5;",
    False: "background:#fdecea; color:#8a1c1c; border:1px solid #f5c2c0;",
}


def share_text(share: float) -> str:
    """A rule's share as the documents write it: "2/3", "1/2", else a percentage ("75 %")."""
    fraction = Fraction(share).limit_denominator(1000)
    if fraction.denominator in (2, 3) or (fraction.denominator <= 4 and fraction.numerator > 1):
        return f"{fraction.numerator}/{fraction.denominator}"
    return format_percent(share)


def quorum_text(quorum: Quorum, rules: RuleSet) -> str:
    """"Có mặt 8/8 đơn vị — đủ điều kiện (cần ít nhất 6, tỷ lệ 2/3 theo …)"."""
    state = "đủ điều kiện tiến hành hội nghị" if quorum.met else "chưa đủ điều kiện"
    source = rules.source("quorum_share")
    rule = f"tỷ lệ {share_text(rules.quorum_share)}" + (f" theo {source}" if source else "")
    return (f"Có mặt {quorum.present}/{quorum.members} đơn vị — {state} "
            f"(cần ít nhất {quorum.needed}, {rule})")


def notes_text(unmarked: int, missing_reasons: int) -> str:
    """What is still to be done on the attendance, or an empty string."""
    notes = []
    if unmarked:
        notes.append(f"{unmarked} đơn vị chưa điểm danh (được tính là vắng)")
    if missing_reasons:
        notes.append(f"{missing_reasons} đơn vị vắng chưa ghi lý do")
    return "; ".join(notes)


class QuorumLabel(QLabel):
    """One bold line (present x/y, met or not, the rule and its source) and, under it, what is
    still to be done on the attendance."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quorumLabel")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.met: bool | None = None
        self.summary = ""  # the first line as plain text (tests and the tab title read it)
        self.notes = ""

    def show_quorum(self, quorum: Quorum, rules: RuleSet, unmarked: int = 0,
                    missing_reasons: int = 0) -> None:
        """Show the quorum of a meeting."""
        self.met = quorum.met
        self.summary = quorum_text(quorum, rules)
        self.notes = notes_text(unmarked, missing_reasons)
        html = f"<b>{_escape(self.summary)}</b>"
        if self.notes:
            html += f"<br><span style='font-size:small'>Lưu ý: {_escape(self.notes)}.</span>"
        self.setText(html)
        self.setToolTip("Số đơn vị có mặt cần thiết để hội nghị hợp lệ; tỷ lệ và văn bản căn cứ "
                        f"lấy từ bộ quy định của năm {rules.year}.")
        self.setStyleSheet(f"QLabel {{ {_STYLES[quorum.met]} padding:6px; border-radius:3px; }}")
        self.setVisible(True)

    def clear_quorum(self) -> None:
        """Nothing to show (no meeting)."""
        self.met, self.summary, self.notes = None, "", ""
        self.clear()
        self.setVisible(False)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
