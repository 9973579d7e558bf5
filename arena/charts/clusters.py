"""Clusters found beyond the taxonomy, with their key phrases."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from arena.dashboard.clusters import ReviewedCluster
from arena.dashboard.selection import Selection

from .style import empty, escape, layout

CLUSTER_COLOUR = "#4477AA"


def _tick(cluster: ReviewedCluster) -> str:
    """The (possibly renamed) label, with key phrases the label does not already show in small type below it."""
    extra = [k for k in cluster.keyphrases if k.lower() not in cluster.label.lower()][:3]
    label = escape(cluster.label)
    return f"{label}<br><span style='font-size:10px;color:#666666'>{escape(', '.join(extra))}</span>" if extra else label


def cluster_chart(clusters: Sequence[ReviewedCluster]) -> go.Figure:
    title = "Clusters buiten de thema's (met kernwoorden)"
    shown = [c for c in clusters if c.note_ids]
    if not shown:
        return empty(title, "Nog geen clusters: kies ‘Clusters zoeken’.")
    fig = go.Figure(
        go.Bar(
            x=[len(c.note_ids) for c in shown],
            y=[_tick(c) for c in shown],
            orientation="h",
            marker_color=CLUSTER_COLOUR,
            text=[len(c.note_ids) for c in shown],
            textposition="outside",
            hovertext=[escape(", ".join(c.keyphrases)) for c in shown],
            customdata=[[Selection(cluster=c.id, polarity=None).key()] for c in shown],
            hovertemplate="%{y}: %{x} notities<br>%{hovertext}<extra></extra>",
            name="Notities",
        )
    )
    fig.update_yaxes(autorange="reversed")
    return layout(fig, title, x="Aantal notities", height=max(260, 60 + 40 * len(shown)), legend=False)
