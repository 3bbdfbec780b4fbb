"""ui/widgets/bloc_form.py: the fields shown, read back normalised, every one explained."""

from __future__ import annotations

import unicodedata

from pytestqt.qtbot import QtBot

from data.documents.profiles import profile_choices
from data.model import BlocProfile
from tests.ui.helpers import type_text
from ui.widgets.bloc_form import BlocForm

BLOC = BlocProfile(name="Khối thi đua các Sở", council="Hội đồng TĐKT tỉnh", place="Hà Nội",
                   profile="party", superior="UBND tỉnh", code="KSở")


def form_with(qtbot: QtBot, bloc: BlocProfile | None = None) -> BlocForm:
    form = BlocForm()
    qtbot.addWidget(form)
    if bloc is not None:
        form.set_values(bloc)
    return form


def test_profiles_offered_default_first(qtbot: QtBot) -> None:
    form = form_with(qtbot)
    combo = form.profile
    shown = [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]
    assert shown == profile_choices() and shown[0][0] == "state"
    assert form.values().profile == "state"


def test_every_field_has_an_example_and_says_where_it_is_printed(qtbot: QtBot) -> None:
    form = form_with(qtbot)
    for edit in (form.name, form.council, form.superior, form.place, form.code):
        assert "ví dụ" in edit.placeholderText().lower(), edit.objectName()
        assert edit.toolTip().startswith(("In ", "Nơi ")), edit.objectName()
    assert "văn bản" in form.profile.toolTip()


def test_values_round_trip_and_are_normalised(qtbot: QtBot) -> None:
    form = form_with(qtbot, BLOC)
    assert form.values() == BLOC
    form.place.clear()
    type_text(qtbot, form.place, unicodedata.normalize("NFD", "  Bắc   Ninh "))
    assert form.values().place == "Bắc Ninh"


def test_missing_page_profile_is_shown_not_replaced(qtbot: QtBot) -> None:
    form = form_with(qtbot, BlocProfile(name="Khối", council="", place="", profile="cũ"))
    assert form.profile.currentText() == "cũ (không tìm thấy tệp thể thức)"
    assert form.values().profile == "cũ"
