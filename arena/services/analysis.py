"""Analysis of notes: stored once per note version and engine version; human labels always win.

The NLP engine knows text only (arena/nlp); this service ties its results to note versions,
and builds the read model ("analysed notes") that the dashboard, the report and the exports share.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any, Protocol

from sqlalchemy import Text, and_, func, insert, select, type_coerce
from sqlalchemy.exc import IntegrityError

from arena.domain.model import Note, Segment, SpeakerKind
from arena.domain.taxonomy import load_taxonomy
from arena.domain.text import ValidationError
from arena.services.auth import Actor, Permission, require, require_any
from arena.store import repo_audit, repo_notes
from arena.store import tables as t
from arena.store.bulk import gc_paused
from arena.store.database import Database
from arena.store.types import utcnow

log = logging.getLogger(__name__)

POLARITIES = ("irritatie", "positief", "neutraal", "suggestie")


class NoteResultLike(Protocol):
    polarity: str
    themes: list[tuple[str, float]]
    intensity: float
    sentiment: float
    effort: bool
    cues: list[Any]
    keyphrases: list[str]

    def to_dict(self) -> dict[str, Any]: ...


class EngineLike(Protocol):
    def analyse(self, text: str) -> NoteResultLike: ...
    def analyse_many(self, texts: list[str]) -> list[NoteResultLike]: ...


def engine_version() -> str:
    from arena.nlp import ENGINE_VERSION

    return ENGINE_VERSION


@dataclass(slots=True)
class AnalysedNote:
    """A note as the team sees it after analysis: machine results with human labels applied.

    Cues, key phrases and theme scores stay JSON text until first read: charts over 50,000
    notes never need them, and decoding them all would take most of the dashboard's time.
    """

    note: Note
    session_id: int
    participant_code: str | None
    segment: Segment | None
    agenda_topic: str
    agenda_position: int | None
    polarity: str  # effective: human label, else the declared kind (compliment, idea, action), else machine
    themes: list[str]  # effective, best first
    machine_polarity: str | None
    machine_themes: list[str]
    intensity: float = 0.0
    sentiment: float = 0.0
    effort: bool = False
    human_labelled: bool = False
    key_quote: bool = False
    analysed: bool = False
    raw_theme_scores: Any = None  # dict, or its JSON text until first read
    raw_cues: Any = None
    raw_keyphrases: Any = None

    @property
    def theme_scores(self) -> dict[str, float]:
        if isinstance(self.raw_theme_scores, str):
            self.raw_theme_scores = json.loads(self.raw_theme_scores)
        return self.raw_theme_scores or {}

    @property
    def cues(self) -> list[dict[str, Any]]:
        if isinstance(self.raw_cues, str):
            self.raw_cues = json.loads(self.raw_cues)
        return self.raw_cues or []

    @property
    def keyphrases(self) -> list[str]:
        if isinstance(self.raw_keyphrases, str):
            self.raw_keyphrases = json.loads(self.raw_keyphrases)
        return self.raw_keyphrases or []

    @property
    def speaker_label(self) -> str:
        if self.note.speaker_kind is SpeakerKind.PARTICIPANT and self.participant_code:
            segment = f", {self.segment.label.lower()}" if self.segment else ""
            return f"{self.participant_code}{segment}"
        return "Moderator" if self.note.speaker_kind is SpeakerKind.MODERATOR else "Groep"

    @property
    def is_irritation(self) -> bool:
        return self.polarity == "irritatie"


def _result_row(note: Note, result: NoteResultLike, version: str) -> dict[str, Any]:
    data = result.to_dict()
    return {
        "note_version_id": note.version_id,
        "engine_version": version,
        "polarity": result.polarity,
        "themes": [code for code, _ in result.themes],
        "theme_scores": {code: round(float(score), 4) for code, score in result.themes},
        "intensity": float(result.intensity),
        "sentiment": float(result.sentiment),
        "effort": bool(result.effort),
        "cues": data.get("cues", []),
        "keyphrases": list(result.keyphrases),
        "analysed_at": utcnow(),
    }


def store_result(db: Database, note: Note, result: NoteResultLike, version: str | None = None) -> None:
    """Store one result for the note's current version; a second store for the same version is a no-op."""
    row = _result_row(note, result, version or engine_version())
    try:
        with db.write() as conn:
            exists = conn.execute(
                select(t.note_analyses.c.id).where(
                    and_(
                        t.note_analyses.c.note_version_id == row["note_version_id"],
                        t.note_analyses.c.engine_version == row["engine_version"],
                    )
                )
            ).first()
            if exists is None:
                conn.execute(insert(t.note_analyses).values(**row))
    except IntegrityError:  # a concurrent analysis of the same version won the race: same result
        pass


def analyse_note(db: Database, engine: EngineLike, note: Note) -> NoteResultLike | None:
    """Analyse and store; never raises (capture must not depend on it). Returns None on failure."""
    try:
        result = engine.analyse(note.text)
        store_result(db, note, result)
        return result
    except Exception:  # logged and left for analyse_pending to retry
        log.exception("analysis of note %s failed", note.id)
        return None


def pending_notes(db: Database, session_ids: Sequence[int], version: str | None = None) -> list[Note]:
    """Current note versions without an analysis by this engine version."""
    version = version or engine_version()
    with db.read() as conn:
        done = set(
            conn.execute(
                select(t.note_analyses.c.note_version_id).where(t.note_analyses.c.engine_version == version)
            ).scalars()
        )
        notes = repo_notes.list_notes(conn, list(session_ids))
    return [n for n in notes if n.version_id not in done]


def analyse_pending(
    db: Database,
    actor: Actor,
    engine: EngineLike,
    session_ids: Sequence[int],
    *,
    progress: Callable[[int, int], None] | None = None,
    batch: int = 64,
) -> int:
    """Analyse every note version this engine has not seen; returns the number analysed."""
    require_any(actor, Permission.ANALYSE, Permission.CAPTURE)
    version = engine_version()
    todo = pending_notes(db, session_ids, version)
    for start in range(0, len(todo), batch):
        chunk = todo[start : start + batch]
        results = engine.analyse_many([n.text for n in chunk])
        rows = [_result_row(n, r, version) for n, r in zip(chunk, results, strict=True)]
        with db.write() as conn:
            done = set(
                conn.execute(
                    select(t.note_analyses.c.note_version_id).where(
                        and_(
                            t.note_analyses.c.engine_version == version,
                            t.note_analyses.c.note_version_id.in_([r["note_version_id"] for r in rows]),
                        )
                    )
                ).scalars()
            )
            fresh = [r for r in rows if r["note_version_id"] not in done]
            if fresh:
                conn.execute(insert(t.note_analyses), fresh)
        if progress:
            progress(min(start + batch, len(todo)), len(todo))
    return len(todo)


# --- human labels ---------------------------------------------------------------------------

def set_label(
    db: Database,
    actor: Actor,
    note_id: int,
    *,
    polarity: str | None = None,
    themes: list[str] | None = None,
) -> None:
    """A human correction; kept as a new row (history), the newest wins over any analysis."""
    require(actor, Permission.REVIEW)
    if polarity is not None and polarity not in POLARITIES:
        raise ValidationError(f"Onbekende polariteit: {polarity}")
    if themes is not None:
        unknown = set(themes) - set(load_taxonomy().codes)
        if unknown:
            raise ValidationError(f"Onbekende thema's: {', '.join(sorted(unknown))}")
    with db.write() as conn:
        conn.execute(
            insert(t.human_labels).values(
                note_id=note_id, polarity=polarity, themes=themes, labelled_by=actor.name, labelled_at=utcnow()
            )
        )
        repo_audit.log(conn, actor.name, "label.set", "note", note_id, {"polarity": polarity, "themes": themes})


def label_history(db: Database, actor: Actor, note_id: int) -> list[dict[str, Any]]:
    require(actor, Permission.ANALYSE)
    with db.read() as conn:
        rows = conn.execute(
            select(t.human_labels).where(t.human_labels.c.note_id == note_id).order_by(t.human_labels.c.id)
        )
        return [dict(r._mapping) for r in rows]


def set_key_quote(db: Database, actor: Actor, note_id: int, marked: bool) -> None:
    require(actor, Permission.REVIEW)
    with db.write() as conn:
        conn.execute(insert(t.key_quotes).values(note_id=note_id, marked=marked, by=actor.name, at=utcnow()))
        repo_audit.log(conn, actor.name, "quote.mark" if marked else "quote.unmark", "note", note_id)


# --- read model -----------------------------------------------------------------------------

def analysed_notes(
    db: Database,
    actor: Actor,
    session_ids: Sequence[int],
    *,
    version: str | None = None,
) -> list[AnalysedNote]:
    """Every live note of the sessions with its effective labels, in session order."""
    require_any(actor, Permission.ANALYSE, Permission.REPORT)
    with gc_paused():
        return _analysed_notes(db, list(session_ids), version)


def _analysed_notes(db: Database, ids: list[int], version: str | None) -> list[AnalysedNote]:
    if not ids:
        return []
    try:
        version = version or engine_version()
    except ImportError:
        version = version or ""
    with db.read() as conn:
        notes = repo_notes.list_notes(conn, ids)
        version_ids = [n.version_id for n in notes]
        note_ids = [n.id for n in notes]
        analyses = _analyses(conn, version_ids, version, ids)
        labels = _latest_labels(conn, note_ids, ids)
        quotes = _key_quotes(conn, ids)
        people = {
            r.id: (r.code, Segment(r.segment))
            for r in conn.execute(
                select(t.participants.c.id, t.participants.c.code, t.participants.c.segment).where(
                    t.participants.c.session_id.in_(ids)
                )
            )
        }
        topics = {
            r.id: (r.topic, r.position)
            for r in conn.execute(
                select(t.agenda_items.c.id, t.agenda_items.c.topic, t.agenda_items.c.position).where(
                    t.agenda_items.c.session_id.in_(ids)
                )
            )
        }
    out: list[AnalysedNote] = []
    no_analysis = (None, 0.0, 0.0, False, [], None, None, None)
    for note in notes:
        analysis = analyses.get(note.version_id)
        polarity_m, intensity, sentiment, effort, machine_themes, scores, cues, keyphrases = analysis or no_analysis
        label = labels.get(note.id)
        code, segment = people.get(note.participant_id, (None, None)) if note.participant_id else (None, None)
        topic, position = topics.get(note.agenda_item_id, ("", None)) if note.agenda_item_id else ("", None)
        polarity = note.kind.effective_polarity(polarity_m, label.get("polarity") if label else None, note.speaker_kind)
        themes = list(label["themes"]) if label and label.get("themes") is not None else list(machine_themes)
        out.append(
            AnalysedNote(
                note, note.session_id, code, segment, topic, position, polarity, themes, polarity_m,
                list(machine_themes), float(intensity), float(sentiment), bool(effort),
                label is not None, quotes.get(note.id, False), analysis is not None, scores, cues, keyphrases,
            )
        )
    return out


_ANALYSIS_JSON = ("themes", "theme_scores", "cues", "keyphrases")


def _theme_codes(value: Any) -> list[str]:
    """Few distinct theme lists exist, so decoding each distinct JSON text once saves most of the work."""
    return list(_decode_codes(value)) if isinstance(value, str) else list(value or [])


@lru_cache(maxsize=4096)
def _decode_codes(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text))


def _json(value: Any) -> Any:
    """JSON columns read as text (SQLite) are decoded here: much faster than per-value type processing."""
    return json.loads(value) if isinstance(value, str) else value


def _analyses(
    conn, version_ids: list[int], version: str, session_ids: list[int] | None = None
) -> dict[int, tuple]:
    """The analysis per version: this engine's, else the newest any engine made.

    With `session_ids` one joined query replaces many chunked IN lists (what a 50 000-note dashboard needs).
    """
    a = t.note_analyses
    columns = [a.c.note_version_id, a.c.engine_version, a.c.polarity, a.c.intensity, a.c.sentiment, a.c.effort]
    columns += [type_coerce(a.c[name], Text).label(name) for name in _ANALYSIS_JSON]
    if session_ids is not None:
        by_session = (
            select(*columns)
            .join(t.note_versions, t.note_versions.c.id == a.c.note_version_id)
            .join(t.notes, t.notes.c.id == t.note_versions.c.note_id)
            .where(t.notes.c.session_id.in_(session_ids))
            .order_by(a.c.id)
        )
        queries = [by_session]
    else:
        queries = [select(*columns).where(a.c.note_version_id.in_(chunk)).order_by(a.c.id) for chunk in _chunks(version_ids)]
    wanted = set(version_ids)
    latest: dict[int, Any] = {}
    for query in queries:
        for row in conn.execute(query).all():
            vid = row[0]
            if vid not in wanted:
                continue  # an earlier version of a note
            current = latest.get(vid)
            if current is None or current[1] != version:
                latest[vid] = row
    # Only the themes are decoded here; the rest is decoded by AnalysedNote on first read.
    # (polarity, intensity, sentiment, effort, themes, theme_scores, cues, keyphrases); only the themes
    # are decoded here, the rest by AnalysedNote on first read.
    return {vid: (row[2], row[3], row[4], row[5], _theme_codes(row[6]), row[7], row[8], row[9]) for vid, row in latest.items()}


def _latest_labels(conn, note_ids: list[int], session_ids: list[int] | None = None) -> dict[int, dict[str, Any]]:
    labels: dict[int, dict[str, Any]] = {}
    if session_ids is not None:  # one joined query instead of chunked IN lists over every note id
        latest = (
            select(func.max(t.human_labels.c.id))
            .join(t.notes, t.notes.c.id == t.human_labels.c.note_id)
            .where(t.notes.c.session_id.in_(session_ids))
            .group_by(t.human_labels.c.note_id)
        )
        wanted = set(note_ids)
        for row in conn.execute(select(t.human_labels).where(t.human_labels.c.id.in_(latest))):
            if row.note_id in wanted:
                labels[row.note_id] = dict(row._mapping)
        return labels
    for chunk in _chunks(note_ids):
        latest = (
            select(func.max(t.human_labels.c.id))
            .where(t.human_labels.c.note_id.in_(chunk))
            .group_by(t.human_labels.c.note_id)
        )
        for row in conn.execute(select(t.human_labels).where(t.human_labels.c.id.in_(latest))):
            labels[row.note_id] = dict(row._mapping)
    return labels


def _key_quotes(conn, session_ids: list[int]) -> dict[int, bool]:
    latest = (
        select(func.max(t.key_quotes.c.id))
        .join(t.notes, t.notes.c.id == t.key_quotes.c.note_id)
        .where(t.notes.c.session_id.in_(session_ids))
        .group_by(t.key_quotes.c.note_id)
    )
    return {r.note_id: r.marked for r in conn.execute(select(t.key_quotes).where(t.key_quotes.c.id.in_(latest)))}


def _chunks(values: list[int], size: int = 900) -> list[list[int]]:
    """SQLite limits bound parameters per statement."""
    return [values[i : i + size] for i in range(0, len(values), size)] or [[]]


def labelled_examples(db: Database, actor: Actor, session_ids: Sequence[int] | None = None) -> list[dict[str, Any]]:
    """Human corrections as labelled data (JSON-ready), for evaluating and re-fitting the engine."""
    require(actor, Permission.REVIEW)
    with db.read() as conn:
        ids = list(session_ids) if session_ids is not None else list(conn.execute(select(t.sessions.c.id)).scalars())
        notes = {n.id: n for n in repo_notes.list_notes(conn, ids)}
        labels = _latest_labels(conn, list(notes))
    out = []
    for note_id, label in labels.items():
        note = notes[note_id]
        out.append(
            {
                "id": f"note-{note_id}-v{note.version}",
                "text": note.text,
                "polarity": label.get("polarity"),
                "themes": label.get("themes"),
                "labelled_by": label["labelled_by"],
                "labelled_at": label["labelled_at"].isoformat() if isinstance(label["labelled_at"], datetime) else None,
            }
        )
    return out


def read_model_stamp(db: Database) -> tuple[int, ...]:
    """Changes whenever anything behind `analysed_notes` may have changed (append-only tables: their newest ids).

    Lets a caller keep the read model of a large selection between page runs and rebuild it only after a change.
    """
    tables = (t.note_versions, t.note_events, t.note_analyses, t.human_labels, t.key_quotes, t.audit_log, t.erasure_log)
    with db.read() as conn:
        return tuple(conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one() for table in tables)
