"""Rapport page: files are built only on a click, then offered for download; the import tab is there for capturers."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from arena.paths import database_url
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


def test_transcript_import_offers_an_upload(rapport):
    uploaders = rapport.get("file_uploader")
    assert len(uploaders) == 1
