"""Live capture use cases: one typed line in, a durable note out; sticky speaker; the notes stream.

Built on arena/services/notes.py and sessions.py. The sticky speaker lives in the settings table,
one row per session and note-taker, so it survives a reload, a second tab and a server restart.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from arena.capture import timer
from arena.capture.shorthand import Shorthand, Speaker, parse
from arena.capture.views import Cue, NoteView, note_views
from arena.domain.model import AgendaItem, Note, NoteKind, Participant, Session, SpeakerKind
from arena.domain.text import ValidationError
from arena.services import notes as note_service
from arena.services import sessions as session_service
from arena.services.auth import Actor, Permission, require, require_session
from arena.store import repo_sessions
from arena.store import tables as t
from arena.store.database import Database
from arena.store.types import utcnow

STREAM_PAGE = 30  # notes per page in the stream: keeps a rerun fast with thousands of notes


@dataclass(frozen=True)
class CaptureOutcome:
    note: Note | None  # the saved note, or None when the line only held shorthand
    speaker: Speaker  # the sticky speaker after this line
    moved_to: AgendaItem | None = None  # the new current agenda item when the line held ">"
    kind_only: NoteKind | None = None  # a lone "#idee": the kind for the next note
    messages: tuple[str, ...] = ()
    parsed: Shorthand | None = None


@dataclass(frozen=True)
class LiveContext:
    """Everything the capture page reads once per run."""

    session: Session
    agenda: list[AgendaItem]
    participants: list[Participant]
    speaker: Speaker


@dataclass(frozen=True)
class StreamFilter:
    speakers: tuple[str, ...] = ()  # participant codes, "moderator", "group"
    agenda_item_ids: tuple[int, ...] = ()
    kinds: tuple[NoteKind, ...] = ()
    include_deleted: bool = False


@dataclass(frozen=True)
class StreamPage:
    views: list[NoteView]
    has_more: bool
    newest_id: int | None = None
    ids: list[int] = field(default_factory=list)


# --- sticky speaker ---------------------------------------------------------------------------

def _state_key(session_id: int, author: str) -> str:
    digest = hashlib.sha256(author.encode("utf-8")).hexdigest()[:24]
    return f"capture.speaker:{session_id}:{digest}"


def _read_speaker(conn, session_id: int, author: str, codes: set[str]) -> Speaker:
    value = conn.execute(select(t.settings.c.value).where(t.settings.c.key == _state_key(session_id, author))).scalar()
    if not isinstance(value, dict):
        return Speaker.group()
    try:
        kind = SpeakerKind(value.get("kind"))
    except ValueError:
        return Speaker.group()
    if kind is SpeakerKind.PARTICIPANT:
        code = value.get("code")
        return Speaker(kind, code) if code in codes else Speaker.group()
    return Speaker(kind)


def _write_speaker(conn, session_id: int, author: str, speaker: Speaker) -> None:
    key = _state_key(session_id, author)
    value = {"kind": speaker.kind.value, "code": speaker.code, "author": author[:200]}
    updated = conn.execute(t.settings.update().where(t.settings.c.key == key).values(value=value)).rowcount
    if not updated:
        conn.execute(t.settings.insert().values(key=key, value=value))


def get_speaker(db: Database, actor: Actor, session_id: int, author: str) -> Speaker:
    require(actor, Permission.CAPTURE)
    with db.read() as conn:
        codes = set(repo_sessions.participant_codes(conn, session_id))
        return _read_speaker(conn, session_id, author, codes)


def set_speaker(db: Database, actor: Actor, session_id: int, author: str, speaker: Speaker) -> Speaker:
    require(actor, Permission.CAPTURE)
    for attempt in range(2):
        try:
            with db.write() as conn:
                if speaker.kind is SpeakerKind.PARTICIPANT:
                    if speaker.code not in set(repo_sessions.participant_codes(conn, session_id)):
                        raise ValidationError(f"Onbekende deelnemer {speaker.code}.")
                _write_speaker(conn, session_id, author, speaker)
            break
        except IntegrityError:  # two tabs of one author inserted the row at once (PostgreSQL): update it
            if attempt:
                raise
    return speaker


def live_context(db: Database, actor: Actor, session_id: int, author: str) -> LiveContext:
    """One read transaction for the page: session, agenda, participants and this author's speaker."""
    require(actor, Permission.CAPTURE)
    require_session(actor, session_id)
    with db.read() as conn:
        session = repo_sessions.get_session(conn, session_id)
        if session is None:
            raise session_service.NotFound(f"Sessie {session_id} bestaat niet.")
        people = repo_sessions.participants(conn, session_id)
        speaker = _read_speaker(conn, session_id, author, {p.code for p in people})
        return LiveContext(session, repo_sessions.agenda(conn, session_id), people, speaker)


# --- capture -----------------------------------------------------------------------------------

def ensure_live(db: Database, actor: Actor, session: Session) -> Session:
    """The first note or agenda move starts the session clock (start_live is idempotent)."""
    require(actor, Permission.CAPTURE)
    if session.started_at is not None:
        return session
    return session_service.start_live(db, actor, session.id)  # type: ignore[arg-type]


def move_agenda(db: Database, actor: Actor, session_id: int, steps: int) -> AgendaItem | None:
    """Move the current agenda item `steps` forward (negative: back); None when there is no agenda."""
    require(actor, Permission.CAPTURE)
    session = session_service.get_session(db, actor, session_id)
    before = session.current_agenda_item_id  # None before the start: the first ">" reaches item 1
    session = ensure_live(db, actor, session)
    items = session_service.agenda(db, actor, session_id)
    target = timer.step(items, before, steps)
    if target is not None and target.id != session.current_agenda_item_id:
        session_service.set_current_agenda_item(db, actor, session_id, target.id)
    return target


def capture_line(
    db: Database,
    actor: Actor,
    session_id: int,
    line: str,
    *,
    author: str,
    default_kind: NoteKind = NoteKind.UITSPRAAK,
    client_token: str | None = None,
) -> CaptureOutcome:
    """Parse one typed line, apply its shorthand and save its text. Empty lines do nothing.

    The note is committed before this returns; unknown shorthand only adds a message.
    """
    require(actor, Permission.CAPTURE)
    with db.read() as conn:
        session = repo_sessions.get_session(conn, session_id)
        if session is None:
            raise session_service.NotFound(f"Sessie {session_id} bestaat niet.")
        people = {p.code: p for p in repo_sessions.participants(conn, session_id)}
        current = _read_speaker(conn, session_id, author, set(people))
    if not (line or "").strip():
        return CaptureOutcome(None, current)
    parsed = parse(line, people)
    speaker = current
    if parsed.speaker is not None and parsed.speaker != current:
        speaker = set_speaker(db, actor, session_id, author, parsed.speaker)
    moved = None
    messages = list(parsed.messages)
    if parsed.agenda_steps:
        before = session.current_agenda_item_id
        moved = move_agenda(db, actor, session_id, parsed.agenda_steps)
        if moved is None:
            messages.append("Deze sessie heeft geen agenda: er is geen volgend onderwerp.")
        elif moved.id == before:
            messages.append("Dit is al het laatste onderwerp van de agenda.")
    if not parsed.text:
        kind_only = parsed.kind if parsed.speaker is None and not parsed.agenda_steps else None
        return CaptureOutcome(None, speaker, moved, kind_only, tuple(messages), parsed)
    ensure_live(db, actor, session)
    speaker_kind, participant_id = _speaker_args(speaker, people)
    note = note_service.save_note(
        db,
        actor,
        session_id,
        parsed.text,
        kind=parsed.kind or default_kind,
        speaker_kind=speaker_kind,
        participant_id=participant_id,
        recording_offset_s=parsed.recording_offset_s,
        client_token=client_token,
        author=author,
    )
    return CaptureOutcome(note, speaker, moved, None, tuple(messages), parsed)


def _speaker_args(speaker: Speaker, people: dict[str, Participant]) -> tuple[SpeakerKind, int | None]:
    """A sticky participant who no longer exists falls back to the group rather than failing the save."""
    if speaker.kind is SpeakerKind.PARTICIPANT:
        person = people.get(speaker.code or "")
        return (SpeakerKind.PARTICIPANT, person.id) if person else (SpeakerKind.GROUP, None)
    return speaker.kind, None


def save_observation(db: Database, actor: Actor, session_id: int, text: str, *, author: str,
                     client_token: str | None = None) -> Note:
    """A longer 'tussen de regels' note from the text area: saved verbatim, no shorthand parsing."""
    context = live_context(db, actor, session_id, author)
    ensure_live(db, actor, context.session)
    speaker_kind, participant_id = _speaker_args(context.speaker, {p.code: p for p in context.participants})
    return note_service.save_note(
        db,
        actor,
        session_id,
        text,
        kind=NoteKind.OBSERVATIE,
        speaker_kind=speaker_kind,
        participant_id=participant_id,
        client_token=client_token,
        author=author,
    )


# --- the stream --------------------------------------------------------------------------------

def cues_for(db: Database, version_ids: Sequence[int]) -> dict[int, Cue]:
    """The newest analysis per note version (any engine version): what the live badges show."""
    if not version_ids:
        return {}
    with db.read() as conn:
        rows = conn.execute(
            select(t.note_analyses.c.note_version_id, t.note_analyses.c.polarity, t.note_analyses.c.themes)
            .where(t.note_analyses.c.note_version_id.in_(list(version_ids)))
            .order_by(t.note_analyses.c.id)
        )
        return {r.note_version_id: Cue(r.polarity, tuple(r.themes or ())) for r in rows}


def stream(
    db: Database,
    actor: Actor,
    session_id: int,
    *,
    participants: Sequence[Participant],
    agenda: Sequence[AgendaItem],
    filters: StreamFilter = StreamFilter(),
    limit: int = STREAM_PAGE,
) -> StreamPage:
    """Newest first, filtered, at most `limit` notes (one more is read to know whether there are more)."""
    by_code = {p.code: p.id for p in participants}
    participant_ids = [by_code[s] for s in filters.speakers if s in by_code]
    speaker_kinds = [s for s in filters.speakers if s in (SpeakerKind.MODERATOR.value, SpeakerKind.GROUP.value)]
    notes = note_service.list_notes(
        db,
        actor,
        session_id,
        include_deleted=filters.include_deleted,
        participant_ids=participant_ids or None,
        speaker_kinds=speaker_kinds or None,
        agenda_item_ids=list(filters.agenda_item_ids) or None,
        kinds=[NoteKind(k).value for k in filters.kinds] or None,
        newest_first=True,
        limit=limit + 1,
    )
    if filters.speakers and not participant_ids and not speaker_kinds:
        notes = []  # only unknown speakers chosen: nothing matches
    shown = notes[:limit]
    views = note_views(
        shown,
        participants,
        agenda,
        cues_for(db, [n.version_id for n in shown]),
        show_names=actor.can(Permission.PERSONAL_DATA),
    )
    return StreamPage(views, len(notes) > limit, shown[0].id if shown else None, [n.id for n in shown])


def now() -> datetime:
    return utcnow()
