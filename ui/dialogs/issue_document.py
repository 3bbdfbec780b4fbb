"""“Cấp số”: before a document takes its number, show the number it will take, its date (to
choose for a submission) and its format; the number is given only when confirmed."""

from __future__ import annotations

import datetime

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from data.db import Database
from data.documents.catalog import NextNumber, kind_of, next_number
from data.errors import BlocError
from data.vntext import parse_date, short_date
from ui.prompts import run_dialog
from ui.widgets.date_field import DateField
from ui.widgets.message_bar import MessageBar


class IssueDialog(QDialog):
    """The number, date and format a document is about to be issued with."""

    def __init__(self, db: Database, year: int, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("issueDialog")
        self.setWindowTitle("Cấp số văn bản")
        self.setMinimumWidth(520)
        self.db, self.year, self.kind = db, year, kind_of(kind)
        first = next_number(db, year, kind)
        self.number = QLabel(objectName="issueNumber")
        self.number.setStyleSheet("font-weight:bold;")
        self.date = DateField("issueDate")
        self.date.setText(short_date(first.issued_on))
        self.date.setEnabled(self.kind.dated_by == "chosen")
        self.date.committed.connect(self._refresh)
        self.message = MessageBar(self, "issueMessage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Cấp số")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(f"<b>{self.kind.label} năm {year}</b>"))
        form.addRow("Số sẽ cấp:", self.number)
        form.addRow("Ngày ban hành:", self.date)
        form.addRow("Thể thức:", QLabel(first.profile.name))
        note = QLabel("In lại về sau giữ nguyên số và ngày này. Hoàn tác (Ctrl+Z) trả lại số khi "
                      "chưa có văn bản nào cấp số sau nó.", wordWrap=True)
        form.addRow(note)
        form.addRow(self.message)
        form.addRow(buttons)
        self.chosen: datetime.date | None = None
        self._show(first)

    def _show(self, preview: NextNumber) -> None:
        self.number.setText(preview.number_text)

    def _day(self) -> datetime.date:
        return parse_date(self.date.text())

    def _refresh(self) -> None:
        try:
            self._show(next_number(self.db, self.year, self.kind.key,
                                   issued_on=self._day() if self.date.isEnabled() else None))
            self.message.clear_message()
        except BlocError as exc:
            self.message.show_message(exc.message)

    def accept(self) -> None:
        """Keep the date typed; a wrong date is said here and the dialog stays open."""
        try:
            self.chosen = self._day() if self.date.isEnabled() else None
            next_number(self.db, self.year, self.kind.key, issued_on=self.chosen)
        except BlocError as exc:
            self.message.show_message(exc.message)
            self.date.setFocus()
            return
        super().accept()


def ask_issue(parent: QWidget | None, db: Database, year: int, kind: str
              ) -> tuple[bool, datetime.date | None]:
    """(confirmed, the date chosen or None for the document's own day)."""
    dialog = IssueDialog(db, year, kind, parent)
    confirmed = run_dialog(dialog)
    return confirmed, dialog.chosen
