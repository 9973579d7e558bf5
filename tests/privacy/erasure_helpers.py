"""Raw-byte search for a person's name in every file of a folder."""

from __future__ import annotations

from pathlib import Path

from tests.privacy.world import EMAIL, NAME, ORG

NEEDLES = [NAME, ORG, EMAIL, "Zonneveld", "Gouden Wiel"]


def raw_hits(folder: Path, needles=NEEDLES) -> dict[str, int]:
    """Raw bytes, UTF-8 and UTF-16 (SQLite may store either), case-insensitive."""
    hits: dict[str, int] = {}
    for path in folder.rglob("*"):
        if path.is_file() and "backups" not in path.parts:
            data = path.read_bytes().lower()
            count = sum(data.count(n.lower().encode(enc)) for n in needles for enc in ("utf-8", "utf-16-le"))
            if count:
                hits[path.name] = count
    return hits
