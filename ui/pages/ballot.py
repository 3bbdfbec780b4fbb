"""“Bỏ phiếu”: the rounds of the year-end meeting, each round's two count entries side by side,
its result against the year's rule set, and next year's head and deputies."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from data import ballots, meetings, units
from data.errors import BlocError
from data.meeting_model import Meeting, MeetingKind, Outcome
from data.rules import load_rules
from ui.dialogs.ballot_round import ask_edit_round, ask_new_round
from ui.edits import ballots as edits
from ui.models.ballot_rounds import BallotRoundsModel, RoundRow, RoundsView, load_rows
from ui.models.base import ROW_ROLE
from ui.models.round_results import ResultsPanel, basis_text
from ui.prompts import confirm
from ui.session import AWARDS, BALLOTS, MEETING, MEMBERS, NOMINATIONS, RULES, UNITS, YEARS, Session
from ui.widgets.count_entry import CountEntryWidget
from ui.widgets.message_bar import MessageBar
from ui.widgets.next_officers import NextOfficersPanel

_RELOAD = {BALLOTS, MEETING, MEMBERS, NOMINATIONS, YEARS, UNITS, RULES, AWARDS}
_WARNING = "QLabel { background:#fff4d6; color:#7a4b00; border:1px solid #f0d48a; padding:6px; }"


class BallotPage(QWidget):
    """The shown year's year-end meeting: rounds, double entry of the counts, results."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.meeting: Meeting | None = None
        self.names: dict[int, str] = {}
        self.heading = QLabel(objectName="ballotHeading", styleSheet="font-size:15pt; "
                              "font-weight:600;")
        self.facts = QLabel(objectName="ballotFacts", wordWrap=True)
        self.warning = QLabel(objectName="ballotWarning", wordWrap=True, styleSheet=_WARNING)
        self.message = MessageBar(self, "ballotMessage")
        self.model = BallotRoundsModel()
        self.table = RoundsView(self.model)
        self.table.doubleClicked.connect(lambda _index: self.edit_round())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.round_title = QLabel(objectName="roundTitle", wordWrap=True,
                                  styleSheet="font-weight:600; font-size:11pt;")
        self.count = CountEntryWidget(session, lambda *args: confirm(*args))
        self.results = ResultsPanel()
        self.officers = NextOfficersPanel(session)
        self.empty = QLabel(objectName="ballotEmpty", wordWrap=True,
                            alignment=Qt.AlignmentFlag.AlignCenter, styleSheet="font-size:11pt;")
        self.new_action = self._action("Vòng mới…", "newRound", self.new_round, "Ctrl+N")
        self.edit_action = self._action("Sửa vòng…", "editRound", self.edit_round, "F2",
                                        ("Return", "Enter"))
        self.delete_action = self._action("Xóa vòng…", "deleteRound", self.delete_round,
                                          "Delete")
        self.next_action = self._action("Vòng tiếp theo", "nextRound", self.next_round,
                                        "Ctrl+Shift+N")
        self.stack = QStackedWidget(objectName="ballotStack")
        self._lay_out()
        session.changed.connect(lambda change: change in _RELOAD and self.reload())
        session.yearChanged.connect(lambda _year: self.reload(new_year=True))
        self.reload(new_year=True)

    # --- building ------------------------------------------------------------------------------
    def _action(self, text: str, name: str, slot: object, key: str,
                table_keys: tuple[str, ...] = ()) -> QAction:
        action = QAction(text, self, objectName=f"{name}Action", shortcut=QKeySequence(key))
        action.setToolTip(f"{text} ({QKeySequence(key).toString()})")
        action.triggered.connect(slot)
        owner = self.table if key == "Delete" or table_keys else self  # table keys: not in cells
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut if owner is self.table
                                  else Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setShortcuts([QKeySequence(k) for k in (key, *table_keys)])
        owner.addAction(action)
        return action

    def _lay_out(self) -> None:
        tools = QHBoxLayout()
        self.buttons = []
        for action in (self.new_action, self.edit_action, self.delete_action, self.next_action):
            button = QPushButton(action.text(), objectName=action.objectName().replace(
                "Action", "Button"))
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            action.enabledChanged.connect(button.setEnabled)
            tools.addWidget(button)
            self.buttons.append(button)
        tools.addStretch(1)
        self.papers_button = QPushButton("In phiếu bầu", objectName="printBallotsButton")
        self.papers_button.setToolTip("Mở trang Tài liệu: phiếu bầu của các vòng, đủ số bản "
                                      "cho các đơn vị có mặt")
        self.papers_button.clicked.connect(lambda: self.session.request_document("ballots"))
        tools.addWidget(self.papers_button)
        self.count_box = entry = QGroupBox("Kết quả kiểm phiếu — nhập hai lần",
                                           objectName="countBox")
        QVBoxLayout(entry).addWidget(self.count)
        self.detail = QWidget(objectName="roundDetail")
        lower = QHBoxLayout(self.detail)
        lower.setContentsMargins(0, 0, 0, 0)
        lower.addWidget(entry, 1)
        lower.addWidget(self.results, 1)
        content = QWidget(objectName="ballotContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(self.table, 4)
        layout.addWidget(self.round_title)
        layout.addWidget(self.detail, 7)
        layout.addWidget(self.officers)
        self.stack.addWidget(content)
        self.stack.addWidget(self.empty)
        page = QVBoxLayout(self)
        for widget in (self.heading, self.facts, self.warning, self.message):
            page.addWidget(widget)
        page.addWidget(self.stack, 1)
        chain = [self.table, *self.buttons, self.count.table]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.setFocusProxy(self.table)

    # --- showing -------------------------------------------------------------------------------
    def reload(self, new_year: bool = False, select: int | None = None) -> None:
        """Read the year's meeting and rounds again, keeping (or moving) the selection."""
        db, year = self.session.db, self.session.year
        if new_year:
            self.message.clear_message()
        keep = select if select is not None else (None if new_year else self.selected_id())
        self.meeting = meetings.find_meeting(db, year, MeetingKind.YEAR_END) if year else None
        self.names = {unit.id: unit.name for unit in units.all_units(db)}
        meeting = self.meeting
        self.heading.setText(f"Bỏ phiếu — hội nghị tổng kết năm {year}" if meeting else
                             f"Bỏ phiếu — năm {year}" if year else "Bỏ phiếu")
        if meeting is None:
            self.model.set_rows([])
            self.facts.setText("")
            self.warning.setVisible(False)
            self.empty.setText(
                f"Năm {year} chưa có hội nghị tổng kết.\n\nHãy ghi hội nghị ở trang “Hội nghị” "
                "(thời gian, địa điểm, điểm danh các đơn vị, ban kiểm phiếu), rồi quay lại đây "
                "để lập các vòng bỏ phiếu." if year else "Khối chưa có năm thi đua nào.")
            self.stack.setCurrentIndex(1)
            self._update_actions()
            return
        self.stack.setCurrentIndex(0)
        self._show_facts(meeting)
        self.model.set_rows(load_rows(db, meeting.id, year))
        row = self.model.row_of(keep) if keep is not None else -1
        self._select(row if row >= 0 else (0 if self.model.rowCount() else -1))
        self._show_selected()

    def _show_facts(self, meeting: Meeting) -> None:
        db = self.session.db
        rules = load_rules(db, meeting.year)
        quorum = meetings.meeting_quorum(db, meeting.id)
        base = {"members": quorum.members, "present": quorum.present}.get(rules.percent_base)
        self.facts.setText(f"Có mặt {quorum.present}/{quorum.members} đơn vị (cần tối thiểu "
                           f"{quorum.needed}) · {basis_text(rules, base)} · Tối đa "
                           f"{rules.max_rounds} vòng bỏ phiếu cho mỗi nội dung.")
        if quorum.present == 0:
            warning = ("Chưa điểm danh: hãy ghi các đơn vị có mặt ở trang “Hội nghị” trước khi "
                       "nhập kết quả kiểm phiếu (số phiếu phát ra không vượt số đơn vị có mặt).")
        elif not quorum.met:
            warning = (f"Mới có {quorum.present}/{quorum.members} đơn vị có mặt, chưa đủ "
                       f"{quorum.needed} đơn vị để hội nghị hợp lệ.")
        else:
            warning = ""
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))

    def selected_row(self) -> RoundRow | None:
        """The round under the table's cursor, if any."""
        row = self.table.currentIndex().row()
        found = self.model.index(row, 0).data(ROW_ROLE) if row >= 0 else None
        return found if isinstance(found, RoundRow) else None

    def selected_id(self) -> int | None:
        """The id of the selected round, if any."""
        row = self.selected_row()
        return row.report.round.id if row else None

    def _select(self, row: int) -> None:
        if row < 0:
            self.table.clearSelection()
            self.table.setCurrentIndex(self.model.index(-1, 0))
            return
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def _show_selected(self) -> None:
        row = self.selected_row()
        meeting = self.meeting
        committee = [c.name for c in meeting.committee] if meeting else []
        if row is None:
            self.round_title.setText("Chưa có vòng bỏ phiếu nào. Bấm “Vòng mới…” (Ctrl+N) để "
                                     "lập vòng đầu tiên." if meeting else "")
            self.count.set_round(None, self.names)
            self._show_result(None)
        else:
            b = row.report.round
            self.round_title.setText(
                f"Vòng {b.round_no} — {row.title}: {len(b.candidates)} ứng viên, mỗi phiếu "
                f"chọn {b.choices}, cần chọn {b.seats}" + (f" · {b.note}" if b.note else ""))
            self.count.set_round(b, self.names, row.report.entries, committee)
            self._show_result(row)
        self.detail.setVisible(row is not None)
        self._update_actions()

    def _show_result(self, row: RoundRow | None) -> None:
        rules = load_rules(self.session.db, self.session.year) if row else None
        self.results.show_round(row.report if row else None, self.names, rules,
                                row.outcome if row else "")

    def _update_actions(self) -> None:
        row = self.selected_row()
        result = row.report.result if row else None
        self.new_action.setEnabled(self.meeting is not None)
        self.edit_action.setEnabled(row is not None)
        self.delete_action.setEnabled(row is not None)
        self.next_action.setEnabled(row is not None and result is not None and row.later is None
                                    and result.outcome is Outcome.FURTHER_ROUND)

    # --- editing -------------------------------------------------------------------------------
    def new_round(self) -> None:
        """Ask for a new round and select it, ready for the counts."""
        if self.meeting is None:
            return
        made = ask_new_round(self, self.session, self.meeting.id)
        if made is not None:
            self._done(made.id, f"Đã tạo vòng {made.round_no}. Nhập kết quả kiểm phiếu vào "
                       "bảng bên dưới (hoàn tác: Ctrl+Z).")

    def edit_round(self) -> None:
        """Edit the selected round (only before any count is typed)."""
        row = self.selected_row()
        if row is None:
            return
        if row.report.entries:
            self.message.show_message("Vòng này đã có kết quả kiểm phiếu; hãy xóa các lần nhập "
                                      "trước khi sửa danh sách bầu, số cần chọn hoặc số đơn vị "
                                      "được chọn trên mỗi phiếu.")
            return
        if ask_edit_round(self, self.session, row.report.round):
            self._done(row.report.round.id, "Đã lưu vòng bỏ phiếu (hoàn tác: Ctrl+Z).")

    def delete_round(self) -> None:
        """After confirmation, remove the selected round with its counts."""
        row = self.selected_row()
        if row is None:
            return
        b = row.report.round
        linked = len(ballots.backup_round(self.session.db, b.id).nominations)
        also = (f"\n\n{linked} đề nghị khen thưởng lập từ vòng này vẫn được giữ, nhưng không "
                "còn gắn với kết quả bỏ phiếu.") if linked else ""
        if not confirm(self, "Xóa vòng bỏ phiếu", f"Xóa vòng {b.round_no} “{row.title}” cùng "
                       f"kết quả kiểm phiếu đã nhập?{also}\n\nCó thể hoàn tác (Ctrl+Z).",
                       "Xóa vòng"):
            return
        try:
            edits.delete_round(self.session, b.id)
        except BlocError as exc:
            self.message.show_message(exc.message)
            return
        self.message.show_message(f"Đã xóa vòng {b.round_no} “{row.title}” (hoàn tác: "
                                  "Ctrl+Z).", "ok")

    def next_round(self) -> None:
        """Open the further round the selected result asks for."""
        row = self.selected_row()
        if row is None:
            return
        try:
            made = edits.add_next_round(self.session, row.report.round.id)
        except BlocError as exc:
            self.message.show_message(exc.message)
            return
        names = ", ".join(self.names.get(u, str(u)) for u in made.candidates)
        self._done(made.id, f"Đã tạo vòng {made.round_no} “{row.title}” với {names}; cần chọn "
                   f"{made.seats} (hoàn tác: Ctrl+Z).")

    def _done(self, round_id: int, text: str) -> None:
        self.reload(select=round_id)
        self.message.show_message(text, "ok")
        self.count.table.setCurrentIndex(self.count.model.index(0, 0))
        self.count.table.setFocus()
