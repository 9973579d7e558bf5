"""CSV and XLSX exports: content, pseudonymisation and formula injection."""

from __future__ import annotations

import csv
import io

import openpyxl

from arena.domain.model import SpeakerKind
from arena.services import analysis, notes, reporting
from arena.services.auth import LOCAL_USER
from tests.report.conftest import PERSONAL

PAYLOAD = "=cmd|' /C calc'!A0"


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_formula_payload_is_text_in_csv_and_xlsx(demo):
    person = demo.people()[0]
    for text in (PAYLOAD, "+31 6 1234", "-2 sterren", "@SUM(A1)", "\tverborgen", "gewoon = tekst"):
        notes.save_note(demo.db, LOCAL_USER, demo.session_id, text, speaker_kind=SpeakerKind.PARTICIPANT,
                        participant_id=person.id)
    rows = read_csv(reporting.export(demo.db, LOCAL_USER, demo.session_id, "csv"))
    texts = [r["Tekst"] for r in rows]
    assert "'" + PAYLOAD in texts
    assert "'+31 6 1234" in texts and "'-2 sterren" in texts and "'@SUM(A1)" in texts
    assert "gewoon = tekst" in texts  # only a leading trigger is escaped
    assert not any(t.startswith(("=", "+", "-", "@")) for r in rows for t in r.values())

    book = openpyxl.load_workbook(io.BytesIO(reporting.export(demo.db, LOCAL_USER, demo.session_id, "xlsx")))
    sheet = book["Notities"]
    header = [c.value for c in sheet[1]]
    column = header.index("Tekst") + 1
    cells = [sheet.cell(row=r, column=column) for r in range(2, sheet.max_row + 1)]
    payload = next(c for c in cells if c.value and PAYLOAD in c.value)
    assert payload.data_type == "s"
    assert payload.value == "'" + PAYLOAD
    assert all(c.data_type == "s" for c in cells)
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)


def test_export_rows_carry_analysis_labels_and_codes_not_names(demo):
    listed = demo.notes()
    person = demo.people()[0]
    note = notes.save_note(demo.db, LOCAL_USER, demo.session_id, f"{person.name} werd niet teruggebeld",
                           speaker_kind=SpeakerKind.PARTICIPANT, participant_id=person.id)
    analysis.set_label(demo.db, LOCAL_USER, note.id, polarity="irritatie", themes=["bereikbaarheid"])
    rows = read_csv(reporting.export(demo.db, LOCAL_USER, demo.session_id, "csv"))
    assert len(rows) == len(listed) + 1
    row = next(r for r in rows if r["Notitie-id"] == str(note.id))
    assert row["Tekst"] == f"{person.code} werd niet teruggebeld"
    assert row["Spreker"].startswith(person.code)
    assert row["Polariteit"] == "Irritatie"
    assert row["Thema's"] == "Bereikbaarheid & reactiesnelheid"
    assert row["Door team gelabeld"] == "ja"
    for fmt in ("csv", "xlsx"):
        data = reporting.export(demo.db, LOCAL_USER, demo.session_id, fmt)
        from tests.report.conftest import all_text

        text = data.decode("utf-8-sig") if fmt == "csv" else all_text(data)
        assert not [secret for secret in PERSONAL if secret in text], fmt


def test_real_names_in_export_only_when_asked(demo):
    person = demo.people()[0]
    notes.save_note(demo.db, LOCAL_USER, demo.session_id, "hallo", speaker_kind=SpeakerKind.PARTICIPANT,
                    participant_id=person.id)
    rows = read_csv(reporting.export(demo.db, LOCAL_USER, demo.session_id, "csv", real_names=True))
    assert any(r["Spreker"].startswith(f"{person.name} ({person.code}") for r in rows)


def test_key_phrases_and_cues_are_pseudonymised_too(demo):
    from arena.nlp.results import Cue, NoteResult

    person = demo.people()[0]
    note = notes.save_note(demo.db, LOCAL_USER, demo.session_id, f"{person.name} wacht al weken",
                           speaker_kind=SpeakerKind.PARTICIPANT, participant_id=person.id)
    result = NoteResult("irritatie", [("bereikbaarheid", 0.9)], 0.7, -0.6, True,
                        [Cue(0, len(person.name), person.name, "negative")], [person.name.lower(), "weken wachten"])
    analysis.store_result(demo.db, note, result)
    rows = read_csv(reporting.export(demo.db, LOCAL_USER, demo.session_id, "csv"))
    row = next(r for r in rows if r["Notitie-id"] == str(note.id))
    assert row["Kernwoorden"] == f"{person.code}; weken wachten"
    assert row["Intensiteit"] == "0,7" and row["Moeite"] == "ja"
