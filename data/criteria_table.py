"""One year's criteria table as a tree (Phần → Tiêu chí → Nội dung) and its consistency checks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from data.errors import InputError
from data.model import Criterion, NodeKind
from data.vntext import format_number

_EPS = 1e-9


def node_label(node: Criterion) -> str:
    """How a node is named in messages: its code, or its title when it has no code."""
    return node.code or node.title


class CriteriaTable:
    """The criteria tree of one year, with every lookup the engine needs computed once."""

    def __init__(self, criteria: Iterable[Criterion]) -> None:
        self.nodes: dict[int, Criterion] = {}
        for node in criteria:
            if node.id in self.nodes:
                raise InputError(f"Nội dung “{node_label(node)}” xuất hiện hai lần trong bảng.")
            self.nodes[node.id] = node
        kids: dict[int | None, list[Criterion]] = {}
        for node in self.nodes.values():
            parent = node.parent_id if node.parent_id in self.nodes else None
            kids.setdefault(parent, []).append(node)
        self._children = {
            key: tuple(sorted(value, key=lambda c: (c.position, c.id)))
            for key, value in kids.items()
        }
        self.roots: tuple[Criterion, ...] = self._children.get(None, ())
        self._parent: dict[int, int | None] = {}
        self._depth: dict[int, int] = {}
        order: list[Criterion] = []
        stack: list[tuple[Criterion, int | None, int]] = [
            (r, None, 0) for r in reversed(self.roots)
        ]
        while stack:
            node, parent_id, depth = stack.pop()
            order.append(node)
            self._parent[node.id] = parent_id
            self._depth[node.id] = depth
            for child in reversed(self._children.get(node.id, ())):
                stack.append((child, node.id, depth + 1))
        if len(order) != len(self.nodes):
            lost = next(n for n in self.nodes.values() if n.id not in self._depth)
            raise InputError(f"Bảng tiêu chí có vòng lặp cha – con ở “{node_label(lost)}”.")
        self.in_order: tuple[Criterion, ...] = tuple(order)
        self._bonus = self._compute_bonus()
        self.leaves: tuple[Criterion, ...] = tuple(n for n in order if n.is_leaf)
        self.content_leaves = tuple(n for n in self.leaves if not self._bonus[n.id])
        self.bonus_leaves = tuple(n for n in self.leaves if self._bonus[n.id])
        self._rollup = {
            leaf.id: tuple(
                a.id for a in self.ancestors(leaf.id) if self._bonus[a.id] == self._bonus[leaf.id]
            )
            for leaf in self.leaves
        }
        floors: list[Criterion] = []
        for root in self.roots:
            if self._bonus[root.id]:
                continue
            if root.is_leaf:
                floors.append(root)
            else:
                floors.extend(c for c in self.children(root.id) if not self._bonus[c.id])
        self.floor_nodes: tuple[Criterion, ...] = tuple(floors)
        self.max_total: float = round(
            sum(r.max_points for r in self.roots if not self._bonus[r.id]), 2
        )
        self._root_by_code = {r.code: r for r in reversed(self.roots)}

    def _compute_bonus(self) -> dict[int, bool]:
        leaves: dict[int, int] = {}
        bonus_leaves: dict[int, int] = {}
        result: dict[int, bool] = {}
        for node in reversed(self.in_order):
            kids = self._children.get(node.id, ())
            leaves[node.id] = int(node.is_leaf) + sum(leaves[c.id] for c in kids)
            is_bonus_leaf = node.kind is NodeKind.BONUS
            bonus_leaves[node.id] = int(is_bonus_leaf) + sum(bonus_leaves[c.id] for c in kids)
            if node.is_leaf:
                result[node.id] = is_bonus_leaf
            else:
                result[node.id] = leaves[node.id] > 0 and bonus_leaves[node.id] == leaves[node.id]
        return result

    def children(self, node_id: int) -> tuple[Criterion, ...]:
        """The node's children in position order."""
        return self._children.get(node_id, ())

    def parent(self, node_id: int) -> Criterion | None:
        """The node's parent, or None for a root."""
        parent_id = self._parent[node_id]
        return None if parent_id is None else self.nodes[parent_id]

    def ancestors(self, node_id: int) -> tuple[Criterion, ...]:
        """The node's ancestors, parent first, up to its root."""
        found: list[Criterion] = []
        parent_id = self._parent[node_id]
        while parent_id is not None:
            found.append(self.nodes[parent_id])
            parent_id = self._parent[parent_id]
        return tuple(found)

    def depth(self, node_id: int) -> int:
        """How deep the node sits: roots are 0."""
        return self._depth[node_id]

    def is_bonus(self, node_id: int) -> bool:
        """Whether the node is a bonus item or a group holding only bonus items."""
        return self._bonus[node_id]

    def section_of(self, node_id: int) -> Criterion:
        """The root (section) the node belongs to."""
        chain = self.ancestors(node_id)
        return chain[-1] if chain else self.nodes[node_id]

    def by_code(self, code: str) -> Criterion | None:
        """The root whose code is `code` (the first one in order), or None."""
        return self._root_by_code.get(code)

    def rollup_targets(self, leaf_id: int) -> tuple[int, ...]:
        """The ancestor groups whose points include this leaf's points."""
        return self._rollup[leaf_id]


@dataclass(frozen=True)
class TableProblem:
    """A problem found in a criteria table, for the user to fix."""

    criterion_id: int | None
    severity: str  # "error" | "warning"
    message: str


def _node_problems(table: CriteriaTable, node: Criterion) -> list[TableProblem]:
    found: list[TableProblem] = []
    name, fmt = node_label(node), format_number

    def add(severity: str, message: str) -> None:
        found.append(TableProblem(node.id, severity, message))

    if node.max_points < 0:
        add("error", f"Điểm tối đa của “{name}” ({fmt(node.max_points)}) không được âm.")
    parent = table.parent(node.id)
    if parent is not None and node.max_points > parent.max_points + _EPS:
        add(
            "error",
            f"Điểm tối đa của “{name}” ({fmt(node.max_points)}) vượt điểm tối đa của "
            f"“{node_label(parent)}” ({fmt(parent.max_points)}).",
        )
    kids = table.children(node.id)
    if node.is_leaf and kids:
        add("error", f"“{name}” là nội dung chấm nhưng có nội dung con; hãy đổi thành nhóm.")
    if node.kind is NodeKind.GROUP and not kids:
        add("warning", f"Nhóm “{name}” chưa có nội dung chấm.")
    elif node.kind is NodeKind.GROUP and not table.is_bonus(node.id):
        total = sum(c.max_points for c in kids if not table.is_bonus(c.id))
        if total > node.max_points + _EPS:
            add(
                "error",
                f"Tổng điểm tối đa các nội dung của “{name}” ({fmt(total)}) vượt điểm tối đa "
                f"của nhóm ({fmt(node.max_points)}).",
            )
        elif total < node.max_points - _EPS:
            add(
                "warning",
                f"Tổng điểm tối đa các nội dung của “{name}” ({fmt(total)}) thấp hơn điểm tối đa "
                f"của nhóm ({fmt(node.max_points)}).",
            )
    if node.kind is NodeKind.QUALITATIVE:
        if not node.grades:
            add("error", f"Nội dung định tính “{name}” chưa có thang mức (A, B, C, D…).")
        names = [grade for grade, _ in node.grades]
        for grade, share in node.grades:
            if not 0 <= share <= 1:
                add(
                    "error",
                    f"Mức “{grade}” của “{name}” có tỉ lệ {fmt(share)}, phải trong khoảng 0 – 1.",
                )
        for grade in sorted({g for g in names if names.count(g) > 1}):
            add("error", f"Mức “{grade}” của “{name}” bị lặp lại.")
    if node.kind is NodeKind.QUANTITATIVE:
        if node.excess_rate < 0:
            add("error", f"Tỉ lệ thưởng vượt kế hoạch của “{name}” không được âm.")
        if not 0 <= node.excess_cap <= 1:
            add(
                "error",
                f"Mức thưởng vượt kế hoạch tối đa của “{name}” ({fmt(node.excess_cap)}) "
                "phải trong khoảng 0 – 1.",
            )
    return found


def check_table(table: CriteriaTable, table_total: float) -> list[TableProblem]:
    """Every problem of the table in display order, then the table total against the rules."""
    problems: list[TableProblem] = []
    for node in table.in_order:
        problems.extend(_node_problems(table, node))
    if abs(table.max_total - table_total) > _EPS:
        problems.append(
            TableProblem(
                None,
                "warning",
                f"Tổng điểm tối đa của bảng là {format_number(table.max_total)}, "
                f"khác {format_number(table_total)} theo quy chế.",
            )
        )
    return problems
