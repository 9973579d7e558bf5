"""Panels and callbacks of the Live notuleren page (pages/live.py wires them together).

Everything that matters is committed to the database before the page acknowledges it; session_state
only holds view choices (which note is being edited, the last acknowledgement). Kept out of the page
file so each rerun only re-parses the short page script.
"""

from __future__ import annotations

import logging
import os
import uuid

import streamlit as st

from arena.capture.cues import CueWorker
from arena.capture.shorthand import Speaker
from arena.capture.timer import clock
from arena.capture.views import KIND_SHORT, NoteView, local_time
from arena.domain.model import NoteKind, Participant, SessionStatus, SpeakerKind
from arena.domain.text import ValidationError
from arena.services import capture
from arena.services import notes as note_service
from arena.services import sessions as session_service
from arena.services.auth import Actor, Permission, PermissionDenied
from arena.store.database import Database
from arena.store.types import utcnow
from ui import safe

log = logging.getLogger(__name__)
USER_ERRORS = (ValidationError, PermissionDenied, session_service.NotFound)
STREAM_REFRESH_S = 0.5  # the stream re-reads notes and cues this often: others' notes and badges within a second
CLOCK_REFRESH_S = 1.0
KINDS = [k.value for k in NoteKind]


@st.cache_resource(show_spinner=False)
def cue_worker(url: str, _db: Database) -> CueWorker | None:  # noqa: ARG001 - url is the cache key
    """One background analyser per database; off with ARENA_LIVE_CUES=0."""
    if os.environ.get("ARENA_LIVE_CUES", "1") == "0":
        return None
    return CueWorker(_db)


def speaker_key(speaker: Speaker) -> str:
    return speaker.code if speaker.kind is SpeakerKind.PARTICIPANT and speaker.code else speaker.kind.value


def _speaker_from_key(key: str) -> Speaker:
    if key in (SpeakerKind.GROUP.value, SpeakerKind.MODERATOR.value):
        return Speaker(SpeakerKind(key))
    return Speaker(SpeakerKind.PARTICIPANT, key)


def speaker_option(key: str) -> str:
    return {"group": "Groep", "moderator": "Moderator"}.get(key, key)


# --- callbacks: they run before the page, so the acknowledgement shows the committed note ----------

def on_line(db: Database, actor: Actor, session_id: int, author: str) -> None:
    line = st.session_state.get("capture_line") or ""
    if not line.strip():
        return  # empty lines are ignored
    kind = NoteKind(st.session_state.get("next_kind") or NoteKind.UITSPRAAK)
    try:
        out = capture.capture_line(db, actor, session_id, line, author=author, default_kind=kind,
                                   client_token=uuid.uuid4().hex)
    except USER_ERRORS as exc:
        st.session_state["feedback"] = {"error": str(exc), "unsaved": line}
        return
    except Exception:  # storage failure: say so and give the text back, never lose it silently
        log.exception("saving a note failed")
        st.session_state["feedback"] = {"error": "Opslaan is mislukt. Uw tekst staat hieronder; probeer het opnieuw.",
                                        "unsaved": line}
        return
    feedback: dict = {"messages": list(out.messages)}
    if out.note is not None:
        feedback["ack"] = f"✓ #{out.note.id} {local_time(out.note.created_at)}"
        st.session_state["next_kind"] = NoteKind.UITSPRAAK.value
        worker = cue_worker(db.url, db)
        if worker is not None:
            worker.submit(out.note)
    if out.moved_to is not None:
        feedback["moved"] = out.moved_to.topic
    if out.kind_only is not None:
        st.session_state["next_kind"] = out.kind_only.value
    st.session_state["feedback"] = feedback


def on_speaker(db: Database, actor: Actor, session_id: int, author: str) -> None:
    key = st.session_state.get("speaker_pick")
    if key:  # clicking the chosen one again deselects: keep the stored speaker
        capture.set_speaker(db, actor, session_id, author, _speaker_from_key(key))


def on_observation(db: Database, actor: Actor, session_id: int, author: str) -> None:
    text = st.session_state.get("long_obs") or ""
    if not text.strip():
        st.session_state["obs_feedback"] = {"error": "Lege observatie: er is niets opgeslagen."}
        return
    try:
        note = capture.save_observation(db, actor, session_id, text, author=author, client_token=uuid.uuid4().hex)
    except USER_ERRORS as exc:
        st.session_state["obs_feedback"] = {"error": str(exc)}
        return
    st.session_state["long_obs"] = ""  # only cleared once it is in the database
    st.session_state["obs_feedback"] = {"ack": f"✓ #{note.id} {local_time(note.created_at)} observatie opgeslagen"}
    worker = cue_worker(db.url, db)
    if worker is not None:
        worker.submit(note)


# --- panels --------------------------------------------------------------------------------------

def feedback(key: str) -> None:
    feedback = st.session_state.get(key)
    if not feedback:
        return
    if feedback.get("ack"):
        st.success(feedback["ack"])
    if feedback.get("moved"):
        st.info("Volgend onderwerp:", icon=":material/skip_next:")
        safe.text(feedback["moved"])
    for message in feedback.get("messages", []):
        st.warning(message)
    if feedback.get("error"):
        st.error(feedback["error"])
    if feedback.get("unsaved"):
        st.caption("Niet opgeslagen tekst (kopieer en probeer opnieuw):")
        st.code(feedback["unsaved"], language=None)


@st.fragment(run_every=CLOCK_REFRESH_S)
def agenda_panel(db: Database, actor: Actor, session_id: int) -> None:
    session = session_service.get_session(db, actor, session_id)
    items = session_service.agenda(db, actor, session_id)
    state = clock(session, items, utcnow())
    with st.container(border=True, key="agenda-panel"):
        st.markdown("**Agenda**")
        if not state.started:
            st.caption("De sessie is nog niet gestart; de eerste notitie of ‘Sessie starten’ zet de klok aan.")
            st.button("Sessie starten", icon=":material/play_arrow:", key="start-live",
                      on_click=capture.ensure_live, args=(db, actor, session))
            return
        total = state.session
        if session.status is SessionStatus.AFGEROND:  # a closed session's clock no longer runs
            st.caption("Deze sessie is afgerond; nagekomen notities kunnen nog worden toegevoegd.")
        else:
            st.markdown(f"Sessie :{total.level.colour}[**{total.label()}**]")
        if state.item is None or state.item_index is None:
            st.caption("Geen huidig onderwerp." if items else "Deze sessie heeft geen agenda.")
        else:
            item = items[state.item_index]
            st.caption(f"Onderwerp {state.item_index + 1} van {state.item_count} · {item.block.label}")
            safe.text(item.topic)
            st.markdown(f"Tijd :{state.item.level.colour}[**{state.item.label()}**]"
                        + (" — tijdvak overschreden" if state.item.level.value == "over" else ""))
            for question in item.questions:
                safe.text(f"• {question}")
        back, forward = st.columns(2)
        # Callbacks run before the (fragment) rerun, so the panel at once shows the new topic.
        back.button("Vorig", icon=":material/skip_previous:", key="agenda-back",
                    disabled=not items or state.item_index in (None, 0),
                    on_click=capture.move_agenda, args=(db, actor, session_id, -1))
        forward.button("Volgend onderwerp", icon=":material/skip_next:", key="agenda-next", type="primary",
                       disabled=not items or state.item_index == len(items) - 1,
                       on_click=capture.move_agenda, args=(db, actor, session_id, 1))


def _render_note(db: Database, actor: Actor, view: NoteView) -> None:
    with st.container(border=True, key=f"note-{view.id}"):
        safe.text(view.meta)
        if view.badges:
            st.markdown(" ".join(f":{b.colour}-badge[{b.label}]" for b in view.badges))
        st.text(view.short)  # plain text: no Markdown, no HTML, no links, no images
        if view.is_long:
            with st.expander("toon alles"):
                st.text(view.text)
        buttons = st.container(horizontal=True)
        if view.deleted:
            if buttons.button("Herstellen", key=f"restore-{view.id}", icon=":material/undo:"):
                note_service.restore_note(db, actor, view.id)
                st.rerun(scope="app")
            return
        if buttons.button("Bewerken", key=f"edit-{view.id}", icon=":material/edit:"):
            st.session_state["editing"] = view.id
            st.rerun(scope="app")
        if buttons.button("Verwijderen", key=f"delete-{view.id}", icon=":material/delete:"):
            note_service.delete_note(db, actor, view.id)
            st.session_state["undo"] = view.id
            st.rerun(scope="app")


@st.fragment(run_every=STREAM_REFRESH_S)
def notes_stream(db: Database, actor: Actor, session_id: int, filters: capture.StreamFilter) -> None:
    """Re-reads the newest notes twice a second: other note-takers' notes and the live cues appear by themselves."""
    people = session_service.participants(db, actor, session_id)
    agenda = session_service.agenda(db, actor, session_id)
    limit = st.session_state.get("stream_limit", capture.STREAM_PAGE)
    result = capture.stream(db, actor, session_id, participants=people, agenda=agenda, filters=filters, limit=limit)
    if not result.views:
        st.caption("Nog geen notities." if filters == capture.StreamFilter() else "Geen notities met deze filters.")
    for view in result.views:
        _render_note(db, actor, view)
    if result.has_more:
        st.button("Meer tonen", key="stream-more", on_click=_more, args=(limit,))


def _more(limit: int) -> None:
    st.session_state["stream_limit"] = limit + capture.STREAM_PAGE


def edit_panel(db: Database, actor: Actor, note_id: int, people: list[Participant], agenda: list) -> None:
    try:
        note = note_service.get_note(db, actor, note_id)
    except USER_ERRORS as exc:
        st.error(str(exc))
        st.session_state.pop("editing", None)
        return
    speakers = ["group", "moderator", *[p.id for p in people]]
    codes = {p.id: p.code for p in people}
    current_speaker = note.participant_id if note.speaker_kind is SpeakerKind.PARTICIPANT else note.speaker_kind.value
    topics = [None, *[item.id for item in agenda]]
    labels = {item.id: f"{item.position}. {item.topic}" for item in agenda}
    with st.container(border=True, key="edit-panel"):
        st.markdown(f"**Notitie #{note.id} bewerken** (versie {note.version}; een wijziging wordt een nieuwe versie)")
        with st.form(f"edit-form-{note.id}"):
            text = st.text_area("Tekst", value=note.text, height=150)
            kind = st.selectbox("Soort", KINDS, index=KINDS.index(note.kind.value), format_func=lambda k: NoteKind(k).label)
            speaker = st.selectbox("Spreker", speakers,
                                   index=speakers.index(current_speaker) if current_speaker in speakers else 0,
                                   format_func=lambda s: codes.get(s) or speaker_option(s))
            topic = st.selectbox("Onderwerp", topics,
                                 index=topics.index(note.agenda_item_id) if note.agenda_item_id in topics else 0,
                                 format_func=lambda i: labels.get(i, "(geen)"))
            save, cancel = st.columns(2)
            saved = save.form_submit_button("Opslaan als nieuwe versie", type="primary")
            cancelled = cancel.form_submit_button("Sluiten")
        if saved:
            is_person = isinstance(speaker, int)
            try:
                updated = note_service.edit_note(
                    db, actor, note.id, text=text, kind=NoteKind(kind),
                    speaker_kind=SpeakerKind.PARTICIPANT if is_person else SpeakerKind(speaker),
                    participant_id=speaker if is_person else None, agenda_item_id=topic)
            except USER_ERRORS as exc:
                st.error(str(exc))
            else:
                st.session_state.pop("editing", None)
                st.session_state["feedback"] = {"ack": f"✓ #{updated.id} versie {updated.version} opgeslagen"}
                st.rerun()
        if cancelled:
            st.session_state.pop("editing", None)
            st.rerun()
        st.markdown("**Geschiedenis**")
        for version in reversed(note_service.note_history(db, actor, note.id)):
            safe.text(f"v{version.version} · {local_time(version.created_at, '%d-%m %H:%M:%S')} · {version.author} · "
                      f"{KIND_SHORT[version.kind]}")
            st.text(version.text if len(version.text) <= 600 else version.text[:599] + "…")


def participants_panel(db: Database, actor: Actor, people: list[Participant]) -> None:
    show_names = actor.can(Permission.PERSONAL_DATA)
    with st.container(border=True, key="participants-panel"):
        st.markdown("**Deelnemers**")
        if not people:
            st.caption("Nog geen deelnemers (voeg ze toe bij Plannen).")
        for person in people:
            label = f"{person.code} {person.name}" if show_names and person.erased_at is None else person.code
            with st.container(key=f"participant-{person.id}"):
                safe.text(label)
                if person.zorgklant:
                    st.markdown(":red-badge[Zorgklant]")
                    safe.text(f"Reden: {person.zorgklant_reason}")
                    if st.button("Zorgklant opheffen", key=f"unflag-{person.id}"):
                        session_service.set_zorgklant(db, actor, person.id, False)
                        st.rerun()
                else:
                    with st.popover("Zorgklant markeren", icon=":material/flag:", key=f"flag-pop-{person.id}"):
                        with st.form(f"flag-{person.id}", clear_on_submit=True):
                            reason = st.text_input("Reden", placeholder="bijv. derde keer een gemiste afspraak")
                            if st.form_submit_button("Markeren als zorgklant"):
                                try:
                                    session_service.set_zorgklant(db, actor, person.id, True, reason=reason)
                                except USER_ERRORS as exc:
                                    st.error(str(exc))
                                else:
                                    st.rerun()


def filters_bar(people: list[Participant], agenda: list) -> capture.StreamFilter:
    speaker_keys = ["group", "moderator", *[p.code for p in people]]
    topics = {item.id: f"{item.position}. {item.topic}" for item in agenda}
    cols = st.columns(3)
    speakers = cols[0].multiselect("Spreker", speaker_keys, format_func=speaker_option, key="f_speakers",
                                   placeholder="Alle sprekers")
    topic_ids = cols[1].multiselect("Onderwerp", list(topics), format_func=lambda i: topics.get(i, str(i)),
                                    key="f_topics", placeholder="Alle onderwerpen")
    kinds = cols[2].multiselect("Soort", KINDS, format_func=lambda k: KIND_SHORT[NoteKind(k)], key="f_kinds",
                                placeholder="Alle soorten")
    deleted = st.toggle("Toon ook verwijderde notities", key="f_deleted", help="Om een verwijderde notitie te herstellen")
    return capture.StreamFilter(tuple(speakers), tuple(topic_ids), tuple(NoteKind(k) for k in kinds), deleted)
