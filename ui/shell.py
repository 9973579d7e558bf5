"""Every page starts with `ctx = page(...)`: one shared set-up and guard.

The classic multipage mechanism runs each page file on its own, also on a deep link to a
fresh server; because every page calls this first, the database set-up, the login check and
the navigation can never be skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from arena.paths import database_url
from arena.services.auth import Actor, Permission
from arena.services.bootstrap import open_database
from arena.store.database import Database
from ui.auth import current_actor

NAV = (
    ("streamlit_app.py", "Sessies", ":material/groups:", Permission.VIEW_SESSIONS),
    ("pages/plannen.py", "Plannen", ":material/event:", Permission.PLAN),
    ("pages/live.py", "Live notuleren", ":material/edit_note:", Permission.CAPTURE),
    ("pages/analyse.py", "Analyse", ":material/insights:", Permission.ANALYSE),
    ("pages/rapport.py", "Rapport", ":material/description:", Permission.REPORT),
    ("pages/instellingen.py", "Instellingen", ":material/settings:", Permission.VIEW_SESSIONS),
)


@dataclass(frozen=True)
class PageContext:
    db: Database
    actor: Actor
    session_id: int | None


@st.cache_resource(show_spinner="Database openen…")
def _database(url: str) -> Database:
    return open_database(url)


def database() -> Database:
    """One engine per URL for the whole server (keyed on the URL, so tests can switch)."""
    return _database(database_url())


def selected_session_id() -> int | None:
    """The chosen session travels in the URL (?sessie=3): it survives reloads and new tabs."""
    raw = st.query_params.get("sessie")
    try:
        return int(raw) if raw else None
    except ValueError:
        return None


def select_session(session_id: int | None) -> None:
    if session_id is None:
        st.query_params.pop("sessie", None)
    else:
        st.query_params["sessie"] = str(session_id)


def page(title: str, permission: Permission | None = None, *, wide: bool = True) -> PageContext:
    st.set_page_config(
        page_title=f"{title} · Klantenarena",
        page_icon=":material/forum:",
        layout="wide" if wide else "centered",
    )
    db = database()
    actor = current_actor(db)
    session_id = selected_session_id()
    if session_id is not None and not actor.may_open(session_id):
        # A notulist/observer account opened a session it is not a member of (e.g. a shared link).
        st.warning("U bent niet aan deze sessie gekoppeld; vraag de moderator u toe te voegen.")
        session_id = None
    _navigation(actor, session_id)
    if permission is not None and not actor.can(permission):
        st.error(f"U hebt geen toegang tot ‘{title}’ met de rol {actor.role.label}.")
        st.stop()
    return PageContext(db=db, actor=actor, session_id=session_id)


def _navigation(actor: Actor, session_id: int | None) -> None:
    params = {"sessie": str(session_id)} if session_id else None
    with st.sidebar:
        st.markdown("### Klantenarena")
        for path, label, icon, permission in NAV:
            st.page_link(path, label=label, icon=icon, disabled=not actor.can(permission), query_params=params)
