"""Who is using the app. Without any login configuration: single-user mode on localhost."""

from __future__ import annotations

import streamlit as st

from arena.services.auth import LOCAL_USER, Actor
from arena.store.database import Database


def current_actor(db: Database) -> Actor:  # noqa: ARG001 - the login issue reads users from db
    st.caption(
        ":material/lock: Enkelgebruikersmodus: geen aanmelding ingesteld, de app is alleen op deze "
        "computer bereikbaar (localhost)."
    )
    return LOCAL_USER
