"""Where a document goes from the window: the system's printers (pages drawn as images at the
printer's resolution, each in its own orientation, A4) and files chosen in a dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QUrl
from PySide6.QtGui import QDesktopServices, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QWidget

from data.errors import BlocError

MAX_DPI = 300  # finer than this only makes the pages heavier to send to the printer
FILTERS = {".pdf": "Tệp PDF (*.pdf)", ".docx": "Tệp Word (*.docx)"}


class PrintError(BlocError):
    """The printer refused the job."""


def _document(data: bytes) -> tuple[QPdfDocument, QBuffer]:
    document, buffer = QPdfDocument(), QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document, buffer


def _layout(landscape: bool) -> QPageLayout:
    orientation = (QPageLayout.Orientation.Landscape if landscape
                   else QPageLayout.Orientation.Portrait)
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0))


def print_pdf(printer: QPrinter, data: bytes) -> int:
    """Print the PDF's pages (the printer's page range, if set) on A4, each page in the
    orientation it has in the PDF; returns how many pages were sent."""
    document, _buffer = _document(data)
    count = document.pageCount()
    first = max(1, printer.fromPage()) if printer.fromPage() else 1
    last = min(count, printer.toPage()) if printer.toPage() else count
    pages = list(range(first - 1, last))
    if not pages:
        return 0
    printer.setFullPage(True)

    def landscape(page: int) -> bool:
        size = document.pagePointSize(page)
        return size.width() > size.height()

    printer.setPageLayout(_layout(landscape(pages[0])))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("Không in được: máy in từ chối lệnh in. Hãy kiểm tra máy in và thử lại.")
    try:
        for index, page in enumerate(pages):
            if index:
                printer.setPageLayout(_layout(landscape(page)))
                printer.newPage()
            target = QRectF(painter.viewport())
            dpi = min(printer.resolution(), MAX_DPI)
            size = document.pagePointSize(page)
            image = document.render(page, QSize(round(size.width() * dpi / 72),
                                                round(size.height() * dpi / 72)))
            painter.drawImage(target, image)
    finally:
        painter.end()
    return len(pages)


def ask_print(parent: QWidget, data: bytes, title: str) -> int | None:
    """The system's print dialog (copies, page range), then the printing; None if cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(f"In: {title}")
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setMinMax(1, _document(data)[0].pageCount())
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return print_pdf(printer, data)


def ask_save_path(parent: QWidget, suggested: Path) -> Path | None:
    """A save dialog starting at the suggested name; None if cancelled."""
    suffix = suggested.suffix
    chosen, _filter = QFileDialog.getSaveFileName(parent, "Lưu văn bản", str(suggested),
                                                  FILTERS.get(suffix, ""))
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def ask_folder(parent: QWidget, start: Path) -> Path | None:
    """A folder dialog; None if cancelled."""
    chosen = QFileDialog.getExistingDirectory(parent, "Lưu cả bộ văn bản vào thư mục", str(start))
    return Path(chosen) if chosen else None


def open_folder(path: Path) -> None:
    """Show a folder in the system's file manager."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
