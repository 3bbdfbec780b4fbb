"""Rows taken before a delete and put back on undo, ids included."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from data.db import Database, transaction

_NAME = re.compile(r"^[a-z_]+$")


@dataclass(frozen=True)
class Snapshot:
    """Rows of several tables, in the order they must be re-inserted (parents first)."""

    tables: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]

    def __add__(self, other: Snapshot) -> Snapshot:
        return Snapshot(self.tables + other.tables)

    def count(self, table: str) -> int:
        """How many rows of `table` the snapshot holds."""
        return sum(len(rows) for name, rows in self.tables if name == table)


def take(db: Database, table: str, where: str, params: dict[str, Any],
         order: str = "rowid") -> Snapshot:
    """The rows of `table` matching `where` (named parameters), as plain dicts."""
    if not _NAME.match(table):
        raise ValueError(table)
    rows = db.conn.execute(f"SELECT * FROM {table} WHERE {where} ORDER BY {order}",
                           params).fetchall()
    return Snapshot(((table, tuple(dict(r) for r in rows)),))


def restore(db: Database, snapshot: Snapshot) -> None:
    """Insert the rows back, in order, in one transaction."""
    with transaction(db):
        for table, rows in snapshot.tables:
            if rows:
                db.tables[table].insert_all(rows)  # sqlite-utils: explicit ids kept
