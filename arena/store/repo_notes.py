"""Notes and their append-only versions: connection-level queries."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, and_, delete, insert, or_, select, update

from arena.domain.model import Note, NoteVersion
from arena.store import tables as t
from arena.store.mappers import to_note, to_note_version

_v = t.note_versions


def current_notes_query() -> Select:
    """Each note joined with its current version."""
    return select(
        t.notes.c.id,
        t.notes.c.session_id,
        t.notes.c.author,
        t.notes.c.created_at,
        t.notes.c.seconds_since_start,
        t.notes.c.recording_offset_s,
        t.notes.c.deleted_at,
        _v.c.id.label("version_id"),
        _v.c.version,
        _v.c.text,
        _v.c.kind,
        _v.c.speaker_kind,
        _v.c.participant_id,
        _v.c.agenda_item_id,
        _v.c.created_at.label("version_created_at"),
        _v.c.author.label("version_author"),
    ).join(_v, and_(_v.c.note_id == t.notes.c.id, _v.c.version == t.notes.c.current_version))


def insert_note(conn: Connection, note: dict[str, Any], version: dict[str, Any]) -> tuple[int, int]:
    note_id = conn.execute(insert(t.notes).values(current_version=1, **note).returning(t.notes.c.id)).scalar_one()
    version_id = conn.execute(
        insert(_v)
        .values(note_id=note_id, version=1, created_at=note["created_at"], author=note["author"], **version)
        .returning(_v.c.id)
    ).scalar_one()
    return note_id, version_id


def note_by_client_token(conn: Connection, token: str) -> Note | None:
    row = conn.execute(current_notes_query().where(t.notes.c.client_token == token)).first()
    return to_note(row) if row else None


def add_version(conn: Connection, note_id: int, values: dict[str, Any], author: str, at: datetime) -> int:
    current = conn.execute(
        select(t.notes.c.current_version).where(t.notes.c.id == note_id)
    ).scalar_one()
    version = current + 1
    conn.execute(insert(_v).values(note_id=note_id, version=version, author=author, created_at=at, **values))
    conn.execute(update(t.notes).where(t.notes.c.id == note_id).values(current_version=version))
    return version


def set_deleted(conn: Connection, note_id: int, deleted_at: datetime | None, by: str, at: datetime) -> None:
    conn.execute(update(t.notes).where(t.notes.c.id == note_id).values(deleted_at=deleted_at))
    conn.execute(
        insert(t.note_events).values(
            note_id=note_id, action="deleted" if deleted_at else "restored", by=by, at=at
        )
    )


def get_note(conn: Connection, note_id: int) -> Note | None:
    row = conn.execute(current_notes_query().where(t.notes.c.id == note_id)).first()
    return to_note(row) if row else None


def list_notes(
    conn: Connection,
    session_ids: Sequence[int],
    *,
    include_deleted: bool = False,
    participant_ids: Sequence[int] | None = None,
    agenda_item_ids: Sequence[int] | None = None,
    kinds: Sequence[str] | None = None,
    newest_first: bool = False,
    limit: int | None = None,
    after_id: int | None = None,
    speaker_kinds: Sequence[str] | None = None,
) -> list[Note]:
    """`participant_ids` and `speaker_kinds` combine with OR: "K3 or the moderator"."""
    query = current_notes_query().where(t.notes.c.session_id.in_(list(session_ids)))
    if not include_deleted:
        query = query.where(t.notes.c.deleted_at.is_(None))
    speakers = []
    if participant_ids:
        speakers.append(_v.c.participant_id.in_(list(participant_ids)))
    if speaker_kinds:
        speakers.append(_v.c.speaker_kind.in_(list(speaker_kinds)))
    if speakers:
        query = query.where(or_(*speakers))
    if agenda_item_ids:
        query = query.where(_v.c.agenda_item_id.in_(list(agenda_item_ids)))
    if kinds:
        query = query.where(_v.c.kind.in_(list(kinds)))
    if after_id is not None:
        query = query.where(t.notes.c.id > after_id)
    order = (t.notes.c.id.desc(),) if newest_first else (t.notes.c.id,)
    query = query.order_by(*order)
    if limit:
        query = query.limit(limit)
    return [to_note(r) for r in conn.execute(query).all()]  # fetchall: one driver call, not one per row


def versions(conn: Connection, note_id: int) -> list[NoteVersion]:
    rows = conn.execute(select(_v).where(_v.c.note_id == note_id).order_by(_v.c.version))
    return [to_note_version(r) for r in rows]


def events(conn: Connection, note_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(t.note_events).where(t.note_events.c.note_id == note_id).order_by(t.note_events.c.id)
    )
    return [dict(r._mapping) for r in rows]


def purge_notes(conn: Connection, note_ids: list[int]) -> int:
    """Remove notes for good, with every row that hangs on them (erasure and retention only).

    Dependent rows go explicitly: no reliance on ON DELETE CASCADE being enforced.
    """
    for table in (t.action_evidence, t.key_quotes, t.human_labels, t.note_events):
        conn.execute(delete(table).where(table.c.note_id.in_(note_ids)))
    version_ids = select(_v.c.id).where(_v.c.note_id.in_(note_ids))
    conn.execute(delete(t.note_analyses).where(t.note_analyses.c.note_version_id.in_(version_ids)))
    conn.execute(delete(_v).where(_v.c.note_id.in_(note_ids)))
    conn.execute(delete(t.notes).where(t.notes.c.id.in_(note_ids)))
    return len(note_ids)
