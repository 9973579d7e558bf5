"""Shared look: Dutch labels, taxonomy colours (colour-blind safe, Tol palettes), one layout."""

from __future__ import annotations

import plotly.graph_objects as go

from arena.domain.taxonomy import load_taxonomy

FONT = "Source Sans Pro, Arial, sans-serif"
# Sequential scale for counts: light to the irritation red, monotone in lightness (readable without hue).
COUNT_SCALE = [[0.0, "#F7F7F7"], [0.25, "#FDDBC7"], [0.6, "#EF8A62"], [1.0, "#B2182B"]]


def polarity_colour(code: str) -> str:
    try:
        return load_taxonomy().polarity(code).colour
    except KeyError:
        return "#BBBBBB"


def polarity_label(code: str) -> str:
    try:
        return load_taxonomy().polarity(code).label
    except KeyError:
        return code


def layout(fig: go.Figure, title: str, *, x: str = "", y: str = "", height: int = 420, legend: bool | str = True) -> go.Figure:
    """legend: True = above the plot on the right (few entries), "side" = a column on the right (themes)."""
    if legend == "side":
        legend_style = {"orientation": "v", "yanchor": "top", "y": 1, "x": 1.02, "xanchor": "left", "font": {"size": 11}}
    else:
        legend_style = {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1}
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        font={"family": FONT, "size": 13},
        template="plotly_white",
        height=height,
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        showlegend=bool(legend),
        legend=legend_style,
        separators=",.",  # Dutch decimal comma
        hoverlabel={"font": {"family": FONT}},
        clickmode="event+select",
    )
    fig.update_xaxes(title_text=x, automargin=True)
    fig.update_yaxes(title_text=y, automargin=True)
    return fig


def empty(title: str, message: str = "Nog geen gegevens voor deze selectie.") -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", font={"size": 15})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return layout(fig, title, height=260, legend=False)


def wrap(text: str, width: int = 22) -> str:
    """Long category labels on two or three lines (plotly wraps with <br>)."""
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return "<br>".join(_escape(part) for part in lines)


def _escape(text: str) -> str:
    """Plotly renders a small HTML subset in labels; user text (topics) must stay text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape(text: str) -> str:
    return _escape(text)
