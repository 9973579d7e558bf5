"""Each theme's share of the irritations per session, with related improvement actions marked."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import plotly.graph_objects as go

from arena.dashboard.aggregate import theme_colour, theme_label, theme_order, theme_share_per_session
from arena.dashboard.effects import session_order
from arena.domain.model import ImprovementAction, Session
from arena.domain.text import shorten
from arena.services.analysis import AnalysedNote

from .style import empty, escape, layout


def session_date(session: Session) -> date | None:
    return session.date or (session.created_at.date() if session.created_at else None)


def theme_trend(
    notes: Sequence[AnalysedNote], sessions: Sequence[Session], actions: Sequence[ImprovementAction] = ()
) -> go.Figure:
    title = "Trend: aandeel per thema per sessie"
    shares = theme_share_per_session(notes)
    ordered = [s for s in session_order(sessions) if s.id in shares and session_date(s)]
    if not ordered:
        return empty(title)
    themes = [code for code in theme_order() if any(code in shares[s.id] for s in ordered)]
    fig = go.Figure()
    for code in themes:
        fig.add_trace(
            go.Scatter(
                x=[session_date(s) for s in ordered],
                y=[round(shares[s.id].get(code, 0.0) * 100, 1) for s in ordered],
                mode="lines+markers",
                name=theme_label(code),
                line={"color": theme_colour(code), "width": 2},
                marker={"size": 8},
                text=[escape(f"#{s.id} {shorten(s.title, 40)}") for s in ordered],
                hovertemplate=f"{escape(theme_label(code))}<br>%{{text}}: %{{y:.1f}} %<extra></extra>",
            )
        )
    shapes, annotations = [], []
    for action in actions:
        if action.theme_code not in themes or action.created_at is None:
            continue
        when = action.created_at.date()
        shapes.append({"type": "line", "xref": "x", "yref": "paper", "x0": when, "x1": when, "y0": 0, "y1": 1,
                       "line": {"color": theme_colour(action.theme_code), "dash": "dash", "width": 1.5}})
        annotations.append({"x": when, "y": 1, "xref": "x", "yref": "paper", "yanchor": "bottom", "textangle": -30,
                            "text": escape("Actie: " + shorten(action.title, 30)), "showarrow": False,
                            "font": {"size": 10, "color": theme_colour(action.theme_code)}})
    fig.update_layout(shapes=shapes[:40], annotations=annotations[:40])
    fig.update_yaxes(ticksuffix=" %", rangemode="tozero")
    fig.update_xaxes(tickformat="%d-%m-%Y")
    layout(fig, title, x="Sessiedatum", y="Aandeel van de irritaties", height=460, legend="side")
    fig.update_layout(margin={"t": 110})
    return fig
