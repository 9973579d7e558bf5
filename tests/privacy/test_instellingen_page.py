"""The Instellingen page drives the services: users, consent, erasure with typed confirmation, backups."""

from __future__ import annotations

from arena.privacy.erasure import ErasureMode
from arena.security import users
from arena.services import sessions
from arena.services.auth import LOCAL_USER
from arena.services.bootstrap import open_database
from tests.privacy.erasure_helpers import raw_hits
from tests.privacy.world import NAME, build_world
from tests.security.pages_helpers import open_page


def _db(data_dir):
    return open_database(f"sqlite:///{data_dir / 'klantenarena.sqlite3'}")


def test_erase_from_the_page_needs_the_typed_code(data_dir):
    db = _db(data_dir)
    world = build_world(db)
    app = open_page("pages/instellingen.py", session_id=world.session_id)
    assert not app.exception
    assert [t.label for t in app.tabs] == ["Gebruikers", "Toestemming", "Inzage en wissen (AVG)", "Bewaartermijn", "Back-ups"]
    assert app.selectbox(key="avg_persoon").value.name == NAME
    wipe = next(b for b in app.button if b.label == "Definitief wissen")
    assert wipe.disabled
    app.radio(key="avg_wijze").set_value(ErasureMode.DELETE_NOTES)
    app.text_input(key="avg_bevestig").input("k1").run()
    next(b for b in app.button if b.label == "Definitief wissen").click().run()
    assert not app.exception
    assert any("K1 gewist: 3 notities verwijderd" in s.value for s in app.success)
    assert sessions.participants(db, LOCAL_USER, world.session_id)[0].name == "[verwijderd]"
    db.dispose()
    assert raw_hits(data_dir) == {}


def test_first_user_from_the_page_then_login_is_required(data_dir):
    db = _db(data_dir)
    app = open_page("pages/instellingen.py")
    assert "enkelgebruikersmodus" in app.info[0].value
    app.text_input[0].input("beheerder")
    app.selectbox[0].set_value(users.Role.MODERATOR)
    app.text_input[2].input("een lang wachtwoord")
    next(b for b in app.button if b.label == "Toevoegen").click().run()
    assert [u.username for u in users.list_users(db, LOCAL_USER)] == ["beheerder"]
    again = open_page("pages/instellingen.py")
    assert [b.label for b in again.button] == ["Aanmelden"]  # from now on nobody is let in without a login
    db.dispose()


def test_backup_button_and_restore_from_the_page(data_dir):
    db = _db(data_dir)
    world = build_world(db)
    app = open_page("pages/instellingen.py", session_id=world.session_id)
    next(b for b in app.button if b.label == "Nu een back-up maken").click().run()
    assert any("Back-up geschreven" in s.value for s in app.success)
    backups = sorted((data_dir / "backups").glob("*.sqlite3"))
    assert len(backups) == 1
    sessions.add_participant(db, LOCAL_USER, world.session_id, "Na de back-up")
    app.checkbox(key="herstel_ok").check().run()
    next(b for b in app.button if b.label == "Terugzetten").click().run()
    assert not app.exception
    assert any("Teruggezet uit" in s.value for s in app.success)
    names = [p.name for p in sessions.participants(db, LOCAL_USER, world.session_id)]
    assert "Na de back-up" not in names and NAME in names
    db.dispose()


def test_consent_register_and_retention_on_the_page(data_dir):
    db = _db(data_dir)
    world = build_world(db)
    app = open_page("pages/instellingen.py", session_id=world.session_id)
    register = app.dataframe[0].value  # no users yet: the register is the first table
    assert list(register["Status"]) == ["gegeven", "ontbreekt"] and list(register["Tekstversie"]) == ["v2026-2", ""]
    app.number_input[0].set_value(12)
    next(b for b in app.button if b.label == "Opslaan").click().run()
    assert any("Bewaartermijn opgeslagen" in s.value for s in app.success)
    assert any("Geen sessies van voor" in s.value for s in app.success)
    db.dispose()
