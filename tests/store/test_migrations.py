"""Migrations: from empty, and from the previous schema with data, on both back ends."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, insert, select

from arena.store import tables as t
from arena.store.database import Database
from arena.store.migrate import current_revision, head_revision, upgrade


def test_there_is_exactly_one_head():
    assert head_revision()


def test_empty_database_upgrades_to_a_schema_equal_to_the_tables(any_url):
    db = Database(any_url)
    upgrade(db)
    assert current_revision(db) == head_revision()
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), t.metadata) == []
    db.dispose()


def test_upgrade_from_previous_schema_keeps_every_row(any_url):
    db = Database(any_url)
    upgrade(db, "0001")
    now = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
    with db.write() as conn:
        conn.execute(insert(t.sessions).values(id=1, title="Oud", created_at=now, updated_at=now))
        conn.execute(insert(t.participants).values(id=1, session_id=1, code="K1", name="Ans"))
        for i in range(1, 51):
            conn.execute(insert(t.notes).values(id=i, session_id=1, author="m", created_at=now, current_version=1))
            conn.execute(insert(t.note_versions).values(note_id=i, version=1, text=f"notitie {i}",
                                                        created_at=now, author="m", participant_id=1))
    upgrade(db)
    assert current_revision(db) == head_revision()
    with db.read() as conn:
        assert conn.execute(select(func.count()).select_from(t.notes)).scalar() == 50
        texts = conn.execute(select(t.note_versions.c.text).order_by(t.note_versions.c.note_id)).scalars().all()
        assert texts == [f"notitie {i}" for i in range(1, 51)]
        assert conn.execute(select(t.participants.c.name)).scalar() == "Ans"
    db.dispose()


def test_upgrade_is_idempotent(any_url):
    db = Database(any_url)
    upgrade(db)
    upgrade(db)
    assert current_revision(db) == head_revision()
    db.dispose()
