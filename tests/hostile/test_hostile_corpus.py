"""The hostile corpus through capture, storage, NLP, charts, report, exports and uploads.

Figures: crashes 0, lost notes 0, formula cells 0, live links/requests to the sentinel 0.
The 1 MB note goes through NLP only in scripts/hostile_figures.py (minutes of spaCy time).
"""

from __future__ import annotations

import pytest

from arena.services import notes, sessions
from tests.hostile.corpus import LARGE, NOTE_TEXTS, REFUSED_TEXTS
from tests.hostile.pipeline import (
    Sentinel,
    Tally,
    analysis_and_charts,
    capture,
    engine_or_none,
    nlp,
    person_exports,
    report_and_exports,
    texts,
    uploads,
)


@pytest.fixture(scope="module")
def sentinel():
    server = Sentinel()
    yield server
    server.close()


@pytest.fixture(scope="module")
def engine():
    found = engine_or_none()
    if found is None:
        pytest.skip("arena.nlp Engine not importable")
    return found


def test_capture_and_storage_lose_nothing_on_every_backend(any_db, actor, sentinel):
    tally = Tally()
    session = sessions.create_session(any_db, actor, title="Vijandige invoer")
    saved = capture(any_db, actor, session.id, texts(sentinel.url), tally)
    assert tally.crashes == [] and tally.lost == []
    assert set(saved) == set(NOTE_TEXTS)
    assert {k.split(":", 1)[1] for k in tally.refused} == set(REFUSED_TEXTS)
    assert all(m == "Lege notitie: er is niets opgeslagen." for m in tally.refused.values())
    stored = {n.id: n.text for n in notes.list_notes(any_db, actor, session.id)}
    assert len(stored[saved["one_megabyte"]]) == len(NOTE_TEXTS["one_megabyte"].strip())
    assert stored[saved["nul_byte"]] == "voor\ufffdna" and stored[saved["lone_surrogate"]] == "half \ufffd teken"
    assert stored[saved["sql_injection"]].startswith("'; DROP TABLE notes;")
    assert sentinel.hits == []


def test_nlp_charts_report_and_exports(db, actor, sentinel, engine):
    tally = Tally()
    corpus = texts(sentinel.url, include_large=False)
    nlp(engine, corpus, tally)
    session = sessions.create_session(db, actor, title="Vijandig <b>rapport</b> \u202e=1+1")
    capture(db, actor, session.id, corpus, tally)
    analysed = analysis_and_charts(db, actor, engine, session.id, tally)
    report_and_exports(db, actor, session.id, corpus, tally, charts=True)
    assert tally.crashes == [], tally.crashes
    assert tally.lost == [], tally.lost
    assert len(analysed) == len(corpus) and tally.checked["nlp"] == len(corpus)
    assert tally.checked["charts"] >= 5 and tally.checked["report"] == 1 and tally.checked["exports"] >= 2
    assert (tally.formula_cells, tally.external_links, tally.script_in_output) == (0, 0, 0)
    assert sentinel.hits == []  # the chart renderer (Chromium in kaleido) fetched nothing either


def test_large_notes_reach_report_and_exports_without_nlp(db, actor, sentinel):
    tally = Tally()
    big = {k: v for k, v in texts(sentinel.url).items() if k in LARGE}
    session = sessions.create_session(db, actor, title="Groot")
    capture(db, actor, session.id, big, tally)
    report_and_exports(db, actor, session.id, {}, tally, charts=False)
    assert tally.crashes == [] and tally.lost == [] and tally.formula_cells == 0


def test_person_export_with_hostile_name_and_notes(db, actor, sentinel):
    tally = Tally()
    session = sessions.create_session(db, actor, title="AVG")
    person_exports(db, actor, session.id, tally)
    assert tally.crashes == [] and tally.checked["person_exports"] == 1 and tally.external_links == 0


def test_hostile_uploads_are_refused_in_dutch_or_read(db, actor, sentinel):
    tally = Tally()
    session = sessions.create_session(db, actor, title="Uploads")
    uploads(db, actor, session.id, sentinel.url, tally)
    assert tally.crashes == [], tally.crashes
    for where in ("upload:csv_empty", "upload:xlsx_not_a_zip", "upload:xlsx_truncated", "upload:xls_old_format",
                  "upload:csv_binary_garbage"):
        assert where in tally.refused, where
    organisations = [p.organisation for p in sessions.participants(db, actor, session.id)]
    assert '=HYPERLINK("x")' in organisations  # kept as typed (text), neutralised only where a spreadsheet could run it
    assert sentinel.hits == []
