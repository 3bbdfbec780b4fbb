"""The two questions every page asks the same way: confirm a destructive step, run a dialog.
Modules import these names, so a test replaces them per module (monkeypatch module.confirm)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


def confirm(parent: QWidget | None, title: str, text: str, action: str = "Đồng ý") -> bool:
    """Ask before a destructive step; the safe answer “Không” is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.button(QMessageBox.StandardButton.Yes).setText(action)
    box.button(QMessageBox.StandardButton.No).setText("Không")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def run_dialog(dialog: QDialog) -> bool:
    """Show a dialog modally; True when accepted."""
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return accepted
