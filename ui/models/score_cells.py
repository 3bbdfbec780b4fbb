"""What both score grids share: roles, colours, tooltips, and the editable cells model.

Cells are named by (unit, item, layer); typed or pasted text goes through the `ScoreEditor` in one
undo step, and refusals are sent as a message for the page's MessageBar.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from data.model import Criterion, Layer, NodeKind, Score
from data.scoring import UnitResult
from data.vntext import format_number
from ui.edits.scores import CellKey, CellText, ScoreEditor, problems_message
from ui.session import Session

Index = QModelIndex | QPersistentModelIndex
NOTE_ROLE = Qt.ItemDataRole.UserRole + 10  # True when the cell has an evidence note
KEY_ROLE = Qt.ItemDataRole.UserRole + 11  # the cell's (unit id, item id, layer), or None

FALLBACK = QColor("#cfe2fa")  # the authoritative layer is empty: the final takes the self-score
MISSING = QColor("#f8d7d7")  # no layer at all: the item counts 0
DIFFERENT = QColor("#ffe08a")  # verified/council differ from the self-score (amber)
LIGHT = QColor("#868c98")  # a layer that does not count for the item
TOTALS = QColor("#f1f3f5")
CENTER = int(Qt.AlignmentFlag.AlignCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_TOTAL_OF = {Layer.SELF: "self_total", Layer.VERIFIED: "verified_total",
             Layer.COUNCIL: "council_total"}


def layer_total(result: UnitResult, layer: Layer) -> float:
    """A unit's total of one layer (content items only)."""
    return float(getattr(result, _TOTAL_OF[layer]))


def fallback_tip(item: Criterion) -> str:
    """Why a cell is marked as falling back to the self-score."""
    return f"Chưa có điểm {item.layer.label.lower()} — đang lấy điểm tự chấm"


MISSING_TIP = "Chưa có điểm ở lớp nào — nội dung này đang tính 0 điểm"


def item_tip(item: Criterion) -> str:
    """The full title, maximum, kind and counting layer of an item (header tooltips)."""
    kind = item.kind.label
    if item.kind is NodeKind.QUALITATIVE and item.grades:
        kind += f" ({', '.join(g for g, _ in item.grades)})"
    if item.kind is NodeKind.QUANTITATIVE:
        kind += ", nhập thực hiện/kế hoạch (ví dụ 108/100)"
    return (f"{item.code}. {item.title}\nTối đa {format_number(item.max_points)} điểm · {kind}"
            f"\nĐiểm cuối lấy lớp {item.layer.label.lower()}")


def cell_tip(item: Criterion, layer: Layer, score: Score | None, has_self: bool,
             bonus: bool = False) -> str:
    """The tooltip of a score cell: fallback, the layer's role, the inputs and the note."""
    lines: list[str] = []
    if layer is item.layer and score is None:
        if has_self and layer is not Layer.SELF:
            lines.append(fallback_tip(item))
        elif not bonus:
            lines.append(MISSING_TIP)
    elif layer is not item.layer:
        lines.append(f"Nội dung này lấy điểm {item.layer.label.lower()}; điểm "
                     f"{layer.label.lower()} ở đây để đối chiếu"
                     + (" và được dùng khi chưa có điểm kia." if layer is Layer.SELF else "."))
    if score is not None and score.plan is not None and score.actual is not None:
        lines.append(f"Thực hiện {format_number(score.actual)} / kế hoạch "
                     f"{format_number(score.plan)}")
    if score is not None and score.note:
        lines.append(f"Ghi chú / minh chứng: {score.note}")
    return "\n".join(lines)


def cell_background(item: Criterion, layer: Layer, score: Score | None,
                    has_self: bool, bonus: bool) -> QColor | None:
    """The mark of an empty cell in the layer that counts: fallback, or missing altogether."""
    if layer is not item.layer or score is not None:
        return None
    if has_self and layer is not Layer.SELF:
        return FALLBACK
    return None if bonus else MISSING


def widest_text(item: Criterion) -> str:
    """About the widest text a cell of the item shows, in any layer (to size its column)."""
    top = format_number(item.max_points)
    if item.kind is NodeKind.QUALITATIVE:
        return f"{max((g for g, _ in item.grades), key=len, default='A')} · {top}"
    return f"{top} (100/100)" if item.kind is NodeKind.QUANTITATIVE else f"{top},55"


def legend_html() -> str:
    """What the grids' colours and marks mean, for a label above them."""
    def chip(color: QColor, text: str) -> str:
        return (f'<span style="background:{color.name()};">&nbsp;&nbsp;&nbsp;&nbsp;</span>'
                f"&nbsp;{text}")
    return " &nbsp; ".join((
        chip(FALLBACK, "đang lấy điểm tự chấm"), chip(MISSING, "chưa có điểm"),
        chip(DIFFERENT, "khác tự chấm"), '<span style="color:#d97706;">◥</span> có ghi chú',
        f'<span style="color:{LIGHT.name()};">chữ xám</span>: lớp không tính cho nội dung'))


class ScoreCellsModel(QAbstractTableModel):
    """An editable score grid: subclasses name each cell; edits go through the ScoreEditor."""

    refused = Signal(str, str)  # the message shown in place, the full list of problems

    def __init__(self, session: Session, editor: ScoreEditor) -> None:
        super().__init__()
        self.session, self.editor = session, editor
        editor.cellsChanged.connect(self.cells_changed)
        editor.penaltiesChanged.connect(self.unit_changed)

    def cell_key(self, row: int, column: int) -> CellKey | None:
        """The (unit, item, layer) a cell edits, or None when it is not a score cell."""
        raise NotImplementedError

    def cell_where(self, row: int, column: int) -> str:
        """How a cell is named in messages ("Tòa án nhân dân tỉnh · 1b")."""
        raise NotImplementedError

    def cells_changed(self, year: int, keys: list[CellKey]) -> None:
        """Repaint the cells an edit touched and what follows from them."""
        raise NotImplementedError

    def unit_changed(self, year: int, unit_id: int) -> None:
        """Repaint a unit's totals after its penalties changed."""
        raise NotImplementedError

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.cell_key(index.row(), index.column()) is not None:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        return self.apply_cells([(index.row(), index.column(), str(value or ""))], "Chấm")

    def apply_cells(self, cells: list[tuple[int, int, str]], action: str) -> bool:
        """Apply typed or pasted texts in one undo step, or none of them with every reason."""
        texts: list[CellText] = []
        problems: list[str] = []
        outside = 0
        for row, column, text in cells:
            if not (0 <= row < self.rowCount() and 0 <= column < self.columnCount()):
                outside += 1
                continue
            key = self.cell_key(row, column)
            if key is None:
                problems.append(f"{self.cell_where(row, column)}: ô này không nhập điểm được.")
            else:
                texts.append(CellText(key, text, self.cell_where(row, column)))
        if outside:
            problems.append(f"Vùng dán vượt ra ngoài bảng ({outside} ô không có chỗ).")
        if not problems and texts:
            only = texts[0]
            label = (f"{'Xóa điểm' if not only.text.strip() else action} {only.where}"
                     if len(texts) == 1 else f"{action} {len(texts)} ô điểm")
            problems = self.editor.apply_texts(self.session.year, texts, label)
        if problems:
            self.refused.emit(problems_message(problems), "\n".join(problems))
            return False
        return True

    def emit_cells(self, row: int, first: int, last: int) -> None:
        """dataChanged for a run of cells of one row."""
        self.dataChanged.emit(self.index(row, first), self.index(row, last))




def bold() -> QFont:
    """A bold font for totals and group rows."""
    font = QFont()
    font.setBold(True)
    return font
