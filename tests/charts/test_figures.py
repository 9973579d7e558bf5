"""Every builder: the numbers in the figure equal the counts in the known data set (with human labels applied)."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from arena import charts
from arena.dashboard.clusters import ReviewedCluster
from arena.domain.taxonomy import load_taxonomy
from arena.services import actions, sessions
from tests.dashboard.known_data import read

TAX = load_taxonomy()


def label(code: str) -> str:
    return TAX.label(code)


def test_irritations_per_theme(db, actor, known):
    fig = charts.irritations_per_theme(read(db, actor, known.session_a))
    bar = fig.data[0]
    assert list(bar.y) == [label("facturatie"), label("bereikbaarheid"), label("overdracht"), label("product")]
    assert list(bar.x) == [3, 2, 2, 1]
    assert list(bar.text) == ["3", "2", "2", "1"]
    assert list(bar.marker.color) == [TAX.colour(c) for c in ("facturatie", "bereikbaarheid", "overdracht", "product")]
    assert fig.layout.title.text == "Irritaties per thema"
    assert fig.layout.xaxis.title.text == "Aantal irritaties"


def test_theme_topic_heatmap(db, actor, known):
    fig = charts.theme_topic_heatmap(read(db, actor, known.session_a))
    heat = fig.data[0]
    assert list(heat.x) == ["Bereikbaarheid", "Facturen"]
    z = {(y, x): heat.z[i][j] for i, y in enumerate(heat.y) for j, x in enumerate(heat.x)}
    assert z[(label("facturatie"), "Facturen")] == 3
    assert z[(label("bereikbaarheid"), "Bereikbaarheid")] == 2
    assert z[(label("overdracht"), "Bereikbaarheid")] == 2
    assert z[(label("product"), "Facturen")] == 1
    assert z[(label("facturatie"), "Bereikbaarheid")] == 0
    assert fig.layout.xaxis.title.text == "Agendaonderwerp"


def test_theme_segment_chart(db, actor, known):
    fig = charts.theme_segment_chart(read(db, actor, known.session_a))
    traces = {t.name: dict(zip(t.y, t.x)) for t in fig.data if isinstance(t, go.Bar)}
    leaving = "Klant die wil<br>vertrekken /<br>vertrokken"
    assert traces[label("facturatie")] == {"Vaste klant": 2, leaving: 0, "Geen deelnemer": 1}
    assert traces[label("overdracht")][leaving] == 2
    totals = next(t for t in fig.data if t.name == "Totaal")
    assert list(totals.x) == [3, 4, 1]  # K1: a1 a3 a8; K2: a2 (2 themes) a5 a9; group: a6 -> theme assignments


def test_participant_chart(db, actor, known):
    fig = charts.participant_chart(read(db, actor, known.session_a))
    bars = [t for t in fig.data if isinstance(t, go.Bar)]
    assert list(bars[0].x) == ["K1", "K2"]
    per_code = [sum(t.y[i] for t in bars) for i in range(2)]
    assert per_code == [3, 3]
    assert {t.name: list(t.y) for t in bars}[label("facturatie")] == [2, 0]
    assert [t.marker.color for t in bars] == [TAX.colour(c) for c in ("bereikbaarheid", "facturatie", "overdracht", "product")]


def test_participant_chart_over_sessions_names_the_session(db, actor, known):
    fig = charts.participant_chart(read(db, actor, known.session_a, known.session_b))
    assert list(fig.data[0].x) == [f"K1 · #{known.session_b}", f"K1 · #{known.session_a}", f"K2 · #{known.session_a}"]


def test_category_chart_beside_field_reference(db, actor, known):
    fig = charts.category_chart(read(db, actor, known.session_a))
    org, product = fig.data
    assert list(org.x) == [87.5, 96.0] and list(product.x) == [12.5, 4.0]
    assert list(org.y) == ["Deze selectie", "Veld (referentie)"]


def test_session_timeline(db, actor, known):
    fig = charts.session_timeline(read(db, actor, known.session_a))
    counts = {t.name: len(t.x) for t in fig.data}
    assert counts == {"Irritatie": 7, "Positief": 2}
    assert [t.marker.color for t in fig.data] == [TAX.polarity("irritatie").colour, TAX.polarity("positief").colour]
    assert len(fig.layout.shapes) == 2  # two agenda bands
    assert [a.text for a in fig.layout.annotations] == ["Bereikbaarheid", "Facturen"]
    assert fig.layout.xaxis.title.text == "Minuten sinds de start"


def test_topic_mood_chart(db, actor, known):
    fig = charts.topic_mood_chart(read(db, actor, known.session_a))
    sentiment, intensity = fig.data
    assert list(sentiment.x) == ["Bereikbaarheid", "Facturen"]
    assert intensity.y[0] == round((0.8 + 0.6) / 3, 3)


def test_cluster_chart():
    clusters = [ReviewedCluster("c1", "Wachttijd", ["wachttijd", "telefoon"], [1, 2, 3]),
                ReviewedCluster("c2", "<b>Factuur</b>", ["factuur"], [4])]
    fig = charts.cluster_chart(clusters)
    assert list(fig.data[0].x) == [3, 1]
    wait, invoice = fig.data[0].y
    assert wait.startswith("Wachttijd<br>") and "telefoon" in wait  # key phrases the label does not show
    assert invoice == "&lt;b&gt;Factuur&lt;/b&gt;"  # user text stays text
    assert list(fig.data[0].hovertext) == ["wachttijd, telefoon", "factuur"]


def test_theme_trend_with_action_marked(db, actor, known):
    action = actions.create_action(db, actor, known.session_a, "Terugbelbelofte", theme_code="bereikbaarheid")
    all_sessions = [o.session for o in sessions.list_sessions(db, actor)]
    fig = charts.theme_trend(read(db, actor, known.session_a, known.session_b), all_sessions, [action])
    lines = {t.name: list(t.y) for t in fig.data}
    assert lines[label("bereikbaarheid")] == [28.6, 25.0]
    assert lines[label("facturatie")] == [42.9, 0.0]
    assert lines[label("offerte")] == [0.0, 50.0]
    assert [str(x) for x in fig.data[0].x] == ["2026-10-01", "2026-12-01"]
    assert len(fig.layout.shapes) == 1
    assert fig.layout.shapes[0].line.color == TAX.colour("bereikbaarheid")
    assert fig.layout.annotations[0].text == "Actie: Terugbelbelofte"


@pytest.mark.parametrize("name", charts.__all__)
def test_every_builder_handles_no_data(name):
    builder = getattr(charts, name)
    fig = builder([], []) if name == "theme_trend" else builder([])
    assert isinstance(fig, go.Figure)
    assert fig.layout.annotations[0].text.startswith("Nog geen")
