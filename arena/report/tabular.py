"""Notes with analysis and labels as CSV and XLSX, safe to open in Excel or LibreOffice.

Formula injection (OWASP "CSV injection"): a text cell starting with =, +, -, @, tab or carriage
return is prefixed with a single quote, so a spreadsheet shows it as text instead of running it.
In XLSX every text cell is also stored explicitly as a string (data_type "s"), never as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from arena.domain.taxonomy import load_taxonomy
from arena.domain.text import clean_note_text
from arena.services.analysis import AnalysedNote

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_XLSX_ILLEGAL = {c: None for c in (*range(0, 9), 11, 12, *range(14, 32))}  # openpyxl refuses these

COLUMNS: tuple[tuple[str, str], ...] = (
    ("notitie_id", "Notitie-id"),
    ("sessie_id", "Sessie-id"),
    ("minuut", "Minuut in sessie"),
    ("opname_s", "Tijd in opname (s)"),
    ("onderwerp", "Onderwerp"),
    ("spreker", "Spreker"),
    ("segment", "Segment"),
    ("soort", "Soort"),
    ("tekst", "Tekst"),
    ("polariteit", "Polariteit"),
    ("themas", "Thema's"),
    ("intensiteit", "Intensiteit"),
    ("sentiment", "Sentiment"),
    ("moeite", "Moeite"),
    ("door_team_gelabeld", "Door team gelabeld"),
    ("machine_polariteit", "Polariteit (automatisch)"),
    ("machine_themas", "Thema's (automatisch)"),
    ("kernquote", "Kernquote"),
    ("kernwoorden", "Kernwoorden"),
    ("auteur", "Notulist"),
)
NUMERIC = {"notitie_id", "sessie_id", "minuut", "opname_s", "intensiteit", "sentiment"}


def escape_formula(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def note_rows(notes: Sequence[AnalysedNote], real_names: dict[int, str] | None = None) -> list[dict[str, Any]]:
    """One row per note; `real_names` (participant id -> name) only when names were explicitly asked for."""
    taxonomy = load_taxonomy()
    names = real_names or {}

    def labels(codes: Sequence[str]) -> str:
        return "; ".join(taxonomy.label(c) for c in codes)

    rows = []
    for n in notes:
        person = names.get(n.note.participant_id or -1)
        rows.append({
            "notitie_id": n.note.id,
            "sessie_id": n.session_id,
            "minuut": round(n.note.seconds_since_start / 60, 1) if n.note.seconds_since_start is not None else None,
            "opname_s": round(n.note.recording_offset_s, 1) if n.note.recording_offset_s is not None else None,
            "onderwerp": n.agenda_topic,
            "spreker": f"{person} ({n.speaker_label})" if person else n.speaker_label,
            "segment": n.segment.label if n.segment else "",
            "soort": n.note.kind.label,
            "tekst": n.note.text,
            "polariteit": _polarity(n.polarity),
            "themas": labels(n.themes),
            "intensiteit": round(n.intensity, 3) if n.analysed else None,
            "sentiment": round(n.sentiment, 3) if n.analysed else None,
            "moeite": "ja" if n.effort else "nee",
            "door_team_gelabeld": "ja" if n.human_labelled else "nee",
            "machine_polariteit": _polarity(n.machine_polarity) if n.machine_polarity else "",
            "machine_themas": labels(n.machine_themes),
            "kernquote": "ja" if n.key_quote else "nee",
            "kernwoorden": "; ".join(n.keyphrases),
            "auteur": n.note.author,
        })
    return rows


def _polarity(code: str) -> str:
    try:
        return load_taxonomy().polarity(code).label
    except KeyError:
        return code


def _text(value: Any) -> str:
    return escape_formula(clean_note_text("" if value is None else str(value)))


def to_csv(rows: Sequence[dict[str, Any]]) -> bytes:
    """UTF-8 with BOM and ';' as separator: what Dutch Excel opens correctly by double-click."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([label for _, label in COLUMNS])
    for row in rows:
        writer.writerow([
            ("" if row[key] is None else str(row[key]).replace(".", ",")) if key in NUMERIC else _text(row[key])
            for key, _ in COLUMNS
        ])
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(rows: Sequence[dict[str, Any]]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Notities")
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for _, label in COLUMNS:
        cell = WriteOnlyCell(sheet, value=label)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in rows:
        cells = []
        for key, _ in COLUMNS:
            value = row[key]
            if key in NUMERIC:
                cells.append(value)
                continue
            cell = WriteOnlyCell(sheet, value=_text(value).translate(_XLSX_ILLEGAL))
            cell.data_type = "s"  # never a formula, whatever the text looks like
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
