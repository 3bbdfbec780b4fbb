"""The main window: welcome screen or workspace, year switcher, navigation, menus."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from data import years
from data.model import YearStatus
from ui import file_actions
from ui.pages import PAGES, page_factory
from ui.paths import AppPaths
from ui.session import BLOC, YEARS, Session
from ui.settings import Settings
from ui.welcome import WelcomePage
from ui.window_files import APP_TITLE, FileCommands

if TYPE_CHECKING:
    from ui.tasks import TaskRunner


class MainWindow(FileCommands, QMainWindow):
    """One window, one open bloc at a time."""

    def __init__(self, paths: AppPaths, settings: Settings) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.paths, self.settings = paths, settings
        self._tasks: TaskRunner | None = None
        self.session: Session | None = None
        self._lock: file_actions.FileLock | None = None
        self.welcome = WelcomePage()
        self.welcome.createRequested.connect(self.new_bloc)
        self.welcome.openRequested.connect(self.ask_open)
        self.welcome.demoRequested.connect(self.open_demo)
        self.welcome.recentRequested.connect(self.open_file)
        self.nav = QListWidget(objectName="navigation")
        self.nav.setFixedWidth(190)
        self.nav.setStyleSheet("QListWidget#navigation { font-size: 11pt; }"
                               "QListWidget#navigation::item { padding: 9px 8px; }")
        self.pages = QStackedWidget(objectName="pages")
        self.nav.currentRowChanged.connect(self._show_page)
        workspace = QWidget(objectName="workspace")
        row = QHBoxLayout(workspace)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(workspace)
        self.setCentralWidget(self.stack)
        self.year_combo = QComboBox(objectName="yearCombo")
        self.year_combo.setMinimumContentsLength(24)
        self.year_combo.activated.connect(self._year_chosen)
        self._build_toolbar()
        self._build_menus()
        geometry = settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self._fit_to_screen()
        self._show_welcome()

    @property
    def tasks(self) -> TaskRunner:
        """The background-work helper, made on first use (kept off the start-up path)."""
        if self._tasks is None:
            from ui.tasks import TaskRunner

            self._tasks = TaskRunner(self)
        return self._tasks

    def _fit_to_screen(self) -> None:
        """First start: 1280 x 800, or less on a smaller screen (office laptops are 1366 x 768)."""
        screen = self.screen() or QApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else None
        if area is None or area.isEmpty():
            self.resize(1280, 800)
            return
        width, height = min(1280, area.width() - 40), min(800, area.height() - 40)
        self.resize(width, height)
        self.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)

    # --- building ------------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar("Năm thi đua", objectName="yearToolbar")
        bar.setMovable(False)
        bar.addWidget(QLabel(" Năm thi đua: "))
        bar.addWidget(self.year_combo)
        self.addToolBar(bar)
        self.year_toolbar = bar

    def _action(self, text: str, slot: object, shortcut: QKeySequence | str | None = None,
                name: str = "") -> QAction:
        action = QAction(text, self)
        if name:
            action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&Tệp")
        # No Ctrl+N here: inside the pages Ctrl+N adds a row, the everyday action.
        file_menu.addAction(self._action("Khối thi đua &mới…", self.new_bloc, name="actionNew"))
        file_menu.addAction(self._action("&Mở…", self.ask_open, QKeySequence.StandardKey.Open,
                                         "actionOpen"))
        self.recent_menu = file_menu.addMenu("Mở &gần đây")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addAction(self._action("Mở khối thi đua mẫu", self.open_demo, name="actionDemo"))
        self.info_action = self._action("Thông t&in khối…", self.edit_bloc_info,
                                        name="actionBlocInfo")
        self.copy_action = self._action("&Lưu bản sao…", self.save_copy,
                                        QKeySequence.StandardKey.SaveAs, "actionSaveCopy")
        self.close_action = self._action("Đó&ng tệp", self.close_bloc, name="actionClose")
        file_menu.addActions([self.info_action, self.copy_action, self.close_action])
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Thoát", self.close, QKeySequence.StandardKey.Quit,
                                         "actionQuit"))
        self.edit_menu = bar.addMenu("&Sửa")
        self.view_menu = bar.addMenu("&Xem")
        for row, (name, title, _target) in enumerate(PAGES):
            self.view_menu.addAction(self._action(
                title, lambda _=False, r=row: self.nav.setCurrentRow(r), f"Alt+{row + 1}",
                f"{name}Shortcut"))
        self.year_menu = bar.addMenu("&Năm")
        self.year_menu.addAction(self._action("Năm mới từ năm trước…", self.new_year,
                                              name="actionNewYear"))
        self.status_menu = self.year_menu.addMenu("Giai đoạn của năm")
        self.status_group = QActionGroup(self)
        for status in YearStatus:
            action = self._action(status.label, lambda _=False, s=status: self.set_status(s))
            action.setCheckable(True)
            action.setData(status.value)
            self.status_group.addAction(action)
            self.status_menu.addAction(action)
        help_menu = bar.addMenu("T&rợ giúp")
        help_menu.addAction(self._action("Vị trí tệp khối…", self.show_file_location,
                                         name="actionWhere"))
        help_menu.addAction(self._action("Giới thiệu…", self.show_about, name="actionAbout"))

    # --- session -------------------------------------------------------------------------------
    def _show_welcome(self) -> None:
        self.welcome.set_recent(self.settings.recent_files())
        self.stack.setCurrentIndex(0)
        for widget in (self.year_toolbar, self.edit_menu.menuAction(),
                       self.view_menu.menuAction(), self.year_menu.menuAction()):
            widget.setVisible(False)
        for action in (self.info_action, self.copy_action, self.close_action):
            action.setEnabled(False)
        self.setWindowTitle(APP_TITLE)

    def _start(self, session: Session) -> None:
        self.close_bloc()
        self.session = session
        session.changed.connect(self._on_change)
        session.yearChanged.connect(lambda _year: self._refresh_chrome())
        session.failed.connect(lambda text: QMessageBox.warning(self, APP_TITLE, text))
        session.documentRequested.connect(self.show_document)
        self.edit_menu.clear()
        undo = session.undo_stack.createUndoAction(self, "Hoàn tác")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setObjectName("actionUndo")
        redo = session.undo_stack.createRedoAction(self, "Làm lại")
        redo.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
        redo.setObjectName("actionRedo")
        self.edit_menu.addActions([undo, redo])
        self.nav.clear()
        while self.pages.count():
            page = self.pages.widget(0)
            self.pages.removeWidget(page)
            page.deleteLater()
        for row, (_name, title, _factory) in enumerate(PAGES):  # built when first shown
            self.pages.addWidget(QWidget())
            self.nav.addItem(title)
            self.nav.item(row).setToolTip(f"{title} (Alt+{row + 1})")
        self.nav.setCurrentRow(0)
        self.stack.setCurrentIndex(1)
        for widget in (self.year_toolbar, self.edit_menu.menuAction(),
                       self.view_menu.menuAction(), self.year_menu.menuAction()):
            widget.setVisible(True)
        self.copy_action.setEnabled(session.path is not None)
        self.info_action.setEnabled(True)
        self.close_action.setEnabled(True)
        self._refresh_chrome()

    def _show_page(self, row: int) -> None:
        """Show a page, building it the first time (opening a big bloc stays fast)."""
        if row < 0 or self.session is None:
            return
        name, _title, target = PAGES[row]
        if not self.pages.widget(row).objectName():
            placeholder = self.pages.widget(row)
            page = page_factory(target)(self.session)
            page.setObjectName(name)
            self.pages.insertWidget(row, page)
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
        self.pages.setCurrentIndex(row)

    def page(self, name: str) -> QWidget:
        """A page by object name, built if needed (for menus, tests and scripts)."""
        row = next(i for i, (n, _t, _f) in enumerate(PAGES) if n == name)
        self.nav.setCurrentRow(row)
        self._show_page(row)
        return self.pages.widget(row)

    def show_document(self, kind: str) -> None:
        """Open the Tài liệu page on one of the year's documents (asked for by another page)."""
        page = self.page("documentsPage")
        page.show_kind(kind)  # type: ignore[attr-defined]
        page.setFocus()

    # --- years ---------------------------------------------------------------------------------
    def _refresh_chrome(self) -> None:
        session = self.session
        if session is None:
            return
        all_years = years.all_years(session.db)
        self.year_combo.clear()
        for year in all_years:
            self.year_combo.addItem(f"{year.year} · {year.status.label}", year.year)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(session.year)))
        current = next((y for y in all_years if y.year == session.year), None)
        for action in self.status_group.actions():
            action.setChecked(current is not None and action.data() == current.status.value)
        self.status_menu.setEnabled(current is not None)
        year_text = f" — Năm {session.year}" if session.year else ""
        self.setWindowTitle(f"{session.profile.name}{year_text} — {APP_TITLE}")
        where = session.path.name if session.path else "trong bộ nhớ"
        self.statusBar().showMessage(f"Tệp: {where} · mọi thay đổi được lưu ngay")
        self.statusBar().setToolTip(str(session.path) if session.path else "")

    def _on_change(self, change: str) -> None:
        if change in (YEARS, BLOC):
            self._refresh_chrome()

    def _year_chosen(self, index: int) -> None:
        if self.session is not None:
            self.session.set_year(int(self.year_combo.itemData(index)))

    def set_status(self, status: YearStatus) -> None:
        session = self.session
        if session is None or not session.year:
            return
        year, old = session.year, years.require_year(session.db, session.year).status
        session.perform(f"Chuyển năm {year} sang giai đoạn “{status.label}”",
                        lambda: years.set_status(session.db, year, status),
                        lambda: years.set_status(session.db, year, old), YEARS)

    def new_year(self) -> None:
        from ui.dialogs.new_year import ask_new_year  # rarely used: kept off the start-up path

        if self.session is not None and ask_new_year(self, self.session):
            self._refresh_chrome()

    def edit_bloc_info(self) -> None:
        """Edit the bloc's name, council, superior, place, code and page profile."""
        from ui.dialogs.bloc_info import ask_bloc_info  # rarely used: kept off the start-up path

        if self.session is not None:
            ask_bloc_info(self, self.session)

    # --- help ----------------------------------------------------------------------------------
    def show_file_location(self) -> None:
        path = self.session.path if self.session else None
        box = QMessageBox(self)
        box.setWindowTitle("Vị trí tệp khối")
        box.setText(f"Tệp khối đang mở:\n{path}" if path else "Chưa mở tệp khối nào.")
        box.setInformativeText(f"Cài đặt và nhật ký lỗi của phần mềm:\n{self.paths.data_dir}")
        open_folder = box.addButton("Mở thư mục chứa tệp", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        open_folder.setEnabled(path is not None)
        box.exec()
        if path is not None and box.clickedButton() is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def show_about(self) -> None:
        QMessageBox.about(self, "Giới thiệu", (
            "<b>Phần mềm thư ký Khối thi đua</b><br>Quản lý đơn vị, giao ước, chấm điểm, "
            "xếp hạng, bỏ phiếu và văn bản của Khối (Cụm) thi đua.<br><br>"
            "Mỗi khối là một tệp .ktd; mọi thay đổi được lưu ngay vào tệp."))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._tasks is not None:
            self._tasks.wait()
        self.settings.save_geometry(self.saveGeometry())
        self.close_bloc()
        self.settings.sync()
        event.accept()
