"""“Hội nghị”: the year's meetings (tổng kết, sơ kết): details, guests and counting committee,
attendance with the quorum shown live, and the agenda with opinions and conclusions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from data import meetings
from data.errors import BlocError
from data.meeting_model import Attendance, Meeting, MeetingKind
from data.rules import load_rules
from ui.dialogs import agenda_item, meeting_person
from ui.edits import meetings as edits
from ui.models.agenda import COL_CONCLUSION, COL_OPINIONS, AgendaModel
from ui.models.agenda import COL_TITLE as COL_ITEM
from ui.models.attendance import AttendanceModel, AttendanceRow, AttendanceView, load_rows
from ui.models.meeting_people import COL_TITLE, CommitteeModel, EntryList, GuestsModel
from ui.prompts import confirm
from ui.session import MEETING, MEMBERS, RULES, UNITS, YEARS, Session
from ui.widgets.date_field import shown_date
from ui.widgets.meeting_form import EmptyState, MeetingForm
from ui.widgets.message_bar import MessageBar
from ui.widgets.quorum_label import QuorumLabel

KINDS = (MeetingKind.YEAR_END, MeetingKind.MID_YEAR)
_RELOAD = {MEETING, MEMBERS, UNITS, YEARS, RULES}
REFUSED = object()  # `_run`'s result when the edit was refused


def _run(bar: MessageBar, action: Callable[[], object]) -> object:
    """Run an edit and return its result; a refusal is shown in the bar (REFUSED returned)."""
    try:
        return action()
    except BlocError as exc:
        bar.show_message(exc.message)
        return REFUSED


class MeetingPage(QWidget):
    """One meeting of the shown year at a time, chosen by kind; an empty state offers to create
    it. Every edit is saved at once and undoable."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = MeetingKind.YEAR_END
        self.meeting: Meeting | None = None
        self._found: dict[MeetingKind, Meeting] = {}
        self.heading = QLabel(objectName="meetingHeading", styleSheet="font-size:15pt; "
                              "font-weight:600;")
        self.chooser = QComboBox(objectName="meetingChooser")
        self.chooser.setMinimumContentsLength(38)
        self.chooser.activated.connect(lambda i: self.show_kind(KINDS[i]))
        self.create_other = QPushButton(objectName="createOtherButton")
        self.create_other.clicked.connect(lambda: self.create(MeetingKind.YEAR_END))
        self.delete_button = QPushButton("Xóa hội nghị…", objectName="deleteMeetingButton",
                                         toolTip="Xóa hội nghị đang xem cùng điểm danh, các vòng "
                                         "bỏ phiếu và kết quả kiểm phiếu (có thể hoàn tác)")
        self.delete_button.clicked.connect(self.delete_meeting)
        self.quorum = QuorumLabel()
        self.message = MessageBar(self, "meetingMessage")
        self.form = MeetingForm()
        self.form.commitRequested.connect(self.commit_field)
        self.lists = {
            "guests": EntryList("Đại biểu dự", "guests", GuestsModel(), (COL_TITLE,)),
            "committee": EntryList("Ban kiểm phiếu", "committee", CommitteeModel(), (COL_TITLE,)),
            "agenda": EntryList("Nội dung hội nghị, ý kiến thảo luận và kết luận", "agenda",
                                AgendaModel(), (COL_OPINIONS, COL_CONCLUSION), {COL_ITEM: 330}),
        }
        for which, panel in self.lists.items():
            panel.bind(lambda w=which: self.add_entry(w), lambda w=which: self.edit_entry(w),
                       lambda w=which: self.remove_entry(w),
                       lambda step, w=which: self.move_entry(w, step))
        self.attendance = AttendanceModel()
        self.attendance.on_save = self._save_attendance
        self.attendance_view = AttendanceView(self.attendance)
        self.attendance_message = MessageBar(self, "attendanceMessage")
        self.attendance.refused.connect(self.attendance_message.show_message)
        self.all_present = QPushButton("Tất cả có mặt", objectName="allPresentButton",
                                       toolTip="Đánh dấu mọi đơn vị có mặt (người dự: thủ trưởng)")
        self.all_present.clicked.connect(self.mark_all_present)
        self.attendance_hint = QLabel(objectName="attendanceHint", wordWrap=True,
                                      styleSheet="color: #555;")
        self.empty = EmptyState()
        self.empty.createRequested.connect(self.create)
        self.tabs = QTabWidget(objectName="meetingTabs")
        self.stack = QStackedWidget(objectName="meetingStack")
        self._lay_out()
        session.changed.connect(lambda change: change in _RELOAD and self.reload())
        session.yearChanged.connect(self._on_year)
        self._on_year(session.year)

    # --- building ------------------------------------------------------------------------------
    def _lay_out(self) -> None:
        people = QHBoxLayout()
        people.addWidget(self.lists["guests"], 4)
        people.addWidget(self.lists["committee"], 5)
        details = QWidget(objectName="detailsTab")
        column = QVBoxLayout(details)
        column.addWidget(self.form)
        column.addLayout(people, 1)
        attendance = QWidget(objectName="attendanceTab")
        column = QVBoxLayout(attendance)
        bar = QHBoxLayout()
        bar.addWidget(self.attendance_hint, 1)
        bar.addWidget(self.all_present)
        column.addLayout(bar)
        column.addWidget(self.attendance_message)
        column.addWidget(self.attendance_view, 1)
        self.tabs.addTab(details, "Thông tin chung")
        self.tabs.addTab(attendance, "Điểm danh")
        self.tabs.addTab(self.lists["agenda"], "Nội dung, ý kiến")
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.empty)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(QLabel("&Hội nghị:", buddy=self.chooser))
        top.addWidget(self.chooser)
        top.addWidget(self.create_other)
        top.addWidget(self.delete_button)
        self.minutes_button = QPushButton("Xem biên bản", objectName="showMinutesButton")
        self.minutes_button.setToolTip("Mở trang Tài liệu: biên bản hội nghị tổng kết")
        self.minutes_button.clicked.connect(lambda: self.session.request_document("minutes"))
        top.addWidget(self.minutes_button)
        self.setStyleSheet("QGroupBox { font-weight: bold; }")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.quorum)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)

    # --- showing -------------------------------------------------------------------------------
    def _on_year(self, _year: int) -> None:
        year = self.session.year
        held = {m.kind for m in meetings.meetings(self.session.db, year)} if year else set()
        self.kind = KINDS[1] if held == {KINDS[1]} else KINDS[0]  # year-end, unless mid-year only
        self.message.clear_message()
        self.attendance_message.clear_message()
        self.form.reset()
        self.reload()

    def show_kind(self, kind: MeetingKind) -> None:
        """Show the year's meeting of that kind (or the offer to create it)."""
        if kind != self.kind:
            self.kind = kind
            self.form.reset()
            self.message.clear_message()
        self.reload()

    def reload(self) -> None:
        """Show the chosen meeting of the session's year as stored."""
        year = self.session.year
        self._found = {m.kind: m for m in meetings.meetings(self.session.db, year)} if year else {}
        self.meeting = self._found.get(self.kind)
        self.heading.setText(f"Hội nghị năm {year}" if year else "Hội nghị")
        self.chooser.clear()
        for kind in KINDS:
            held = self._found.get(kind)
            when = (f" — {shown_date(held.held_on)}" if held and held.held_on else
                    "" if held else " (chưa tạo)")
            self.chooser.addItem(f"{kind.label} năm {year}{when}")
        self.chooser.setCurrentIndex(KINDS.index(self.kind))
        self.chooser.setEnabled(bool(year))
        self.create_other.setText(f"Tạo hội nghị tổng kết năm {year}")
        self.create_other.setVisible(bool(self.meeting) and KINDS[0] not in self._found)
        self.delete_button.setEnabled(self.meeting is not None)
        if self.meeting is not None:
            self._show_meeting(self.meeting)
            return
        self.stack.setCurrentIndex(1)
        self.quorum.clear_quorum()
        self.empty.show_missing(year, self.kind, self._found)

    def _show_meeting(self, meeting: Meeting) -> None:
        self.stack.setCurrentIndex(0)
        self.form.setTitle(f"{meeting.kind.label} năm {meeting.year}: thời gian, địa điểm, "
                           "chủ trì")
        self.form.load(meeting)
        for which, panel in self.lists.items():
            panel.show_entries(edits.entries(meeting, which), "Enter: sửa · Ctrl+↑/↓: đổi "
                               "thứ tự" if which == "agenda" else "")
        self.attendance.update_rows(load_rows(self.session.db, meeting))
        quorum = meetings.meeting_quorum(self.session.db, meeting.id)
        self.quorum.show_quorum(quorum, load_rules(self.session.db, meeting.year),
                                self.attendance.unmarked(), self.attendance.missing_reasons())
        self.tabs.setTabText(1, f"Điểm danh ({quorum.present}/{quorum.members})")
        self.tabs.setTabText(2, f"Nội dung, ý kiến ({len(meeting.agenda)})")
        self.attendance_hint.setText(self.attendance.hint())

    # --- the meeting ---------------------------------------------------------------------------
    def create(self, kind: MeetingKind) -> None:
        """Create the shown year's meeting of a kind and show it, ready for its date."""
        year = self.session.year
        meeting = _run(self.message, lambda: edits.create_meeting(
            self.session, edits.suggested(self.session, year, kind)))
        if isinstance(meeting, Meeting):
            self.show_kind(kind)
            self.tabs.setCurrentIndex(0)
            self.form.date.setFocus()
            self.message.show_message(f"Đã tạo {edits.in_year(meeting)}. Nhập ngày, giờ, địa "
                                      "điểm; rồi điểm danh các đơn vị (hoàn tác: Ctrl+Z).", "ok")

    def delete_meeting(self) -> None:
        """Delete the shown meeting and what hangs on it, after saying what that is."""
        meeting = self.meeting
        if meeting is None:
            return
        text = edits.removal_text(self.session, meeting)
        if confirm(self, "Xóa hội nghị", text, "Xóa hội nghị") and _run(
                self.message, lambda: edits.delete_meeting(self.session, meeting.id)) is None:
            self.message.show_message(f"Đã xóa {edits.in_year(meeting)} (hoàn tác: Ctrl+Z).",
                                      "ok")

    def commit_field(self, field: str, text: str) -> None:
        """Save a header field that was left; a refusal stays in place with the typed text."""
        meeting = self.meeting
        if meeting is None:
            return
        try:
            changed = edits.set_field(self.session, meeting.id, field, text)
        except BlocError as exc:
            self.form.refuse(field, exc.message)
            return
        self.form.accepted(field)
        if not changed:  # the same value typed differently ("14h"): show it as stored
            self.form.load(meetings.get_meeting(self.session.db, meeting.id))

    # --- attendance ----------------------------------------------------------------------------
    def _save_attendance(self, row: AttendanceRow, record: Attendance) -> None:
        assert self.meeting is not None
        edits.mark(self.session, self.meeting.id, row.unit.name, record)
        self.attendance_message.clear_message()

    def mark_all_present(self) -> None:
        """Mark every member unit present in one undoable step."""
        meeting = self.meeting
        changed = meeting and _run(self.attendance_message,
                                   lambda: edits.all_present(self.session, meeting.id))
        if isinstance(changed, int):
            self.attendance_message.show_message(
                f"Đã đánh dấu {changed} đơn vị có mặt (hoàn tác: Ctrl+Z)." if changed else
                "Mọi đơn vị đều đã có mặt.", "ok" if changed else "info")

    # --- guests, committee, agenda -------------------------------------------------------------
    def add_entry(self, which: str) -> None:
        """Ask for a new guest, committee member or agenda item and append it."""
        meeting, panel = self.meeting, self.lists[which]
        dialogs = agenda_item if which == "agenda" else meeting_person
        if meeting is not None and dialogs.ask_new(self, self.session, meeting.id, which):
            panel.select(panel.model.rowCount() - 1)
            panel.message.show_message(f"Đã thêm {edits.LISTS[which][0]} (hoàn tác: Ctrl+Z).",
                                       "ok")
            panel.table.setFocus()

    def edit_entry(self, which: str) -> None:
        """Edit the selected entry in its dialog."""
        meeting, panel = self.meeting, self.lists[which]
        row = panel.current_row()
        dialogs = agenda_item if which == "agenda" else meeting_person
        if meeting is not None and row >= 0 and dialogs.ask_edit(self, self.session, meeting.id,
                                                                 which, row):
            panel.select(row)
            panel.table.setFocus()

    def remove_entry(self, which: str) -> None:
        """Delete the selected entry, after asking."""
        meeting, panel = self.meeting, self.lists[which]
        row = panel.current_row()
        if meeting is None or row < 0:
            return
        noun, key, _label = edits.LISTS[which]
        text = f"Xóa {noun} “{getattr(edits.entries(meeting, which)[row], key)}”?"
        if confirm(self, f"Xóa {noun}", f"{text}\n\nCó thể hoàn tác bằng Ctrl+Z.", "Xóa"):
            _run(panel.message, lambda: edits.remove_entry(self.session, meeting.id, which, row))
            panel.select(row)

    def move_entry(self, which: str, step: int) -> None:
        """Move the selected entry up (-1) or down (+1)."""
        meeting, panel = self.meeting, self.lists[which]
        row = panel.current_row()
        if meeting is not None and row >= 0 and _run(panel.message, lambda: edits.move_entry(
                self.session, meeting.id, which, row, row + step)) is True:
            panel.select(row + step)
