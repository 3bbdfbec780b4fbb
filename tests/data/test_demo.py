"""data/demo.py: the demo bloc (Khối thi đua các cơ quan nội chính tỉnh, seed 002)."""

from __future__ import annotations

from pathlib import Path

import pytest

from data import (
    awards,
    criteria,
    meetings,
    nominations,
    penalty_catalogue,
    pledges,
    scores,
    units,
    years,
)
from data.bloc import load_profile, open_bloc
from data.criteria_table import CriteriaTable, check_table
from data.db import Database
from data.demo import build_demo, write_demo
from data.errors import FileAccessError
from data.lifecycle import proposed_officers
from data.meeting_model import Severity
from data.model import Layer, NodeKind, YearStatus
from data.rule_checker import check_year

SEED_002_UNITS = {
    "Cục Thi hành án dân sự tỉnh", "Tòa án nhân dân tỉnh", "Viện Kiểm sát nhân dân tỉnh",
    "Thanh tra tỉnh", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Sở Tư pháp", "Sở Nội vụ",
}
CONTENT_ITEMS = ["1a", "1b", "2a", "2b", "3a", "3b", "4", "5", "6a", "6b", "7", "8", "9", "10",
                 "11"]
COUNCIL_ITEMS = ["8", "9", "10", "11"]
# The cells demo_data.py leaves unverified: Bộ CHQS's 2b (None) and 3a, 3b ("A--AAAAA").
NOT_VERIFIED = {("Bộ Chỉ huy Quân sự tỉnh", "2b"), ("Bộ Chỉ huy Quân sự tỉnh", "3a"),
                ("Bộ Chỉ huy Quân sự tỉnh", "3b")}


def names(db: Database, year: int) -> dict[int, str]:
    return {u.id: u.name for u, _ in units.members(db, year)}


def unit_id(db: Database, name: str) -> int:
    unit = units.find_unit(db, name)
    assert unit is not None, name
    return unit.id


def test_profile(bloc: Database) -> None:
    profile = load_profile(bloc)
    assert profile.name == "Khối thi đua các cơ quan nội chính tỉnh"
    assert profile.place == "Bắc Ninh"
    assert profile.code == "KTĐNC"


def test_units_of_seed_002(bloc: Database) -> None:
    assert set(names(bloc, 2019).values()) == SEED_002_UNITS
    assert set(names(bloc, 2020).values()) == SEED_002_UNITS
    assert len(units.all_units(bloc)) == 8
    women = [u.name for u, m in units.members(bloc, 2019) if m.women_70]
    assert women == ["Sở Tư pháp"]
    heads = {u.name: (m.head_name, m.head_title) for u, m in units.members(bloc, 2020)}
    assert heads["Sở Nội vụ"] == ("Hoàng Văn Ước", "Giám đốc")


def test_years_and_officers(bloc: Database) -> None:
    assert [(y.year, y.status) for y in years.all_years(bloc)] == [
        (2019, YearStatus.MEETING), (2020, YearStatus.PLEDGE)]
    assert years.officers(bloc, 2019).head == unit_id(bloc, "Cục Thi hành án dân sự tỉnh")
    assert years.officers(bloc, 2019).deputies == (unit_id(bloc, "Tòa án nhân dân tỉnh"),)
    assert years.officers(bloc, 2020).head == unit_id(bloc, "Sở Nội vụ")
    assert years.officers(bloc, 2020).deputies == (unit_id(bloc, "Công an tỉnh"),)


def test_the_2019_pledge(bloc: Database) -> None:
    pledge = pledges.get_pledge(bloc, 2019)
    assert pledge.title == "Giao ước thi đua năm 2019"
    assert pledge.signed_on == "2019-02-20"
    assert len(pledge.contents) == 9
    starts = ["Hoàn thành xuất sắc nhiệm vụ chính trị", "Đẩy mạnh học tập và làm theo",
              "Thực hiện Nghị quyết Trung ương 4", "Đẩy mạnh cải cách hành chính",
              "Thực hành tiết kiệm", "Xây dựng cơ quan trong sạch", "Phối hợp chặt chẽ",
              "Tham gia đầy đủ các hoạt động chung", "Làm tốt công tác thi đua, khen thưởng"]
    assert [c[:len(s)] for c, s in zip(pledge.contents, starts, strict=True)] == starts
    assert pledge.contents[0].endswith("năm 2019.")


def test_every_2019_member_registered(bloc: Database) -> None:
    registered = pledges.registrations(bloc, 2019)
    assert set(registered) == set(names(bloc, 2019))
    codes = {f.id: f.code for f in awards.award_forms(bloc)}
    assert all(codes[r.award_form_id] in {"CO_TINH", "BK_TINH"}  # type: ignore[index]
               for r in registered.values())
    assert all(r.targets and r.title_aimed for r in registered.values())


def test_the_criteria_table(bloc: Database) -> None:
    table = CriteriaTable(criteria.criteria(bloc, 2019))
    assert table.max_total == 100
    assert [p for p in check_table(table, 100) if p.severity == "error"] == []
    assert [n.code for n in table.roots] == ["I", "II", "III", "IV"]
    assert [n.code for n in table.content_leaves] == CONTENT_ITEMS
    assert [n.code for n in table.bonus_leaves] == ["T1", "T2"]
    assert {n.code for n in table.content_leaves if n.layer is Layer.COUNCIL} == set(
        COUNCIL_ITEMS)
    assert len(penalty_catalogue.penalty_types(bloc, 2019)) == 7


def test_the_three_layers_of_2019(bloc: Database) -> None:
    code = {n.id: n.code for n in criteria.criteria(bloc, 2019)}
    unit_names = names(bloc, 2019)
    cells: dict[Layer, set[tuple[str, str]]] = {layer: set() for layer in Layer}
    for s in scores.scores(bloc, 2019):
        cells[s.layer].add((unit_names[s.unit_id], code[s.criterion_id]))
    every = {(u, c) for u in SEED_002_UNITS for c in CONTENT_ITEMS}
    assert every <= cells[Layer.SELF]
    verified_items = {(u, c) for u, c in every if c not in COUNCIL_ITEMS}
    assert verified_items - {x for x in cells[Layer.VERIFIED] if x[1] in CONTENT_ITEMS} == \
        NOT_VERIFIED
    assert {x for x in cells[Layer.VERIFIED] if x[1] in CONTENT_ITEMS} <= verified_items
    assert cells[Layer.COUNCIL] == {(u, c) for u in SEED_002_UNITS for c in COUNCIL_ITEMS}
    penalised = {unit_names[p.unit_id] for p in scores.penalties(bloc, 2019)}
    assert penalised == {"Thanh tra tỉnh", "Sở Tư pháp"}


def test_2020_has_the_table_but_no_scores(bloc: Database) -> None:
    def shape(year: int) -> list[tuple[str, str, float, NodeKind, Layer]]:
        return [(n.code, n.title, n.max_points, n.kind, n.layer)
                for n in criteria.criteria(bloc, year)]

    assert shape(2020) == shape(2019)
    assert len(penalty_catalogue.penalty_types(bloc, 2020)) == 7
    assert scores.scores(bloc, 2020) == []
    assert scores.penalties(bloc, 2020) == []
    assert len(pledges.registrations(bloc, 2020)) == 5


def test_progress_is_reported() -> None:
    seen: list[tuple[int, int]] = []
    build_demo(None, lambda done, total: seen.append((done, total))).close()
    assert seen[-1] == (5, 5)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_write_demo(tmp_path: Path) -> None:
    target = write_demo(tmp_path / "Khối mẫu")
    assert target == tmp_path / "Khối mẫu.ktd"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Khối mẫu.ktd"]
    db = open_bloc(target)
    try:
        assert len(units.all_units(db)) == 8
    finally:
        db.close()


def test_write_demo_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "khoi-mau.ktd"
    target.write_text("tài liệu quan trọng", encoding="utf-8")
    with pytest.raises(FileAccessError, match="Tệp “khoi-mau.ktd” đã có; hãy chọn tên khác"):
        write_demo(target)
    assert target.read_text(encoding="utf-8") == "tài liệu quan trọng"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["khoi-mau.ktd"]


def test_write_demo_overwrite_replaces_it(tmp_path: Path) -> None:
    target = tmp_path / "khoi-mau.ktd"
    target.write_text("bản cũ", encoding="utf-8")
    for suffix in ("-wal", "-shm"):  # leftovers of the old file must not be applied to the new
        Path(f"{target}{suffix}").write_bytes(b"\x00" * 64)
    assert write_demo(target, overwrite=True) == target
    assert sorted(p.name for p in tmp_path.iterdir()) == ["khoi-mau.ktd"]
    db = open_bloc(target)
    try:
        assert load_profile(db).name == "Khối thi đua các cơ quan nội chính tỉnh"
    finally:
        db.close()


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    import data.demo

    def broken(db: Database, ids: dict[str, int]) -> None:
        raise RuntimeError("mất điện giữa chừng")

    monkeypatch.setattr(data.demo, "_year_2020", broken)
    target = tmp_path / "khoi-mau.ktd"
    target.write_text("bản cũ", encoding="utf-8")
    with pytest.raises(RuntimeError, match="mất điện giữa chừng"):
        write_demo(target, overwrite=True)
    assert target.read_text(encoding="utf-8") == "bản cũ"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["khoi-mau.ktd"]


def test_write_demo_into_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError, match="Không mở được"):
        write_demo(tmp_path / "không có" / "khoi-mau.ktd")
    assert list(tmp_path.iterdir()) == []


def test_2019_ends_with_its_year_end_meeting(bloc: Database) -> None:
    assert [m.held_on for m in meetings.meetings(bloc, 2019)] == ["2019-12-03"]
    assert len(nominations.nominations(bloc, 2019)) == 6
    officers = years.officers(bloc, 2020)
    assert proposed_officers(bloc, 2019) == (officers.head, officers.deputies)
    assert [f for f in check_year(bloc, 2019) if f.severity is Severity.ERROR] == []
