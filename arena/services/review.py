"""Human review after a session: cluster edits, zorgklant decisions, corrections as labelled data.

Every change is an appended row (cluster_edits, zorgklant_events, human_labels) plus an audit_log
entry, so nothing the team decided is lost and every decision can be reversed by a later event.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select

from arena.dashboard import clusters as cl
from arena.domain.text import ValidationError, clean_note_text, required_text
from arena.services import sessions as session_service
from arena.services.analysis import AnalysedNote, analysed_notes
from arena.services.auth import Actor, Permission, require
from arena.store import repo_audit
from arena.store import tables as t
from arena.store.database import Database
from arena.store.types import utcnow

# --- clusters -------------------------------------------------------------------------------


def cluster_scope(session_ids: Sequence[int]) -> str:
    ids = sorted(set(session_ids))
    return f"session:{ids[0]}" if len(ids) == 1 else "sessions:" + ",".join(map(str, ids))


def cluster_events(db: Database, actor: Actor, scope: str) -> list[dict[str, Any]]:
    require(actor, Permission.ANALYSE)
    with db.read() as conn:
        rows = conn.execute(select(t.cluster_edits).where(t.cluster_edits.c.scope == scope).order_by(t.cluster_edits.c.id))
        return [dict(r._mapping) for r in rows]


def reviewed_clusters(db: Database, actor: Actor, scope: str) -> list[cl.ReviewedCluster]:
    return cl.fold(cluster_events(db, actor, scope))


def _append(db: Database, actor: Actor, scope: str, action: str, payload: dict[str, Any]) -> int:
    require(actor, Permission.REVIEW)
    with db.write() as conn:
        edit_id = conn.execute(
            insert(t.cluster_edits)
            .values(scope=scope, action=action, payload=payload, by=actor.name, at=utcnow())
            .returning(t.cluster_edits.c.id)
        ).scalar_one()
        repo_audit.log(conn, actor.name, f"cluster.{action}", "cluster_edit", edit_id, {"scope": scope} | payload)
    return edit_id


def store_discovery(db: Database, actor: Actor, scope: str, found: Sequence[Any], note_ids: Sequence[int]) -> int:
    """Keep what the engine found (Cluster(label, keyphrases, members=indexes into note_ids)) as the base for edits."""
    payload = {
        "clusters": [
            {
                "id": f"c{i}",
                "label": clean_note_text(c.label)[:200],
                "keyphrases": list(c.keyphrases),
                "note_ids": sorted({note_ids[m] for m in c.members}),
            }
            for i, c in enumerate(found, start=1)
        ]
    }
    return _append(db, actor, scope, cl.DISCOVER, payload)


def discover(db: Database, actor: Actor, engine: Any, session_ids: Sequence[int], *, max_clusters: int = 8) -> int:
    """Cluster the irritations of the sessions (all notes when there are too few irritations) and store the result."""
    from arena.nlp import discover_clusters

    require(actor, Permission.REVIEW)
    notes = analysed_notes(db, actor, session_ids)
    chosen = [n for n in notes if n.is_irritation]
    if len(chosen) < 4:
        chosen = notes
    if len(chosen) < 2:
        raise ValidationError("Te weinig notities om clusters te zoeken.")
    found = discover_clusters([n.note.text for n in chosen], engine, max_clusters=max_clusters)
    return store_discovery(db, actor, cluster_scope(session_ids), found, [n.note.id for n in chosen])


def _known(db: Database, actor: Actor, scope: str, cluster_ids: Sequence[str]) -> dict[str, cl.ReviewedCluster]:
    current = {c.id: c for c in reviewed_clusters(db, actor, scope)}
    missing = [c for c in cluster_ids if c not in current]
    if missing:
        raise ValidationError("Dit cluster bestaat niet (meer); vernieuw de pagina.")
    return current


def rename_cluster(db: Database, actor: Actor, scope: str, cluster_id: str, label: str) -> int:
    _known(db, actor, scope, [cluster_id])
    return _append(db, actor, scope, cl.RENAME, {"cluster": cluster_id, "label": required_text(label, "Naam")[:200]})


def merge_clusters(db: Database, actor: Actor, scope: str, cluster_ids: Sequence[str], label: str = "") -> int:
    require(actor, Permission.REVIEW)
    ids = list(dict.fromkeys(cluster_ids))
    if len(ids) < 2:
        raise ValidationError("Kies minstens twee clusters om samen te voegen.")
    current = _known(db, actor, scope, ids)
    name = clean_note_text(label or "").strip()[:200] or current[ids[0]].label
    return _append(db, actor, scope, cl.MERGE, {"clusters": ids, "label": name})


def split_cluster(db: Database, actor: Actor, scope: str, cluster_id: str, note_ids: Sequence[int], label: str) -> int:
    source = _known(db, actor, scope, [cluster_id])[cluster_id]
    moving = sorted(set(note_ids) & set(source.note_ids))
    if not moving:
        raise ValidationError("Kies de notities die naar het nieuwe cluster gaan.")
    if len(moving) == len(source.note_ids):
        raise ValidationError("Laat minstens één notitie in het oorspronkelijke cluster.")
    return _append(db, actor, scope, cl.SPLIT, {"cluster": cluster_id, "note_ids": moving, "label": required_text(label, "Naam")[:200]})


def undo_cluster_edit(db: Database, actor: Actor, scope: str) -> int:
    """Reverse the newest edit still in force (by appending an undo event)."""
    target = cl.undoable_edit(cluster_events(db, actor, scope))
    if target is None:
        raise ValidationError("Er is geen clusterwijziging om ongedaan te maken.")
    return _append(db, actor, scope, cl.UNDO, {"edit_id": target["id"], "undid": target["action"]})


# --- zorgklant suggestions ------------------------------------------------------------------


@dataclass(frozen=True)
class ZorgklantCandidate:
    participant_id: int
    session_id: int
    code: str
    reason: str
    score: float
    note_count: int


def _as_result(note: AnalysedNote) -> Any:
    """The stored analysis as the engine's NoteResult, with the human label applied (it wins)."""
    from arena.nlp.results import Cue, NoteResult

    cues = []
    for cue in note.cues:
        try:
            cues.append(Cue(int(cue["start"]), int(cue["end"]), str(cue["text"]), str(cue["kind"])))
        except (KeyError, TypeError, ValueError):
            continue
    return NoteResult(
        polarity=note.polarity,
        themes=[(code, float(note.theme_scores.get(code, 1.0))) for code in note.themes],
        intensity=note.intensity,
        sentiment=note.sentiment,
        effort=note.effort,
        cues=cues,
        keyphrases=list(note.keyphrases),
    )


def dismissed_participants(db: Database, participant_ids: Sequence[int]) -> set[int]:
    with db.read() as conn:
        return set(
            conn.execute(
                select(t.zorgklant_events.c.participant_id).where(
                    t.zorgklant_events.c.participant_id.in_(list(participant_ids)),
                    t.zorgklant_events.c.action == "suggestion_dismissed",
                )
            ).scalars()
        )


def zorgklant_candidates(db: Database, actor: Actor, notes: Sequence[AnalysedNote]) -> list[ZorgklantCandidate]:
    """Suggested zorgklanten, per session; already flagged or dismissed participants are left out."""
    from arena.nlp import suggest_zorgklanten

    require(actor, Permission.ANALYSE)
    by_session: dict[int, list[AnalysedNote]] = defaultdict(list)
    for note in notes:
        if note.participant_code and note.analysed:
            by_session[note.session_id].append(note)
    if not by_session:
        return []
    with db.read() as conn:
        people = {
            (r.session_id, r.code): (r.id, bool(r.zorgklant))
            for r in conn.execute(
                select(t.participants.c.id, t.participants.c.session_id, t.participants.c.code, t.participants.c.zorgklant)
                .where(t.participants.c.session_id.in_(list(by_session)), t.participants.c.erased_at.is_(None))
            )
        }
    dismissed = dismissed_participants(db, [pid for pid, _ in people.values()])
    out = []
    for session_id, group in sorted(by_session.items()):
        for suggestion in suggest_zorgklanten([(n.participant_code, _as_result(n)) for n in group]):
            code = getattr(suggestion, "participant", None) or getattr(suggestion, "code", "")
            person = people.get((session_id, code))
            if person is None or person[1] or person[0] in dismissed:
                continue
            out.append(ZorgklantCandidate(person[0], session_id, code, suggestion.reason,
                                          float(suggestion.score), int(suggestion.note_count)))
    return sorted(out, key=lambda c: (-c.score, c.session_id, c.code))


def confirm_zorgklant(db: Database, actor: Actor, participant_id: int, reason: str, owner: str = "") -> None:
    require(actor, Permission.REVIEW)
    text = required_text(reason, "Reden")
    session_service.set_zorgklant(db, actor, participant_id, True, reason=text, owner=owner)
    with db.write() as conn:
        conn.execute(t.zorgklant_events.insert().values(
            participant_id=participant_id, action="suggestion_confirmed", reason=text, owner=owner, by=actor.name, at=utcnow()))
        repo_audit.log(conn, actor.name, "zorgklant.confirm", "participant", participant_id, {"reason": text})


def dismiss_zorgklant(db: Database, actor: Actor, participant_id: int, reason: str) -> None:
    """Not a zorgklant after all: kept as an event, and not suggested again for this session."""
    require(actor, Permission.REVIEW)
    text = required_text(reason, "Reden")
    with db.write() as conn:
        conn.execute(t.zorgklant_events.insert().values(
            participant_id=participant_id, action="suggestion_dismissed", reason=text, owner="", by=actor.name, at=utcnow()))
        repo_audit.log(conn, actor.name, "zorgklant.dismiss", "participant", participant_id, {"reason": text})


# --- labelled data --------------------------------------------------------------------------


def labelled_rows(db: Database, actor: Actor, session_ids: Sequence[int]) -> list[dict[str, Any]]:
    """Human-corrected notes with their effective labels (the human part wins, the machine fills the rest)."""
    require(actor, Permission.REVIEW)
    return [
        {"id": f"note-{n.note.id}-v{n.note.version}", "text": n.note.text, "polarity": n.polarity, "themes": list(n.themes)}
        for n in analysed_notes(db, actor, session_ids)
        if n.human_labelled
    ]


def labelled_jsonl(db: Database, actor: Actor, session_ids: Sequence[int]) -> bytes:
    """One JSON object per line, the format of shared/eval/dev_notes.jsonl (id, text, polarity, themes)."""
    lines = [json.dumps(row, ensure_ascii=False) for row in labelled_rows(db, actor, session_ids)]
    return ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8")
