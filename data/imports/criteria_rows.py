"""The rows of a criteria table typed in the app's template, read into nodes: kinds and layers
by name (tone marks free), grades "A=100%; B=80%" or "A:1; B:0,8", parents by code anywhere in
the file; every problem with its row."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeVar

from data.errors import InputError
from data.imports import Problem
from data.imports.list_sheet import Column, ListSheet, Record, flag
from data.model import DEFAULT_GRADES, Criterion, Layer, NodeKind
from data.numbers import as_number
from data.vntext import clean, clean_multiline, format_number, search_key

COLUMNS = (
    Column("code", "Mã", ("ma so", "ma tieu chi", "ma muc", "stt", "tt", "so tt"), required=True),
    Column("parent", "Thuộc mã", ("ma cha", "thuoc", "thuoc muc", "ma nhom", "thuoc nhom"),
           required=True),
    Column("title", "Nội dung", ("ten tieu chi", "tieu chi", "noi dung tieu chi",
                                 "noi dung cham diem", "noi dung thi dua", "ten muc"),
           required=True),
    Column("kind", "Loại", ("loai noi dung", "loai muc", "cach cham", "hinh thuc cham"),
           required=True),
    Column("max_points", "Điểm tối đa", ("diem chuan", "thang diem", "diem", "diem toi da"),
           required=True),
    Column("layer", "Lớp điểm có thẩm quyền", ("lop diem", "lop cham", "cap cham",
                                               "tham quyen cham", "lop diem tham quyen")),
    Column("grades", "Các mức", ("muc", "thang muc", "muc danh gia", "cac muc danh gia")),
    Column("reduce", "Giảm là tốt", ("chi tieu giam", "giam", "giam la tot")),
    Column("guidance", "Hướng dẫn chấm", ("huong dan", "huong dan cham diem", "cach cham diem")),
)
KINDS = {
    NodeKind.GROUP: ("nhom", "phan", "group"),
    NodeKind.QUALITATIVE: ("dinh tinh", "theo muc", "xep muc", "qualitative"),
    NodeKind.QUANTITATIVE: ("dinh luong", "quantitative"),
    NodeKind.NUMERIC: ("cham truc tiep", "truc tiep", "cham diem truc tiep", "numeric"),
    NodeKind.BONUS: ("diem thuong", "thuong", "cong diem", "bonus"),
}
LAYERS = {
    Layer.SELF: ("tu cham", "don vi tu cham", "self"),
    Layer.VERIFIED: ("khoi cham", "khoi", "tham dinh", "khoi tham dinh", "verified"),
    Layer.COUNCIL: ("hoi dong cham", "hoi dong", "hd cham", "hd", "hoi dong tdkt", "council"),
}
_SPLIT = re.compile(r"[;\n]+|,\s+(?=[^\d\s])")
_GRADE = re.compile(r"\s*([^=:]+?)\s*[=:]\s*(.+?)\s*")
T = TypeVar("T")


@dataclass(frozen=True)
class Node:
    """One row read: the node it describes (ids are row numbers until parents are resolved)."""

    row: int
    code: str
    parent: str  # the parent's code as typed, "" for a section
    node: Criterion
    kind_typed: bool  # False: no kind typed, a group if it has children


def _kind(text: str) -> NodeKind:
    key = search_key(text)
    for kind, aliases in KINDS.items():
        if key == search_key(kind.label) or key in aliases:
            return kind
    raise InputError(f"Loại “{text}” không hợp lệ; ghi một trong: Nhóm, Định tính, Định lượng, "
                     "Chấm trực tiếp, Điểm thưởng.")


def _layer(text: str) -> Layer:
    key = search_key(text)
    for layer, aliases in LAYERS.items():
        if key == search_key(layer.label) or key in aliases:
            return layer
    raise InputError(f"Lớp điểm “{text}” không hợp lệ; ghi một trong: Tự chấm, Khối chấm, Hội "
                     "đồng chấm.")


def parse_grades(text: str) -> tuple[tuple[str, float], ...]:
    """“A=100%; B=80%; C=60%; D=0” or “A:1; B:0,8” into (grade, share of the maximum); a
    number above 1 without “%” is a percentage too."""
    grades: list[tuple[str, float]] = []
    for part in filter(str.strip, _SPLIT.split(text)):
        match = _GRADE.fullmatch(part)
        if match is None:
            raise InputError(f"Các mức: “{part.strip()}” phải viết dạng “A=100%” hoặc “A:1”, "
                             "các mức cách nhau bằng dấu chấm phẩy.")
        name, value = clean(match[1]), clean(match[2])
        percent = value.endswith("%")
        share = as_number(value.rstrip("%").strip(), f"Các mức (mức {name})")
        share = share / 100 if percent or share > 1 else share
        if not 0 <= share <= 1:
            raise InputError(f"Các mức: mức “{name}” phải từ 0 đến 100 %.")
        grades.append((name, round(share, 6)))
    return tuple(grades)


def grades_text(grades: tuple[tuple[str, float], ...]) -> str:
    """Grades as the template writes them: “A=100%; B=80%; C=60%; D=0%”."""
    return "; ".join(f"{g}={format_number(s * 100)}%" for g, s in grades)


def _max_points(record: Record, refuse: Callable[[str], None]) -> float:
    points = record.value("max_points")
    if "max_points" in record.refused:
        return 0.0
    if not points.text:
        refuse("Thiếu điểm tối đa (cột “Điểm tối đa”).")
        return 0.0
    try:
        value = as_number(points.value, "Điểm tối đa")
    except InputError as exc:
        refuse(exc.message)
        return 0.0
    if value < 0:
        refuse(f"Điểm tối đa ({points.text}) không được âm.")
    return value


def _node(sheet: ListSheet, record: Record, problems: list[Problem]) -> Node | None:
    code, title = record.text("code"), record.text("title")
    before = len(problems)

    def refuse(message: str) -> None:
        problems.append(sheet.problem(message, record.row, code))

    def parsed(field: str, parse: Callable[[str], T], default: T) -> T:
        text = record.text(field)
        try:
            return parse(text) if text else default
        except InputError as exc:
            refuse(exc.message)
            return default

    if not code and "code" not in record.refused:
        refuse("Thiếu mã (cột “Mã”): mỗi mục cần một mã riêng (I, 1, 1a…).")
    if not title and "title" not in record.refused:
        refuse("Thiếu nội dung (cột “Nội dung”).")
    kind: NodeKind | None = parsed("kind", _kind, None)
    layer = parsed("layer", _layer, Layer.VERIFIED)
    no_grades: tuple[tuple[str, float], ...] = ()
    grades = parsed("grades", parse_grades, no_grades)
    max_points = _max_points(record, refuse)
    reduce = False
    try:
        reduce = bool(flag(record.value("reduce"), "Giảm là tốt"))
    except InputError as exc:
        refuse(exc.message)
    if grades and kind not in (NodeKind.QUALITATIVE, None):
        refuse("Chỉ nội dung định tính mới có “Các mức”; hãy xóa các mức hoặc đổi Loại.")
    if reduce and kind is not NodeKind.QUANTITATIVE:
        refuse("“Giảm là tốt” chỉ dùng cho nội dung định lượng.")
    if len(problems) > before or record.refused:
        return None
    guidance = clean_multiline(record.value("guidance").text)
    node = Criterion(id=record.row, year=0, parent_id=None, position=0, code=code, title=title,
                     kind=kind or NodeKind.GROUP, max_points=max_points, layer=layer,
                     reduce=reduce, grades=grades, guidance=guidance)
    return Node(record.row, code, record.text("parent"), node, kind is not None)


def read_nodes(sheet: ListSheet, year: int, problems: list[Problem]
               ) -> tuple[list[Criterion], dict[int, int]]:
    """The table's nodes with parents resolved, parents before children and siblings in file
    order (ids 1, 2… in that order), and the sheet row of each id; none when a row has a
    problem."""
    nodes = [n for r in sheet.records if (n := _node(sheet, r, problems)) is not None]
    by_code: dict[str, Node] = {}
    for item in nodes:
        key = item.code.casefold()
        if key in by_code:
            problems.append(sheet.problem(f"Mã “{item.code}” đã dùng ở dòng {by_code[key].row}; "
                                          "mỗi mục cần một mã riêng.", item.row, item.code))
        by_code.setdefault(key, item)
    known = {r.text("code").casefold() for r in sheet.records}  # rows refused above too
    children: dict[str, list[Node]] = {}
    for item in nodes:
        parent = item.parent.casefold()
        if parent and parent not in known:
            problems.append(sheet.problem(f"Thuộc mã “{item.parent}”: không có mục nào mang mã "
                                          "này trong bảng.", item.row, item.code))
        elif parent == item.code.casefold():
            problems.append(sheet.problem("Một mục không thể thuộc chính nó.", item.row,
                                          item.code))
        else:
            children.setdefault(parent, []).append(item)
    if problems:
        return [], {}
    ordered: list[Criterion] = []
    rows: dict[int, int] = {}
    roots = children.get("", [])
    stack: list[tuple[Node, int | None, int]] = [
        (roots[i - 1], None, i) for i in range(len(roots), 0, -1)]
    while stack:
        item, parent_id, position = stack.pop()
        node = item.node
        kids = children.get(item.code.casefold(), [])
        if not item.kind_typed and not kids:
            problems.append(sheet.problem("Thiếu loại (cột “Loại”): chỉ để trống với một nhóm "
                                          "có mục con.", item.row, item.code))
        if node.kind is NodeKind.QUALITATIVE and not node.grades:
            node = replace(node, grades=DEFAULT_GRADES)
        node = replace(node, id=len(ordered) + 1, year=year, parent_id=parent_id,
                       position=position)
        ordered.append(node)
        rows[node.id] = item.row
        stack += [(k, node.id, i) for i, k in enumerate(kids, start=1)][::-1]
    placed = {n.code.casefold() for n in ordered}
    for item in nodes:
        if item.code.casefold() not in placed:
            problems.append(sheet.problem("Vòng lặp “Thuộc mã”: đi ngược lên các mục cha không "
                                          "tới được một phần (mục để trống “Thuộc mã”).",
                                          item.row, item.code))
    return ([], {}) if problems else (ordered, rows)
