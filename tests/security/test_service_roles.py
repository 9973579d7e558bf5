"""Roles are enforced in the arena/ services, not only by hiding buttons.

Every service function `f(db, actor, ...)` in arena/ is discovered, so services added later are
covered: without an actor each one refuses (PermissionDenied), and for roles without access to
personal data no return value contains a participant's name or e-mail.
"""

from __future__ import annotations

import pytest

from arena.privacy.erasure import erase_participant
from arena.privacy.export import person_export
from arena.privacy.restore import restore_backup
from arena.privacy.retention import purge, set_policy
from arena.security import membership, users
from arena.services import actions, notes, sessions
from arena.services.auth import LOCAL_USER, Actor, PermissionDenied, Role
from arena.services.bootstrap import open_database
from arena.services.demo import create_demo_session
from tests.security.pages_helpers import PERSONAL
from tests.security.service_discovery import call_args, mentions, service_functions

SERVICES = service_functions()
NO_NAMES = {
    "team": Actor("Team", Role.TEAM, 91),
    "lezer": Actor("Lezer", Role.LEZER, 92),
    "notulist_ander": Actor("Notulist", Role.NOTULIST, 93, sessions=frozenset({999})),
}


def test_discovery_finds_the_services():
    names = {name for name, _ in SERVICES}
    assert {"arena.services.notes.save_note", "arena.services.sessions.participants",
            "arena.privacy.erasure.erase_participant", "arena.security.users.add_user"} <= names


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rollen")
    db = open_database(f"sqlite:///{folder / 'arena.sqlite3'}")
    session_id = create_demo_session(db, LOCAL_USER)
    first = notes.list_notes(db, LOCAL_USER, session_id)[0]
    person = sessions.participants(db, LOCAL_USER, session_id)[0]
    item = sessions.agenda(db, LOCAL_USER, session_id)[0]
    action = actions.create_action(db, LOCAL_USER, session_id, "Actie", evidence_note_ids=[first.id])
    pool = {"session_id": session_id, "note_id": first.id, "participant_id": person.id, "item_id": item.id,
            "agenda_item_id": item.id, "action_id": action.id, "session_ids": [session_id], "note_ids": [first.id]}
    yield db, pool, folder
    db.dispose()


@pytest.mark.parametrize("name,fn", SERVICES, ids=[n for n, _ in SERVICES])
def test_without_actor_every_service_refuses(demo, name, fn):
    db, pool, folder = demo
    args, kwargs = call_args(fn, db, None, pool, folder)
    with pytest.raises(PermissionDenied):
        result = fn(*args, **kwargs)
        if hasattr(result, "__next__"):
            next(result)


@pytest.mark.parametrize("account", list(NO_NAMES))
@pytest.mark.parametrize("name,fn", SERVICES, ids=[n for n, _ in SERVICES])
def test_roles_without_personal_data_never_receive_names(demo, name, fn, account):
    db, pool, folder = demo
    args, kwargs = call_args(fn, db, NO_NAMES[account], pool, folder)
    try:
        result = fn(*args, **kwargs)
    except Exception:  # refused or not callable with these arguments: nothing was returned
        return
    assert mentions(result, PERSONAL) == [], f"{name} geeft {account} persoonsgegevens"


# The explicit matrix for the trust-critical services: who may, who may not.
M, NL, NA, T, L = "moderator", "notulist_lid", "notulist_ander", "team", "lezer"
MATRIX = {
    "sessions.participants": ({M, NL}, lambda db, a, p: sessions.participants(db, a, p["session_id"])),
    "notes.save_note": ({M, NL}, lambda db, a, p: notes.save_note(db, a, p["session_id"], "matrix")),
    "notes.list_notes": ({M, NL, T}, lambda db, a, p: notes.list_notes(db, a, p["session_id"])),
    "actions.create_action": ({M, T}, lambda db, a, p: actions.create_action(db, a, p["session_id"], "x")),
    "actions.list_actions": ({M, T, L}, lambda db, a, _p: actions.list_actions(db, a)),
    "sessions.create_session": ({M}, lambda db, a, _p: sessions.create_session(db, a, title="x")),
    "privacy.person_export": ({M}, lambda db, a, p: person_export(db, a, p["participant_id"])),
    "privacy.erase_participant": ({M}, lambda db, a, _p: erase_participant(db, a, 10**6, "delete_notes", confirmed=True)),
    "privacy.set_policy": ({M}, lambda db, a, _p: set_policy(db, a, None)),
    "privacy.purge": ({M}, lambda db, a, _p: purge(db, a, dry_run=True)),
    "privacy.restore_backup": ({M}, lambda db, a, p: restore_backup(db, a, p["folder"] / "geen.sqlite3", confirmed=True)),
    "security.add_user": ({M}, lambda db, a, _p: users.add_user(db, a, f"u{id(a)}", "lezer", password="lang genoeg wachtwoord")),
    "security.members": ({M}, lambda db, a, p: membership.members(db, a, p["session_id"])),
}


@pytest.mark.parametrize("who", [M, NL, NA, T, L])
@pytest.mark.parametrize("service", list(MATRIX))
def test_role_matrix(demo, service, who):
    db, pool, folder = demo
    allowed, call = MATRIX[service]
    actor = {M: LOCAL_USER, NL: Actor("Lid", Role.NOTULIST, 94, frozenset({pool["session_id"]}))}.get(who) or NO_NAMES[who]
    if who in allowed:
        try:
            call(db, actor, {**pool, "folder": folder})
        except PermissionDenied as exc:  # other refusals (not found, validation) are fine here
            pytest.fail(f"{who} mag {service}, maar kreeg: {exc}")
        except Exception:
            pass
    else:
        with pytest.raises(PermissionDenied):
            call(db, actor, {**pool, "folder": folder})
