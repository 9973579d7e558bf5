"""Every page in a real browser, on a session full of hostile text: nothing runs, nothing is fetched.

A loopback sentinel counts requests: markup, Markdown images, CSS urls or links taken from user
text must never make the browser contact it. Pages are discovered, so new pages are covered.
"""

from __future__ import annotations

import time

import pytest
from selenium.common.exceptions import NoAlertPresentException

from arena.domain.model import SpeakerKind
from arena.services import notes, sessions
from arena.services.auth import LOCAL_USER
from arena.services.bootstrap import open_database
from tests.e2e.conftest import body_text, wait_for_app
from tests.hostile.corpus import LARGE
from tests.hostile.pipeline import Sentinel, texts
from tests.security.pages_helpers import discovered_pages

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture
def sentinel():
    server = Sentinel()
    yield server
    server.close()


def _url_path(page: str) -> str:
    return "" if page == "streamlit_app.py" else page.removeprefix("pages/").removesuffix(".py")


def test_no_page_fetches_or_runs_user_markup(streamlit_server, browser, sentinel):
    db = open_database(streamlit_server.database_url)
    try:
        session = sessions.create_session(db, LOCAL_USER, title=f"<img src='{sentinel.url}/titel'> sessie")
        person = sessions.add_participant(db, LOCAL_USER, session.id, f"![x]({sentinel.url}/naam.png)",
                                          organisation=f"<script>fetch('{sentinel.url}/org')</script>")
        sessions.add_agenda_item(db, LOCAL_USER, session.id, f"[onderwerp]({sentinel.url}/agenda)")
        for name, text in texts(sentinel.url, include_large=False).items():
            if name not in LARGE:
                notes.save_note(db, LOCAL_USER, session.id, text, speaker_kind=SpeakerKind.PARTICIPANT,
                                participant_id=person.id)
    finally:
        db.dispose()
    problems = []
    for page in discovered_pages():
        browser.get(f"{streamlit_server.url}/{_url_path(page)}?sessie={session.id}")
        wait_for_app(browser, timeout=120)
        time.sleep(1.5)  # images and styles load after the first render
        try:
            alert = browser.switch_to.alert
            problems.append(f"{page}: alert {alert.text!r}")
            alert.dismiss()
        except NoAlertPresentException:
            pass
        shown = body_text(browser)
        if "Traceback" in shown or "Error" in shown.split("\n", 3)[0]:
            problems.append(f"{page}: error on the page")
    assert problems == []
    assert sentinel.hits == [], sentinel.hits
    # Control: this browser can reach the sentinel, so the zero above means something.
    browser.execute_script("new Image().src = arguments[0];", f"{sentinel.url}/controle")
    deadline = time.monotonic() + 10
    while not sentinel.hits and time.monotonic() < deadline:
        time.sleep(0.1)
    assert sentinel.hits == ["/sentinel/controle"]
