"""Font discovery for PDF documents: Times New Roman if installed, else bundled Liberation Serif."""

from __future__ import annotations

import os
import re
import sys
import threading
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile

from data.errors import BlocError

BUNDLED_DIR = Path(__file__).resolve().parents[1] / "resources" / "fonts"
SYSTEM_ORIGIN = "phông của hệ thống"
BUNDLED_ORIGIN = "kèm theo phần mềm"
DEJAVU_WARNING = ("Máy này không có phông Times New Roman: văn bản được in bằng phông DejaVu Serif "
                  "nên sẽ không giống mẫu văn bản in bằng Times New Roman.")

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng (combining marks)
_VOWELS = "aăâeêioôơuưy"
_PUNCTUATION = "“”‘’–—…·%°"


def _vietnamese_letters() -> str:
    """Every letter of Vietnamese in both cases (NFC), then the punctuation documents use."""
    lower = "abcdefghijklmnopqrstuvwxyzđ" + "".join(
        unicodedata.normalize("NFC", vowel + tone) for vowel in _VOWELS for tone in ("", *_TONES))
    upper = "".join(unicodedata.normalize("NFC", ch.upper()) for ch in lower)
    return "".join(dict.fromkeys(lower + upper + _PUNCTUATION))


VIETNAMESE_LETTERS: str = _vietnamese_letters()

_WINDOWS_NAMES = ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf")
_MAC_NAMES = ("Times New Roman.ttf", "Times New Roman Bold.ttf", "Times New Roman Italic.ttf",
              "Times New Roman Bold Italic.ttf")
_LINUX_NAMES = ("Times_New_Roman.ttf", "Times_New_Roman_Bold.ttf", "Times_New_Roman_Italic.ttf",
                "Times_New_Roman_Bold_Italic.ttf")
_LIBERATION_NAMES = ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
                     "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf")
_DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
_DEJAVU_NAMES = ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf",
                 "DejaVuSerif-BoldItalic.ttf")


class FontError(BlocError):
    """No usable font for documents, or a font file that cannot be read."""


@dataclass(frozen=True)
class FontFamily:
    """The four faces of one serif family, where they come from, and a warning if it looks off."""

    name: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path
    origin: str
    warning: str = ""

    @property
    def label(self) -> str:
        """The family as a user reads it, e.g. "Times New Roman (phông của hệ thống)"."""
        return f"{self.name} ({self.origin})"


@dataclass(frozen=True)
class RegisteredFonts:
    """The reportlab names under which a family's four faces are registered."""

    family: FontFamily
    regular: str
    bold: str
    italic: str
    bold_italic: str

    def name(self, bold: bool, italic: bool) -> str:
        """The registered face name for the given weight and slant."""
        if bold:
            return self.bold_italic if italic else self.bold
        return self.italic if italic else self.regular


def _faces(family: FontFamily) -> tuple[Path, Path, Path, Path]:
    return family.regular, family.bold, family.italic, family.bold_italic


def _family(name: str, folder: Path, files: tuple[str, ...], origin: str,
            warning: str = "") -> FontFamily | None:
    paths = [folder / file for file in files]
    if not all(path.is_file() for path in paths):
        return None
    return FontFamily(name, paths[0], paths[1], paths[2], paths[3], origin, warning)


def candidates(env: Mapping[str, str] | None = None, home: Path | None = None,
               platform: str | None = None) -> list[FontFamily]:
    """Installed Times New Roman, bundled Liberation Serif, then DejaVu Serif: those complete."""
    env = os.environ if env is None else env
    home = Path.home() if home is None else home
    platform = sys.platform if platform is None else platform
    times: list[tuple[Path, tuple[str, ...]]] = []
    if platform.startswith("win"):
        windir = env.get("WINDIR") or env.get("SYSTEMROOT") or env.get("SystemRoot")
        if windir:
            times.append((Path(windir) / "Fonts", _WINDOWS_NAMES))
        if env.get("LOCALAPPDATA"):
            folder = Path(env["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts"
            times.append((folder, _WINDOWS_NAMES))
    elif platform == "darwin":
        for folder in (Path("/System/Library/Fonts/Supplemental"), Path("/Library/Fonts"),
                       home / "Library" / "Fonts"):
            times.append((folder, _MAC_NAMES))
    else:
        for folder in (Path("/usr/share/fonts/truetype/msttcorefonts"), home / ".fonts",
                       home / ".local" / "share" / "fonts"):
            times += [(folder, _LINUX_NAMES), (folder, _WINDOWS_NAMES)]
    found = [_family("Times New Roman", folder, names, SYSTEM_ORIGIN) for folder, names in times]
    found.append(_family("Liberation Serif", BUNDLED_DIR, _LIBERATION_NAMES, BUNDLED_ORIGIN))
    found.append(_family("DejaVu Serif", _DEJAVU_DIR, _DEJAVU_NAMES, SYSTEM_ORIGIN,
                         DEJAVU_WARNING))
    unique: dict[tuple[Path, ...], FontFamily] = {}
    for family in found:  # times.ttf is often a link to Times_New_Roman.ttf: list it once
        if family is not None:
            unique.setdefault(tuple(path.resolve() for path in _faces(family)), family)
    return list(unique.values())


# Characters each font file maps to a real glyph, keyed on (path, mtime, size); a str is the
# reason the file could not be read, so a damaged file is not parsed again either.
_cmaps: dict[tuple[str, int, int], frozenset[int] | str] = {}
_lock = threading.RLock()
_default: FontFamily | None = None
_registered: dict[FontFamily, RegisteredFonts] = {}


def _cmap(path: Path) -> frozenset[int]:
    try:
        stat = path.stat()
    except OSError as exc:
        raise FontError(f"Không đọc được tệp phông chữ {path}: {exc.strerror}.") from exc
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    with _lock:
        cached = _cmaps.get(key)
        if cached is None:
            try:
                cached = frozenset(code for code, glyph in TTFontFile(str(path)).charToGlyph.items()
                                   if glyph)
            except Exception as exc:  # a damaged file can fail anywhere in the parser
                cached = f"Tệp phông chữ {path} bị hỏng hoặc không dùng được ({exc})."
            _cmaps[key] = cached
    if isinstance(cached, str):
        raise FontError(cached)
    return cached


def missing_letters(path: Path, letters: str = VIETNAMESE_LETTERS) -> str:
    """The letters the font file has no glyph for; FontError if the file cannot be read."""
    cmap = _cmap(path)
    return "".join(ch for ch in letters if ord(ch) not in cmap)


def _choose(families: Sequence[FontFamily]) -> FontFamily:
    problems: list[str] = []
    for family in families:
        try:
            missing = "".join(dict.fromkeys(
                ch for path in _faces(family) for ch in missing_letters(path)))
        except FontError as exc:
            problems.append(f"{family.label}: {exc.message}")
            continue
        if not missing:
            return family
        problems.append(f"{family.label}: thiếu {len(missing)} chữ, ví dụ {missing[:12]}")
    details = "".join(f"\n- {problem}" for problem in problems)
    raise FontError("Không tìm thấy phông chữ có đủ chữ tiếng Việt để in văn bản. Hãy cài phông "
                    "Times New Roman hoặc cài lại phần mềm (thư mục resources/fonts)." + details)


def choose_family(families: Sequence[FontFamily] | None = None) -> FontFamily:
    """The first family whose four faces cover VIETNAMESE_LETTERS (default: candidates())."""
    global _default
    if families is not None:
        return _choose(families)
    with _lock:
        if _default is None:
            _default = _choose(candidates())
        return _default


def _free_base(family: FontFamily) -> str:
    slug = re.sub(r"[^A-Za-z0-9]", "", family.name) or "Font"
    taken = set(pdfmetrics.getRegisteredFontNames())
    base, number = f"KTD-{slug}", 2
    while base in taken:
        base, number = f"KTD-{slug}-{number}", number + 1
    return base


def register(family: FontFamily | None = None) -> RegisteredFonts:
    """Register a family's four faces with reportlab (default: choose_family()), once."""
    if family is None:
        family = choose_family()
    with _lock:
        done = _registered.get(family)
        if done is not None:
            return done
        base = _free_base(family)
        names = (base, f"{base}-Bold", f"{base}-Italic", f"{base}-BoldItalic")
        try:
            faces = [TTFont(name, str(path)) for name, path in zip(names, _faces(family),
                                                                    strict=True)]
        except Exception as exc:  # as in _cmap
            raise FontError(f"Không nạp được phông chữ {family.label}: {exc}.") from exc
        for face in faces:
            pdfmetrics.registerFont(face)
        pdfmetrics.registerFontFamily(base, normal=names[0], bold=names[1], italic=names[2],
                                      boldItalic=names[3])
        done = RegisteredFonts(family, *names)
        _registered[family] = done
        return done
