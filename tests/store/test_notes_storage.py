"""Notes on both back ends: durable save, version chain, soft delete, stable pseudonyms."""

from __future__ import annotations

import pytest

from arena.domain.model import NoteKind, Segment, SpeakerKind
from arena.domain.text import ValidationError
from arena.services import notes, sessions
from arena.store import repo_notes


@pytest.fixture
def session_id(any_db, actor) -> int:
    return sessions.create_session(any_db, actor, title="Testsessie").id


def test_save_returns_committed_note_readable_from_a_new_connection(any_db, actor, session_id):
    saved = notes.save_note(any_db, actor, session_id, "  De offerte kwam te laat.  ", kind=NoteKind.UITSPRAAK)
    assert saved.id > 0 and saved.version == 1
    with any_db.engine.connect() as other:
        again = repo_notes.get_note(other, saved.id)
    assert again is not None and again.text == "De offerte kwam te laat."
    assert again.created_at.tzinfo is not None


def test_edit_appends_versions_and_keeps_every_text(any_db, actor, session_id):
    person = sessions.add_participant(any_db, actor, session_id, "Jan Jansen", segment=Segment.VASTE_KLANT)
    note = notes.save_note(any_db, actor, session_id, "eerste tekst")
    notes.edit_note(any_db, actor, note.id, text="tweede tekst")
    last = notes.edit_note(any_db, actor, note.id, kind=NoteKind.OBSERVATIE,
                           speaker_kind=SpeakerKind.PARTICIPANT, participant_id=person.id)
    assert (last.version, last.text, last.kind, last.participant_id) == (3, "tweede tekst", NoteKind.OBSERVATIE, person.id)
    history = notes.note_history(any_db, actor, note.id)
    assert [(v.version, v.text) for v in history] == [(1, "eerste tekst"), (2, "tweede tekst"), (3, "tweede tekst")]
    assert history[0].kind is NoteKind.UITSPRAAK


def test_edit_without_change_makes_no_version(any_db, actor, session_id):
    note = notes.save_note(any_db, actor, session_id, "zelfde")
    assert notes.edit_note(any_db, actor, note.id, text="zelfde").version == 1


def test_soft_delete_hides_and_undo_restores(any_db, actor, session_id):
    keep = notes.save_note(any_db, actor, session_id, "blijft")
    gone = notes.save_note(any_db, actor, session_id, "weg")
    notes.delete_note(any_db, actor, gone.id)
    assert [n.id for n in notes.list_notes(any_db, actor, session_id)] == [keep.id]
    assert {n.id for n in notes.list_notes(any_db, actor, session_id, include_deleted=True)} == {keep.id, gone.id}
    restored = notes.restore_note(any_db, actor, gone.id)
    assert not restored.is_deleted and restored.text == "weg"
    assert [n.id for n in notes.list_notes(any_db, actor, session_id)] == [keep.id, gone.id]
    with any_db.read() as conn:
        assert [e["action"] for e in repo_notes.events(conn, gone.id)] == ["deleted", "restored"]


def test_client_token_makes_a_retried_save_idempotent(any_db, actor, session_id):
    first = notes.save_note(any_db, actor, session_id, "eenmaal", client_token="tok-1")
    second = notes.save_note(any_db, actor, session_id, "eenmaal", client_token="tok-1")
    assert first.id == second.id
    assert len(notes.list_notes(any_db, actor, session_id)) == 1


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_note_is_refused_in_dutch(any_db, actor, session_id, text):
    with pytest.raises(ValidationError, match="Lege notitie"):
        notes.save_note(any_db, actor, session_id, text)


def test_odd_text_is_stored_whole(any_db, actor, session_id):
    text = "<img src=x onerror=alert(1)> ![x](http://127.0.0.1/p) \u202e\u0007 👩‍👩‍👧 " + "x" * 100_000
    saved = notes.save_note(any_db, actor, session_id, text + "\x00")
    assert saved.text == text + "\ufffd"  # NUL cannot be stored in PostgreSQL text: made visible instead


def test_pseudonym_codes_are_stable_and_never_reused(any_db, actor, session_id):
    codes = [sessions.add_participant(any_db, actor, session_id, f"Klant {i}").code for i in range(3)]
    assert codes == ["K1", "K2", "K3"]
    other = sessions.create_session(any_db, actor, title="Tweede").id
    assert sessions.add_participant(any_db, actor, other, "Klant X").code == "K1"
    sessions.update_participant(any_db, actor, 1, name="Nieuwe Naam")
    assert [p.code for p in sessions.participants(any_db, actor, session_id)] == ["K1", "K2", "K3"]


def test_filters_on_speaker_topic_and_kind(any_db, actor, session_id):
    item = sessions.add_agenda_item(any_db, actor, session_id, "Bereikbaarheid")
    person = sessions.add_participant(any_db, actor, session_id, "Piet")
    a = notes.save_note(any_db, actor, session_id, "a", agenda_item_id=item.id,
                        speaker_kind=SpeakerKind.PARTICIPANT, participant_id=person.id)
    b = notes.save_note(any_db, actor, session_id, "b", kind=NoteKind.IDEE)
    assert [n.id for n in notes.list_notes(any_db, actor, session_id, participant_ids=[person.id])] == [a.id]
    assert [n.id for n in notes.list_notes(any_db, actor, session_id, agenda_item_ids=[item.id])] == [a.id]
    assert [n.id for n in notes.list_notes(any_db, actor, session_id, kinds=["idee"])] == [b.id]
    assert [n.id for n in notes.list_notes(any_db, actor, session_id, newest_first=True)] == [b.id, a.id]
