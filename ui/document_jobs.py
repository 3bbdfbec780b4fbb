"""What the Tài liệu page does with a document: render it off the main thread, number it,
print it, save it as PDF or Word, save the whole year's set with progress."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMessageBox

from data.documents.catalog import Made, make
from data.documents.content import Document
from data.documents.profiles import load_profile
from data.errors import BlocError
from printing.output import document_file_name, save_bytes
from ui import document_output as output
from ui.dialogs.issue_document import ask_issue
from ui.edits import documents as edits
from ui.models.documents import DocumentRow
from ui.tasks import Progress, TaskRunner

if TYPE_CHECKING:
    from ui.pages.documents import DocumentsPage

ISSUE, DRAFT, FINAL = "issue", "draft", "final"


def render_bytes(document: Document, suffix: str) -> bytes:
    """The document as a PDF or a Word file (plain data in, bytes out: safe off the main thread)."""
    profile = load_profile(document.profile_id)
    if suffix == ".docx":
        from printing.docx import render_docx

        return render_docx(document, profile)
    from printing.pdf import render

    return render(document, profile).pdf


def ask_numbering(parent: Any, row: DocumentRow, what: str) -> str | None:
    """For a numbered document not issued yet: number it first, or a draft; None: cancel."""
    if not row.numbered or row.issued is not None:
        return FINAL
    box = QMessageBox(QMessageBox.Icon.Question, "Văn bản chưa cấp số",
                      f"“{row.kind.label}” chưa được cấp số. Cấp số rồi {what}, hay {what} bản "
                      "nháp (không số)?", QMessageBox.StandardButton.Cancel, parent)
    issue = box.addButton("Cấp số…", QMessageBox.ButtonRole.AcceptRole)
    draft = box.addButton("Bản nháp", QMessageBox.ButtonRole.ActionRole)
    box.button(QMessageBox.StandardButton.Cancel).setText("Hủy")
    box.setDefaultButton(issue)
    box.exec()
    return {id(issue): ISSUE, id(draft): DRAFT}.get(id(box.clickedButton()))


class DocumentJobs:
    """The page's ways out for its chosen document, and the one task runner they use."""

    def __init__(self, page: DocumentsPage) -> None:
        self.page = page
        self.tasks = TaskRunner(page)
        self.last_folder: Path | None = None

    @property
    def session(self) -> Any:
        return self.page.session

    def _say(self, text: str, kind: str = "ok") -> None:
        self.page.message.show_message(text, kind)

    def _failed(self, exc: BaseException, _details: str) -> None:
        self._say(exc.message if isinstance(exc, BlocError) else f"Không lập được văn bản: {exc}",
                  "error")

    def render(self, document: Document, suffix: str, then: Callable[[bytes], None], *,
               label: str = "Đang lập văn bản…") -> None:
        """Render off the main thread; `then(bytes)` runs on the main thread."""
        self.tasks.run(label, lambda _progress: render_bytes(document, suffix), then,
                       self._failed, quiet=not label)

    def _issue(self, row: DocumentRow) -> bool:
        confirmed, day = ask_issue(self.page, self.session.db, self.session.year, row.kind.key)
        if not confirmed:
            return False
        try:
            issued = edits.issue(self.session, self.session.year, row.kind.key, day)
        except BlocError as exc:
            self._say(exc.message, "error")
            return False
        self._say(f"Đã cấp {issued.number_text} (hoàn tác: Ctrl+Z).")
        self.page.reload()
        return True

    def _made(self, row: DocumentRow, choice: str) -> Made | None:
        if choice == ISSUE and not self._issue(row):
            return None
        try:
            return make(self.session.db, self.session.year, row.kind.key, draft=choice == DRAFT)
        except BlocError as exc:
            self._say(exc.message, "error")
            return None

    # --- printing ------------------------------------------------------------------------------
    def print_final(self) -> None:
        """Number the document if it has no number yet, then print it."""
        self._print(draft=False)

    def print_draft(self) -> None:
        """Print the document unnumbered, marked as a draft."""
        self._print(draft=True)

    def _print(self, draft: bool) -> None:
        row = self.page.selected()
        if row is None or not row.ready:
            return
        choice = DRAFT if draft else (ISSUE if row.numbered and row.issued is None else FINAL)
        made = self._made(row, choice)
        if made is None:
            return
        title = made.document.title

        def send(data: bytes) -> None:
            try:
                pages = output.ask_print(self.page, data, title)
            except BlocError as exc:
                self._say(exc.message, "error")
                return
            if pages is not None:
                self._say(f"Đã gửi {pages} trang “{title}” tới máy in.")

        self.render(made.document, ".pdf", send)

    # --- saving --------------------------------------------------------------------------------
    def _start_folder(self) -> Path:
        if self.last_folder is not None:
            return self.last_folder
        path = self.session.path
        return path.parent if path is not None else Path.home()

    def save(self, suffix: str) -> None:
        """Save the chosen document as a PDF or Word file (asking to number it first)."""
        row = self.page.selected()
        if row is None or not row.ready:
            return
        choice = ask_numbering(self.page, row, "lưu")
        made = self._made(row, choice) if choice else None
        if made is None:
            return
        document = made.document
        name = document_file_name(document.title, document.number, document.draft, suffix)
        path = output.ask_save_path(self.page, self._start_folder() / name)
        if path is None:
            return

        def write(data: bytes) -> None:
            try:
                save_bytes(path, data)
            except BlocError as exc:
                self._say(exc.message, "error")
                return
            self.last_folder = path.parent
            self.page.folder_action.setEnabled(True)
            self._say(f"Đã lưu “{path.name}” vào thư mục “{path.parent}”.")

        self.render(document, suffix, write)

    def save_all(self) -> None:
        """Save every document whose data is complete into one folder, with progress."""
        rows = [r for r in self.page.model.rows() if r.ready]
        folder = output.ask_folder(self.page, self._start_folder())
        if folder is None or not rows:
            return
        waiting = [r for r in rows if r.numbered and r.issued is None]
        choice = FINAL
        if waiting:
            choice = ask_numbering(self.page, waiting[0], "lưu cả bộ") or ""
            if not choice:
                return
        if choice == ISSUE:
            stack = self.session.undo_stack
            stack.beginMacro(f"Cấp số cả bộ văn bản năm {self.session.year}")
            try:
                for row in waiting:
                    edits.issue(self.session, self.session.year, row.kind.key)
            except BlocError as exc:
                self._say(exc.message, "error")
                return
            finally:
                stack.endMacro()
        made = [make(self.session.db, self.session.year, r.kind.key,
                     draft=choice == DRAFT and r.numbered and r.issued is None) for r in rows]
        documents = [m.document for m in made]

        def work(progress: Progress) -> list[bytes]:
            found = []
            for i, document in enumerate(documents):
                progress(i, len(documents))
                found.append(render_bytes(document, ".pdf"))
            return found

        def write(datas: list[bytes]) -> None:
            try:
                for document, data in zip(documents, datas, strict=True):
                    save_bytes(folder / document_file_name(document.title, document.number,
                                                           document.draft), data)
            except BlocError as exc:
                self._say(exc.message, "error")
                return
            self.last_folder = folder
            self.page.reload()
            skipped = len(self.page.model.rows()) - len(documents)
            self._say(f"Đã lưu {len(documents)} văn bản vào “{folder}”"
                      + (f"; {skipped} văn bản chưa đủ dữ liệu." if skipped else "."))

        self.tasks.run("Đang lập cả bộ văn bản…", work, write, self._failed)

    def open_folder(self) -> None:
        """Show the folder last saved to."""
        if self.last_folder is not None:
            output.open_folder(self.last_folder)
