"""Replace a person's identifying strings in every stored text, JSON value and generated file.

Works on the schema in arena/store/tables.py, so tables added later are covered as soon as
they are in the metadata. Identity columns of *other* participants are left alone: two people
may share an organisation, and erasing one must not rewrite the other.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Connection, String, Text, Unicode, UnicodeText, cast, func, or_, select, update

from arena.store import tables as t

SKIP_COLUMNS = {
    ("participants", "name"), ("participants", "organisation"), ("participants", "email"),
    ("participants", "code"), ("users", "password_hash"), ("users", "role"),
}
_TEXT_TYPES = (String, Text, Unicode, UnicodeText)


def needles(replacements: dict[str, str]) -> list[str]:
    return sorted((r for r in replacements if r and len(r.strip()) >= 2), key=len, reverse=True)


def replace_text(text: str, replacements: dict[str, str]) -> str:
    for real in needles(replacements):
        text = re.sub(re.escape(real), lambda _m, r=real: replacements[r], text, flags=re.IGNORECASE)
    return text


def replace_value(value: Any, replacements: dict[str, str]) -> Any:
    """Walk JSON values (lists, dicts, strings) so the structure stays valid."""
    if isinstance(value, str):
        return replace_text(value, replacements)
    if isinstance(value, list):
        return [replace_value(v, replacements) for v in value]
    if isinstance(value, dict):
        return {replace_text(k, replacements): replace_value(v, replacements) for k, v in value.items()}
    return value


def _patterns(needle: str) -> set[str]:
    # JSON columns may hold non-ASCII as \\uXXXX escapes; SQLite's lower() folds ASCII only.
    return {needle, needle.lower(), json.dumps(needle)[1:-1], json.dumps(needle.lower())[1:-1]}


def scrub_database(conn: Connection, replacements: dict[str, str]) -> int:
    """Rewrite every matching text/JSON cell; returns the number of rows changed."""
    wanted = needles(replacements)
    if not wanted:
        return 0
    changed = 0
    for table in t.metadata.sorted_tables:
        pk = list(table.primary_key.columns)
        columns = [
            c for c in table.columns
            if isinstance(c.type, (*_TEXT_TYPES, JSON)) and (table.name, c.name) not in SKIP_COLUMNS
        ]
        if not pk or not columns:
            continue
        conditions = []
        for column in columns:
            as_text = cast(column, Text) if isinstance(column.type, JSON) else column
            for needle in wanted:
                for pattern in _patterns(needle):
                    conditions.append(func.lower(as_text).contains(pattern.lower(), autoescape=True))
                    conditions.append(as_text.contains(pattern, autoescape=True))
        for row in conn.execute(select(*pk, *columns).where(or_(*conditions))).all():
            values = {}
            for column in columns:
                old = row._mapping[column.name]
                new = replace_value(old, replacements)
                if new != old:
                    values[column.name] = new
            if values:
                key = [c == row._mapping[c.name] for c in pk]
                conn.execute(update(table).where(*key).values(**values))
                changed += 1
    return changed


def file_mentions(path: Path, wanted: Iterable[str]) -> bool:
    """Raw bytes, and the members of zip containers (.docx, .xlsx), case-insensitively."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    lowered = [w.lower() for w in wanted if w]
    blobs = [data]
    if data[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                blobs += [archive.read(name) for name in archive.namelist()]
        except (zipfile.BadZipFile, OSError, RuntimeError):
            pass
    for blob in blobs:
        text = blob.decode("utf-8", errors="ignore").lower()
        if any(w in text for w in lowered):
            return True
    return False
