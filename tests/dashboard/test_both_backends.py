"""The read model and review events behave the same on SQLite and PostgreSQL (JSON columns, joined reads)."""

from __future__ import annotations

import json

from arena.dashboard import aggregate as agg
from arena.nlp.results import Cluster
from arena.services import review
from tests.dashboard.known_data import build, read


def test_counts_labels_and_clusters_on_each_backend(any_db, actor):
    known = build(any_db, actor)
    rows = read(any_db, actor, known.session_a, known.session_b)
    a_rows = [r for r in rows if r.session_id == known.session_a]
    assert agg.count_by_theme(a_rows) == [("facturatie", 3), ("bereikbaarheid", 2), ("overdracht", 2), ("product", 1)]
    first = next(r for r in a_rows if r.note.id == known.note_ids["a2"])
    assert first.theme_scores == {"bereikbaarheid": 0.9, "overdracht": 0.8} and first.keyphrases == ["test"]
    lines = [json.loads(line) for line in review.labelled_jsonl(any_db, actor, [known.session_a]).splitlines()]
    assert {row["polarity"] for row in lines} == {"irritatie", "positief"}
    scope = review.cluster_scope([known.session_a])
    review.store_discovery(any_db, actor, scope, [Cluster("x", ["x"], [0, 1]), Cluster("y", ["y"], [2])],
                           [known.note_ids[k] for k in ("a1", "a2", "a3")])
    review.merge_clusters(any_db, actor, scope, ["c1", "c2"], "samen")
    assert [c.label for c in review.reviewed_clusters(any_db, actor, scope)] == ["samen"]
    review.undo_cluster_edit(any_db, actor, scope)
    assert sorted(c.id for c in review.reviewed_clusters(any_db, actor, scope)) == ["c1", "c2"]
