"""Irritations by theme, and by theme against topic, segment and participant."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from arena.dashboard.aggregate import (
    NO_SEGMENT,
    Matrix,
    category_share,
    count_by_theme,
    participant_label,
    per_participant,
    segment_label,
    theme_by_segment,
    theme_by_topic,
    theme_colour,
    theme_label,
)
from arena.dashboard.selection import Selection
from arena.domain.taxonomy import load_taxonomy
from arena.services.analysis import AnalysedNote

from .style import COUNT_SCALE, empty, escape, layout, wrap

CATEGORY_COLOURS = {"organisatorisch": "#332288", "producttechnisch": "#EE7733"}
CATEGORY_LABELS = {"organisatorisch": "Organisatorisch", "producttechnisch": "Product/techniek"}


def irritations_per_theme(notes: Sequence[AnalysedNote]) -> go.Figure:
    """Sorted horizontal bars, most irritations on top, counts on the bars."""
    title = "Irritaties per thema"
    counts = count_by_theme(notes)
    if not counts:
        return empty(title)
    fig = go.Figure(
        go.Bar(
            x=[n for _, n in counts],
            y=[theme_label(code) for code, _ in counts],
            orientation="h",
            marker_color=[theme_colour(code) for code, _ in counts],
            text=[n for _, n in counts],
            textposition="outside",
            cliponaxis=False,
            customdata=[[Selection(theme=code).key()] for code, _ in counts],
            hovertemplate="%{y}: %{x} irritaties<extra></extra>",
            name="Irritaties",
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(range=[0, counts[0][1] * 1.12 + 0.5])
    return layout(fig, title, x="Aantal irritaties", y="", height=max(260, 60 + 34 * len(counts)), legend=False)


def _heatmap(matrix: Matrix, title: str, col_labels: list[str], x_title: str, key: str) -> go.Figure:
    if not matrix.rows:
        return empty(title)
    customdata = [[Selection(theme=r, **{key: c}).key() for c in matrix.cols] for r in matrix.rows]
    fig = go.Figure(
        go.Heatmap(
            z=matrix.values,
            x=col_labels,
            y=[theme_label(r) for r in matrix.rows],
            text=[[str(v) if v else "" for v in row] for row in matrix.values],
            texttemplate="%{text}",
            colorscale=COUNT_SCALE,
            zmin=0,
            customdata=customdata,
            hovertemplate="%{y} × %{x}: %{z} irritaties<extra></extra>",
            colorbar={"title": {"text": "Aantal"}},
            xgap=2,
            ygap=2,
        )
    )
    # Heatmaps send no selection events: invisible markers on the cell centres make cells clickable.
    rows = [theme_label(r) for r in matrix.rows]
    fig.add_trace(
        go.Scatter(
            x=[col_labels[j] for i in range(len(rows)) for j in range(len(col_labels))],
            y=[rows[i] for i in range(len(rows)) for _ in col_labels],
            customdata=[[customdata[i][j]] for i in range(len(rows)) for j in range(len(col_labels))],
            text=[str(matrix.values[i][j]) for i in range(len(rows)) for j in range(len(col_labels))],
            mode="markers",
            marker={"symbol": "square", "size": 26, "color": "rgba(0,0,0,0)"},
            hovertemplate="%{y} × %{x}: %{text} irritaties<extra></extra>",
            showlegend=False,
            name="Cellen",
        )
    )
    fig.update_traces(hoverinfo="skip", hovertemplate=None, selector={"type": "heatmap"})
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(tickangle=0, side="bottom")
    return layout(fig, title, x=x_title, y="Thema", height=max(340, 160 + 34 * len(matrix.rows)), legend=False)


def theme_topic_heatmap(notes: Sequence[AnalysedNote]) -> go.Figure:
    matrix = theme_by_topic(notes)
    return _heatmap(matrix, "Irritaties: thema × agendaonderwerp", [wrap(c, 12) for c in matrix.cols], "Agendaonderwerp", "topic")


def _stacked(matrix: Matrix, title: str, labels: list[str], axis_title: str, key: str, *, horizontal: bool = False) -> go.Figure:
    """Stacked bars, one trace per theme; `labels` are the categories (x, or y when horizontal)."""
    if not matrix.rows:
        return empty(title)
    fig = go.Figure()
    for r, row in zip(matrix.rows, matrix.values):
        cat, val = ("y", "x") if horizontal else ("x", "y")
        fig.add_trace(
            go.Bar(
                **{cat: labels, val: row},
                orientation="h" if horizontal else "v",
                name=theme_label(r),
                marker_color=theme_colour(r),
                customdata=[[Selection(theme=r, **{key: c}).key()] for c in matrix.cols],
                hovertemplate=f"{escape(theme_label(r))}<br>%{{{cat}}}: %{{{val}}} irritaties<extra></extra>",
            )
        )
    totals = [sum(col) for col in zip(*matrix.values)]
    if horizontal:
        fig.add_trace(go.Scatter(y=labels, x=totals, text=totals, mode="text", textposition="middle right",
                                 showlegend=False, hoverinfo="skip", name="Totaal"))
        fig.update_xaxes(range=[0, max(totals) * 1.15 + 1])
        fig.update_yaxes(autorange="reversed")
        layout(fig, title, x="Aantal irritaties", y=axis_title, height=max(300, 120 + 46 * len(labels)), legend="side")
    else:
        fig.add_trace(go.Scatter(x=labels, y=totals, text=totals, mode="text", textposition="top center",
                                 showlegend=False, hoverinfo="skip", name="Totaal"))
        fig.update_yaxes(range=[0, max(totals) * 1.15 + 1])
        fig.update_xaxes(tickangle=0)
        layout(fig, title, x=axis_title, y="Aantal irritaties", height=460, legend="side")
    fig.update_layout(barmode="stack")
    return fig


def theme_segment_chart(notes: Sequence[AnalysedNote]) -> go.Figure:
    """Stacked bars per customer segment, one colour per theme."""
    matrix = theme_by_segment(notes)
    labels = [wrap(segment_label(c) if c != NO_SEGMENT else "Geen deelnemer", 14) for c in matrix.cols]
    return _stacked(matrix, "Irritaties per klantsegment en thema", labels, "", "segment", horizontal=True)


PARTICIPANT_LIMIT = 30


def participant_chart(notes: Sequence[AnalysedNote], limit: int = PARTICIPANT_LIMIT) -> go.Figure:
    """Irritations per participant (pseudonym), stacked by each note's primary theme; the `limit` most irritated."""
    matrix = per_participant(notes, limit)
    multi = len({n.session_id for n in notes}) > 1
    labels = [participant_label(c, multi) for c in matrix.cols]
    shown = len(matrix.cols)
    title = "Irritaties per deelnemer (pseudoniem)" + (f", top {shown}" if shown >= limit else "")
    return _stacked(matrix, title, labels, "Deelnemer", "participant")


def category_chart(notes: Sequence[AnalysedNote]) -> go.Figure:
    """Organisational versus product share, beside the field's reference (96 % / 4 %)."""
    title = "Organisatorisch of product? Vergeleken met het veld"
    share = category_share(notes)
    if share is None:
        return empty(title)
    reference = load_taxonomy().field_reference
    fig = go.Figure()
    for category in share:
        values = [round(share[category] * 100, 1), round(reference.get(category, 0.0) * 100, 1)]
        fig.add_trace(
            go.Bar(
                y=["Deze selectie", "Veld (referentie)"],
                x=values,
                orientation="h",
                name=CATEGORY_LABELS.get(category, category),
                marker_color=CATEGORY_COLOURS.get(category, "#888888"),
                text=[f"{v:.0f} %" for v in values],
                textposition="inside",
                hovertemplate="%{y}: %{x:.1f} %<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(range=[0, 100], ticksuffix=" %")
    return layout(fig, title, x="Aandeel van de irritaties met thema", height=260)
