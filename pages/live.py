"""Live notuleren: one input line that saves on Enter, shorthand, agenda clock, the shared notes stream."""

from __future__ import annotations

import streamlit as st

from arena.capture.shorthand import HELP
from arena.capture.views import KIND_SHORT
from arena.domain.model import NoteKind, SessionFormat
from arena.services import capture
from arena.services import notes as note_service
from arena.services import sessions as session_service
from arena.services.auth import Permission
from ui import live_capture as ui
from ui import safe
from ui.shell import page

ctx = page("Live notuleren", Permission.CAPTURE)
st.title("Live notuleren")
if ctx.session_id is None:
    st.info("Kies eerst een sessie op de pagina Sessies.")
    st.page_link("streamlit_app.py", label="Naar Sessies", icon=":material/groups:")
    st.stop()

try:
    session = session_service.get_session(ctx.db, ctx.actor, ctx.session_id)
    observers = session_service.observers(ctx.db, ctx.actor, ctx.session_id)
except ui.USER_ERRORS as exc:
    st.error(str(exc))
    st.stop()

names = list(dict.fromkeys(n for n in [ctx.actor.name, session.moderator, *[o.name for o in observers]] if n))
top = st.columns([3, 2])
with top[0]:
    safe.text(f"Sessie #{session.id}: {session.title}")
author = top[1].selectbox("Ik notuleer als", names, key="notulist", bind="query-params",
                          help="Uw naam staat bij elke notitie. Zo kunnen meerdere notulisten tegelijk werken.")
live = capture.live_context(ctx.db, ctx.actor, ctx.session_id, author)
ui.cue_worker(ctx.db.url, ctx.db)  # starts loading the NLP engine in the background, never blocking this page
people = live.participants

left, right = st.columns([3, 2], gap="large")
with left:
    speaker_keys = ["group", "moderator", *[p.code for p in people]]
    st.session_state["speaker_pick"] = ui.speaker_key(live.speaker)  # the database is the truth
    st.segmented_control("Spreker (of typ @K3, @mod, @groep)", speaker_keys, format_func=ui.speaker_option,
                         key="speaker_pick", on_change=ui.on_speaker, args=(ctx.db, ctx.actor, ctx.session_id, author))
    if "next_kind" not in st.session_state:
        st.session_state["next_kind"] = NoteKind.UITSPRAAK.value
    st.segmented_control("Soort van de volgende notitie (of typ #obs, #idee, #vraag, #compliment, #actie)", ui.KINDS,
                         format_func=lambda k: KIND_SHORT[NoteKind(k)], key="next_kind")
    st.chat_input("Typ wat er gezegd wordt en druk op Enter (> = volgend onderwerp)", key="capture_line",
                  on_submit=ui.on_line, args=(ctx.db, ctx.actor, ctx.session_id, author))
    ui.feedback("feedback")
    with st.expander("Sneltoetsen"):
        for token, meaning in HELP:
            safe.text(f"{token:<36} {meaning}")
        if session.format is SessionFormat.ONLINE:
            st.caption("Online sessie: begin een regel met [mm:ss] om de tijd in de opname vast te leggen.")
    with st.expander("Lange observatie (tussen de regels)"):
        st.text_area("Observatie", key="long_obs", height=140, label_visibility="collapsed",
                     placeholder="Wat zag of hoorde u tussen de regels door?")
        st.caption(":material/warning: Niet-opgeslagen tekst staat alleen in deze browser: "
                   "sla op voordat u de pagina verlaat of herlaadt.")
        st.button("Observatie opslaan", key="save-obs", icon=":material/save:", on_click=ui.on_observation,
                  args=(ctx.db, ctx.actor, ctx.session_id, author))
        ui.feedback("obs_feedback")

    undo = st.session_state.get("undo")
    if undo:
        message, undo_button = st.columns([3, 1])
        message.info(f"Notitie #{undo} is verwijderd.")
        if undo_button.button("Ongedaan maken", key="undo-delete", icon=":material/undo:"):
            note_service.restore_note(ctx.db, ctx.actor, undo)
            st.session_state.pop("undo", None)
            st.rerun()
    if st.session_state.get("editing"):
        ui.edit_panel(ctx.db, ctx.actor, st.session_state["editing"], people, live.agenda)

    st.subheader("Notities")
    stream_filter = ui.filters_bar(people, live.agenda)
    ui.notes_stream(ctx.db, ctx.actor, ctx.session_id, stream_filter)

with right:
    ui.agenda_panel(ctx.db, ctx.actor, ctx.session_id)
    ui.participants_panel(ctx.db, ctx.actor, people)
