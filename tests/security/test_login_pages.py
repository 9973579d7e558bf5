"""Every page for every role: unauthenticated users get a login and no data; roles see only their part."""

from __future__ import annotations

import pytest

from arena.security import membership, users
from arena.services.auth import LOCAL_USER, ROLE_PERMISSIONS, Permission, Role
from arena.services.bootstrap import open_database
from arena.services.demo import create_demo_session
from tests.security.pages_helpers import DEMO, discovered_pages, leaked, open_page, rendered
from ui.shell import NAV

PASSWORD = "sterk genoeg wachtwoord"
PAGE_PERMISSION = {path: permission for path, _, _, permission in NAV}
ACCOUNTS = {  # name: (role, member of the demo session)
    "moderator": (Role.MODERATOR, False),
    "notulist_lid": (Role.NOTULIST, True),
    "notulist_ander": (Role.NOTULIST, False),
    "team": (Role.TEAM, False),
    "lezer": (Role.LEZER, False),
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    import os

    folder = tmp_path_factory.mktemp("login")
    old = {k: os.environ.get(k) for k in ("ARENA_DATA_DIR", "ARENA_DATABASE_URL")}
    os.environ["ARENA_DATA_DIR"] = str(folder)
    os.environ.pop("ARENA_DATABASE_URL", None)
    db = open_database()
    session_id = create_demo_session(db, LOCAL_USER)
    ids = {}
    for name, (role, member) in ACCOUNTS.items():
        ids[name] = users.add_user(db, LOCAL_USER, name, role, password=PASSWORD).id
        if member:
            membership.add_member(db, LOCAL_USER, session_id, ids[name])
    db.dispose()
    yield session_id, ids
    for key, value in old.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def _sees_names(account: str) -> bool:
    role, member = ACCOUNTS[account]
    return Permission.PERSONAL_DATA in ROLE_PERMISSIONS[role] or (role is Role.NOTULIST and member)


@pytest.mark.parametrize("path", discovered_pages())
def test_unauthenticated_user_gets_a_login_and_no_data(world, path):
    session_id, _ = world
    app = open_page(path, session_id=session_id)
    assert not app.exception, app.exception
    assert [b.label for b in app.button] == ["Aanmelden"]
    assert app.text_input[0].label == "Gebruikersnaam"
    text = rendered(app)
    assert DEMO["title"] not in text and not leaked(app)
    assert "Enkelgebruikersmodus" not in text


@pytest.mark.parametrize("account", list(ACCOUNTS))
@pytest.mark.parametrize("path", discovered_pages())
def test_every_role_on_every_page(world, path, account):
    session_id, ids = world
    app = open_page(path, user_id=ids[account], session_id=session_id)
    assert not app.exception, app.exception
    role = ACCOUNTS[account][0]
    needed = PAGE_PERMISSION.get(path)
    if needed is not None and needed not in ROLE_PERMISSIONS[role]:
        assert any("geen toegang" in e.value for e in app.error), [e.value for e in app.error]
    if not _sees_names(account):
        assert leaked(app) == [], f"{account} ziet persoonsgegevens op {path}"
    assert any(f"{account} · {role.label}" in c.value for c in app.sidebar.caption)


def test_login_form_wrong_then_right_password_then_sign_out(world):
    app = open_page("streamlit_app.py")
    app.text_input[0].input("moderator")
    app.text_input[1].input("verkeerd wachtwoord")
    app.button[0].click().run()
    assert [e.value for e in app.error] == ["Onbekende gebruikersnaam of onjuist wachtwoord."]
    assert "arena_user_id" not in app.session_state
    app.text_input[1].input(PASSWORD)
    app.button[0].click().run()
    assert not app.exception
    assert any(DEMO["title"] in t.value for t in app.text)
    app.sidebar.button(key="afmelden").click().run()
    assert [b.label for b in app.button] == ["Aanmelden"] and DEMO["title"] not in rendered(app)


def test_disabled_account_is_signed_out_on_the_next_run(world):
    session_id, ids = world
    db = open_database()
    try:
        users.set_disabled(db, LOCAL_USER, "lezer")
        app = open_page("pages/rapport.py", user_id=ids["lezer"], session_id=session_id)
        assert [b.label for b in app.button] == ["Aanmelden"]
    finally:
        users.set_disabled(db, LOCAL_USER, "lezer", False)
        db.dispose()


OIDC = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
                 "client_id": "arena", "client_secret": "geheim",
                 "server_metadata_url": "https://idp.example/.well-known/openid-configuration"}}


def test_oidc_signed_out_shows_only_the_sign_in_button(world):
    session_id, _ = world
    app = open_page("pages/live.py", session_id=session_id, secrets=OIDC, user={"is_logged_in": False})
    assert not app.exception
    assert [b.label for b in app.button] == ["Aanmelden"] and not leaked(app)
    assert "Meld u aan met het account van uw organisatie." in [i.value for i in app.info]


def test_oidc_unknown_identity_gets_a_clear_dutch_refusal(world):
    session_id, _ = world
    app = open_page("streamlit_app.py", session_id=session_id, secrets=OIDC,
                    user={"is_logged_in": True, "email": "vreemde@elders.example"})
    assert "Uw account (vreemde@elders.example) heeft geen toegang tot Klantenarena." in app.error[0].value
    assert DEMO["title"] not in rendered(app)


def test_oidc_known_identity_gets_its_role(world):
    session_id, _ = world
    app = open_page("pages/rapport.py", session_id=session_id, secrets=OIDC,
                    user={"is_logged_in": True, "email": "LEZER"})
    assert not app.exception
    assert any("lezer · Lezer" in c.value for c in app.sidebar.caption)
    assert not leaked(app)


def test_the_leak_probe_sees_names_where_they_are_allowed(world):
    """Control for the probe above: the moderator's consent register does show the names."""
    session_id, ids = world
    app = open_page("pages/instellingen.py", user_id=ids["moderator"], session_id=session_id)
    assert set(leaked(app)) >= {p["name"] for p in DEMO["participants"]}
