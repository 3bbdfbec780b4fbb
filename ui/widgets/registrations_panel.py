"""The member units' registrations for the shown year (award form, title, targets, date)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from data import awards
from data.errors import BlocError
from data.model import Registration
from ui.dialogs.registration import WITHDRAW, ask_registration
from ui.edits import pledges as edits
from ui.models.registrations import (
    COL_TARGETS,
    RegistrationRow,
    RegistrationsModel,
    load_rows,
)
from ui.prompts import confirm
from ui.session import AWARDS, MEMBERS, REGISTRATIONS, UNITS, YEARS, Session
from ui.widgets.message_bar import MessageBar
from ui.widgets.table_actions import run_edit, table_action, table_view

_REGISTRATION_CHANGES = {REGISTRATIONS, MEMBERS, UNITS, AWARDS, YEARS}


class RegistrationsPanel(QGroupBox):
    """Every member unit of the shown year with what it registered for; Enter edits."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registrationsBox")
        self.session = session
        self.message = MessageBar(self, "registrationsMessage")
        self.summary = QLabel(objectName="registrationSummary")
        self.model = RegistrationsModel()
        view = self.table = table_view("registrationsTable", self.model)
        view.activated.connect(lambda index: self.edit_registration(index.row()))
        view.setWordWrap(False)
        view.horizontalHeader().setStretchLastSection(False)
        view.horizontalHeader().setSectionResizeMode(COL_TARGETS, QHeaderView.ResizeMode.Stretch)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        self.edit_action = table_action(view, "Ghi / sửa đăng ký…", "Return",
                                        self.edit_registration, "editRegistration", buttons)
        self.withdraw_action = table_action(view, "Xóa đăng ký", "Delete",
                                            self.withdraw_registration, "withdrawRegistration",
                                            buttons)
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
        if confirm(self, "Xóa đăng ký thi đua",
                                 f"Xóa đăng ký thi đua năm {year} của {name}?"
                                 "\n\nCó thể hoàn tác bằng Ctrl+Z.", "Xóa đăng ký"):
            run_edit(self.message, lambda: edits.withdraw_registration(
                self.session, year, current.unit.id, name))
