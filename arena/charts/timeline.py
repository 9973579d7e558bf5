"""The session as it happened: notes over time by polarity, agenda items as bands; mood per topic."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import plotly.graph_objects as go

from arena.dashboard.aggregate import topic_mood, topic_of, topic_order
from arena.dashboard.selection import Selection
from arena.domain.text import shorten
from arena.services.analysis import POLARITIES, AnalysedNote

from .style import empty, escape, layout, polarity_colour, polarity_label, wrap

BAND_COLOURS = ("rgba(68,119,170,0.10)", "rgba(187,187,187,0.18)")


def note_minutes(notes: Sequence[AnalysedNote]) -> dict[int, float]:
    """Minutes since the session started; notes without a clock time fall back on their save time."""
    first = min((n.note.created_at for n in notes), default=None)
    out = {}
    for n in notes:
        if n.note.seconds_since_start is not None:
            out[n.note.id] = n.note.seconds_since_start / 60
        elif first is not None:
            out[n.note.id] = (n.note.created_at - first).total_seconds() / 60
    return out


def session_timeline(notes: Sequence[AnalysedNote]) -> go.Figure:
    """For one session (the caller passes one session's notes)."""
    title = "Verloop van de sessie"
    minutes = note_minutes(notes)
    if not minutes:
        return empty(title)
    fig = go.Figure()
    rows = [p for p in POLARITIES if any(n.polarity == p for n in notes)]
    for polarity in rows:
        group = [n for n in notes if n.polarity == polarity and n.note.id in minutes]
        fig.add_trace(
            go.Scatter(
                x=[round(minutes[n.note.id], 2) for n in group],
                y=[polarity_label(polarity)] * len(group),
                mode="markers",
                name=polarity_label(polarity),
                marker={"color": polarity_colour(polarity), "size": [8 + 10 * n.intensity for n in group],
                        "line": {"width": 0.5, "color": "#333333"}},
                text=[escape(f"{n.speaker_label}: {shorten(n.note.text, 90)}") for n in group],
                customdata=[[Selection(topic=topic_of(n), polarity=None).key()] for n in group],
                hovertemplate="min %{x:.0f} · %{text}<extra></extra>",
            )
        )
    spans: dict[str, list[float]] = defaultdict(list)
    for n in notes:
        if n.note.id in minutes:
            spans[topic_of(n)].append(minutes[n.note.id])
    shapes, annotations = [], []
    for i, topic in enumerate(t for t in topic_order(notes) if t in spans):
        start, end = min(spans[topic]), max(spans[topic])
        shapes.append({"type": "rect", "xref": "x", "yref": "paper", "x0": start - 0.5, "x1": end + 0.5, "y0": 0, "y1": 1,
                       "fillcolor": BAND_COLOURS[i % 2], "line": {"width": 0}, "layer": "below"})
        annotations.append({"x": (start + end) / 2, "y": 1.0, "xref": "x", "yref": "paper", "yanchor": "bottom",
                            "text": wrap(topic, 14), "showarrow": False, "font": {"size": 10, "color": "#444444"}})
    fig.update_layout(shapes=shapes, annotations=annotations)
    fig.update_yaxes(categoryorder="array", categoryarray=[polarity_label(p) for p in reversed(rows)])
    layout(fig, title, x="Minuten sinds de start", y="", height=400)
    fig.update_layout(margin={"t": 130}, legend={"y": 1.18})
    return fig


def topic_mood_chart(notes: Sequence[AnalysedNote]) -> go.Figure:
    """Mean sentiment (all analysed notes) and mean intensity of the irritations, per agenda topic."""
    title = "Sentiment en intensiteit per onderwerp"
    moods = [m for m in topic_mood(notes) if m.notes]
    if not moods or not any(n.analysed for n in notes):
        return empty(title)
    labels = [wrap(m.topic, 14) for m in moods]
    custom = [[Selection(topic=m.topic).key()] for m in moods]
    fig = go.Figure(
        [
            go.Bar(x=labels, y=[m.sentiment for m in moods], name="Gemiddeld sentiment (−1 tot 1)",
                   marker_color=polarity_colour("positief"), customdata=custom,
                   hovertemplate="%{x}<br>sentiment %{y:.2f}<extra></extra>"),
            go.Bar(x=labels, y=[m.intensity for m in moods], name="Gemiddelde intensiteit irritaties (0 tot 1)",
                   marker_color=polarity_colour("irritatie"), customdata=custom,
                   hovertemplate="%{x}<br>intensiteit %{y:.2f}<extra></extra>"),
        ]
    )
    fig.update_layout(barmode="group")
    fig.update_yaxes(range=[-1, 1], zeroline=True, zerolinecolor="#666666")
    fig.update_xaxes(tickangle=0)
    return layout(fig, title, x="Agendaonderwerp", y="Gemiddelde", height=420)
