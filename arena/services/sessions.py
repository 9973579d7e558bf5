"""Sessions, their agenda, participants and observers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import delete, func, select, update

from arena.domain.model import (
    AgendaBlock,
    AgendaItem,
    Department,
    Observer,
    Participant,
    Segment,
    Session,
    SessionFormat,
    SessionStatus,
)
from arena.domain.pseudonyms import next_code
from arena.domain.text import ValidationError, clean_note_text, required_text
from arena.services.auth import Actor, Permission, require, require_any, require_session
from arena.store import repo_audit, repo_sessions
from arena.store import tables as t
from arena.store.database import Database
from arena.store.types import utcnow

SESSION_FIELDS = {
    "title", "goal", "organisation", "date", "start_time", "duration_min", "format",
    "location", "meeting_link", "moderator", "status",
}


@dataclass(frozen=True)
class SessionOverview:
    session: Session
    notes: int
    participants: int


class NotFound(LookupError):
    """The thing asked for does not exist (any more)."""


def _session_values(values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - SESSION_FIELDS
    if unknown:
        raise ValueError(f"unknown session fields: {sorted(unknown)}")
    out = dict(values)
    if "title" in out:
        out["title"] = required_text(out["title"], "Titel")[:300]
    for key in ("goal", "organisation", "location", "meeting_link", "moderator"):
        if key in out:
            out[key] = clean_note_text(out[key] or "").strip()
    if "duration_min" in out:
        duration = int(out["duration_min"])
        if not 15 <= duration <= 600:
            raise ValidationError("De duur moet tussen 15 en 600 minuten liggen.")
        out["duration_min"] = duration
    if "format" in out:
        out["format"] = SessionFormat(out["format"]).value
    if "status" in out:
        out["status"] = SessionStatus(out["status"]).value
    if "date" in out and out["date"] is not None and not isinstance(out["date"], date):
        raise ValidationError("Ongeldige datum.")
    if "start_time" in out and out["start_time"] is not None and not isinstance(out["start_time"], time):
        raise ValidationError("Ongeldige begintijd.")
    return out


def create_session(db: Database, actor: Actor, **values: Any) -> Session:
    require(actor, Permission.PLAN)
    clean = _session_values(values)
    with db.write() as conn:
        session_id = repo_sessions.insert_session(conn, clean)
        repo_audit.log(conn, actor.name, "session.create", "session", session_id, {"title": clean["title"]})
        return repo_sessions.get_session(conn, session_id)  # type: ignore[return-value]


def update_session(db: Database, actor: Actor, session_id: int, **values: Any) -> Session:
    require(actor, Permission.PLAN)
    clean = _session_values(values)
    with db.write() as conn:
        existing_session(conn, session_id)
        repo_sessions.update_session(conn, session_id, clean)
        repo_audit.log(conn, actor.name, "session.update", "session", session_id, {"fields": sorted(clean)})
        return repo_sessions.get_session(conn, session_id)  # type: ignore[return-value]


def set_status(db: Database, actor: Actor, session_id: int, status: SessionStatus) -> Session:
    return update_session(db, actor, session_id, status=status)


def start_live(db: Database, actor: Actor, session_id: int) -> Session:
    """Mark the session live; the clock for 'seconds since start' starts at the first call."""
    require(actor, Permission.CAPTURE)
    require_session(actor, session_id)
    with db.write() as conn:
        session = existing_session(conn, session_id)
        values: dict[str, Any] = {"status": SessionStatus.LIVE.value}
        now = utcnow()
        if session.started_at is None:
            values["started_at"] = now
        if session.current_agenda_item_id is None:
            items = repo_sessions.agenda(conn, session_id)
            if items:
                values["current_agenda_item_id"] = items[0].id
                values["current_item_started_at"] = now
        repo_sessions.update_session(conn, session_id, values)
        return repo_sessions.get_session(conn, session_id)  # type: ignore[return-value]


def set_current_agenda_item(db: Database, actor: Actor, session_id: int, item_id: int | None) -> Session:
    require(actor, Permission.CAPTURE)
    require_session(actor, session_id)
    with db.write() as conn:
        existing_session(conn, session_id)
        repo_sessions.update_session(
            conn, session_id, {"current_agenda_item_id": item_id, "current_item_started_at": utcnow()}
        )
        return repo_sessions.get_session(conn, session_id)  # type: ignore[return-value]


def get_session(db: Database, actor: Actor, session_id: int) -> Session:
    require(actor, Permission.VIEW_SESSIONS)
    require_session(actor, session_id)
    with db.read() as conn:
        return existing_session(conn, session_id)


def list_sessions(db: Database, actor: Actor) -> list[SessionOverview]:
    require(actor, Permission.VIEW_SESSIONS)
    with db.read() as conn:
        note_counts = dict(
            conn.execute(
                select(t.notes.c.session_id, func.count())
                .where(t.notes.c.deleted_at.is_(None))
                .group_by(t.notes.c.session_id)
            ).all()
        )
        people = dict(
            conn.execute(
                select(t.participants.c.session_id, func.count()).group_by(t.participants.c.session_id)
            ).all()
        )
        return [
            SessionOverview(s, note_counts.get(s.id, 0), people.get(s.id, 0))
            for s in repo_sessions.list_sessions(conn)
            if actor.may_open(s.id)
        ]


def existing_session(conn, session_id: int) -> Session:
    """The session inside an open transaction, or NotFound (Dutch message); shared by the session services."""
    session = repo_sessions.get_session(conn, session_id)
    if session is None:
        raise NotFound(f"Sessie {session_id} bestaat niet.")
    return session


# --- agenda -------------------------------------------------------------------------------

def agenda(db: Database, actor: Actor, session_id: int) -> list[AgendaItem]:
    require(actor, Permission.VIEW_SESSIONS)
    with db.read() as conn:
        return repo_sessions.agenda(conn, session_id)


def add_agenda_item(
    db: Database,
    actor: Actor,
    session_id: int,
    topic: str,
    *,
    block: AgendaBlock = AgendaBlock.ONDERWERP,
    questions: list[str] | None = None,
    timebox_min: int = 15,
    theme_codes: list[str] | None = None,
    position: int | None = None,
) -> AgendaItem:
    require(actor, Permission.PLAN)
    if not 1 <= int(timebox_min) <= 480:
        raise ValidationError("Een tijdvak moet tussen 1 en 480 minuten liggen.")
    values: dict[str, Any] = {
        "topic": required_text(topic, "Onderwerp")[:300],
        "block": AgendaBlock(block).value,
        "questions": [clean_note_text(q).strip() for q in (questions or []) if q and q.strip()],
        "timebox_min": int(timebox_min),
        "theme_codes": list(theme_codes or []),
    }
    if position is not None:
        values["position"] = position
    with db.write() as conn:
        existing_session(conn, session_id)
        item_id = repo_sessions.insert_agenda_item(conn, session_id, values)
        repo_audit.log(conn, actor.name, "agenda.add", "agenda_item", item_id, {"topic": values["topic"]})
        return next(i for i in repo_sessions.agenda(conn, session_id) if i.id == item_id)


def update_agenda_item(db: Database, actor: Actor, item_id: int, **values: Any) -> None:
    require(actor, Permission.PLAN)
    allowed = {"topic", "questions", "timebox_min", "theme_codes", "block", "position"}
    if set(values) - allowed:
        raise ValueError(f"unknown agenda fields: {sorted(set(values) - allowed)}")
    if "topic" in values:
        values["topic"] = required_text(values["topic"], "Onderwerp")[:300]
    if "block" in values:
        values["block"] = AgendaBlock(values["block"]).value
    if "timebox_min" in values and not 1 <= int(values["timebox_min"]) <= 480:
        raise ValidationError("Een tijdvak moet tussen 1 en 480 minuten liggen.")
    with db.write() as conn:
        conn.execute(update(t.agenda_items).where(t.agenda_items.c.id == item_id).values(**values))
        repo_audit.log(conn, actor.name, "agenda.update", "agenda_item", item_id, {"fields": sorted(values)})


def reorder_agenda(db: Database, actor: Actor, session_id: int, ordered_ids: list[int]) -> None:
    require(actor, Permission.PLAN)
    with db.write() as conn:
        current = {i.id for i in repo_sessions.agenda(conn, session_id)}
        if set(ordered_ids) != current:
            raise ValidationError("De nieuwe volgorde moet precies alle agendapunten bevatten.")
        for position, item_id in enumerate(ordered_ids, start=1):
            conn.execute(update(t.agenda_items).where(t.agenda_items.c.id == item_id).values(position=position))
        repo_audit.log(conn, actor.name, "agenda.reorder", "session", session_id, {"order": ordered_ids})


def remove_agenda_item(db: Database, actor: Actor, item_id: int, *, confirmed: bool) -> None:
    """Explicit, confirmed removal; notes that pointed at it keep their text (agenda link cleared)."""
    require(actor, Permission.PLAN)
    if not confirmed:
        raise ValidationError("Verwijderen moet eerst worden bevestigd.")
    with db.write() as conn:
        conn.execute(delete(t.agenda_items).where(t.agenda_items.c.id == item_id))
        repo_audit.log(conn, actor.name, "agenda.remove", "agenda_item", item_id)


# --- participants and observers -----------------------------------------------------------

def participants(db: Database, actor: Actor, session_id: int) -> list[Participant]:
    """Participants with their real names: only for roles that may see personal data."""
    require_any(actor, Permission.PERSONAL_DATA, Permission.CAPTURE)
    require_session(actor, session_id)
    with db.read() as conn:
        return repo_sessions.participants(conn, session_id)


def participant_codes(db: Database, actor: Actor, session_id: int) -> dict[int, str]:
    """Pseudonym codes only: safe for every role that may see the session."""
    require(actor, Permission.VIEW_SESSIONS)
    with db.read() as conn:
        return {p.id: p.code for p in repo_sessions.participants(conn, session_id)}  # type: ignore[misc]


def add_participant(
    db: Database,
    actor: Actor,
    session_id: int,
    name: str,
    *,
    organisation: str = "",
    email: str = "",
    segment: Segment = Segment.VASTE_KLANT,
    account_manager: str = "",
) -> Participant:
    require(actor, Permission.PLAN)
    values = {
        "name": required_text(name, "Naam")[:300],
        "organisation": clean_note_text(organisation or "").strip()[:300],
        "email": clean_note_text(email or "").strip()[:300],
        "segment": Segment(segment).value,
        "account_manager": clean_note_text(account_manager or "").strip()[:200],
    }
    with db.write() as conn:
        existing_session(conn, session_id)
        values["code"] = next_code(repo_sessions.participant_codes(conn, session_id))
        participant_id = repo_sessions.insert_participant(conn, session_id, values)
        repo_audit.log(conn, actor.name, "participant.add", "participant", participant_id, {"code": values["code"]})
        return repo_sessions.get_participant(conn, participant_id)  # type: ignore[return-value]


def update_participant(db: Database, actor: Actor, participant_id: int, **values: Any) -> Participant:
    require(actor, Permission.PLAN)
    allowed = {"name", "organisation", "email", "segment", "account_manager"}
    if set(values) - allowed:
        raise ValueError(f"unknown participant fields: {sorted(set(values) - allowed)}")
    if "name" in values:
        values["name"] = required_text(values["name"], "Naam")[:300]
    if "segment" in values:
        values["segment"] = Segment(values["segment"]).value
    with db.write() as conn:
        repo_sessions.update_participant(conn, participant_id, values)
        repo_audit.log(conn, actor.name, "participant.update", "participant", participant_id, {"fields": sorted(values)})
        return repo_sessions.get_participant(conn, participant_id)  # type: ignore[return-value]


def record_consent(db: Database, actor: Actor, participant_id: int, text_version: str,
                   given_at: datetime | None = None) -> Participant:
    require(actor, Permission.PLAN)
    at = given_at or utcnow()
    version = required_text(text_version, "Versie van de toestemmingstekst")[:50]
    with db.write() as conn:
        repo_sessions.update_participant(
            conn, participant_id,
            {"consent_given_at": at, "consent_text_version": version, "consent_withdrawn_at": None},
        )
        conn.execute(t.consent_events.insert().values(
            participant_id=participant_id, action="given", text_version=version, by=actor.name, at=at))
        return repo_sessions.get_participant(conn, participant_id)  # type: ignore[return-value]


def withdraw_consent(db: Database, actor: Actor, participant_id: int) -> Participant:
    require(actor, Permission.PLAN)
    at = utcnow()
    with db.write() as conn:
        participant = repo_sessions.get_participant(conn, participant_id)
        if participant is None:
            raise NotFound("Deelnemer bestaat niet.")
        repo_sessions.update_participant(conn, participant_id, {"consent_withdrawn_at": at})
        conn.execute(t.consent_events.insert().values(
            participant_id=participant_id, action="withdrawn",
            text_version=participant.consent_text_version, by=actor.name, at=at))
        return repo_sessions.get_participant(conn, participant_id)  # type: ignore[return-value]


def set_zorgklant(db: Database, actor: Actor, participant_id: int, flagged: bool, *,
                  reason: str = "", owner: str = "") -> Participant:
    """Flag or unflag a zorgklant; every change is kept in zorgklant_events (the history)."""
    require_any(actor, Permission.CAPTURE, Permission.REVIEW)
    if flagged:
        reason = required_text(reason, "Reden")
    now = utcnow()
    with db.write() as conn:
        values: dict[str, Any] = {"zorgklant": flagged}
        if flagged:
            values |= {"zorgklant_reason": reason, "zorgklant_owner": owner.strip() or actor.name,
                       "zorgklant_since": now}
        repo_sessions.update_participant(conn, participant_id, values)
        conn.execute(t.zorgklant_events.insert().values(
            participant_id=participant_id, action="flagged" if flagged else "unflagged",
            reason=reason, owner=owner, by=actor.name, at=now))
        return repo_sessions.get_participant(conn, participant_id)  # type: ignore[return-value]


def zorgklant_history(db: Database, actor: Actor, participant_id: int) -> list[dict[str, Any]]:
    require(actor, Permission.VIEW_SESSIONS)
    with db.read() as conn:
        rows = conn.execute(
            select(t.zorgklant_events)
            .where(t.zorgklant_events.c.participant_id == participant_id)
            .order_by(t.zorgklant_events.c.id)
        )
        return [dict(r._mapping) for r in rows]


def observers(db: Database, actor: Actor, session_id: int) -> list[Observer]:
    require(actor, Permission.VIEW_SESSIONS)
    with db.read() as conn:
        return repo_sessions.observers(conn, session_id)


def add_observer(db: Database, actor: Actor, session_id: int, name: str,
                 department: Department = Department.OVERIG, email: str = "") -> Observer:
    require(actor, Permission.PLAN)
    values = {
        "name": required_text(name, "Naam")[:200],
        "department": Department(department).value,
        "email": clean_note_text(email or "").strip()[:300],
    }
    with db.write() as conn:
        existing_session(conn, session_id)
        observer_id = repo_sessions.insert_observer(conn, session_id, values)
        repo_audit.log(conn, actor.name, "observer.add", "observer", observer_id)
        return next(o for o in repo_sessions.observers(conn, session_id) if o.id == observer_id)


def remove_observer(db: Database, actor: Actor, observer_id: int, *, confirmed: bool) -> None:
    require(actor, Permission.PLAN)
    if not confirmed:
        raise ValidationError("Verwijderen moet eerst worden bevestigd.")
    with db.write() as conn:
        conn.execute(delete(t.observers).where(t.observers.c.id == observer_id))
        repo_audit.log(conn, actor.name, "observer.remove", "observer", observer_id)
