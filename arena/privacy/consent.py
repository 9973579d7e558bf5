"""The consent register: per participant who consented to which text version, when, and withdrawals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from arena.services.auth import Actor, Permission, require
from arena.store import tables as t
from arena.store.database import Database


@dataclass(frozen=True)
class ConsentEntry:
    participant_id: int
    session_id: int
    session_title: str
    code: str
    name: str
    text_version: str
    given_at: datetime | None
    withdrawn_at: datetime | None
    erased: bool
    events: list[dict[str, Any]]

    @property
    def status(self) -> str:
        if self.erased:
            return "gewist"
        if self.withdrawn_at is not None:
            return "ingetrokken"
        return "gegeven" if self.given_at is not None else "ontbreekt"


def consent_register(db: Database, actor: Actor, session_id: int | None = None) -> list[ConsentEntry]:
    require(actor, Permission.PERSONAL_DATA)
    p, s = t.participants, t.sessions
    query = select(p, s.c.title.label("session_title")).join(s, s.c.id == p.c.session_id).order_by(s.c.id, p.c.id)
    if session_id is not None:
        query = query.where(p.c.session_id == session_id)
    with db.read() as conn:
        people = conn.execute(query).all()
        events: dict[int, list[dict[str, Any]]] = {}
        for row in conn.execute(select(t.consent_events).order_by(t.consent_events.c.id)):
            events.setdefault(row.participant_id, []).append(dict(row._mapping))
    return [
        ConsentEntry(r.id, r.session_id, r.session_title, r.code, r.name, r.consent_text_version, r.consent_given_at,
                     r.consent_withdrawn_at, r.erased_at is not None, events.get(r.id, []))
        for r in people
    ]


def register_rows(entries: list[ConsentEntry]) -> list[dict[str, str]]:
    """Flat Dutch rows for a table on screen."""
    fmt = lambda d: d.strftime("%d-%m-%Y %H:%M") if d else ""  # noqa: E731
    return [
        {"Sessie": e.session_title, "Code": e.code, "Naam": e.name, "Status": e.status, "Tekstversie": e.text_version,
         "Gegeven": fmt(e.given_at), "Ingetrokken": fmt(e.withdrawn_at), "Gebeurtenissen": str(len(e.events))}
        for e in entries
    ]
