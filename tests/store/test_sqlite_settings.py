"""Every SQLite connection carries the durability settings."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("pragma", "expected"),
    [("journal_mode", "wal"), ("synchronous", 2), ("foreign_keys", 1), ("busy_timeout", 5000), ("secure_delete", 1)],
)
def test_pragma_on_every_connection(db, pragma, expected):
    for _ in range(3):  # several pooled connections
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql(f"PRAGMA {pragma}").scalar() == expected


def test_write_transactions_begin_immediate(db):
    statements: list[str] = []
    from sqlalchemy import event

    @event.listens_for(db.engine, "before_cursor_execute")
    def _log(conn, cursor, statement, *args):
        statements.append(statement)

    with db.write() as conn:
        conn.exec_driver_sql("SELECT 1")
    with db.read() as conn:
        conn.exec_driver_sql("SELECT 1")
    assert statements[0] == "BEGIN IMMEDIATE"
    assert "BEGIN" in statements and statements.index("BEGIN") > 0
