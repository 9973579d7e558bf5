"""Restore a backup and replay the erasure log, so nobody erased comes back with old data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from arena.privacy.erasure import ErasureResult, reapply_log, sync_table_to_log
from arena.services.auth import Actor, Permission, require
from arena.store.backup import RestoreResult, restore_sqlite
from arena.store.database import Database


@dataclass(frozen=True)
class RestoreReport:
    restore: RestoreResult
    reapplied: list[ErasureResult]


def restore_backup(db: Database, actor: Actor, source: Path, *, confirmed: bool, log_path: Path | None = None) -> RestoreReport:
    require(actor, Permission.ADMIN)
    from arena.domain.text import ValidationError

    if not confirmed:
        raise ValidationError("Herstellen vervangt de huidige gegevens en moet eerst worden bevestigd.")
    sync_table_to_log(db, log_path)  # erasures only in the current table must survive the restore too
    result = restore_sqlite(db, source)
    return RestoreReport(result, reapply_log(db, actor, log_path))
