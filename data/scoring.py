"""Points of one item and one unit's result: three layers, the final score, its fallbacks."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from data.criteria_table import CriteriaTable, node_label
from data.errors import InputError
from data.model import Criterion, Layer, NodeKind, Penalty, RuleSet, Score
from data.vntext import format_number

_EPS = 1e-9


def _check_number(value: float | None, what: str) -> None:
    if value is None:
        return
    if not math.isfinite(value):
        raise InputError(f"{what} phải là một số.")
    if value < 0:
        raise InputError(f"{what} không được âm.")


def validate_score(criterion: Criterion, score: Score) -> None:
    """Refuse a score the item cannot take, with the reason in Vietnamese."""
    name = node_label(criterion)
    if score.criterion_id != criterion.id:
        raise InputError(f"Điểm đang nhập không thuộc nội dung “{name}”.")
    if criterion.kind is NodeKind.GROUP:
        raise InputError(f"“{name}” là nhóm, không chấm trực tiếp; hãy chấm các nội dung của nhóm.")
    _check_number(score.points, "Điểm")
    # compared with the maximum as shown (2 decimals): 0,67 is accepted when the maximum is 2/3
    if score.points is not None and score.points > round(criterion.max_points, 2) + _EPS:
        raise InputError(
            f"Điểm {format_number(score.points)} vượt điểm tối đa "
            f"{format_number(criterion.max_points)} của nội dung “{name}”."
        )
    if score.grade is not None:
        allowed = [grade for grade, _ in criterion.grades]
        if not allowed:
            raise InputError(f"Nội dung “{name}” không chấm theo mức (A, B, C, D…).")
        if score.grade not in allowed:
            raise InputError(
                f"Mức “{score.grade}” không có trong thang của nội dung “{name}”; "
                f"các mức được dùng: {', '.join(allowed)}."
            )
    _check_number(score.plan, "Kế hoạch")
    _check_number(score.actual, "Kết quả thực hiện")
    if (
        criterion.kind is NodeKind.QUANTITATIVE
        and not criterion.reduce
        and score.plan is not None
        and score.plan == 0
    ):
        raise InputError(f"Kế hoạch của nội dung “{name}” phải lớn hơn 0.")


def _clamp(value: float, top: float) -> float:
    if not math.isfinite(value):
        return 0.0
    return round(min(max(value, 0.0), max(top, 0.0)), 2)


def score_points(criterion: Criterion, score: Score) -> float:
    """The points one score gives the item, in [0, max], rounded to 2 decimals."""
    top = criterion.max_points
    if criterion.kind is NodeKind.QUALITATIVE and score.grade is not None:
        shares = dict(criterion.grades)
        if score.grade in shares:
            return _clamp(shares[score.grade] * top, top)
    if (
        criterion.kind is NodeKind.QUANTITATIVE
        and score.plan is not None
        and score.actual is not None
    ):
        plan, actual = score.plan, score.actual
        if criterion.reduce:
            # negative inputs are refused on entry; a file edited elsewhere must still not crash
            value = top if actual <= plan or actual <= 0 else top * max(plan, 0.0) / actual
        else:
            # a plan of 0 asks for nothing: it is met (validate_score refuses such input anyway)
            value = top * min(actual / plan, 1.0) if plan > 0 else top
        return _clamp(value, top)
    return _clamp(score.points or 0.0, top)


def excess_bonus(criterion: Criterion, score: Score) -> float:
    """The bonus a quantitative item earns beyond its plan, capped per item, rounded to 2."""
    if (
        criterion.kind is not NodeKind.QUANTITATIVE
        or score.plan is None
        or score.actual is None
        or criterion.excess_rate <= 0
        or score.plan <= 0
    ):
        return 0.0
    plan, actual = score.plan, score.actual
    over = (plan - actual) / plan if criterion.reduce else actual / plan - 1
    if not over > 0:
        return 0.0
    value = criterion.max_points * min(over * criterion.excess_rate, criterion.excess_cap)
    return round(max(value, 0.0), 2) if math.isfinite(value) else 0.0


@dataclass(frozen=True)
class ItemResult:
    """One item of one unit: the three layers, the final points and where they came from."""

    criterion_id: int
    self_points: float | None
    verified_points: float | None
    council_points: float | None
    final_points: float
    final_layer: Layer | None
    fell_back: bool
    missing: bool
    excess_bonus: float

    def points(self, layer: Layer) -> float | None:
        """The points of one layer, or None when that layer has no score."""
        if layer is Layer.SELF:
            return self.self_points
        if layer is Layer.VERIFIED:
            return self.verified_points
        return self.council_points


@dataclass(frozen=True)
class UnitResult:
    """One unit's totals for the year, its points per node and per item."""

    unit_id: int
    self_total: float
    verified_total: float
    council_total: float
    base_total: float
    bonus: float
    penalty: float
    final_total: float
    fallback_items: int
    missing_items: int
    node_points: Mapping[int, float] = field(hash=False)
    items: tuple[ItemResult, ...]


def _item(leaf: Criterion, layers: dict[Layer, Score], content: bool) -> ItemResult:
    points = {layer: score_points(leaf, s) for layer, s in layers.items()}
    used: Score | None = None
    final_layer: Layer | None = None
    if leaf.layer in layers:
        final_layer = leaf.layer
    elif Layer.SELF in layers:
        final_layer = Layer.SELF
    if final_layer is not None:
        used = layers[final_layer]
    return ItemResult(
        criterion_id=leaf.id,
        self_points=points.get(Layer.SELF),
        verified_points=points.get(Layer.VERIFIED),
        council_points=points.get(Layer.COUNCIL),
        final_points=points[final_layer] if final_layer is not None else 0.0,
        final_layer=final_layer,
        fell_back=final_layer is not None and final_layer is not leaf.layer,
        missing=final_layer is None and content,
        excess_bonus=excess_bonus(leaf, used) if used is not None else 0.0,
    )


def unit_result(
    table: CriteriaTable,
    unit_id: int,
    scores: Iterable[Score],
    penalties: Iterable[Penalty],
    rules: RuleSet,
) -> UnitResult:
    """Compute one unit's result from its scores and penalties (other units' rows are ignored)."""
    by_leaf: dict[int, dict[Layer, Score]] = {}
    for score in scores:
        if score.unit_id == unit_id and score.criterion_id in table.nodes:
            by_leaf.setdefault(score.criterion_id, {})[score.layer] = score
    totals = {Layer.SELF: 0.0, Layer.VERIFIED: 0.0, Layer.COUNCIL: 0.0}
    base = bonus_sum = 0.0
    fallback = missing = 0
    node_points: dict[int, float] = {n.id: 0.0 for n in table.in_order}
    items: list[ItemResult] = []
    for leaf in table.leaves:
        content = not table.is_bonus(leaf.id)
        item = _item(leaf, by_leaf.get(leaf.id, {}), content)
        items.append(item)
        fallback += item.fell_back
        missing += item.missing
        bonus_sum += item.excess_bonus
        if content:
            base += item.final_points
            for layer in totals:
                totals[layer] += item.points(layer) or 0.0
        else:
            bonus_sum += item.final_points
        node_points[leaf.id] = item.final_points
        for target in table.rollup_targets(leaf.id):
            node_points[target] += item.final_points
    bonus = round(max(min(bonus_sum, rules.bonus_cap), 0.0), 2)
    penalty = round(sum((p.total for p in penalties if p.unit_id == unit_id), 0.0), 2)
    base = round(base, 2)
    return UnitResult(
        unit_id=unit_id,
        self_total=round(totals[Layer.SELF], 2),
        verified_total=round(totals[Layer.VERIFIED], 2),
        council_total=round(totals[Layer.COUNCIL], 2),
        base_total=base,
        bonus=bonus,
        penalty=penalty,
        final_total=round(base + bonus - penalty, 2),
        fallback_items=fallback,
        missing_items=missing,
        node_points=MappingProxyType({k: round(v, 2) for k, v in node_points.items()}),
        items=tuple(items),
    )
