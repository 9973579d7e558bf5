"""Cluster review: append-only edits in cluster_edits, merges undone by an undo event, all in the audit log."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from arena.dashboard.clusters import fold
from arena.domain.text import ValidationError
from arena.nlp.results import Cluster
from arena.services import review
from arena.services.analysis import set_label
from arena.store import repo_audit
from arena.store import tables as t


@pytest.fixture
def scope(db, actor, known):
    ids = [known.note_ids[k] for k in ("a1", "a2", "a3", "a5", "a6", "a8")]
    found = [
        Cluster("wachttijd · terugbellen", ["wachttijd", "terugbellen"], [0, 1]),
        Cluster("factuur · fout", ["factuur", "fout"], [2, 4, 5]),
        Cluster("verhaal opnieuw", ["verhaal"], [3]),
    ]
    scope = review.cluster_scope([known.session_a])
    review.store_discovery(db, actor, scope, found, ids)
    return scope


def test_discovery_is_stored_with_note_ids(db, actor, known, scope):
    clusters = review.reviewed_clusters(db, actor, scope)
    assert [c.id for c in clusters] == ["c2", "c1", "c3"]
    assert clusters[0].note_ids == sorted(known.note_ids[k] for k in ("a3", "a6", "a8"))


def test_rename_merge_undo(db, actor, known, scope):
    review.rename_cluster(db, actor, scope, "c1", "Niet teruggebeld")
    review.merge_clusters(db, actor, scope, ["c1", "c3"], "Bereikbaarheid en overdracht")
    merged = {c.id: c for c in review.reviewed_clusters(db, actor, scope)}
    assert set(merged) == {"c2", next(k for k in merged if k.startswith("m"))}
    new = next(c for c in merged.values() if c.origin == "samengevoegd")
    assert new.note_ids == sorted(known.note_ids[k] for k in ("a1", "a2", "a5"))
    assert new.sources == ["c1", "c3"]

    review.undo_cluster_edit(db, actor, scope)  # reverses the merge, keeps the rename
    after = {c.id: c for c in review.reviewed_clusters(db, actor, scope)}
    assert set(after) == {"c1", "c2", "c3"}
    assert after["c1"].label == "Niet teruggebeld"
    review.undo_cluster_edit(db, actor, scope)  # then the rename
    assert {c.id: c.label for c in review.reviewed_clusters(db, actor, scope)}["c1"] == "wachttijd · terugbellen"
    with pytest.raises(ValidationError):
        review.undo_cluster_edit(db, actor, scope)

    with db.read() as conn:
        actions = [r.action for r in conn.execute(select(t.cluster_edits).order_by(t.cluster_edits.c.id))]
        audit = [e["action"] for e in repo_audit.entries(conn, "cluster_edit")]
    assert actions == ["discover", "rename", "merge", "undo", "undo"]  # nothing deleted
    assert audit == ["cluster.discover", "cluster.rename", "cluster.merge", "cluster.undo", "cluster.undo"]
    assert all(e["by"] for e in review.cluster_events(db, actor, scope))


def test_split_moves_chosen_notes(db, actor, known, scope):
    review.split_cluster(db, actor, scope, "c2", [known.note_ids["a6"]], "Aanmaning na betaling")
    clusters = {c.label: c for c in review.reviewed_clusters(db, actor, scope)}
    assert clusters["Aanmaning na betaling"].note_ids == [known.note_ids["a6"]]
    assert known.note_ids["a6"] not in clusters["factuur · fout"].note_ids
    with pytest.raises(ValidationError):
        review.split_cluster(db, actor, scope, "c3", [known.note_ids["a5"]], "Alles")  # would empty c3
    with pytest.raises(ValidationError):
        review.merge_clusters(db, actor, scope, ["c1"])
    with pytest.raises(ValidationError):
        review.rename_cluster(db, actor, scope, "c99", "x")


def test_new_discovery_starts_fresh_but_keeps_history(db, actor, known, scope):
    review.rename_cluster(db, actor, scope, "c1", "Oud")
    review.store_discovery(db, actor, scope, [Cluster("nieuw", ["x"], [0])], [known.note_ids["a1"]])
    assert [c.label for c in review.reviewed_clusters(db, actor, scope)] == ["nieuw"]
    assert len(review.cluster_events(db, actor, scope)) == 3


def test_fold_ignores_stale_edits():
    events = [
        {"id": 1, "action": "discover", "payload": {"clusters": [{"id": "c1", "label": "a", "note_ids": [1]}]}},
        {"id": 2, "action": "merge", "payload": {"clusters": ["c1", "c9"]}},
    ]
    assert [c.id for c in fold(events)] == ["c1"]


def test_labelled_export_matches_eval_format(db, actor, known):
    set_label(db, actor, known.note_ids["a3"], polarity=None, themes=["facturatie", "klachtafhandeling"])
    lines = review.labelled_jsonl(db, actor, [known.session_a]).decode("utf-8").splitlines()
    rows = {json.loads(line)["text"]: json.loads(line) for line in lines}
    assert set(rows) == {"Ik moest mijn verhaal steeds opnieuw doen.", "Het product werkt prima.", "De factuur klopte weer niet."}
    assert rows["Het product werkt prima."]["polarity"] == "positief"
    # a partial label (themes only) keeps the machine's polarity
    assert rows["De factuur klopte weer niet."] == {
        "id": f"note-{known.note_ids['a3']}-v1", "text": "De factuur klopte weer niet.",
        "polarity": "irritatie", "themes": ["facturatie", "klachtafhandeling"],
    }
    assert set(next(iter(rows.values()))) == {"id", "text", "polarity", "themes"}


def test_dismissed_zorgklant_is_remembered(db, actor, known):
    pid = known.participant_ids["A:K1"]
    with pytest.raises(ValidationError):
        review.dismiss_zorgklant(db, actor, pid, " ")
    review.dismiss_zorgklant(db, actor, pid, "Incident, al opgelost")
    assert review.dismissed_participants(db, [pid, known.participant_ids["A:K2"]]) == {pid}
    with db.read() as conn:
        assert [e["action"] for e in repo_audit.entries(conn, "participant", pid)][-1] == "zorgklant.dismiss"


def test_confirm_zorgklant_flags_participant(db, actor, known):
    from arena.services import sessions

    pid = known.participant_ids["A:K2"]
    review.confirm_zorgklant(db, actor, pid, "Wil vertrekken na drie storingen", owner="Sanne")
    history = [e["action"] for e in sessions.zorgklant_history(db, actor, pid)]
    assert history == ["flagged", "suggestion_confirmed"]


def test_zorgklant_candidates_leave_out_dismissed_and_flagged(db, actor, known):
    rows = review.analysed_notes(db, actor, [known.session_a, known.session_b], version="test-1")
    found = {(c.session_id, c.code) for c in review.zorgklant_candidates(db, actor, rows)}
    assert found == {(known.session_a, "K1"), (known.session_a, "K2"), (known.session_b, "K1")}
    review.dismiss_zorgklant(db, actor, known.participant_ids["A:K1"], "Al gebeld door accountmanager")
    review.confirm_zorgklant(db, actor, known.participant_ids["A:K2"], "Wil vertrekken")
    left = review.zorgklant_candidates(db, actor, rows)
    assert [(c.session_id, c.code) for c in left] == [(known.session_b, "K1")]
    assert left[0].note_count == 4 and "irritaties" in left[0].reason
