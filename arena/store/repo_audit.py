"""The audit log: who changed what, when."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, select

from arena.store import tables as t
from arena.store.types import utcnow


def log(conn: Connection, actor: str, action: str, entity: str = "", entity_id: int | None = None,
        detail: dict[str, Any] | None = None) -> None:
    conn.execute(
        insert(t.audit_log).values(
            at=utcnow(), actor=actor, action=action, entity=entity, entity_id=entity_id, detail=detail or {}
        )
    )


def entries(conn: Connection, entity: str | None = None, entity_id: int | None = None) -> list[dict[str, Any]]:
    query = select(t.audit_log).order_by(t.audit_log.c.id)
    if entity:
        query = query.where(t.audit_log.c.entity == entity)
    if entity_id is not None:
        query = query.where(t.audit_log.c.entity_id == entity_id)
    return [dict(r._mapping) for r in conn.execute(query)]
