"""“Giao ước & đăng ký”: the year's pledge (header, key contents) and each unit's registration,
in two panels that each reload on the changes they show."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from ui.session import Session
from ui.widgets.pledge_panel import PledgePanel
from ui.widgets.registrations_panel import RegistrationsPanel


class PledgePage(QWidget):
    """The pledge of the shown year on top, the member units' registrations below."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.pledge = PledgePanel(session)
        self.registrations = RegistrationsPanel(session)
        splitter = QSplitter(Qt.Orientation.Vertical, objectName="pledgeSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.pledge)
        splitter.addWidget(self.registrations)
        splitter.setSizes([430, 330])
        QVBoxLayout(self).addWidget(splitter)
        self.setStyleSheet("QGroupBox { font-weight: bold; }")
