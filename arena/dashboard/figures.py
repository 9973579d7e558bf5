"""All dashboard figures for one selection, in page order (also what the benchmark times)."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from arena import charts
from arena.domain.model import ImprovementAction, Session
from arena.services.analysis import AnalysedNote
from arena.store.bulk import gc_paused

from .clusters import ReviewedCluster


def timeline_session(notes: Sequence[AnalysedNote], session_id: int | None) -> list[AnalysedNote]:
    """The timeline shows one session: the one asked for, else the first in the selection."""
    if session_id is None and notes:
        session_id = notes[0].session_id
    return [n for n in notes if n.session_id == session_id]


def build_all(
    notes: Sequence[AnalysedNote],
    sessions: Sequence[Session],
    actions: Sequence[ImprovementAction] = (),
    clusters: Sequence[ReviewedCluster] = (),
    *,
    timeline_session_id: int | None = None,
    trend_notes: Sequence[AnalysedNote] | None = None,
) -> dict[str, go.Figure]:
    with gc_paused():  # plotly builds many small objects; see arena.store.bulk
        return _build_all(notes, sessions, actions, clusters, timeline_session_id, trend_notes)


def _build_all(
    notes: Sequence[AnalysedNote],
    sessions: Sequence[Session],
    actions: Sequence[ImprovementAction],
    clusters: Sequence[ReviewedCluster],
    timeline_session_id: int | None,
    trend_notes: Sequence[AnalysedNote] | None,
) -> dict[str, go.Figure]:
    return {
        "themes": charts.irritations_per_theme(notes),
        "category": charts.category_chart(notes),
        "topic": charts.theme_topic_heatmap(notes),
        "segment": charts.theme_segment_chart(notes),
        "participant": charts.participant_chart(notes),
        "mood": charts.topic_mood_chart(notes),
        "timeline": charts.session_timeline(timeline_session(notes, timeline_session_id)),
        "clusters": charts.cluster_chart(clusters),
        "trend": charts.theme_trend(notes if trend_notes is None else trend_notes, sessions, actions),
    }
