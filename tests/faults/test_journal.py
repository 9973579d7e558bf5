"""Disk full or read-only during a save: the user sees a Dutch error, the note waits in the journal,
and it is saved later exactly once (replay is idempotent through client_token)."""

from __future__ import annotations

import json
import shutil

import pytest
from sqlalchemy import event

from arena.domain.model import SpeakerKind
from arena.services import notes, sessions
from arena.services.bootstrap import open_database
from arena.services.journal import flush_journal
from arena.store.journal import JournalUnavailable, SavedToJournal


def _fault(db, pragma: str):
    """A real SQLite refusal on every new connection: SQLITE_FULL or SQLITE_READONLY."""
    def on_connect(dbapi_conn, _record):
        dbapi_conn.execute(pragma if "{" not in pragma else pragma.format(
            pages=dbapi_conn.execute("PRAGMA page_count").fetchone()[0]))
    event.listen(db.engine, "connect", on_connect)
    db.dispose()
    return lambda: (event.remove(db.engine, "connect", on_connect), db.dispose())


@pytest.fixture
def setup(sqlite_url, actor):
    db = open_database(sqlite_url)
    session = sessions.create_session(db, actor, title="Storing")
    person = sessions.add_participant(db, actor, session.id, "Karin Smit")
    sessions.start_live(db, actor, session.id)
    yield db, session.id, person.id
    db.dispose()


@pytest.mark.parametrize("fault", ["PRAGMA max_page_count={pages}", "PRAGMA query_only=ON"], ids=["schijf-vol", "alleen-lezen"])
def test_refused_save_goes_to_the_journal_and_is_saved_later_once(setup, actor, journal_file, fault):
    db, session_id, person_id = setup
    notes.save_note(db, actor, session_id, "voor de storing")
    heal = _fault(db, fault)
    big = "De levering was weer te laat. " * 4000  # ~120 kB: needs new pages
    with pytest.raises(SavedToJournal, match="noodjournaal") as error:
        notes.save_note(db, actor, session_id, big, speaker_kind=SpeakerKind.PARTICIPANT, participant_id=person_id,
                        author="Notulist A")
    assert "De database kan nu niet opslaan" in str(error.value)
    cause = str(error.value.__cause__)
    assert ("database or disk is full" in cause) if "max_page_count" in fault else ("readonly" in cause), cause
    entry = json.loads(journal_file.read_text().splitlines()[0])
    assert entry["text"] == big and entry["participant_id"] == person_id and entry["author"] == "Notulist A"
    assert entry["client_token"] and entry["speaker_kind"] == "participant"
    with pytest.raises(SavedToJournal):
        notes.save_note(db, actor, session_id, "nog een tijdens de storing " + "x" * 60_000)
    assert len(notes.list_notes(db, actor, session_id)) == 1
    assert flush_journal(db, actor).waiting == 2  # still failing: nothing dropped

    heal()
    backup_of_journal = journal_file.read_text()
    result = flush_journal(db, actor)
    assert (result.saved, result.waiting) == (2, 0)
    texts = [n.text for n in notes.list_notes(db, actor, session_id)]
    assert texts == ["voor de storing", big.strip(), "nog een tijdens de storing " + "x" * 60_000]
    replayed = notes.list_notes(db, actor, session_id)[1]
    assert replayed.participant_id == person_id and replayed.author == "Notulist A"

    journal_file.write_text(backup_of_journal)  # a crash before the journal was emptied: replay again
    again = flush_journal(db, actor)
    assert (again.saved, again.already_present, again.waiting) == (0, 2, 0)
    assert len(notes.list_notes(db, actor, session_id)) == 3


def test_the_next_successful_save_replays_the_journal(setup, actor, journal_file):
    db, session_id, _ = setup
    heal = _fault(db, "PRAGMA query_only=ON")
    with pytest.raises(SavedToJournal):
        notes.save_note(db, actor, session_id, "eerst in het journaal")
    heal()
    notes.save_note(db, actor, session_id, "daarna gewoon")
    assert sorted(n.text for n in notes.list_notes(db, actor, session_id)) == ["daarna gewoon", "eerst in het journaal"]
    assert journal_file.read_text() == ""


def test_retyped_note_is_not_saved_twice(setup, actor, journal_file):
    db, session_id, _ = setup
    heal = _fault(db, "PRAGMA query_only=ON")
    with pytest.raises(SavedToJournal):
        notes.save_note(db, actor, session_id, "dubbel getypt")
    heal()
    with journal_file.open() as handle:  # the user typed it again (new token) and that save succeeded
        pending = handle.read()
    journal_file.write_text("")
    notes.save_note(db, actor, session_id, "dubbel getypt")
    journal_file.write_text(pending)
    assert flush_journal(db, actor).already_present == 1
    assert [n.text for n in notes.list_notes(db, actor, session_id)] == ["dubbel getypt"]


def test_journal_of_another_database_is_left_alone(setup, actor, journal_file, tmp_path):
    db, session_id, _ = setup
    heal = _fault(db, "PRAGMA query_only=ON")
    with pytest.raises(SavedToJournal):
        notes.save_note(db, actor, session_id, "hoort bij de eerste database")
    heal()
    other = open_database(f"sqlite:///{tmp_path / 'ander.sqlite3'}")
    sessions.create_session(other, actor, title="Ander")
    assert flush_journal(other, actor).waiting == 1
    assert notes.list_notes(other, actor, 1) == []
    other.dispose()


def test_database_and_journal_both_unwritable_says_so(setup, actor, journal_file, monkeypatch, tmp_path):
    db, session_id, _ = setup
    blocker = tmp_path / "geen-map"
    blocker.write_text("een bestand, geen map")
    monkeypatch.setenv("ARENA_JOURNAL_PATH", str(blocker / "journal.jsonl"))
    _fault(db, "PRAGMA query_only=ON")
    with pytest.raises(JournalUnavailable, match="Kopieer uw tekst"):
        notes.save_note(db, actor, session_id, "nergens kwijt")
    shutil.rmtree(journal_file.parent, ignore_errors=True)
