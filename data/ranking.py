"""Classification by bands with per-criterion floors, and ranking with ordered tie-breaks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from data.criteria_table import CriteriaTable
from data.errors import InputError
from data.model import Band, RuleSet
from data.scoring import UnitResult

_EPS = 1e-9
_SECTION = "section:"

SortKey = tuple[float, ...]


def _floors_met(table: CriteriaTable, result: UnitResult, share: float) -> bool:
    if share <= 0:
        return True
    for node in table.floor_nodes:
        if node.max_points > 0:
            got = result.node_points.get(node.id, 0.0)
            if got / node.max_points < share - _EPS:
                return False
    return True


def classify(table: CriteriaTable, result: UnitResult, bands: Iterable[Band]) -> str:
    """The highest band whose minimum total and per-criterion floor the unit reaches."""
    ordered = sorted(bands, key=lambda b: b.min_total, reverse=True)
    if not ordered:
        return ""
    total = round(result.final_total, 2)
    for band in ordered:
        if total >= band.min_total - _EPS and _floors_met(table, result, band.floor_share):
            return band.name
    return ordered[-1].name


@dataclass(frozen=True)
class RankedUnit:
    """A unit's place in the ranking, its band, and whether it shares the place."""

    unit_id: int
    result: UnitResult
    rank: int
    band: str
    shared: bool


def _tie_break(
    table: CriteriaTable, name: str, rules: RuleSet, women: Collection[int]
) -> Callable[[UnitResult], float]:
    """The sort value (smaller is better) of one tie-break, or InputError for an unknown name."""
    name = name.strip()
    if name.startswith(_SECTION) and name[len(_SECTION) :].strip():
        root = table.by_code(name[len(_SECTION) :].strip())
        if root is None:
            return lambda r: 0.0
        root_id = root.id
        return lambda r: -round(r.node_points.get(root_id, 0.0), 2)
    if name == "penalty":
        return lambda r: round(r.penalty, 2)
    if name == "women":
        if not rules.women_priority:
            return lambda r: 0.0
        return lambda r: 0.0 if r.unit_id in women else 1.0
    if name == "bonus":
        return lambda r: -round(r.bonus, 2)
    if name == "verified":
        return lambda r: -round(r.verified_total, 2)
    raise InputError(
        f"Tiêu chí phân định thứ hạng “{name}” không hợp lệ; dùng một trong: "
        "section:<mã phần>, penalty, women, bonus, verified."
    )


def sort_key_function(
    table: CriteriaTable, rules: RuleSet, women: Collection[int] = ()
) -> Callable[[UnitResult], SortKey]:
    """The full ranking key of a result (smaller is better): total, then every tie-break."""
    women_set = frozenset(women)
    breaks = [_tie_break(table, name, rules, women_set) for name in rules.tie_breaks]

    def key(result: UnitResult) -> SortKey:
        return (-round(result.final_total, 2), *[f(result) for f in breaks])

    return key


def assign_ranks(keys: Sequence[SortKey]) -> list[int]:
    """Competition ranks (1, 2, 2, 4) of keys already sorted best first."""
    ranks: list[int] = []
    for index, key in enumerate(keys):
        ranks.append(ranks[-1] if index and key == keys[index - 1] else index + 1)
    return ranks


def rank_keyed(entries: Iterable[tuple[SortKey, UnitResult, str]]) -> list[RankedUnit]:
    """Rank results given with their sort key and band; ties share a rank, listed by unit id."""
    keyed = sorted(entries, key=lambda e: (e[0], e[1].unit_id))
    ranks = assign_ranks([key for key, _, _ in keyed])
    counts = Counter(ranks)
    return [
        RankedUnit(result.unit_id, result, rank, band, counts[rank] > 1)
        for (_, result, band), rank in zip(keyed, ranks, strict=True)
    ]


def rank_units(
    table: CriteriaTable,
    results: Iterable[UnitResult],
    rules: RuleSet,
    women: Collection[int] = (),
) -> list[RankedUnit]:
    """Rank units by final total then by the rule set's tie-breaks; equal units share a rank."""
    key = sort_key_function(table, rules, women)
    return rank_keyed((key(r), r, classify(table, r, rules.bands)) for r in results)
