"""Restore drill: back up, keep working, erase someone, restore; erasures come back into force."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from arena.domain.text import ValidationError
from arena.privacy.erasure import erase_participant
from arena.privacy.restore import restore_backup
from arena.services import notes, sessions
from arena.services.bootstrap import open_database
from arena.store.backup import backup_sqlite, validate_backup
from tests.conftest import REPO
from tests.privacy.erasure_helpers import raw_hits
from tests.privacy.world import NAME, build_world


@pytest.fixture
def live(data_dir):
    db = open_database(f"sqlite:///{data_dir / 'klantenarena.sqlite3'}")
    yield data_dir, db
    db.dispose()


def test_restore_drill_reapplies_erasures_and_keeps_a_copy(live, actor):
    folder, db = live
    world = build_world(db)
    backup = backup_sqlite(db, folder / "backups" / "nacht.sqlite3")
    later = notes.save_note(db, actor, world.session_id, "Na de back-up genoteerd.")
    erase_participant(db, actor, world.person_id, "delete_notes", confirmed=True)

    report = restore_backup(db, actor, backup, confirmed=True)

    assert [r.participant_id for r in report.reapplied] == [world.person_id]
    people = sessions.participants(db, actor, world.session_id)
    assert [p.name for p in people] == ["[verwijderd]", "Pieter Verhoeven"]
    ids = {n.id for n in notes.list_notes(db, actor, world.session_id, include_deleted=True)}
    assert ids == {world.other_note_id}  # the backup's state, minus the erased person's notes
    assert later.id not in ids  # the work after the backup is in the safety copy, not lost:
    copy = sqlite3.connect(report.restore.safety_copy)
    assert copy.execute("select count(*) from note_versions where text like 'Na de back-up%'").fetchone()[0] == 1
    assert copy.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert raw_hits(folder) == {}


def test_restore_refuses_damaged_or_foreign_files_with_dutch_message(live, actor, tmp_path):
    _, db = live
    build_world(db)
    text = tmp_path / "geen.sqlite3"
    text.write_text("dit is tekst")
    with pytest.raises(ValidationError, match="geen SQLite-database"):
        restore_backup(db, actor, text, confirmed=True)
    foreign = tmp_path / "vreemd.sqlite3"
    con = sqlite3.connect(foreign)
    con.execute("create table x (a)")
    con.commit()
    con.close()
    with pytest.raises(ValidationError, match="geen klantenarena-back-up"):
        validate_backup(foreign)
    good = backup_sqlite(db, tmp_path / "goed.sqlite3")
    damaged = tmp_path / "kapot.sqlite3"
    data = bytearray(good.read_bytes())
    data[4096 * 2: 4096 * 2 + 2000] = b"\xff" * 2000  # overwrite part of a b-tree page
    damaged.write_bytes(bytes(data))
    with pytest.raises(ValidationError, match="beschadigd"):
        restore_backup(db, actor, damaged, confirmed=True)
    with pytest.raises(ValidationError, match="bevestigd"):
        restore_backup(db, actor, good, confirmed=False)
    assert sessions.participants(db, actor, 1)[0].name == NAME  # nothing changed by the refusals


def test_backup_and_restore_cli(data_dir):
    env_run = lambda *a, **kw: subprocess.run([sys.executable, "-m", "arena", *a], cwd=REPO, capture_output=True,  # noqa: E731
                                              text=True, timeout=120, **kw)
    assert env_run("demo").returncode == 0
    assert env_run("backup", str(data_dir / "backups" / "b.sqlite3")).returncode == 0
    refused = env_run("restore", str(data_dir / "backups" / "b.sqlite3"))
    assert refused.returncode == 1 and "--ja" in refused.stdout
    done = env_run("restore", str(data_dir / "backups" / "b.sqlite3"), "--ja")
    assert done.returncode == 0, done.stderr
    assert "Kopie van de vorige database" in done.stdout and "Wissingen opnieuw toegepast: 0" in done.stdout
    bad = env_run("restore", str(data_dir / "bestaat-niet.sqlite3"), "--ja")
    assert bad.returncode == 1 and "niet gevonden" in bad.stderr


def test_backup_from_an_older_schema_is_upgraded_on_restore(live, actor, tmp_path):
    from arena.store.database import Database
    from arena.store.migrate import current_revision, head_revision, upgrade

    _, db = live
    old_file = tmp_path / "oud-schema.sqlite3"
    old = Database(f"sqlite:///{old_file}")
    upgrade(old, "0001")
    with old.write() as conn:
        conn.exec_driver_sql("insert into sessions (title, goal, organisation, duration_min, format, location, meeting_link, "
                             "moderator, status, created_at, updated_at) values ('Van vroeger', '', '', 120, 'op_locatie', "
                             "'', '', '', 'concept', '2025-01-01 10:00:00', '2025-01-01 10:00:00')")
    old.checkpoint()
    old.dispose()
    report = restore_backup(db, actor, old_file, confirmed=True)
    assert report.restore.revision == "0001"
    assert current_revision(db) == head_revision()
    assert [o.session.title for o in sessions.list_sessions(db, actor)] == ["Van vroeger"]
