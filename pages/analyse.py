"""Analyse."""

from __future__ import annotations

import streamlit as st

from arena.services.auth import Permission
from ui.shell import page

ctx = page("Analyse", Permission.ANALYSE)

st.title("Analyse")
if ctx.session_id is None:
    st.info("Kies eerst een sessie op de pagina Sessies.")
