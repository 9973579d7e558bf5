"""The erasure log: a JSON-lines file in the data folder, mirrored in table erasure_log.

The file holds no names (only ids, mode, who and when), so it can stay next to backups; after a
restore it is replayed, because a backup made before an erasure still contains the person.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from arena.paths import data_dir

FILE_NAME = "erasure-log.jsonl"


@dataclass(frozen=True)
class ErasureEntry:
    participant_id: int
    session_id: int
    mode: str
    by: str
    at: str  # ISO 8601, UTC


def log_path() -> Path:
    return Path(os.environ.get("ARENA_ERASURE_LOG", data_dir() / FILE_NAME)).expanduser()


def append(entry: ErasureEntry, path: Path | None = None) -> None:
    """Appended and fsynced before the database changes: a crash in between replays harmlessly."""
    target = path or log_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def read(path: Path | None = None) -> list[ErasureEntry]:
    target = path or log_path()
    if not target.exists():
        return []
    entries = []
    for line in target.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            entries.append(ErasureEntry(int(raw["participant_id"]), int(raw["session_id"]), str(raw["mode"]),
                                        str(raw.get("by", "")), str(raw.get("at", ""))))
        except (ValueError, KeyError, TypeError):
            continue  # a torn last line after a crash: the rest still counts
    return entries
