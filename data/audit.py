"""The audit log: who changed what, when; written inside the same transaction as the change."""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from data.db import Database

_actor: str | None = None


def set_actor(name: str) -> None:
    """Name recorded as the author of the following changes (default: the OS login)."""
    global _actor
    _actor = name


def actor() -> str:
    """Who is making changes now."""
    if _actor is None:
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return ""
    return _actor


def now_iso() -> str:
    """The current local time, ISO to the second."""
    return datetime.now().replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit log."""

    id: int
    at: str
    who: str
    action: str
    entity: str
    entity_key: str
    detail: dict[str, Any]


def record(db: Database, action: str, entity: str, key: object = "", **detail: Any) -> None:
    """Append one entry; call it inside the transaction that makes the change."""
    db.conn.execute(
        "INSERT INTO audit_log (at, who, action, entity, entity_key, detail)"
        " VALUES (:at, :who, :action, :entity, :key, :detail)",
        {
            "at": now_iso(),
            "who": actor(),
            "action": action,
            "entity": entity,
            "key": str(key),
            "detail": json.dumps(detail, ensure_ascii=False, default=str) if detail else "",
        },
    )


def entries(db: Database, entity: str | None = None, limit: int = 200) -> list[AuditEntry]:
    """The newest entries first, optionally for one kind of entity."""
    sql = "SELECT * FROM audit_log"
    params: dict[str, Any] = {"limit": limit}
    if entity is not None:
        sql += " WHERE entity = :entity"
        params["entity"] = entity
    rows = db.conn.execute(sql + " ORDER BY id DESC LIMIT :limit", params).fetchall()
    return [
        AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]) if r[6] else {})
        for r in rows
    ]
