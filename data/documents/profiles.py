"""Page profiles (thể thức văn bản) read from `resources/profiles/*.json`: margins, text styles,
header blocks, the number pattern and numbering rule, signing capacities and labels.

A new guideline is a new JSON file; the bloc stores the file's name (its id). Invalid data is
refused with a Vietnamese message naming the file and the field."""

from __future__ import annotations

import datetime
import json
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from data.errors import BlocError

PROFILES_DIR = Path(__file__).resolve().parents[2] / "resources" / "profiles"
DEFAULT_PROFILE = "state"
STYLE_KEYS = (
    "agency_above", "issuer", "number", "header_right", "motto", "place_date", "doc_type",
    "subject", "addressee", "body", "heading", "table", "table_header", "signing_capacity",
    "signing_title", "signer_name", "recipients_label", "recipients", "page_number", "note",
)
LABEL_KEYS = ("secretary", "chair", "head", "recipients", "archive")
CAPACITY_KEYS = ("on_behalf", "deputy", "by_order")
_PLACEHOLDERS = {"number", "type", "code"}
NUMBER_BLANK = "\u00a0" * 8  # a draft's number: room to write it in (spaces that never collapse)


class ProfileError(BlocError):
    """A profile file that cannot be used, with the field at fault."""


@dataclass(frozen=True)
class TextStyle:
    """Size in points and the face of one element of the page."""

    size: float
    bold: bool = False
    italic: bool = False
    upper: bool = False
    underline: bool = False


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres."""

    top: float
    bottom: float
    left: float
    right: float


@dataclass(frozen=True)
class HeaderLine:
    """A fixed line of the right header block ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")."""

    text: str
    style: str


@dataclass(frozen=True)
class Numbering:
    """How documents are numbered: the printed pattern and when the count starts again."""

    pattern: str  # "Số: {number}/{type}-{code}" or "Số {number}-{type}/{code}"
    pad: int = 2  # numbers below 10 printed "05"
    restart: str = "year"  # "year": each 1 January; "term": each term of office
    per_type: bool = False  # one count per document type (BB, TTr) or one for all
    term_years: int = 0
    term_first_year: int = 0

    def series(self, type_code: str, issued_on: datetime.date) -> str:
        """The numbering series a document issued on that day belongs to."""
        if self.restart == "term":
            start = issued_on.year - (issued_on.year - self.term_first_year) % self.term_years
            key = f"nhiệm kỳ {start}-{start + self.term_years}"
        else:
            key = f"năm {issued_on.year}"
        return f"{key} · {type_code}" if self.per_type else key

    def text(self, number: int | None, type_code: str, code: str) -> str:
        """The number line as printed; a draft (None) leaves room to write the number in."""
        shown = f"{number:0{self.pad}d}" if number is not None else NUMBER_BLANK
        return self.pattern.format(number=shown, type=type_code, code=code)


@dataclass(frozen=True)
class Header:
    """The header blocks: right lines and their rule, the mark under the issuing body."""

    right: tuple[HeaderLine, ...]
    right_rule: bool = True  # a rule under the last right line, as wide as its text
    issuer_mark: str = "rule"  # "rule" (short rule) or "asterisk"
    issuer_rule_share: float = 0.4  # the short rule's width, as a share of the issuer's text
    subject_mark: str = "rule"  # under the subject line: a short "rule", "dashes" (-----), "none"
    left_width_share: float = 0.42  # the left block's share of the text width


@dataclass(frozen=True)
class PageProfile:
    """One official format: everything a renderer needs besides the content."""

    id: str
    name: str
    source: str
    margins: Margins
    landscape_margins: Margins
    body_indent_mm: float
    space_after_pt: float
    line_spacing: float
    styles: Mapping[str, TextStyle]
    header: Header
    numbering: Numbering
    capacity: Mapping[str, str]
    labels: Mapping[str, str]

    def style(self, key: str) -> TextStyle:
        """The style of one element (every key of STYLE_KEYS is present)."""
        return self.styles[key]


class _Reader:
    """Reads typed fields out of the parsed JSON, naming the field when one is wrong."""

    def __init__(self, file_name: str) -> None:
        self.file_name = file_name

    def fail(self, field: str, need: str) -> ProfileError:
        return ProfileError(f"Tệp thể thức “{self.file_name}”, trường “{field}”: {need}.")

    def get(self, data: Mapping[str, Any], key: str, field: str) -> Any:
        if not isinstance(data, Mapping) or key not in data:
            raise self.fail(field, "còn thiếu")
        return data[key]

    def text(self, data: Mapping[str, Any], key: str, field: str, *, required: bool = True
             ) -> str:
        value = self.get(data, key, field) if required else data.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(field, "cần một đoạn chữ")
        return value

    def number(self, data: Mapping[str, Any], key: str, field: str, low: float, high: float,
               default: float | None = None) -> float:
        value = data.get(key, default) if default is not None else self.get(data, key, field)
        if isinstance(value, bool) or not isinstance(value, int | float) or not (
                low <= value <= high):
            raise self.fail(field, f"cần một số từ {low:g} đến {high:g}")
        return float(value)

    def flag(self, data: Mapping[str, Any], key: str, field: str, default: bool = False) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(field, "cần true hoặc false")
        return value

    def margins(self, data: Mapping[str, Any], key: str) -> Margins:
        block = self.get(data, key, key)
        return Margins(*(self.number(block, side, f"{key}.{side}", 5, 60)
                         for side in ("top", "bottom", "left", "right")))

    def style(self, data: Mapping[str, Any], field: str) -> TextStyle:
        if not isinstance(data, Mapping):
            raise self.fail(field, "cần một nhóm thuộc tính (size, bold, italic…)")
        return TextStyle(self.number(data, "size", f"{field}.size", 6, 40),
                         *(self.flag(data, k, f"{field}.{k}")
                           for k in ("bold", "italic", "upper", "underline")))

    def choice(self, data: Mapping[str, Any], key: str, field: str, allowed: tuple[str, ...],
               default: str) -> str:
        value = data.get(key, default)
        if value not in allowed:
            raise self.fail(field, f"cần một trong: {', '.join(allowed)}")
        return str(value)


def _numbering(r: _Reader, data: Mapping[str, Any]) -> Numbering:
    block = r.get(data, "numbering", "numbering")
    pattern = r.text(block, "pattern", "numbering.pattern")
    try:
        used = {name for _, name, _, _ in string.Formatter().parse(pattern) if name}
    except ValueError:
        used = {"?"}
    if used != _PLACEHOLDERS:
        raise r.fail("numbering.pattern", "cần đủ và chỉ có {number}, {type}, {code}")
    restart = r.choice(block, "restart", "numbering.restart", ("year", "term"), "year")
    term = restart == "term"
    return Numbering(
        pattern, int(r.number(block, "pad", "numbering.pad", 1, 4, default=2)), restart,
        r.flag(block, "per_type", "numbering.per_type"),
        int(r.number(block, "term_years", "numbering.term_years", 1, 10)) if term else 0,
        int(r.number(block, "term_first_year", "numbering.term_first_year", 1930, 2200))
        if term else 0)


def _header(r: _Reader, data: Mapping[str, Any]) -> Header:
    block = r.get(data, "header", "header")
    lines = r.get(block, "right", "header.right")
    if not isinstance(lines, list) or not lines:
        raise r.fail("header.right", "cần ít nhất một dòng")
    right = []
    for i, line in enumerate(lines):
        field = f"header.right[{i}]"
        style = r.text(line, "style", f"{field}.style")
        if style not in STYLE_KEYS:
            raise r.fail(f"{field}.style", f"kiểu chữ “{style}” không có trong “styles”")
        right.append(HeaderLine(r.text(line, "text", f"{field}.text"), style))
    return Header(
        tuple(right), r.flag(block, "right_rule", "header.right_rule", True),
        r.choice(block, "issuer_mark", "header.issuer_mark", ("rule", "asterisk"), "rule"),
        r.number(block, "issuer_rule_share", "header.issuer_rule_share", 0.1, 1, 0.4),
        r.choice(block, "subject_mark", "header.subject_mark", ("rule", "dashes", "none"), "rule"),
        r.number(block, "left_width_share", "header.left_width_share", 0.3, 0.6, 0.42))


def parse_profile(profile_id: str, data: Any, file_name: str = "") -> PageProfile:
    """A profile from parsed JSON, or ProfileError naming the first wrong field."""
    r = _Reader(file_name or f"{profile_id}.json")
    if not isinstance(data, Mapping):
        raise r.fail("(toàn tệp)", "cần một đối tượng JSON { … }")
    styles_block = r.get(data, "styles", "styles")
    styles = {k: r.style(r.get(styles_block, k, f"styles.{k}"), f"styles.{k}")
              for k in STYLE_KEYS}
    body = r.get(data, "body", "body")
    capacity_block = r.get(data, "capacity", "capacity")
    labels_block = r.get(data, "labels", "labels")
    return PageProfile(
        id=profile_id, name=r.text(data, "name", "name"),
        source=r.text(data, "source", "source", required=False),
        margins=r.margins(data, "margins_mm"),
        landscape_margins=r.margins(data, "landscape_margins_mm"),
        body_indent_mm=r.number(body, "indent_mm", "body.indent_mm", 0, 30),
        space_after_pt=r.number(body, "space_after_pt", "body.space_after_pt", 0, 24),
        line_spacing=r.number(body, "line_spacing", "body.line_spacing", 1, 2),
        styles=styles, header=_header(r, data), numbering=_numbering(r, data),
        capacity={k: r.text(capacity_block, k, f"capacity.{k}") for k in CAPACITY_KEYS},
        labels={k: r.text(labels_block, k, f"labels.{k}") for k in LABEL_KEYS},
    )


def available_profiles(folder: Path = PROFILES_DIR) -> list[str]:
    """The ids of the profile files present (file names without ".json"), sorted."""
    return sorted(p.stem for p in folder.glob("*.json"))


@cache
def _load_cached(profile_id: str, folder: Path, stamp: float) -> PageProfile:
    path = folder / f"{profile_id}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"Không đọc được tệp thể thức “{path.name}”: {exc}.") from None
    except json.JSONDecodeError as exc:
        raise ProfileError(f"Tệp thể thức “{path.name}” sai cú pháp JSON ở dòng {exc.lineno}, "
                           f"cột {exc.colno}.") from None
    return parse_profile(profile_id, data, path.name)


def load_profile(profile_id: str, folder: Path = PROFILES_DIR) -> PageProfile:
    """The profile of that id, read once per process (again when its file changes)."""
    path = folder / f"{profile_id}.json"
    if not profile_id or "/" in profile_id or "\\" in profile_id or not path.is_file():
        known = ", ".join(available_profiles(folder)) or "không có"
        raise ProfileError(f"Không có thể thức văn bản “{profile_id}” (các thể thức có: "
                           f"{known}).")
    return _load_cached(profile_id, folder, path.stat().st_mtime)


def profile_choices(folder: Path = PROFILES_DIR) -> list[tuple[str, str]]:
    """(id, name) of every usable profile, the default first; a broken file is left out."""
    found = []
    for profile_id in available_profiles(folder):
        try:
            found.append((profile_id, load_profile(profile_id, folder).name))
        except ProfileError:
            continue
    return sorted(found, key=lambda pair: pair[0] != DEFAULT_PROFILE)
