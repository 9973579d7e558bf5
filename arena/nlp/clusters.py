"""Discovered clusters beyond the taxonomy: embedding k-means, labelled with c-TF-IDF lemmas."""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING

import numpy as np

from arena.nlp.results import Cluster

if TYPE_CHECKING:
    from arena.nlp.engine import Engine

MIN_NOTES = 4
THEME_SHARE = 0.5  # a cluster "is" a taxonomy theme when at least half its notes carry it
_SKIP = frozenset("klant deelnemer keer heel echt gewoon eigenlijk hebben zijn worden gaan komen krijgen "
                  "zeggen doen maken moeten kunnen willen zullen laten".split())


def discover_clusters(texts: list[str], engine: Engine, max_clusters: int = 8) -> list[Cluster]:
    """Group similar notes; each cluster gets a readable Dutch label from its typical words.

    Pure: the same texts give the same clusters (fixed seed). Empty notes are ignored.
    """
    index = [i for i, t in enumerate(texts) if t and t.strip()]
    if len(index) < MIN_NOTES:
        return []
    notes = [texts[i] for i in index]
    embeddings = engine.embedder.encode(notes)
    labels = _kmeans(embeddings, max_clusters)
    terms = [_terms(doc) for doc in engine.nlp.pipe(notes, batch_size=256)]
    results = engine.analyse_many(notes)
    clusters = []
    doc_freq = Counter(t for ts in terms for t in set(ts))
    for k in sorted(set(labels)):
        members = [j for j, lab in enumerate(labels) if lab == k]
        counts = Counter(t for j in members for t in terms[j])
        # c-TF-IDF: frequent in this cluster, rare elsewhere
        ranked = sorted(counts, key=lambda t: -counts[t] * math.log(1 + len(notes) / doc_freq[t]))
        top = ranked[:5]
        themes = Counter(r.theme_codes[0] for r in (results[j] for j in members) if r.themes)
        theme, share = (themes.most_common(1)[0] if themes else (None, 0))
        clusters.append(Cluster(
            label=" · ".join(top[:3]) if top else "overig",
            keyphrases=top,
            members=[index[j] for j in members],
            theme=theme if share >= THEME_SHARE * len(members) else None,
        ))
    clusters.sort(key=lambda c: -len(c.members))
    return clusters


def _kmeans(embeddings: np.ndarray, max_clusters: int) -> list[int]:
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    n = len(embeddings)
    best, best_score = [0] * n, -1.0
    for k in range(2, max(2, min(max_clusters, n // 2)) + 1):
        model = KMeans(n_clusters=k, n_init=5, random_state=0).fit(embeddings)
        if len(set(model.labels_)) < 2:
            continue
        value = silhouette_score(embeddings, model.labels_, metric="cosine")
        if value > best_score:
            best, best_score = model.labels_.tolist(), value
    return best


def _terms(doc) -> list[str]:
    return [t.lemma_ for t in doc if t.is_alpha and not t.is_stop and len(t.lemma_) > 2 and t.lemma_ not in _SKIP]
