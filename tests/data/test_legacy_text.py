"""Tests for data.legacy_text: TCVN3 / VNI mojibake detection and repair."""

from __future__ import annotations

import unicodedata as ud

import pytest

from data import legacy_text
from data.legacy_text import decode_legacy, legacy_encoding
from data.vntext import nfc
from tests.data.samples import UNIT_NAMES


def _encode(text: str, encoding: str) -> str:
    """Encode NFC Vietnamese with the module's own tables (toned capitals do not exist in TCVN3)."""
    if encoding == "TCVN3":
        table = {str(v): chr(k) for k, v in legacy_text._TCVN3.items()}
        return "".join(table.get(ch, table.get(ch.lower(), ch)) for ch in nfc(text))
    inverse = {letter: code for code, letter in legacy_text._VNI.items()}
    return "".join(inverse.get(ch, ch) for ch in nfc(text))


def test_legacy_tables_are_complete_and_unambiguous() -> None:
    assert len(legacy_text._TCVN3) == 67 + 7 == len(set(legacy_text._TCVN3.values()))
    assert all(0xA1 <= k <= 0xFE for k in legacy_text._TCVN3)
    letters = set(legacy_text._VNI.values())
    assert len(letters) == len(legacy_text._VNI)  # one code per letter
    viet = {nfc(v + t) for v in "aăâeêioôơuưy" for t in ["", *legacy_text._TONES]} | {"đ"}
    changed = {ch for ch in viet if ch not in "aeiouyìí"}  # VNI ì í are Latin-1 ì í already
    assert letters == changed | {ch.upper() for ch in changed}
    vni_codes = legacy_text._VNI
    assert all(all(0xC0 <= ord(c) <= 0xFF or c.isascii() for c in code) for code in vni_codes)


@pytest.mark.parametrize(
    ("mojibake", "encoding", "text"),
    [
        ("Tæ chøc", "TCVN3", "Tổ chức"),
        ("Së Néi vô", "TCVN3", "Sở Nội vụ"),
        ("§¶ng", "TCVN3", "Đảng"),
        ("B¶o Th¾ng", "TCVN3", "Bảo Thắng"),
        ("M\u00adêng Kh\u00ad¬ng", "TCVN3", "Mường Khương"),
        ("B¸t X¸t", "TCVN3", "Bát Xát"),
        ("Ninh B×nh", "TCVN3", "Ninh Bình"),
        ("Sôû Noäi vuï", "VNI", "Sở Nội vụ"),
        ("Ñaûng", "VNI", "Đảng"),
        ("Toå chöùc", "VNI", "Tổ chức"),
        ("Xin chaøo caùc baïn", "VNI", "Xin chào các bạn"),
        ("Tænh ñoaøn", "VNI", "Tỉnh đoàn"),
        ("UÛY BAN", "VNI", "ỦY BAN"),
    ],
)
def test_known_legacy_samples(mojibake: str, encoding: str, text: str) -> None:
    assert legacy_encoding(mojibake) == encoding
    assert decode_legacy(mojibake, encoding) == text


def _tcvn3_friendly(name: str) -> bool:
    return all(not ch.isupper() or ch.isascii() or ch in "ĂÂĐÊÔƠƯ" for ch in name)


@pytest.mark.parametrize("name", UNIT_NAMES + ["Nguyễn Văn Cừ", "Lê Thị Hồng Gấm"])
def test_legacy_generated_samples(name: str) -> None:
    vni = _encode(name, "VNI")
    assert legacy_encoding(vni) == "VNI"
    assert decode_legacy(vni, "VNI") == name
    tcvn3 = _encode(name, "TCVN3")
    assert legacy_encoding(tcvn3) == "TCVN3"
    decoded = decode_legacy(tcvn3, "TCVN3")
    if _tcvn3_friendly(name):
        assert decoded == name
    else:  # TCVN3 has no toned capitals: they come back lowercase
        assert decoded.lower() == name.lower()


def test_legacy_whole_list() -> None:
    document = "\n".join(UNIT_NAMES)
    assert legacy_encoding(_encode(document, "TCVN3")) == "TCVN3"
    assert legacy_encoding(_encode(document, "VNI")) == "VNI"
    assert decode_legacy(_encode(document, "VNI"), "VNI") == document


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Nguyễn Văn Ánh",
        "Bộ Chỉ huy Quân sự tỉnh",
        "Lê Văn Tám",
        "Sở Y tế",
        "Ủy ban nhân dân tỉnh Bắc Ninh",
        "The quick brown fox jumps over the lazy dog",
        "Report 2025 (final), page 3/7",
        "café au lait, naïve résumé",
        "Ông Bà Cô Chú",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM - Độc lập - Tự do - Hạnh phúc",
        "95,5 điểm; 2.340.000 đồng; 80 %",
        *UNIT_NAMES,
    ],
)
def test_legacy_none_for_normal_text(text: str) -> None:
    assert legacy_encoding(text) is None
    assert legacy_encoding(ud.normalize("NFD", text)) is None


def test_legacy_none_for_whole_normal_document() -> None:
    assert legacy_encoding("\n".join(UNIT_NAMES)) is None


def test_decode_legacy_unknown_encoding() -> None:
    with pytest.raises(ValueError):
        decode_legacy("abc", "VISCII")
