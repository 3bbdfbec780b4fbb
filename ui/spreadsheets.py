"""Workbooks from the window: the council workbook, a self-scoring workbook per unit, blank
templates, and the import dialog; built off the main thread, written atomically."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from data import units
from data.documents.record import load_record
from data.errors import BlocError
from printing.output import safe_file_name, save_bytes
from ui.session import Session
from ui.tasks import Progress, TaskRunner

Say = Callable[[str, str], None]  # (message, "ok" | "error" | "info")
XLSX = "Bảng tính Excel (*.xlsx)"


def _start(session: Session) -> Path:
    return session.path.parent if session.path is not None else Path.home()


def ask_save(parent: QWidget, title: str, suggested: Path) -> Path | None:
    """A save dialog for a workbook; None if cancelled."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), XLSX)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def ask_folder(parent: QWidget, title: str, start: Path) -> Path | None:
    """A folder dialog; None if cancelled."""
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(chosen) if chosen else None


def _run(parent: QWidget, label: str, work: Callable[[Progress], object],
         done: Callable[[object], None], say: Say) -> None:
    runner = TaskRunner(parent)

    def failed(exc: BaseException, _details: str) -> None:
        say(exc.message if isinstance(exc, BlocError) else f"Không lập được bảng tính: {exc}",
            "error")

    runner.run(label, work, done, failed)


def export_council(parent: QWidget, session: Session, say: Say) -> None:
    """The council workbook of the year, saved where the user says."""
    from data.documents.council import council_content

    year = session.year
    try:
        content = council_content(load_record(session.db, year))
    except BlocError as exc:
        say(exc.message, "error")
        return
    name = safe_file_name(f"Bảng tính gửi Hội đồng năm {year} - {session.profile.name}")
    path = ask_save(parent, "Lưu bảng tính gửi Hội đồng", _start(session) / f"{name}.xlsx")
    if path is None:
        return

    def work(_progress: Progress) -> bytes:
        from printing.xlsx_council import council_workbook

        return council_workbook(content)

    def done(data: object) -> None:
        try:
            save_bytes(path, data)  # type: ignore[arg-type]
        except BlocError as exc:
            say(exc.message, "error")
            return
        say(f"Đã lưu “{path.name}” vào thư mục “{path.parent}”.", "ok")

    _run(parent, "Đang lập bảng tính…", work, done, say)


def export_self_scores(parent: QWidget, session: Session, say: Say) -> None:
    """A self-scoring workbook for every member unit of the year, into a chosen folder."""
    from data.imports.self_score_form import form_content

    year = session.year
    members = units.members(session.db, year)
    if not members:
        say(f"Năm {year} chưa có đơn vị thành viên.", "error")
        return
    try:
        forms = [form_content(session.db, year, unit.id) for unit, _ in members]
    except BlocError as exc:
        say(exc.message, "error")
        return
    folder = ask_folder(parent, "Lưu phiếu tự chấm của các đơn vị vào thư mục", _start(session))
    if folder is None:
        return

    def work(progress: Progress) -> list[tuple[str, bytes]]:
        from printing.xlsx_selfscore import self_score_workbook

        found = []
        for i, ((unit, _), form) in enumerate(zip(members, forms, strict=True)):
            progress(i, len(forms))
            found.append((safe_file_name(f"Tự chấm {year} - {unit.name}") + ".xlsx",
                          self_score_workbook(form)))
        return found

    def done(files: object) -> None:
        try:
            for name, data in files:  # type: ignore[attr-defined]
                save_bytes(folder / name, data)
        except BlocError as exc:
            say(exc.message, "error")
            return
        say(f"Đã lưu {len(forms)} phiếu tự chấm vào thư mục “{folder}”. Gửi mỗi đơn vị phiếu "
            "của mình; nhận lại thì bấm “Nhập phiếu tự chấm…”.", "ok")

    _run(parent, "Đang lập phiếu tự chấm…", work, done, say)


def save_template(parent: QWidget, session: Session, kind: str, say: Say) -> None:
    """A blank template (units or criteria) saved where the user says."""
    from printing import xlsx_templates

    title = {"units": "Mẫu danh sách đơn vị", "criteria": "Mẫu bảng tiêu chí"}[kind]
    path = ask_save(parent, f"Lưu {title.lower()}", _start(session) / f"{title}.xlsx")
    if path is None:
        return
    data = (xlsx_templates.units_template() if kind == "units"
            else xlsx_templates.criteria_template())
    try:
        save_bytes(path, data)
    except BlocError as exc:
        say(exc.message, "error")
        return
    say(f"Đã lưu “{path.name}”: điền theo mẫu rồi bấm “Nhập từ Excel…”.", "ok")


def import_workbooks(parent: QWidget, session: Session, kind: str, say: Say) -> None:
    """The import dialog; what was applied, said in place (undo: Ctrl+Z)."""
    from ui.dialogs.import_workbooks import ask_import

    plan = ask_import(parent, session, kind)
    if plan is not None:
        files = plan.applicable
        say(f"Đã nhập {len(files)} tệp, {sum(len(f.changes) for f in files)} thay đổi "
            "(hoàn tác: Ctrl+Z).", "ok")
