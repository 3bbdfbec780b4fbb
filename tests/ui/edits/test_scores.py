"""ui/edits/scores.py: score cells, notes and penalties, undoable, with the board kept current."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from data import scores, units
from data.criteria import get_criterion, update_criterion
from data.errors import InputError
from data.model import Layer
from data.penalty_catalogue import penalty_types
from ui.edits.scores import CellText, ScoreEditor, problems_message
from ui.session import CRITERIA, Session

V, S = Layer.VERIFIED, Layer.SELF


def unit_id(session: Session, name: str) -> int:
    unit = units.find_unit(session.db, name)
    assert unit is not None
    return unit.id


def item_id(session: Session, code: str) -> int:
    return next(n.id for n in session.board().table.in_order if n.code == code)


@pytest.fixture
def editor(session: Session) -> ScoreEditor:
    return ScoreEditor(session)


def test_a_typed_cell_is_saved_undone_and_redone(qtbot: QtBot, session: Session,
                                                 editor: ScoreEditor) -> None:
    court, item = unit_id(session, "Tòa án nhân dân tỉnh"), item_id(session, "1b")
    before = scores.get_score(session.db, court, item, V)
    total_before = session.board().result(court).final_total
    cell = CellText((court, item, V), "b", "Tòa án nhân dân tỉnh · 1b")
    with qtbot.waitSignal(editor.cellsChanged) as signal:
        assert editor.apply_texts(2019, [cell], "Chấm 1b") == []
    assert signal.args == [2019, [(court, item, V)]]
    stored = scores.get_score(session.db, court, item, V)
    assert stored is not None and (stored.grade, stored.points) == ("B", 8.0)
    assert session.board().score(court, item, V) == stored
    assert session.board().result(court).final_total == total_before - 2
    assert session.undo_stack.undoText() == "Chấm 1b"
    session.undo_stack.undo()
    assert scores.get_score(session.db, court, item, V) == before
    assert session.board().score(court, item, V) == before
    assert session.board().result(court).final_total == total_before
    session.undo_stack.redo()
    assert scores.get_score(session.db, court, item, V) == stored


def test_one_refused_cell_refuses_the_whole_batch(session: Session, editor: ScoreEditor) -> None:
    court, justice = unit_id(session, "Tòa án nhân dân tỉnh"), unit_id(session, "Sở Tư pháp")
    item, quantity = item_id(session, "1b"), item_id(session, "1a")
    before = scores.scores(session.db, 2019)
    problems = editor.apply_texts(2019, [
        CellText((court, item, V), "C", "Tòa án nhân dân tỉnh · 1b"),
        CellText((justice, item, V), "12", "Sở Tư pháp · 1b"),
        CellText((justice, quantity, V), "A", "Sở Tư pháp · 1a"),
    ], "Dán 3 ô điểm")
    assert problems == [
        "Sở Tư pháp · 1b: Điểm 12 vượt điểm tối đa 10 của nội dung “1b”.",
        "Sở Tư pháp · 1a: Điểm: “A” không phải là số.",
    ]
    assert scores.scores(session.db, 2019) == before
    assert session.undo_stack.count() == 0


def test_clearing_keeps_the_old_score_for_undo(session: Session, editor: ScoreEditor) -> None:
    justice, item = unit_id(session, "Sở Tư pháp"), item_id(session, "1b")
    noted = scores.set_note(session.db, justice, item, V, "Công văn 15/STP")
    session.board().set_score(noted)
    assert editor.apply_texts(2019, [CellText((justice, item, V), " ", "x")], "Xóa") == []
    assert scores.get_score(session.db, justice, item, V) is None
    assert session.board().result(justice).items[1].fell_back
    session.undo_stack.undo()
    assert scores.get_score(session.db, justice, item, V) == noted
    # A new score keeps the cell's note.
    editor.apply_texts(2019, [CellText((justice, item, V), "a", "x")], "Chấm")
    again = scores.get_score(session.db, justice, item, V)
    assert again is not None and (again.grade, again.note) == ("A", "Công văn 15/STP")
    # Emptying an empty cell is no edit at all.
    council = item_id(session, "8")
    count = session.undo_stack.count()
    assert editor.apply_texts(2019, [CellText((justice, council, V), "", "x")], "Xóa") == []
    assert session.undo_stack.count() == count


def test_notes(qtbot: QtBot, session: Session, editor: ScoreEditor) -> None:
    justice, item = unit_id(session, "Sở Tư pháp"), item_id(session, "1b")
    with qtbot.waitSignal(editor.cellsChanged):
        assert editor.set_note(2019, (justice, item, V), "Biên bản thẩm định số 3")
    stored = scores.get_score(session.db, justice, item, V)
    assert stored is not None and stored.note == "Biên bản thẩm định số 3"
    assert session.board().score(justice, item, V) == stored
    assert not editor.set_note(2019, (justice, item, V), "Biên bản thẩm định số 3")
    session.undo_stack.undo()
    restored = scores.get_score(session.db, justice, item, V)
    assert restored is not None and restored.note == ""
    empty = item_id(session, "8")
    with pytest.raises(InputError, match="Ô này chưa có điểm"):
        editor.set_note(2019, (justice, empty, V), "Không có điểm")


def test_penalties_added_removed_and_undone(session: Session, editor: ScoreEditor) -> None:
    court = unit_id(session, "Tòa án nhân dân tỉnh")
    total = session.board().result(court).final_total
    late = next(p for p in penalty_types(session.db, 2019) if p.code == "B2")
    added = editor.add_penalty(2019, court, "Thêm điểm trừ", type_id=late.id, count=1)
    assert scores.penalties(session.db, 2019, court) == [added]
    assert session.board().result(court).final_total == total - 10
    session.undo_stack.undo()
    assert scores.penalties(session.db, 2019, court) == []
    assert session.board().result(court).final_total == total
    session.undo_stack.redo()
    assert scores.penalties(session.db, 2019, court) == [added]  # the same row, id included
    editor.delete_penalty(added)
    assert scores.penalties(session.db, 2019, court) == []
    assert session.board().result(court).final_total == total
    session.undo_stack.undo()
    assert scores.penalties(session.db, 2019, court) == [added]
    assert session.board().result(court).final_total == total - 10
    with pytest.raises(InputError, match="Hãy ghi nội dung lỗi bị trừ điểm"):
        editor.add_penalty(2019, court, "Thêm", title=" ", points=2)


def test_an_edit_of_another_year_leaves_the_board_alone(session: Session,
                                                        editor: ScoreEditor) -> None:
    board = session.board()
    justice = unit_id(session, "Sở Tư pháp")
    item_2020 = next(n.id for n in scores.load_board(session.db, 2020).table.leaves
                     if n.code == "1b")
    assert editor.apply_texts(2020, [CellText((justice, item_2020, S), "A", "x")], "Chấm") == []
    assert scores.get_score(session.db, justice, item_2020, S) is not None
    assert session.board() is board
    assert board.results() == scores.load_board(session.db, 2019).results()


def test_problems_message() -> None:
    assert problems_message(["a: lý do"]) == "a: lý do"
    many = problems_message([f"ô {i}: sai" for i in range(10)], shown=3)
    assert many.splitlines() == ["Không nhập được 10 ô — chưa lưu ô nào:", "• ô 0: sai",
                                 "• ô 1: sai", "• ô 2: sai",
                                 "… và 7 ô khác (đưa chuột vào đây để xem hết)."]


def test_a_score_the_table_no_longer_accepts_reloads_the_board(
    qtbot: QtBot, session: Session, editor: ScoreEditor
) -> None:
    head, bonus = unit_id(session, "Cục Thi hành án dân sự tỉnh"), item_id(session, "T1")
    node = get_criterion(session.db, bonus)
    update_criterion(session.db, replace(node, max_points=4))  # 5 points stay stored
    session.notify(CRITERIA)
    session.board()  # the page has it loaded
    old = scores.get_score(session.db, head, bonus, V)
    assert old is not None and old.points == 5
    assert editor.apply_texts(2019, [CellText((head, bonus, V), "3", "x")], "Chấm") == []
    with qtbot.waitSignal(editor.boardReloaded):
        session.undo_stack.undo()  # puts 5 back: the board cannot take it, so it is reloaded
    assert scores.get_score(session.db, head, bonus, V) == old
    assert session.board().score(head, bonus, V) == old
