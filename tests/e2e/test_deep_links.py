"""Every page works as the first request to a freshly started server (the st.navigation deep-link trap).

With st.navigation, a deep link to a page that is only registered by the entry script can miss the
shared set-up. Here each page is opened directly on a new server and must show its content, the
navigation, the single-user caption, and must have created the database.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import body_text, wait_for_app, wait_for_text, wait_until

pytestmark = pytest.mark.e2e

PAGES = [
    ("", "Sessies", "Klantenarena"),
    ("plannen", "Plannen", "Plannen"),
    ("live", "Live notuleren", "Live notuleren"),
    ("analyse", "Analyse", "Analyse"),
    ("rapport", "Rapport", "Rapport"),
    ("instellingen", "Instellingen", "Instellingen"),
]


@pytest.mark.parametrize(("path", "title", "heading"), PAGES, ids=[p[0] or "root" for p in PAGES])
def test_deep_link_on_fresh_server(server_factory, browser, path, title, heading):
    server = server_factory()
    assert not server.sqlite_path.exists()  # nothing ran yet: the deep link is the first request
    browser.get(f"{server.url}/{path}")
    wait_for_app(browser)
    wait_for_text(browser, "Enkelgebruikersmodus")
    wait_until(lambda: browser.title.startswith(f"{title} · Klantenarena"), 30, message=f"page title {title}")
    headings = [h.text for h in browser.find_elements("css selector", "h1")]
    assert heading in headings, headings

    def sidebar() -> str:
        return browser.find_element("css selector", '[data-testid="stSidebar"]').text

    labels = ("Sessies", "Plannen", "Live notuleren")
    wait_until(lambda: all(label in sidebar() for label in labels), 30, message=f"sidebar labels {labels}")
    assert not browser.find_elements("css selector", '[data-testid="stException"]'), body_text(browser)
    assert server.sqlite_path.exists(), list(server.data_dir.iterdir())
