"""ui/edits/criteria.py: undoable edits of the criteria table and the penalty catalogue."""

from __future__ import annotations

from dataclasses import replace

from data import criteria, penalty_catalogue, scores, years
from data.model import Criterion, NodeKind, PenaltyType
from ui.edits import criteria as edits
from ui.session import CRITERIA, PENALTIES, PENALTY_TYPES, SCORES, Session


def by_code(session: Session, code: str, year: int = 2019) -> Criterion:
    return next(n for n in criteria.criteria(session.db, year) if n.code == code)


def dump(session: Session) -> list[str]:
    return [line for line in session.db.conn.iterdump() if "audit" not in line]


def announced(session: Session) -> list[str]:
    said: list[str] = []
    session.changed.connect(said.append)
    return said


def test_add_then_undo_and_redo_keep_the_id(session: Session) -> None:
    before = dump(session)
    said = announced(session)
    draft = Criterion(id=0, year=2019, parent_id=by_code(session, "IV").id, position=0,
                      code="T3", title="Sáng kiến được công nhận", kind=NodeKind.BONUS,
                      max_points=2)
    added = edits.add_node(session, draft)
    assert by_code(session, "T3") == added and said == [CRITERIA]
    assert session.undo_stack.undoText() == "Thêm tiêu chí “T3”"
    session.undo_stack.undo()
    assert dump(session) == before
    session.undo_stack.redo()
    assert by_code(session, "T3") == added


def test_update_then_undo(session: Session) -> None:
    old = by_code(session, "2a")
    edits.update_node(session, old, replace(old, title="Chỉ số CCHC", max_points=4))
    assert by_code(session, "2a").max_points == 4
    session.undo_stack.undo()
    assert by_code(session, "2a") == old
    session.undo_stack.redo()
    assert by_code(session, "2a").title == "Chỉ số CCHC"


def test_delete_then_undo_brings_back_ids_and_scores(session: Session) -> None:
    table, marks = criteria.criteria(session.db, 2019), scores.scores(session.db, 2019)
    one = by_code(session, "1")
    assert edits.removal(session, one) == edits.Removal(2, 32)
    assert edits.removal(session, one).phrase() == " cùng 2 mục con và 32 điểm đã chấm"
    assert edits.removal(session, by_code(session, "T1")).phrase() == " cùng 7 điểm đã chấm"
    assert edits.Removal(0, 0).phrase() == ""
    said = announced(session)
    edits.delete_node(session, one)
    assert said == [CRITERIA, SCORES]
    session.undo_stack.undo()
    assert criteria.criteria(session.db, 2019) == table
    assert sorted(scores.scores(session.db, 2019), key=repr) == sorted(marks, key=repr)


def test_move_then_undo_puts_exact_positions_back(session: Session) -> None:
    before = dump(session)
    edits.move_node(session, by_code(session, "III"), -1)
    assert [n.code for n in criteria.criteria(session.db, 2019) if n.parent_id is None] == [
        "I", "III", "II", "IV"]
    assert session.undo_stack.undoText() == "Chuyển “III” lên"
    session.undo_stack.undo()
    assert dump(session) == before


def test_copy_table_then_undo_and_redo(session: Session) -> None:
    years.add_year(session.db, 2021)
    own = penalty_catalogue.add_penalty_type(session.db, 2021, "Vắng họp Khối", 3)
    said = announced(session)
    copied = edits.copy_table(session, 2019, 2021)
    assert said == [CRITERIA, PENALTY_TYPES] and len(copied) == 25
    catalogue = penalty_catalogue.penalty_types(session.db, 2021)
    assert len(catalogue) == 8
    session.undo_stack.undo()
    assert criteria.criteria(session.db, 2021) == []
    assert penalty_catalogue.penalty_types(session.db, 2021) == [own]  # what was there stays
    session.undo_stack.redo()
    assert criteria.criteria(session.db, 2021) == copied
    assert penalty_catalogue.penalty_types(session.db, 2021) == catalogue


def test_penalty_types_add_edit_delete_with_undo(session: Session) -> None:
    before = penalty_catalogue.penalty_types(session.db, 2019)
    added = edits.add_penalty_type(session, PenaltyType(0, 2019, "B4", "Không báo cáo", 25.0))
    assert penalty_catalogue.penalty_types(session.db, 2019) == [*before, added]
    edits.update_penalty_type(session, added, replace(added, points=30.0))
    assert penalty_catalogue.get_penalty_type(session.db, added.id).points == 30.0
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert penalty_catalogue.penalty_types(session.db, 2019) == before
    session.undo_stack.redo()
    session.undo_stack.redo()
    assert penalty_catalogue.get_penalty_type(session.db, added.id) == replace(added, points=30.0)
    used = next(p for p in before if penalty_catalogue.penalty_type_users(session.db, p.id))
    users = penalty_catalogue.penalty_type_users(session.db, used.id)
    said = announced(session)
    edits.delete_penalty_type(session, used)
    assert said == [PENALTY_TYPES, PENALTIES]
    assert penalty_catalogue.penalty_type_users(session.db, used.id) == ()
    session.undo_stack.undo()
    assert penalty_catalogue.penalty_type_users(session.db, used.id) == users
    assert penalty_catalogue.get_penalty_type(session.db, used.id) == used
