"""The fallback journal: notes that could not reach the database wait here, on another disk if possible.

A JSON-lines file (default ~/.klantenarena-journal/journal.jsonl, or ARENA_JOURNAL_PATH), appended and
fsynced under an exclusive lock. `save_note` writes here when the database refuses a write (disk full,
read-only, I/O error, server gone); `arena.services.journal.flush_journal` replays it later, idempotently
through notes.client_token.
"""

from __future__ import annotations

import fcntl
import functools
import json
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError, IntegrityError

from arena.domain.text import ValidationError
from arena.store.types import utcnow

KEPT_ARGS = ("kind", "speaker_kind", "participant_id", "agenda_item_id", "use_current_agenda_item",
             "recording_offset_s", "client_token", "author")


class SavedToJournal(ValidationError):
    """The database could not save; the note is safe in the journal. Dutch message for the user."""


class JournalUnavailable(ValidationError):
    """Neither the database nor the journal could take the note: the user must keep the text."""


def journal_path() -> Path:
    default = Path.home() / ".klantenarena-journal" / "journal.jsonl"
    return Path(os.environ.get("ARENA_JOURNAL_PATH", default)).expanduser()


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def append(entry: dict[str, Any], path: Path | None = None) -> Path:
    target = path or journal_path()
    with _locked(target), open(target, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, ensure_ascii=False, default=str) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return target


def has_entries(path: Path | None = None) -> bool:
    target = path or journal_path()
    try:
        return target.stat().st_size > 0
    except OSError:
        return False


@contextmanager
def pending(path: Path | None = None) -> Iterator[tuple[list[dict[str, Any]], Callable[[list[dict[str, Any]]], None]]]:
    """Hold the lock, read the entries, and let the caller write back those still waiting (atomically)."""
    target = path or journal_path()
    with _locked(target):
        entries = []
        if target.exists():
            for line in target.read_text(encoding="utf-8").splitlines():
                try:
                    entries.append(json.loads(line))
                except ValueError:
                    continue  # a torn last line after a crash
        def keep(rest: list[dict[str, Any]]) -> None:
            tmp = target.with_name(target.name + ".tmp")
            with open(tmp, "w", encoding="utf-8") as handle:
                handle.writelines(json.dumps(e, ensure_ascii=False, default=str) + "\n" for e in rest)
                handle.flush()
                os.fsync(handle.fileno())
            tmp.replace(target)
        yield entries, keep


def database_key(url: str) -> str:
    """Which database an entry belongs to (no password): a journal never replays into another one."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def is_storage_failure(exc: BaseException) -> bool:
    """The database could not write (full, read-only, I/O, connection lost); not a bad value or duplicate."""
    return isinstance(exc, DBAPIError) and not isinstance(exc, IntegrityError)


def journal_on_storage_failure(save: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap `save_note(db, actor, session_id, text, **kwargs)`: a refused write goes to the journal."""

    @functools.wraps(save)
    def wrapper(db, actor, session_id, text, **kwargs):
        kwargs["client_token"] = kwargs.get("client_token") or uuid.uuid4().hex
        try:
            note = save(db, actor, session_id, text, **kwargs)
        except DBAPIError as exc:
            if not is_storage_failure(exc):
                raise
            entry = {"database": database_key(db.url), "session_id": session_id, "text": text, "actor": getattr(actor, "name", ""),
                     "captured_at": utcnow().isoformat(), "error": type(exc.orig).__name__ if exc.orig else type(exc).__name__,
                     **{k: (v.value if hasattr(v, "value") else v) for k, v in kwargs.items() if k in KEPT_ARGS}}
            entry["author"] = entry.get("author") or entry["actor"]
            try:
                where = append(entry)
            except OSError as journal_exc:
                raise JournalUnavailable(
                    "Opslaan is mislukt: de database en het noodjournaal zijn allebei niet beschrijfbaar. "
                    "Kopieer uw tekst en meld dit aan de beheerder."
                ) from journal_exc
            raise SavedToJournal(
                "De database kan nu niet opslaan (schijf vol, alleen-lezen of verbinding weg). Uw notitie is veilig "
                f"bewaard in het noodjournaal ({where}) en wordt opgeslagen zodra de database weer werkt."
            ) from exc
        if has_entries():
            from arena.services.journal import flush_journal

            try:
                flush_journal(db, actor)
            except Exception:  # a failing replay must never fail the save that just succeeded
                pass
        return note

    return wrapper
