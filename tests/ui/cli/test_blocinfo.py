"""`main.py info FILE`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from main import main


def test_info_lists_years_status_officers_and_units(bloc_file: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", str(bloc_file)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Khối thi đua các cơ quan nội chính tỉnh\n")
    assert "Năm 2019 · Tổng kết, bình xét · 8 đơn vị" in out
    assert "Năm 2020 · Giao ước thi đua · 8 đơn vị" in out
    assert "Trưởng khối: Cục Thi hành án dân sự tỉnh" in out
    assert "Trưởng khối: Sở Nội vụ" in out
    listed = re.findall(r"^ +\d+\. (.+)$", out, flags=re.MULTILINE)
    assert listed[:8] == ["Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh", "Cục Thi hành án dân sự tỉnh",
                          "Sở Nội vụ", "Sở Tư pháp", "Thanh tra tỉnh", "Tòa án nhân dân tỉnh",
                          "Viện Kiểm sát nhân dân tỉnh"]


def test_info_json(bloc_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", str(bloc_file), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["bloc"] == "Khối thi đua các cơ quan nội chính tỉnh"
    assert [(y["year"], y["status"]) for y in data["years"]] == [(2019, "meeting"),
                                                                  (2020, "pledge")]
    assert data["years"][1]["head"] == "Sở Nội vụ"
    assert data["years"][0]["deputies"] == ["Tòa án nhân dân tỉnh"]


def test_info_on_a_damaged_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "hong.ktd"
    broken.write_bytes(b"\x00garbage" * 300)
    assert main(["info", str(broken)]) == 2
    assert "bị hỏng hoặc không phải tệp khối thi đua" in capsys.readouterr().err
