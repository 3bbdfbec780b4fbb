"""Starting the desktop application: arguments, paths, Qt, the excepthook, the main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

APP_NAME = "Khối thi đua"
ORGANIZATION = "KhoiThiDua"


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """`main.py [TỆP] [--data-dir THƯ_MỤC]`."""
    from ui.cli.args import Parser

    parser = Parser(prog="main.py", description="Mở cửa sổ làm việc của phần mềm Khối thi đua.")
    parser.add_argument("file", nargs="?", metavar="TỆP", help="tệp khối thi đua cần mở")
    parser.add_argument("--data-dir", metavar="THƯ_MỤC",
                        help="thư mục cài đặt và nhật ký (mặc định: thư mục dữ liệu người dùng)")
    parser.add_argument("--quit-after-start", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(list(argv))


def run_app(argv: Sequence[str]) -> int:
    """Open the main window (on FILE, else on the welcome screen) and run until it closes."""
    args = parse(argv)
    from ui import qt_fixes

    qt_fixes.install()
    from PySide6.QtWidgets import QApplication

    from ui import crash
    from ui.main_window import MainWindow
    from ui.paths import AppPaths
    from ui.qt_vi import VietnameseQt
    from ui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    translator = VietnameseQt(app)
    app.installTranslator(translator)
    paths = AppPaths.decide(args.data_dir)
    crash.install(paths.log_file)
    window = MainWindow(paths, Settings(paths))
    window.show()
    if args.file:
        window.open_file(Path(args.file).expanduser())
    if args.quit_after_start:  # bench/startup.py: time to an interactive window
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, app.quit)
    return int(app.exec())
