"""Build the demo bloc (Khối thi đua các cơ quan nội chính tỉnh) through the repositories."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from data import awards, criteria, penalty_catalogue, pledges, scores, units, years
from data.bloc import create_bloc
from data.db import Database, explain, transaction, with_extension
from data.demo_data import (
    COUNCIL_GRADES,
    CRITERIA,
    OFFICERS,
    PENALTIES_2019,
    PENALTY_SOURCE,
    PENALTY_TYPES,
    PLEDGE_CONTENTS,
    PLEDGES,
    PROFILE,
    QUANT,
    QUOTAS_2019,
    REGISTERED_2020,
    REGISTRATIONS,
    SCORES_2019,
    SELF_GRADES,
    TITLE_AIMED,
    UNITS,
    VERIFIED_GRADES,
)
from data.demo_meeting import build_demo_meeting
from data.errors import FileAccessError
from data.model import Layer, NodeKind, Pledge, Registration, Score, YearStatus


def build_demo(path: str | os.PathLike[str] | None = None,
               progress: Callable[[int, int], None] = lambda done, total: None) -> Database:
    """A new bloc file (or in-memory bloc) holding the demo bloc: 2019 scored, 2020 pledged."""
    db = create_bloc(path, PROFILE)
    try:
        with transaction(db):
            _fill(db, progress)
    except BaseException:
        db.close()
        raise
    return db


def _fill(db: Database, progress: Callable[[int, int], None]) -> None:
    awards.seed_award_forms(db)
    years.add_year(db, 2019, YearStatus.MEETING)
    ids = {}
    for name, short, code, head, title, women in UNITS:
        unit = units.add_unit(db, name, short_name=short, code=code, year=2019, head_name=head,
                              head_title=title, women_70=women)
        ids[name] = unit.id
    progress(1, 5)
    head, deputies = OFFICERS[2019]
    years.set_officers(db, 2019, ids[head], tuple(ids[d] for d in deputies))
    for code, count in QUOTAS_2019.items():
        awards.set_quota(db, 2019, awards.form_by_code(db, code).id, count,
                         "Thông báo chỉ tiêu khen thưởng năm 2019 của Hội đồng TĐKT tỉnh")
    _pledge(db, 2019)
    for name, (form, targets) in REGISTRATIONS.items():
        pledges.save_registration(db, Registration(
            2019, ids[name], awards.form_by_code(db, form).id, TITLE_AIMED, targets, "2019-01-08"))
    codes = _criteria(db, 2019)
    progress(2, 5)
    _scores(db, ids, codes)
    catalogue = {p.code: p.id for p in penalty_catalogue.penalty_types(db, 2019)}
    for name, entries in PENALTIES_2019.items():
        for code, count, note in entries:
            scores.add_penalty(db, 2019, ids[name], type_id=catalogue[code], count=count, note=note)
    build_demo_meeting(db, ids)
    progress(3, 5)
    _year_2020(db, ids)
    progress(5, 5)


def _pledge(db: Database, year: int) -> None:
    signed_on, place, title = PLEDGES[year]
    contents = tuple(text.format(year=year) for text in PLEDGE_CONTENTS)
    pledges.save_pledge(db, Pledge(year, signed_on, place, title, contents))


def _criteria(db: Database, year: int) -> dict[str, int]:
    codes: dict[str, int] = {}
    for code, parent, title, max_points, kind, layer, extra in CRITERIA:
        node = criteria.add_criterion(
            db, year, codes[parent] if parent else None, title, kind=NodeKind(kind),
            max_points=max_points, code=code, layer=Layer(layer), **extra)
        codes[code] = node.id
    for code, title, points in PENALTY_TYPES:
        penalty_catalogue.add_penalty_type(db, year, title, points, code=code,
                                           source=PENALTY_SOURCE)
    return codes


def _scores(db: Database, ids: dict[str, int], codes: dict[str, int]) -> None:
    batch: list[Score] = []

    def cell(unit: int, code: str, layer: Layer, **typed: object) -> None:
        batch.append(scores.prepare_score(db, 2019, unit, codes[code], layer, **typed))  # type: ignore[arg-type]

    for name, layers in SCORES_2019.items():
        unit = ids[name]
        for layer_name, grade_codes in (("self", SELF_GRADES), ("verified", VERIFIED_GRADES)):
            *quantities, grades, bonus = layers[layer_name]
            layer = Layer(layer_name)
            for code, pair in zip(QUANT, quantities, strict=True):
                if pair is not None:
                    cell(unit, code, layer, plan=pair[0], actual=pair[1])
            for code, grade in zip(grade_codes, grades, strict=True):
                if grade != "-":
                    cell(unit, code, layer, grade=grade)
            for code, points in bonus.items():
                cell(unit, code, layer, points=points)
        for code, grade in zip(COUNCIL_GRADES, layers["council"], strict=True):
            cell(unit, code, Layer.COUNCIL, grade=grade)
    scores.save_scores(db, 2019, batch)


def _year_2020(db: Database, ids: dict[str, int]) -> None:
    years.add_year(db, 2020, YearStatus.PLEDGE)
    for unit, member in units.members(db, 2019):
        units.add_member(db, 2020, unit.id, head_name=member.head_name,
                         head_title=member.head_title, women_70=member.women_70)
    head, deputies = OFFICERS[2020]
    years.set_officers(db, 2020, ids[head], tuple(ids[d] for d in deputies))
    awards.seed_quotas(db, 2020)
    _pledge(db, 2020)
    criteria.copy_table(db, 2019, 2020)
    registered = {name: REGISTRATIONS[name] for name in REGISTERED_2020}
    for name, (form, targets) in registered.items():
        pledges.save_registration(db, Registration(
            2020, ids[name], awards.form_by_code(db, form).id, TITLE_AIMED, targets, "2020-01-10"))


def write_demo(path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Write the demo bloc to a file: built under a temporary name, then renamed into place."""
    target = with_extension(path)
    if target.exists() and not overwrite:
        raise FileAccessError(f"Tệp “{target.name}” đã có; hãy chọn tên khác.")
    tmp = target.with_name(f".{target.name}.tmp{os.getpid()}")
    _remove(tmp)
    try:
        build_demo(tmp).close()  # closing the last connection folds the WAL into the file
        if overwrite:
            _remove(target)
        os.replace(tmp, target)
    except OSError as exc:
        _remove(tmp)
        raise explain(exc, target) from exc
    except BaseException:
        _remove(tmp)
        raise
    return target


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
