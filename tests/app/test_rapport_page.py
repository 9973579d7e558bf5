"""Rapport page: files are built only on a click, then offered for download; the import tab is there for capturers."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from arena.paths import database_url
from arena.services import notes, sessions
from arena.services.auth import LOCAL_USER
from arena.services.bootstrap import open_database
from arena.services.demo import create_demo_session
from tests.conftest import REPO


@pytest.fixture
def rapport(data_dir) -> AppTest:
    db = open_database(database_url())
    session_id = create_demo_session(db, LOCAL_USER)
    db.dispose()
    app = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=120)
    app.query_params["sessie"] = str(session_id)
    app.switch_page("pages/rapport.py")
    return app.run()


def downloads(app: AppTest) -> list[str]:
    return [element.label for element in app.get("download_button")]


def test_report_is_built_on_click_then_offered(rapport):
    assert not rapport.exception
    assert [t.label for t in rapport.tabs] == ["Verbeterrapport", "Exporteren", "Transcript importeren"]
    assert downloads(rapport) == []  # nothing is built before the user asks
    rapport.button(key="rapport-maken").click().run()
    assert not rapport.exception
    assert not rapport.error
    assert "Rapport downloaden (.docx)" in downloads(rapport)


def test_export_is_built_on_click(rapport):
    rapport.radio(key="export-formaat").set_value("qdpx").run()
    rapport.button(key="export-maken").click().run()
    assert not rapport.exception
    assert "Export downloaden" in downloads(rapport)


def test_real_names_need_a_choice_and_show_a_warning(rapport):
    rapport.checkbox(key="rapport-echte-namen").check().run()
    assert any("echte namen van deelnemers" in w.value for w in rapport.warning)


VTT = """WEBVTT

00:00:02.000 --> 00:00:04.000
<v Sanne de Vries>Welkom.</v>

00:01:10.000 --> 00:01:14.000
<v Jeroen Bakker>Ik wacht nog steeds op een offerte.</v>

00:02:20.500 --> 00:02:24.000
<v Gast 1>Bij ons precies hetzelfde.</v>
"""


def test_transcript_is_reviewed_then_imported(rapport):
    rapport.file_uploader(key="transcript-bestand").upload("sessie.vtt", VTT.encode(), "text/vtt").run()
    assert not rapport.exception and not rapport.error
    boxes = {box.label.split(" \u2014 ")[0]: box for box in rapport.selectbox}
    assert set(boxes) == {"Sanne de Vries", "Jeroen Bakker", "Gast 1"}
    assert boxes["Sanne de Vries"].value == "moderator"
    assert boxes["Gast 1"].value == "group"
    db = open_database(database_url())
    raw = rapport.query_params["sessie"]
    session_id = int(raw[0] if isinstance(raw, list) else raw)
    people = {p.name: p for p in sessions.participants(db, LOCAL_USER, session_id)}
    jeroen, anneke = people["Jeroen Bakker"], people["Anneke Mulder"]
    assert boxes["Jeroen Bakker"].value == jeroen.id
    boxes["Gast 1"].set_value(anneke.id).run()  # the reviewer knows who "Gast 1" was
    next(b for b in rapport.button if b.label == "Importeren als notities").click().run()
    assert any("3 nieuwe notities" in s.value for s in rapport.success)
    imported = {n.text: n for n in notes.list_notes(db, LOCAL_USER, session_id) if n.recording_offset_s is not None}
    assert imported["Bij ons precies hetzelfde."].participant_id == anneke.id
    assert imported["Bij ons precies hetzelfde."].recording_offset_s == 140.5
    assert imported["Welkom."].speaker_kind.value == "moderator"
    db.dispose()


def test_malformed_transcript_gives_a_dutch_message(rapport):
    rapport.file_uploader(key="transcript-bestand").upload("kapot.vtt", b"geen ondertitels", "text/vtt").run()
    assert not rapport.exception
    assert any("WEBVTT" in e.value for e in rapport.error)
