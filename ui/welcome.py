"""The screen shown when no bloc file is open: create, open, or try the demo bloc."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex


class RecentFilesModel(QAbstractListModel):
    """Recent bloc files: the name, with the folder as a tooltip."""

    def __init__(self, files: list[Path] | None = None) -> None:
        super().__init__()
        self._files: list[Path] = list(files or [])

    def set_files(self, files: list[Path]) -> None:
        self.beginResetModel()
        self._files = list(files)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._files)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._files):
            return None
        path = self._files[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return path.stem
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(path)
        if role == Qt.ItemDataRole.UserRole:
            return str(path)
        return None

    def path(self, row: int) -> Path:
        return self._files[row]


class WelcomePage(QWidget):
    """Three ways in, and the recent files."""

    createRequested = Signal()
    openRequested = Signal()
    demoRequested = Signal()
    recentRequested = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        title = QLabel("Phần mềm thư ký Khối thi đua")
        title.setObjectName("welcomeTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            "Quản lý đơn vị thành viên, giao ước và đăng ký thi đua, bảng tiêu chí, chấm điểm, "
            "xếp hạng, bỏ phiếu tại hội nghị tổng kết và in văn bản của Khối.\n"
            "Toàn bộ dữ liệu của một khối nằm trong một tệp .ktd; mọi thay đổi được lưu ngay.")
        intro.setWordWrap(True)

        buttons = QHBoxLayout()
        for name, text, signal in (
            ("createButton", "Tạo khối thi đua mới…", self.createRequested),
            ("openButton", "Mở tệp khối thi đua…", self.openRequested),
            ("demoButton", "Mở khối thi đua mẫu", self.demoRequested),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setMinimumHeight(48)
            button.clicked.connect(signal.emit)
            buttons.addWidget(button)

        self.recent_model = RecentFilesModel()
        self.recent_view = QListView()
        self.recent_view.setObjectName("recentFiles")
        self.recent_view.setModel(self.recent_model)
        self.recent_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.recent_view.activated.connect(
            lambda index: self.recentRequested.emit(self.recent_model.path(index.row())))
        self.recent_label = QLabel("Tệp mở gần đây (nhấn đúp để mở):")

        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(title)
        column.addWidget(intro)
        column.addSpacing(16)
        column.addLayout(buttons)
        column.addSpacing(16)
        column.addWidget(self.recent_label)
        column.addWidget(self.recent_view, 2)
        column.addStretch(1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 4)
        outer.addStretch(1)

    def set_recent(self, files: list[Path]) -> None:
        """Show the recent files (the list hides when there are none)."""
        self.recent_model.set_files(files)
        self.recent_view.setVisible(bool(files))
        self.recent_label.setVisible(bool(files))
