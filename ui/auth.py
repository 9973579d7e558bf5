"""Who is using the app: OIDC (st.login), local accounts, or single-user mode on localhost.

Login state lives in st.session_state (authentication, not data): a reload asks to sign in
again and shows nothing before that. The user row is re-read on every run, so disabling an
account or changing a role takes effect at once. Roles are enforced again in arena/ services.
"""

from __future__ import annotations

import ipaddress
import time

import streamlit as st

from arena.security import users
from arena.services.auth import LOCAL_USER, Actor
from arena.store.database import Database

USER_KEY = "arena_user_id"
_FAILURES_KEY = "arena_login_failures"


def oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets.toml at all
        return False


def current_actor(db: Database) -> Actor:
    """The signed-in actor; otherwise draws the login and stops the page run (no data shown)."""
    if oidc_configured():
        return _oidc_actor(db)
    if users.any_local_users(db):
        return _local_actor(db)
    return _single_user()


def _remote_client() -> bool:
    """True for a connection from another computer (Streamlit reports localhost as None)."""
    ip = st.context.ip_address
    if not isinstance(ip, str) or not ip:
        return False
    try:
        return not ipaddress.ip_address(ip).is_loopback
    except ValueError:
        return True


def _single_user() -> Actor:
    if _remote_client():
        st.error(
            "Deze app draait in enkelgebruikersmodus en is alleen op de computer zelf te gebruiken. "
            "Stel gebruikers in (python -m arena user add) om met een team te werken."
        )
        st.stop()
    st.caption(
        ":material/lock: Enkelgebruikersmodus: geen aanmelding ingesteld, de app is alleen op deze "
        "computer bereikbaar (localhost)."
    )
    return LOCAL_USER


def _local_actor(db: Database) -> Actor:
    user_id = st.session_state.get(USER_KEY)
    actor = users.actor_for_user_id(db, int(user_id)) if user_id is not None else None
    if actor is None:
        st.session_state.pop(USER_KEY, None)
        _login_form(db)
        st.stop()
    _signed_in_sidebar(actor)
    return actor  # type: ignore[return-value]


def _login_form(db: Database) -> None:
    st.title("Klantenarena")
    st.subheader("Aanmelden")
    with st.form("aanmelden"):
        username = st.text_input("Gebruikersnaam", autocomplete="username")
        password = st.text_input("Wachtwoord", type="password", autocomplete="current-password")
        submitted = st.form_submit_button("Aanmelden", type="primary")
    if not submitted:
        return
    failures = int(st.session_state.get(_FAILURES_KEY, 0))
    time.sleep(min(0.25 * failures, 3.0))  # slows guessing from one browser tab
    actor = users.authenticate(db, username, password)
    if actor is None or actor.user_id is None:
        st.session_state[_FAILURES_KEY] = failures + 1
        st.error("Onbekende gebruikersnaam of onjuist wachtwoord.")
        return
    st.session_state[_FAILURES_KEY] = 0
    st.session_state[USER_KEY] = actor.user_id
    st.rerun()


def _oidc_actor(db: Database) -> Actor:
    if not st.user.is_logged_in:
        st.title("Klantenarena")
        st.info("Meld u aan met het account van uw organisatie.")
        st.button("Aanmelden", type="primary", on_click=st.login)
        st.stop()
    email = st.user.get("email")
    actor = users.actor_for_identity(db, email, st.user.get("preferred_username"), st.user.get("sub"))
    if actor is None:
        st.error(
            f"Uw account ({email or 'onbekend'}) heeft geen toegang tot Klantenarena. "
            "Vraag de beheerder u toe te voegen met een rol."
        )
        st.button("Afmelden", on_click=st.logout)
        st.stop()
    _signed_in_sidebar(actor)
    return actor  # type: ignore[return-value]


def _sign_out_local() -> None:
    st.session_state.pop(USER_KEY, None)


def _signed_in_sidebar(actor: Actor) -> None:
    with st.sidebar:
        st.caption(f":material/person: {actor.name} · {actor.role.label}")
        st.button("Afmelden", key="afmelden", on_click=st.logout if oidc_configured() else _sign_out_local)
