"""The two entries of a round's counts side by side, as typed (drafts kept until saved), and the
grid that types them: rows are ballots issued, received, valid, invalid, then the candidates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from data.ballot_math import COUNT_FIELDS, FIELD_LABELS
from data.errors import InputError
from data.meeting_model import BallotRound, CountEntry, CountProblem
from data.vntext import clean, parse_number

Index = QModelIndex | QPersistentModelIndex
COL_FIRST, COL_SECOND, COL_MATCH = range(3)
ENTRIES = (1, 2)
MATCH, DIFFER = "Khớp", "Lệch"
_PROBLEM, _DIFFER = QColor("#f8d7da"), QColor("#fff1c2")
_MATCH_TEXT, _DIFFER_TEXT = QColor("#1e5631"), QColor("#8a1c1c")


def _number(text: str) -> int | str:
    """An integer when the text reads as one, else the text itself (compared as typed)."""
    try:
        value = parse_number(text)
    except InputError:
        return text
    return int(value) if value == int(value) else text


class BallotEntriesModel(QAbstractTableModel):
    """Editable grid of the two count entries of one round; never raises from setData."""

    HEADERS = ("Lần nhập 1", "Lần nhập 2", "Khớp?")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._round: BallotRound | None = None
        self._labels: list[str] = []
        self._keys: list[tuple[str, int | None]] = []  # ("valid", None), ("votes", unit id)
        self._entries: dict[int, CountEntry] = {}
        self._stored: dict[int, list[str]] = {}
        self._drafts: dict[tuple[int, int], list[str]] = {}  # (round id, entry) -> texts
        self._problems: dict[tuple[int, int], dict[int, str]] = {}  # -> row -> message

    # --- loading -----------------------------------------------------------------------------
    def set_round(self, ballot: BallotRound | None, names: Mapping[int, str],
                  entries: Sequence[CountEntry] = ()) -> None:
        """Show a round's stored entries; unsaved typing for it (kept per round) stays on top."""
        self.beginResetModel()
        self._round = ballot
        self._entries = {e.entry: e for e in entries}
        fields = COUNT_FIELDS if ballot else ()
        candidates = ballot.candidates if ballot else ()
        self._keys = [(f, None) for f in fields] + [("votes", u) for u in candidates]
        self._labels = [FIELD_LABELS[f] for f in fields] + [
            names.get(u, f"Đơn vị mã số {u}") for u in candidates]
        self._stored = {e: self._stored_texts(self._entries.get(e)) for e in ENTRIES}
        self.endResetModel()

    def _stored_texts(self, entry: CountEntry | None) -> list[str]:
        values = [None if entry is None else getattr(entry.count, f) if u is None
                  else entry.count.votes_of(u) for f, u in self._keys]
        return ["" if v is None else str(v) for v in values]

    def round(self) -> BallotRound | None:
        """The round shown (None: nothing to type)."""
        return self._round

    def entry(self, entry: int) -> CountEntry | None:
        """The stored entry 1 or 2, if typed."""
        return self._entries.get(entry)

    # --- drafts ------------------------------------------------------------------------------
    def _key(self, entry: int) -> tuple[int, int]:
        return (self._round.id if self._round else 0, entry)

    def texts(self, entry: int) -> list[str]:
        """What the entry's column shows: the unsaved typing, else the stored values."""
        return self._drafts.get(self._key(entry), self._stored.get(entry, []))

    def is_dirty(self, entry: int) -> bool:
        """Whether the column holds typing not saved yet."""
        return self._key(entry) in self._drafts and self.texts(entry) != self._stored[entry]

    def discard(self, entry: int) -> None:
        """Forget the unsaved typing and problems of an entry (after saving, or to start over)."""
        self._drafts.pop(self._key(entry), None)
        self._problems.pop(self._key(entry), None)
        self._repaint()

    def _repaint(self) -> None:
        if self._keys:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._keys) - 1, COL_MATCH))

    def values(self, entry: int) -> tuple[dict[str, str], dict[int, str]]:
        """The counts and the votes per candidate as typed, for `save_count`."""
        texts = self.texts(entry)
        counts = {f: t for (f, u), t in zip(self._keys, texts, strict=True) if u is None}
        votes = {u: t for (_f, u), t in zip(self._keys, texts, strict=True) if u is not None}
        return counts, votes

    def set_problems(self, entry: int, problems: Sequence[CountProblem]) -> None:
        """Mark the cells a refused entry got wrong, with the reasons as tooltips."""
        marks: dict[int, str] = {}
        for p in problems:
            rows = [i for i, (f, u) in enumerate(self._keys)
                    if (u is None and f == p.field) or (u is not None and u == p.unit_id)]
            if p.field == "votes_total":
                rows = [i for i, (_f, u) in enumerate(self._keys) if u is not None]
            for row in rows:
                marks[row] = f"{marks[row]}\n{p.message}" if row in marks else p.message
        self._problems[self._key(entry)] = marks
        self._repaint()

    def problem(self, row: int, entry: int) -> str:
        """The reason a cell was refused, or an empty string."""
        return self._problems.get(self._key(entry), {}).get(row, "")

    def differs(self, row: int) -> bool:
        """Whether both entries hold a value in this row and they disagree."""
        first, second = (self.texts(e)[row] for e in ENTRIES)
        return bool(first and second) and _number(first) != _number(second)

    def mismatched_rows(self) -> list[int]:
        """Rows where the two entries disagree."""
        return [row for row in range(len(self._keys)) if self.differs(row)]

    # --- Qt ----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole:
            if horizontal and 0 <= section < len(self.HEADERS):
                return self.HEADERS[section]
            if not horizontal and 0 <= section < len(self._labels):
                return self._labels[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and not horizontal:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and not horizontal \
                and len(COUNT_FIELDS) <= section < len(self._labels):
            return f"Số phiếu bầu cho {self._labels[section]}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() != COL_MATCH else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._keys):
            return None
        row, column = index.row(), index.column()
        if column == COL_MATCH:
            return self._match_data(row, role)
        entry = column + 1
        text = self.texts(entry)[row]
        problem = self.problem(row, entry)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return _PROBLEM if problem else (_DIFFER if self.differs(row) else None)
        if role == Qt.ItemDataRole.ToolTipRole:
            unsaved = text != self._stored[entry][row]
            return problem or ("Chưa lưu" if unsaved else None)
        if role == Qt.ItemDataRole.FontRole and text != self._stored[entry][row]:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _match_data(self, row: int, role: int) -> Any:
        first, second = (self.texts(e)[row] for e in ENTRIES)
        if not first or not second:
            return None
        differs = self.differs(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return DIFFER if differs else MATCH
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return _DIFFER_TEXT if differs else _MATCH_TEXT
        if role == Qt.ItemDataRole.BackgroundRole and differs:
            return _DIFFER
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Lần 1: {first}; lần 2: {second}"
        return None

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid()
                or index.column() == COL_MATCH or self._round is None):
            return False
        entry, row = index.column() + 1, index.row()
        texts = list(self.texts(entry))
        texts[row] = clean(str(value if value is not None else ""))
        self._drafts[self._key(entry)] = texts
        self._problems.get(self._key(entry), {}).pop(row, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, COL_MATCH))
        return True


class _Delegate(QStyledItemDelegate):
    """A plain, centred text editor: any text may be typed; the checks come on saving."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        editor = QLineEdit(parent, objectName="countCellEditor", frame=False)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return editor


class CountTable(QTableView):
    """The grid of the two entries; Enter goes down, Tab to the other entry."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countTable")
        self.setItemDelegate(_Delegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)

    def fit_rows(self) -> None:
        """As tall as the rows (never less than the four count rows and two candidates)."""
        rows = max(6, self.model().rowCount() if self.model() else 0)
        height = (self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
                  + rows * self.verticalHeader().defaultSectionSize())
        self.setMaximumHeight(height)

    def commit_editing(self) -> None:
        """Commit the cell being typed, if any, without moving."""
        editor = self.focusWidget()
        if isinstance(editor, QLineEdit) and self.state() == QAbstractItemView.State.EditingState:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def moveCursor(self, action: QAbstractItemView.CursorAction,  # noqa: N802
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        current = self.currentIndex()
        tab = action in (QAbstractItemView.CursorAction.MoveNext,
                         QAbstractItemView.CursorAction.MovePrevious)
        if tab and current.isValid() and current.column() != COL_MATCH:
            return self.model().index(current.row(), 1 - current.column())
        return super().moveCursor(action, modifiers)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.state() != QAbstractItemView.State.EditingState and not event.modifiers():
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                return self.move_down()
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.model().setData(self.currentIndex(), "")  # refused when no cell is current
                return None
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget,  # noqa: N802
                    hint: QAbstractItemDelegate.EndEditHint) -> None:
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.move_down()
            return
        super().closeEditor(editor, hint)

    def move_down(self) -> None:
        """Make the cell below current (staying on the last row)."""
        current = self.currentIndex()
        if current.isValid():
            row = min(current.row() + 1, self.model().rowCount() - 1)
            self.setCurrentIndex(self.model().index(row, current.column()))
