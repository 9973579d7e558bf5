"""Roles and permissions, enforced in services (pages only hide what a role cannot use)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    MODERATOR = "moderator"
    NOTULIST = "notulist"
    TEAM = "team"
    LEZER = "lezer"

    @property
    def label(self) -> str:
        return {
            "moderator": "Moderator",
            "notulist": "Notulist/observator",
            "team": "Team",
            "lezer": "Lezer",
        }[self.value]


class Permission(StrEnum):
    VIEW_SESSIONS = "view_sessions"  # see that sessions exist (titles, dates)
    PLAN = "plan"  # sessions, agenda, participants, observers, invitations
    CAPTURE = "capture"  # add and edit notes
    ANALYSE = "analyse"  # read notes and analyses, charts
    REVIEW = "review"  # human labels, clusters, actions, zorgklant decisions
    REPORT = "report"  # build and download reports
    PERSONAL_DATA = "personal_data"  # names, consent register, export and erasure
    ADMIN = "admin"  # users, backups, retention, settings


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.MODERATOR: frozenset(Permission),
    Role.NOTULIST: frozenset({Permission.VIEW_SESSIONS, Permission.CAPTURE}),
    Role.TEAM: frozenset(
        {Permission.VIEW_SESSIONS, Permission.ANALYSE, Permission.REVIEW, Permission.REPORT}
    ),
    Role.LEZER: frozenset({Permission.VIEW_SESSIONS, Permission.REPORT}),
}


class PermissionDenied(PermissionError):
    """The actor's role does not allow this; the message is Dutch, for the user."""


@dataclass(frozen=True)
class Actor:
    name: str
    role: Role
    user_id: int | None = None
    # None: every session. A notulist/observer account captures only for the sessions in
    # session_members; the login loads that set fresh on every page run.
    sessions: frozenset[int] | None = None

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]

    def may_open(self, session_id: int | None) -> bool:
        return self.sessions is None or session_id in self.sessions


LOCAL_USER = Actor(name="Lokale gebruiker", role=Role.MODERATOR)


def require(actor: Actor | None, permission: Permission) -> Actor:
    if actor is None:
        raise PermissionDenied("U bent niet aangemeld.")
    if not actor.can(permission):
        raise PermissionDenied(
            f"Uw rol ({actor.role.label}) geeft geen toegang tot deze handeling."
        )
    return actor


def require_any(actor: Actor | None, *permissions: Permission) -> Actor:
    """At least one of the permissions (e.g. notes are read while capturing and while analysing)."""
    if actor is None:
        raise PermissionDenied("U bent niet aangemeld.")
    if not any(actor.can(p) for p in permissions):
        raise PermissionDenied(f"Uw rol ({actor.role.label}) geeft geen toegang tot deze handeling.")
    return actor


def require_session(actor: Actor | None, session_id: int | None) -> Actor:
    """Accounts bound to sessions (notulist/observer) reach only their own sessions."""
    if actor is None:
        raise PermissionDenied("U bent niet aangemeld.")
    if not actor.may_open(session_id):
        raise PermissionDenied("U bent niet aan deze sessie gekoppeld; vraag de moderator u toe te voegen.")
    return actor
