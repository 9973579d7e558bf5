"""Shared fixtures: real SQLite files, and a real PostgreSQL when ARENA_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from arena.services.auth import LOCAL_USER, Actor
from arena.services.bootstrap import open_database
from arena.store.database import Database

REPO = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("ARENA_TEST_POSTGRES_URL", "")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data folder used by everything that reads ARENA_DATA_DIR (app, CLI)."""
    folder = tmp_path / "data"
    monkeypatch.setenv("ARENA_DATA_DIR", str(folder))
    monkeypatch.delenv("ARENA_DATABASE_URL", raising=False)
    return folder


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'arena.sqlite3'}"


@pytest.fixture
def db(sqlite_url: str) -> Iterator[Database]:
    database = open_database(sqlite_url)
    yield database
    database.dispose()


@pytest.fixture
def actor() -> Actor:
    return LOCAL_USER


def _postgres_database() -> Iterator[str]:
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must run the storage tests on PostgreSQL: ARENA_TEST_POSTGRES_URL is not set")
        pytest.skip("PostgreSQL not configured (set ARENA_TEST_POSTGRES_URL)")
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"arena_test_{uuid.uuid4().hex[:12]}"
    admin = make_url(PG_URL).set(drivername="postgresql")
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    yield url
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def any_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL on each back end."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'arena.sqlite3'}"
    else:
        yield from _postgres_database()


@pytest.fixture
def any_db(any_url: str) -> Iterator[Database]:
    database = open_database(any_url)
    yield database
    database.dispose()
