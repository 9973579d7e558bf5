"""A known data set in a real SQLite file, built through the services, shared by dashboard and chart tests.

Session A (1 Oct 2026) and session B (1 Dec 2026). Effective irritations (after human labels):
A: 7 — facturatie 3, bereikbaarheid 2, overdracht 2, product 1; B: 4 — offerte 2, bereikbaarheid 1, afspraken 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from arena.domain.model import Segment, SpeakerKind
from arena.nlp.results import NoteResult
from arena.services import analysis, notes, sessions
from arena.services.auth import Actor
from arena.store.database import Database

VERSION = "test-1"

# key, text, speaker, topic, machine polarity, machine themes, intensity, sentiment
A_NOTES = [
    ("a1", "Ik werd drie keer niet teruggebeld.", "K1", "bereik", "irritatie", ["bereikbaarheid"], 0.8, -0.7),
    ("a2", "De wachttijd aan de telefoon is veel te lang.", "K2", "bereik", "irritatie", ["bereikbaarheid", "overdracht"], 0.6, -0.5),
    ("a3", "De factuur klopte weer niet.", "K1", "factuur", "irritatie", ["facturatie"], 0.7, -0.6),
    ("a4", "De monteur was erg vriendelijk.", "K2", "factuur", "positief", ["bejegening"], 0.0, 0.8),
    ("a5", "Ik moest mijn verhaal steeds opnieuw doen.", "K2", "bereik", "neutraal", [], 0.0, 0.0),
    ("a6", "Een herinnering terwijl ik al betaald had.", None, "factuur", "irritatie", ["facturatie"], 0.5, -0.4),
    ("a7", "Het product werkt prima.", "K1", "factuur", "irritatie", ["product"], 0.3, -0.1),
    ("a8", "Weer een foute factuur.", "K1", "factuur", "irritatie", ["facturatie"], 0.9, -0.8),
    ("a9", "De nieuwe ketel maakt veel herrie.", "K2", "factuur", "irritatie", ["product"], 0.4, -0.3),
]
B_NOTES = [
    ("b1", "De telefoon nam niemand op.", "K1", "bereik", "irritatie", ["bereikbaarheid"], 0.5, -0.5),
    ("b2", "De factuur was nu goed.", "K1", "bereik", "positief", ["facturatie"], 0.0, 0.6),
    ("b3", "De offerte kwam te laat.", "K1", "bereik", "irritatie", ["offerte"], 0.5, -0.5),
    ("b4", "Ik kreeg nooit een offerte.", "K1", "bereik", "irritatie", ["offerte"], 0.6, -0.6),
    ("b5", "De monteur kwam niet opdagen.", "K1", "bereik", "irritatie", ["afspraken"], 0.7, -0.7),
]
# Human corrections: a5 becomes an irritation about overdracht, a7 is positive after all.
LABELS = {"a5": ("irritatie", ["overdracht"]), "a7": ("positief", ["product"])}


@dataclass
class Known:
    session_a: int
    session_b: int
    note_ids: dict[str, int] = field(default_factory=dict)
    participant_ids: dict[str, int] = field(default_factory=dict)  # "A:K1" -> id


def result(polarity: str, themes: list[str], intensity: float, sentiment: float) -> NoteResult:
    return NoteResult(polarity=polarity, themes=[(c, 0.9 - 0.1 * i) for i, c in enumerate(themes)],
                      intensity=intensity, sentiment=sentiment, effort=False, keyphrases=["test"])


def _session(db: Database, actor: Actor, known: Known, tag: str, when: date, spec: list, people: dict[str, Segment]) -> int:
    session = sessions.create_session(db, actor, title=f"Sessie {tag}", date=when)
    items = {
        "bereik": sessions.add_agenda_item(db, actor, session.id, "Bereikbaarheid").id,
        "factuur": sessions.add_agenda_item(db, actor, session.id, "Facturen").id,
    }
    codes = {}
    for name, segment in people.items():
        person = sessions.add_participant(db, actor, session.id, name, segment=segment)
        codes[person.code] = person.id
        known.participant_ids[f"{tag}:{person.code}"] = person.id
    sessions.start_live(db, actor, session.id)
    for key, text, speaker, topic, polarity, themes, intensity, sentiment in spec:
        note = notes.save_note(
            db, actor, session.id, text,
            speaker_kind=SpeakerKind.PARTICIPANT if speaker else SpeakerKind.GROUP,
            participant_id=codes.get(speaker), agenda_item_id=items[topic],
        )
        analysis.store_result(db, note, result(polarity, themes, intensity, sentiment), VERSION)
        known.note_ids[key] = note.id
    return session.id


def build(db: Database, actor: Actor) -> Known:
    known = Known(0, 0)
    known.session_a = _session(db, actor, known, "A", date(2026, 10, 1), A_NOTES,
                               {"Anna": Segment.VASTE_KLANT, "Bert": Segment.VERTREKKER})
    known.session_b = _session(db, actor, known, "B", date(2026, 12, 1), B_NOTES, {"Carla": Segment.VASTE_KLANT})
    for key, (polarity, themes) in LABELS.items():
        analysis.set_label(db, actor, known.note_ids[key], polarity=polarity, themes=themes)
    return known


def read(db: Database, actor: Actor, *session_ids: int):
    return analysis.analysed_notes(db, actor, list(session_ids), version=VERSION)
