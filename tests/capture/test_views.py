from __future__ import annotations

from datetime import UTC, datetime

from arena.capture.views import Cue, local_time, note_views, shorten_keep_lines
from arena.domain.model import AgendaItem, Note, NoteKind, Participant, SpeakerKind


def _note(**kw) -> Note:
    base = dict(id=7, session_id=1, version=1, version_id=70, author="Anna",
                created_at=datetime(2026, 7, 1, 12, 2, 11, tzinfo=UTC), seconds_since_start=5.0, text="te laat")
    return Note(**(base | kw))


PEOPLE = [Participant(id=3, session_id=1, code="K3", name="Jan Jansen", zorgklant=True)]
AGENDA = [AgendaItem(id=5, session_id=1, position=1, topic="Levering")]


def test_local_time_is_amsterdam_summer_and_winter():
    assert local_time(datetime(2026, 7, 1, 12, 2, 11, tzinfo=UTC)) == "14:02:11"
    assert local_time(datetime(2026, 12, 1, 12, 2, 11, tzinfo=UTC)) == "13:02:11"


def test_view_shows_code_and_name_only_when_allowed():
    note = _note(speaker_kind=SpeakerKind.PARTICIPANT, participant_id=3, agenda_item_id=5, kind=NoteKind.IDEE)
    (named,) = note_views([note], PEOPLE, AGENDA, {}, show_names=True)
    (coded,) = note_views([note], PEOPLE, AGENDA, {}, show_names=False)
    assert named.speaker == "K3 Jan Jansen" and coded.speaker == "K3"
    assert named.meta == "#7 · 14:02:11 · K3 Jan Jansen (zorgklant) · Idee · Levering · door Anna"
    assert named.badges == ()


def test_view_badges_follow_the_current_version_only():
    note = _note(version=2, version_id=71)
    (view,) = note_views([note], [], [], {70: Cue("positief"), 71: Cue("irritatie", ("levering",))}, show_names=True)
    assert next(b.label for b in view.badges) == "Irritatie"
    assert view.badges[0].colour == "red"
    assert view.edited and "versie 2" in view.meta


def test_long_text_is_shortened_for_display_but_kept_whole():
    text = "woord " * 20000
    (view,) = note_views([_note(text=text)], [], [], {}, show_names=True)
    assert view.text == text and view.is_long and len(view.short) <= 600 and view.short.endswith("…")
    assert shorten_keep_lines("kort") == "kort"
