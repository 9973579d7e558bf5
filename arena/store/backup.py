"""Consistent backups through SQLite's online backup API (never a file copy of a live database)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from arena.store.database import Database


def backup_sqlite(db: Database, target: Path) -> Path:
    if not db.is_sqlite:
        raise ValueError("Back-up via deze opdracht werkt voor SQLite; gebruik voor PostgreSQL pg_dump.")
    target = Path(target).expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".part")
    tmp.unlink(missing_ok=True)
    raw = db.engine.raw_connection()
    try:
        source = raw.driver_connection
        destination = sqlite3.connect(tmp)
        try:
            source.backup(destination)
            check = destination.execute("PRAGMA integrity_check").fetchone()[0]
            if check != "ok":
                raise RuntimeError(f"back-up onvolledig: {check}")
        finally:
            destination.close()
    finally:
        raw.close()
    tmp.replace(target)  # atomic: a half-written backup never carries the final name
    return target
