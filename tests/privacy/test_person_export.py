"""The per-person export holds every linked record, as JSON and as a readable .docx."""

from __future__ import annotations

import io
import json

import pytest
from docx import Document

from arena.privacy.export import person_export, to_docx, to_json
from arena.services.auth import Actor, PermissionDenied, Role
from tests.privacy.world import EMAIL, NAME, ORG, build_world


def test_export_contains_every_linked_record(db, actor):
    world = build_world(db)
    export = person_export(db, actor, world.person_id)
    assert export["participant"]["name"] == NAME and export["participant"]["email"] == EMAIL
    assert [e["action"] for e in export["consent_events"]] == ["given", "withdrawn", "given"]
    assert [e["text_version"] for e in export["consent_events"]] == ["v2026-1", "v2026-1", "v2026-2"]
    assert export["zorgklant_events"][0]["action"] == "flagged"
    assert sorted(n["id"] for n in export["notes"]) == sorted(world.own_note_ids)
    first = next(n for n in export["notes"] if n["id"] == world.own_note_ids[0])
    assert [v["version"] for v in first["versions"]] == [1, 2]
    assert "klopt nooit" in first["versions"][0]["text"] and EMAIL in first["versions"][1]["text"]
    assert first["analyses"][0]["keyphrases"] == [f"factuur {ORG}"]
    assert first["human_labels"][0]["polarity"] == "irritatie"
    assert first["key_quotes"][0]["marked"] is True
    assert first["action_evidence"][0]["id"] == world.action_id
    moved = next(n for n in export["notes"] if n["id"] == world.own_note_ids[2])
    assert moved["versions"][0]["participant_id"] == world.person_id and moved["versions"][1]["participant_id"] is None
    assert [m["note_id"] for m in export["mentions_in_other_notes"]] == [world.other_note_id]
    assert any(e["action"] == "participant.add" for e in export["audit_log"])

    data = json.loads(to_json(export))
    assert data["participant"]["name"] == NAME and len(data["notes"]) == 3

    doc = Document(io.BytesIO(to_docx(export)))
    body = "\n".join(p.text for p in doc.paragraphs) + "\n".join(c.text for r in doc.tables[0].rows for c in r.cells)
    assert NAME in body and EMAIL in body and "v2026-2" in body and "klopt nooit" in body
    assert "Onderbouwt verbeteractie" in body and "Kernuitspraak: ja" in body


@pytest.mark.parametrize("role", [Role.NOTULIST, Role.TEAM, Role.LEZER])
def test_only_personal_data_roles_may_export(db, actor, role):
    world = build_world(db)
    with pytest.raises(PermissionDenied):
        person_export(db, Actor("x", role), world.person_id)
    with pytest.raises(PermissionDenied):
        person_export(db, None, world.person_id)  # type: ignore[arg-type]


def test_export_survives_control_characters_in_docx(db, actor):
    world = build_world(db)
    from arena.domain.model import SpeakerKind
    from arena.services import notes

    notes.save_note(db, actor, world.session_id, "bel\x07 \x1b[31m rood \u202e gespiegeld",
                    speaker_kind=SpeakerKind.PARTICIPANT, participant_id=world.person_id)
    doc = Document(io.BytesIO(to_docx(person_export(db, actor, world.person_id))))
    assert any("rood" in p.text for p in doc.paragraphs)
