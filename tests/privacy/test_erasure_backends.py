"""Erasure, export and retention behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import Text, cast, func, or_, select

from arena.privacy.erasure import erase_participant
from arena.privacy.export import person_export
from arena.privacy.retention import purge, set_policy
from arena.services import notes, sessions
from arena.store import tables as t
from arena.store.types import utcnow
from tests.privacy.world import EMAIL, NAME, ORG, build_world


@pytest.fixture(autouse=True)
def _erasure_log(tmp_path, monkeypatch):
    monkeypatch.setenv("ARENA_ERASURE_LOG", str(tmp_path / "erasure-log.jsonl"))
    monkeypatch.setenv("ARENA_DATA_DIR", str(tmp_path / "data"))


def _cells_naming(db, needle: str) -> int:
    """Every text and JSON cell of every table that still contains the needle."""
    total = 0
    with db.read() as conn:
        for table in t.metadata.sorted_tables:
            cols = [c for c in table.columns if str(c.type).upper().startswith(("VARCHAR", "TEXT", "JSON"))]
            if cols:
                cond = or_(*[func.lower(cast(c, Text)).contains(needle.lower()) for c in cols])
                total += conn.execute(select(func.count()).select_from(table).where(cond)).scalar()
    return total


def test_anonymise_on_every_backend(any_db, actor):
    world = build_world(any_db)
    assert _cells_naming(any_db, NAME) > 0
    assert len(person_export(any_db, actor, world.person_id)["notes"]) == 3
    erase_participant(any_db, actor, world.person_id, "anonymise_notes", confirmed=True)
    for needle in (NAME, ORG, EMAIL):
        assert _cells_naming(any_db, needle) == 0, needle
    export = person_export(any_db, actor, world.person_id)
    assert export["participant"]["name"] == "[verwijderd]" and export["participant"]["erased_at"] is not None
    assert len(notes.list_notes(any_db, actor, world.session_id)) == 4


def test_retention_purge_on_every_backend(any_db, actor):
    old = sessions.create_session(any_db, actor, title="Oud", date=date.today() - timedelta(days=800))
    sessions.add_participant(any_db, actor, old.id, "Oude Deelnemer")
    notes.save_note(any_db, actor, old.id, "Oude Deelnemer zei iets")
    recent = sessions.create_session(any_db, actor, title="Recent", date=date.today())
    sessions.add_participant(any_db, actor, recent.id, "Nieuwe Deelnemer")
    notes.save_note(any_db, actor, recent.id, "recent")
    set_policy(any_db, actor, 24, "delete_notes")
    preview = purge(any_db, actor, dry_run=True)
    assert (preview.sessions, preview.participants_erased, preview.notes_deleted) == ([old.id], 1, 1)
    assert len(notes.list_notes(any_db, actor, old.id)) == 1  # a dry run changes nothing
    done = purge(any_db, actor, now=utcnow())
    assert (done.sessions, done.participants_erased, done.notes_deleted) == ([old.id], 1, 1)
    assert notes.list_notes(any_db, actor, old.id, include_deleted=True) == []
    assert [p.name for p in sessions.participants(any_db, actor, recent.id)] == ["Nieuwe Deelnemer"]
    assert _cells_naming(any_db, "Oude Deelnemer") == 0
    assert purge(any_db, actor).sessions == []  # nothing left to do
