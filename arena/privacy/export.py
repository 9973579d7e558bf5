"""Everything stored about one participant (AVG art. 15): a JSON file and a readable .docx.

Linked records: the participant row, consent and zorgklant events, every note in which the
person speaks (all versions, events, analyses, human labels, key quotes, action evidence),
notes of others that mention the name, audit entries and erasure log entries.
"""

from __future__ import annotations

import io
import json
from datetime import date, datetime, time
from typing import Any

from docx import Document
from sqlalchemy import Connection, or_, select

from arena.domain.text import word_safe
from arena.privacy.erasure import speaker_note_ids
from arena.services.auth import Actor, Permission, require
from arena.services.sessions import NotFound
from arena.store import tables as t
from arena.store.database import Database
from arena.store.types import utcnow

FORMAT_VERSION = 1


def _rows(conn: Connection, query) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(query)]


def person_export(db: Database, actor: Actor, participant_id: int) -> dict[str, Any]:
    require(actor, Permission.PERSONAL_DATA)
    with db.read() as conn:
        person = conn.execute(select(t.participants).where(t.participants.c.id == participant_id)).first()
        if person is None:
            raise NotFound("Deelnemer bestaat niet (meer).")
        session = conn.execute(
            select(t.sessions.c.id, t.sessions.c.title, t.sessions.c.date, t.sessions.c.organisation)
            .where(t.sessions.c.id == person.session_id)
        ).one()
        note_ids = speaker_note_ids(conn, participant_id)
        notes = [_note(conn, note_id) for note_id in note_ids]
        mentions = _mentions(conn, person, set(note_ids))
        by_id = t.consent_events.c.participant_id == participant_id
        return {
            "format": "klantenarena-persoonsexport",
            "format_version": FORMAT_VERSION,
            "exported_at": utcnow(),
            "exported_by": actor.name,
            "participant": dict(person._mapping),
            "session": dict(session._mapping),
            "consent_events": _rows(conn, select(t.consent_events).where(by_id).order_by(t.consent_events.c.id)),
            "zorgklant_events": _rows(conn, select(t.zorgklant_events)
                                      .where(t.zorgklant_events.c.participant_id == participant_id)
                                      .order_by(t.zorgklant_events.c.id)),
            "notes": notes,
            "mentions_in_other_notes": mentions,
            "audit_log": _rows(conn, select(t.audit_log).where(
                t.audit_log.c.entity == "participant", t.audit_log.c.entity_id == participant_id).order_by(t.audit_log.c.id)),
            "erasure_log": _rows(conn, select(t.erasure_log).where(t.erasure_log.c.participant_id == participant_id)),
        }


def _note(conn: Connection, note_id: int) -> dict[str, Any]:
    note = dict(conn.execute(select(t.notes).where(t.notes.c.id == note_id)).one()._mapping)
    versions = _rows(conn, select(t.note_versions).where(t.note_versions.c.note_id == note_id).order_by(t.note_versions.c.version))
    version_ids = [v["id"] for v in versions]
    actions = select(t.improvement_actions.c.id, t.improvement_actions.c.title, t.improvement_actions.c.status).join(
        t.action_evidence, t.action_evidence.c.action_id == t.improvement_actions.c.id
    ).where(t.action_evidence.c.note_id == note_id)
    return {
        **note,
        "versions": versions,
        "events": _rows(conn, select(t.note_events).where(t.note_events.c.note_id == note_id).order_by(t.note_events.c.id)),
        "analyses": _rows(conn, select(t.note_analyses).where(t.note_analyses.c.note_version_id.in_(version_ids))),
        "human_labels": _rows(conn, select(t.human_labels).where(t.human_labels.c.note_id == note_id).order_by(t.human_labels.c.id)),
        "key_quotes": _rows(conn, select(t.key_quotes).where(t.key_quotes.c.note_id == note_id).order_by(t.key_quotes.c.id)),
        "action_evidence": _rows(conn, actions),
    }


def _mentions(conn: Connection, person, own: set[int]) -> list[dict[str, Any]]:
    """Other notes whose text (any version) names the person; shown so the export is complete."""
    terms = [x for x in (person.name, person.email) if x and len(x.strip()) >= 3]
    if not terms:
        return []
    text = t.note_versions.c.text
    query = select(t.note_versions).where(or_(*[text.contains(term, autoescape=True) for term in terms]))
    return [r for r in _rows(conn, query.order_by(t.note_versions.c.note_id, t.note_versions.c.version))
            if r["note_id"] not in own]


def _json_default(value: Any) -> str:
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return str(value)


def to_json(export: dict[str, Any]) -> bytes:
    return json.dumps(export, default=_json_default, ensure_ascii=False, indent=2).encode("utf-8")


def _fmt(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y %H:%M UTC")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    return str(value)


PARTICIPANT_LABELS = {
    "code": "Code", "name": "Naam", "organisation": "Organisatie", "email": "E-mail", "segment": "Segment",
    "account_manager": "Accountmanager", "consent_given_at": "Toestemming gegeven", "consent_text_version":
    "Versie toestemmingstekst", "consent_withdrawn_at": "Toestemming ingetrokken", "zorgklant": "Zorgklant",
    "zorgklant_reason": "Reden zorgklant", "zorgklant_owner": "Eigenaar zorgklant", "zorgklant_since": "Zorgklant sinds",
    "erased_at": "Gewist op",
}


def to_docx(export: dict[str, Any]) -> bytes:
    """A readable copy for the person; every value passes word_safe (python-docx refuses control characters)."""
    doc = Document()
    person = export["participant"]
    doc.add_heading(word_safe(f"Persoonsgegevens van {person['name']}"), level=0)
    doc.add_paragraph(word_safe(
        f"Sessie: {export['session']['title']} ({_fmt(export['session']['date'])}). "
        f"Overzicht gemaakt op {_fmt(export['exported_at'])} door {export['exported_by']}."))
    _table(doc, [(label, _fmt(person.get(key))) for key, label in PARTICIPANT_LABELS.items()])

    doc.add_heading("Toestemming", level=1)
    _events(doc, export["consent_events"], lambda e: f"{_fmt(e['at'])}: {'gegeven' if e['action'] == 'given' else 'ingetrokken'}"
            f" (tekstversie {e['text_version'] or '—'}, vastgelegd door {e['by']})")
    doc.add_heading("Zorgklant", level=1)
    _events(doc, export["zorgklant_events"], lambda e: f"{_fmt(e['at'])}: {e['action']} — {e['reason'] or 'geen reden'}"
            f" (eigenaar {e['owner'] or '—'}, door {e['by']})")

    doc.add_heading(f"Notities waarin u spreekt ({len(export['notes'])})", level=1)
    for note in export["notes"]:
        doc.add_heading(word_safe(f"Notitie {note['id']} — {_fmt(note['created_at'])}"
                                  + (" (verwijderd)" if note.get("deleted_at") else "")), level=2)
        for version in note["versions"]:
            doc.add_paragraph(word_safe(f"Versie {version['version']} ({_fmt(version['created_at'])}, {version['author']}): "
                                        f"{version['text']}"), style="List Bullet")
        for analysis in note["analyses"]:
            doc.add_paragraph(word_safe(f"Analyse ({analysis['engine_version']}): {analysis['polarity']}, thema's "
                                        f"{_fmt(analysis['themes'])}, trefwoorden {_fmt(analysis['keyphrases'])}"))
        for label in note["human_labels"]:
            doc.add_paragraph(word_safe(f"Beoordeling door {label['labelled_by']}: {label['polarity'] or '—'}, "
                                        f"thema's {_fmt(label['themes'])}"))
        for quote in note["key_quotes"]:
            doc.add_paragraph(word_safe(f"Kernuitspraak: {'ja' if quote['marked'] else 'nee'} ({quote['by']}, {_fmt(quote['at'])})"))
        for action in note["action_evidence"]:
            doc.add_paragraph(word_safe(f"Onderbouwt verbeteractie {action['id']}: {action['title']} ({action['status']})"))

    doc.add_heading(f"Andere notities waarin uw naam voorkomt ({len(export['mentions_in_other_notes'])})", level=1)
    _events(doc, export["mentions_in_other_notes"], lambda v: f"Notitie {v['note_id']}, versie {v['version']}: {v['text']}")
    doc.add_heading("Logboek", level=1)
    _events(doc, export["audit_log"], lambda e: f"{_fmt(e['at'])}: {e['action']} door {e['actor']}")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _events(doc, rows: list[dict[str, Any]], line) -> None:
    if not rows:
        doc.add_paragraph("Geen.")
    for row in rows:
        doc.add_paragraph(word_safe(line(row)), style="List Bullet")


def _table(doc, pairs: list[tuple[str, str]]) -> None:
    table = doc.add_table(rows=0, cols=2)
    table.style = "Light Grid Accent 1"
    for label, value in pairs:
        cells = table.add_row().cells
        cells[0].text = word_safe(label)
        cells[1].text = word_safe(value)
