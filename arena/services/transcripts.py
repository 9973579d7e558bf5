"""Transcript import for online sessions: parse, propose a speaker mapping, then save reviewed cues as notes.

Each cue gets a client token derived from its content, so importing the same transcript twice
adds nothing the second time (save_note returns the existing note for a known token).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from arena.domain.model import AgendaItem, NoteKind, SpeakerKind
from arena.domain.text import ValidationError
from arena.report.transcripts import GROUP, MODERATOR, Candidate, Cue, parse_transcript, propose_mapping, speakers
from arena.services.auth import Actor, Permission, require, require_session
from arena.services.notes import save_note
from arena.services.sessions import NotFound
from arena.store import repo_audit, repo_notes, repo_sessions
from arena.store.database import Database

Target = str | int  # participant id, or MODERATOR / GROUP


@dataclass(frozen=True)
class TranscriptPreview:
    filename: str
    cues: list[Cue]
    speakers: list[str]
    proposal: dict[str, Target]
    candidates: list[Candidate]  # the session's participants, for the review step

    def cue_count(self, speaker: str) -> int:
        return sum(1 for c in self.cues if c.speaker == speaker)


@dataclass(frozen=True)
class ImportResult:
    created: int
    already_there: int


def preview(db: Database, actor: Actor, session_id: int, filename: str, data: bytes) -> TranscriptPreview:
    """Parse the file and propose who is who; nothing is saved yet."""
    require(actor, Permission.CAPTURE)
    require_session(actor, session_id)
    cues = parse_transcript(filename, data)
    with db.read() as conn:
        session = repo_sessions.get_session(conn, session_id)
        if session is None:
            raise NotFound(f"Sessie {session_id} bestaat niet.")
        people = repo_sessions.participants(conn, session_id)
    candidates = [Candidate(p.id, p.name, p.code) for p in people if p.id is not None and p.erased_at is None]
    names = speakers(cues)
    return TranscriptPreview(filename, cues, names, propose_mapping(names, candidates, session.moderator), candidates)


def cue_token(session_id: int, cue: Cue) -> str:
    """Stable per session and cue content: a re-import finds the notes it made before."""
    key = f"{session_id}|{cue.start_s}|{cue.speaker}|{cue.text}".encode()
    return "tr-" + hashlib.sha256(key).hexdigest()[:40]


def agenda_item_at(agenda: Sequence[AgendaItem], seconds: float | None) -> int | None:
    """The agenda item whose time box (laid end to end from the start) contains this moment."""
    if seconds is None or not agenda:
        return None
    elapsed = 0.0
    for item in agenda:
        elapsed += item.timebox_min * 60
        if seconds < elapsed:
            return item.id
    return agenda[-1].id


def import_cues(
    db: Database,
    actor: Actor,
    session_id: int,
    cues: Sequence[Cue],
    mapping: Mapping[str, Target],
) -> ImportResult:
    """Save every cue as an 'uitspraak' note with its time; unmapped speakers become the group."""
    require(actor, Permission.CAPTURE)
    require_session(actor, session_id)
    with db.read() as conn:
        if repo_sessions.get_session(conn, session_id) is None:
            raise NotFound(f"Sessie {session_id} bestaat niet.")
        agenda = repo_sessions.agenda(conn, session_id)
        valid_ids = {p.id for p in repo_sessions.participants(conn, session_id) if p.erased_at is None}
    for speaker, target in mapping.items():
        if isinstance(target, int) and target not in valid_ids:
            raise ValidationError(f"Spreker ‘{speaker}’ is gekoppeld aan een deelnemer die niet bij deze sessie hoort.")
    created = existing = 0
    for cue in cues:
        token = cue_token(session_id, cue)
        with db.read() as conn:
            known = repo_notes.note_by_client_token(conn, token) is not None
        target = mapping.get(cue.speaker, GROUP)
        if isinstance(target, int):
            kind, participant = SpeakerKind.PARTICIPANT, target
        else:
            kind, participant = (SpeakerKind.MODERATOR if target == MODERATOR else SpeakerKind.GROUP), None
        save_note(
            db, actor, session_id, cue.text,
            kind=NoteKind.UITSPRAAK,
            speaker_kind=kind,
            participant_id=participant,
            agenda_item_id=agenda_item_at(agenda, cue.start_s),
            use_current_agenda_item=False,
            recording_offset_s=cue.start_s,
            client_token=token,
        )
        existing += known
        created += not known
    with db.write() as conn:
        repo_audit.log(conn, actor.name, "transcript.import", "session", session_id,
                       {"cues": len(cues), "created": created, "already_there": existing})
    return ImportResult(created, existing)
