"""Improvement actions with their evidence notes."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import delete, insert, select, update

from arena.domain.model import ActionStatus, ImprovementAction
from arena.domain.text import clean_note_text, required_text
from arena.services.auth import Actor, Permission, require, require_any
from arena.store import repo_audit
from arena.store import tables as t
from arena.store.database import Database
from arena.store.mappers import to_action
from arena.store.types import utcnow


def create_action(
    db: Database,
    actor: Actor,
    session_id: int,
    title: str,
    *,
    description: str = "",
    theme_code: str = "",
    owner: str = "",
    due_date: date | None = None,
    status: ActionStatus = ActionStatus.OPEN,
    evidence_note_ids: list[int] | None = None,
    review_session_id: int | None = None,
) -> ImprovementAction:
    require(actor, Permission.REVIEW)
    now = utcnow()
    with db.write() as conn:
        action_id = conn.execute(
            insert(t.improvement_actions)
            .values(
                session_id=session_id,
                title=required_text(title, "Titel")[:300],
                description=clean_note_text(description or "").strip(),
                theme_code=theme_code or "",
                owner=clean_note_text(owner or "").strip()[:200],
                due_date=due_date,
                status=ActionStatus(status).value,
                review_session_id=review_session_id,
                created_at=now,
                updated_at=now,
            )
            .returning(t.improvement_actions.c.id)
        ).scalar_one()
        _set_evidence(conn, action_id, evidence_note_ids or [])
        repo_audit.log(conn, actor.name, "action.create", "action", action_id, {"title": title})
        return _get(conn, action_id)


def update_action(db: Database, actor: Actor, action_id: int, **values: Any) -> ImprovementAction:
    require(actor, Permission.REVIEW)
    evidence = values.pop("evidence_note_ids", None)
    allowed = {"title", "description", "theme_code", "owner", "due_date", "status", "review_session_id"}
    if set(values) - allowed:
        raise ValueError(f"unknown action fields: {sorted(set(values) - allowed)}")
    if "status" in values:
        values["status"] = ActionStatus(values["status"]).value
    if "title" in values:
        values["title"] = required_text(values["title"], "Titel")[:300]
    with db.write() as conn:
        conn.execute(
            update(t.improvement_actions)
            .where(t.improvement_actions.c.id == action_id)
            .values(updated_at=utcnow(), **values)
        )
        if evidence is not None:
            _set_evidence(conn, action_id, evidence)
        repo_audit.log(conn, actor.name, "action.update", "action", action_id, {"fields": sorted(values)})
        return _get(conn, action_id)


def list_actions(db: Database, actor: Actor, session_ids: list[int] | None = None) -> list[ImprovementAction]:
    require_any(actor, Permission.ANALYSE, Permission.REPORT)
    with db.read() as conn:
        query = select(t.improvement_actions).order_by(t.improvement_actions.c.id)
        if session_ids is not None:
            query = query.where(t.improvement_actions.c.session_id.in_(session_ids))
        rows = conn.execute(query).all()
        evidence: dict[int, list[int]] = {}
        for action_id, note_id in conn.execute(
            select(t.action_evidence.c.action_id, t.action_evidence.c.note_id).order_by(t.action_evidence.c.note_id)
        ):
            evidence.setdefault(action_id, []).append(note_id)
        return [to_action(r, evidence.get(r.id, [])) for r in rows]


def _set_evidence(conn, action_id: int, note_ids: list[int]) -> None:
    conn.execute(delete(t.action_evidence).where(t.action_evidence.c.action_id == action_id))
    for note_id in sorted(set(note_ids)):
        conn.execute(insert(t.action_evidence).values(action_id=action_id, note_id=note_id))


def _get(conn, action_id: int) -> ImprovementAction:
    row = conn.execute(select(t.improvement_actions).where(t.improvement_actions.c.id == action_id)).one()
    evidence = list(
        conn.execute(
            select(t.action_evidence.c.note_id)
            .where(t.action_evidence.c.action_id == action_id)
            .order_by(t.action_evidence.c.note_id)
        ).scalars()
    )
    return to_action(row, evidence)
