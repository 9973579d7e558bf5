"""Cluster review state, folded from append-only cluster_edits events.

A "discover" event stores what the engine found (labels, key phrases, member note ids), so edits refer
to a stable base even if a later discovery would differ. After the newest "discover", "rename",
"merge" and "split" events are applied in order; an "undo" event cancels one earlier edit, so a merge
is reversed by appending, never by deleting.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

DISCOVER, RENAME, MERGE, SPLIT, UNDO = "discover", "rename", "merge", "split", "undo"
EDITS = (RENAME, MERGE, SPLIT)


@dataclass
class ReviewedCluster:
    id: str
    label: str
    keyphrases: list[str]
    note_ids: list[int]
    origin: str = "ontdekt"  # ontdekt, samengevoegd, afgesplitst
    renamed: bool = False
    sources: list[str] = field(default_factory=list)


def _active(events: Sequence[Mapping[str, Any]]) -> tuple[Mapping[str, Any] | None, list[Mapping[str, Any]]]:
    """The newest discovery and the edits after it that are not undone."""
    ordered = sorted(events, key=lambda e: e["id"])
    base_index = max((i for i, e in enumerate(ordered) if e["action"] == DISCOVER), default=None)
    if base_index is None:
        return None, []
    later = ordered[base_index + 1 :]
    undone = {e["payload"].get("edit_id") for e in later if e["action"] == UNDO}
    return ordered[base_index], [e for e in later if e["action"] in EDITS and e["id"] not in undone]


def undoable_edit(events: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The newest edit still in force (what "Ongedaan maken" reverses)."""
    _, edits = _active(events)
    return edits[-1] if edits else None


def fold(events: Sequence[Mapping[str, Any]]) -> list[ReviewedCluster]:
    base, edits = _active(events)
    if base is None:
        return []
    clusters: dict[str, ReviewedCluster] = {}
    for raw in base["payload"].get("clusters", []):
        clusters[raw["id"]] = ReviewedCluster(
            id=raw["id"], label=raw["label"], keyphrases=list(raw.get("keyphrases", [])), note_ids=list(raw["note_ids"])
        )
    for event in edits:
        payload = event["payload"]
        if event["action"] == RENAME and payload.get("cluster") in clusters:
            clusters[payload["cluster"]].label = payload["label"]
            clusters[payload["cluster"]].renamed = True
        elif event["action"] == MERGE:
            parts = [clusters[c] for c in payload.get("clusters", []) if c in clusters]
            if len(parts) < 2:
                continue  # stale edit (its clusters changed since): ignored, still visible in the log
            for part in parts:
                del clusters[part.id]
            new_id = f"m{event['id']}"
            clusters[new_id] = ReviewedCluster(
                id=new_id,
                label=payload.get("label") or parts[0].label,
                keyphrases=list(dict.fromkeys(k for p in parts for k in p.keyphrases)),
                note_ids=sorted({n for p in parts for n in p.note_ids}),
                origin="samengevoegd",
                sources=[p.id for p in parts],
            )
        elif event["action"] == SPLIT and payload.get("cluster") in clusters:
            source = clusters[payload["cluster"]]
            moving = [n for n in source.note_ids if n in set(payload.get("note_ids", []))]
            if not moving or len(moving) == len(source.note_ids):
                continue
            source.note_ids = [n for n in source.note_ids if n not in set(moving)]
            new_id = f"s{event['id']}"
            clusters[new_id] = ReviewedCluster(
                id=new_id,
                label=payload.get("label") or f"{source.label} (deel)",
                keyphrases=list(payload.get("keyphrases", [])),
                note_ids=moving,
                origin="afgesplitst",
                sources=[source.id],
            )
    return sorted(clusters.values(), key=lambda c: (-len(c.note_ids), c.id))
