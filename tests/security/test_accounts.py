"""Local accounts: argon2 hashes, login answers, disabling, OIDC identity mapping and the user CLI."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import select

from arena.domain.text import ValidationError
from arena.security import membership, users
from arena.security.passwords import hash_password, verify_password
from arena.services import notes, sessions
from arena.services.auth import Actor, PermissionDenied, Role
from arena.store import tables as t
from tests.conftest import REPO

PASSWORD = "correct paard batterij"


def test_hash_is_argon2id_and_verifies_only_the_right_password():
    stored = hash_password(PASSWORD)
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert verify_password(stored, PASSWORD)
    assert not verify_password(stored, PASSWORD + "!")
    assert not verify_password("", PASSWORD) and not verify_password("rommel", PASSWORD)
    with pytest.raises(ValidationError, match="minstens 10"):
        hash_password("kort")


def test_first_local_account_must_be_a_moderator(db, actor):
    with pytest.raises(ValidationError, match="eerste gebruiker met een wachtwoord moet de rol moderator"):
        users.add_user(db, actor, "team1", Role.TEAM, password=PASSWORD)
    users.add_user(db, actor, "oidc-team@voorbeeld.nl", Role.TEAM)  # provider accounts do not lock anyone out
    users.add_user(db, actor, "baas", Role.MODERATOR, password=PASSWORD)
    assert users.add_user(db, actor, "team1", Role.TEAM, password=PASSWORD).role is Role.TEAM


def test_authenticate_disable_and_role_change(db, actor):
    users.add_user(db, actor, "baas", Role.MODERATOR, password=PASSWORD)
    users.add_user(db, actor, "Anna", Role.TEAM, password=PASSWORD, display_name="Anna de Wit")
    with pytest.raises(ValidationError, match="bestaat al"):
        users.add_user(db, actor, "anna", Role.TEAM, password=PASSWORD)
    with db.read() as conn:
        stored = conn.execute(select(t.users.c.password_hash).where(t.users.c.username == "anna")).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    signed_in = users.authenticate(db, "ANNA", PASSWORD)
    assert signed_in == Actor("Anna de Wit", Role.TEAM, signed_in.user_id, None)
    assert users.authenticate(db, "anna", "fout wachtwoord!") is None
    assert users.authenticate(db, "niemand", PASSWORD) is None
    users.set_role(db, actor, "anna", Role.LEZER)
    assert users.actor_for_user_id(db, signed_in.user_id).role is Role.LEZER  # re-read on every page run
    users.set_disabled(db, actor, "anna")
    assert users.authenticate(db, "anna", PASSWORD) is None
    assert users.actor_for_user_id(db, signed_in.user_id) is None


def test_oidc_identity_maps_to_known_users_only(db, actor):
    users.add_user(db, actor, "p.jansen@voorbeeld.nl", Role.MODERATOR)
    assert not users.any_local_users(db)  # no password: no login form, the provider signs in
    found = users.actor_for_identity(db, "P.Jansen@Voorbeeld.nl")
    assert found is not None and found.role is Role.MODERATOR
    assert users.actor_for_identity(db, "onbekend@voorbeeld.nl", None) is None
    assert users.actor_for_identity(db) is None


def test_only_admin_manages_users(db, actor):
    for role in (Role.NOTULIST, Role.TEAM, Role.LEZER):
        with pytest.raises(PermissionDenied):
            users.add_user(db, Actor("x", role), "b", Role.MODERATOR, password=PASSWORD)
        with pytest.raises(PermissionDenied):
            users.list_users(db, Actor("x", role))
    with pytest.raises(PermissionDenied, match="niet aangemeld"):
        users.list_users(db, None)  # type: ignore[arg-type]


def test_notulist_captures_only_for_member_sessions(db, actor):
    own = sessions.create_session(db, actor, title="Eigen sessie")
    other = sessions.create_session(db, actor, title="Andere sessie")
    sessions.add_participant(db, actor, other.id, "Geheime Deelnemer")
    users.add_user(db, actor, "baas", Role.MODERATOR, password=PASSWORD)
    user = users.add_user(db, actor, "notulist1", Role.NOTULIST, password=PASSWORD)
    membership.add_member(db, actor, own.id, user.id)
    notulist = users.authenticate(db, "notulist1", PASSWORD)
    assert notulist.sessions == frozenset({own.id})
    assert notes.save_note(db, notulist, own.id, "Mag hier.").id
    assert [o.session.id for o in sessions.list_sessions(db, notulist)] == [own.id]
    for call in (
        lambda: notes.save_note(db, notulist, other.id, "Mag hier niet."),
        lambda: notes.list_notes(db, notulist, other.id),
        lambda: sessions.participants(db, notulist, other.id),
        lambda: sessions.start_live(db, notulist, other.id),
        lambda: sessions.get_session(db, notulist, other.id),
    ):
        with pytest.raises(PermissionDenied, match="niet aan deze sessie gekoppeld"):
            call()
    membership.remove_member(db, actor, own.id, user.id)
    assert users.actor_for_user_id(db, user.id).sessions == frozenset()


def _cli(*args: str, data_dir, stdin: str = "") -> subprocess.CompletedProcess:
    import os

    env = {**os.environ, "ARENA_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-m", "arena", "user", *args], cwd=REPO, env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_user_cli_add_list_disable(tmp_path):
    first = _cli("add", "Bert", "--role", "notulist", "--password-stdin", data_dir=tmp_path, stdin=PASSWORD + "\n")
    assert first.returncode == 1 and "moet de rol moderator hebben" in first.stderr
    assert _cli("add", "baas", "--role", "moderator", "--password-stdin", data_dir=tmp_path, stdin=PASSWORD + "\n").returncode == 0
    added = _cli("add", "Bert", "--role", "notulist", "--password-stdin", data_dir=tmp_path, stdin=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    assert "bert (Notulist/observator)" in added.stdout
    short = _cli("add", "kees", "--role", "team", "--password-stdin", data_dir=tmp_path, stdin="kort\n")
    assert short.returncode == 1 and "minstens 10 tekens" in short.stderr
    listed = _cli("list", data_dir=tmp_path)
    assert "bert\tnotulist\tactief\twachtwoord" in listed.stdout and "kees" not in listed.stdout
    assert _cli("disable", "bert", data_dir=tmp_path).returncode == 0
    assert "bert\tnotulist\tuitgeschakeld" in _cli("list", data_dir=tmp_path).stdout
    missing = _cli("disable", "niemand", data_dir=tmp_path)
    assert missing.returncode == 1 and "bestaat niet" in missing.stderr
    assert PASSWORD.encode() not in (tmp_path / "klantenarena.sqlite3").read_bytes()
