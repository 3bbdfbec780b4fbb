"""What a unit's self-scoring workbook (phiếu tự chấm) holds: the bloc, the unit and the year it
is for, a fingerprint of the year's criteria table, and every node of the table in order with the
unit's current self-scores filled in. Plain data for printing/xlsx_selfscore.py."""

from __future__ import annotations

from data.criteria import criteria
from data.criteria_table import CriteriaTable
from data.db import Database
from data.errors import InputError
from data.imports.self_score_model import FormRow, SelfScoreForm, table_fingerprint
from data.model import Layer
from data.scores import scores
from data.units import get_unit
from data.years import require_year

__all__ = ["FormRow", "SelfScoreForm", "bloc_identity", "form_content", "table_fingerprint"]


def bloc_identity(db: Database) -> tuple[str, str, str]:
    """The bloc's name, council and created_at."""
    row = db.conn.execute("SELECT name, council, created_at FROM bloc WHERE id = 1").fetchone()
    if row is None:
        raise InputError("Tệp chưa có thông tin khối thi đua.")
    return str(row["name"]), str(row["council"]), str(row["created_at"])


def form_content(db: Database, year: int, unit_id: int) -> SelfScoreForm:
    """The self-scoring workbook of a member unit for the year."""
    require_year(db, year)
    unit = get_unit(db, unit_id)
    member = db.conn.execute("SELECT 1 FROM memberships WHERE year = :y AND unit_id = :u",
                             {"y": year, "u": unit_id}).fetchone()
    if member is None:
        raise InputError(f"“{unit.name}” không là thành viên khối năm {year}.")
    nodes = criteria(db, year)
    if not nodes:
        raise InputError(f"Năm {year} chưa có bảng tiêu chí: hãy lập bảng trước khi gửi phiếu "
                         "tự chấm.")
    table = CriteriaTable(nodes)
    mine = {s.criterion_id: s for s in scores(db, year, unit_id) if s.layer is Layer.SELF}
    rows = []
    for node in table.in_order:
        score = mine.get(node.id)
        rows.append(FormRow(
            criterion_id=node.id, code=node.code, title=node.title, kind=node.kind,
            max_points=node.max_points, guidance=node.guidance, depth=table.depth(node.id),
            is_input=node.is_leaf, grades=node.grades, reduce=node.reduce,
            points=None if score is None else score.points,
            grade=None if score is None else score.grade,
            plan=None if score is None else score.plan,
            actual=None if score is None else score.actual,
            note="" if score is None else score.note))
    name, council, created = bloc_identity(db)
    return SelfScoreForm(bloc=name, bloc_created=created, council=council, year=year,
                         unit_id=unit.id, unit_name=unit.name,
                         fingerprint=table_fingerprint(nodes), rows=tuple(rows))
