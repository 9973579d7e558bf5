"""Which sessions a notulist/observer account may capture for (table session_members)."""

from __future__ import annotations

from sqlalchemy import Connection, delete, insert, select

from arena.services.auth import Actor, Permission, require
from arena.services.sessions import NotFound
from arena.store import repo_audit
from arena.store import tables as t
from arena.store.database import Database


def session_ids_of(conn: Connection, user_id: int) -> frozenset[int]:
    rows = conn.execute(select(t.session_members.c.session_id).where(t.session_members.c.user_id == user_id))
    return frozenset(rows.scalars())


def members(db: Database, actor: Actor, session_id: int) -> list[int]:
    require(actor, Permission.ADMIN)
    with db.read() as conn:
        rows = conn.execute(
            select(t.session_members.c.user_id).where(t.session_members.c.session_id == session_id)
        )
        return sorted(rows.scalars())


def add_member(db: Database, actor: Actor, session_id: int, user_id: int) -> None:
    require(actor, Permission.ADMIN)
    with db.write() as conn:
        if conn.execute(select(t.sessions.c.id).where(t.sessions.c.id == session_id)).first() is None:
            raise NotFound(f"Sessie {session_id} bestaat niet.")
        if conn.execute(select(t.users.c.id).where(t.users.c.id == user_id)).first() is None:
            raise NotFound(f"Gebruiker {user_id} bestaat niet.")
        if user_id in session_ids_of_users(conn, session_id):
            return
        conn.execute(insert(t.session_members).values(session_id=session_id, user_id=user_id))
        repo_audit.log(conn, actor.name, "member.add", "session", session_id, {"user_id": user_id})


def remove_member(db: Database, actor: Actor, session_id: int, user_id: int) -> None:
    require(actor, Permission.ADMIN)
    with db.write() as conn:
        conn.execute(
            delete(t.session_members).where(
                t.session_members.c.session_id == session_id, t.session_members.c.user_id == user_id
            )
        )
        repo_audit.log(conn, actor.name, "member.remove", "session", session_id, {"user_id": user_id})


def session_ids_of_users(conn: Connection, session_id: int) -> set[int]:
    rows = conn.execute(select(t.session_members.c.user_id).where(t.session_members.c.session_id == session_id))
    return set(rows.scalars())
