"""Text typed in the old TCVN3 (ABC) or VNI Windows encodings and read as Windows-1252: detect it
and convert it back, so it is reported instead of stored as junk. Run on raw text, before clean()
(TCVN3 uses U+00AD for "ư")."""

from __future__ import annotations

import re
import string
import unicodedata as ud
from collections.abc import Iterator

from data.vntext import nfc

_TONES = "\u0300\u0309\u0303\u0301\u0323"
_TCVN3_LETTERS = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ"
_TCVN3_BYTES = bytes.fromhex(
    "b5b8b6b7b9 a8bbbebcbdc6 a9c7cac8c9cb ae ccd0cecfd1 aad2d5d3d4d6 d7ddd8dcde dfe3e1e2e4"
    " abe5e8e6e7e9 aceaedebecee eff3f1f2f4 adf5f8f6f7f9 fafdfbfcfe a1a2a7a3a4a5a6".replace(" ", "")
).decode("latin-1")
_TCVN3 = str.maketrans(dict(zip(_TCVN3_BYTES, _TCVN3_LETTERS, strict=True)))
_VIET_LOWER = [nfc(v + t) for v in "aăâeêioôơuưy" for t in ["", *_TONES]] + ["đ"]


def _vni(letter: str) -> str:
    """Return the VNI Windows bytes (as Windows-1252 text) of one lowercase letter."""
    parts = ud.normalize("NFD", letter)
    t = next((_TONES.index(m) + 1 for m in parts if m in _TONES), 0)
    tone = ("", "ø", "û", "õ", "ù", "ï")[t]
    if letter == "đ":
        return "ñ"
    if "\u0302" in parts:
        return parts[0] + "âàåãáä"[t]
    if "\u0306" in parts:
        return "a" + "êèúüéë"[t]
    if "\u031b" in parts:
        return ("ô" if parts[0] == "o" else "ö") + tone
    if parts[0] == "i":
        return "iìæóíò"[t]
    return "î" if parts[0] == "y" and t == 5 else parts[0] + tone


_VNI = {
    code: letter
    for v in _VIET_LOWER
    for code, letter in ((_vni(v), v), (_vni(v).upper(), v.upper()))
    if code != letter
}


def _alternatives(words: str) -> str:
    return "|".join(sorted(words.split(), key=len, reverse=True))


# Rhymes by what may follow: nothing (OPEN), an optional final (FREE), a final (CLOSED), nh/ch.
_OPEN = "ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu iêu oai oao oay oeo uây uôi uya uyu"
_OPEN += " ươi ươu yêu"
_FREE = "a e ê i o ô ơ u ư y oa oe uê uy uơ"
_CLOSED = "ă â iê uô ươ yê uyê uâ oă oo"
_SYLLABLE = re.compile(
    f"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?(?:{_alternatives(_OPEN)}"
    f"|(?:{_alternatives(_FREE + ' ' + _CLOSED)})(?:ng|[cmnpt])|(?:{_alternatives(_FREE)})"
    "|(?:a|ê|i|y|oa|uê|uy)(?:ch|nh))"
)
_EDGE = string.punctuation + "“”‘’…«»"


def _is_syllable(word: str) -> bool:
    marks = ud.normalize("NFD", word.lower().replace("ð", "đ"))
    bare = nfc("".join(ch for ch in marks if ch not in _TONES))
    return sum(ch in _TONES for ch in marks) <= 1 and _SYLLABLE.fullmatch(bare) is not None


def _words(text: str) -> Iterator[str]:
    for chunk in text.split():
        for part in chunk.split("-"):
            word = part.strip(_EDGE)
            if word and not word.isascii():
                yield word


def decode_legacy(text: str, encoding: str) -> str:
    """Convert TCVN3 or VNI mojibake (read as Windows-1252) back to NFC Vietnamese."""
    if encoding == "TCVN3":
        return nfc(text.translate(_TCVN3))
    if encoding != "VNI":
        raise ValueError(f"unknown legacy encoding: {encoding!r}")
    out: list[str] = []
    i = 0
    while i < len(text):
        if text[i : i + 2] in _VNI:
            out.append(_VNI[text[i : i + 2]])
            i += 2
        else:
            out.append(_VNI.get(text[i], text[i]))
            i += 1
    return nfc("".join(out))


def legacy_encoding(text: str) -> str | None:
    """Return "TCVN3" or "VNI" when text looks like mojibake of that encoding, else None."""
    # Call it on the raw text: clean() removes U+00AD, which is TCVN3's "ư".
    words = list(_words(nfc(text)))
    native = sum(_is_syllable(w) for w in words)
    best, best_count = None, 0
    for encoding in ("TCVN3", "VNI"):
        decoded = [decode_legacy(w, encoding) for w in words]
        count = sum(d != w and _is_syllable(d) for w, d in zip(words, decoded, strict=True))
        if count > best_count:
            best, best_count = encoding, count
    return best if best_count > native and 2 * best_count >= len(words) else None
