"""Single-user mode (no users, no [auth]) is for this computer only: other addresses get no data."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import streamlit

import ui.auth
from arena.services.auth import LOCAL_USER
from arena.services.bootstrap import open_database
from arena.services.demo import create_demo_session
from tests.security.pages_helpers import leaked, open_page


@pytest.mark.parametrize("ip,remote", [(None, False), ("127.0.0.1", False), ("::1", False),
                                       ("192.168.1.20", True), ("2001:db8::1", True)])
def test_remote_client_detection(monkeypatch, ip, remote):
    monkeypatch.setattr(streamlit, "context", SimpleNamespace(ip_address=ip))
    assert ui.auth._remote_client() is remote


def test_remote_visitor_in_single_user_mode_gets_a_refusal_and_no_data(data_dir, monkeypatch):
    db = open_database()
    session_id = create_demo_session(db, LOCAL_USER)
    db.dispose()
    local = open_page("pages/plannen.py", session_id=session_id)
    assert any("Enkelgebruikersmodus" in c.value for c in local.caption) and leaked(local)
    monkeypatch.setattr(ui.auth, "_remote_client", lambda: True)
    remote = open_page("pages/plannen.py", session_id=session_id)
    assert not remote.exception
    assert "alleen op de computer zelf" in remote.error[0].value
    assert leaked(remote) == []
