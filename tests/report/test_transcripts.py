"""Transcript import: WebVTT (Teams voice tags, Zoom prefixes), text and .docx become notes with speakers and times."""

from __future__ import annotations

import io

import docx
import pytest

from arena.domain.model import NoteKind, SpeakerKind
from arena.domain.text import ValidationError
from arena.report.transcripts import GROUP, MODERATOR, Candidate, parse_transcript, propose_mapping, similarity
from arena.services import notes, transcripts
from arena.services.auth import LOCAL_USER, Actor, PermissionDenied, Role

TEAMS_VTT = """WEBVTT

a1b2c3d4-0001
00:00:05.120 --> 00:00:09.000
<v Sanne de Vries>Welkom allemaal, fijn dat u er bent.</v>

a1b2c3d4-0002
00:01:02.500 --> 00:01:06.000
<v Jeroen Bakker>Ik heb drie keer gebeld over de storing.</v>

a1b2c3d4-0003
00:01:06.000 --> 00:01:09.000
<v Jeroen Bakker>En niemand belde terug.</v>

a1b2c3d4-0004
00:02:10.000 --> 00:02:15.000
<v Fatima El Amrani>De factuur klopte ook niet.</v>

a1b2c3d4-0005
01:02:03.250 --> 01:02:05.000
<v Jeroen Bakker>Toch blijf ik klant.</v>
"""

ZOOM_VTT = """WEBVTT

1
00:00:01.000 --> 00:00:03.000
Sanne de Vries: Goedemiddag.

2
00:00:04.000 --> 00:00:08.000
Jeroen: Het duurde weken voor de offerte kwam.

3
00:00:09.000 --> 00:00:12.000
Peter Visser: Herkenbaar.
"""


def test_vtt_with_three_speakers_becomes_notes_with_speakers_and_times(demo):
    found = transcripts.preview(demo.db, LOCAL_USER, demo.session_id, "vergadering.vtt", TEAMS_VTT.encode())
    people = {p.name: p for p in demo.people()}
    assert found.speakers == ["Sanne de Vries", "Jeroen Bakker", "Fatima El Amrani"]
    assert found.proposal == {"Sanne de Vries": MODERATOR, "Jeroen Bakker": people["Jeroen Bakker"].id,
                              "Fatima El Amrani": people["Fatima El Amrani"].id}
    before = {n.id for n in demo.notes()}
    result = transcripts.import_cues(demo.db, LOCAL_USER, demo.session_id, found.cues, found.proposal)
    assert (result.created, result.already_there) == (4, 0)  # two consecutive Jeroen cues are one turn
    new = sorted((n for n in demo.notes() if n.id not in before), key=lambda n: n.recording_offset_s)
    assert [(n.speaker_kind, n.participant_id, n.recording_offset_s) for n in new] == [
        (SpeakerKind.MODERATOR, None, 5.12),
        (SpeakerKind.PARTICIPANT, people["Jeroen Bakker"].id, 62.5),
        (SpeakerKind.PARTICIPANT, people["Fatima El Amrani"].id, 130.0),
        (SpeakerKind.PARTICIPANT, people["Jeroen Bakker"].id, 3723.25),
    ]
    assert new[1].text == "Ik heb drie keer gebeld over de storing. En niemand belde terug."
    assert all(n.kind is NoteKind.UITSPRAAK for n in new)
    assert new[0].agenda_item_id is not None  # placed by the agenda's time boxes

    again = transcripts.import_cues(demo.db, LOCAL_USER, demo.session_id, found.cues, found.proposal)
    assert (again.created, again.already_there) == (0, 4)
    assert len(demo.notes()) == len(before) + 4


def test_zoom_prefixes_first_names_and_edited_mapping(demo):
    found = transcripts.preview(demo.db, LOCAL_USER, demo.session_id, "zoom.vtt", ZOOM_VTT.encode())
    people = {p.name: p for p in demo.people()}
    assert [c.speaker for c in found.cues] == ["Sanne de Vries", "Jeroen", "Peter Visser"]
    assert found.proposal["Jeroen"] == people["Jeroen Bakker"].id
    assert found.proposal["Peter Visser"] == people["Peter Visser"].id
    mapping = {**found.proposal, "Peter Visser": GROUP}  # the reviewer changes one speaker
    transcripts.import_cues(demo.db, LOCAL_USER, demo.session_id, found.cues, mapping)
    imported = {n.text: n for n in demo.notes() if n.recording_offset_s is not None}
    assert imported["Herkenbaar."].speaker_kind is SpeakerKind.GROUP
    assert imported["Het duurde weken voor de offerte kwam."].participant_id == people["Jeroen Bakker"].id


def test_plain_text_and_docx_with_name_lines():
    text = "[00:00:10] Anneke Mulder: Eerste zin\ndie doorloopt.\n00:00:20 Ruben: Tweede.\nIngrid Kok: Zonder tijd.\n"
    cues = parse_transcript("notulen.txt", text.encode("utf-8"))
    assert [(c.start_s, c.speaker, c.text) for c in cues] == [
        (10.0, "Anneke Mulder", "Eerste zin die doorloopt."), (20.0, "Ruben", "Tweede."), (None, "Ingrid Kok", "Zonder tijd.")]

    document = docx.Document()
    document.add_paragraph("Transcript klantenarena")
    document.add_paragraph("Youssef Benali: De bakkerij stond een dag stil.")
    document.add_paragraph("Marieke de Boer   0:45")  # Teams' Word export: name and time, then the words
    document.add_paragraph("Bij ons ook.")
    out = io.BytesIO()
    document.save(out)
    cues = parse_transcript("teams.docx", out.getvalue())
    assert [(c.speaker, c.text, c.start_s) for c in cues] == [
        ("Youssef Benali", "De bakkerij stond een dag stil.", None), ("Marieke de Boer", "Bij ons ook.", 45.0)]


@pytest.mark.parametrize("name,data,message", [
    ("x.vtt", b"geen vtt", "eerste regel moet \u2018WEBVTT\u2019"),
    ("x.vtt", b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\n", "bevat geen uitspraken"),
    ("x.docx", b"PK\x03\x04kapot", "geen geldig Word-bestand"),
    ("x.txt", b"alleen tekst zonder sprekers", "bevat geen uitspraken"),
    ("x.pdf", b"%PDF", "wordt niet ondersteund"),
    ("x.txt", b"\xff\xfe\x00\xd8", "geen leesbare tekst"),
])
def test_malformed_files_give_a_clear_dutch_message(name, data, message):
    with pytest.raises(ValidationError, match=message):
        parse_transcript(name, data)


def test_mapping_by_name_similarity():
    candidates = [Candidate(1, "Jeroen Bakker", "K1"), Candidate(2, "Fatima El Amrani", "K2"), Candidate(3, "Peter Visser", "K3")]
    proposal = propose_mapping(["jeroen bakker (Gast)", "F. El Amrani", "Onbekend 4", "Sanne"], candidates, "Sanne de Vries")
    assert proposal == {"jeroen bakker (Gast)": 1, "F. El Amrani": 2, "Onbekend 4": GROUP, "Sanne": MODERATOR}
    assert similarity("Jéroen Bakker", "Jeroen Bakker") == 1.0
    assert similarity("Piet", "Jeroen Bakker") < 0.5


def test_import_needs_capture_rights_and_valid_participants(demo):
    with pytest.raises(PermissionDenied):
        transcripts.preview(demo.db, Actor("Lezer", Role.LEZER, 3), demo.session_id, "a.vtt", TEAMS_VTT.encode())
    found = transcripts.preview(demo.db, LOCAL_USER, demo.session_id, "a.vtt", TEAMS_VTT.encode())
    before = len(notes.list_notes(demo.db, LOCAL_USER, demo.session_id))
    with pytest.raises(ValidationError, match="niet bij deze sessie hoort"):
        transcripts.import_cues(demo.db, LOCAL_USER, demo.session_id, found.cues, {"Jeroen Bakker": 10**6})
    assert len(notes.list_notes(demo.db, LOCAL_USER, demo.session_id)) == before  # nothing half-imported
