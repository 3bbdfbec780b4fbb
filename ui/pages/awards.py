"""Khen thưởng: the nomination list, the candidate plan, and the rule checker, live."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QHideEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from data import awards, nominations
from data.errors import BlocError
from data.meeting_model import Finding, Nomination
from ui.dialogs.nomination import ask_new_nomination
from ui.edits import nominations as edits
from ui.models.candidate_plan import CandidatePlanModel, PlanTab, build_plan
from ui.models.findings import FIX_PAGES
from ui.models.nominations import (
    COL_UNIT,
    TODO_STYLE,
    NominationRow,
    NominationsModel,
    NominationsView,
    list_status,
    load_rows,
)
from ui.prompts import confirm
from ui.session import Session
from ui.widgets.achievements_editor import AchievementsEditor
from ui.widgets.findings_panel import WATCHED, FindingsPanel
from ui.widgets.message_bar import MessageBar


class AwardsPage(QWidget):
    """The year's nominations (made from the ballot results or by hand), summaries, checks."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._busy = self._pending = False
        self.heading = QLabel(objectName="awardsHeading")
        self.heading.setStyleSheet("font-size:14pt; font-weight:bold;")
        self.message = MessageBar(self, "awardsMessage")
        self.model = NominationsModel()
        self.table = NominationsView(self.model)
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self._guarded(self._show_selected))
        self.table.doubleClicked.connect(lambda _index: self.editor.focus_editor())
        self.editor = AchievementsEditor(session)
        self.status = QLabel(objectName="awardsStatus", wordWrap=True)
        self.plan_model = CandidatePlanModel()
        self.plan_tab = PlanTab(self.plan_model)
        self.findings = FindingsPanel(session)
        self.findings.findingActivated.connect(self._finding_activated)
        act, page, table = self._action, self, self.table
        self.make_action = act("makeFromResults", "Lập từ kết quả bỏ phiếu", "Ctrl+L",
                               self.make_from_results, "Đưa vào danh sách các đơn vị trúng cử ở "
                               "mọi vòng suy tôn đã có kết quả", page)
        self.add_action = act("addNomination", "Thêm đề nghị…", "Ctrl+N", self.add_nomination,
                              "Thêm một đề nghị bằng tay", page)
        self.up_action = act("moveUp", "Lên", "Ctrl+Up", lambda: self.move_selected(-1),
                             "Chuyển lên trong cùng hình thức", table)
        self.down_action = act("moveDown", "Xuống", "Ctrl+Down", lambda: self.move_selected(1),
                               "Chuyển xuống trong cùng hình thức", table)
        self.delete_action = act("deleteNomination", "Xóa…", "Del", self.delete_selected,
                                 "Xóa đề nghị đang chọn khỏi danh sách", table)
        act("editAchievements", "Ghi tóm tắt thành tích", "Return", self.editor.focus_editor,
            "", table).setShortcuts([QKeySequence(k) for k in ("Return", "Enter", "F2")])
        self.tabs = QTabWidget(objectName="awardsTabs")
        self.tabs.addTab(self._list_tab(), "Danh sách đề nghị")
        self.tabs.addTab(self.plan_tab, "Đề xuất theo xếp hạng")
        splitter = QSplitter(Qt.Orientation.Vertical, objectName="awardsSplitter",
                             childrenCollapsible=False)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.findings)
        splitter.setSizes([500, 170])
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.message):
            layout.addWidget(widget)
        layout.addWidget(splitter, 1)
        QWidget.setTabOrder(self.table, self.editor.edit)
        QWidget.setTabOrder(self.editor.edit, self.editor.note)
        QWidget.setTabOrder(self.editor.note, self.editor.save_button)
        self.setFocusProxy(self.table)
        session.changed.connect(self._on_change)
        session.yearChanged.connect(lambda _year: self._year_changed())
        self.reload()

    # --- building ------------------------------------------------------------------------------
    def _action(self, name: str, text: str, key: str, slot: Callable[[], object], tip: str,
                owner: QWidget) -> QAction:
        """An action whose key works in the whole page (owner: the page) or on one widget."""
        action = QAction(text, self, objectName=f"{name}Action", shortcut=QKeySequence(key))
        action.setToolTip(f"{tip} ({action.shortcut().toString()})")
        action.triggered.connect(slot)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut if owner is self
                                  else Qt.ShortcutContext.WidgetShortcut)
        owner.addAction(action)
        return action

    def _list_tab(self) -> QWidget:
        bar = QHBoxLayout()
        for act in (self.make_action, self.add_action, None, self.up_action, self.down_action,
                    self.delete_action):
            if act is None:
                bar.addSpacing(16)
                continue
            button = QToolButton(objectName=act.objectName().replace("Action", "Button"))
            button.setDefaultAction(act)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bar.addWidget(button)
            if act is self.make_action:
                self.make_button = button
        bar.addStretch(1)
        self.list_button = QToolButton(objectName="showSubmissionButton")
        self.list_button.setText("Xem danh sách đề nghị")
        self.list_button.setToolTip("Mở trang Tài liệu: tờ trình và danh sách đề nghị khen "
                                    "thưởng")
        self.list_button.clicked.connect(lambda: self.session.request_document("submission"))
        bar.addWidget(self.list_button)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.table, 1)
        column.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Horizontal, childrenCollapsible=False)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([800, 260])
        return splitter

    # --- showing -------------------------------------------------------------------------------
    def _guarded(self, step: Callable[[], None]) -> None:
        """Run a step during which change signals only mark the page for one later reload."""
        nested, self._busy = self._busy, True
        try:
            step()
        finally:
            self._busy = nested
        if not nested and self._pending:
            self._pending = False
            self.reload()

    def _on_change(self, change: str) -> None:
        if change not in WATCHED:
            return
        if self._busy:
            self._pending = True
        else:
            self.reload()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        """Leaving the page saves what was typed in the editor."""
        self.editor.commit()
        super().hideEvent(event)

    def _year_changed(self) -> None:
        self.message.clear_message()
        self.reload()

    def reload(self) -> None:
        """Show the year's nominations, plan and status again, keeping the selection."""
        self._guarded(self._reload)

    def _reload(self) -> None:
        year, db = self.session.year, self.session.db
        current = self.selected()
        board = self.session.board() if year else None
        rows = load_rows(db, year, board) if board is not None else []
        self.model.set_rows(rows)
        self._select(current.nomination.id if current else None)
        if self.selected() is None and rows:
            self._select(rows[0].nomination.id)
        self._show_selected()
        listed = {(r.nomination.unit_id, r.form.id) for r in rows}
        if board is not None:
            self.plan_model.set_plan(build_plan(db, year, board), listed)
        self.heading.setText(f"Khen thưởng năm {year}" if year else "Khen thưởng")
        self.tabs.setTabText(0, f"Danh sách đề nghị ({len(rows)})")
        quotas = {q.award_form_id: q.count for q in awards.quotas(db, year)} if year else {}
        waiting = len(nominations.awaiting_rounds(db, year)) if year else 0
        text, todo = list_status(rows, quotas, waiting)
        self.status.setText(text)
        self.status.setStyleSheet(TODO_STYLE if todo else "")
        self.make_button.setStyleSheet("font-weight:bold;" if waiting else "")
        self._update_actions()

    def _update_actions(self) -> None:
        year, row = bool(self.session.year), self.table.currentIndex().row()
        self.make_action.setEnabled(year)
        self.add_action.setEnabled(year)
        self.delete_action.setEnabled(row >= 0)
        self.up_action.setEnabled(self._neighbour(row, -1) is not None)
        self.down_action.setEnabled(self._neighbour(row, 1) is not None)

    def selected(self) -> NominationRow | None:
        """The nomination under the list's cursor, if any."""
        row = self.table.currentIndex().row()
        return self.model.row_at(row) if 0 <= row < self.model.rowCount() else None

    def _select(self, nomination_id: int | None) -> None:
        row = self.model.row_of(nomination_id) if nomination_id is not None else -1
        if row < 0:
            self.table.selectionModel().clear()
            return
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect |
                 QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().setCurrentIndex(self.model.index(row, COL_UNIT), flags)
        self.table.scrollTo(self.model.index(row, 0))

    def select_nomination(self, nomination_id: int) -> None:
        """Select a nomination and show it in the editor."""
        self._guarded(lambda: self._select(nomination_id))

    def _show_selected(self) -> None:
        row = self.selected()
        if row is None:
            self.editor.set_nomination(None)
        else:
            self.editor.set_nomination(row.nomination, f"{row.unit_name} · {row.form.name}",
                                       row.facts)
        self._update_actions()

    def _neighbour(self, row: int, step: int) -> NominationRow | None:
        """The next row up or down with the same award form (moves stay within a form)."""
        other = row + step
        if row < 0 or not 0 <= other < self.model.rowCount():
            return None
        here, there = self.model.row_at(row), self.model.row_at(other)
        return there if there.form.id == here.form.id else None

    def _finding_activated(self, finding: Finding) -> None:
        """Go to the nomination a finding is about, or say which page fixes it."""
        if finding.rule in FIX_PAGES:
            self.message.show_message(f"Điều này sửa ở trang “{FIX_PAGES[finding.rule]}”.", "info")
            return
        rows = [r for r in self.model.rows() if r.nomination.unit_id == finding.unit_id]
        rows.sort(key=lambda r: r.nomination.round_id != finding.round_id)
        if rows:
            self.tabs.setCurrentIndex(0)
            self.select_nomination(rows[0].nomination.id)
            self.table.setFocus()

    # --- editing -------------------------------------------------------------------------------
    def _run(self, edit: Callable[[], object]) -> bool:
        try:
            edit()
        except BlocError as exc:
            self.message.show_message(exc.message)
            return False
        return True

    def make_from_results(self) -> None:
        """Nominate the units elected in every counted round not on the list yet."""
        done: list[tuple[list[Nomination], list[str]]] = []
        year = self.session.year
        if not self._run(lambda: done.append(edits.nominate_from_results(self.session, year))):
            return
        made, skipped = done[0]
        text = f"Đã lập {len(made)} đề nghị từ kết quả bỏ phiếu (hoàn tác: Ctrl+Z)."
        if skipped:
            text += " Không đưa vào danh sách: " + "; ".join(skipped) + "."
        self.message.show_message(text, "error" if skipped else "ok")
        self.table.setFocus()

    def add_nomination(self) -> None:
        """Put a unit on the list by hand (dialog)."""
        added = ask_new_nomination(self, self.session, self.session.year)
        if added is not None:
            self.select_nomination(added.id)
            self.message.show_message("Đã thêm đề nghị (hoàn tác: Ctrl+Z).", "ok")
            self.table.setFocus()

    def move_selected(self, step: int) -> None:
        """Move the selected nomination up or down within its award form."""
        row = self.table.currentIndex().row()
        other = self._neighbour(row, step)
        if other is not None:
            moving = self.model.row_at(row).nomination.id
            self._run(lambda: edits.move_nomination(self.session, moving, other.nomination.id))
            self.select_nomination(moving)

    def delete_selected(self) -> None:
        """After confirmation, take the selected nomination off the list."""
        row = self.selected()
        if row is None or not confirm(
                self, "Xóa đề nghị khen thưởng", f"Xóa đề nghị “{row.form.name}” của "
                f"“{row.unit_name}” khỏi danh sách?\n\nTóm tắt thành tích đã ghi cũng bị xóa. "
                "Có thể hoàn tác (Ctrl+Z).", "Xóa"):
            return
        if self._run(lambda: edits.delete_nomination(self.session, row.nomination.id)):
            self.message.show_message(f"Đã xóa đề nghị của “{row.unit_name}” (hoàn tác: "
                                      "Ctrl+Z).", "ok")
