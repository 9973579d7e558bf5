"""Push the hostile corpus through every part that exists, and count what went wrong.

Shared by the pytest suite and scripts/hostile_figures.py (which also runs the slow 1 MB NLP path).
Parts built by other teams are used when importable, so new parts join the run automatically.
"""

from __future__ import annotations

import importlib
import io
import re
import threading
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from arena.domain.text import ValidationError, clean_note_text
from arena.services import notes, sessions
from arena.services.auth import PermissionDenied
from arena.services.sessions import NotFound
from tests.hostile.corpus import LARGE, NOTE_TEXTS, REFUSED_TEXTS, TRANSCRIPTS, upload_files

USER_ERRORS = (ValidationError, PermissionDenied, NotFound)
DUTCH = re.compile(r"\b(de|het|een|is|niet|geen|kies|bestand|er)\b", re.IGNORECASE)


@dataclass
class Tally:
    crashes: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)
    formula_cells: int = 0
    external_links: int = 0
    script_in_output: int = 0
    checked: Counter = field(default_factory=Counter)
    seconds: dict[str, float] = field(default_factory=dict)

    def crash(self, where: str, exc: BaseException) -> None:
        self.crashes.append(f"{where}: {type(exc).__name__}: {str(exc)[:200]}")

    def refuse(self, where: str, exc: BaseException) -> None:
        message = str(exc)
        if not DUTCH.search(message):
            self.crashes.append(f"{where}: refusal without a Dutch message: {message[:200]}")
        self.refused[where] = message


class Sentinel:
    """A loopback HTTP server that counts every request it gets."""

    def __init__(self) -> None:
        hits: list[str] = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits.append(self.path)
                self.send_response(204)
                self.end_headers()

            do_POST = do_GET

            def log_message(self, *_args: Any) -> None:
                pass

        self.hits = hits
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sentinel"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def texts(sentinel_url: str, *, include_large: bool = True) -> dict[str, str]:
    return {k: v.format(sentinel=sentinel_url) for k, v in NOTE_TEXTS.items() if include_large or k not in LARGE}


def capture(db, actor, session_id: int, corpus: dict[str, str], tally: Tally) -> dict[str, int]:
    """Save every text through the capture service; read each back and compare."""
    saved: dict[str, int] = {}
    for name, text in {**corpus, **REFUSED_TEXTS}.items():
        started = time.perf_counter()
        try:
            note = notes.save_note(db, actor, session_id, text, client_token=f"hostile-{session_id}-{name}")
        except USER_ERRORS as exc:
            tally.refuse(f"capture:{name}", exc)
            continue
        except Exception as exc:
            tally.crash(f"capture:{name}", exc)
            continue
        tally.seconds[f"capture:{name}"] = time.perf_counter() - started
        expected = clean_note_text(text).strip()
        stored = notes.get_note(db, actor, note.id).text
        if stored != expected:
            tally.lost.append(f"{name}: stored text differs ({len(stored)} vs {len(expected)} chars)")
        saved[name] = note.id
        tally.checked["notes"] += 1
    for name in corpus:
        if name not in saved and f"capture:{name}" not in tally.refused:
            tally.lost.append(f"{name}: not saved")
    return saved


def engine_or_none():
    try:
        from arena.nlp import Engine
    except Exception:
        return None
    return Engine.load()


def nlp(engine, corpus: dict[str, str], tally: Tally) -> None:
    for name, text in corpus.items():
        started = time.perf_counter()
        try:
            result = engine.analyse(clean_note_text(text))  # what storage holds and the analysis service passes on
            assert result.polarity
        except USER_ERRORS as exc:
            tally.refuse(f"nlp:{name}", exc)
        except Exception as exc:
            tally.crash(f"nlp:{name}", exc)
        tally.seconds[f"nlp:{name}"] = time.perf_counter() - started
        tally.checked["nlp"] += 1


def analysis_and_charts(db, actor, engine, session_id: int, tally: Tally) -> list:
    from arena.services import analysis

    analysed: list = []
    try:
        if engine is not None:
            analysis.analyse_pending(db, actor, engine, [session_id])
        analysed = analysis.analysed_notes(db, actor, [session_id])
    except Exception as exc:
        tally.crash("analysis", exc)
    try:
        figures = importlib.import_module("arena.dashboard.figures")
    except ImportError:
        return analysed
    try:
        session = sessions.get_session(db, actor, session_id)
        built = figures.build_all(analysed, [session], timeline_session_id=session_id)
        for key, fig in built.items():
            payload = fig.to_json()
            tally.checked["charts"] += 1
            scan_markup(f"chart:{key}", payload, tally)
    except Exception as exc:
        tally.crash("charts", exc)
    return analysed


def scan_markup(where: str, payload: str, tally: Tally) -> None:
    """Live markup from user text in an output: script tags, or links/images to the sentinel."""
    if re.search(r"<script|<a\b[^>]*javascript:", payload, flags=re.IGNORECASE):
        tally.script_in_output += 1
        tally.crashes.append(f"{where}: script markup survives")
    for tag in re.findall(r"<(?:a|img|iframe)\b[^>]*sentinel[^>]*>", payload, flags=re.IGNORECASE):
        tally.external_links += 1
        tally.crashes.append(f"{where}: live tag {tag[:80]}")


def docx_external(data: bytes) -> int:
    """External relationships (hyperlinks, linked images) and field codes pointing at the sentinel."""
    count = 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            body = archive.read(name).decode("utf-8", errors="ignore")
            if name.endswith(".rels"):
                count += len(re.findall(r'TargetMode="External"[^>]*sentinel|sentinel[^>]*TargetMode="External"', body))
            if name.startswith("word/") and name.endswith(".xml"):
                count += len(re.findall(r"<w:instrText[^>]*>[^<]*(?:INCLUDEPICTURE|HYPERLINK|INCLUDETEXT)[^<]*sentinel", body))
    return count


def xlsx_formulas(data: bytes) -> int:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    return sum(1 for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.data_type == "f")


def csv_formulas(data: bytes) -> int:
    import csv
    import sys

    csv.field_size_limit(sys.maxsize)  # a 1 MB note is one field
    text = data.decode("utf-8-sig")
    rows = csv.reader(io.StringIO(text), delimiter=";")
    return sum(1 for row in rows for cell in row if cell[:1] in ("=", "+", "@", "\t", "\r") or re.match(r"-[^\d]", cell))


def report_and_exports(db, actor, session_id: int, corpus: dict[str, str], tally: Tally, *, charts: bool) -> None:
    try:
        reporting = importlib.import_module("arena.services.reporting")
    except ImportError:
        return
    from docx import Document

    try:
        data = reporting.build_report(db, actor, session_id, charts=charts)
        doc = Document(io.BytesIO(data))
        body = "\n".join(p.text for p in doc.paragraphs) + "".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
        tally.external_links += docx_external(data)
        tally.checked["report"] += 1
        if not body.strip():
            tally.lost.append("report is empty")
    except Exception as exc:
        tally.crash("report", exc)
    for fmt in getattr(reporting, "EXPORT_FORMATS", {}):
        try:
            data = reporting.export(db, actor, session_id, fmt)
        except USER_ERRORS as exc:
            tally.refuse(f"export:{fmt}", exc)
            continue
        except Exception as exc:
            tally.crash(f"export:{fmt}", exc)
            continue
        tally.checked["exports"] += 1
        if fmt == "xlsx":
            tally.formula_cells += xlsx_formulas(data)
        elif fmt == "csv":
            tally.formula_cells += csv_formulas(data)
            _every_text_in_csv(data, corpus, tally)
        elif data[:2] == b"PK":
            tally.external_links += docx_external(data)


def _every_text_in_csv(data: bytes, corpus: dict[str, str], tally: Tally) -> None:
    """The notes export is the lossless one: every note's text is in it (formula starts get a quote)."""
    import csv

    cells = {cell for row in csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";") for cell in row}
    for name, text in corpus.items():
        expected = clean_note_text(text).strip()
        if expected not in cells and "'" + expected not in cells:
            tally.lost.append(f"csv export lacks {name}")


def person_exports(db, actor, session_id: int, tally: Tally) -> None:
    from docx import Document

    from arena.domain.model import SpeakerKind
    from arena.privacy.export import person_export, to_docx, to_json

    person = sessions.add_participant(db, actor, session_id, "<b>Vijandige</b> \u202eNaam", organisation="=1+1")
    for name, text in {k: v for k, v in NOTE_TEXTS.items() if k not in LARGE}.items():
        try:
            notes.save_note(db, actor, session_id, text, speaker_kind=SpeakerKind.PARTICIPANT, participant_id=person.id)
        except USER_ERRORS:
            continue
        except Exception as exc:
            tally.crash(f"person-note:{name}", exc)
    try:
        export = person_export(db, actor, person.id)
        to_json(export)
        doc = to_docx(export)
        Document(io.BytesIO(doc))
        tally.external_links += docx_external(doc)
        tally.checked["person_exports"] += 1
    except Exception as exc:
        tally.crash("person-export", exc)


def uploads(db, actor, session_id: int, sentinel_url: str, tally: Tally) -> None:
    try:
        importer = importlib.import_module("arena.planning.importer")
        planning = importlib.import_module("arena.services.planning")
    except ImportError:
        return
    for name, (filename, data) in upload_files().items():
        data = data.replace(b"{sentinel}", sentinel_url.encode())
        started = time.perf_counter()
        try:
            preview = importer.parse_participant_file(data, filename)
            tally.checked["uploads"] += 1
            if preview.rows:
                planning.import_participants(db, actor, session_id, preview, only_good_rows=True)
        except USER_ERRORS as exc:
            tally.refuse(f"upload:{name}", exc)
        except Exception as exc:
            tally.crash(f"upload:{name}", exc)
        tally.seconds[f"upload:{name}"] = time.perf_counter() - started
    try:
        transcripts = importlib.import_module("arena.services.transcripts")
    except ImportError:
        return
    for name, (filename, data) in TRANSCRIPTS.items():
        try:
            transcripts.preview(db, actor, session_id, filename, data)
            tally.checked["transcripts"] += 1
        except USER_ERRORS as exc:
            tally.refuse(f"transcript:{name}", exc)
        except Exception as exc:
            tally.crash(f"transcript:{name}", exc)
