"""Erase a participant: identity removed, notes deleted or anonymised, no trace left in the files.

Anonymised means: the participant row keeps only the pseudonym code, and the name, organisation
and e-mail are replaced by that code in every stored text (all note versions, analyses, labels,
actions, audit details). SQLite's secure_delete overwrites freed cells; a WAL checkpoint with
TRUNCATE and a VACUUM then leave no old page images in the database file or its -wal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from sqlalchemy import Connection, insert, select, update

from arena.domain.text import ValidationError
from arena.paths import data_dir
from arena.privacy import erasure_log
from arena.privacy.scrub import file_mentions, needles, replace_value, scrub_database
from arena.services.auth import Actor, Permission, require
from arena.services.sessions import NotFound
from arena.store import repo_audit, repo_notes
from arena.store import tables as t
from arena.store.database import Database
from arena.store.types import utcnow

ERASED_NAME = "[verwijderd]"


class ErasureMode(StrEnum):
    DELETE_NOTES = "delete_notes"
    ANONYMISE_NOTES = "anonymise_notes"

    @property
    def label(self) -> str:
        return {"delete_notes": "Notities verwijderen", "anonymise_notes": "Notities bewaren, geanonimiseerd"}[self.value]


@dataclass
class ErasureResult:
    participant_id: int
    code: str
    already_erased: bool = False
    notes_deleted: int = 0
    rows_rewritten: int = 0
    files_removed: list[Path] = field(default_factory=list)


def speaker_note_ids(conn: Connection, participant_id: int) -> list[int]:
    """Notes where the person speaks in any version (also earlier ones)."""
    rows = conn.execute(
        select(t.note_versions.c.note_id).where(t.note_versions.c.participant_id == participant_id).distinct()
    )
    return sorted(rows.scalars())


def erase_participant(
    db: Database,
    actor: Actor,
    participant_id: int,
    mode: ErasureMode | str,
    *,
    confirmed: bool,
    compact: bool = True,
    scan_files: bool = True,
    _log: bool = True,
) -> ErasureResult:
    require(actor, Permission.PERSONAL_DATA)
    if not confirmed:
        raise ValidationError("Wissen moet eerst worden bevestigd.")
    mode = ErasureMode(mode)
    with db.read() as conn:
        person = conn.execute(select(t.participants).where(t.participants.c.id == participant_id)).first()
    if person is None:
        raise NotFound("Deelnemer bestaat niet (meer).")
    result = ErasureResult(participant_id, person.code)
    if person.erased_at is not None:
        result.already_erased = True
        return result
    now = utcnow()
    if _log:
        erasure_log.append(erasure_log.ErasureEntry(participant_id, person.session_id, mode.value, actor.name, now.isoformat()))
    replacements = identity_replacements(person.name, person.organisation, person.email, person.code)
    with db.write() as conn:
        if mode is ErasureMode.DELETE_NOTES:
            result.notes_deleted = repo_notes.purge_notes(conn, speaker_note_ids(conn, participant_id))
        conn.execute(
            update(t.participants).where(t.participants.c.id == participant_id).values(
                name=ERASED_NAME, organisation="", email="", erased_at=now)
        )
        result.rows_rewritten = scrub_database(conn, replacements)
        if not _logged_in_table(conn, participant_id):
            conn.execute(insert(t.erasure_log).values(
                participant_id=participant_id, session_id=person.session_id, mode=mode.value, by=actor.name, at=now))
        repo_audit.log(conn, actor.name, "participant.erase", "participant", participant_id,
                       {"code": person.code, "mode": mode.value, "notes_deleted": result.notes_deleted})
    scrub_journal(replacements)
    if scan_files:
        result.files_removed = remove_generated_files(needles(replacements))
    if compact:
        compact_database(db)
    return result


def scrub_journal(replacements: dict[str, str]) -> None:
    """Notes still waiting in the fallback journal are anonymised there too (it lives outside the data folder)."""
    from arena.store import journal

    if not journal.has_entries():
        return
    with journal.pending() as (entries, keep):
        cleaned = [replace_value(entry, replacements) for entry in entries]
        if cleaned != entries:
            keep(cleaned)


def identity_replacements(name: str, organisation: str, email: str, code: str) -> dict[str, str]:
    out = {name: code, email: f"[e-mail {code}]", organisation: f"[organisatie {code}]"}
    return {k: v for k, v in out.items() if k and k.strip() and k != ERASED_NAME}


def _logged_in_table(conn: Connection, participant_id: int) -> bool:
    found = conn.execute(select(t.erasure_log.c.id).where(t.erasure_log.c.participant_id == participant_id)).first()
    return found is not None


def compact_database(db: Database) -> None:
    """Fold the WAL into the file, rebuild the file without free pages, and empty the WAL."""
    if not db.is_sqlite:
        with db.engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.exec_driver_sql("VACUUM")
        return
    db.checkpoint()
    raw = db.engine.raw_connection()
    try:
        raw.driver_connection.execute("VACUUM")
        for _ in range(50):
            busy = raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            if not busy:
                break
    finally:
        raw.close()
    db.dispose()  # pooled connections may hold old pages in memory; the next use reconnects


def remove_generated_files(wanted: list[str], folder: Path | None = None) -> list[Path]:
    """Generated files (reports, exports) that mention the person are removed; they can be rebuilt.

    Database files, backups (restores replay the erasure log) and the erasure log itself stay.
    """
    root = folder or data_dir()
    removed = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or _kept(path, root):
            continue
        if file_mentions(path, wanted):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def _kept(path: Path, root: Path) -> bool:
    relative = path.relative_to(root)
    if relative.parts and relative.parts[0] in ("backups",):
        return True
    name = path.name
    return name == erasure_log.FILE_NAME or ".sqlite" in name or name.endswith(("-wal", "-shm", "-journal"))


def reapply_log(db: Database, actor: Actor, path: Path | None = None) -> list[ErasureResult]:
    """After a restore: erase again everyone in the log who is back in the database."""
    require(actor, Permission.PERSONAL_DATA)
    applied = []
    for entry in erasure_log.read(path):
        with db.read() as conn:
            row = conn.execute(select(t.participants.c.erased_at).where(t.participants.c.id == entry.participant_id)).first()
        if row is None or row.erased_at is not None:
            continue
        applied.append(erase_participant(db, actor, entry.participant_id, entry.mode, confirmed=True,
                                         compact=False, scan_files=False, _log=False))
    if applied:
        compact_database(db)
    return applied


def sync_table_to_log(db: Database, path: Path | None = None) -> int:
    """Entries in table erasure_log that the file lacks (e.g. made on another machine) are appended."""
    known = {e.participant_id for e in erasure_log.read(path)}
    added = 0
    with db.read() as conn:
        rows = conn.execute(select(t.erasure_log).order_by(t.erasure_log.c.id)).all()
    for row in rows:
        if row.participant_id not in known:
            erasure_log.append(erasure_log.ErasureEntry(row.participant_id, row.session_id, row.mode, row.by,
                                                        row.at.isoformat() if row.at else ""), path)
            known.add(row.participant_id)
            added += 1
    return added
