"""A demo session with deterministic labels: only notes the 'team' labelled are irritations."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass

import docx
import pytest

from arena.services import analysis, notes, sessions
from arena.services.auth import LOCAL_USER
from arena.services.demo import DEMO_FILE, create_demo_session
from arena.store.database import Database

DEMO = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
NAMES = [p["name"] for p in DEMO["participants"]]
ORGANISATIONS = [p["organisation"] for p in DEMO["participants"] if p["organisation"]]
EMAILS = [p["email"] for p in DEMO["participants"]]
PERSONAL = NAMES + ORGANISATIONS + EMAILS

# note index (in session order) -> (polarity, themes): a fixed "team labelling" to count against
LABELS = {
    5: ("irritatie", ["bereikbaarheid"]),
    6: ("irritatie", ["bereikbaarheid", "overdracht"]),
    7: ("irritatie", ["bereikbaarheid"]),
    10: ("irritatie", ["offerte"]),
    11: ("irritatie", ["afspraken"]),
    15: ("irritatie", ["facturatie"]),
    16: ("irritatie", ["product"]),
    20: ("positief", ["deskundigheid"]),
}


@dataclass
class Demo:
    db: Database
    session_id: int

    def notes(self):
        return notes.list_notes(self.db, LOCAL_USER, self.session_id)

    def people(self):
        return sessions.participants(self.db, LOCAL_USER, self.session_id)


@pytest.fixture
def demo(db: Database) -> Demo:
    session_id = create_demo_session(db, LOCAL_USER)
    listed = notes.list_notes(db, LOCAL_USER, session_id)
    for index, (polarity, themes) in LABELS.items():
        analysis.set_label(db, LOCAL_USER, listed[index].id, polarity=polarity, themes=themes)
    return Demo(db, session_id)


def all_text(data: bytes) -> str:
    """Every XML part of a .docx/.xlsx/.qdpx (body, tables, headers, footers, properties), joined."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(archive.read(name).decode("utf-8", errors="replace") for name in archive.namelist()
                         if name.endswith((".xml", ".rels", ".qde", ".txt")))


def visible_text(document: docx.document.Document) -> str:
    """What python-docx reads: paragraphs, tables, headers and footers, core properties."""
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            parts += [p.text for p in part.paragraphs]
    props = document.core_properties
    parts += [props.title or "", props.author or "", props.subject or "", props.keywords or "", props.comments or "",
              props.last_modified_by or "", props.category or ""]
    return "\n".join(parts)
