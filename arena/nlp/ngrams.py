"""N-gram text models beside the embedding head: TF-IDF over the note's text + logistic regression.

Three kinds, each with a polarity and a theme model:
- letter pieces (2-5 characters): Dutch glues words together ("klantnummer", "wachtmuziek",
  "opzegtermijn", "spoedtoeslag"); a sentence embedding sees such compounds poorly and the
  lexicon cannot list them all, but their pieces ("klant", "wacht", "opzeg") carry the theme;
- word sequences (1-3 words): the embedding barely sees the sign of a sentence ("niet eens",
  "geen hart voor", "belden zelf op"), word n-grams do;
- base-form sequences (1-2 lemmas): "teruggebeld", "belde ... terug" and "terugbellen" are one
  piece, so a complaint worded in a form no training statement used still meets its theme.
In cross-validation on the training statements the letter pieces raised theme top-1 by 2-3 points,
the word n-grams polarity by 2 points (see the closing figures in models/README.md).

Stored as plain arrays (vocabulary, idf, coefficients) in the head's npz file, no pickle;
scikit-learn fits them, arena/nlp/tfidf.py applies them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from arena.nlp.lemmatizer import shared_lemmatizer
from arena.nlp.linear import Linear, from_sklearn, softmax
from arena.nlp.neighbours import PieceMemory, Rows
from arena.nlp.tfidf import Tfidf, char_wb_ngrams, linear_scores, word_ngrams

TOKEN = r"(?u)\b\w+\b"  # one-letter words count too ("u", "’s")


def lemma_ngrams(text: str) -> list[str]:
    """Base-form sequences (1-2): "belde ... terug", "teruggebeld" and "terugbellen" are one piece."""
    lemmas = [w.lower() for w in shared_lemmatizer().lemmatise(re.findall(TOKEN, text))]
    return [*lemmas, *(f"{a} {b}" for a, b in pairwise(lemmas))]


KINDS = {  # name -> scikit-learn vectoriser settings (fitting) and the same analysis (applying)
    "char": {"analyzer": "char_wb", "ngram_range": (2, 5)},
    "word": {"analyzer": "word", "ngram_range": (1, 3), "token_pattern": TOKEN},
    "lemma": {"analyzer": lemma_ngrams},
}


def _analyser(kind: str) -> Callable[[str], list[str]]:
    if kind == "lemma":
        return lemma_ngrams
    low, high = KINDS[kind]["ngram_range"]
    if kind == "char":
        return lambda text: char_wb_ngrams(text, low, high)
    return lambda text: word_ngrams(text, low, high, TOKEN)
MIN_DF = 2  # a piece seen in one statement only is noise
NEIGHBOUR_KINDS = ("char", "word")  # kinds that also keep a piece memory for a neighbour vote (neighbours.py)
C = 10.0  # sparse TF-IDF rows need far less regularisation than the dense head (CV on train)


def sklearn_vectoriser(kind: str, vocabulary: list[str] | None = None):
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(**KINDS[kind], sublinear_tf=True, lowercase=True,
                           min_df=1 if vocabulary is not None else MIN_DF, vocabulary=vocabulary)


@dataclass(frozen=True)
class NgramModel:
    """One TF-IDF vocabulary, two linear models on it (same classes and column order as the
    dense head's) and, for the NEIGHBOUR_KINDS, the labelled statements' rare pieces."""

    kind: str
    vocabulary: np.ndarray  # (pieces,) unicode, index = column
    idf: np.ndarray  # (pieces,)
    polarity: Linear
    theme: Linear
    memory: PieceMemory | None = None  # statements in the order of the head's embedding memory

    def __post_init__(self) -> None:
        object.__setattr__(self, "_tfidf", Tfidf(_analyser(self.kind), self.vocabulary.tolist(), self.idf))

    def rows(self, texts: list[str]) -> Rows:
        return self._tfidf.rows(texts)  # type: ignore[attr-defined]

    def proba(self, texts: list[str], rows: Rows | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(polarity, theme) probabilities; pass `rows` when they are already computed."""
        rows = self.rows(texts) if rows is None else rows
        pol = softmax(linear_scores(rows, self.polarity.coef, self.polarity.intercept))
        return pol, softmax(linear_scores(rows, self.theme.coef, self.theme.intercept))

    def with_memory(self, texts: list[str]) -> NgramModel:
        """This model with a piece memory of `texts` (the labelled statements)."""
        return NgramModel(self.kind, self.vocabulary, self.idf, self.polarity, self.theme,
                          PieceMemory.build(self.rows(texts), len(self.vocabulary)))

    def arrays(self) -> dict[str, np.ndarray]:
        k = f"ngram_{self.kind}_"
        memory = {} if self.memory is None else self.memory.arrays(k + "mem_")
        return {k + "vocabulary": self.vocabulary, k + "idf": self.idf,
                k + "pol_coef": self.polarity.coef, k + "pol_intercept": self.polarity.intercept,
                k + "theme_coef": self.theme.coef, k + "theme_intercept": self.theme.intercept, **memory}

    @classmethod
    def from_arrays(cls, kind: str, polarity_classes: tuple[str, ...], theme_classes: tuple[str, ...],
                    z) -> NgramModel | None:
        k = f"ngram_{kind}_"
        if k + "vocabulary" not in z.files:
            return None
        return cls(kind, z[k + "vocabulary"], z[k + "idf"],
                   Linear(polarity_classes, z[k + "pol_coef"], z[k + "pol_intercept"]),
                   Linear(theme_classes, z[k + "theme_coef"], z[k + "theme_intercept"]),
                   PieceMemory.from_arrays(k + "mem_", z))


def fit_ngrams(kind: str, texts: list[str], polarities: list[str], themes: list[str],
               polarity_classes: tuple[str, ...], theme_classes: tuple[str, ...],
               weights: np.ndarray | None = None, c: float = C) -> NgramModel:
    """Fit on the notes' texts; the class tuples fix the column order (the dense head's)."""
    from sklearn.linear_model import LogisticRegression

    vectoriser = sklearn_vectoriser(kind)
    x = vectoriser.fit_transform(texts)
    models = []
    for labels, classes in ((polarities, polarity_classes), (themes, theme_classes)):
        model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
        model.fit(x, labels, sample_weight=weights)
        models.append(from_sklearn(model, classes))
    vocabulary = sorted(vectoriser.vocabulary_, key=vectoriser.vocabulary_.get)
    model = NgramModel(kind, np.asarray(vocabulary, dtype=str), vectoriser.idf_.astype(np.float32), *models)
    return model.with_memory(texts) if kind in NEIGHBOUR_KINDS else model
