"""The rule checker, live: every finding of the year shown, rechecked shortly after any change."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from data.errors import BlocError
from data.meeting_model import Finding
from data.rule_checker import check_year
from ui.models.findings import COL_MESSAGE, COL_SOURCE, OK_COLOUR, FindingsModel, summary
from ui.session import (
    AWARDS,
    BALLOTS,
    CRITERIA,
    MEETING,
    MEMBERS,
    NOMINATIONS,
    PENALTIES,
    RULES,
    SCORES,
    UNITS,
    YEARS,
    Session,
)
from ui.widgets.table_actions import read_only_rows

# Every change the checker's facts depend on.
WATCHED = frozenset({NOMINATIONS, BALLOTS, MEETING, SCORES, PENALTIES, MEMBERS, UNITS, CRITERIA,
                     RULES, AWARDS, YEARS})
DELAY_MS = 150  # a burst of edits (a paste, an undo of many) costs one check


class FindingsPanel(QWidget):
    """Summary line (green or red) over the list of findings; a finding can be activated."""

    findingActivated = Signal(object)  # the Finding

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsPanel")
        self.session = session
        self.checks = 0  # how many times the checker ran (a burst must cost one)
        self._stale = False
        self.title = QLabel(objectName="findingsTitle")
        self.title.setStyleSheet("font-weight:600;")
        self.summary = QLabel(objectName="findingsSummary")
        self.model = FindingsModel()
        self.table = self._make_table()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.table, 1)
        session.changed.connect(self._on_change)
        session.yearChanged.connect(lambda _year: self.schedule())
        self.refresh()

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="findingsTable")
        table.setModel(self.model)
        read_only_rows(table)
        table.setWordWrap(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_SOURCE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_SOURCE, 260)
        header.setHighlightSections(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.activated.connect(self._activated)  # Enter, or a double click
        return table

    def _on_change(self, change: str) -> None:
        if change in WATCHED:
            self.schedule()

    def schedule(self) -> None:
        """Recheck after a short pause (restarted by every further change); while hidden, when
        shown again."""
        if self.isVisible():
            self.timer.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        if self.timer.isActive():  # no check behind the user's back (the file may be closing)
            self.timer.stop()
            self._stale = True
        super().hideEvent(event)

    def refresh(self) -> None:
        """Run the checker on the year shown now."""
        self.timer.stop()
        self._stale = False
        year = self.session.year
        self.checks += 1
        self.title.setText(f"Kiểm tra quy định năm {year}:" if year else "Kiểm tra quy định:")
        try:
            findings = check_year(self.session.db, year, self.session.board()) if year else []
        except BlocError as exc:
            self.model.set_rows([])
            self._show_summary(f"Không kiểm tra được: {exc.message}", "error")
            return
        self.model.set_rows(findings)
        self._show_summary(*summary(findings))

    def _show_summary(self, text: str, kind: str) -> None:
        colour = OK_COLOUR if kind == "ok" else "#c62828"
        self.summary.setText(text)
        self.summary.setProperty("kind", kind)
        self.summary.setStyleSheet(f"color:{colour}; font-weight:600;")

    def findings(self) -> list[Finding]:
        """The findings shown."""
        return self.model.rows()

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.findingActivated.emit(self.model.row_at(index.row()))
