"""An incremental scoring engine: one edit recomputes one unit, the ranking is cached."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from data.criteria_table import CriteriaTable
from data.errors import InputError
from data.model import Layer, Penalty, RuleSet, Score
from data.ranking import RankedUnit, SortKey, classify, rank_keyed, sort_key_function
from data.scoring import UnitResult, unit_result, validate_score

ScoreKey = tuple[int, Layer]


class ScoreBoard:
    """Every unit's scores, results and the ranking of one year, kept up to date edit by edit."""

    def __init__(
        self,
        table: CriteriaTable,
        rules: RuleSet,
        unit_ids: Iterable[int],
        scores: Iterable[Score],
        penalties: Iterable[Penalty],
        women: Iterable[int] = (),
    ) -> None:
        self.table = table
        self.rules = rules
        self._unit_ids: tuple[int, ...] = tuple(dict.fromkeys(unit_ids))
        self._scores: dict[int, dict[ScoreKey, Score]] = {u: {} for u in self._unit_ids}
        self._penalties: dict[int, tuple[Penalty, ...]] = {u: () for u in self._unit_ids}
        self._women: frozenset[int] = frozenset(women)
        # Loaded rows are kept as stored (not validated): a later table edit must not lock a unit.
        for score in scores:
            unit_scores = self._scores.get(score.unit_id)
            if unit_scores is not None and score.criterion_id in table.nodes:
                unit_scores[(score.criterion_id, score.layer)] = score
        pending: dict[int, list[Penalty]] = {}
        for penalty in penalties:
            if penalty.unit_id in self._penalties:
                pending.setdefault(penalty.unit_id, []).append(penalty)
        for unit_id, rows in pending.items():
            self._penalties[unit_id] = tuple(rows)
        self._results: dict[int, UnitResult] = {u: self._compute(u) for u in self._unit_ids}
        self._ranking: list[RankedUnit] | None = None
        # Each unit's sort key and band, kept until that unit (or the women set) changes.
        self._key: Callable[[UnitResult], SortKey] | None = None
        self._keyed: dict[int, tuple[SortKey, UnitResult, str]] = {}

    @property
    def unit_ids(self) -> tuple[int, ...]:
        """The units on the board, in the order given."""
        return self._unit_ids

    def _compute(self, unit_id: int) -> UnitResult:
        return unit_result(
            self.table,
            unit_id,
            self._scores[unit_id].values(),
            self._penalties[unit_id],
            self.rules,
        )

    def _unit(self, unit_id: int) -> dict[ScoreKey, Score]:
        try:
            return self._scores[unit_id]
        except KeyError:
            raise InputError("Đơn vị này không có trong danh sách chấm điểm của năm.") from None

    def _changed(self, unit_id: int) -> None:
        self._results[unit_id] = self._compute(unit_id)
        self._keyed.pop(unit_id, None)
        self._ranking = None

    def set_score(self, score: Score) -> None:
        """Validate a score, put it in place of the unit's score for that item and layer."""
        unit_scores = self._unit(score.unit_id)
        criterion = self.table.nodes.get(score.criterion_id)
        if criterion is None:
            raise InputError("Nội dung này không có trong bảng tiêu chí của năm.")
        validate_score(criterion, score)
        unit_scores[(score.criterion_id, score.layer)] = score
        self._changed(score.unit_id)

    def clear_score(self, unit_id: int, criterion_id: int, layer: Layer) -> None:
        """Remove one layer's score of one item of a unit (nothing happens if there is none)."""
        if self._unit(unit_id).pop((criterion_id, layer), None) is not None:
            self._changed(unit_id)

    def set_penalties(self, unit_id: int, penalties: Iterable[Penalty]) -> None:
        """Replace every penalty of a unit."""
        self._unit(unit_id)
        rows = tuple(penalties)
        if any(p.unit_id != unit_id for p in rows):
            raise InputError("Có điểm trừ không thuộc đơn vị đang sửa.")
        self._penalties[unit_id] = rows
        self._changed(unit_id)

    def set_women(self, women: Iterable[int]) -> None:
        """Replace the set of units with at least 70 % women (a tie-break)."""
        self._women = frozenset(women)
        self._key = None
        self._keyed.clear()
        self._ranking = None

    def result(self, unit_id: int) -> UnitResult:
        """The unit's current result."""
        self._unit(unit_id)
        return self._results[unit_id]

    def results(self) -> list[UnitResult]:
        """Every unit's current result, in the order of the units."""
        return [self._results[u] for u in self._unit_ids]

    def penalties(self, unit_id: int) -> tuple[Penalty, ...]:
        """The unit's penalties."""
        self._unit(unit_id)
        return self._penalties[unit_id]

    def ranking(self) -> list[RankedUnit]:
        """The ranking of all units, computed again only after a change."""
        if self._ranking is None:
            if self._key is None:
                self._key = sort_key_function(self.table, self.rules, self._women)
            for unit_id in self._unit_ids:
                if unit_id not in self._keyed:
                    result = self._results[unit_id]
                    band = classify(self.table, result, self.rules.bands)
                    self._keyed[unit_id] = (self._key(result), result, band)
            self._ranking = rank_keyed(self._keyed.values())
        return list(self._ranking)

    def score(self, unit_id: int, criterion_id: int, layer: Layer) -> Score | None:
        """The unit's score for one item and layer, or None."""
        return self._unit(unit_id).get((criterion_id, layer))
