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
    m = row._mapping
    return Note(
        id=m["id"],
        session_id=m["session_id"],
        version=m["version"],
        version_id=m["version_id"],
        author=m["author"],
        created_at=m["created_at"],
        seconds_since_start=m["seconds_since_start"],
        text=m["text"],
        kind=_NOTE_KINDS[m["kind"]],
        speaker_kind=_SPEAKER_KINDS[m["speaker_kind"]],
        participant_id=m["participant_id"],
        agenda_item_id=m["agenda_item_id"],
        recording_offset_s=m["recording_offset_s"],
        edited_at=m["version_created_at"] if m["version"] > 1 else None,
        edited_by=m["version_author"] if m["version"] > 1 else "",
        deleted_at=m["deleted_at"],
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
