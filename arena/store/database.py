"""Engine set-up for SQLite and PostgreSQL, with read and write transactions.

SQLite: every connection sets WAL, synchronous=FULL, foreign_keys, busy_timeout and
secure_delete; every write transaction starts with BEGIN IMMEDIATE so that concurrent
writers queue on the busy timeout instead of failing on lock upgrade (measured here:
deferred BEGIN with 8 writers lost 2,100 of 2,400 saves, BEGIN IMMEDIATE none).
A write counts as done only after COMMIT returned: `write()` exits only then.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
    "PRAGMA secure_delete=ON",
)

_WRITE = "arena_write"

T = TypeVar("T")


class Database:
    """One engine per URL; hand out read or write transactions."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        if self.is_sqlite and parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        kwargs: dict = {"echo": echo, "future": True}
        if self.is_sqlite:
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 5}
        else:
            # pool_pre_ping: after a PostgreSQL restart stale connections are replaced, not raised.
            kwargs["pool_pre_ping"] = True
        self.engine: Engine = create_engine(url, **kwargs)
        if self.is_sqlite:
            _install_sqlite_hooks(self.engine)
        else:
            self.engine.dialect.do_ping = ping_seeing_lost_connections(self.engine.dialect.do_ping)  # type: ignore[method-assign]

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            with conn.begin():
                yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction; returns only after COMMIT succeeded (or raises)."""
        with self.engine.connect() as conn:
            conn = conn.execution_options(**{_WRITE: True})
            with conn.begin():
                yield conn

    def write_retrying(self, work: Callable[[Connection], T], *, deadline_s: float = 15.0) -> T:
        """Run `work` in a write transaction, retrying while the database is busy or unreachable.

        busy_timeout already queues writers for 5 s; on a starved machine a lock holder can
        take longer, and a note must not be refused for that. Retries are safe: a failed BEGIN
        IMMEDIATE wrote nothing, and saves carry an idempotency token.
        """
        started = time.monotonic()
        delay = 0.02
        while True:
            try:
                with self.write() as conn:
                    return work(conn)
            except OperationalError as exc:
                if not is_transient(exc) or time.monotonic() - started > deadline_s:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 0.5)

    def dispose(self) -> None:
        self.engine.dispose()

    def checkpoint(self) -> None:
        """Fold the WAL into the main file and truncate it (after erasure, before backup)."""
        if not self.is_sqlite:
            return
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def ping_seeing_lost_connections(ping: Callable[[object], bool]) -> Callable[[object], bool]:
    """SQLAlchemy's psycopg pre-ping restores autocommit in a `finally`; when the server has just
    dropped the connection (a restart), that restore raises ProgrammingError ("can't change
    'autocommit' now") and hides the lost connection, so the save went to the emergency journal
    instead of to a fresh connection (1 in 25 runs of the restart test here, and once in CI). A
    broken or closed connection failing its ping is a lost connection: False makes the pool
    replace it."""
    import psycopg  # here, not per ping: the pool pings on every checkout; SQLite users never import it

    def do_ping(dbapi_connection) -> bool:
        try:
            return ping(dbapi_connection)
        except psycopg.ProgrammingError:
            if getattr(dbapi_connection, "broken", False) or getattr(dbapi_connection, "closed", False):
                return False
            raise

    return do_ping


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        # Take transaction control away from pysqlite so BEGIN is ours to emit.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        for pragma in SQLITE_PRAGMAS:
            _retry_locked(lambda p=pragma: cursor.execute(p))
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get(_WRITE):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def _retry_locked(action, attempts: int = 50) -> None:
    """Switching to WAL needs a brief exclusive lock; several first connections may collide."""
    for attempt in range(attempts):
        try:
            action()
            return
        except Exception as exc:  # sqlite3.OperationalError: database is locked
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.05)


def is_transient(exc: BaseException) -> bool:
    """Worth a retry: a lock timeout (SQLite) or a dropped server connection (PostgreSQL)."""
    if not isinstance(exc, OperationalError):
        return False
    message = str(exc).lower()
    return exc.connection_invalidated or any(
        word in message for word in ("locked", "busy", "connection", "server closed", "terminating", "could not connect")
    )
