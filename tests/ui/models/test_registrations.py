"""ui/models/registrations.py: every member unit with its registration, or “Chưa đăng ký”."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from data import pledges, units
from data.model import Registration
from tests.ui.helpers import column_texts
from ui.models.registrations import (
    COL_DATE,
    COL_FORM,
    COL_NUMBER,
    COL_TARGETS,
    COL_TITLE,
    COL_UNIT,
    RegistrationsModel,
    first_line,
    load_rows,
    shown_date,
)
from ui.session import Session

UNITS_2019 = ["Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh", "Cục Thi hành án dân sự tỉnh",
              "Sở Nội vụ", "Sở Tư pháp", "Thanh tra tỉnh", "Tòa án nhân dân tỉnh",
              "Viện Kiểm sát nhân dân tỉnh"]


def test_model_passes_the_model_tester(session: Session, qtmodeltester: Any) -> None:
    qtmodeltester.check(RegistrationsModel(load_rows(session.db, 2019)))
    qtmodeltester.check(RegistrationsModel(load_rows(session.db, 2020)))


def test_2019_every_unit_registered(session: Session) -> None:
    model = RegistrationsModel(load_rows(session.db, 2019))
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "STT", "Đơn vị", "Hình thức khen thưởng đăng ký", "Danh hiệu phấn đấu",
        "Chỉ tiêu đăng ký", "Ngày đăng ký"]
    assert column_texts(model, COL_NUMBER) == [str(n) for n in range(1, 9)]
    assert column_texts(model, COL_UNIT) == UNITS_2019
    assert model.summary() == "8/8 đơn vị đã đăng ký"
    police = model.row_of_unit(units.find_unit(session.db, "Công an tỉnh").id)  # type: ignore[union-attr]
    cell = model.index(police, COL_TARGETS)
    assert model.data(model.index(police, COL_FORM)) == "Cờ thi đua của Ủy ban nhân dân tỉnh"
    assert model.data(model.index(police, COL_TITLE)) == "Tập thể Lao động xuất sắc"
    assert model.data(cell) == "Kéo giảm 5 % số vụ phạm pháp hình sự. …"
    tooltip = model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert tooltip.splitlines()[0] == "Kéo giảm 5 % số vụ phạm pháp hình sự."
    assert len(tooltip.splitlines()) > 1
    assert model.data(model.index(police, COL_DATE)) == "8/1/2019"
    assert model.data(model.index(police, COL_FORM), Qt.ItemDataRole.ForegroundRole) is None


def test_2020_unregistered_units_are_greyed(session: Session) -> None:
    model = RegistrationsModel(load_rows(session.db, 2020))
    assert model.summary() == "5/8 đơn vị đã đăng ký"
    army = model.row_of_unit(units.find_unit(session.db, "Bộ Chỉ huy Quân sự tỉnh").id)  # type: ignore[union-attr]
    assert [model.data(model.index(army, c)) for c in range(6)] == [
        "1", "Bộ Chỉ huy Quân sự tỉnh", "Chưa đăng ký", "", "", ""]
    brush = model.data(model.index(army, COL_FORM), Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color().name() == "#8a8a8a"
    assert model.data(model.index(army, COL_FORM), Qt.ItemDataRole.FontRole).italic()
    assert "chưa đăng ký" in model.data(model.index(army, COL_UNIT), Qt.ItemDataRole.ToolTipRole)
    registered = [t for t in column_texts(model, COL_FORM) if t != "Chưa đăng ký"]
    assert len(registered) == 5
    assert column_texts(model, COL_DATE).count("10/1/2020") == 5


def test_an_empty_year_and_small_helpers(empty_bloc: Any) -> None:
    model = RegistrationsModel(load_rows(empty_bloc, 2025))
    assert model.rowCount() == 0 and model.summary() == "0/0 đơn vị đã đăng ký"
    assert model.row_of_unit(1) == -1
    assert first_line("Một.\nHai.") == "Một. …"
    assert first_line("Một.") == "Một."
    assert first_line("") == ""
    assert shown_date("2019-02-05") == "5/2/2019"
    assert shown_date("") == ""


def test_registered_without_a_form_says_not_chosen(session: Session) -> None:
    police = units.find_unit(session.db, "Công an tỉnh").id  # type: ignore[union-attr]
    pledges.save_registration(session.db, Registration(2019, police, None, "Tập thể Lao động "
                                                       "tiên tiến", "", ""))
    model = RegistrationsModel(load_rows(session.db, 2019))
    row = model.row_of_unit(police)
    assert [model.data(model.index(row, c)) for c in range(6)] == [
        "2", "Công an tỉnh", "(chưa chọn)", "Tập thể Lao động tiên tiến", "", ""]
    brush = model.data(model.index(row, COL_FORM), Qt.ItemDataRole.ForegroundRole)
    assert brush.color().name() == "#8a8a8a"
    assert model.data(model.index(row, COL_TITLE), Qt.ItemDataRole.ForegroundRole) is None
    assert model.summary() == "8/8 đơn vị đã đăng ký"
