"""Tests for data.vntext: Vietnamese normalisation, collation, search, dates, numbers, legacy."""

from __future__ import annotations

import datetime
import functools
import random
import sqlite3
import unicodedata as ud
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data import vntext
from data.errors import InputError
from data.vntext import (
    clean,
    clean_multiline,
    collate,
    date_phrase,
    format_number,
    format_percent,
    identity_key,
    matches,
    nfc,
    parse_date,
    parse_number,
    place_date_line,
    search_key,
    short_date,
    sort_key,
    sorted_vi,
)
from tests.data.samples import UNIT_NAMES

TRICKY_WORDS = [
    "a", "A", "ă", "Ă", "â", "Â", "ả", "ã", "á", "ạ", "à", "ằ", "ắ", "ấ", "ậ", "ab", "ăb", "âb",
    "b", "d", "D", "đ", "Đ", "da", "đa", "Đa", "dz", "e", "ê", "ế", "ệ", "o", "ô", "ơ", "ờ", "ợ",
    "u", "ư", "ừ", "ự", "v", "y", "ỳ", "ý", "z", "Z", "Zed", "f", "j", "w", "x",
    "ta", "tà", "tả", "tã", "tá", "tạ", "tă", "tằ", "tâ", "Ta", "TA", "tA",
    "ba", "bA", "Ba", "BA", "hoà", "hòa", "Hoà", "Hòa", "hoa", "Uỷ ban", "Ủy ban", "Uy ban",
    "Sở  Tư", "Sở 1", "Sở 10", "Sở 2", "Sở Nội vụ", "Sở Tư pháp", "Sở Tưa", "Sở-Tư", "Sở1",
    "Sở", "Sở ", "Sở-", "Sở_", "Sở,", "Sở.", "Sở (cũ)", "1", "10", "2", "09", "-", " ", "",
    "Khối thi đua số 1", "Khối thi đua số 2", "Khối thi đua số 10", "Khối thi đua số I",
]

# A Vietnamese alphabet: every vowel with every tone in both cases, the consonants (with f j w z),
# space, "-" and digits. Left out on purpose, because ICU does something this module does not try
# to copy and real names never contain them: a stray combining modifier after a letter that already
# has one (o + horn + circumflex: ICU contracts the circumflex, discontiguously, not the horn), and
# letters outside Vietnamese with a primary weight of their own such as æ, ø, ß, ł.
_VOWELS = [nfc(v + t) for v in "aăâeêioôơuưy" for t in ["", *vntext._TONES]]
VI_LETTERS = _VOWELS + list("bcdđghklmnpqrstvxfjwz")
VI_ALPHABET = VI_LETTERS + [ch.upper() for ch in VI_LETTERS] + list(" -0123456789")
NEAR_ALPHABET = list("aAàÀảãáạăằẮâẤậdDđĐoOôƠờợ -1")
# Spaces, punctuation, symbols and invisibles that unit names and documents actually contain.
PUNCT_ALPHABET = list("aAàăĐđơỞ1 \t\n\u00a0_-–—,;:!?.'\"‘’“”«»()[]/\\&#%+=$₫€…§°\u200b\u00ad")


@functools.cache
def _collator() -> Any:
    from PySide6.QtCore import QCollator, QLocale

    return QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))


def _qt_sorted(items: list[str]) -> list[str]:
    return sorted(items, key=functools.cmp_to_key(_collator().compare))


def _sign(x: int) -> int:
    return (x > 0) - (x < 0)


# --- sort_key / collate -------------------------------------------------------------------------
def test_collator_is_icu_vietnamese() -> None:
    from PySide6.QtCore import Qt

    assert _collator().caseSensitivity() == Qt.CaseSensitivity.CaseSensitive
    assert not _collator().numericMode()
    assert not _collator().ignorePunctuation()


@pytest.mark.parametrize("words", [UNIT_NAMES, TRICKY_WORDS, UNIT_NAMES + TRICKY_WORDS])
def test_sort_key_orders_like_qcollator(words: list[str]) -> None:
    shuffled = words[:]
    random.Random(7).shuffle(shuffled)
    expected = _qt_sorted(shuffled)
    assert sorted_vi(shuffled) == expected
    assert sorted_vi(shuffled[::-1]) == expected
    nfd = [ud.normalize("NFD", w) for w in shuffled]
    assert [nfc(w) for w in sorted_vi(nfd)] == expected


def test_unit_names_pairwise_like_qcollator() -> None:
    for a in UNIT_NAMES:
        for b in UNIT_NAMES:
            assert collate(a, b) == _sign(_collator().compare(a, b)), (a, b)


@pytest.mark.parametrize(
    "chain",
    [
        "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split(),
        ["ta", "tà", "tả", "tã", "tá", "tạ", "tă", "tằ", "tâ"],
        ["hoà", "hòa"],
        ["Uỷ ban", "Ủy ban"],
        ["ba", "bA", "Ba", "BA"],
        ["z", "Z", "Zed"],
        ["Sở  Tư", "Sở 1", "Sở 10", "Sở 2", "Sở Nội vụ", "Sở Tư pháp", "Sở Tưa", "Sở-Tư", "Sở1"],
        ["Sở", "Sở ", "Sở Tư"],
        ["", "a"],
        ["Toà án nhân dân tỉnh", "Tòa án nhân dân tỉnh", "Tổ", "Trung tâm"],
        ["Tỉnh đoàn", "Tỉnh Đoàn"],
        ["", " ", "_", "-", ",", ";", ":", "!", "?", ".", "'", '"', "(", ")", "@", "/", "&", "#",
         "%", "+", "<", "=", ">", "$", "0", "1", "9", "a"],
    ],
)
def test_documented_order(chain: list[str]) -> None:
    assert _qt_sorted(chain[::-1]) == chain  # the documented behaviour is ICU's
    keys = [sort_key(w) for w in chain]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)
    for a, b in zip(chain, chain[1:], strict=False):
        assert collate(a, b) == -1 and collate(b, a) == 1


def test_collate_equal_and_nfd() -> None:
    assert collate("Sở Nội vụ", "Sở Nội vụ") == 0
    assert collate("Sở Nội vụ", ud.normalize("NFD", "Sở Nội vụ")) == 0
    assert collate("Đảng", ud.normalize("NFD", "Đảng")) == 0
    assert collate("ệ", "e\u0323\u0302") == 0  # NFD canonical order: dot below before circumflex
    assert collate("Sở\u200b Nội vụ", "Sở Nội vụ") == 0  # zero-width characters are ignorable


def test_sorted_vi_with_key() -> None:
    units = [{"name": n} for n in ["Sở Y tế", "Đài Phát thanh", "Ban Dân vận", "Ủy ban Kiểm tra"]]
    result = sorted_vi(units, key=lambda u: u["name"])
    assert [u["name"] for u in result] == [
        "Ban Dân vận",
        "Đài Phát thanh",
        "Sở Y tế",
        "Ủy ban Kiểm tra",
    ]


@settings(max_examples=400, deadline=None)
@given(st.text(VI_ALPHABET, max_size=8), st.text(VI_ALPHABET, max_size=8))
def test_property_vietnamese_alphabet_like_qcollator(a: str, b: str) -> None:
    assert collate(a, b) == _sign(_collator().compare(a, b))
    assert sort_key(ud.normalize("NFD", a)) == sort_key(a)


@settings(max_examples=400, deadline=None)
@given(st.text(NEAR_ALPHABET, max_size=6), st.text(NEAR_ALPHABET, max_size=6))
def test_property_near_ties_like_qcollator(a: str, b: str) -> None:
    # A small alphabet of one base letter in many tones and cases gives many secondary and
    # tertiary ties, where the levels matter most.
    assert collate(a, b) == _sign(_collator().compare(a, b))
    assert collate(ud.normalize("NFD", a), b) == collate(a, b)


@settings(max_examples=300, deadline=None)
@given(st.text(PUNCT_ALPHABET, max_size=6), st.text(PUNCT_ALPHABET, max_size=6))
def test_property_punctuation_like_qcollator(a: str, b: str) -> None:
    assert collate(a, b) == _sign(_collator().compare(a, b))


def test_sort_key_is_cached() -> None:
    assert sort_key.cache_parameters()["maxsize"] == 65536
    assert sort_key("Sở Nội vụ") is sort_key("Sở Nội vụ")


def test_sqlite_collation() -> None:
    con = sqlite3.connect(":memory:")
    try:
        con.create_collation("vi", collate)
        con.execute("CREATE TABLE unit (name TEXT)")
        con.executemany("INSERT INTO unit VALUES (?)", [(n,) for n in UNIT_NAMES])
        rows = [r[0] for r in con.execute("SELECT name FROM unit ORDER BY name COLLATE vi")]
        assert rows == sorted_vi(UNIT_NAMES)
        assert rows == _qt_sorted(UNIT_NAMES)
        plain = [r[0] for r in con.execute("SELECT name FROM unit ORDER BY name")]
        assert plain != rows  # BINARY puts Đ and Ủ after Z: the collation is what fixes it
    finally:
        con.close()


# --- search -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Ủy", "uy"),
        ("Uỷ", "uy"),
        ("hòa", "hoa"),
        ("hoà", "hoa"),
        ("Đảng", "dang"),
        ("  Sở\u00a0Nội\tvụ \n", "so noi vu"),
        (ud.normalize("NFD", "Tổ chức"), "to chuc"),
        ("ĐOÀN THANH NIÊN", "doan thanh nien"),
        ("Trường\u200b Chính trị", "truong chinh tri"),
    ],
)
def test_search_key(text: str, key: str) -> None:
    assert search_key(text) == key


@pytest.mark.parametrize(
    ("query", "text", "found"),
    [
        ("noi vu", "Sở Nội vụ", True),
        ("to chuc", "Ban Tổ chức Tỉnh ủy", True),
        ("dang", "Đảng ủy Khối", True),
        ("DANG UY", "Đảng ủy Khối", True),
        ("ủy ban", "Uỷ ban Kiểm tra", True),
        ("hoa", "Sở Văn hóa", True),
        ("kiem tra uy ban", "Ủy ban Kiểm tra Tỉnh ủy", True),
        ("", "Sở Y tế", True),
        ("   ", "Sở Y tế", True),
        ("noi vu", "Sở Tư pháp", False),
        ("to chuc x", "Ban Tổ chức", False),
        (ud.normalize("NFD", "Nội"), "Sở Nội vụ", True),
    ],
)
def test_matches(query: str, text: str, found: bool) -> None:
    assert matches(query, text) is found


# --- clean --------------------------------------------------------------------------------------
def test_clean() -> None:
    assert clean("  Sở\u00a0Nội\t\tvụ\n ") == "Sở Nội vụ"
    assert clean("Tổ\u200b chức\ufeff") == "Tổ chức"
    assert clean("Bắc\u00adNinh") == "BắcNinh"
    assert clean(ud.normalize("NFD", "Nguyễn Văn Cừ")) == "Nguyễn Văn Cừ"
    assert ud.is_normalized("NFC", clean(ud.normalize("NFD", "Ủy ban")))
    assert clean("a\u200b\u0300") == "à"  # an invisible between letter and mark does not split
    assert clean(" \u200b\u00a0 ") == ""


def test_clean_multiline() -> None:
    text = "\r\n  \nDòng một  \r\n\tDòng\u00a0hai\u200b\t\rDòng ba\n\n \n"
    assert clean_multiline(text) == "Dòng một\n\tDòng\u00a0hai\nDòng ba"
    assert clean_multiline(ud.normalize("NFD", "Tổ chức\n\nhọp")) == "Tổ chức\n\nhọp"
    assert clean_multiline("") == ""
    assert clean_multiline(" \n \n") == ""


# --- dates --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("d", "phrase"),
    [
        (datetime.date(2026, 2, 5), "ngày 05 tháng 02 năm 2026"),
        (datetime.date(2026, 5, 27), "ngày 27 tháng 5 năm 2026"),
        (datetime.date(2019, 12, 3), "ngày 03 tháng 12 năm 2019"),
        (datetime.date(2025, 1, 1), "ngày 01 tháng 01 năm 2025"),
        (datetime.date(2025, 3, 9), "ngày 09 tháng 3 năm 2025"),
        (datetime.date(2025, 3, 10), "ngày 10 tháng 3 năm 2025"),
        (datetime.date(2025, 10, 31), "ngày 31 tháng 10 năm 2025"),
        (datetime.date(2024, 2, 29), "ngày 29 tháng 02 năm 2024"),
    ],
)
def test_date_phrase(d: datetime.date, phrase: str) -> None:
    assert date_phrase(d) == phrase


def test_place_date_line_and_short_date() -> None:
    d = datetime.date(2019, 12, 3)
    assert place_date_line("Bắc Ninh", d) == "Bắc Ninh, ngày 03 tháng 12 năm 2019"
    assert place_date_line(" Bắc\u00a0Ninh ", d) == "Bắc Ninh, ngày 03 tháng 12 năm 2019"
    assert short_date(datetime.date(2025, 6, 14)) == "14/6/2025"
    assert short_date(datetime.date(2026, 1, 5)) == "5/1/2026"
    assert short_date(datetime.date(2026, 12, 25)) == "25/12/2026"


@pytest.mark.parametrize(
    "text",
    ["14/6/2025", "14/06/2025", "14-6-2025", "2025-06-14", "2025-6-14", " 14/6/2025 ",
     "14.6.2025", "１４/６/２０２５"],
)
def test_parse_date_good(text: str) -> None:
    assert parse_date(text) == datetime.date(2025, 6, 14)


def test_parse_date_leap_day() -> None:
    assert parse_date("29/2/2024") == datetime.date(2024, 2, 29)
    assert parse_date(short_date(datetime.date(2026, 1, 5))) == datetime.date(2026, 1, 5)


@pytest.mark.parametrize(
    "text",
    ["32/1/2025", "29/2/2025", "14/13/2025", "0/1/2025", "14/6/25", "14/6-2025", "abc",
     "2025/06/14", "14 6 2025", "14/6/2025 x", "ngày 14 tháng 6"],
)
def test_parse_date_bad(text: str) -> None:
    with pytest.raises(InputError) as info:
        parse_date(text)
    assert f"“{text}” không phải là ngày hợp lệ" in info.value.message
    assert "ví dụ đúng: 14/6/2025" in info.value.message


def test_parse_date_messages() -> None:
    with pytest.raises(InputError, match="“32/1/2025” không phải là ngày hợp lệ"):
        parse_date("32/1/2025")
    assert str(pytest.raises(InputError, parse_date, "32/1/2025").value) == (
        "“32/1/2025” không phải là ngày hợp lệ (ví dụ đúng: 14/6/2025)."
    )
    with pytest.raises(InputError, match="Chưa nhập ngày"):
        parse_date("  ")
    with pytest.raises(InputError) as info:
        parse_date("x" * 50)
    assert "x" * 29 + "…" in info.value.message and "x" * 30 not in info.value.message


# --- numbers ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (95.5, 2, "95,5"),
        (95.0, 2, "95"),
        (95, 2, "95"),
        (2340000, 2, "2.340.000"),
        (1234.567, 2, "1.234,57"),
        (-5, 2, "-5"),
        (0.125, 2, "0,13"),
        (-0.001, 2, "0"),
        (-0.005, 2, "-0,01"),
        (0.0, 2, "0"),
        (-0.0, 2, "0"),
        (999.995, 2, "1.000"),
        (1.005, 2, "1,01"),
        (2.675, 2, "2,68"),
        (1234567.891, 1, "1.234.567,9"),
        (95.5, 0, "96"),
        (94.5, 0, "95"),
        (-1234.5, 0, "-1.235"),
        (0.1 + 0.2, 2, "0,3"),
        (123.456789, 4, "123,4568"),
        (1e16, 2, "10.000.000.000.000.000"),
        (100, 2, "100"),
        (1000, 2, "1.000"),
    ],
)
def test_format_number(value: float, decimals: int, text: str) -> None:
    assert format_number(value, decimals) == text


def test_format_number_refuses_non_finite() -> None:
    for bad in (float("nan"), float("inf"), float("-inf")):
        with pytest.raises(InputError):
            format_number(bad)
    with pytest.raises(ValueError):
        format_number(1.0, -1)


@pytest.mark.parametrize(
    ("share", "decimals", "text"),
    [
        (0.8, 2, "80 %"),
        (2 / 3, 2, "66,67 %"),
        (0.5, 2, "50 %"),
        (1, 2, "100 %"),
        (0, 2, "0 %"),
        (0.12345, 2, "12,35 %"),
        (0.575, 0, "58 %"),
        (1 / 3, 1, "33,3 %"),
    ],
)
def test_format_percent(share: float, decimals: int, text: str) -> None:
    assert format_percent(share, decimals) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("95,5", 95.5),
        ("95.5", 95.5),
        (" 95,5 ", 95.5),
        ("-3", -3.0),
        ("+3", 3.0),
        ("\u22123", -3.0),
        ("0", 0.0),
        ("2.340.000", 2340000.0),
        ("2.340.000,5", 2340000.5),
        ("1,234.5", 1234.5),
        ("1.234,57", 1234.57),
        ("1.234", 1234.0),  # a dot before exactly three digits groups thousands...
        ("1.000", 1000.0),
        ("-1.500", -1500.0),
        ("0.500", 0.5),  # ...unless it cannot be a thousands group
        ("1.2345", 1.2345),
        ("12.34", 12.34),
        ("007", 7.0),
        ("1,234", 1.234),
        (",5", 0.5),
        (".5", 0.5),
        ("１２,５", 12.5),
        ("12\u200b,5", 12.5),
        ("100", 100.0),
        ("-2.340.000,25", -2340000.25),
        ("1,234,567.5", 1234567.5),
    ],
)
def test_parse_number_good(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text",
    ["abc", "1,2,3", "NaN", "nan", "inf", "-inf", "Infinity", "1e5", "12.34.5", "1.23.456",
     "12.34,5", "0.234,5", "1.234,5.6", "1.2345.6", "1.234.5", "1,23,567.5", "--3", "3-", "5,",
     "5.", ",", ".", "95,5 điểm", "2 340 000", "0x10", "٣", "9" * 400],
)
def test_parse_number_refused(text: str) -> None:
    with pytest.raises(InputError) as info:
        parse_number(text)
    message = info.value.message
    assert "không phải là số" in message
    shown = text if len(text) <= 30 else text[:29] + "…"
    assert f"“{shown}”" in message


def test_parse_number_empty() -> None:
    for text in ("", "   ", "\u200b"):
        with pytest.raises(InputError, match="Chưa nhập số"):
            parse_number(text)


def _half_up(x: float) -> float:
    return float(Decimal(repr(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


@settings(max_examples=500, deadline=None)
@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False))
def test_property_number_round_trip(x: float) -> None:
    parsed = parse_number(format_number(x, 2))
    assert parsed == _half_up(x)
    # Python's round() rounds ties to even on the binary value (round(0.125, 2) == 0.12), the
    # documents round half up on the decimal value as typed: they differ only on exact ties.
    exponent = Decimal(repr(x)).normalize().as_tuple().exponent
    is_tie = isinstance(exponent, int) and exponent == -3 and repr(x).rstrip("0").endswith("5")
    if not is_tie:
        assert parsed == round(x, 2)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=-10**12, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_property_number_round_trip_exact_cents(units: int, cents: int) -> None:
    x = float(Decimal(units) + Decimal(cents) / 100 * (1 if units >= 0 else -1))
    assert parse_number(format_number(x, 2)) == x


def test_identity_key_examples() -> None:
    key = identity_key
    assert key("Ủy ban Kiểm tra") == key("Uỷ ban kiểm tra")
    assert key("Tòa án") == key("TOÀ ÁN")
    assert key("Sở Tư pháp") != key("Sở Từ pháp")
    assert key("Đảng ủy") != key("Dang uy")
