"""A live preview of a PDF (QtPdf's QPdfView): all pages or one at a time, zoom, fit to width;
or, in its place, a message saying why there is nothing to show."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ZOOM_STEP = 1.2


class PdfPreview(QWidget):
    """The pages of one PDF, with page navigation and zoom; `shown` says how many pages."""

    shown = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView(objectName="pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.message = QLabel(objectName="previewMessage", wordWrap=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMargin(24)
        self.stack = QStackedWidget(objectName="previewStack")
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.message)
        self.page_label = QLabel(objectName="previewPage")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, keys, slot, tip in (
            ("previousPage", "◀ Trang trước", ("PgUp",), lambda: self.go_to(self.page() - 1),
             "Về trang trước"),
            ("nextPage", "Trang sau ▶", ("PgDown",), lambda: self.go_to(self.page() + 1),
             "Sang trang sau"),
            ("zoomOut", "−", ("Ctrl+-",), lambda: self.zoom(1 / ZOOM_STEP), "Thu nhỏ"),
            ("zoomIn", "+", ("Ctrl++", "Ctrl+="), lambda: self.zoom(ZOOM_STEP), "Phóng to"),
            ("fitWidth", "Vừa chiều ngang", ("Ctrl+0",), self.fit_width,
             "Vừa chiều ngang khung xem"),
            ("onePage", "Từng trang", (), self.toggle_single, "Xem từng trang một"),
        ):
            action = QAction(text, self, objectName=f"{name}Action")
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            key = action.shortcut().toString()
            action.setToolTip(f"{tip} ({key})" if key else tip)
            action.triggered.connect(slot)
            self.addAction(action)
            button = QToolButton(objectName=f"{name}Button")
            button.setDefaultAction(action)
            bar.addWidget(button)
            self.actions_by_name[name] = action
            if name == "nextPage":
                bar.addWidget(self.page_label)
                bar.addSpacing(12)
        self.actions_by_name["onePage"].setCheckable(True)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.view.pageNavigator().currentPageChanged.connect(lambda _page: self._update())
        self._update()

    def show_pdf(self, data: bytes) -> int:
        """Show a PDF from its bytes, keeping the page and zoom; returns its page count."""
        page = self.page()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self.stack.setCurrentWidget(self.view)
        if 0 < page < self.page_count():
            self.go_to(page)
        self._update()
        self.shown.emit(self.page_count())
        return self.page_count()

    def show_message(self, text: str) -> None:
        """Show a message instead of pages (why the document cannot be made yet)."""
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)
        self._update()

    def page_count(self) -> int:
        """Pages of the document shown (0 when a message is shown)."""
        if self.stack.currentWidget() is not self.view:
            return 0
        return max(0, self.document.pageCount())

    def page(self) -> int:
        """The page at the top of the view (0-based)."""
        return int(self.view.pageNavigator().currentPage())

    def go_to(self, page: int) -> None:
        """Show a page (clamped to the document)."""
        if self.page_count():
            target = max(0, min(self.page_count() - 1, page))
            self.view.pageNavigator().jump(target, QPointF(), self.view.zoomFactor())
            self._update()

    def zoom(self, factor: float) -> None:
        """Zoom in or out from the current size."""
        current = self.view.zoomFactor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.2, min(5.0, current * factor)))

    def fit_width(self) -> None:
        """Pages as wide as the view."""
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def toggle_single(self) -> None:
        """One page at a time, or all pages in a column."""
        single = self.actions_by_name["onePage"].isChecked()
        self.view.setPageMode(QPdfView.PageMode.SinglePage if single
                              else QPdfView.PageMode.MultiPage)

    def _update(self) -> None:
        count = self.page_count()
        self.page_label.setText(f"Trang {self.page() + 1}/{count}" if count else "")
        self.actions_by_name["previousPage"].setEnabled(count > 0 and self.page() > 0)
        self.actions_by_name["nextPage"].setEnabled(count > 0 and self.page() < count - 1)
        for name in ("zoomOut", "zoomIn", "fitWidth", "onePage"):
            self.actions_by_name[name].setEnabled(count > 0)
