"""ui/dialogs/registration.py: the registration dialog and the date field, on their own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from data import awards, pledges, units
from data.model import Registration
from tests.ui.helpers import type_text
from ui.dialogs.registration import COMMON_TITLES, RegistrationDialog
from ui.session import Session


def police(session: Session) -> int:
    unit = units.find_unit(session.db, "Công an tỉnh")
    assert unit is not None
    return unit.id


def save_button(dialog: RegistrationDialog) -> object:
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)


def test_prefilled_with_the_registration(session: Session, qtbot: QtBot) -> None:
    current = pledges.registrations(session.db, 2019)[police(session)]
    dialog = RegistrationDialog("Công an tỉnh", current, awards.award_forms(session.db), True)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Đăng ký thi đua năm 2019"
    assert dialog.form.currentText() == "Cờ thi đua của Ủy ban nhân dân tỉnh"
    assert dialog.form.itemText(0) == "(chưa chọn)"
    assert dialog.title.currentText() == "Tập thể Lao động xuất sắc"
    assert [dialog.title.itemText(i) for i in range(dialog.title.count())] == list(COMMON_TITLES)
    assert dialog.targets.toPlainText() == current.targets
    assert dialog.date.text() == "8/1/2019"
    assert not dialog.withdraw_button.isHidden()
    assert dialog.registration() == Registration(
        2019, current.unit_id, current.award_form_id, current.title_aimed, current.targets,
        "8/1/2019")


def test_typed_registration_is_returned(session: Session, qtbot: QtBot) -> None:
    forms = awards.award_forms(session.db)
    dialog = RegistrationDialog("Công an tỉnh", Registration(2020, police(session)), forms, False)
    qtbot.addWidget(dialog)
    assert dialog.withdraw_button.isHidden()
    assert dialog.form.currentData() is None and dialog.date.text() == ""
    dialog.form.setCurrentIndex(dialog.form.findText("Bằng khen của Thủ tướng Chính phủ"))
    type_text(qtbot, dialog.title.lineEdit(), "Tập thể Lao động tiên tiến")
    type_text(qtbot, dialog.targets, "Kéo giảm 6 % số vụ phạm pháp hình sự.")
    qtbot.keyClick(dialog.targets, Qt.Key.Key_Return)
    type_text(qtbot, dialog.targets, "Không để xảy ra điểm nóng.")
    type_text(qtbot, dialog.date.edit, "9/1/2020")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted.value
    assert dialog.registration() == Registration(
        2020, police(session), awards.form_by_code(session.db, "BK_TTG").id,
        "Tập thể Lao động tiên tiến",
        "Kéo giảm 6 % số vụ phạm pháp hình sự.\nKhông để xảy ra điểm nóng.", "9/1/2020")


def test_bad_date_keeps_the_dialog_open_with_the_reason(session: Session, qtbot: QtBot) -> None:
    draft = Registration(2020, police(session), None, "Tập thể Lao động xuất sắc", "Một.", "")
    dialog = RegistrationDialog("Công an tỉnh", draft, awards.award_forms(session.db), False)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.date.edit, "32/1/2020")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == 0
    assert dialog.message.text() == "“32/1/2020” không phải là ngày hợp lệ (ví dụ đúng: 14/6/2025)."
    assert not dialog.message.isHidden()
    assert (dialog.date.text(), dialog.targets.toPlainText()) == ("32/1/2020", "Một.")


def test_reopened_after_a_refusal_shows_what_was_typed(session: Session, qtbot: QtBot) -> None:
    draft = Registration(2020, police(session), None, "Danh hiệu gõ tay", "Một.", "9/1/2020")
    dialog = RegistrationDialog("Công an tỉnh", draft, awards.award_forms(session.db), False,
                                error="Không lưu được.")
    qtbot.addWidget(dialog)
    assert dialog.message.text() == "Không lưu được."
    assert (dialog.title.currentText(), dialog.date.text()) == ("Danh hiệu gõ tay", "9/1/2020")


def test_withdraw_button_closes_with_withdraw(session: Session, qtbot: QtBot) -> None:
    current = pledges.registrations(session.db, 2019)[police(session)]
    dialog = RegistrationDialog("Công an tỉnh", current, awards.award_forms(session.db), True)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    assert dialog.withdrawn()


def test_an_inactive_form_is_offered_only_when_already_chosen(session: Session,
                                                              qtbot: QtBot) -> None:
    forms = awards.award_forms(session.db)
    old = forms[0].__class__(99, "CU", "Hình thức cũ", active=False)
    dialog = RegistrationDialog("Công an tỉnh", Registration(2019, 1, 99), [*forms, old], True)
    other = RegistrationDialog("Công an tỉnh", Registration(2019, 1), [*forms, old], True)
    qtbot.addWidget(dialog)
    qtbot.addWidget(other)
    assert dialog.form.currentText() == "Hình thức cũ"
    assert other.form.findText("Hình thức cũ") == -1
