"""Replay the fallback journal into the database: idempotent through notes.client_token."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update

from arena.domain.text import ValidationError
from arena.services import notes
from arena.services.auth import Actor, Permission, PermissionDenied, require
from arena.services.sessions import NotFound
from arena.store import journal
from arena.store import tables as t
from arena.store.database import Database


@dataclass(frozen=True)
class FlushResult:
    saved: int
    already_present: int
    waiting: int  # still in the journal (database still failing, or the session is gone)


def flush_journal(db: Database, actor: Actor) -> FlushResult:
    require(actor, Permission.CAPTURE)
    saved = present = 0
    with journal.pending() as (entries, keep):
        waiting = []
        mine = journal.database_key(db.url)
        for entry in entries:
            if entry.get("database") != mine:
                waiting.append(entry)  # belongs to another database (e.g. a test or a second installation)
                continue
            try:
                outcome = _replay(db, actor, entry)
            except (ValidationError, PermissionDenied, NotFound):
                waiting.append(entry)  # kept for a person to look at; never silently dropped
                continue
            except Exception as exc:
                if not journal.is_storage_failure(exc):
                    raise
                waiting.append(entry)
                continue
            saved += outcome == "saved"
            present += outcome == "present"
        if len(waiting) != len(entries):
            keep(waiting)
    return FlushResult(saved, present, len(waiting))


def _replay(db: Database, actor: Actor, entry: dict) -> str:
    token = entry.get("client_token")
    captured = datetime.fromisoformat(entry["captured_at"])
    with db.read() as conn:
        if token and conn.execute(select(t.notes.c.id).where(t.notes.c.client_token == token)).first():
            return "present"
        if _retyped(conn, entry, captured):
            return "present"  # the user typed it again after the error and that save succeeded
    kwargs = {k: entry[k] for k in journal.KEPT_ARGS if entry.get(k) is not None}
    note = notes.save_note.__wrapped__(db, actor, int(entry["session_id"]), entry["text"], **kwargs)
    with db.write() as conn:  # the note keeps the moment it was typed, not the moment of replay
        session = conn.execute(select(t.sessions.c.started_at).where(t.sessions.c.id == note.session_id)).first()
        since = (captured - session.started_at).total_seconds() if session and session.started_at else None
        conn.execute(update(t.notes).where(t.notes.c.id == note.id).values(created_at=captured, seconds_since_start=since))
    return "saved"


def _retyped(conn, entry: dict, captured: datetime) -> bool:
    v = t.note_versions
    query = (
        select(t.notes.c.id)
        .join(v, (v.c.note_id == t.notes.c.id) & (v.c.version == 1))
        .where(t.notes.c.session_id == int(entry["session_id"]), v.c.text == entry["text"].strip(),
               t.notes.c.author == (entry.get("author") or "")[:200], t.notes.c.created_at >= captured - timedelta(minutes=1))
    )
    return conn.execute(query).first() is not None
