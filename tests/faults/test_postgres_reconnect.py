"""PostgreSQL restarted during a session: the app's next read and write simply work again.

A restart ends every server connection; here that is done for this test's database only
(pg_terminate_backend), so parallel tests on the shared server are not disturbed. The full
`pg_ctl restart` drill with three writers is scripts/fault_postgres_restart.py.
"""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy.engine import make_url

from arena.services import notes, sessions


def _drop_connections(url: str) -> int:
    parsed = make_url(url)
    admin = parsed.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        rows = conn.execute(
            "select pg_terminate_backend(pid) from pg_stat_activity where datname = %s and pid <> pg_backend_pid()",
            (parsed.database,),
        ).fetchall()
    return len(rows)


def test_connections_dropped_by_a_restart_are_replaced(any_db, actor):
    if any_db.is_sqlite:
        pytest.skip("PostgreSQL only")
    session = sessions.create_session(any_db, actor, title="Herstart")
    notes.save_note(any_db, actor, session.id, "voor de herstart")
    assert any_db.engine.pool.checkedin() >= 1  # an idle pooled connection that is about to go stale
    assert _drop_connections(any_db.url) >= 1
    after = notes.save_note(any_db, actor, session.id, "na de herstart")  # pool_pre_ping: no error reaches the user
    assert after.text == "na de herstart"
    assert [n.text for n in notes.list_notes(any_db, actor, session.id)] == ["voor de herstart", "na de herstart"]
    _drop_connections(any_db.url)
    assert sessions.get_session(any_db, actor, session.id).title == "Herstart"
