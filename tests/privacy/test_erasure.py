"""After erasure the name is in no file: database, -wal, generated files in the data folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from sqlalchemy import func, select

from arena.domain.text import ValidationError
from arena.privacy import erasure_log
from arena.privacy.erasure import ErasureMode, erase_participant
from arena.services import notes, sessions
from arena.services.auth import Actor, PermissionDenied, Role
from arena.services.bootstrap import open_database
from arena.store import tables as t
from tests.privacy.erasure_helpers import raw_hits
from tests.privacy.world import NAME, ORG, OTHER, build_world


@pytest.fixture
def folder_db(data_dir):
    db = open_database(f"sqlite:///{data_dir / 'klantenarena.sqlite3'}")
    yield data_dir, db
    db.dispose()


def _report(folder: Path) -> Path:
    doc = Document()
    doc.add_paragraph(f"Citaat van {NAME} ({ORG})")
    target = folder / "rapporten" / "rapport.docx"
    target.parent.mkdir(parents=True, exist_ok=True)
    doc.save(target)
    (folder / "rapporten" / "neutraal.txt").write_text("niets persoonlijks")
    return target


@pytest.mark.parametrize("mode", list(ErasureMode))
def test_erasure_leaves_no_trace_in_any_file(folder_db, actor, mode):
    folder, db = folder_db
    world = build_world(db)
    report = _report(folder)
    assert raw_hits(folder)  # the name is there before

    result = erase_participant(db, actor, world.person_id, mode, confirmed=True)

    assert raw_hits(folder) == {}, raw_hits(folder)
    assert not report.exists() and (folder / "rapporten" / "neutraal.txt").exists()
    assert result.files_removed == [report]
    with db.read() as conn:
        person = conn.execute(select(t.participants).where(t.participants.c.id == world.person_id)).one()
        other = conn.execute(select(t.participants).where(t.participants.c.id == world.other_id)).one()
        texts = list(conn.execute(select(t.note_versions.c.text)).scalars())
        consent = conn.execute(select(func.count()).select_from(t.consent_events)).scalar()
    assert (person.name, person.organisation, person.email) == ("[verwijderd]", "", "")
    assert person.erased_at is not None and person.code == "K1"
    assert other.name == OTHER  # nobody else is touched
    about = notes.get_note(db, actor, world.other_note_id)
    assert about.text == "Ik ben het eens met K1: [organisatie K1] heeft gelijk."
    if mode is ErasureMode.DELETE_NOTES:
        assert result.notes_deleted == 3
        remaining = {n.id for n in notes.list_notes(db, actor, world.session_id, include_deleted=True)}
        assert remaining == {world.other_note_id}
    else:
        assert result.notes_deleted == 0
        first = notes.note_history(db, actor, world.own_note_ids[0])
        assert first[0].text == "Ik ben K1 van [organisatie K1] en de factuur klopt nooit."
        assert "[e-mail K1]" in first[1].text
        assert len(texts) == 6
    assert consent == 3  # the proof of consent stays, without a name
    entries = erasure_log.read()
    assert [(e.participant_id, e.mode) for e in entries] == [(world.person_id, mode.value)]
    assert NAME not in erasure_log.log_path().read_text()
    wal = folder / "klantenarena.sqlite3-wal"
    assert not wal.exists() or raw_hits(folder) == {}


def test_erasure_needs_confirmation_and_the_right_role(folder_db, actor):
    _, db = folder_db
    world = build_world(db)
    with pytest.raises(ValidationError):
        erase_participant(db, actor, world.person_id, "delete_notes", confirmed=False)
    for role in (Role.NOTULIST, Role.TEAM, Role.LEZER):
        with pytest.raises(PermissionDenied):
            erase_participant(db, Actor("x", role), world.person_id, "delete_notes", confirmed=True)
    assert sessions.participants(db, actor, world.session_id)[0].name == NAME


def test_erasing_twice_is_a_no_op(folder_db, actor):
    _, db = folder_db
    world = build_world(db)
    erase_participant(db, actor, world.person_id, "anonymise_notes", confirmed=True)
    again = erase_participant(db, actor, world.person_id, "anonymise_notes", confirmed=True)
    assert again.already_erased and len(erasure_log.read()) == 1


def test_erasure_reaches_notes_waiting_in_the_fallback_journal(folder_db, actor, tmp_path, monkeypatch):
    from arena.store import journal

    _, db = folder_db
    world = build_world(db)
    path = tmp_path / "journaal" / "journal.jsonl"
    monkeypatch.setenv("ARENA_JOURNAL_PATH", str(path))
    journal.append({"database": "ergens", "session_id": world.session_id, "text": f"{NAME} belde weer", "author": "A"})
    erase_participant(db, actor, world.person_id, "anonymise_notes", confirmed=True)
    assert NAME not in path.read_text() and "K1 belde weer" in path.read_text()


def test_real_generated_report_with_names_is_removed(folder_db, actor):
    reporting = pytest.importorskip("arena.services.reporting")
    from arena.privacy.scrub import file_mentions

    folder, db = folder_db
    world = build_world(db)
    target = folder / "rapporten" / "rapport-met-namen.docx"
    target.parent.mkdir(parents=True)
    target.write_bytes(reporting.build_report(db, actor, world.session_id, real_names=True, charts=False))
    assert file_mentions(target, [NAME])
    result = erase_participant(db, actor, world.person_id, "anonymise_notes", confirmed=True)
    assert result.files_removed == [target] and raw_hits(folder) == {}
