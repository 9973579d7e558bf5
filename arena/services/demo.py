"""A realistic Dutch demo session, so a new user sees every screen filled."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from arena.domain.model import (
    AgendaBlock,
    Department,
    NoteKind,
    Segment,
    SessionFormat,
    SessionStatus,
    SpeakerKind,
)
from arena.services import sessions as session_service
from arena.services.auth import Actor, Permission, require
from arena.store import repo_notes, repo_sessions
from arena.store.database import Database

DEMO_FILE = Path(__file__).with_name("demo_session.json")


def create_demo_session(db: Database, actor: Actor, *, session_date: date | None = None) -> int:
    """Create the demo session and return its id. Notes are spread over the two hours."""
    require(actor, Permission.PLAN)
    data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    when = session_date or (date.today() - timedelta(days=7))
    start = time(14, 0)
    session = session_service.create_session(
        db,
        actor,
        title=data["title"],
        goal=data["goal"],
        organisation=data["organisation"],
        date=when,
        start_time=start,
        duration_min=data["duration_min"],
        format=SessionFormat.OP_LOCATIE,
        location=data["location"],
        moderator=data["moderator"],
        status=SessionStatus.GEPLAND,
    )
    item_ids: dict[str, int] = {}
    for item in data["agenda"]:
        created = session_service.add_agenda_item(
            db,
            actor,
            session.id,  # type: ignore[arg-type]
            item["topic"],
            block=AgendaBlock(item["block"]),
            questions=item.get("questions", []),
            timebox_min=item["timebox_min"],
            theme_codes=item.get("themes", []),
        )
        item_ids[item["key"]] = created.id  # type: ignore[assignment]
    people: dict[str, int] = {}
    for person in data["participants"]:
        created_person = session_service.add_participant(
            db,
            actor,
            session.id,  # type: ignore[arg-type]
            person["name"],
            organisation=person["organisation"],
            email=person["email"],
            segment=Segment(person["segment"]),
            account_manager=person.get("account_manager", ""),
        )
        started = datetime.combine(when - timedelta(days=14), time(10, 0), tzinfo=UTC)
        session_service.record_consent(db, actor, created_person.id, "2026-1", given_at=started)  # type: ignore[arg-type]
        people[created_person.code] = created_person.id  # type: ignore[assignment]
    for observer in data["observers"]:
        session_service.add_observer(
            db, actor, session.id, observer["name"], Department(observer["department"])  # type: ignore[arg-type]
        )
    started_at = datetime.combine(when, start, tzinfo=UTC) - timedelta(hours=1)  # 14:00 Amsterdam in winter
    with db.write() as conn:
        for index, note in enumerate(data["notes"]):
            seconds = float(note["minute"] * 60 + (index * 7) % 50)
            speaker = note.get("speaker", "group")
            participant_id = people.get(speaker)
            repo_notes.insert_note(
                conn,
                {
                    "session_id": session.id,
                    "author": note.get("author", data["moderator"]),
                    "created_at": started_at + timedelta(seconds=seconds),
                    "seconds_since_start": seconds,
                    "recording_offset_s": None,
                    "client_token": None,
                },
                {
                    "text": note["text"],
                    "kind": NoteKind(note.get("kind", "uitspraak")).value,
                    "speaker_kind": (
                        SpeakerKind.PARTICIPANT.value if participant_id
                        else SpeakerKind.MODERATOR.value if speaker == "moderator"
                        else SpeakerKind.GROUP.value
                    ),
                    "participant_id": participant_id,
                    "agenda_item_id": item_ids[note["item"]],
                },
            )
        repo_sessions.update_session(
            conn,
            session.id,  # type: ignore[arg-type]
            {"status": SessionStatus.AFGEROND.value, "started_at": started_at},
        )
    for code, reason in data.get("zorgklanten", {}).items():
        session_service.set_zorgklant(db, actor, people[code], True, reason=reason, owner=data["moderator"])
    return session.id  # type: ignore[return-value]
