from __future__ import annotations

import pytest
from sqlalchemy import func, select

from arena.dashboard import aggregate as agg
from arena.dashboard.headline import build_headline, percent
from arena.services import analysis, notes
from arena.store import tables as t
from tests.dashboard.known_data import VERSION, read, result


def test_theme_counts_follow_human_labels(db, actor, known):
    rows = read(db, actor, known.session_a)
    assert agg.count_by_theme(rows) == [("facturatie", 3), ("bereikbaarheid", 2), ("overdracht", 2), ("product", 1)]
    by_id = {r.note.id: r for r in rows}
    assert by_id[known.note_ids["a5"]].is_irritation  # machine said neutraal, the human says irritatie
    assert not by_id[known.note_ids["a7"]].is_irritation  # machine said irritatie, the human says positief


def test_irritation_count_equals_database(db, actor, known):
    rows = read(db, actor, known.session_a)
    with db.read() as conn:
        machine = conn.execute(
            select(func.count()).select_from(t.note_analyses).where(t.note_analyses.c.polarity == "irritatie")
        ).scalar_one()
    # 11 machine irritations over both sessions (A: 7, B: 4); in A one is relabelled away, one added
    assert machine == 11
    assert len(agg.irritations(rows)) == 7


def test_reanalysis_never_overrides_a_human_label(db, actor, known):
    note = notes.get_note(db, actor, known.note_ids["a7"])
    analysis.store_result(db, note, result("irritatie", ["product"], 0.9, -0.9), "test-2")
    rows = analysis.analysed_notes(db, actor, [known.session_a], version="test-2")
    relabelled = next(r for r in rows if r.note.id == note.id)
    assert relabelled.machine_polarity == "irritatie"
    assert relabelled.polarity == "positief"


def test_theme_by_topic_and_segment(db, actor, known):
    rows = read(db, actor, known.session_a)
    topic = agg.theme_by_topic(rows)
    assert topic.cols == ["Bereikbaarheid", "Facturen"]
    assert topic.get("bereikbaarheid", "Bereikbaarheid") == 2
    assert topic.get("overdracht", "Bereikbaarheid") == 2
    assert topic.get("facturatie", "Facturen") == 3
    assert topic.get("product", "Facturen") == 1
    assert topic.total == 8  # 7 irritations, a2 has two themes
    segment = agg.theme_by_segment(rows)
    assert segment.cols == ["vaste_klant", "vertrekker", agg.NO_SEGMENT]
    assert segment.get("facturatie", "vaste_klant") == 2
    assert segment.get("overdracht", "vertrekker") == 2
    assert segment.get("facturatie", agg.NO_SEGMENT) == 1


def test_per_participant_sums_to_irritations(db, actor, known):
    rows = read(db, actor, known.session_a)
    matrix = agg.per_participant(rows)
    a = known.session_a
    assert matrix.cols == [f"{a}:K1", f"{a}:K2"]
    assert [sum(col) for col in zip(*matrix.values)] == [3, 3]
    assert matrix.get("facturatie", f"{a}:K1") == 2
    assert matrix.get("overdracht", f"{a}:K2") == 1  # a5 (labelled); a2's primary theme is bereikbaarheid


def test_category_share_and_headline(db, actor, known):
    rows = read(db, actor, known.session_a)
    share = agg.category_share(rows)
    assert share == {"organisatorisch": 7 / 8, "producttechnisch": 1 / 8}
    head = build_headline(rows, zorgklant_candidates=2)
    assert (head.notes, head.irritations) == (9, 7)
    assert head.top_themes == [("facturatie", 3), ("bereikbaarheid", 2), ("overdracht", 2)]
    assert head.field_reference == {"organisatorisch": 0.96, "producttechnisch": 0.04}
    assert percent(share["organisatorisch"]) == "87,5 %"
    assert percent(0.96) == "96 %"


def test_topic_mood(db, actor, known):
    moods = {m.topic: m for m in agg.topic_mood(read(db, actor, known.session_a))}
    assert moods["Bereikbaarheid"].irritations == 3
    assert moods["Bereikbaarheid"].intensity == round((0.8 + 0.6 + 0.0) / 3, 3)
    assert moods["Facturen"].sentiment == round((-0.6 + 0.8 - 0.4 - 0.1 - 0.8 - 0.3) / 6, 3)


def test_theme_share_per_session(db, actor, known):
    shares = agg.theme_share_per_session(read(db, actor, known.session_a, known.session_b))
    assert shares[known.session_a]["facturatie"] == 3 / 7
    assert shares[known.session_b] == {"bereikbaarheid": 0.25, "offerte": 0.5, "afspraken": 0.25}


def test_unanalysed_notes_fall_back_on_kind(db, actor):
    from arena.domain.model import NoteKind
    from arena.services import sessions

    session = sessions.create_session(db, actor, title="Leeg")
    notes.save_note(db, actor, session.id, "Goed geholpen", kind=NoteKind.COMPLIMENT)
    rows = analysis.analysed_notes(db, actor, [session.id], version=VERSION)
    assert rows[0].polarity == "positief" and not rows[0].analysed
    assert agg.count_by_theme(rows) == []
    assert build_headline(rows).category_share is None


@pytest.mark.parametrize(
    ("kind", "machine", "effective"),
    [
        ("actiepunt", "irritatie", "suggestie"),  # "Binnen vier weken terugkoppelen" names a problem, is a to-do
        ("compliment", "irritatie", "positief"),
        ("idee", "neutraal", "suggestie"),
        ("uitspraak", "irritatie", "irritatie"),  # no declared meaning: the engine decides
        ("observatie", "positief", "positief"),
        ("vraag", "neutraal", "neutraal"),
    ],
)
def test_declared_kind_outranks_the_machine_but_not_a_human(db, actor, kind, machine, effective):
    from arena.domain.model import NoteKind
    from arena.services import sessions

    session = sessions.create_session(db, actor, title="Soorten")
    note = notes.save_note(db, actor, session.id, "Binnen vier weken terugkoppeling sturen", kind=NoteKind(kind))
    analysis.store_result(db, notes.get_note(db, actor, note.id), result(machine, ["afspraken"], 0.5, -0.5), VERSION)
    row = analysis.analysed_notes(db, actor, [session.id], version=VERSION)[0]
    assert (row.machine_polarity, row.polarity) == (machine, effective)
    analysis.set_label(db, actor, note.id, polarity="neutraal", themes=None)
    assert analysis.analysed_notes(db, actor, [session.id], version=VERSION)[0].polarity == "neutraal"


@pytest.mark.parametrize(
    ("speaker", "kind", "effective"),
    [
        ("moderator", "uitspraak", "neutraal"),  # the moderator runs the session, never complains
        ("moderator", "idee", "suggestie"),  # a declared kind still says what the note is
        ("group", "uitspraak", "irritatie"),
        ("participant", "uitspraak", "irritatie"),
    ],
)
def test_the_moderators_own_words_count_as_neutral(db, actor, speaker, kind, effective):
    from arena.domain.model import NoteKind, SpeakerKind
    from arena.services import sessions

    session = sessions.create_session(db, actor, title="Sprekers")
    person = sessions.add_participant(db, actor, session.id, "Els")
    note = notes.save_note(db, actor, session.id, "De medewerkers reageren vandaag niet op wat u zegt.",
                           kind=NoteKind(kind), speaker_kind=SpeakerKind(speaker),
                           participant_id=person.id if speaker == "participant" else None)
    analysis.store_result(db, notes.get_note(db, actor, note.id), result("irritatie", ["bereikbaarheid"], 0.5, -0.5),
                          VERSION)
    row = analysis.analysed_notes(db, actor, [session.id], version=VERSION)[0]
    assert (row.machine_polarity, row.polarity) == ("irritatie", effective)
    analysis.set_label(db, actor, note.id, polarity="irritatie", themes=None)  # a human may still disagree
    assert analysis.analysed_notes(db, actor, [session.id], version=VERSION)[0].polarity == "irritatie"


def test_read_model_stamp_moves_on_every_change(db, actor, known):
    first = analysis.read_model_stamp(db)
    assert analysis.read_model_stamp(db) == first
    analysis.set_key_quote(db, actor, known.note_ids["a1"], True)
    second = analysis.read_model_stamp(db)
    assert second != first
    notes.edit_note(db, actor, known.note_ids["a1"], text="Ik werd vier keer niet teruggebeld.")
    assert analysis.read_model_stamp(db) != second
