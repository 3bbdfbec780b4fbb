"""Tests for data.vntext: Vietnamese normalisation, collation, search, dates, numbers, legacy."""

from __future__ import annotations

import functools
import random
import sqlite3
import unicodedata as ud
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data import vntext
from data.vntext import (
    clean,
    clean_multiline,
    collate,
    identity_key,
    matches,
    nfc,
    search_key,
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


def test_identity_key_examples() -> None:
    key = identity_key
    assert key("Ủy ban Kiểm tra") == key("Uỷ ban kiểm tra")
    assert key("Tòa án") == key("TOÀ ÁN")
    assert key("Sở Tư pháp") != key("Sở Từ pháp")
    assert key("Đảng ủy") != key("Dang uy")
