"""The year's ranking with unit names: what the ranking panel, the CLI and the documents show."""

from __future__ import annotations

from dataclasses import dataclass

from data.db import Database
from data.model import Unit
from data.ranking import RankedUnit
from data.scoreboard import ScoreBoard
from data.scores import load_board
from data.units import members


@dataclass(frozen=True)
class Standing:
    """One line of the ranking: the unit, its rank and class, and its result."""

    unit: Unit
    ranked: RankedUnit

    @property
    def rank(self) -> int:
        return self.ranked.rank

    @property
    def band(self) -> str:
        return self.ranked.band


def standings_of(board: ScoreBoard, units: dict[int, Unit]) -> list[Standing]:
    """The board's ranking joined with unit records, best first."""
    return [Standing(units[r.unit_id], r) for r in board.ranking()]


def standings(db: Database, year: int, board: ScoreBoard | None = None) -> list[Standing]:
    """Rank the year: on `board` when the caller already holds it, else loaded from the file."""
    units = {unit.id: unit for unit, _ in members(db, year)}
    return standings_of(board if board is not None else load_board(db, year), units)
