"""Neighbour votes: the labelled statements most like a note vote on its class.

Two memories use them. The head's embedding memory compares sentence embeddings (head.Memory).
The piece memories compare the letter and word pieces of the n-gram models, restricted to rare
pieces (found in at most 2 % of the labelled statements): two notes that share "opzegtermijn" or
"wachtmuziek" are neighbours even when the encoder places them apart, and the common pieces
("de", " ee") that would make every note everyone's neighbour are left out, which also keeps the
lookup cheap (~0.1 s per 1,000 notes). In 5-fold CV on train the two piece votes, as theme parts
of the combiner, raised theme top-1 0.761 -> 0.767 (in the experiment before, with word pairs
instead of the word model's 1-3 word pieces: 0.769, 104 statements won and 68 lost, p = 0.007).

Stored as plain arrays (an inverted index: per piece the statements that contain it, with the
piece's TF-IDF weight there), no pickle; scipy.sparse multiplies them (0.14 -> 0.05 s per 1,000
notes against numpy alone; the import costs 0.08 s once, at the first analysis).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

K = 15  # neighbours that vote; the temperature sharpens the vote towards the closest ones
TEMPERATURE = 0.05
MAX_DF = 0.02  # a piece in more statements than this share is too common to make neighbours
CHUNK = 128  # notes per similarity matrix: (notes x statements) float64 is 6 MB per 1,000 statements

Rows = list[tuple[np.ndarray, np.ndarray]]  # per note: (column indices, TF-IDF values), as tfidf.Tfidf gives


def vote(similarities: np.ndarray, labels: np.ndarray, n_classes: int) -> np.ndarray:
    """(notes, classes): the K most similar statements vote, weighted by similarity; a note
    similar to none of them (all zero) gets an even vote."""
    return votes(similarities, [(labels, n_classes)])[0]


def votes(similarities: np.ndarray, label_sets: list[tuple[np.ndarray, int]]) -> list[np.ndarray]:
    """The same neighbours voting on several labellings (polarity and theme), found once."""
    k = min(K, similarities.shape[1])
    top = np.argpartition(-similarities, k - 1, axis=1)[:, :k]
    weights = np.exp(np.take_along_axis(similarities, top, axis=1) / TEMPERATURE - 1.0 / TEMPERATURE)
    strangers = similarities.max(axis=1, initial=0.0) <= 0.0
    out = []
    for labels, n_classes in label_sets:
        tally = np.zeros((len(similarities), n_classes), dtype=np.float64)
        for row in range(len(similarities)):
            np.add.at(tally[row], labels[top[row]], weights[row])
        tally[strangers] = 1.0
        out.append(tally / np.maximum(tally.sum(axis=1, keepdims=True), 1e-12))
    return out


def _flat(rows: Rows) -> tuple[list[int], np.ndarray, np.ndarray]:
    """Per-row lengths and the rows' column indices and values, concatenated."""
    lengths = [len(c) for c, _ in rows]
    cols = np.concatenate([c for c, _ in rows] or [np.zeros(0, dtype=np.int64)]).astype(np.int64)
    return lengths, cols, np.concatenate([v for _, v in rows] or [np.zeros(0)])


@dataclass(frozen=True)
class PieceMemory:
    """The labelled statements' rare pieces as an inverted index over an n-gram vocabulary."""

    starts: np.ndarray  # (pieces + 1,): statements holding piece c are docs[starts[c]:starts[c + 1]]
    docs: np.ndarray  # statement index per entry
    values: np.ndarray  # the piece's TF-IDF value in that statement
    statements: int

    @classmethod
    def build(cls, rows: Rows, pieces: int, max_df: float | None = None) -> PieceMemory:
        """From the labelled statements' TF-IDF rows (same order as their labels); `max_df`
        defaults to MAX_DF."""
        max_df = MAX_DF if max_df is None else max_df
        lengths, cols, values = _flat(rows)
        docs = np.repeat(np.arange(len(rows)), lengths)
        df = np.bincount(cols, minlength=pieces)
        keep = df[cols] <= max_df * len(rows)
        cols, values, docs = cols[keep], values[keep], docs[keep]
        order = np.argsort(cols, kind="stable")
        starts = np.concatenate([[0], np.cumsum(np.bincount(cols, minlength=pieces))])
        return cls(starts.astype(np.int32), docs[order].astype(np.int32), values[order].astype(np.float16), len(rows))

    def vote(self, rows: Rows, labels: np.ndarray, n_classes: int) -> np.ndarray:
        """(notes, classes): the neighbour vote, a chunk of notes at a time to bound memory."""
        if not rows:
            return np.zeros((0, n_classes))
        return np.vstack([vote(self.similarities(rows[start:start + CHUNK]), labels, n_classes)
                          for start in range(0, len(rows), CHUNK)])

    def similarities(self, rows: Rows) -> np.ndarray:
        """(notes, statements): cosine over the rare pieces (each row is L2-normalised over all
        its pieces, so a note's common pieces lower its similarities a little, as in the fit)."""
        from scipy.sparse import csr_matrix

        pieces = len(self.starts) - 1
        if not hasattr(self, "_index"):  # (pieces, statements), built once per loaded head
            index = csr_matrix((self.values.astype(np.float32), self.docs, self.starts), shape=(pieces, self.statements))
            object.__setattr__(self, "_index", index)
        lengths, cols, values = _flat(rows)
        starts = np.concatenate([[0], np.cumsum(lengths)])
        notes = csr_matrix((values.astype(np.float32), cols, starts), shape=(len(rows), pieces))
        return (notes @ self._index).toarray()  # type: ignore[attr-defined]

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {prefix + "starts": self.starts, prefix + "docs": self.docs, prefix + "values": self.values,
                prefix + "statements": np.asarray(self.statements)}

    @classmethod
    def from_arrays(cls, prefix: str, z) -> PieceMemory | None:
        if prefix + "starts" not in z.files:
            return None
        return cls(z[prefix + "starts"], z[prefix + "docs"], z[prefix + "values"], int(z[prefix + "statements"]))
