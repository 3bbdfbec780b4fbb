"""ui/spreadsheets.py: workbooks from the window, written where the user says, off the main
thread; the pages' Excel menus reach them."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from data.documents import register
from tests.ui.helpers import shown
from ui import spreadsheets
from ui.session import Session


@pytest.fixture
def said() -> list[tuple[str, str]]:
    return []


def test_the_council_workbook(qtbot: QtBot, session: Session, tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch,
                              said: list[tuple[str, str]]) -> None:
    target = tmp_path / "hoi-dong.xlsx"
    monkeypatch.setattr(spreadsheets, "ask_save", lambda *_a: target)
    host = shown(qtbot, spreadsheets.QWidget())
    spreadsheets.export_council(host, session, lambda text, kind: said.append((text, kind)))
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert said == [(f"Đã lưu “hoi-dong.xlsx” vào thư mục “{tmp_path}”.", "ok")]
    book = load_workbook(target)
    assert book.sheetnames == ["Tổng hợp điểm", "Chi tiết điểm", "Danh sách đề nghị",
                               "Kết quả bỏ phiếu"]
    assert register.register(session.db) == []


def test_a_year_without_scores_is_refused_in_place(qtbot: QtBot, session: Session,
                                                   said: list[tuple[str, str]]) -> None:
    session.set_year(2020)
    host = shown(qtbot, spreadsheets.QWidget())
    spreadsheets.export_council(host, session, lambda text, kind: said.append((text, kind)))
    ((text, kind),) = said
    assert kind == "error" and "năm 2020" in text


def test_self_scoring_workbooks_for_every_unit(qtbot: QtBot, session: Session, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               said: list[tuple[str, str]]) -> None:
    monkeypatch.setattr(spreadsheets, "ask_folder", lambda *_a: tmp_path)
    host = shown(qtbot, spreadsheets.QWidget())
    spreadsheets.export_self_scores(host, session, lambda text, kind: said.append((text, kind)))
    qtbot.waitUntil(lambda: bool(said), timeout=20_000)
    names = sorted(p.name for p in tmp_path.glob("*.xlsx"))
    assert len(names) == 8 and "Tự chấm 2019 - Công an tỉnh.xlsx" in names
    assert said[0][0].startswith("Đã lưu 8 phiếu tự chấm vào thư mục")


@pytest.mark.parametrize(("kind", "header"), [("units", "Tên đơn vị (*)"),
                                              ("criteria", "Nội dung (*)")])
def test_templates(qtbot: QtBot, session: Session, tmp_path: Path,
                   monkeypatch: pytest.MonkeyPatch, said: list[tuple[str, str]], kind: str,
                   header: str) -> None:
    target = tmp_path / f"{kind}.xlsx"
    monkeypatch.setattr(spreadsheets, "ask_save", lambda *_a: target)
    host = shown(qtbot, spreadsheets.QWidget())
    spreadsheets.save_template(host, session, kind, lambda text, k: said.append((text, k)))
    assert said[0][1] == "ok"
    values = [c.value for row in load_workbook(target).worksheets[0].iter_rows() for c in row]
    assert header in values


def test_the_pages_offer_their_workbooks(qtbot: QtBot, session: Session) -> None:
    from ui.pages.criteria import CriteriaPage
    from ui.pages.documents import DocumentsPage
    from ui.pages.scoring import ScoringPage
    from ui.pages.units import UnitsPage

    expected = {UnitsPage: ["importUnitsAction", "unitsTemplateAction"],
                CriteriaPage: ["importCriteriaAction", "criteriaTemplateAction"],
                ScoringPage: ["exportSelfScoreAction", "importSelfScoreAction"]}
    for page_type, names in expected.items():
        page = shown(qtbot, page_type(session))
        menu = page.excel.menu()  # type: ignore[attr-defined]
        assert [a.objectName() for a in menu.actions()] == names
    documents = shown(qtbot, DocumentsPage(session))
    assert documents.council_action.shortcut().toString() == "Ctrl+E"
