"""data/documents/profiles.py: the page profiles are data; bad data is named field by field."""

from __future__ import annotations

import copy
import datetime
import json
from pathlib import Path
from typing import Any

import pytest

from data.documents.profiles import (
    NUMBER_BLANK,
    PROFILES_DIR,
    STYLE_KEYS,
    Numbering,
    ProfileError,
    available_profiles,
    load_profile,
    parse_profile,
    profile_choices,
)

STATE = json.loads((PROFILES_DIR / "state.json").read_text(encoding="utf-8"))


def test_both_profiles_ship_and_load() -> None:
    assert {"state", "party"} <= set(available_profiles())
    state, party = load_profile("state"), load_profile("party")
    assert state.name == "Văn bản hành chính (Nghị định 30/2020/NĐ-CP)"
    assert party.name == "Văn bản của Đảng (Hướng dẫn 36-HD/VPTW)"
    assert set(state.styles) == set(STYLE_KEYS) == set(party.styles)


def test_state_profile_follows_decree_30() -> None:
    state = load_profile("state")
    m = state.margins
    assert 20 <= m.top <= 25 and 20 <= m.bottom <= 25 and 30 <= m.left <= 35
    assert 15 <= m.right <= 20
    assert [line.text for line in state.header.right] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert state.header.issuer_mark == "rule" and state.header.right_rule
    assert state.style("issuer").bold and state.style("issuer").upper
    assert state.style("place_date").italic and 13 <= state.style("place_date").size <= 14
    assert 13 <= state.style("body").size <= 14
    assert state.style("recipients_label").bold and state.style("recipients_label").italic
    assert state.style("recipients").size == 11
    assert dict(state.capacity) == {"on_behalf": "TM.", "deputy": "KT.", "by_order": "TL."}
    assert state.labels["secretary"] == "THƯ KÝ" and state.labels["chair"] == "CHỦ TRÌ"


def test_party_profile_follows_guideline_36() -> None:
    party = load_profile("party")
    m = party.margins
    assert (m.top, m.bottom, m.left, m.right) == (20, 20, 30, 15)
    assert [line.text for line in party.header.right] == ["ĐẢNG CỘNG SẢN VIỆT NAM"]
    assert party.style("header_right").size == 15 and party.style("header_right").bold
    assert party.header.issuer_mark == "asterisk"
    assert party.style("body").size == 14
    assert dict(party.capacity) == {"on_behalf": "T/M", "deputy": "K/T", "by_order": "T/L"}
    assert party.labels["secretary"] == "NGƯỜI GHI BIÊN BẢN"
    assert party.labels["chair"] == "CHỦ TRÌ HỘI NGHỊ"


def test_number_patterns() -> None:
    state, party = load_profile("state").numbering, load_profile("party").numbering
    assert state.text(5, "BB", "KTĐNC") == "Số: 05/BB-KTĐNC"
    assert state.text(12, "TTr", "KTĐNC") == "Số: 12/TTr-KTĐNC"
    assert party.text(12, "BB", "BTGTU") == "Số 12-BB/BTGTU"
    assert state.text(None, "BB", "KTĐNC") == f"Số: {NUMBER_BLANK}/BB-KTĐNC"  # room to write


def test_state_numbering_restarts_each_january_and_is_shared_by_types() -> None:
    state = load_profile("state").numbering
    dec, jan = datetime.date(2019, 12, 31), datetime.date(2020, 1, 1)
    assert state.series("BB", dec) == state.series("TTr", dec) == "năm 2019"
    assert state.series("BB", jan) == "năm 2020"


def test_party_numbering_runs_through_the_term_per_type() -> None:
    party = load_profile("party").numbering
    assert party.series("BB", datetime.date(2016, 3, 1)) == "nhiệm kỳ 2015-2020 · BB"
    assert party.series("BB", datetime.date(2019, 12, 3)) == "nhiệm kỳ 2015-2020 · BB"
    assert party.series("TTr", datetime.date(2019, 12, 3)) == "nhiệm kỳ 2015-2020 · TTr"
    assert party.series("BB", datetime.date(2020, 1, 2)) == "nhiệm kỳ 2020-2025 · BB"
    assert party.series("BB", datetime.date(2026, 6, 1)) == "nhiệm kỳ 2025-2030 · BB"


def _broken(path: str, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(STATE)
    *parents, last = path.split(".")
    target = data
    for key in parents:
        target = target[key]
    if value is KeyError:
        del target[last]
    else:
        target[last] = value
    return data


@pytest.mark.parametrize(("path", "value", "field", "need"), [
    ("margins_mm.top", 200, "margins_mm.top", "cần một số từ 5 đến 60"),
    ("margins_mm.left", "30", "margins_mm.left", "cần một số từ 5 đến 60"),
    ("margins_mm.right", KeyError, "margins_mm.right", "còn thiếu"),
    ("styles.body.size", True, "styles.body.size", "cần một số từ 6 đến 40"),
    ("styles.issuer.bold", "có", "styles.issuer.bold", "cần true hoặc false"),
    ("styles.page_number", KeyError, "styles.page_number", "còn thiếu"),
    ("numbering.pattern", "Số {number}", "numbering.pattern", "{number}, {type}, {code}"),
    ("numbering.restart", "month", "numbering.restart", "cần một trong: year, term"),
    ("header.issuer_mark", "star", "header.issuer_mark", "cần một trong: rule, asterisk"),
    ("header.right", [], "header.right", "cần ít nhất một dòng"),
    ("labels.chair", "", "labels.chair", "cần một đoạn chữ"),
    ("capacity", KeyError, "capacity", "còn thiếu"),
])
def test_invalid_data_names_the_field(path: str, value: Any, field: str, need: str) -> None:
    with pytest.raises(ProfileError) as info:
        parse_profile("thử", _broken(path, value))
    assert info.value.message.startswith(f"Tệp thể thức “thử.json”, trường “{field}”:")
    assert need in info.value.message


def test_a_header_line_must_use_a_known_style() -> None:
    data = _broken("header.right", [{"text": "ĐẢNG CỘNG SẢN VIỆT NAM", "style": "big"}])
    with pytest.raises(ProfileError, match="header.right\\[0\\].style"):
        parse_profile("thử", data)


def test_a_term_profile_needs_its_term(tmp_path: Path) -> None:
    data = _broken("numbering.restart", "term")
    with pytest.raises(ProfileError, match="numbering.term_years"):
        parse_profile("thử", data)


def test_a_new_guideline_is_a_new_file(tmp_path: Path) -> None:
    data = _broken("name", "Văn bản của Đảng (hướng dẫn mới)")
    (tmp_path / "party-2026.json").write_text(json.dumps(data, ensure_ascii=False),
                                             encoding="utf-8")
    (tmp_path / "broken.json").write_text("{ not json", encoding="utf-8")
    assert available_profiles(tmp_path) == ["broken", "party-2026"]
    assert load_profile("party-2026", tmp_path).name == "Văn bản của Đảng (hướng dẫn mới)"
    assert profile_choices(tmp_path) == [("party-2026", "Văn bản của Đảng (hướng dẫn mới)")]
    with pytest.raises(ProfileError, match="“broken.json” sai cú pháp JSON ở dòng 1"):
        load_profile("broken", tmp_path)


def test_an_unknown_profile_lists_the_known_ones() -> None:
    with pytest.raises(ProfileError) as info:
        load_profile("nd-99")
    assert "Không có thể thức văn bản “nd-99”" in info.value.message
    assert "party" in info.value.message and "state" in info.value.message
    with pytest.raises(ProfileError):
        load_profile("../state")


def test_the_default_profile_is_offered_first() -> None:
    assert profile_choices()[0][0] == "state"


def test_numbering_pattern_with_pad() -> None:
    assert Numbering("Số: {number}/{type}-{code}", pad=3).text(7, "BB", "K") == "Số: 007/BB-K"
