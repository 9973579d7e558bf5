"""Planning a klantenarena: sessions from templates, the agenda, participant import, advice,
invitations and thank-you letters. Rules and documents live in arena.planning; this wires them to storage.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update

from arena.domain.model import (
    ActionStatus,
    AgendaBlock,
    AgendaItem,
    NoteKind,
    Participant,
    Segment,
    Session,
    SessionStatus,
    SpeakerKind,
)
from arena.domain.pseudonyms import next_code
from arena.domain.taxonomy import load_taxonomy
from arena.domain.text import ValidationError, clean_note_text
from arena.planning.calendar import session_ics
from arena.planning.composition import Advice, composition_advice
from arena.planning.importer import ImportPreview, find_duplicate, identity_keys, valid_email
from arena.planning.invitations import (
    RECORDING_POLICIES,
    ChecklistItem,
    day_checklist,
    ics_description,
    invitation_text,
    staff_briefing,
)
from arena.planning.templates import AgendaDraft, TimeboxCheck, check_timeboxes, default_agenda, topic_draft
from arena.planning.thanks import LetterContent, NextStep
from arena.services import actions as action_service
from arena.services import sessions as session_service
from arena.services.auth import Actor, Permission, require, require_session
from arena.services.sessions import NotFound
from arena.store import repo_audit, repo_notes, repo_sessions
from arena.store import tables as t
from arena.store.database import Database

_END_BLOCKS = (AgendaBlock.OPEN_RONDE, AgendaBlock.AFSLUITING)
_LETTER_KINDS = (NoteKind.UITSPRAAK, NoteKind.IDEE, NoteKind.VRAAG, NoteKind.COMPLIMENT, NoteKind.ACTIEPUNT)
MAX_NEXT_STEPS = 5


# --- planning details (note takers, recording, sender): kept in settings, no schema change ---------

@dataclass
class PlanningDetails:
    note_takers: str = ""
    recording: str = ""  # a key of RECORDING_POLICIES, "" = not decided yet
    sender: str = ""  # who signs invitations and letters


def _plan(actor: Actor, session_id: int) -> None:
    require(actor, Permission.PLAN)
    require_session(actor, session_id)


def _details_key(session_id: int) -> str:
    return f"planning.details:{session_id}"


def planning_details(db: Database, actor: Actor, session_id: int) -> PlanningDetails:
    _plan(actor, session_id)
    with db.read() as conn:
        value = conn.execute(select(t.settings.c.value).where(t.settings.c.key == _details_key(session_id))).scalar()
    if not isinstance(value, dict):
        return PlanningDetails()
    return PlanningDetails(**{k: str(v) for k, v in value.items() if k in PlanningDetails.__dataclass_fields__})


def save_planning_details(db: Database, actor: Actor, session_id: int, details: PlanningDetails) -> PlanningDetails:
    _plan(actor, session_id)
    if details.recording and details.recording not in RECORDING_POLICIES:
        raise ValidationError("Kies een opnamebeleid uit de lijst.")
    value = {k: clean_note_text(getattr(details, k)).strip()[:300] for k in PlanningDetails.__dataclass_fields__}
    key = _details_key(session_id)
    with db.write() as conn:
        session_service.existing_session(conn, session_id)
        if not conn.execute(update(t.settings).where(t.settings.c.key == key).values(value=value)).rowcount:
            conn.execute(t.settings.insert().values(key=key, value=value))
        repo_audit.log(conn, actor.name, "planning.details", "session", session_id)
    return PlanningDetails(**value)


# --- sessions and agenda ------------------------------------------------------------------------

def create_planned_session(
    db: Database, actor: Actor, *, theme_codes: Sequence[str] | None = None, **values: Any
) -> Session:
    """A new session with the default agenda: fixed blocks plus one topic per chosen theme."""
    require(actor, Permission.PLAN)
    drafts = default_agenda(list(theme_codes) if theme_codes is not None else None, values.get("duration_min") or None)
    session = session_service.create_session(db, actor, **values)
    apply_agenda(db, actor, session.id, drafts)  # type: ignore[arg-type]
    return session


def apply_agenda(db: Database, actor: Actor, session_id: int, drafts: Sequence[AgendaDraft]) -> list[AgendaItem]:
    """Append drafts to the agenda in one transaction."""
    _plan(actor, session_id)
    with db.write() as conn:
        session_service.existing_session(conn, session_id)
        for draft in drafts:
            repo_sessions.insert_agenda_item(conn, session_id, _draft_values(draft))
        repo_audit.log(conn, actor.name, "agenda.apply", "session", session_id, {"items": len(drafts)})
        return repo_sessions.agenda(conn, session_id)


def _draft_values(draft: AgendaDraft) -> dict[str, Any]:
    return {
        "topic": draft.topic,
        "block": draft.block.value,
        "questions": list(draft.questions),
        "timebox_min": int(draft.timebox_min),
        "theme_codes": list(draft.theme_codes),
    }


def add_theme_topic(db: Database, actor: Actor, session_id: int, theme_code: str, timebox_min: int = 15) -> AgendaItem:
    """Insert the template topic of a theme before the open round and the closing."""
    _plan(actor, session_id)
    if theme_code not in load_taxonomy().codes:
        raise ValidationError("Onbekend thema.")
    if not 1 <= int(timebox_min) <= 480:
        raise ValidationError("Een tijdvak moet tussen 1 en 480 minuten liggen.")
    draft = topic_draft(theme_code, int(timebox_min))
    with db.write() as conn:
        session_service.existing_session(conn, session_id)
        items = repo_sessions.agenda(conn, session_id)
        tail = [i for i in items if i.block in _END_BLOCKS]
        first_tail = items.index(tail[0]) if tail else len(items)
        ordered = [i.id for i in items]
        item_id = repo_sessions.insert_agenda_item(conn, session_id, _draft_values(draft))
        ordered.insert(first_tail, item_id)
        for position, some_id in enumerate(ordered, start=1):
            conn.execute(update(t.agenda_items).where(t.agenda_items.c.id == some_id).values(position=position))
        repo_audit.log(conn, actor.name, "agenda.add", "agenda_item", item_id, {"theme": theme_code})
        return next(i for i in repo_sessions.agenda(conn, session_id) if i.id == item_id)


def move_agenda_item(db: Database, actor: Actor, session_id: int, item_id: int, step: int) -> list[AgendaItem]:
    """Move one item up (step -1) or down (+1)."""
    items = session_service.agenda(db, actor, session_id)
    ids = [i.id for i in items]
    if item_id not in ids:
        raise NotFound("Dit agendapunt bestaat niet (meer).")
    here = ids.index(item_id)
    there = max(0, min(len(ids) - 1, here + step))
    ids.insert(there, ids.pop(here))
    session_service.reorder_agenda(db, actor, session_id, ids)  # type: ignore[arg-type]
    return session_service.agenda(db, actor, session_id)


def timebox_check(session: Session, items: Sequence[AgendaItem]) -> TimeboxCheck:
    return check_timeboxes([i.timebox_min for i in items], session.duration_min)


def duplicate_session(
    db: Database, actor: Actor, session_id: int, *, title: str | None = None, include_participants: bool = False
) -> Session:
    """A concept copy for the next round: agenda and observers; customers only when asked (without consent,
    which belongs to one session)."""
    _plan(actor, session_id)
    with db.write() as conn:
        source = session_service.existing_session(conn, session_id)
        new_id = repo_sessions.insert_session(conn, {
            "title": (clean_note_text(title).strip() if title and title.strip() else f"{source.title} (vervolg)")[:300],
            "goal": source.goal,
            "organisation": source.organisation,
            "duration_min": source.duration_min,
            "format": source.format.value,
            "location": source.location,
            "meeting_link": source.meeting_link,
            "moderator": source.moderator,
            "start_time": source.start_time,
            "status": SessionStatus.CONCEPT.value,
        })
        for item in repo_sessions.agenda(conn, session_id):
            repo_sessions.insert_agenda_item(conn, new_id, {
                "topic": item.topic, "block": item.block.value, "questions": list(item.questions),
                "timebox_min": item.timebox_min, "theme_codes": list(item.theme_codes), "position": item.position,
            })
        for observer in repo_sessions.observers(conn, session_id):
            repo_sessions.insert_observer(conn, new_id, {
                "name": observer.name, "department": observer.department.value, "email": observer.email})
        if include_participants:
            codes: list[str] = []
            for person in repo_sessions.participants(conn, session_id):
                if person.erased_at is not None:
                    continue
                code = next_code(codes)
                codes.append(code)
                repo_sessions.insert_participant(conn, new_id, {
                    "code": code, "name": person.name, "organisation": person.organisation, "email": person.email,
                    "segment": person.segment.value, "account_manager": person.account_manager})
        repo_audit.log(conn, actor.name, "session.duplicate", "session", new_id, {"from": session_id})
        return repo_sessions.get_session(conn, new_id)  # type: ignore[return-value]


# --- participants ---------------------------------------------------------------------------------

def add_participant_checked(
    db: Database, actor: Actor, session_id: int, name: str, *, organisation: str = "", email: str = "",
    segment: Segment = Segment.VASTE_KLANT, account_manager: str = "",
) -> Participant:
    """Add by hand, refusing a person who is already in the session."""
    _plan(actor, session_id)
    _check_email(email)
    with db.read() as conn:
        existing = repo_sessions.participants(conn, session_id)
    duplicate = find_duplicate(name, organisation, email, existing)
    if duplicate:
        raise ValidationError(duplicate)
    return session_service.add_participant(db, actor, session_id, name, organisation=organisation, email=email,
                                           segment=segment, account_manager=account_manager)


def _check_email(email: str) -> None:
    if email.strip() and not valid_email(email):
        raise ValidationError("Dit is geen geldig e-mailadres; controleer het of laat het veld leeg.")


def update_participant_checked(db: Database, actor: Actor, session_id: int, participant_id: int, **values: Any) -> Participant:
    """Edit a participant; refuses to make them a duplicate of someone else in the session."""
    _plan(actor, session_id)
    with db.read() as conn:
        people = repo_sessions.participants(conn, session_id)
    current = next((p for p in people if p.id == participant_id), None)
    if current is None:
        raise NotFound("Deze deelnemer hoort niet (meer) bij de sessie.")
    _check_email(values.get("email", ""))
    others = [p for p in people if p.id != participant_id]
    duplicate = find_duplicate(values.get("name", current.name), values.get("organisation", current.organisation),
                               values.get("email", current.email), others)
    if duplicate:
        raise ValidationError(duplicate.replace("Deze deelnemer staat al", "Er staat al iemand"))
    clean = {k: clean_note_text(v).strip() if isinstance(v, str) else v for k, v in values.items()}
    return session_service.update_participant(db, actor, participant_id, **clean)


@dataclass
class ImportOutcome:
    added: list[Participant] = field(default_factory=list)
    skipped_rows: list[int] = field(default_factory=list)

    @property
    def message(self) -> str:
        text = f"{len(self.added)} deelnemer(s) geïmporteerd."
        if self.skipped_rows:
            text += f" Niet geïmporteerd: rij {', '.join(map(str, self.skipped_rows))}."
        return text


def import_participants(
    db: Database, actor: Actor, session_id: int, preview: ImportPreview, *, only_good_rows: bool = False
) -> ImportOutcome:
    """All rows or nothing; with `only_good_rows` (chosen after seeing the errors) the bad rows are skipped.

    Duplicates are checked again inside the write transaction: the session may have changed since the preview.
    """
    _plan(actor, session_id)
    bad_rows = sorted({e.row for e in preview.errors})
    if bad_rows and not only_good_rows:
        raise ValidationError(
            f"Er is niets geïmporteerd: {len(bad_rows)} rij(en) bevatten fouten (rij {', '.join(map(str, bad_rows))}). "
            "Herstel het bestand, of kies ‘alleen de goede rijen importeren’."
        )
    if not preview.rows:
        raise ValidationError("Er zijn geen goede rijen om te importeren.")
    outcome = ImportOutcome(skipped_rows=bad_rows)
    with db.write() as conn:
        session_service.existing_session(conn, session_id)
        existing = repo_sessions.participants(conn, session_id)
        known = {key for p in existing if p.erased_at is None for key in identity_keys(p.name, p.organisation, p.email)}
        now_duplicate = [r.row for r in preview.rows if known & set(identity_keys(r.name, r.organisation, r.email))]
        if now_duplicate and not only_good_rows:
            raise ValidationError(
                f"Er is niets geïmporteerd: rij {', '.join(map(str, now_duplicate))} staat inmiddels al in de sessie."
            )
        codes = [p.code for p in existing]
        for row in preview.rows:
            if row.row in now_duplicate:
                continue
            code = next_code(codes)
            codes.append(code)
            participant_id = repo_sessions.insert_participant(conn, session_id, {
                "code": code, "name": row.name[:300], "organisation": row.organisation[:300], "email": row.email[:300],
                "segment": row.segment.value, "account_manager": row.account_manager[:200]})
            outcome.added.append(repo_sessions.get_participant(conn, participant_id))  # type: ignore[arg-type]
        outcome.skipped_rows = sorted(set(bad_rows) | set(now_duplicate))
        repo_audit.log(conn, actor.name, "participant.import", "session", session_id,
                       {"added": len(outcome.added), "skipped_rows": outcome.skipped_rows})
    return outcome


# --- advice, invitations, briefing, checklist -----------------------------------------------------

def advice(db: Database, actor: Actor, session_id: int) -> list[Advice]:
    session = session_service.get_session(db, actor, session_id)
    return composition_advice(session_service.participants(db, actor, session_id),
                              session_service.observers(db, actor, session_id), session.moderator)


@dataclass(frozen=True)
class Invitation:
    participant: Participant
    text: str
    ics: bytes | None  # None while date or start time is missing
    ics_problem: str = ""

    @property
    def filename_stem(self) -> str:
        return f"uitnodiging-{self.participant.code}"


def invitations(db: Database, actor: Actor, session_id: int) -> list[Invitation]:
    _plan(actor, session_id)
    session = session_service.get_session(db, actor, session_id)
    items = session_service.agenda(db, actor, session_id)
    sender = planning_details(db, actor, session_id).sender
    out = []
    for person in session_service.participants(db, actor, session_id):
        if person.erased_at is not None:
            continue
        text = invitation_text(session, person, items, sender=sender)
        try:
            ics = session_ics(session, description=ics_description(session, items), attendee_email=person.email,
                              uid_suffix=person.code)
            out.append(Invitation(person, text, ics))
        except ValidationError as exc:
            out.append(Invitation(person, text, None, str(exc)))
    return out


def briefing(db: Database, actor: Actor, session_id: int) -> str:
    _plan(actor, session_id)
    details = planning_details(db, actor, session_id)
    return staff_briefing(
        session_service.get_session(db, actor, session_id), session_service.agenda(db, actor, session_id),
        session_service.observers(db, actor, session_id), session_service.participants(db, actor, session_id),
        note_takers=details.note_takers, recording=details.recording or "geen",
    )


def staff_ics(db: Database, actor: Actor, session_id: int) -> bytes:
    """The calendar entry for listening staff (one shared file); raises ValidationError without date or time."""
    _plan(actor, session_id)
    session = session_service.get_session(db, actor, session_id)
    return session_ics(
        session,
        summary=f"Klantenarena (meeluisteren): {session.title}",
        description="U luistert alleen: u reageert niet en verdedigt niets. Zie de briefing voor uw rol en het programma.",
        uid_suffix="team",
    )


def checklist(db: Database, actor: Actor, session_id: int) -> list[ChecklistItem]:
    _plan(actor, session_id)
    details = planning_details(db, actor, session_id)
    return day_checklist(
        session_service.get_session(db, actor, session_id), session_service.participants(db, actor, session_id),
        session_service.observers(db, actor, session_id), note_takers=details.note_takers, recording=details.recording,
    )


# --- thank-you letters ----------------------------------------------------------------------------

def thank_you_letters(db: Database, actor: Actor, session_id: int) -> list[LetterContent]:
    """One letter per customer: the agenda topics of their notes, detected themes (if analysed), open actions."""
    require(actor, Permission.PERSONAL_DATA)
    require_session(actor, session_id)
    session = session_service.get_session(db, actor, session_id)
    items = {i.id: i for i in session_service.agenda(db, actor, session_id)}
    people = [p for p in session_service.participants(db, actor, session_id) if p.erased_at is None]
    with db.read() as conn:
        notes = [n for n in repo_notes.list_notes(conn, [session_id])
                 if n.speaker_kind is SpeakerKind.PARTICIPANT and n.kind in _LETTER_KINDS]
    themes_by_note = _themes_by_note(db, actor, session_id)
    open_actions = [a for a in action_service.list_actions(db, actor, [session_id]) if a.status is not ActionStatus.KLAAR]
    sender = planning_details(db, actor, session_id).sender
    taxonomy = load_taxonomy()
    letters = []
    for person in people:
        own = [n for n in notes if n.participant_id == person.id]
        topic_items = sorted({items[n.agenda_item_id].id: items[n.agenda_item_id] for n in own
                              if n.agenda_item_id in items and items[n.agenda_item_id].block is AgendaBlock.ONDERWERP
                              }.values(), key=lambda i: i.position)
        detected = list(dict.fromkeys(code for n in own for code in themes_by_note.get(n.id, [])))
        related = set(detected) | {c for i in topic_items for c in i.theme_codes}
        note_ids = {n.id for n in own}
        # Actions that rest on this person's own words first, then those on the themes they raised.
        relevant = sorted(open_actions, key=lambda a: (not (set(a.evidence_note_ids) & note_ids),
                                                       a.theme_code not in related, a.id or 0))
        letters.append(LetterContent(
            participant_code=person.code,
            name=person.name,
            session_title=session.title,
            session_date=session.date,
            topics=[i.topic for i in topic_items],
            kinds=list(dict.fromkeys(n.kind for n in own)),
            themes=[taxonomy.label(c) for c in detected if c in taxonomy.codes],
            next_steps=[NextStep(a.title, a.owner, a.due_date) for a in relevant[:MAX_NEXT_STEPS]],
            sender=sender,
            organisation=session.organisation,
        ))
    return letters


def _themes_by_note(db: Database, actor: Actor, session_id: int) -> dict[int, list[str]]:
    """Effective themes of analysed or labelled notes; empty when nothing was analysed (no NLP needed)."""
    try:
        from arena.services.analysis import analysed_notes
    except ImportError:
        return {}
    return {a.note.id: list(a.themes) for a in analysed_notes(db, actor, [session_id])
            if (a.analysed or a.human_labelled) and a.themes}
