"""“Giao ước & đăng ký”: the year's pledge (header, key contents) and each unit's registration.

Two panels share the page, each reloading on the changes it shows: `PledgePanel` (the pledge of
the shown year) and `RegistrationsPanel` (the member units' registrations).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from data import awards, pledges
from data.errors import BlocError
from data.model import Registration
from ui.dialogs.registration import WITHDRAW, DateField, ask_registration
from ui.edits import pledges as edits
from ui.models.base import RowsModel
from ui.models.pledge_contents import COL_TEXT, ContentDelegate, PledgeContentsModel
from ui.models.registrations import (
    COL_TARGETS,
    RegistrationRow,
    RegistrationsModel,
    load_rows,
    shown_date,
)
from ui.session import AWARDS, MEMBERS, PLEDGE, REGISTRATIONS, UNITS, YEARS, Session
from ui.widgets.message_bar import MessageBar

_REGISTRATION_CHANGES = {REGISTRATIONS, MEMBERS, UNITS, AWARDS, YEARS}
_INVALID = "QLineEdit { border: 1px solid #c0392b; background: #fdecea; }"


def confirm(parent: QWidget, title: str, text: str, action: str) -> bool:
    """Ask before a destructive step; True when the user agrees (a seam tests replace)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(box.addButton("Hủy", QMessageBox.ButtonRole.RejectRole))
    box.exec()
    return box.clickedButton() is yes


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _run(bar: MessageBar, action: Callable[[], object]) -> bool:
    """Run an edit; a refusal is shown in the bar. True when it went through."""
    try:
        return action() is not False
    except BlocError as exc:
        bar.show_message(exc.message)
        return False


def _table(name: str, model: RowsModel[object]) -> QTableView:
    view = QTableView(objectName=name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _action(view: QTableView, text: str, shortcut: str, slot: Callable[[], object],
            name: str, buttons: QLayout) -> QAction:
    """An action of a table (its shortcut works while the table has focus) and its button."""
    action = QAction(text, view, objectName=name)
    action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    keys = shortcut.replace("Return", "Enter").replace("Up", "↑").replace("Down", "↓")
    action.setToolTip(f"{text.rstrip('…')} ({keys})")
    action.triggered.connect(lambda _checked=False: slot())
    view.addAction(action)
    button = QToolButton(objectName=f"{name}Button")
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setMinimumWidth(118)
    buttons.addWidget(button)
    return action


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
        view = self.contents_table = _table("contentsTable", self.contents)
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked)
        self.delegate = ContentDelegate(view)
        view.setItemDelegateForColumn(COL_TEXT, self.delegate)
        self.delegate.closeEditor.connect(lambda *_: self.contents.drop_draft())
        view.activated.connect(lambda index: self.edit_content(index.row()))
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        view.horizontalHeader().resizeSection(0, 48)
        buttons = QVBoxLayout()
        self.content_actions = [
            _action(view, "Thêm nội dung", "Ctrl+N", self.add_content, "addContent", buttons),
            _action(view, "Sửa nội dung", "F2", self.edit_content, "editContent", buttons),
            _action(view, "Xóa nội dung", "Delete", self.remove_content, "removeContent",
                    buttons),
            _action(view, "Chuyển lên", "Ctrl+Up", lambda: self.move_content(-1),
                    "moveContentUp", buttons),
            _action(view, "Chuyển xuống", "Ctrl+Down", lambda: self.move_content(1),
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
            edit.setStyleSheet(_INVALID)
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
                f"“{_short(self.contents.row_at(row))}”\n\nCó thể hoàn tác bằng Ctrl+Z.", "Xóa"):
            return
        _run(self.message, lambda: edits.remove_content(self.session, self.session.year, row))
        if self.contents.rowCount():
            self.contents_table.selectRow(min(row, self.contents.rowCount() - 1))

    def move_content(self, step: int) -> None:
        """Move the current content up (-1) or down (+1)."""
        row = self._row()
        if row >= 0 and _run(self.message, lambda: edits.move_content(
                self.session, self.session.year, row, row + step)):
            self.contents_table.selectRow(row + step)


class RegistrationsPanel(QGroupBox):
    """Every member unit of the shown year with what it registered for; Enter edits."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registrationsBox")
        self.session = session
        self.message = MessageBar(self, "registrationsMessage")
        self.summary = QLabel(objectName="registrationSummary")
        self.model = RegistrationsModel()
        view = self.table = _table("registrationsTable", self.model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.activated.connect(lambda index: self.edit_registration(index.row()))
        view.setWordWrap(False)
        view.horizontalHeader().setStretchLastSection(False)
        view.horizontalHeader().setSectionResizeMode(COL_TARGETS, QHeaderView.ResizeMode.Stretch)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        self.edit_action = _action(view, "Ghi / sửa đăng ký…", "Return", self.edit_registration,
                                   "editRegistration", buttons)
        self.withdraw_action = _action(view, "Xóa đăng ký", "Delete", self.withdraw_registration,
                                       "withdrawRegistration", buttons)
        view.selectionModel().currentRowChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        box = QVBoxLayout(self)
        box.addLayout(buttons)
        box.addWidget(view, 1)
        box.addWidget(self.message)
        session.changed.connect(self._on_change)
        session.yearChanged.connect(self._on_year)
        self.reload()

    def reload(self) -> None:
        """Show the member units of the session's year; the same unit stays selected."""
        year = self.session.year
        self.setTitle(f"Đăng ký thi đua của các đơn vị năm {year}"
                      if year else "Đăng ký thi đua của các đơn vị")
        self.setEnabled(bool(year))
        current = self.current()
        self.model.set_rows(load_rows(self.session.db, year) if year else [])
        self._fit_columns()
        if self.model.rowCount():
            self.summary.setText(self.model.summary())
            row = self.model.row_of_unit(current.unit.id) if current else -1
            self.table.selectRow(max(row, 0))
        else:
            self.summary.setText(f"Năm {year} chưa có đơn vị thành viên: thêm đơn vị ở trang "
                                 "“Đơn vị”." if year else "Khối chưa có năm thi đua nào.")
        self._update_actions()

    def _on_change(self, change: str) -> None:
        if change in _REGISTRATION_CHANGES:
            self.reload()

    def _on_year(self, _year: int) -> None:
        self.message.clear_message()
        self.reload()

    def _fit_columns(self) -> None:
        """Columns as wide as their texts, within limits, so the targets keep room."""
        header = self.table.horizontalHeader()
        for column, limit in ((0, 50), (1, 250), (2, 290), (3, 210), (5, 110)):
            wanted = max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
            header.resizeSection(column, min(wanted + 12, limit))

    def _update_actions(self) -> None:
        current = self.current()
        self.edit_action.setEnabled(current is not None)
        self.edit_action.setText(
            "Sửa đăng ký…" if current and current.registered else "Ghi đăng ký…")
        self.withdraw_action.setEnabled(current is not None and current.registered)

    def current(self) -> RegistrationRow | None:
        """The selected unit's row."""
        row = self.table.currentIndex().row()
        return self.model.row_at(row) if 0 <= row < self.model.rowCount() else None

    def edit_registration(self, row: int | None = None) -> None:
        """Open the registration dialog on a unit; save (or withdraw) what it returns."""
        if row is not None:
            self.table.selectRow(row)
        current = self.current()
        if current is None:
            return
        unit, year = current.unit, self.session.year
        draft = current.registration or Registration(year, unit.id)
        forms, error = awards.award_forms(self.session.db), ""
        while True:
            answer = ask_registration(  # looked up here, so tests can replace it
                self, unit.name, draft, forms, current.registered, error)
            if answer is None:
                return
            if answer == WITHDRAW:
                self.withdraw_registration()
                return
            assert isinstance(answer, Registration)
            try:
                edits.save_registration(self.session, answer, unit.name)
            except BlocError as exc:  # reopen with what was typed and the reason
                draft, error = answer, exc.message
                continue
            self.message.show_message(f"Đã lưu đăng ký thi đua của {unit.name}.", "ok")
            return

    def withdraw_registration(self) -> None:
        """Withdraw the selected unit's registration, after asking."""
        current = self.current()
        if current is None or not current.registered:
            return
        name, year = current.unit.name, self.session.year
        if confirm(self, "Xóa đăng ký thi đua", f"Xóa đăng ký thi đua năm {year} của {name}?"
                   "\n\nCó thể hoàn tác bằng Ctrl+Z.", "Xóa đăng ký"):
            _run(self.message, lambda: edits.withdraw_registration(
                self.session, year, current.unit.id, name))


class PledgePage(QWidget):
    """The pledge of the shown year on top, the member units' registrations below."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.pledge = PledgePanel(session)
        self.registrations = RegistrationsPanel(session)
        splitter = QSplitter(Qt.Orientation.Vertical, objectName="pledgeSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.pledge)
        splitter.addWidget(self.registrations)
        splitter.setSizes([430, 330])
        QVBoxLayout(self).addWidget(splitter)
        self.setStyleSheet("QGroupBox { font-weight: bold; }")
