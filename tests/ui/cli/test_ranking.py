"""`main.py ranking`: the demo's 2019 ranking checked against numbers worked out by hand."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from main import main

ROOT = Path(__file__).resolve().parents[3]

# Worked by hand from data/demo_data.py and the demo table (grades A/B = 100/80 % of the maximum;
# 1a = 20 x actual/plan capped at 20, excess bonus 20 x min(over, 10 %); 2a = 5 x actual/plan;
# 2b reduces: 5 if actual <= plan else 5 x plan/actual; K items final = verified, falling back
# to self; section III final = council; bonus capped at 10).
#
# Cục THADS: self all max = 100. Verified (K items, 80 points) all max = 80. Council 8-11 AAAA = 20.
#   1a verified 108/100 -> 20, excess 8 % -> 1,6. Bonus 5 + 3 + 1,6 = 9,6. Final 80 + 20 + 9,6.
# Công an: verified 6a = B -> 4, so verified 79; council 20; 1a 112/100 -> excess capped 10 % -> 2;
#   bonus 5 + 3 + 2 = 10 (at the cap). Final 79 + 20 + 10 = 109.
# Tòa án: verified item 5 = B -> 4 => 79; council 20; 1a 105 -> excess 1; bonus 5 + 1 = 6 => 105.
#   Criterion 5 at 4/5 = 80 % < 85 % floor of Xuất sắc -> Tốt.
# Sở Nội vụ: verified 3b = B -> 79; council 20; excess 1; T1 = 5 claimed, not verified -> falls
#   back to self (1 item); bonus 6 => 105. Ties with Tòa án; section I: Tòa án 50 > 49 -> 3 vs 4.
# VKSND: 2a = 5 x 88/90 = 4,888.. -> 4,89 in self and verified: self 99,89, verified 79,89;
#   excess 4 % -> 0,8; T2 = 3 -> bonus 3,8; final 79,89 + 20 + 3,8 = 103,69.
# Bộ CHQS: 2b, 3a, 3b not verified (5 + 5 + 5 fall back to self) -> verified 80 - 15 = 65,
#   3 fallback items; final 100 + excess 3 % -> 0,6 => 100,6.
# Sở Tư pháp: self 1a 100/100 = 20, 2a 5 x 85/90 = 4,72, 6b B = 4 -> 100 - 0,28 - 1 = 98,72.
#   verified 1a 98/100 = 19,6, 1b B = 8, 2a 4,72, 6b B = 4 -> 80 - 0,4 - 2 - 0,28 - 1 = 76,32;
#   council 10 = B -> 19; penalty V1 x 1 = 2; final 76,32 + 19 - 2 = 93,32. Item 10 at 80 % -> Tốt.
# Thanh tra: self 2b 5 x 5/6 = 4,17 -> 99,17; verified 1a 100/100 = 20, 1b B = 8, 2b 4,17 ->
#   80 - 2 - 0,83 = 77,17; council 9 = B -> 19; penalty B1 = 5; final 77,17 + 19 - 5 = 91,17.
EXPECTED = [
    # unit, self, verified, council, bonus, penalty, final, rank, class, fallback items
    ("Cục Thi hành án dân sự tỉnh", 100, 80, 20, 9.6, 0, 109.6, 1, "Xuất sắc", 0),
    ("Công an tỉnh", 100, 79, 20, 10, 0, 109, 2, "Xuất sắc", 0),
    ("Tòa án nhân dân tỉnh", 100, 79, 20, 6, 0, 105, 3, "Tốt", 0),
    ("Sở Nội vụ", 100, 79, 20, 6, 0, 105, 4, "Xuất sắc", 1),
    ("Viện Kiểm sát nhân dân tỉnh", 99.89, 79.89, 20, 3.8, 0, 103.69, 5, "Xuất sắc", 0),
    ("Bộ Chỉ huy Quân sự tỉnh", 100, 65, 20, 0.6, 0, 100.6, 6, "Xuất sắc", 3),
    ("Sở Tư pháp", 98.72, 76.32, 19, 0, 2, 93.32, 7, "Tốt", 0),
    ("Thanh tra tỉnh", 99.17, 77.17, 19, 0, 5, 91.17, 8, "Tốt", 0),
]
KEYS = ("unit", "self_total", "verified_total", "council_total", "bonus", "penalty",
        "final_total", "rank", "class", "fallback_items")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("cli") / "x"
    assert main(["demo", str(target)]) == 0
    return target.with_suffix(".ktd")


def test_json_ranking_matches_hand_computed_numbers(demo_file: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["ranking", str(demo_file), "--year", "2019", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [tuple(r) for r in records] == [KEYS] * len(EXPECTED)
    for record, expected in zip(records, EXPECTED, strict=True):
        assert tuple(record.values()) == pytest.approx(expected), record["unit"]
        assert isinstance(record["rank"], int) and isinstance(record["final_total"], float)


def test_text_ranking_uses_vietnamese_numbers(demo_file: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["ranking", str(demo_file), "--year", "2019"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Xếp hạng thi đua năm 2019"
    first = next(line for line in lines if "Cục Thi hành án" in line)
    assert first.startswith("1 ") and "109,6" in first and "Xuất sắc" in first
    bchqs = next(line for line in lines if "Bộ Chỉ huy" in line)
    assert "3 nội dung" in bchqs and "100,6" in bchqs


def test_unknown_year_exits_2_with_vietnamese_reason(demo_file: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["ranking", str(demo_file), "--year", "2031"]) == 2
    err = capsys.readouterr().err
    assert "Năm 2031 chưa có trong tệp khối" in err and "2019, 2020" in err


def test_bad_usage_exits_2_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["ranking", "x.ktd", "--year", "hai nghìn"])
    assert stop.value.code == 2
    assert "không phải là một năm" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        main(["ranking", "x.ktd"])
    assert stop.value.code == 2
    assert "thiếu tham số bắt buộc" in capsys.readouterr().err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ranking", str(tmp_path / "khong-co.ktd"), "--year", "2019"]) == 2
    assert "Không tìm thấy tệp “khong-co.ktd”" in capsys.readouterr().err


def test_as_a_separate_process(demo_file: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "ranking", str(demo_file), "--year", "2019",
         "--json"], capture_output=True, text=True, encoding="utf-8", check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["unit"] == "Cục Thi hành án dân sự tỉnh"
    bad = subprocess.run([sys.executable, str(ROOT / "main.py"), "ranking", str(demo_file),
                          "--year", "1900"], capture_output=True, text=True, encoding="utf-8",
                         check=False)
    assert bad.returncode == 2 and bad.stdout == "" and "Năm 1900" in bad.stderr


def test_output_piped_into_a_reader_that_stops_early(demo_file: Path) -> None:
    """`main.py ballot … | head -3`: the reader is gone; no traceback, exit 0."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has already stopped reading
    try:
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), "ballot", str(demo_file),
                               "--year", "2019"], stdout=write_end, stderr=subprocess.PIPE,
                              text=True, check=False)
    finally:
        os.close(write_end)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
