"""TF-IDF rows for a fixed vocabulary, as scikit-learn's TfidfVectorizer computes them.

Fitting uses scikit-learn; applying a fitted vocabulary is this small module, so loading the
engine does not import scikit-learn (~0.9 s of the 5 s load budget). A test checks that the
rows equal scikit-learn's for the same settings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import numpy as np

_WHITE_SPACES = re.compile(r"\s\s+")


def char_wb_ngrams(text: str, low: int, high: int) -> list[str]:
    """Letter n-grams inside word boundaries, each word padded with one space."""
    out: list[str] = []
    for word in _WHITE_SPACES.sub(" ", text.lower()).split():
        word = f" {word} "
        length = len(word)
        for n in range(low, high + 1):
            offset = 0
            out.append(word[offset:offset + n])
            while offset + n < length:
                offset += 1
                out.append(word[offset:offset + n])
            if offset == 0:  # a word shorter than n is counted once
                break
    return out


def word_ngrams(text: str, low: int, high: int, token_pattern: str) -> list[str]:
    tokens = re.findall(token_pattern, text.lower())
    out = list(tokens) if low == 1 else []
    for n in range(max(low, 2), min(high, len(tokens)) + 1):
        out.extend(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
    return out


class Tfidf:
    """Sublinear-tf, idf-weighted, L2-normalised rows over a fixed vocabulary."""

    def __init__(self, analyse: Callable[[str], list[str]], vocabulary: list[str], idf: np.ndarray) -> None:
        self.analyse = analyse
        self.index = {term: i for i, term in enumerate(vocabulary)}
        self.idf = np.asarray(idf, dtype=np.float64)

    def row(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(column indices, values) of one note's row."""
        counts = Counter(self.index[t] for t in self.analyse(text) if t in self.index)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        cols = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        values = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))) * self.idf[cols]
        return cols, values / np.linalg.norm(values)

    def rows(self, texts: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        return [self.row(t) for t in texts]


def linear_scores(rows: list[tuple[np.ndarray, np.ndarray]], coef: np.ndarray, intercept: np.ndarray) -> np.ndarray:
    """rows @ coef.T + intercept, shape (rows, classes), without building a sparse matrix."""
    out = np.tile(intercept.astype(np.float64), (len(rows), 1))
    for i, (cols, values) in enumerate(rows):
        if len(cols):
            out[i] += coef[:, cols] @ values
    return out
