"""Sessions, agenda items, participants and observers: connection-level queries."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from arena.domain.model import AgendaItem, Observer, Participant, Session
from arena.store import tables as t
from arena.store.mappers import to_agenda_item, to_observer, to_participant, to_session
from arena.store.types import utcnow


def insert_session(conn: Connection, values: dict[str, Any]) -> int:
    now = utcnow()
    return conn.execute(
        insert(t.sessions).values(created_at=now, updated_at=now, **values).returning(t.sessions.c.id)
    ).scalar_one()


def update_session(conn: Connection, session_id: int, values: dict[str, Any]) -> None:
    conn.execute(
        update(t.sessions).where(t.sessions.c.id == session_id).values(updated_at=utcnow(), **values)
    )


def get_session(conn: Connection, session_id: int) -> Session | None:
    row = conn.execute(select(t.sessions).where(t.sessions.c.id == session_id)).first()
    return to_session(row) if row else None


def list_sessions(conn: Connection) -> list[Session]:
    rows = conn.execute(
        select(t.sessions).order_by(t.sessions.c.date.desc().nulls_last(), t.sessions.c.id.desc())
    )
    return [to_session(r) for r in rows]


def agenda(conn: Connection, session_id: int) -> list[AgendaItem]:
    rows = conn.execute(
        select(t.agenda_items)
        .where(t.agenda_items.c.session_id == session_id)
        .order_by(t.agenda_items.c.position, t.agenda_items.c.id)
    )
    return [to_agenda_item(r) for r in rows]


def insert_agenda_item(conn: Connection, session_id: int, values: dict[str, Any]) -> int:
    if "position" not in values:
        highest = conn.execute(
            select(func.max(t.agenda_items.c.position)).where(t.agenda_items.c.session_id == session_id)
        ).scalar()
        values = {**values, "position": (highest or 0) + 1}
    return conn.execute(
        insert(t.agenda_items).values(session_id=session_id, **values).returning(t.agenda_items.c.id)
    ).scalar_one()


def participants(conn: Connection, session_id: int) -> list[Participant]:
    rows = conn.execute(
        select(t.participants)
        .where(t.participants.c.session_id == session_id)
        .order_by(t.participants.c.id)
    )
    return [to_participant(r) for r in rows]


def get_participant(conn: Connection, participant_id: int) -> Participant | None:
    row = conn.execute(select(t.participants).where(t.participants.c.id == participant_id)).first()
    return to_participant(row) if row else None


def participant_codes(conn: Connection, session_id: int) -> list[str]:
    return list(
        conn.execute(
            select(t.participants.c.code).where(t.participants.c.session_id == session_id)
        ).scalars()
    )


def insert_participant(conn: Connection, session_id: int, values: dict[str, Any]) -> int:
    return conn.execute(
        insert(t.participants).values(session_id=session_id, **values).returning(t.participants.c.id)
    ).scalar_one()


def update_participant(conn: Connection, participant_id: int, values: dict[str, Any]) -> None:
    conn.execute(update(t.participants).where(t.participants.c.id == participant_id).values(**values))


def observers(conn: Connection, session_id: int) -> list[Observer]:
    rows = conn.execute(
        select(t.observers).where(t.observers.c.session_id == session_id).order_by(t.observers.c.id)
    )
    return [to_observer(r) for r in rows]


def insert_observer(conn: Connection, session_id: int, values: dict[str, Any]) -> int:
    return conn.execute(
        insert(t.observers).values(session_id=session_id, **values).returning(t.observers.c.id)
    ).scalar_one()
