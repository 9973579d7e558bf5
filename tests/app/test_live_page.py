"""The Live notuleren page under AppTest: save on Enter, shorthand, edit with versions, soft delete and
undo, filters, zorgklant, long observations, bad input. Every check reads the database back as well."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import streamlit.runtime.context as st_context
from sqlalchemy import update
from streamlit.testing.v1 import AppTest

from arena.domain.model import NoteKind, SpeakerKind
from arena.paths import database_url
from arena.services import notes as note_service
from arena.services import sessions as session_service
from arena.services.auth import LOCAL_USER
from arena.services.bootstrap import open_database
from arena.store import tables as t
from arena.store.types import utcnow
from tests.conftest import REPO

ACK = re.compile(r"^✓ #(\d+) \d\d:\d\d:\d\d$")


@pytest.fixture
def live_db(data_dir, monkeypatch):
    # AppTest has no browser connection; make it look like localhost, as a real local browser does.
    monkeypatch.setattr(st_context, "_get_client_context", lambda: None)
    monkeypatch.setenv("ARENA_LIVE_CUES", "0")
    db = open_database(database_url())
    yield db
    db.dispose()


@pytest.fixture
def session(live_db):
    s = session_service.create_session(live_db, LOCAL_USER, title="Klantenarena <b>test</b>", duration_min=60)
    session_service.add_participant(live_db, LOCAL_USER, s.id, "Jan Jansen")
    session_service.add_participant(live_db, LOCAL_USER, s.id, "Piet de Vries")
    session_service.add_agenda_item(live_db, LOCAL_USER, s.id, "Levering", questions=["Hoe laat kwam de monteur?"],
                                    timebox_min=10)
    session_service.add_agenda_item(live_db, LOCAL_USER, s.id, "Factuur", timebox_min=10)
    session_service.add_observer(live_db, LOCAL_USER, s.id, "Anna Notulist")
    return s


def open_live(session_id: int | None) -> AppTest:
    app = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=60)
    if session_id is not None:
        app.query_params["sessie"] = str(session_id)
    app.switch_page("pages/live.py")
    app.run()
    assert not app.exception, app.exception
    return app


def type_line(app: AppTest, line: str) -> AppTest:
    app.chat_input(key="capture_line").set_value(line).run()
    assert not app.exception, app.exception
    return app


def texts(app: AppTest) -> list[str]:
    return [e.value for e in app.text]


def notes(db, session_id, **kw):
    return note_service.list_notes(db, LOCAL_USER, session_id, **kw)


def test_without_session_the_page_says_what_to_do(live_db):
    app = open_live(None)
    assert any("Kies eerst een sessie" in i.value for i in app.info)


def test_enter_saves_and_acknowledges_with_id_and_time(live_db, session):
    app = type_line(open_live(session.id), "@K1 #idee stuur een sms vooraf")
    (note,) = notes(live_db, session.id)
    ack = ACK.match(app.success[0].value)
    assert ack and int(ack.group(1)) == note.id
    assert note.text == "stuur een sms vooraf" and note.kind is NoteKind.IDEE
    assert note.speaker_kind is SpeakerKind.PARTICIPANT and note.author == "Lokale gebruiker"
    assert "stuur een sms vooraf" in texts(app)
    assert any(v.startswith(f"#{note.id} · ") and "K1 Jan Jansen · Idee · Levering" in v for v in texts(app))
    app.run()  # a later rerun (clock, filters) does not submit the line again
    assert len(notes(live_db, session.id)) == 1


def test_sticky_speaker_and_notes_survive_a_reload(live_db, session):
    app = open_live(session.id)
    for line in ("@K2 eerste", "tweede", "derde"):
        type_line(app, line)
    reloaded = open_live(session.id)  # a new browser session: empty session_state
    assert reloaded.button_group(key="speaker_pick").value == "K2"
    shown = [v for v in texts(reloaded) if v in ("eerste", "tweede", "derde")]
    assert shown == ["derde", "tweede", "eerste"]  # newest first
    type_line(reloaded, "vierde")
    assert notes(live_db, session.id)[-1].participant_id == notes(live_db, session.id)[0].participant_id


def test_speaker_buttons_set_the_sticky_speaker(live_db, session):
    app = open_live(session.id)
    app.button_group(key="speaker_pick").set_value("moderator").run()
    type_line(app, "welkom allemaal")
    assert notes(live_db, session.id)[0].speaker_kind is SpeakerKind.MODERATOR


def test_kind_buttons_apply_to_the_next_note_only(live_db, session):
    app = open_live(session.id)
    app.button_group(key="next_kind").set_value("vraag").run()
    type_line(app, "waarom geen sms")
    type_line(app, "gewone uitspraak")
    assert [n.kind for n in notes(live_db, session.id)] == [NoteKind.VRAAG, NoteKind.UITSPRAAK]


def test_empty_lines_are_ignored(live_db, session):
    app = type_line(open_live(session.id), "   ")
    assert notes(live_db, session.id) == [] and not app.success


def test_unknown_code_warns_and_saves_the_text(live_db, session):
    app = type_line(open_live(session.id), "@K9 wie zei dit")
    assert any("Onbekende spreker @K9" in w.value for w in app.warning)
    assert notes(live_db, session.id)[0].text == "@K9 wie zei dit"


def test_lone_next_moves_the_agenda_only(live_db, session):
    app = type_line(open_live(session.id), ">")
    assert notes(live_db, session.id) == []
    agenda = session_service.agenda(live_db, LOCAL_USER, session.id)
    assert session_service.get_session(live_db, LOCAL_USER, session.id).current_agenda_item_id == agenda[0].id
    type_line(app, ">")
    assert session_service.get_session(live_db, LOCAL_USER, session.id).current_agenda_item_id == agenda[1].id
    assert "Factuur" in texts(app)


def test_agenda_panel_shows_topic_questions_and_overrun(live_db, session):
    app = type_line(open_live(session.id), "we beginnen")
    assert "Levering" in texts(app) and "• Hoe laat kwam de monteur?" in texts(app)
    with live_db.write() as conn:
        conn.execute(update(t.sessions).where(t.sessions.c.id == session.id).values(
            current_item_started_at=utcnow() - timedelta(minutes=11), started_at=utcnow() - timedelta(minutes=11)))
    app.run()
    timer = [m.value for m in app.markdown if m.value.startswith("Tijd ")]
    assert timer and ":red[**11:0" in timer[0] and "tijdvak overschreden" in timer[0]
    app.button(key="agenda-next").click().run()
    agenda = session_service.agenda(live_db, LOCAL_USER, session.id)
    assert session_service.get_session(live_db, LOCAL_USER, session.id).current_agenda_item_id == agenda[1].id
    assert "Factuur" in texts(app)


def test_edit_makes_a_new_version_with_visible_history(live_db, session):
    app = type_line(open_live(session.id), "de monteur kwam te laat")
    (note,) = notes(live_db, session.id)
    app.button(key=f"edit-{note.id}").click().run()
    form_text = next(a for a in app.text_area if a.label == "Tekst")
    form_text.set_value("de monteur kwam twee uur te laat")
    next(b for b in app.button if b.label == "Opslaan als nieuwe versie").click().run()
    assert not app.exception
    (edited,) = notes(live_db, session.id)
    assert edited.version == 2 and edited.text == "de monteur kwam twee uur te laat"
    history = note_service.note_history(live_db, LOCAL_USER, note.id)
    assert [v.text for v in history] == ["de monteur kwam te laat", "de monteur kwam twee uur te laat"]
    assert any("versie 2" in v for v in texts(app))
    app.button(key=f"edit-{note.id}").click().run()  # the history is visible in the edit panel
    assert "de monteur kwam te laat" in texts(app) and any(v.startswith("v1 · ") for v in texts(app))


def test_delete_is_soft_and_can_be_undone(live_db, session):
    app = open_live(session.id)
    type_line(app, "blijft staan")
    type_line(app, "wordt verwijderd")
    gone = notes(live_db, session.id)[-1]
    app.button(key=f"delete-{gone.id}").click().run()
    assert "wordt verwijderd" not in texts(app)
    assert [n.text for n in notes(live_db, session.id)] == ["blijft staan"]
    assert notes(live_db, session.id, include_deleted=True)[-1].is_deleted  # still stored
    assert any(f"Notitie #{gone.id} is verwijderd" in i.value for i in app.info)
    app.button(key="undo-delete").click().run()
    assert "wordt verwijderd" in texts(app)
    assert len(notes(live_db, session.id)) == 2


def test_deleted_notes_can_be_shown_and_restored(live_db, session):
    app = type_line(open_live(session.id), "weg ermee")
    (note,) = notes(live_db, session.id)
    note_service.delete_note(live_db, LOCAL_USER, note.id)
    app.run()
    assert "weg ermee" not in texts(app)
    app.toggle(key="f_deleted").set_value(True).run()
    assert any("verwijderd" in v for v in texts(app) if v.startswith(f"#{note.id}"))
    app.button(key=f"restore-{note.id}").click().run()
    assert not notes(live_db, session.id)[0].is_deleted


def test_filters_by_speaker_topic_and_kind(live_db, session):
    app = open_live(session.id)
    for line in ("@K1 een", "@K2 #vraag twee", "> @mod drie", "@K1 #vraag vier"):
        type_line(app, line)
    agenda = session_service.agenda(live_db, LOCAL_USER, session.id)
    wanted = {"een", "twee", "drie", "vier"}

    def shown():
        return [v for v in texts(app) if v in wanted]

    assert shown() == ["vier", "drie", "twee", "een"]
    app.multiselect(key="f_speakers").set_value(["K1", "moderator"]).run()
    assert shown() == ["vier", "drie", "een"]
    app.multiselect(key="f_kinds").set_value(["vraag"]).run()
    assert shown() == ["vier"]
    app.multiselect(key="f_speakers").set_value([]).run()
    assert shown() == ["vier", "twee"]
    app.multiselect(key="f_kinds").set_value([]).run()
    app.multiselect(key="f_topics").set_value([agenda[1].id]).run()
    assert shown() == ["vier", "drie"]


def test_zorgklant_flag_with_reason(live_db, session):
    app = type_line(open_live(session.id), "@K2 derde keer niemand gekomen")
    person = session_service.participants(live_db, LOCAL_USER, session.id)[1]
    # one reason field per unflagged participant; the second belongs to K2
    reasons = [i for i in app.text_input if i.label == "Reden"]
    reason = reasons[1]
    reason.set_value("Drie keer een gemiste afspraak")
    submit = [b for b in app.button if b.label == "Markeren als zorgklant"][1]
    submit.click().run()
    assert not app.exception
    flagged = session_service.participants(live_db, LOCAL_USER, session.id)[1]
    assert flagged.id == person.id and flagged.zorgklant and flagged.zorgklant_reason == "Drie keer een gemiste afspraak"
    assert "Reden: Drie keer een gemiste afspraak" in texts(app)
    assert any("K2 Piet de Vries (zorgklant)" in v for v in texts(app))


def test_zorgklant_needs_a_reason(live_db, session):
    app = open_live(session.id)
    next(b for b in app.button if b.label == "Markeren als zorgklant").click().run()
    assert any("Reden is verplicht" in e.value for e in app.error)
    assert not any(p.zorgklant for p in session_service.participants(live_db, LOCAL_USER, session.id))


def test_long_observation_is_saved_explicitly_and_then_cleared(live_db, session):
    app = open_live(session.id)
    assert any("alleen in deze browser" in c.value for c in app.caption)
    app.text_area(key="long_obs").set_value("K2 kijkt weg als het over de factuur gaat.\nHij zucht.").run()
    assert notes(live_db, session.id) == []  # typing alone saves nothing
    app.button(key="save-obs").click().run()
    (note,) = notes(live_db, session.id)
    assert note.kind is NoteKind.OBSERVATIE and note.text.endswith("Hij zucht.")
    assert app.text_area(key="long_obs").value == ""


def test_markup_is_shown_as_plain_text(live_db, session):
    line = "<img src=x onerror=alert(1)> ![x](http://127.0.0.1:9/pixel) **vet** [link](http://example.org)"
    app = type_line(open_live(session.id), line)
    assert line in texts(app)
    assert not any("127.0.0.1:9" in m.value or "onerror" in m.value for m in app.markdown)
    assert not any("onerror" in c.value for c in app.caption)


def test_huge_note_is_saved_whole_and_shown_shortened(live_db, session):
    huge = " ".join(f"woord{i}" for i in range(14_000))[:100_000]
    app = type_line(open_live(session.id), huge)
    (note,) = notes(live_db, session.id)
    assert note.text == huge.strip() and len(note.text) >= 99_990
    preview = [v for v in texts(app) if v.startswith("woord0 ")]
    assert any(len(v) <= 600 and v.endswith("…") for v in preview)
    assert huge.strip() in texts(app)  # inside "toon alles"
    assert any(e.label == "toon alles" for e in app.expander)


def test_recording_offset_prefix(live_db, session):
    app = type_line(open_live(session.id), "[12:34] het duurde weken")
    (note,) = notes(live_db, session.id)
    assert note.recording_offset_s == 754.0 and note.text == "het duurde weken"
    assert any("opname 12:34" in v for v in texts(app))


def test_observer_picks_their_name(live_db, session):
    app = open_live(session.id)
    app.selectbox(key="notulist").set_value("Anna Notulist").run()
    type_line(app, "van Anna")
    assert notes(live_db, session.id)[0].author == "Anna Notulist"
    assert any("door Anna Notulist" in v for v in texts(app))


def test_other_note_takers_notes_appear_on_rerun(live_db, session):
    app = open_live(session.id)
    note_service.save_note(live_db, LOCAL_USER, session.id, "van een ander", author="Bram")
    app.run()  # what the 1-second fragment does in the browser
    assert "van een ander" in texts(app)


def test_control_characters_are_kept_and_shown_as_text(live_db, session):
    line = "bel\x07 terug\x1b[31m rood\x00 einde"
    app = type_line(open_live(session.id), line)
    (note,) = notes(live_db, session.id)
    assert note.text == "bel\x07 terug\x1b[31m rood\ufffd einde"  # NUL cannot be stored: U+FFFD, the rest as typed
    assert note.text in texts(app)
