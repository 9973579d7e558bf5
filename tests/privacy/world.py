"""A session where one person is linked to every kind of record, for export and erasure tests."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import insert

from arena.domain.model import SpeakerKind
from arena.services import actions, notes, sessions
from arena.services.auth import LOCAL_USER
from arena.store import tables as t
from arena.store.database import Database
from arena.store.types import utcnow

NAME = "Wilhelmina Zonneveld-Oostbroek"
ORG = "Kaasmakerij Het Gouden Wiel"
EMAIL = "w.zonneveld@goudenwiel.example"
OTHER = "Pieter Verhoeven"


@dataclass
class World:
    session_id: int
    person_id: int
    other_id: int
    own_note_ids: list[int]
    other_note_id: int
    action_id: int


def build_world(db: Database) -> World:
    a = LOCAL_USER
    s = sessions.create_session(db, a, title="Sessie met gevoelige gegevens")
    person = sessions.add_participant(db, a, s.id, NAME, organisation=ORG, email=EMAIL)
    other = sessions.add_participant(db, a, s.id, OTHER, organisation="Verhoeven Transport")
    sessions.record_consent(db, a, person.id, "v2026-1")
    sessions.withdraw_consent(db, a, person.id)
    sessions.record_consent(db, a, person.id, "v2026-2")
    sessions.set_zorgklant(db, a, person.id, True, reason=f"{NAME} belde drie keer boos over {ORG}")
    first = notes.save_note(db, a, s.id, f"Ik ben {NAME} van {ORG} en de factuur klopt nooit.",
                            speaker_kind=SpeakerKind.PARTICIPANT, participant_id=person.id)
    notes.edit_note(db, a, first.id, text=f"Ik ben {NAME} van {ORG}; de factuur klopt vaak niet. Mail {EMAIL}.")
    second = notes.save_note(db, a, s.id, "Wachten op de helpdesk duurt veel te lang.",
                             speaker_kind=SpeakerKind.PARTICIPANT, participant_id=person.id)
    about = notes.save_note(db, a, s.id, f"Ik ben het eens met {NAME.split()[0]} {NAME.split()[1]}: {ORG} heeft gelijk.",
                            speaker_kind=SpeakerKind.PARTICIPANT, participant_id=other.id)
    # A group note first attributed to the person, later corrected: the person is in an older version only.
    moved = notes.save_note(db, a, s.id, "Het portaal is onoverzichtelijk.",
                            speaker_kind=SpeakerKind.PARTICIPANT, participant_id=person.id)
    notes.edit_note(db, a, moved.id, speaker_kind=SpeakerKind.GROUP)
    now = utcnow()
    with db.write() as conn:
        conn.execute(insert(t.note_analyses).values(
            note_version_id=first.version_id, engine_version="test-1", polarity="irritatie", themes=["facturatie"],
            theme_scores={"facturatie": 0.9}, intensity=0.8, sentiment=-0.7, effort=True,
            cues=[{"text": NAME, "kind": "naam"}], keyphrases=[f"factuur {ORG}"], analysed_at=now))
        conn.execute(insert(t.human_labels).values(note_id=first.id, polarity="irritatie", themes=["facturatie"],
                                                   labelled_by="Analist", labelled_at=now))
        conn.execute(insert(t.key_quotes).values(note_id=first.id, marked=True, by="Analist", at=now))
    action = actions.create_action(db, a, s.id, f"Facturen controleren (n.a.v. {NAME})",
                                   evidence_note_ids=[first.id, second.id])
    return World(s.id, person.id, other.id, [first.id, second.id, moved.id], about.id, action.id)
