"""Every page opens under AppTest, on an empty database and on the demo session."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import REPO

PAGES = ["streamlit_app.py", "pages/plannen.py", "pages/live.py", "pages/analyse.py",
         "pages/rapport.py", "pages/instellingen.py"]


def run_page(path: str, session_id: int | None = None) -> AppTest:
    """Open `path` as a user would: the app's entrypoint is known, the page runs by itself."""
    app = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=60)
    if session_id is not None:
        app.query_params["sessie"] = str(session_id)
    if path != "streamlit_app.py":
        app.switch_page(path)
    return app.run()


@pytest.mark.parametrize("path", PAGES)
def test_page_opens_on_empty_database(data_dir, path):
    app = run_page(path)
    assert not app.exception, app.exception
    assert any("Enkelgebruikersmodus" in c.value for c in app.caption)


@pytest.mark.parametrize("path", PAGES)
def test_page_opens_on_demo_session(data_dir, path):
    start = run_page("streamlit_app.py")
    start.button[0].click().run()
    session_id = int(start.query_params["sessie"][0] if isinstance(start.query_params["sessie"], list)
                     else start.query_params["sessie"])
    app = run_page(path, session_id)
    assert not app.exception, app.exception


def test_start_page_offers_demo_and_loads_it(data_dir):
    app = run_page("streamlit_app.py")
    assert app.button[0].label == "Voorbeeldsessie laden"
    app.button[0].click().run()
    assert not app.exception
    assert any("Klantenarena najaar 2026" in t.value for t in app.text)
    assert "Voorbeeldsessie laden" not in [b.label for b in app.button]
