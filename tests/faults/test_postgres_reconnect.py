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
from arena.store.database import ping_seeing_lost_connections


def _libpq_url(url: str, database: str | None = None) -> str:
    parsed = make_url(url)
    return parsed.set(drivername="postgresql", database=database or parsed.database).render_as_string(hide_password=False)


def _drop_connections(url: str) -> int:
    parsed = make_url(url)
    admin = _libpq_url(url, "postgres")
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


def _ping_that_fails_on_restoring_autocommit(connection) -> bool:
    raise psycopg.ProgrammingError("can't change 'autocommit' now: connection in transaction status ACTIVE")


def test_a_ping_that_lost_its_connection_asks_the_pool_for_a_new_one(any_db):
    if any_db.is_sqlite:
        pytest.skip("PostgreSQL only")
    ping = ping_seeing_lost_connections(_ping_that_fails_on_restoring_autocommit)
    with psycopg.connect(_libpq_url(any_db.url)) as conn:
        with pytest.raises(psycopg.ProgrammingError):  # on a healthy connection it is a real error: raised
            ping(conn)
        assert any_db.engine.dialect._do_ping_w_event(conn) is True
        assert _drop_connections(any_db.url) >= 1
        # however SQLAlchemy's own ping fails on the dropped connection, the pool hears "lost"
        assert any_db.engine.dialect._do_ping_w_event(conn) is False
        assert conn.broken or conn.closed
        assert ping(conn) is False
