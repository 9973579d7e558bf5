"""Consistent backups through SQLite's online backup API (never a file copy of a live database)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic.script import ScriptDirectory

from arena.paths import data_dir
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


# --- restore ------------------------------------------------------------------------------

REQUIRED_TABLES = ("alembic_version", "sessions", "participants", "notes", "note_versions")


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_copy: Path
    revision: str


def backup_folder() -> Path:
    folder = data_dir() / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def validate_backup(path: Path) -> str:
    """integrity_check and a known schema revision; returns that revision. Dutch messages on refusal."""
    from arena.domain.text import ValidationError
    from arena.store.migrate import alembic_config

    path = Path(path).expanduser()
    if not path.is_file():
        raise ValidationError(f"Back-upbestand niet gevonden: {path}")
    with open(path, "rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise ValidationError("Dit bestand is geen SQLite-database; er is niets hersteld.")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            check = con.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
            revision = con.execute("select version_num from alembic_version").fetchone() if "alembic_version" in tables else None
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise ValidationError(f"De back-up is beschadigd ({exc}); er is niets hersteld.") from exc
    if check != "ok":
        raise ValidationError(f"De back-up is beschadigd (integrity_check: {check}); er is niets hersteld.")
    missing = [name for name in REQUIRED_TABLES if name not in tables]
    if missing or revision is None:
        raise ValidationError(f"Dit is geen klantenarena-back-up (ontbrekende tabellen: {', '.join(missing) or 'versie'}).")
    known = {s.revision for s in ScriptDirectory.from_config(alembic_config("sqlite://")).walk_revisions()}
    if revision[0] not in known:
        raise ValidationError(
            f"De back-up heeft een onbekende schemaversie ({revision[0]}), vermoedelijk van een nieuwere versie van de app."
        )
    return revision[0]


def restore_sqlite(db: Database, source: Path, *, safety_dir: Path | None = None) -> RestoreResult:
    """Validate, keep a copy of the current database, copy the backup in, bring the schema up to date.

    The copy goes through the online backup API into the live file, so open connections of a
    running app see the restored data instead of a file swapped underneath them.
    """
    from arena.store.migrate import upgrade

    if not db.is_sqlite:
        raise ValueError("Herstellen via deze opdracht werkt voor SQLite; gebruik voor PostgreSQL pg_restore.")
    source = Path(source).expanduser()
    revision = validate_backup(source)
    folder = safety_dir or backup_folder()
    safety = backup_sqlite(db, folder / f"voor-herstel-{datetime.now():%Y%m%d-%H%M%S-%f}.sqlite3")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    raw = db.engine.raw_connection()
    try:
        src.backup(raw.driver_connection)
    finally:
        raw.close()
        src.close()
    db.dispose()
    upgrade(db)
    return RestoreResult(source, safety, revision)
