from __future__ import annotations

from arena.charts import irritations_per_theme, theme_topic_heatmap
from arena.dashboard.selection import Filters, Selection, apply_filters, describe, select_notes, selection_from_points
from tests.dashboard.known_data import read


def test_click_on_bar_lists_the_notes_behind_it(db, actor, known):
    rows = read(db, actor, known.session_a)
    fig = irritations_per_theme(rows)
    point = {"curve_number": 0, "point_index": 0, "customdata": list(fig.data[0].customdata[0])}
    selection = selection_from_points([point])
    assert selection == Selection(theme="facturatie")
    chosen = select_notes(rows, selection)
    assert sorted(n.note.id for n in chosen) == sorted(known.note_ids[k] for k in ("a3", "a6", "a8"))
    assert len(chosen) == fig.data[0].x[0]


def test_click_on_heatmap_cell(db, actor, known):
    rows = read(db, actor, known.session_a)
    fig = theme_topic_heatmap(rows)
    cell = fig.data[0].customdata[list(fig.data[0].y).index("Doorverbinden & overdracht")][0]
    selection = selection_from_points([{"customdata": cell}])
    assert selection == Selection(theme="overdracht", topic="Bereikbaarheid")
    assert sorted(n.note.id for n in select_notes(rows, selection)) == sorted(known.note_ids[k] for k in ("a2", "a5"))


def test_cluster_selection_ignores_polarity(db, actor, known):
    rows = read(db, actor, known.session_a)
    selection = selection_from_points([{"customdata": [Selection(cluster="c1", polarity=None).key()]}])
    assert selection.polarity is None
    members = {"c1": [known.note_ids["a4"], known.note_ids["a1"]]}
    assert {n.note.id for n in select_notes(rows, selection, members)} == set(members["c1"])


def test_points_without_key_are_ignored():
    assert selection_from_points([{"x": 1}, {"customdata": ["geen json"]}]) is None
    assert selection_from_points([]) is None


def test_filters(db, actor, known):
    rows = read(db, actor, known.session_a, known.session_b)
    vertrekkers = apply_filters(rows, Filters(segments=("vertrekker",)))
    assert {n.participant_code for n in vertrekkers} == {"K2"}
    assert all(n.session_id == known.session_a for n in vertrekkers)
    k1_b = apply_filters(rows, Filters(participants=(f"{known.session_b}:K1",), polarities=("irritatie",)))
    assert len(k1_b) == 4
    assert len(apply_filters(rows, Filters(topics=("Facturen",)))) == 6


def test_describe():
    assert describe(Selection(theme="facturatie", topic="Facturen")) == "Irritaties met thema Facturatie & kosten, onderwerp Facturen"
    assert describe(Selection(cluster="c1", polarity=None), {"c1": "Wachttijd"}) == "Notities met cluster Wachttijd"


def test_heatmap_cells_are_clickable_markers(db, actor, known):
    rows = read(db, actor, known.session_a)
    fig = theme_topic_heatmap(rows)
    cells = fig.data[1]
    assert cells.type == "scatter" and len(cells.x) == len(fig.data[0].y) * len(fig.data[0].x)
    index = next(i for i, (x, y) in enumerate(zip(cells.x, cells.y)) if (x, y) == ("Facturen", "Facturatie & kosten"))
    selection = selection_from_points([{"customdata": list(cells.customdata[index])}])
    assert len(select_notes(rows, selection)) == 3 == int(cells.text[index])


def test_timeline_point_selects_every_note_of_its_topic(db, actor, known):
    from arena.charts import session_timeline

    rows = read(db, actor, known.session_a)
    fig = session_timeline(rows)
    positive = next(t for t in fig.data if t.name == "Positief")
    selection = selection_from_points([{"customdata": list(positive.customdata[0])}])
    assert selection.polarity is None and selection.topic in {"Bereikbaarheid", "Facturen"}
    assert len(select_notes(rows, selection)) == sum(1 for r in rows if r.agenda_topic == selection.topic)
