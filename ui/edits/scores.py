"""Undoable edits of the scoring page: score cells, evidence notes and penalties.

Every edit is saved at once through `Session.perform`, keeps the cached board of the shown year
current (so totals and ranking follow without reloading), and says which cells it touched, so the
grids repaint those cells only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QObject, Signal

from data import scores, snapshots
from data.criteria import get_criterion
from data.errors import InputError
from data.model import Layer, Penalty, Score
from data.scoreboard import ScoreBoard
from data.vntext import clean_multiline
from ui.score_input import parse_cell
from ui.session import PENALTIES, SCORES, Session

CellKey = tuple[int, int, Layer]  # unit id, item (criterion) id, layer
CellValue = tuple[CellKey, Score | None]  # None: the cell is emptied


@dataclass(frozen=True)
class CellText:
    """What was typed or pasted in one cell, and how to name the cell in a message."""

    key: CellKey
    text: str
    where: str


class ScoreEditor(QObject):
    """Applies the scoring page's edits; tells the views which cells and units changed."""

    cellsChanged = Signal(int, object)  # year, list[CellKey]
    penaltiesChanged = Signal(int, int)  # year, unit id
    boardReloaded = Signal()  # the cached board could not follow an edit and was dropped

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session

    # --- score cells -----------------------------------------------------------------------
    def prepare(self, year: int, cells: Sequence[CellText]) -> tuple[list[CellValue], list[str]]:
        """Parse and check every cell; returns the new values and every refusal ("where: why")."""
        db = self.session.db
        values: list[CellValue] = []
        problems: list[str] = []
        for cell in cells:
            unit_id, criterion_id, layer = cell.key
            try:
                typed = parse_cell(cell.text, get_criterion(db, criterion_id))
                old = scores.get_score(db, unit_id, criterion_id, layer)
                if typed is None:
                    if old is not None:
                        values.append((cell.key, None))
                    continue
                note = old.note if old is not None else ""
                values.append((cell.key, scores.prepare_score(
                    db, year, unit_id, criterion_id, layer, note=note, **typed)))
            except InputError as exc:
                problems.append(f"{cell.where}: {exc.message}")
        return values, problems

    def apply_texts(self, year: int, cells: Sequence[CellText], text: str) -> list[str]:
        """Check every cell, then apply all in one undo step; if any is refused, apply none."""
        values, problems = self.prepare(year, cells)
        if problems:
            return problems
        try:
            self.set_cells(year, values, text)
        except InputError as exc:
            return [exc.message]
        return []

    def set_cells(self, year: int, values: Sequence[CellValue], text: str) -> None:
        """Save and clear cells in one transaction and one undo step (BlocError propagates)."""
        if not values:
            return
        db = self.session.db
        before: list[CellValue] = [(key, scores.get_score(db, *key)) for key, _ in values]
        after = list(values)
        self.session.perform(text, lambda: self._write(year, after),
                             lambda: self._write(year, before), SCORES)

    def _write(self, year: int, values: Sequence[CellValue]) -> None:
        scores.replace_cells(self.session.db, year,
                             [score for _, score in values if score is not None],
                             [key for key, score in values if score is None])
        board = self._board(year)
        if board is not None:
            try:
                for key, score in values:
                    if score is None:
                        board.clear_score(*key)
                    else:
                        board.set_score(score)
            except InputError:  # a stored score the table no longer accepts: load it afresh
                self._drop_board()
        self.cellsChanged.emit(year, [key for key, _ in values])

    # --- notes -----------------------------------------------------------------------------
    def set_note(self, year: int, key: CellKey, note: str) -> bool:
        """Change a scored cell's evidence note (one undo step); False when nothing changed."""
        old = scores.get_score(self.session.db, *key)
        if old is None:
            raise InputError("Ô này chưa có điểm; hãy nhập điểm trước khi ghi minh chứng.")
        new_note = clean_multiline(note)
        if new_note == old.note:
            return False
        self.session.perform("Sửa ghi chú / minh chứng", lambda: self._note(year, key, new_note),
                             lambda: self._note(year, key, old.note), SCORES)
        return True

    def _note(self, year: int, key: CellKey, note: str) -> None:
        scores.set_note(self.session.db, *key, note)
        board = self._board(year)
        current = board.score(*key) if board is not None else None
        if board is not None and current is not None:
            try:
                board.set_score(replace(current, note=note))
            except InputError:
                self._drop_board()
        self.cellsChanged.emit(year, [key])

    # --- penalties -------------------------------------------------------------------------
    def add_penalty(self, year: int, unit_id: int, text: str, **fields: Any) -> Penalty:
        """Record a penalty (from the catalogue or written in full); undo removes it."""
        db = self.session.db
        kept: dict[str, Any] = {}

        def do() -> Penalty:
            if "snapshot" in kept:  # redo puts back the very row, id included
                snapshots.restore(db, kept["snapshot"])
            else:
                kept["penalty"] = scores.add_penalty(db, year, unit_id, **fields)
                kept["snapshot"] = snapshots.take(db, "penalties", "id = :id",
                                                  {"id": kept["penalty"].id})
            self._penalties(year, unit_id)
            penalty: Penalty = kept["penalty"]
            return penalty

        def undo() -> None:
            scores.delete_penalty(db, kept["penalty"].id)
            self._penalties(year, unit_id)

        return self.session.perform(text, do, undo, PENALTIES)

    def delete_penalty(self, penalty: Penalty) -> None:
        """Remove a recorded penalty; undo puts it back unchanged."""
        db = self.session.db
        snapshot = snapshots.take(db, "penalties", "id = :id", {"id": penalty.id})

        def do() -> None:
            scores.delete_penalty(db, penalty.id)
            self._penalties(penalty.year, penalty.unit_id)

        def undo() -> None:
            snapshots.restore(db, snapshot)
            self._penalties(penalty.year, penalty.unit_id)

        self.session.perform(f"Xóa điểm trừ “{penalty.title}”", do, undo, PENALTIES)

    def _penalties(self, year: int, unit_id: int) -> None:
        board = self._board(year)
        if board is not None:
            board.set_penalties(unit_id, scores.penalties(self.session.db, year, unit_id))
        self.penaltiesChanged.emit(year, unit_id)

    # --- the board -------------------------------------------------------------------------
    def _board(self, year: int) -> ScoreBoard | None:
        board = self.session.cached_board()
        return board if board is not None and year == self.session.year else None

    def _drop_board(self) -> None:
        self.session.drop_board()
        self.boardReloaded.emit()


def problems_message(problems: Sequence[str], shown: int = 8) -> str:
    """One refusal as it is, or several as a list that says nothing was saved."""
    if len(problems) == 1:
        return problems[0]
    lines = [f"Không nhập được {len(problems)} ô — chưa lưu ô nào:"]
    lines += [f"• {p}" for p in problems[:shown]]
    if len(problems) > shown:
        lines.append(f"… và {len(problems) - shown} ô khác (đưa chuột vào đây để xem hết).")
    return "\n".join(lines)
