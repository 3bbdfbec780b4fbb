"""The main window's file commands: open (with its checks), close, the demo, a new bloc, a safe
copy, the recent files. A mixin of MainWindow, which provides the attributes used here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from data.db import QUICK_CHECK_LIMIT, integrity_problem
from data.errors import BlocError
from ui import file_actions
from ui.session import Session

APP_TITLE = "Khối thi đua"


class FileCommands:
    """Opening and closing bloc files; expects paths, settings, tasks, session, welcome,
    recent_menu, _start and _show_welcome from the window."""

    _lock: file_actions.FileLock | None = None

    def open_file(self, path: Path) -> bool:
        """Open a bloc file (the recent list and the year shown are remembered)."""
        lock = file_actions.FileLock(path)
        holder = lock.acquire()
        if holder is not None:
            answer = QMessageBox.question(
                self, "Tệp đang được mở",
                f"Tệp “{path.name}” đang được mở ở {holder}. Hai nơi cùng sửa một tệp sẽ không "
                "thấy thay đổi của nhau.\n\nVẫn mở tệp này?")
            if answer != QMessageBox.StandardButton.Yes:
                return False
            lock.force()
        opened = file_actions.open_checked(self, path, self.paths.documents_dir)
        if opened is None:
            lock.release()
            if not path.exists():
                self.settings.forget_recent(path)
                self.welcome.set_recent(self.settings.recent_files())
            return False
        db, real_path = opened
        self._start(Session(db, real_path, self.settings.last_year(real_path)))
        self._lock = lock
        self.settings.add_recent(real_path)
        if real_path.stat().st_size > QUICK_CHECK_LIMIT:  # smaller files were checked on opening
            self.tasks.run("", lambda progress: integrity_problem(real_path),
                           self._integrity_checked, self._task_failed, quiet=True)
        return True

    def _integrity_checked(self, problem: object) -> None:
        if isinstance(problem, str):
            QMessageBox.warning(self, "Tệp khối có dấu hiệu hư hỏng",
                                f"{problem}\n\nĐừng tiếp tục nhập liệu vào tệp này.")

    def close_bloc(self) -> None:
        """Close the open bloc (everything is already saved) and show the welcome screen."""
        if self.session is None:
            return
        if self.session.path is not None and self.session.year:
            self.settings.save_last_year(self.session.path, self.session.year)
        # Hide the workspace first: editors that save when they lose focus or are hidden
        # (notes, achievement summaries) write what was typed while the file is still open.
        self.stack.setCurrentIndex(0)
        QApplication.processEvents()
        self.session.close()
        self.session = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        self._show_welcome()

    def ask_open(self) -> None:
        path = file_actions.ask_open_path(self, self.paths.documents_dir)
        if path is not None:
            self.open_file(path)

    def open_demo(self) -> None:
        """Open the demo bloc, writing it first (off the main thread) if it does not exist."""
        target = self.paths.demo_file
        if target.exists():
            self.open_file(target)
            return
        from data.demo import write_demo

        self.tasks.run("Đang tạo khối thi đua mẫu…", lambda progress: write_demo(target),
                       lambda path: self.open_file(Path(path)), self._task_failed)

    def new_bloc(self) -> None:
        from data.lifecycle import start_bloc  # rarely used: kept off the start-up path
        from ui.wizard import NewBlocWizard

        wizard = NewBlocWizard(self.paths.documents_dir, self)
        if not wizard.exec():
            return
        new = wizard.result_bloc()
        try:
            db = start_bloc(new.path, new.profile, new.year, new.units, new.head, new.deputies)
        except BlocError as exc:
            QMessageBox.warning(self, "Không tạo được khối", exc.message)
            return
        db.close()
        self.open_file(new.path)

    def save_copy(self) -> None:
        if self.session is None or self.session.path is None:
            return
        source = self.session.path
        target = file_actions.ask_copy_path(self, source)
        if target is None:
            return
        self.tasks.run("Đang lưu bản sao…",
                       lambda progress: file_actions.copy_file(source, target),
                       lambda path: self.statusBar().showMessage(f"Đã lưu bản sao: {path}", 8000),
                       self._task_failed)

    def _task_failed(self, exc: BaseException, details: str) -> None:
        if isinstance(exc, BlocError):
            QMessageBox.warning(self, APP_TITLE, exc.message)
        else:
            raise exc

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        for path in files:
            self.recent_menu.addAction(path.name, lambda p=path: self.open_file(p)).setToolTip(
                str(path))
        if not files:
            self.recent_menu.addAction("(chưa có)").setEnabled(False)
