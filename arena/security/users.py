"""Local accounts and the mapping of a signed-in identity to a role.

The users table serves both login kinds: local accounts carry an argon2 hash; identities
from an OIDC provider (st.login) are matched on username or e-mail and carry no hash.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, func, insert, select, update

from arena.domain.text import ValidationError, clean_note_text, required_text
from arena.security.membership import session_ids_of
from arena.security.passwords import hash_password, needs_rehash, verify_password
from arena.services.auth import Actor, Permission, Role, require
from arena.services.sessions import NotFound
from arena.store import repo_audit
from arena.store import tables as t
from arena.store.database import Database
from arena.store.types import utcnow

# Roles bound to session_members: they capture only for sessions they were added to.
SESSION_BOUND_ROLES = frozenset({Role.NOTULIST})


@dataclass(frozen=True)
class User:
    id: int
    username: str
    display_name: str
    role: Role
    disabled: bool
    has_password: bool
    created_at: datetime


def _user(row) -> User:
    return User(row.id, row.username, row.display_name, Role(row.role), bool(row.disabled),
                bool(row.password_hash), row.created_at)


def _normalise(username: str) -> str:
    name = required_text(username, "Gebruikersnaam").lower()
    if len(name) > 200 or any(c.isspace() for c in name):
        raise ValidationError("Een gebruikersnaam heeft geen spaties en hoogstens 200 tekens.")
    return name


def any_local_users(db: Database) -> bool:
    """True when the login form is needed (at least one account with a password)."""
    with db.read() as conn:
        count = conn.execute(select(func.count()).select_from(t.users).where(t.users.c.password_hash != "")).scalar()
    return bool(count)


def add_user(db: Database, actor: Actor, username: str, role: Role | str, *, password: str | None = None,
             display_name: str = "") -> User:
    """A local account (with password) or an OIDC identity (password None: signs in via the provider)."""
    require(actor, Permission.ADMIN)
    name = _normalise(username)
    values = {
        "username": name,
        "display_name": clean_note_text(display_name or "").strip()[:200] or name,
        "role": Role(role).value,
        "password_hash": hash_password(password) if password is not None else "",
        "disabled": False,
        "created_at": utcnow(),
    }
    with db.write() as conn:
        if _row(conn, name) is not None:
            raise ValidationError(f"De gebruiker ‘{name}’ bestaat al.")
        first_local = not conn.execute(select(t.users.c.id).where(t.users.c.password_hash != "")).first()
        if password is not None and first_local and values["role"] != Role.MODERATOR.value:
            # From now on the app asks for a login: someone must be able to manage users and settings.
            raise ValidationError("De eerste gebruiker met een wachtwoord moet de rol moderator hebben.")
        user_id = conn.execute(insert(t.users).values(**values).returning(t.users.c.id)).scalar_one()
        repo_audit.log(conn, actor.name, "user.add", "user", user_id, {"role": values["role"]})
        return _user(conn.execute(select(t.users).where(t.users.c.id == user_id)).one())


def list_users(db: Database, actor: Actor) -> list[User]:
    require(actor, Permission.ADMIN)
    with db.read() as conn:
        return [_user(r) for r in conn.execute(select(t.users).order_by(t.users.c.username))]


def set_disabled(db: Database, actor: Actor, username: str, disabled: bool = True) -> User:
    require(actor, Permission.ADMIN)
    return _change(db, actor, username, {"disabled": disabled}, "user.disable" if disabled else "user.enable")


def set_role(db: Database, actor: Actor, username: str, role: Role | str) -> User:
    require(actor, Permission.ADMIN)
    return _change(db, actor, username, {"role": Role(role).value}, "user.role")


def set_password(db: Database, actor: Actor, username: str, password: str) -> User:
    require(actor, Permission.ADMIN)
    return _change(db, actor, username, {"password_hash": hash_password(password)}, "user.password")


def _change(db: Database, actor: Actor, username: str, values: dict, action: str) -> User:
    name = _normalise(username)
    with db.write() as conn:
        row = _row(conn, name)
        if row is None:
            raise NotFound(f"Gebruiker ‘{name}’ bestaat niet.")
        conn.execute(update(t.users).where(t.users.c.id == row.id).values(**values))
        repo_audit.log(conn, actor.name, action, "user", row.id, {k: v for k, v in values.items() if k != "password_hash"})
        return _user(conn.execute(select(t.users).where(t.users.c.id == row.id)).one())


def _row(conn: Connection, username: str):
    return conn.execute(select(t.users).where(func.lower(t.users.c.username) == username.lower())).first()


def actor_for_user_id(db: Database, user_id: int) -> Actor | None:
    """Re-read on every page run, so disabling or a role change takes effect at once."""
    with db.read() as conn:
        row = conn.execute(select(t.users).where(t.users.c.id == user_id)).first()
        return _actor(conn, row)


def _actor(conn: Connection, row) -> Actor | None:
    if row is None or row.disabled:
        return None
    role = Role(row.role)
    sessions = session_ids_of(conn, row.id) if role in SESSION_BOUND_ROLES else None
    return Actor(name=row.display_name or row.username, role=role, user_id=row.id, sessions=sessions)


def authenticate(db: Database, username: str, password: str) -> Actor | None:
    """A local login; None for unknown, disabled or wrong (one answer, so names cannot be probed)."""
    try:
        name = _normalise(username)
    except ValidationError:
        return None
    with db.read() as conn:
        row = _row(conn, name)
    if row is None or not row.password_hash:
        verify_password(_dummy_hash(), password)  # same work as a real check: timing does not reveal names
        return None
    if row.disabled or not verify_password(row.password_hash, password):
        return None
    if needs_rehash(row.password_hash):
        with db.write() as conn:
            conn.execute(update(t.users).where(t.users.c.id == row.id).values(password_hash=hash_password(password)))
    with db.read() as conn:
        return _actor(conn, row)


@functools.cache
def _dummy_hash() -> str:
    return hash_password("geen-echt-wachtwoord-" + "x" * 16)


def actor_for_identity(db: Database, *identifiers: str | None) -> Actor | None:
    """An OIDC identity (e-mail, preferred username): known and enabled users only."""
    wanted = [i.strip().lower() for i in identifiers if i and i.strip()]
    if not wanted:
        return None
    with db.read() as conn:
        for ident in wanted:
            row = _row(conn, ident)
            if row is not None:
                return _actor(conn, row)
    return None
