"""The pledge of the shown year: its title, date and place, and its key contents."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from data import pledges
from data.errors import BlocError
from ui.edits import pledges as edits
from ui.models.pledge_contents import COL_TEXT, ContentDelegate, PledgeContentsModel
from ui.prompts import confirm
from ui.session import PLEDGE, YEARS, Session
from ui.widgets.date_field import INVALID, DateField, shown_date
from ui.widgets.message_bar import MessageBar
from ui.widgets.table_actions import run_edit, short_text, table_action, table_view


class PledgePanel(QGroupBox):
    """The pledge of the shown year: title, date, place, and the numbered key contents."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pledgeBox")
        self.session = session
        self._refused: set[str] = set()  # header fields holding refused text, kept on reload
        self.message = MessageBar(self, "pledgeMessage")
        self.title_edit = QLineEdit(objectName="pledgeTitle")
        self.date_field = DateField("pledgeDate")
        self.date_field.setMaximumWidth(160)
        self.place_edit = QLineEdit(objectName="pledgePlace")
        self.place_edit.setPlaceholderText("Nơi tổ chức ký giao ước")
        self._header = {"title": self.title_edit, "signed_on": self.date_field.edit,
                        "place": self.place_edit}
        self.title_edit.editingFinished.connect(lambda: self._commit_header("title"))
        self.date_field.committed.connect(lambda: self._commit_header("signed_on"))
        self.place_edit.editingFinished.connect(lambda: self._commit_header("place"))
        header = QGridLayout()
        header.addWidget(QLabel("Tên văn bản:"), 0, 0)
        header.addWidget(self.title_edit, 0, 1, 1, 3)
        header.addWidget(QLabel("Ngày ký:"), 1, 0)
        header.addWidget(self.date_field, 1, 1)
        header.addWidget(QLabel("Địa điểm:"), 1, 2, Qt.AlignmentFlag.AlignRight)
        header.addWidget(self.place_edit, 1, 3)
        header.setColumnStretch(3, 1)
        self.contents = PledgeContentsModel()
        self.contents.on_edit = lambda row, text: edits.edit_content(
            session, session.year, row, text)
        self.contents.on_add = lambda text: edits.add_content(session, session.year, text)
        self.contents.refused.connect(self.message.show_message)
        view = self.contents_table = table_view("contentsTable", self.contents)
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked)
        self.delegate = ContentDelegate(view)
        view.setItemDelegateForColumn(COL_TEXT, self.delegate)
        self.delegate.closeEditor.connect(lambda *_: self.contents.drop_draft())
        view.activated.connect(lambda index: self.edit_content(index.row()))
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        view.horizontalHeader().resizeSection(0, 48)
        buttons = QVBoxLayout()
        self.content_actions = [
            table_action(view, "Thêm nội dung", "Ctrl+N", self.add_content, "addContent", buttons),
            table_action(view, "Sửa nội dung", "F2", self.edit_content, "editContent", buttons),
            table_action(view, "Xóa nội dung", "Delete", self.remove_content, "removeContent",
                    buttons),
            table_action(view, "Chuyển lên", "Ctrl+Up", lambda: self.move_content(-1),
                    "moveContentUp", buttons),
            table_action(view, "Chuyển xuống", "Ctrl+Down", lambda: self.move_content(1),
                    "moveContentDown", buttons),
        ]
        buttons.addStretch(1)
        view.selectionModel().currentRowChanged.connect(self._update_actions)
        self.contents.modelReset.connect(self._update_actions)
        self.hint = QLabel(objectName="contentsHint")
        self.hint.setStyleSheet("color: #555;")
        body = QHBoxLayout()
        body.addWidget(view, 1)
        body.addLayout(buttons)
        box = QVBoxLayout(self)
        box.addLayout(header)
        box.addLayout(body, 1)
        box.addWidget(self.hint)
        box.addWidget(self.message)
        session.changed.connect(self._on_change)
        session.yearChanged.connect(self._on_year)
        self.reload()

    def reload(self) -> None:
        """Show the pledge of the session's year (refused header text stays as typed)."""
        year = self.session.year
        self.setTitle(f"Giao ước thi đua năm {year}" if year else "Giao ước thi đua")
        self.setEnabled(bool(year))
        pledge = pledges.get_pledge(self.session.db, year) if year else None
        values = {"title": pledge.title, "signed_on": shown_date(pledge.signed_on),
                  "place": pledge.place} if pledge else {}
        for field, edit in self._header.items():
            if field not in self._refused:
                edit.setText(values.get(field, ""))
        self.title_edit.setPlaceholderText(f"Giao ước thi đua năm {year}")
        self.date_field.default_day = QDate(year or 2000, 2, 1)
        self.contents.set_contents(pledge.contents if pledge else ())
        if not self.contents_table.currentIndex().isValid() and self.contents.rowCount():
            self.contents_table.selectRow(0)
        count = len(pledge.contents) if pledge else 0
        self.hint.setText(
            f"{count} nội dung. Enter hoặc nhấp đúp để sửa (Shift+Enter xuống dòng); "
            "Ctrl+↑/Ctrl+↓ để đổi thứ tự." if count else
            "Chưa có nội dung giao ước: nhấn “Thêm nội dung” (Ctrl+N) rồi gõ nội dung thứ nhất.")
        self._update_actions()

    def _on_change(self, change: str) -> None:
        if change in (PLEDGE, YEARS):
            self.reload()

    def _on_year(self, _year: int) -> None:
        self._refused.clear()
        for edit in self._header.values():
            edit.setStyleSheet("")
        self.message.clear_message()
        self.reload()

    def _update_actions(self) -> None:
        row, real = self.contents_table.currentIndex().row(), self._real_rows()
        _add, edit, remove, up, down = self.content_actions
        for action, enabled in ((edit, 0 <= row < real), (remove, 0 <= row < real),
                                (up, 0 < row < real), (down, 0 <= row < real - 1)):
            action.setEnabled(enabled)

    def _commit_header(self, field: str) -> None:
        edit, year = self._header[field], self.session.year
        if not year:
            return
        try:
            changed = edits.set_header(self.session, year, field, edit.text())
        except BlocError as exc:
            self._refused.add(field)
            edit.setStyleSheet(INVALID)
            self.message.show_message(exc.message)
            return
        if field in self._refused:
            self._refused.discard(field)
            edit.setStyleSheet("")
            self.message.clear_message()
        if not changed:  # the same value typed differently ("20/02/2019"): show it as usual
            self.reload()

    def _real_rows(self) -> int:
        return self.contents.rowCount() - int(self.contents.draft)

    def _row(self, row: int | None = None) -> int:
        row = self.contents_table.currentIndex().row() if row is None else row
        return row if 0 <= row < self._real_rows() else -1

    def add_content(self) -> None:
        """Append a row and open it for typing; it is saved when the editor is confirmed."""
        index = self.contents.index(self.contents.begin_draft(), COL_TEXT)
        self.contents_table.setCurrentIndex(index)
        self.contents_table.scrollTo(index)
        self.contents_table.edit(index)

    def edit_content(self, row: int | None = None) -> None:
        """Open the current (or given) content for editing in place."""
        row = self._row(row)
        if row >= 0:
            index = self.contents.index(row, COL_TEXT)
            self.contents_table.setCurrentIndex(index)
            self.contents_table.edit(index)

    def remove_content(self) -> None:
        """Delete the current content, after asking."""
        row = self._row()
        if row < 0 or not confirm(
                self, "Xóa nội dung giao ước", f"Xóa nội dung số {row + 1}?\n\n"
                f"“{short_text(self.contents.row_at(row))}”\n\nCó thể hoàn tác bằng Ctrl+Z.",
                "Xóa"):
            return
        run_edit(self.message, lambda: edits.remove_content(self.session, self.session.year, row))
        if self.contents.rowCount():
            self.contents_table.selectRow(min(row, self.contents.rowCount() - 1))

    def move_content(self, step: int) -> None:
        """Move the current content up (-1) or down (+1)."""
        row = self._row()
        if row >= 0 and run_edit(self.message, lambda: edits.move_content(
                self.session, self.session.year, row, row + step)):
            self.contents_table.selectRow(row + step)
