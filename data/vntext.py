"""Vietnamese text rules: normalisation, ICU-compatible sorting, search, dates, numbers."""

from __future__ import annotations

import datetime
import functools
import math
import re
import unicodedata as ud
from collections.abc import Callable, Iterable
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any, TypeVar, overload

from data.errors import InputError

T = TypeVar("T")
SortKey = tuple[bool, tuple[int, ...], tuple[int, ...], tuple[int, ...]]

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00ad"))
_WS = re.compile(r"\s+")
_TONES = "\u0300\u0309\u0303\u0301\u0323"  # huyền, hỏi, ngã, sắc, nặng: the vi secondary order


def nfc(text: str) -> str:
    """Return text in Unicode NFC."""
    return ud.normalize("NFC", text)


def clean(text: str) -> str:
    """Normalise a one-line field: NFC, no invisible characters, single spaces, stripped."""
    return _WS.sub(" ", nfc(text.translate(_INVISIBLE))).strip()


def clean_multiline(text: str) -> str:
    """Normalise multi-line text: NFC, no invisibles, LF endings, no trailing blanks."""
    text = nfc(text.translate(_INVISIBLE)).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


# --- Collation (ICU / CLDR "vi", strength tertiary, alternate non-ignorable) -------------------
# Spaces, punctuation and symbols in ICU root order (checked against QCollator, ICU 73).
_PUNCT = (
    "\t\n\x0b\x0c\r _-\u2010\u2013\u2014,;:!?.\u00b7'\"\u00ab\u00bb()[]{}\u00a7@*/\\&#%"
    "\u2022\u2032`^\u00b0\u00a9\u00ae+\u00b1\u00f7\u00d7<=>|~\u2212$\u20ab\u20ac"
)
_PRIMARY = {ch: i + 1 for i, ch in enumerate(_PUNCT)}
_QUOTES = {"\u2018": ("'", 1), "\u2019": ("'", 2), "\u201c": ('"', 1), "\u201d": ('"', 2)}
_LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_PRIMARY.update({ch: 2_000_100 + i for i, ch in enumerate(_LETTERS)})
_PRIMARY.update({str(d): 2_000_000 + d for d in range(10)})
_CONTRACT = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê",
             ("o", "\u0302"): "ô", ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}
# Secondary order of the common marks: the vi tailoring puts the tones right after the grave.
_MARKS = "\u0332\u0313\u0314" + _TONES + "\u0306\u0302\u030c\u030a\u0342\u0308\u0344\u030b\u0307"
_SECONDARY = {m: i + 10 for i, m in enumerate(_MARKS + "\u0338\u0327\u0328\u0304")}
# Tertiary weights of compatibility variants (DUCET); uppercase adds 6 to the first five.
_TERTIARY = {f"<{tag}>": w for w, tag in enumerate("wide compat font circle".split(), 3)}
_TAGS = "small super sub vertical initial medial final isolated noBreak square narrow fraction"
_TERTIARY |= {f"<{tag}>": w for w, tag in enumerate(_TAGS.split(), 13)}


def _ignorable(ch: str) -> bool:
    cat = ud.category(ch)
    return (cat == "Cc" and ch not in "\t\n\x0b\x0c\r") or cat == "Cf" or ch == "\u034f"


def _fallback_primary(ch: str) -> int:
    cat = ud.category(ch)
    if cat[0] == "N" and ud.decimal(ch, -1) >= 0:
        return 2_000_000 + ud.decimal(ch)
    if cat[0] in "LM":
        return 3_000_000 + ord(ch)
    return 1_000 + ord(ch)  # other punctuation and symbols: after the known ones, before digits


def _collation_elements(
    text: str, prim: list[int], sec: list[int], ter: list[int], tag: str = ""
) -> None:
    base = ""  # lowercase base letter that may still take a Vietnamese modifier
    cccs: list[int] = []  # combining classes of the marks seen since that base
    for ch in text:
        if ud.category(ch)[0] == "M":
            ccc = ud.combining(ch)
            letter = _CONTRACT.get((base, ch))
            if letter and all(0 < c < ccc for c in cccs):  # discontiguous contraction allowed
                prim[-1], base = _PRIMARY[letter], ""
            else:
                sec.append(_SECONDARY.get(ch, 1_000 + ord(ch)))
                cccs.append(ccc)
            continue
        if ch == "\u00b7" and base == "l":  # the Catalan "l·" contraction of the root order
            sec.append(900)
            continue
        base, cccs = "", []
        if _ignorable(ch):
            continue
        decomposition = ud.decomposition(ch)
        if ch not in _PRIMARY and ch not in _QUOTES and decomposition.startswith("<"):
            _collation_elements(ud.normalize("NFKD", ch), prim, sec, ter, decomposition.split()[0])
            continue
        lower = ch.lower()
        lower = lower if len(lower) == 1 else ch
        key, extra = _QUOTES.get(lower, (lower, 0))
        prim.append(_PRIMARY.get(key) or _fallback_primary(key))
        sec.append(extra)  # the curly quotes are secondary variants of the straight ones
        level = _TERTIARY.get(tag, 2)
        ter.append(level + 6 if ch != lower and level <= 6 else level)
        base = lower


@functools.lru_cache(maxsize=65536)
def sort_key(text: str) -> SortKey:
    """Return a key whose order equals QCollator's for the vi_VN locale (ICU)."""
    prim: list[int] = []
    sec: list[int] = []
    ter: list[int] = []
    _collation_elements(ud.normalize("NFD", text), prim, sec, ter)
    return text != "", tuple(prim), tuple(sec), tuple(ter)  # Qt puts "" before all else


def collate(a: str, b: str) -> int:
    """Compare two strings in Vietnamese order: -1, 0 or 1 (for sqlite3 create_collation)."""
    ka, kb = sort_key(a), sort_key(b)
    return (ka > kb) - (ka < kb)


@overload
def sorted_vi(items: Iterable[str]) -> list[str]: ...
@overload
def sorted_vi(items: Iterable[T], key: Callable[[T], str]) -> list[T]: ...
def sorted_vi(items: Iterable[Any], key: Callable[[Any], str] | None = None) -> list[Any]:
    """Return items sorted in Vietnamese order of key(item) (the item itself by default)."""
    get = key or (lambda x: x)
    return sorted(items, key=lambda item: sort_key(get(item)))


# --- Search ------------------------------------------------------------------------------------
def search_key(text: str) -> str:
    """Return text without marks, tones, đ and case, for accent-insensitive search."""
    text = ud.normalize("NFD", text.translate(_INVISIBLE))
    text = "".join(ch for ch in text if ud.category(ch)[0] != "M").casefold()
    return _WS.sub(" ", text.replace("đ", "d")).strip()


_TONE_DIGITS = {t: str(n) for n, t in enumerate(_TONES, start=1)}


def identity_key(name: str) -> str:
    """Two names with the same key are the same unit: case and tone placement (Ủy/Uỷ) ignored."""
    words = []
    for word in ud.normalize("NFD", clean(name).casefold()).split(" "):
        tones = "".join(_TONE_DIGITS[ch] for ch in word if ch in _TONE_DIGITS)
        words.append("".join(ch for ch in word if ch not in _TONE_DIGITS) + tones)
    return ud.normalize("NFC", " ".join(words))


def matches(query: str, text: str) -> bool:
    """Return True when every word of query occurs in text, ignoring tones and case."""
    haystack = search_key(text)
    return all(token in haystack for token in search_key(query).split())


# --- Dates -------------------------------------------------------------------------------------
_DATE_EXAMPLE = "(ví dụ đúng: 14/6/2025)"
_DMY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def date_phrase(d: datetime.date) -> str:
    """Return "ngày 05 tháng 02 năm 2026": day < 10 and months 1-2 padded with 0."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def place_date_line(place: str, d: datetime.date) -> str:
    """Return the place-and-date line of a document: "Bắc Ninh, ngày 03 tháng 12 năm 2019"."""
    return f"{clean(place)}, {date_phrase(d)}"


def short_date(d: datetime.date) -> str:
    """Return a short citation date without padding: "14/6/2025"."""
    return f"{d.day}/{d.month}/{d.year}"


def _shown(text: str) -> str:
    text = clean(text)
    return text if len(text) <= 30 else text[:29] + "…"


def parse_date(text: str) -> datetime.date:
    """Parse "14/6/2025", "14/06/2025", "14-6-2025", "14.6.2025" or "2025-06-14"."""
    value = ud.normalize("NFKC", clean(text))
    if not value:
        raise InputError(f"Chưa nhập ngày {_DATE_EXAMPLE}.")
    try:
        if m := _DMY.fullmatch(value):
            return datetime.date(int(m[4]), int(m[3]), int(m[1]))
        if m := _YMD.fullmatch(value):
            return datetime.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        pass
    raise InputError(f"“{_shown(text)}” không phải là ngày hợp lệ {_DATE_EXAMPLE}.")


# --- Numbers -----------------------------------------------------------------------------------
def _format_decimal(value: Decimal, decimals: int) -> str:
    if not value.is_finite():
        raise InputError(f"“{value}” không phải là số.")
    if decimals < 0:
        raise ValueError("decimals must be >= 0")
    with localcontext() as ctx:
        ctx.prec = 400 + decimals
        rounded = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    integer, _, fraction = f"{abs(rounded):f}".partition(".")
    fraction = fraction.rstrip("0")
    sign = "-" if rounded < 0 and not rounded.is_zero() else ""
    return sign + f"{int(integer):,}".replace(",", ".") + ("," + fraction if fraction else "")


def format_number(value: float, decimals: int = 2) -> str:
    """Format with decimal comma and thousands dot, half-up rounding: 1234.567 -> "1.234,57"."""
    return _format_decimal(Decimal(repr(float(value))), decimals)


def format_percent(share: float, decimals: int = 2) -> str:
    """Format a share as a percentage: 0.8 -> "80 %", 2/3 -> "66,67 %"."""
    return _format_decimal(Decimal(repr(float(share))).scaleb(2), decimals) + " %"


_GROUPED = re.compile(r"[1-9][0-9]{0,2}([.,])[0-9]{3}(?:\1[0-9]{3})*")


def parse_number(text: str) -> float:
    """Parse "95,5", "95.5", "1.500", "2.340.000,5", "1,234.5", "-3" into a float."""
    value = ud.normalize("NFKC", text.translate(_INVISIBLE)).strip().replace("\u2212", "-")
    if not value:
        raise InputError("Chưa nhập số.")
    refused = InputError(f"“{_shown(text)}” không phải là số.")
    m = re.fullmatch(r"([+-]?)([0-9.,]+)", value)
    if not m:
        raise refused
    sign, body = m[1], m[2]
    dots, commas = body.count("."), body.count(",")
    if dots and commas:  # the last separator is the decimal one
        dec = "." if body.rfind(".") > body.rfind(",") else ","
    elif commas == 1 or (dots == 1 and not _GROUPED.fullmatch(body)):
        dec = "," if commas else "."
    elif commas:
        raise refused
    else:  # thousands dots only ("1.500", "2.340.000": what format_number writes), or none
        dec = ""
    integer, _, fraction = body.rpartition(dec) if dec else (body, "", "")
    grouped = dots + commas > len(dec) and not _GROUPED.fullmatch(integer)
    if grouped or (dec and not fraction) or not (integer or fraction):
        raise refused
    digits = integer.replace(".", "").replace(",", "")
    result = float(f"{sign}{digits or '0'}.{fraction or '0'}")
    if not math.isfinite(result):
        raise refused
    return result
