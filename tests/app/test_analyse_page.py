"""The Analyse page under AppTest: opens on demo and empty sessions; filters, review, clusters, actions, zorgklanten."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from arena.nlp.results import Cluster
from arena.paths import database_url
from arena.services import actions, analysis, review, sessions
from arena.services.auth import LOCAL_USER
from arena.services.bootstrap import open_database
from arena.services.demo import create_demo_session
from arena.store import tables as t
from tests.conftest import REPO


def open_page(session_id: int) -> AppTest:
    app = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=120)
    app.query_params["sessie"] = str(session_id)
    app.switch_page("pages/analyse.py")
    return app.run()


def metric(app: AppTest, label: str) -> str:
    return next(m.value for m in app.metric if m.label == label)


@pytest.fixture
def app_db(data_dir):
    db = open_database(database_url())
    yield db
    db.dispose()


@pytest.fixture
def demo(app_db) -> int:
    return create_demo_session(app_db, LOCAL_USER)


def test_opens_on_demo_session_and_analyses_it(app_db, demo):
    app = open_page(demo)
    assert not app.exception, app.exception
    total = len(analysis.analysed_notes(app_db, LOCAL_USER, [demo]))
    assert metric(app, "Notities") == str(total)
    assert analysis.pending_notes(app_db, [demo]) == []  # analysed once, stored
    irritations = sum(1 for n in analysis.analysed_notes(app_db, LOCAL_USER, [demo]) if n.is_irritation)
    assert metric(app, "Irritaties") == str(irritations)
    assert any("Top 3 thema's" in m.value for m in app.markdown)


def test_opens_on_empty_session(app_db):
    empty = sessions.create_session(app_db, LOCAL_USER, title="Nog leeg")
    app = open_page(empty.id)
    assert not app.exception, app.exception
    assert metric(app, "Notities") == "0"
    assert any("nog geen notities" in i.value for i in app.info)


def test_segment_filter_narrows_the_headline(app_db, demo):
    app = open_page(demo)
    notes = analysis.analysed_notes(app_db, LOCAL_USER, [demo])
    vertrekkers = [n for n in notes if n.segment and n.segment.value == "vertrekker"]
    assert vertrekkers
    app.multiselect(key="f_segment").set_value(["vertrekker"]).run()
    assert not app.exception
    assert metric(app, "Notities") == str(len(vertrekkers))
    assert metric(app, "Irritaties") == str(sum(1 for n in vertrekkers if n.is_irritation))


def test_drilldown_selectbox_lists_the_notes_of_a_theme(app_db, demo):
    app = open_page(demo)
    notes = analysis.analysed_notes(app_db, LOCAL_USER, [demo])
    expected = [n for n in notes if n.is_irritation and "bereikbaarheid" in n.themes]
    app.selectbox(key="drill_theme").set_value("bereikbaarheid").run()
    assert not app.exception
    assert any(f"— {len(expected)} notities" in m.value for m in app.markdown)


def test_review_label_wins_and_is_logged(app_db, demo):
    app = open_page(demo)
    note = next(n for n in analysis.analysed_notes(app_db, LOCAL_USER, [demo]) if n.is_irritation)
    app.toggle(key="drill_all").set_value(True).run()
    app.selectbox(key="review_note").set_value(note.note.id).run()
    app.selectbox(key=f"label_pol_{note.note.id}").set_value("positief")
    app.multiselect(key=f"label_themes_{note.note.id}").set_value(["bejegening"])
    app.button(key="label_save").click().run()
    assert not app.exception, app.exception
    after = next(n for n in analysis.analysed_notes(app_db, LOCAL_USER, [demo]) if n.note.id == note.note.id)
    assert (after.polarity, after.themes, after.human_labelled) == ("positief", ["bejegening"], True)
    with app_db.read() as conn:
        audit = conn.execute(select(t.audit_log.c.action, t.audit_log.c.actor).where(t.audit_log.c.entity_id == note.note.id)).all()
    assert ("label.set", LOCAL_USER.name) in [tuple(r) for r in audit]


def test_create_action_from_selected_theme(app_db, demo):
    app = open_page(demo)
    app.selectbox(key="drill_theme").set_value("bereikbaarheid").run()
    app.text_input(key="act_title").input("Terugbelbelofte binnen 4 uur")
    app.text_input(key="act_owner").input("Klantenservice")
    next(b for b in app.button if b.label == "Actie toevoegen").click().run()
    assert not app.exception, app.exception
    (action,) = actions.list_actions(app_db, LOCAL_USER, [demo])
    assert (action.title, action.theme_code, action.owner) == ("Terugbelbelofte binnen 4 uur", "bereikbaarheid", "Klantenservice")
    evidence = {n.note.id for n in analysis.analysed_notes(app_db, LOCAL_USER, [demo]) if n.is_irritation and "bereikbaarheid" in n.themes}
    assert set(action.evidence_note_ids) == evidence
    assert metric(app, "Open verbeteracties") == "1"


def test_action_without_title_gives_dutch_message(app_db, demo):
    app = open_page(demo)
    next(b for b in app.button if b.label == "Actie toevoegen").click().run()
    assert any("Titel is verplicht" in e.value for e in app.error)
    assert actions.list_actions(app_db, LOCAL_USER, [demo]) == []


def test_rename_and_undo_cluster(app_db, demo):
    notes = analysis.analysed_notes(app_db, LOCAL_USER, [demo])
    scope = review.cluster_scope([demo])
    review.store_discovery(app_db, LOCAL_USER, scope, [Cluster("a · b", ["a"], [0, 1]), Cluster("c", ["c"], [2])],
                           [n.note.id for n in notes[:3]])
    app = open_page(demo)
    app.selectbox(key="cl_rename_id").set_value("c1")
    app.text_input(key="cl_rename_name").input("Wachttijd")
    next(b for b in app.button if b.label == "Hernoemen").click().run()
    assert not app.exception, app.exception
    assert {c.id: c.label for c in review.reviewed_clusters(app_db, LOCAL_USER, scope)}["c1"] == "Wachttijd"
    app.button(key="cl_undo").click().run()
    assert {c.id: c.label for c in review.reviewed_clusters(app_db, LOCAL_USER, scope)}["c1"] == "a · b"


def test_dismiss_zorgklant_suggestion(app_db, demo):
    app = open_page(demo)
    candidates = review.zorgklant_candidates(app_db, LOCAL_USER, analysis.analysed_notes(app_db, LOCAL_USER, [demo]))
    assert candidates, "the demo session should yield zorgklant suggestions"
    first = candidates[0]
    app.button(key=f"zk_no_{first.participant_id}").click().run()
    assert any("Reden is verplicht" in e.value for e in app.error)  # no reason: nothing stored
    app.text_input(key=f"zk_reason_{first.participant_id}").input("Al opgelost door de accountmanager")
    app.button(key=f"zk_no_{first.participant_id}").click().run()
    assert not app.exception, app.exception
    left = review.zorgklant_candidates(app_db, LOCAL_USER, analysis.analysed_notes(app_db, LOCAL_USER, [demo]))
    assert first.participant_id not in {c.participant_id for c in left}
    assert metric(app, "Zorgklant-kandidaten") == str(len(left))


def test_later_session_shows_how_an_earlier_actions_theme_moved(app_db):
    from tests.dashboard.known_data import build

    known = build(app_db, LOCAL_USER)
    actions.create_action(app_db, LOCAL_USER, known.session_a, "Terugbelbelofte", theme_code="bereikbaarheid")
    app = open_page(known.session_b)
    assert not app.exception, app.exception
    table = next(d.value for d in app.dataframe if "Aandeel toen" in d.value.columns)
    row = table[table["Actie"] == "Terugbelbelofte"].iloc[0]
    assert row["Sessie"] == f"#{known.session_a}"
    assert row["Aandeel toen"].endswith("%") and row["Aandeel later"].endswith("%")
    assert row["Verandering"][0] in "▲▼="
