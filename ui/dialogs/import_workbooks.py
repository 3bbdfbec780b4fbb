"""Importing workbooks (self-scores the units sent back, a list of units, a criteria table):
files or a whole folder, chosen or dropped; every problem and every change shown before
anything is applied; applying is one undo step."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from data.errors import BlocError
from data.imports.plan import ImportPlan
from ui.models.import_plan import ChangesModel, ProblemsModel, change_rows, summary
from ui.prompts import run_dialog
from ui.session import Session
from ui.widgets.message_bar import MessageBar
from ui.widgets.table_actions import table_view

# kind -> (importer module, dialog title, what to give it)
IMPORTERS = {
    "self-score": ("data.imports.self_scores", "Nhập phiếu tự chấm",
                   "các phiếu tự chấm (.xlsx) các đơn vị gửi lại"),
    "units": ("data.imports.units_list", "Nhập danh sách đơn vị từ Excel",
              "danh sách đơn vị theo mẫu (Tải mẫu…)"),
    "criteria": ("data.imports.criteria_list", "Nhập bảng tiêu chí từ Excel",
                 "bảng tiêu chí theo mẫu (Tải mẫu…)"),
}
SUFFIXES = (".xlsx", ".xlsm", ".xls")


def workbooks(paths: Sequence[Path]) -> list[Path]:
    """The files given, a folder standing for the workbooks in it, each once, in order."""
    found: list[Path] = []
    for path in paths:
        inside = sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES
                        and not p.name.startswith("~$")) if path.is_dir() else [path]
        found += [p for p in inside if p not in found]
    return found


class ImportDialog(QDialog):
    """Choose or drop workbooks, read the report, apply what has no problem."""

    def __init__(self, session: Session, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        module, title, what = IMPORTERS[kind]
        self.importer: ModuleType = import_module(module)
        self.session, self.kind, self.title = session, kind, title
        self.setWindowTitle(f"{title} — năm {session.year}")
        self.setAcceptDrops(True)
        self.resize(1060, 600)
        self.paths: list[Path] = []
        self.plan: ImportPlan | None = None
        self.drop = QLabel(f"Kéo thả vào đây {what}, hoặc cả một thư mục; hoặc bấm “Chọn "
                           "tệp…”, “Chọn thư mục…”. Chưa có gì được ghi vào tệp khối trước khi "
                           "bấm “Áp dụng”.", objectName="importDrop", wordWrap=True)
        self.drop.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop.setStyleSheet("QLabel#importDrop { border: 2px dashed #9ca3af; padding: 18px;"
                                " color: #374151; }")
        choose = QPushButton("Chọn &tệp…", objectName="chooseFilesButton")
        choose.clicked.connect(self.choose_files)
        folder = QPushButton("Chọn thư &mục…", objectName="chooseFolderButton")
        folder.clicked.connect(self.choose_folder)
        self.files = QLabel(objectName="importFiles", wordWrap=True)
        self.summary = QLabel(objectName="importSummary", wordWrap=True)
        self.summary.setStyleSheet("font-weight:bold;")
        self.message = MessageBar(self, "importMessage")
        self.changes, self.problems = ChangesModel(), ProblemsModel()
        self.tabs = QTabWidget(objectName="importTabs")
        for name, model, title, widths, stretch in (
                ("importChanges", self.changes, "Thay đổi", (230, 190, 0, 110, 130, 230), 2),
                ("importProblems", self.problems, "Lỗi", (230, 90, 60, 90, 0), 4)):
            view = table_view(name, model)
            header = view.horizontalHeader()
            header.setStretchLastSection(False)
            for column, width in enumerate(widths):
                view.setColumnWidth(column, width)
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
            self.tabs.addTab(view, title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Close)
        self.apply_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.setText("Áp dụng")
        self.apply_button.setObjectName("applyImportButton")
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(choose)
        row.addWidget(folder)
        row.addWidget(self.files, 1)
        layout = QVBoxLayout(self)
        for item in (self.drop, row, self.summary, self.message, self.tabs, buttons):
            (layout.addLayout if isinstance(item, QHBoxLayout) else layout.addWidget)(item)
        layout.setStretchFactor(self.tabs, 1)
        self._show()

    # --- choosing ------------------------------------------------------------------------------
    def choose_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(self, self.title, str(self._start()),
                                                 "Bảng tính Excel (*.xlsx *.xlsm *.xls)")
        self.add_paths([Path(p) for p in chosen])

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.title, str(self._start()))
        if chosen:
            self.add_paths([Path(chosen)])

    def _start(self) -> Path:
        return self.paths[-1].parent if self.paths else (
            self.session.path.parent if self.session.path else Path.home())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        self.add_paths([Path(u.toLocalFile()) for u in event.mimeData().urls()
                        if u.isLocalFile()])
        event.acceptProposedAction()

    def add_paths(self, paths: Sequence[Path]) -> None:
        """Add workbooks (a folder: those in it) and read them all again."""
        if not paths:
            return
        self.paths = workbooks([*self.paths, *paths])
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.plan = self.importer.plan(self.session.db, self.session.year, self.paths)
            self.message.clear_message()
        except BlocError as exc:
            self.plan = None
            self.message.show_message(exc.message)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show()

    # --- showing -------------------------------------------------------------------------------
    def _show(self) -> None:
        plan = self.plan
        names = ", ".join(p.name for p in self.paths)
        self.files.setText(f"{len(self.paths)} tệp: {names}" if self.paths else "Chưa chọn tệp.")
        self.changes.set_rows(change_rows(plan) if plan else [])
        self.problems.set_rows(plan.problems if plan else [])
        self.tabs.setTabText(0, f"Thay đổi ({self.changes.rowCount()})")
        self.tabs.setTabText(1, f"Lỗi ({self.problems.rowCount()})")
        self.summary.setText(summary(plan) if plan else "")
        if plan is not None and plan.problems and not plan.applicable:
            self.tabs.setCurrentIndex(1)
        self.apply_button.setEnabled(bool(plan and plan.applicable))

    def accept(self) -> None:
        """Apply the files without problems, as one undo step."""
        plan, importer, session = self.plan, self.importer, self.session
        if plan is None or not plan.applicable:
            return
        db, year = session.db, session.year
        taken: list[Any] = []  # what the last apply returned: the dialog is gone by undo time

        def do() -> object:
            taken[:] = [importer.apply(db, year, plan)]
            return taken[0]

        def undo() -> None:
            importer.revert(db, year, taken[0])

        try:
            session.perform(f"{self.title} ({len(plan.applicable)} tệp)", do, undo,
                            *importer.TOUCHES)
        except BlocError as exc:
            self.message.show_message(exc.message)
            return
        super().accept()


def ask_import(parent: QWidget | None, session: Session, kind: str) -> ImportPlan | None:
    """Run the import dialog; the plan applied, or None when nothing was applied."""
    dialog = ImportDialog(session, kind, parent)
    applied = run_dialog(dialog)
    return dialog.plan if applied else None
