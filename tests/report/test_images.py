"""Plotly figures become real PNG images offline (kaleido 0.2.1 with its bundled Chromium)."""

from __future__ import annotations

import io

import plotly.graph_objects as go
from PIL import Image

from arena.charts import irritations_per_theme
from arena.report.images import PNG_MAGIC, SCALE, WIDTH, figure_to_png
from arena.services.analysis import analysed_notes
from arena.services.auth import LOCAL_USER


def test_a_plotly_figure_renders_to_a_png_of_the_asked_size():
    fig = go.Figure(go.Bar(x=[11, 7, 4], y=["Bereikbaarheid", "Afspraken", "Product"], orientation="h"))
    fig.update_layout(title="Irritaties per thema", template="plotly_white")
    png = figure_to_png(fig, height=400)
    assert png.startswith(PNG_MAGIC)
    assert len(png) > 10_000
    image = Image.open(io.BytesIO(png))
    assert image.size == (int(WIDTH * SCALE), int(400 * SCALE))
    # not blank: a bar chart has many distinct colours
    assert len(image.convert("RGB").getcolors(maxcolors=1_000_000) or []) > 20


def test_the_dashboard_chart_renders(demo):
    notes = analysed_notes(demo.db, LOCAL_USER, [demo.session_id])
    png = figure_to_png(irritations_per_theme(notes))
    assert png.startswith(PNG_MAGIC) and len(png) > 10_000
