"""ui/edits/nominations.py: each edit changes the list once, undoes exactly, redoes the same."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import pytest

from data import awards, nominations, units
from data.db import Database
from data.errors import InputError
from data.meeting_model import Nomination
from ui.edits import nominations as edits
from ui.edits.nominations import NominationDraft
from ui.session import NOMINATIONS, Session


def content(db: Database) -> list[str]:
    """The bloc's content without the audit log, independent of rowid order."""
    return sorted(line for line in db.conn.iterdump() if "audit_log" not in line)


def heard(session: Session) -> list[str]:
    changes: list[str] = []
    session.changed.connect(changes.append)
    return changes


def unit_id(db: Database, name: str) -> int:
    unit = units.find_unit(db, name)
    assert unit is not None, name
    return unit.id


def listed(db: Database) -> list[Nomination]:
    return nominations.nominations(db, 2019)


def test_add_undo_redo_keeps_the_id(session: Session) -> None:
    db = session.db
    before = content(db)
    changes = heard(session)
    justice = unit_id(db, "Sở Tư pháp")
    bkbtv = awards.form_by_code(db, "BK_BTV").id
    summary = unicodedata.normalize("NFD", "Hoàn thành xuất sắc nhiệm vụ  ")
    added = edits.add_nomination(session, 2019, NominationDraft(justice, bkbtv, summary, "Bổ sung"))
    assert (added.unit_id, added.award_form_id, added.round_id, added.position) == (
        justice, bkbtv, None, 7)
    assert added.achievements == "Hoàn thành xuất sắc nhiệm vụ"  # NFC, trimmed
    assert changes == [NOMINATIONS]
    assert session.undo_stack.undoText() == (
        "Đề nghị “Bằng khen của Ban Thường vụ Tỉnh ủy” cho “Sở Tư pháp”")
    session.undo_stack.undo()
    assert content(db) == before
    session.undo_stack.redo()
    assert nominations.get_nomination(db, added.id) == added


def test_refusals_record_nothing(session: Session) -> None:
    db = session.db
    before = content(db)
    first = listed(db)[0]
    with pytest.raises(InputError, match="đã có trong danh sách đề nghị"):
        edits.add_nomination(session, 2019, NominationDraft(first.unit_id, first.award_form_id))
    justice = unit_id(db, "Sở Tư pháp")
    units.save_membership(db, replace(units.get_membership(db, 2019, justice), complaint=True))
    before = content(db)
    with pytest.raises(InputError, match="đang có đơn thư khiếu nại"):
        edits.add_nomination(session, 2019, NominationDraft(justice, first.award_form_id))
    with pytest.raises(InputError, match="chưa có vòng suy tôn nào có kết quả"):
        edits.nominate_from_results(session, 2019)
    assert content(db) == before and session.undo_stack.count() == 0


def test_nominate_from_results_is_one_undo_step(session: Session) -> None:
    db = session.db
    demo = listed(db)
    for item in demo:
        nominations.delete_nomination(db, item.id)
    before = content(db)
    made, skipped = edits.nominate_from_results(session, 2019)
    assert skipped == []
    key = [(n.unit_id, n.award_form_id, n.round_id, n.position) for n in demo]
    assert [(n.unit_id, n.award_form_id, n.round_id, n.position) for n in made] == key
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Lập danh sách đề nghị từ kết quả bỏ phiếu"
    session.undo_stack.undo()
    assert content(db) == before
    session.undo_stack.redo()
    assert listed(db) == made


def test_blocked_units_are_left_out_with_the_reason(session: Session) -> None:
    db = session.db
    for item in listed(db):
        nominations.delete_nomination(db, item.id)
    police = unit_id(db, "Công an tỉnh")
    units.save_membership(db, replace(units.get_membership(db, 2019, police), discipline=True))
    made, skipped = edits.nominate_from_results(session, 2019)
    assert police not in [n.unit_id for n in made] and len(made) == 5
    assert skipped == ["“Công an tỉnh” (Cờ thi đua của Ủy ban nhân dân tỉnh): đang bị kỷ luật "
                       "hoặc đang bị xem xét kỷ luật (Nghị định 152/2025/NĐ-CP, Điều 4)"]


def test_update_summary_and_note(session: Session) -> None:
    db = session.db
    item = listed(db)[2]
    assert not edits.update_nomination(session, item.id, achievements=item.achievements)
    assert session.undo_stack.count() == 0
    assert edits.update_nomination(session, item.id, achievements="Giải quyết 98 % số vụ án")
    assert session.undo_stack.undoText() == "Sửa tóm tắt thành tích của “Tòa án nhân dân tỉnh”"
    assert edits.update_nomination(session, item.id, note="Hồ sơ nộp ngày 10/12/2019")
    assert session.undo_stack.undoText() == "Sửa ghi chú của “Tòa án nhân dân tỉnh”"
    stored = nominations.get_nomination(db, item.id)
    assert (stored.achievements, stored.note) == ("Giải quyết 98 % số vụ án",
                                                  "Hồ sơ nộp ngày 10/12/2019")
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert nominations.get_nomination(db, item.id) == item
    session.undo_stack.redo()
    assert nominations.get_nomination(db, item.id).achievements == "Giải quyết 98 % số vụ án"


def test_move_and_undo_restore_the_exact_positions(session: Session) -> None:
    db = session.db
    first, second, *_rest = listed(db)
    nominations.delete_nomination(db, _rest[0].id)  # leaves a gap in the positions
    before = content(db)
    edits.move_nomination(session, second.id, first.id)
    assert [n.id for n in listed(db)][:2] == [second.id, first.id]
    assert session.undo_stack.undoText() == "Chuyển “Công an tỉnh” lên"
    session.undo_stack.undo()
    assert content(db) == before
    session.undo_stack.redo()
    assert [n.id for n in listed(db)][:2] == [second.id, first.id]
    edits.move_nomination(session, second.id, second.id)  # nowhere to go: nothing recorded
    assert session.undo_stack.count() == 1


def test_delete_and_undo(session: Session) -> None:
    db = session.db
    before = content(db)
    item = listed(db)[4]
    edits.delete_nomination(session, item.id)
    assert item.id not in [n.id for n in listed(db)]
    assert session.undo_stack.undoText() == "Xóa đề nghị của “Viện Kiểm sát nhân dân tỉnh”"
    session.undo_stack.undo()
    assert content(db) == before
    session.undo_stack.redo()
    assert item.id not in [n.id for n in listed(db)]
