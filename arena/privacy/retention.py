"""Retention: sessions older than the term lose their raw personal data (anonymised or deleted).

The term is in table settings (key "retention"). A session's age counts from its date (or its
creation when it has no date). Anonymising erases every participant in anonymise mode; deleting
also removes all notes of the session. Every participant erased this way enters the erasure log,
so a restore of an older backup cannot bring the data back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, insert, select, update

from arena.domain.text import ValidationError
from arena.privacy.erasure import ErasureMode, compact_database, erase_participant
from arena.services.auth import Actor, Permission, require
from arena.store import repo_audit, repo_notes
from arena.store import tables as t
from arena.store.database import Database
from arena.store.types import utcnow

KEY = "retention"


@dataclass(frozen=True)
class RetentionPolicy:
    months: int | None  # None: keep until erased by hand
    mode: ErasureMode = ErasureMode.ANONYMISE_NOTES


@dataclass
class PurgeResult:
    cutoff: date | None
    sessions: list[int] = field(default_factory=list)
    participants_erased: int = 0
    notes_deleted: int = 0
    dry_run: bool = False


def get_policy(db: Database, actor: Actor) -> RetentionPolicy:
    require(actor, Permission.ADMIN)
    with db.read() as conn:
        value = conn.execute(select(t.settings.c.value).where(t.settings.c.key == KEY)).scalar()
    if not isinstance(value, dict):
        return RetentionPolicy(None)
    months = value.get("months")
    return RetentionPolicy(int(months) if months else None, ErasureMode(value.get("mode", ErasureMode.ANONYMISE_NOTES)))


def set_policy(db: Database, actor: Actor, months: int | None, mode: ErasureMode | str = ErasureMode.ANONYMISE_NOTES) -> RetentionPolicy:
    require(actor, Permission.ADMIN)
    if months is not None and not 1 <= int(months) <= 240:
        raise ValidationError("De bewaartermijn moet tussen 1 en 240 maanden liggen.")
    value = {"months": int(months) if months else None, "mode": ErasureMode(mode).value}
    with db.write() as conn:
        if conn.execute(select(t.settings.c.key).where(t.settings.c.key == KEY)).first():
            conn.execute(update(t.settings).where(t.settings.c.key == KEY).values(value=value))
        else:
            conn.execute(insert(t.settings).values(key=KEY, value=value))
        repo_audit.log(conn, actor.name, "retention.set", "settings", None, value)
    return RetentionPolicy(value["months"], ErasureMode(value["mode"]))


def cutoff_for(months: int, now: datetime) -> date:
    return (now - timedelta(days=round(months * 30.44))).date()


def due_sessions(db: Database, actor: Actor, policy: RetentionPolicy, now: datetime | None = None) -> list[int]:
    """Sessions older than the term that still hold raw data (a participant or a note)."""
    require(actor, Permission.ADMIN)
    if policy.months is None:
        return []
    cutoff = cutoff_for(policy.months, now or utcnow())
    s = t.sessions
    with db.read() as conn:
        rows = conn.execute(select(s.c.id, s.c.date, s.c.created_at)).all()
        due = []
        for row in rows:
            day = row.date or row.created_at.date()
            if day >= cutoff:
                continue
            people = conn.execute(select(func.count()).select_from(t.participants).where(
                t.participants.c.session_id == row.id, t.participants.c.erased_at.is_(None))).scalar()
            notes = conn.execute(select(func.count()).select_from(t.notes).where(t.notes.c.session_id == row.id)).scalar()
            if people or (policy.mode is ErasureMode.DELETE_NOTES and notes):
                due.append(row.id)
    return sorted(due)


def purge(db: Database, actor: Actor, *, now: datetime | None = None, dry_run: bool = False) -> PurgeResult:
    require(actor, Permission.ADMIN)
    require(actor, Permission.PERSONAL_DATA)
    policy = get_policy(db, actor)
    now = now or utcnow()
    result = PurgeResult(cutoff_for(policy.months, now) if policy.months else None, dry_run=dry_run)
    result.sessions = due_sessions(db, actor, policy, now)
    for session_id in result.sessions:
        with db.read() as conn:
            people = list(conn.execute(select(t.participants.c.id).where(
                t.participants.c.session_id == session_id, t.participants.c.erased_at.is_(None))).scalars())
            notes = conn.execute(select(func.count()).select_from(t.notes).where(t.notes.c.session_id == session_id)).scalar()
        result.participants_erased += len(people)
        if dry_run:
            result.notes_deleted += notes if policy.mode is ErasureMode.DELETE_NOTES else 0
            continue
        for participant_id in people:
            erased = erase_participant(db, actor, participant_id, policy.mode, confirmed=True, compact=False)
            result.notes_deleted += erased.notes_deleted
        if policy.mode is ErasureMode.DELETE_NOTES:
            result.notes_deleted += _delete_session_notes(db, actor, session_id)
    if result.sessions and not dry_run:
        compact_database(db)
    return result


def _delete_session_notes(db: Database, actor: Actor, session_id: int) -> int:
    """Remaining notes (group remarks, observations) of a session past its term."""
    with db.write() as conn:
        ids = list(conn.execute(select(t.notes.c.id).where(t.notes.c.session_id == session_id)).scalars())
        repo_notes.purge_notes(conn, ids)
        repo_audit.log(conn, actor.name, "retention.delete_notes", "session", session_id, {"notes": len(ids)})
    return len(ids)
