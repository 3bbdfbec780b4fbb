"""`main.py ballot`: the demo's 2019 ballots checked against numbers worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from main import main

# The demo's 2019 year-end meeting: 8 member units, all 8 present; quorum 2/3 of 8 = 5,33 -> 6.
# Pass mark "> 50 %" of all 8 members: 5 votes pass, 4 (exactly 50 %) would not.
#   CO_TINH: 2 names per ballot, 2 seats; 8 issued, 8 received, 8 valid, 0 invalid.
#     Cục THADS 8/8 = 100 %, Công an 7/8 = 87,5 %; 15 ticks <= 8 x 2 = 16.
#   BK_TTG: 1 name, 1 seat; 8/8/8/0. Tòa án 7/8 = 87,5 %.
#   BK_TINH: 3 names, 3 seats; 8 issued, 8 received, 7 valid + 1 invalid = 8.
#     Sở Nội vụ 7/8 = 87,5 %, VKSND 6/8 = 75 %, Bộ CHQS 5/8 = 62,5 %; 18 ticks <= 7 x 3 = 21.
#   Head: Sở Nội vụ 8/8 = 100 %. Deputy: Công an 7/8 = 87,5 %.
ROUNDS = [
    # purpose, award form, choices, seats, (issued, received, valid, invalid), candidates
    ("award", "CO_TINH", 2, 2, (8, 8, 8, 0),
     [("Cục Thi hành án dân sự tỉnh", 8, 100.0), ("Công an tỉnh", 7, 87.5)]),
    ("award", "BK_TTG", 1, 1, (8, 8, 8, 0), [("Tòa án nhân dân tỉnh", 7, 87.5)]),
    ("award", "BK_TINH", 3, 3, (8, 8, 7, 1),
     [("Sở Nội vụ", 7, 87.5), ("Viện Kiểm sát nhân dân tỉnh", 6, 75.0),
      ("Bộ Chỉ huy Quân sự tỉnh", 5, 62.5)]),
    ("head", None, 1, 1, (8, 8, 8, 0), [("Sở Nội vụ", 8, 100.0)]),
    ("deputy", None, 1, 1, (8, 8, 8, 0), [("Công an tỉnh", 7, 87.5)]),
]
ROUND_KEYS = ["id", "purpose", "purpose_label", "award_form", "award_form_name", "round_no",
              "choices", "seats", "status", "status_label", "issued", "received", "valid",
              "invalid", "percent_base", "base", "candidates", "outcome", "outcome_label",
              "remaining_seats", "next_candidates", "problems", "mismatches"]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("cli") / "ballot.ktd"
    assert main(["demo", str(target)]) == 0
    return target


def as_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    capsys.readouterr()
    assert main(args) == 0
    return json.loads(capsys.readouterr().out)


def test_json_matches_hand_computed_numbers(demo_file: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    report = as_json(["ballot", str(demo_file), "--year", "2019", "--json"], capsys)
    assert list(report) == ["year", "pass_mark", "percent_base", "max_rounds", "meetings",
                            "next_officers"]
    assert report["pass_mark"] == {"share": 0.5, "strict": True, "text": "trên 50 %"}
    assert (report["percent_base"], report["max_rounds"]) == ("members", 2)
    [meeting] = report["meetings"]
    assert {k: v for k, v in meeting.items() if k != "rounds"} == {
        "kind": "year_end", "kind_label": "Hội nghị tổng kết", "held_on": "2019-12-03",
        "start_time": "14:00", "end_time": "16:30",
        "place": "Cục Thi hành án dân sự tỉnh Bắc Ninh", "members": 8, "present": 8,
        "quorum_needed": 6, "quorum_met": True}
    assert [list(r) for r in meeting["rounds"]] == [ROUND_KEYS] * 5
    for record, (purpose, form, choices, seats, counts, candidates) in zip(
            meeting["rounds"], ROUNDS, strict=True):
        assert (record["purpose"], record["award_form"], record["choices"], record["seats"],
                record["round_no"]) == (purpose, form, choices, seats, 1)
        assert (record["issued"], record["received"], record["valid"], record["invalid"]) == \
            counts
        assert (record["status"], record["base"], record["percent_base"]) == ("agreed", 8,
                                                                               "members")
        assert [(c["unit"], c["votes"], c["percent"]) for c in record["candidates"]] == \
            candidates
        assert all(c["passed"] and c["elected"] for c in record["candidates"])
        assert (record["outcome"], record["remaining_seats"], record["next_candidates"],
                record["problems"], record["mismatches"]) == ("elected", 0, [], [], [])
    assert meeting["rounds"][0]["award_form_name"] == "Cờ thi đua của Ủy ban nhân dân tỉnh"
    assert report["next_officers"] == {"year": 2020, "head": "Sở Nội vụ", "head_basis": "ballot",
                                       "deputies": ["Công an tỉnh"], "deputy_basis": "ballot"}


def test_a_year_without_meeting(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = as_json(["ballot", str(demo_file), "--year", "2020", "--json"], capsys)
    assert report["meetings"] == []
    assert report["next_officers"] == {"year": 2021, "head": "Sở Nội vụ", "head_basis": "current",
                                       "deputies": ["Công an tỉnh"],
                                       "deputy_basis": "current"}
    assert main(["ballot", str(demo_file), "--year", "2020"]) == 0
    assert "Năm 2020 chưa có hội nghị nào." in capsys.readouterr().out


def test_text_uses_vietnamese_numbers(demo_file: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["ballot", str(demo_file), "--year", "2019"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Kết quả bỏ phiếu năm 2019"
    assert "Hội nghị tổng kết ngày 3/12/2019, 14:00–16:30, tại Cục Thi hành án dân sự tỉnh " \
           "Bắc Ninh" in lines
    assert "Có mặt 8/8 đơn vị (cần tối thiểu 6): đủ số lượng để hội nghị hợp lệ." in lines
    police = next(line for line in lines if line.startswith("Công an tỉnh "))
    assert "87,5 %" in police and "Trúng cử" in police
    assert "Phiếu phát ra 8 · thu vào 8 · hợp lệ 7 · không hợp lệ 1" in lines
    assert "Vòng 1 — Bầu Trưởng khối (mỗi phiếu chọn 1, cần bầu 1)" in lines
    assert lines[-2:] == ["Trưởng khối năm 2020: Sở Nội vụ — Bầu bằng phiếu kín",
                          "Phó khối năm 2020: Công an tỉnh — Bầu bằng phiếu kín"]


def test_unknown_year_and_bad_usage_exit_2(demo_file: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["ballot", str(demo_file), "--year", "2031"]) == 2
    assert "Năm 2031 chưa có trong tệp khối" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        main(["ballot", str(demo_file)])
    assert stop.value.code == 2
    assert "thiếu tham số bắt buộc" in capsys.readouterr().err
