"""Capture use cases on a real SQLite file: durable saves, sticky speaker, agenda moves, the stream."""

from __future__ import annotations

import pytest

from arena.capture.shorthand import Speaker
from arena.domain.model import NoteKind, SpeakerKind
from arena.domain.text import ValidationError
from arena.services import capture
from arena.services import notes as note_service
from arena.services import sessions as session_service
from arena.services.auth import Actor, Role
from arena.services.bootstrap import open_database


@pytest.fixture
def db(any_db):
    """Every capture use case runs on SQLite and on PostgreSQL."""
    return any_db


@pytest.fixture
def live(db, actor):
    s = session_service.create_session(db, actor, title="Najaar", duration_min=90)
    k1 = session_service.add_participant(db, actor, s.id, "Jan Jansen")
    k2 = session_service.add_participant(db, actor, s.id, "Piet de Vries")
    items = [session_service.add_agenda_item(db, actor, s.id, topic, timebox_min=10)
             for topic in ("Levering", "Factuur", "Contact")]
    return s, (k1, k2), items


def test_line_is_saved_with_sticky_speaker_kind_and_agenda(db, actor, live):
    s, (k1, _k2), items = live
    out = capture.capture_line(db, actor, s.id, "@K1 #idee stuur een sms", author="Anna")
    assert out.note is not None and out.note.text == "stuur een sms"
    assert out.note.kind is NoteKind.IDEE and out.note.participant_id == k1.id and out.note.author == "Anna"
    assert out.note.agenda_item_id == items[0].id  # the first note started the session and its agenda
    second = capture.capture_line(db, actor, s.id, "en dat al twee keer", author="Anna").note
    assert second.participant_id == k1.id and second.kind is NoteKind.UITSPRAAK  # speaker sticky, kind not
    session = session_service.get_session(db, actor, s.id)
    assert session.started_at is not None and session.status.value == "live"


def test_sticky_speaker_survives_a_new_connection_and_is_per_author(db, actor, live):
    s, (_k1, _k2), _ = live
    capture.capture_line(db, actor, s.id, "@K2", author="Anna")
    capture.capture_line(db, actor, s.id, "@mod", author="Bram")
    fresh = open_database(db.url)  # as after a server restart
    try:
        assert capture.get_speaker(fresh, actor, s.id, "Anna") == Speaker(SpeakerKind.PARTICIPANT, "K2")
        assert capture.get_speaker(fresh, actor, s.id, "Bram") == Speaker(SpeakerKind.MODERATOR)
        assert capture.get_speaker(fresh, actor, s.id, "Nieuw") == Speaker.group()
    finally:
        fresh.dispose()


def test_lone_shorthand_saves_nothing(db, actor, live):
    s, _, items = live
    moved = capture.capture_line(db, actor, s.id, ">", author="Anna")
    assert moved.note is None and moved.moved_to.id == items[0].id  # no current item yet: the first one
    moved = capture.capture_line(db, actor, s.id, ">", author="Anna")
    assert moved.note is None and moved.moved_to.id == items[1].id
    assert capture.capture_line(db, actor, s.id, "#idee", author="Anna").kind_only is NoteKind.IDEE
    assert capture.capture_line(db, actor, s.id, "   ", author="Anna").note is None
    assert note_service.list_notes(db, actor, s.id) == []


def test_next_topic_then_text_lands_on_the_new_topic_and_end_of_agenda_is_told(db, actor, live):
    s, _, items = live
    capture.move_agenda(db, actor, s.id, 1)
    note = capture.capture_line(db, actor, s.id, "> factuur is onleesbaar", author="Anna").note
    assert note.agenda_item_id == items[1].id
    capture.capture_line(db, actor, s.id, ">", author="Anna")
    out = capture.capture_line(db, actor, s.id, ">", author="Anna")
    assert out.moved_to.id == items[2].id and "laatste onderwerp" in out.messages[0]


def test_unknown_code_keeps_the_text_and_the_speaker(db, actor, live):
    s, (k1, _), _ = live
    capture.capture_line(db, actor, s.id, "@K1", author="Anna")
    out = capture.capture_line(db, actor, s.id, "@K7 wie zei dit", author="Anna")
    assert out.note.text == "@K7 wie zei dit" and out.note.participant_id == k1.id
    assert out.messages and out.messages[0].startswith("Onbekende spreker @K7")


def test_recording_offset_and_huge_note(db, actor, live):
    s, _, _ = live
    note = capture.capture_line(db, actor, s.id, "[12:34] de wachttijd", author="Anna").note
    assert note.recording_offset_s == 754.0 and note.text == "de wachttijd"
    huge = "x" * 100_000
    saved = capture.capture_line(db, actor, s.id, huge, author="Anna").note
    assert note_service.get_note(db, actor, saved.id).text == huge


def test_observation_is_saved_verbatim(db, actor, live):
    s, _, _ = live
    note = capture.save_observation(db, actor, s.id, "@K1 kijkt weg #idee\nen zucht", author="Anna")
    assert note.kind is NoteKind.OBSERVATIE and note.text == "@K1 kijkt weg #idee\nen zucht"
    with pytest.raises(ValidationError):
        capture.save_observation(db, actor, s.id, "  \n ", author="Anna")


def test_stream_is_newest_first_filtered_and_paged(db, actor, live):
    s, (_k1, _k2), items = live
    capture.capture_line(db, actor, s.id, "@K1 een", author="Anna")
    capture.capture_line(db, actor, s.id, "@K2 #vraag twee", author="Bram")
    capture.capture_line(db, actor, s.id, "@mod > drie", author="Anna")
    people = session_service.participants(db, actor, s.id)
    agenda = session_service.agenda(db, actor, s.id)

    def texts(**kw):
        page = capture.stream(db, actor, s.id, participants=people, agenda=agenda,
                              filters=capture.StreamFilter(**kw))
        return [v.text for v in page.views]

    assert texts() == ["drie", "twee", "een"]
    assert texts(speakers=("K1", "moderator")) == ["drie", "een"]
    assert texts(kinds=(NoteKind.VRAAG,)) == ["twee"]
    assert texts(agenda_item_ids=(items[1].id,)) == ["drie"]
    assert texts(speakers=("K9",)) == []
    page = capture.stream(db, actor, s.id, participants=people, agenda=agenda, limit=2)
    assert page.has_more and [v.text for v in page.views] == ["drie", "twee"]
    note_service.delete_note(db, actor, page.ids[0])
    assert texts() == ["twee", "een"]
    assert texts(include_deleted=True)[0] == "drie"


def test_stream_hides_names_from_roles_without_personal_data(db, actor, live):
    s, _, _ = live
    capture.capture_line(db, actor, s.id, "@K1 een", author="Anna")
    people = session_service.participants(db, actor, s.id)
    notulist = Actor("Bram", Role.NOTULIST)
    (view,) = capture.stream(db, notulist, s.id, participants=people, agenda=[]).views
    assert view.speaker == "K1"
    (view,) = capture.stream(db, actor, s.id, participants=people, agenda=[]).views
    assert view.speaker == "K1 Jan Jansen"
