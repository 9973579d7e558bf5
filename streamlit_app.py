"""Start page (Sessies): the sessions, and a demo for a first look."""

from __future__ import annotations

import streamlit as st

from arena.services import sessions as session_service
from arena.services.auth import Permission
from arena.services.demo import create_demo_session
from ui.shell import page, select_session

ctx = page("Sessies", Permission.VIEW_SESSIONS)

st.title("Klantenarena")
st.write(
    "Plan een klantenarena, notuleer live wat klanten zeggen (ook tussen de regels), "
    "analyseer de irritaties per thema en deel een verbeterrapport."
)

overviews = session_service.list_sessions(ctx.db, ctx.actor)

if not overviews:
    st.info("Er zijn nog geen sessies. Laad een voorbeeldsessie om alle schermen gevuld te zien, of plan zelf een nieuwe klantenarena.")
    if ctx.actor.can(Permission.PLAN):
        left, right = st.columns(2)
        if left.button("Voorbeeldsessie laden", type="primary", icon=":material/auto_awesome:"):
            with st.spinner("Voorbeeldsessie aanmaken…"):
                new_id = create_demo_session(ctx.db, ctx.actor)
            select_session(new_id)
            st.rerun()
        right.page_link("pages/plannen.py", label="Nieuwe sessie plannen", icon=":material/add:")
else:
    st.subheader("Sessies")
    for overview in overviews:
        s = overview.session
        with st.container(border=True):
            cols = st.columns([4, 2, 2, 2])
            cols[0].markdown(f"**#{s.id}**")
            cols[0].text(s.title)
            when = s.date.strftime("%d-%m-%Y") if s.date else "geen datum"
            cols[1].text(f"{when}\n{s.status.label}")
            cols[2].text(f"{overview.participants} deelnemers\n{overview.notes} notities")
            selected = ctx.session_id == s.id
            if cols[3].button("Gekozen" if selected else "Kies", key=f"kies-{s.id}", disabled=selected,
                              type="primary" if not selected else "secondary"):
                select_session(s.id)
                st.rerun()
    if ctx.session_id:
        st.success(f"Sessie #{ctx.session_id} is gekozen: kies links een stap (Plannen, Live notuleren, Analyse, Rapport).")
