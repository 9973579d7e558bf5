"""Row ↔ domain object mapping, in one place so every repository agrees."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from sqlalchemy import Row

from arena.domain.model import (
    ActionStatus,
    AgendaBlock,
    AgendaItem,
    Department,
    ImprovementAction,
    Note,
    NoteKind,
    NoteVersion,
    Observer,
    Participant,
    Segment,
    Session,
    SessionFormat,
    SessionStatus,
    SpeakerKind,
)


def _pick(cls: type, row: Row | dict[str, Any]) -> dict[str, Any]:
    mapping = row._mapping if isinstance(row, Row) else row
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in mapping.items() if k in names}


def to_session(row: Row) -> Session:
    data = _pick(Session, row)
    data["format"] = SessionFormat(data["format"])
    data["status"] = SessionStatus(data["status"])
    return Session(**data)


def to_agenda_item(row: Row) -> AgendaItem:
    data = _pick(AgendaItem, row)
    data["block"] = AgendaBlock(data["block"])
    data["questions"] = list(data.get("questions") or [])
    data["theme_codes"] = list(data.get("theme_codes") or [])
    return AgendaItem(**data)


def to_participant(row: Row) -> Participant:
    data = _pick(Participant, row)
    data["segment"] = Segment(data["segment"])
    return Participant(**data)


def to_observer(row: Row) -> Observer:
    data = _pick(Observer, row)
    data["department"] = Department(data["department"])
    return Observer(**data)


_NOTE_KINDS = {kind.value: kind for kind in NoteKind}
_SPEAKER_KINDS = {kind.value: kind for kind in SpeakerKind}


def to_note(row: Row) -> Note:
    """A row of the current-version join (see repo_notes.current_notes_query).

    Dictionary look-ups instead of Enum(value): this runs 50,000 times for a large dashboard.
    """
    (note_id, session_id, author, created_at, since, offset, deleted_at, version_id, version, text,
     kind, speaker_kind, participant_id, agenda_item_id, version_created_at, version_author) = row
    edited = version > 1
    return Note(
        id=note_id,
        session_id=session_id,
        version=version,
        version_id=version_id,
        author=author,
        created_at=created_at,
        seconds_since_start=since,
        text=text,
        kind=_NOTE_KINDS[kind],
        speaker_kind=_SPEAKER_KINDS[speaker_kind],
        participant_id=participant_id,
        agenda_item_id=agenda_item_id,
        recording_offset_s=offset,
        edited_at=version_created_at if edited else None,
        edited_by=version_author if edited else "",
        deleted_at=deleted_at,
    )


def to_note_version(row: Row) -> NoteVersion:
    data = _pick(NoteVersion, row)
    data["kind"] = NoteKind(data["kind"])
    data["speaker_kind"] = SpeakerKind(data["speaker_kind"])
    return NoteVersion(**data)


def to_action(row: Row, evidence: list[int]) -> ImprovementAction:
    data = _pick(ImprovementAction, row)
    data["status"] = ActionStatus(data["status"])
    data["evidence_note_ids"] = evidence
    return ImprovementAction(**data)
