"""Open the configured database and bring its schema to the newest version."""

from __future__ import annotations

from arena.paths import database_url
from arena.store.database import Database
from arena.store.migrate import upgrade


def open_database(url: str | None = None, *, migrate: bool = True) -> Database:
    db = Database(url or database_url())
    if migrate:
        upgrade(db)
    return db
