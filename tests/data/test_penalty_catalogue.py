"""data/penalty_catalogue.py: the year's penalty catalogue."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from data import penalty_catalogue, scores
from data.db import Database
from data.errors import InputError
from data.model import PenaltyType
from data.snapshots import take
from tests.data.test_criteria import dump


def test_penalty_types(empty_bloc: Database) -> None:
    late = penalty_catalogue.add_penalty_type(empty_bloc, 2025, " Báo cáo  chậm ", "5", code="B1",
                                     source="Quy định chấm điểm 2025")
    assert late == PenaltyType(late.id, 2025, "B1", "Báo cáo chậm", 5.0,
                               "Quy định chấm điểm 2025")
    half = penalty_catalogue.add_penalty_type(empty_bloc, 2025, "Vắng họp", "2,5")
    assert penalty_catalogue.penalty_types(empty_bloc, 2025) == [late, half]
    assert half.points == 2.5


@pytest.mark.parametrize(
    ("title", "points", "message"),
    [
        ("Báo cáo chậm", -5, "Điểm trừ ghi số dương (ví dụ 5 nghĩa là trừ 5 điểm)"),
        ("Báo cáo chậm", "-5", "Điểm trừ ghi số dương"),
        ("Báo cáo chậm", "năm", "Điểm trừ: “năm” không phải là số"),
        ("  ", 5, "Tên lỗi bị trừ điểm không được để trống"),
    ],
)
def test_penalty_type_refusals(empty_bloc: Database, title: str, points: object,
                               message: str) -> None:
    before = dump(empty_bloc)
    with pytest.raises(InputError, match=re.escape(message)):
        penalty_catalogue.add_penalty_type(empty_bloc, 2025, title, points)  # type: ignore[arg-type]
    assert dump(empty_bloc) == before


def test_update_and_delete_penalty_types(bloc: Database) -> None:
    entry = penalty_catalogue.penalty_types(bloc, 2019)[1]
    users = penalty_catalogue.penalty_type_users(bloc, entry.id)
    assert users and all(p.type_id == entry.id for p in scores.penalties(bloc, 2019)
                         if p.id in users)
    saved = penalty_catalogue.update_penalty_type(bloc, replace(entry, title=" Báo cáo  trễ ",
                                                       points="7,5", code="B9"))  # type: ignore[arg-type]
    assert saved == replace(entry, title="Báo cáo trễ", points=7.5, code="B9")
    assert penalty_catalogue.get_penalty_type(bloc, entry.id) == saved
    recorded = {p.id: p.points for p in scores.penalties(bloc, 2019)}
    taken = take(bloc, "penalty_types", "id = :id", {"id": entry.id})
    penalty_catalogue.delete_penalty_type(bloc, entry.id)
    assert entry.id not in [p.id for p in penalty_catalogue.penalty_types(bloc, 2019)]
    after = {p.id: p for p in scores.penalties(bloc, 2019)}
    assert {i: p.points for i, p in after.items()} == recorded  # recorded penalties stay
    assert all(after[u].type_id is None for u in users)
    penalty_catalogue.restore_penalty_type(bloc, taken, users)
    assert penalty_catalogue.penalty_types(bloc, 2019)[1] == saved
    assert penalty_catalogue.penalty_type_users(bloc, entry.id) == users


@pytest.mark.parametrize(
    ("changes", "message"),
    [({"title": " "}, "Tên lỗi bị trừ điểm không được để trống"),
     ({"points": "-1"}, "Điểm trừ ghi số dương"),
     ({"points": "x"}, "Điểm trừ: “x” không phải là số"),
     ({"id": 999}, "Không có lỗi mã số 999 trong danh mục điểm trừ")],
)
def test_update_penalty_type_refusals(bloc: Database, changes: dict[str, object],
                                      message: str) -> None:
    entry = penalty_catalogue.penalty_types(bloc, 2019)[0]
    before = dump(bloc)
    with pytest.raises(InputError, match=re.escape(message)):
        penalty_catalogue.update_penalty_type(bloc, replace(entry, **changes))  # type: ignore[arg-type]
    with pytest.raises(InputError, match="Không có lỗi mã số 999"):
        penalty_catalogue.delete_penalty_type(bloc, 999)
    assert dump(bloc) == before
