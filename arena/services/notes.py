"""Notes: save (durable on return), edit as a new version, soft delete and undo."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

from arena.domain.model import Note, NoteKind, NoteVersion, SpeakerKind
from arena.domain.text import ValidationError, clean_note_text
from arena.services.auth import Actor, Permission, require, require_any, require_session
from arena.services.sessions import NotFound
from arena.store import repo_audit, repo_notes, repo_sessions
from arena.store.database import Database
from arena.store.journal import journal_on_storage_failure
from arena.store.types import utcnow


def _speaker(speaker_kind: SpeakerKind, participant_id: int | None) -> tuple[str, int | None]:
    kind = SpeakerKind(speaker_kind)
    if kind is SpeakerKind.PARTICIPANT and participant_id is None:
        raise ValidationError("Kies welke deelnemer sprak.")
    return kind.value, participant_id if kind is SpeakerKind.PARTICIPANT else None


def _text(text: str) -> str:
    cleaned = clean_note_text(text or "")
    if not cleaned.strip():
        raise ValidationError("Lege notitie: er is niets opgeslagen.")
    return cleaned.strip()


@journal_on_storage_failure
def save_note(
    db: Database,
    actor: Actor,
    session_id: int,
    text: str,
    *,
    kind: NoteKind = NoteKind.UITSPRAAK,
    speaker_kind: SpeakerKind = SpeakerKind.GROUP,
    participant_id: int | None = None,
    agenda_item_id: int | None = None,
    use_current_agenda_item: bool = True,
    recording_offset_s: float | None = None,
    client_token: str | None = None,
    author: str | None = None,
) -> Note:
    """Commit one note. When this returns, the note is durable; a retried token returns the same note.

    When the database refuses the write, the note goes to the fallback journal and SavedToJournal
    (a ValidationError with a Dutch message) is raised; the next successful save replays the journal.
    """
    require(actor, Permission.CAPTURE)
    require_session(actor, session_id)
    body = _text(text)
    speaker, participant = _speaker(speaker_kind, participant_id)

    def work(conn: Connection) -> Note:
        nonlocal agenda_item_id
        now = utcnow()
        if client_token:
            existing = repo_notes.note_by_client_token(conn, client_token)
            if existing is not None:
                return existing
        session = repo_sessions.get_session(conn, session_id)
        if session is None:
            raise NotFound(f"Sessie {session_id} bestaat niet.")
        if participant is not None:
            person = repo_sessions.get_participant(conn, participant)
            if person is None or person.session_id != session_id:
                raise ValidationError("Deze deelnemer hoort niet bij de sessie.")
        if agenda_item_id is None and use_current_agenda_item:
            agenda_item_id = session.current_agenda_item_id
        since = (now - session.started_at).total_seconds() if session.started_at else None
        note_id, _ = repo_notes.insert_note(
            conn,
            {
                "session_id": session_id,
                "author": (author or actor.name)[:200],
                "created_at": now,
                "seconds_since_start": since,
                "recording_offset_s": recording_offset_s,
                "client_token": client_token,
            },
            {
                "text": body,
                "kind": NoteKind(kind).value,
                "speaker_kind": speaker,
                "participant_id": participant,
                "agenda_item_id": agenda_item_id,
            },
        )
        return repo_notes.get_note(conn, note_id)  # type: ignore[return-value]

    return db.write_retrying(work)


def edit_note(
    db: Database,
    actor: Actor,
    note_id: int,
    *,
    text: str | None = None,
    kind: NoteKind | None = None,
    speaker_kind: SpeakerKind | None = None,
    participant_id: int | None = None,
    agenda_item_id: int | None = None,
) -> Note:
    """Every edit appends a version; the earlier text stays readable in the history."""
    require(actor, Permission.CAPTURE)
    with db.write() as conn:
        current = repo_notes.get_note(conn, note_id)
        if current is None:
            raise NotFound(f"Notitie {note_id} bestaat niet.")
        require_session(actor, current.session_id)
        new_speaker = SpeakerKind(speaker_kind) if speaker_kind is not None else current.speaker_kind
        new_participant = participant_id if speaker_kind is not None else current.participant_id
        speaker, participant = _speaker(new_speaker, new_participant)
        values: dict[str, Any] = {
            "text": _text(text) if text is not None else current.text,
            "kind": NoteKind(kind).value if kind is not None else current.kind.value,
            "speaker_kind": speaker,
            "participant_id": participant,
            "agenda_item_id": agenda_item_id if agenda_item_id is not None else current.agenda_item_id,
        }
        unchanged = (
            values["text"] == current.text
            and values["kind"] == current.kind.value
            and values["speaker_kind"] == current.speaker_kind.value
            and values["participant_id"] == current.participant_id
            and values["agenda_item_id"] == current.agenda_item_id
        )
        if unchanged:
            return current
        version = repo_notes.add_version(conn, note_id, values, actor.name, utcnow())
        repo_audit.log(conn, actor.name, "note.edit", "note", note_id, {"version": version})
        return repo_notes.get_note(conn, note_id)  # type: ignore[return-value]


def delete_note(db: Database, actor: Actor, note_id: int) -> Note:
    """Soft delete: the note disappears from lists and analysis and can be restored."""
    return _set_deleted(db, actor, note_id, deleted=True)


def restore_note(db: Database, actor: Actor, note_id: int) -> Note:
    return _set_deleted(db, actor, note_id, deleted=False)


def _set_deleted(db: Database, actor: Actor, note_id: int, *, deleted: bool) -> Note:
    require(actor, Permission.CAPTURE)
    now = utcnow()
    with db.write() as conn:
        note = repo_notes.get_note(conn, note_id)
        if note is None:
            raise NotFound(f"Notitie {note_id} bestaat niet.")
        require_session(actor, note.session_id)
        if note.is_deleted != deleted:
            repo_notes.set_deleted(conn, note_id, now if deleted else None, actor.name, now)
            repo_audit.log(conn, actor.name, "note.delete" if deleted else "note.restore", "note", note_id)
        return repo_notes.get_note(conn, note_id)  # type: ignore[return-value]


def list_notes(
    db: Database,
    actor: Actor,
    session_ids: int | Sequence[int],
    **filters: Any,
) -> list[Note]:
    require_any(actor, Permission.CAPTURE, Permission.ANALYSE)
    ids = [session_ids] if isinstance(session_ids, int) else list(session_ids)
    for session_id in ids:
        require_session(actor, session_id)
    with db.read() as conn:
        return repo_notes.list_notes(conn, ids, **filters)


def get_note(db: Database, actor: Actor, note_id: int) -> Note:
    require_any(actor, Permission.CAPTURE, Permission.ANALYSE)
    with db.read() as conn:
        note = repo_notes.get_note(conn, note_id)
    if note is None:
        raise NotFound(f"Notitie {note_id} bestaat niet.")
    require_session(actor, note.session_id)
    return note


def note_history(db: Database, actor: Actor, note_id: int) -> list[NoteVersion]:
    get_note(db, actor, note_id)
    with db.read() as conn:
        return repo_notes.versions(conn, note_id)
