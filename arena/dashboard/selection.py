"""Filters and drill-down: from a clicked bar, cell or cluster (or the equivalent selectboxes) to the notes behind it."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from arena.services.analysis import AnalysedNote

from .aggregate import IRRITATION, participant_key, segment_of, themes_of, topic_of

ANY = "*"  # in a figure's selection key: every polarity (clusters, timeline points)


@dataclass(frozen=True)
class Filters:
    """The page's filters; empty means everything."""

    segments: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()  # participant keys "session_id:code"
    polarities: tuple[str, ...] = ()


def apply_filters(notes: Iterable[AnalysedNote], filters: Filters) -> list[AnalysedNote]:
    return [
        n
        for n in notes
        if (not filters.segments or segment_of(n) in filters.segments)
        and (not filters.topics or topic_of(n) in filters.topics)
        and (not filters.participants or participant_key(n) in filters.participants)
        and (not filters.polarities or n.polarity in filters.polarities)
    ]


@dataclass(frozen=True)
class Selection:
    """What the user pointed at. None = any; polarity defaults to irritations (what the charts count)."""

    theme: str | None = None
    topic: str | None = None
    segment: str | None = None
    participant: str | None = None
    cluster: str | None = None
    session_id: int | None = None
    polarity: str | None = IRRITATION

    @property
    def is_empty(self) -> bool:
        return all(v is None for k, v in asdict(self).items() if k != "polarity")

    def key(self) -> str:
        """Compact JSON, stored as a figure point's customdata and read back on a click."""
        values = {"theme": self.theme, "topic": self.topic, "segment": self.segment, "participant": self.participant,
                  "cluster": self.cluster, "session_id": self.session_id}
        if self.polarity != IRRITATION:
            values["polarity"] = self.polarity or ANY
        return json.dumps({k: v for k, v in values.items() if v is not None}, sort_keys=True)


def select_notes(
    notes: Iterable[AnalysedNote],
    selection: Selection,
    cluster_members: Mapping[str, Sequence[int]] | None = None,
) -> list[AnalysedNote]:
    members = None
    if selection.cluster is not None:
        members = set((cluster_members or {}).get(selection.cluster, ()))
    out = []
    for note in notes:
        if selection.polarity is not None and note.polarity != selection.polarity:
            continue
        if selection.theme is not None and selection.theme not in themes_of(note):
            continue
        if selection.topic is not None and topic_of(note) != selection.topic:
            continue
        if selection.segment is not None and segment_of(note) != selection.segment:
            continue
        if selection.participant is not None and participant_key(note) != selection.participant:
            continue
        if selection.session_id is not None and note.session_id != selection.session_id:
            continue
        if members is not None and note.note.id not in members:
            continue
        out.append(note)
    return out


def selection_from_points(points: Sequence[Mapping[str, Any]], polarity: str | None = IRRITATION) -> Selection | None:
    """The first point of a plotly selection event whose customdata carries a Selection key."""
    for point in points or ():
        data = point.get("customdata")
        if isinstance(data, list | tuple):
            data = data[0] if data else None
        if not isinstance(data, str):
            continue
        try:
            values = json.loads(data)
        except ValueError:
            continue
        if isinstance(values, dict):
            allowed = {"theme", "topic", "segment", "participant", "cluster", "session_id"}
            pol = values.get("polarity", polarity)
            return replace(Selection(polarity=None if pol == ANY else pol), **{k: v for k, v in values.items() if k in allowed})
    return None


def describe(selection: Selection, labels: Mapping[str, Any] | None = None) -> str:
    """A Dutch one-liner for the drill-down header."""
    from .aggregate import participant_label, segment_label, theme_label

    parts = []
    if selection.theme:
        parts.append(f"thema {theme_label(selection.theme)}")
    if selection.topic:
        parts.append(f"onderwerp {selection.topic}")
    if selection.segment:
        parts.append(f"segment {segment_label(selection.segment)}")
    if selection.participant:
        parts.append(f"deelnemer {participant_label(selection.participant, False)}")
    if selection.cluster:
        name = (labels or {}).get(selection.cluster, selection.cluster)
        parts.append(f"cluster {name}")
    if selection.session_id:
        parts.append(f"sessie #{selection.session_id}")
    scope = "irritaties" if selection.polarity == IRRITATION else "notities"
    return f"{scope.capitalize()} met " + ", ".join(parts) if parts else f"Alle {scope}"
