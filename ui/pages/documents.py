"""Tài liệu: the year's documents as a list with a live preview, and the ways out: number then
print, print a draft, save as PDF or Word, save the whole set, open the folder."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from data.documents.catalog import make
from data.documents.common import MissingData
from data.errors import BlocError
from printing.fonts import register
from ui.document_jobs import DocumentJobs
from ui.models.documents import COL_KIND, DocumentRow, DocumentsModel, load_rows
from ui.session import Session
from ui.widgets.message_bar import MessageBar
from ui.widgets.pdf_preview import PdfPreview
from ui.widgets.table_actions import table_view


class DocumentsPage(QWidget):
    """The year's official documents: see one before printing, number it, print it, save it."""

    previewShown = Signal(str, int)  # the kind shown and its page count (tests, benchmarks)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.heading = QLabel(objectName="documentsHeading")
        self.heading.setStyleSheet("font-size:14pt; font-weight:bold;")
        fonts = register()
        self.font_label = QLabel(f"Phông chữ văn bản: {fonts.family.label}",
                                 objectName="documentsFont")
        self.message = MessageBar(self, "documentsMessage")
        if fonts.family.warning:
            self.message.show_message(fonts.family.warning, "info")
        self.model = DocumentsModel()
        self.table = table_view("documentsTable", self.model)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected_changed())
        self.missing = QLabel(objectName="documentsMissing", wordWrap=True)
        self.preview = PdfPreview()
        self.jobs = DocumentJobs(self)
        act = self._action
        self.print_action = act("printDocument", "Cấp số và in…", "Ctrl+P", self.jobs.print_final,
                                "Cấp số (nếu chưa có) rồi in trên máy in")
        self.draft_action = act("printDraft", "In bản nháp…", "Ctrl+Shift+P",
                                self.jobs.print_draft, "In bản nháp: không cấp số, có dấu "
                                "BẢN NHÁP")
        self.pdf_action = act("savePdf", "Lưu PDF…", "Ctrl+S", lambda: self.jobs.save(".pdf"),
                              "Lưu văn bản thành tệp PDF")
        self.word_action = act("saveWord", "Lưu Word…", "Ctrl+D", lambda: self.jobs.save(".docx"),
                               "Lưu văn bản thành tệp Word (.docx) để sửa tiếp")
        self.all_action = act("saveAll", "Lưu cả bộ…", "Ctrl+Shift+A", self.jobs.save_all,
                              "Lưu mọi văn bản đủ dữ liệu của năm vào một thư mục")
        self.folder_action = act("openFolder", "Mở thư mục", "", self.jobs.open_folder,
                                 "Mở thư mục vừa lưu văn bản")
        self.council_action = act("exportCouncil", "Bảng tính gửi Hội đồng…", "Ctrl+E",
                                  self.export_council, "Lưu bảng tính Excel gửi Hội đồng Thi "
                                  "đua - Khen thưởng: tổng hợp điểm, chi tiết, đề nghị, bỏ phiếu")
        self._build()
        self._stale = True
        self._token = 0
        self._refresh = QTimer(self, singleShot=True, interval=0)
        self._refresh.timeout.connect(self.reload)
        session.changed.connect(lambda _change: self._mark_stale())
        session.yearChanged.connect(lambda _year: self._mark_stale())

    # --- building ------------------------------------------------------------------------------
    def _action(self, name: str, text: str, key: str, slot: Callable[[], object],
                tip: str) -> QAction:
        action = QAction(text, self, objectName=f"{name}Action")
        if key:
            action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shown = action.shortcut().toString()
        action.setToolTip(f"{tip} ({shown})" if shown else tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build(self) -> None:
        buttons = QVBoxLayout()
        for action in (self.print_action, self.draft_action, self.pdf_action, self.word_action,
                       self.all_action, self.council_action, self.folder_action):
            button = QToolButton(objectName=action.objectName().replace("Action", "Button"))
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(button.sizePolicy().horizontalPolicy().Expanding,
                                 button.sizePolicy().verticalPolicy())
            buttons.addWidget(button)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(self.missing)
        column.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, objectName="documentsSplitter",
                             childrenCollapsible=False)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([430, 700])
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.font_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.table)

    def export_council(self) -> None:
        """The council workbook of the year."""
        from ui import spreadsheets

        spreadsheets.export_council(self, self.session, self.message.show_message)

    # --- showing -------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """Catch up with what changed while another page was shown."""
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self._refresh.start()

    def reload(self) -> None:
        """List the year's documents again, keep the one chosen, and preview it again."""
        self._stale = False
        year = self.session.year
        current = self.selected()
        self.heading.setText(f"Văn bản năm {year}" if year else "Văn bản")
        self.model.set_rows(load_rows(self.session.db, year))
        self.show_kind(current.kind.key if current else "minutes")

    def selected(self) -> DocumentRow | None:
        """The document chosen in the list."""
        row = self.table.currentIndex().row()
        return self.model.row_at(row) if 0 <= row < self.model.rowCount() else None

    def show_kind(self, kind: str) -> None:
        """Choose a document (minutes, ballots, submission…) and preview it."""
        if self._stale:
            self.reload()
        row = self.model.row_of(kind)
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect |
                     QItemSelectionModel.SelectionFlag.Rows)
            index = self.model.index(row, COL_KIND)
            if self.table.currentIndex() == index:
                self._selected_changed()
            else:
                self.table.selectionModel().setCurrentIndex(index, flags)
        else:
            self._selected_changed()

    def _selected_changed(self) -> None:
        row = self.selected()
        self._update_actions(row)
        self._token += 1
        if row is None:
            self.missing.setText("")
            self.preview.show_message("Năm này chưa có văn bản nào.")
            return
        if not row.ready:
            text = str(MissingData(f"{row.kind.label.lower()} năm {self.session.year}",
                                   row.missing))
            self.missing.setText("")
            self.preview.show_message(text)
            return
        self.missing.setText(self._state(row))
        try:
            made = make(self.session.db, self.session.year, row.kind.key,
                        draft=row.numbered and row.issued is None)
        except BlocError as exc:
            self.preview.show_message(exc.message)
            return
        token, kind = self._token, row.kind.key
        self.jobs.render(made.document, ".pdf", lambda data: self._preview(token, kind, data),
                         label="")

    def _preview(self, token: int, kind: str, data: bytes) -> None:
        if token != self._token:  # another document was chosen meanwhile
            return
        pages = self.preview.show_pdf(data)
        self.previewShown.emit(kind, pages)

    @staticmethod
    def _state(row: DocumentRow) -> str:
        if not row.numbered:
            return "Văn bản này không cấp số."
        if row.issued is None:
            return "Chưa cấp số: bản xem trước là bản nháp."
        return f"Đã cấp {row.issued.number_text}; in lại giữ nguyên số và ngày."

    def _update_actions(self, row: DocumentRow | None) -> None:
        from printing.docx import DOCX_KINDS

        ready = row is not None and row.ready
        for action in (self.print_action, self.draft_action, self.pdf_action):
            action.setEnabled(ready)
        self.word_action.setEnabled(ready and row is not None and row.kind.key in DOCX_KINDS)
        self.all_action.setEnabled(any(r.ready for r in self.model.rows()))
        self.folder_action.setEnabled(self.jobs.last_folder is not None)
        if row is not None and row.numbered and row.issued is None:
            self.print_action.setText("Cấp số và in…")
        elif row is not None and row.numbered:
            self.print_action.setText("In lại (giữ số)…")
        else:
            self.print_action.setText("In…")
