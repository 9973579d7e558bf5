"""The small classifier head on top of the features (embedding + rule signals + theme similarity).

Two multinomial logistic regressions, polarity (4 classes) and main theme (11 themes + "none"),
blended with a nearest-neighbour vote over the labelled examples' embeddings and with letter,
word and base-form n-gram models on the note's text (arena/nlp/ngrams.py); for the theme also with
neighbour votes on rare letter and word pieces (arena/nlp/neighbours.py). Polarity blends these
parts with fixed shares; the theme ranking uses the learned combiner when the head has one
(arena/nlp/combiner.py).
Stored as plain numpy arrays (no pickle), so loading is fast and safe; scikit-learn is only
needed to fit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from arena.nlp.combiner import Combiner, Parts
from arena.nlp.linear import Linear
from arena.nlp.neighbours import votes
from arena.nlp.ngrams import NgramModel, fit_ngrams

NO_THEME = "-"


@dataclass(frozen=True)
class Memory:
    """The labelled examples' embeddings: a similarity-weighted vote of the nearest ones catches
    paraphrases that a linear model on the embedding misses (+2-3 points polarity in CV)."""

    vectors: np.ndarray  # (examples, 512), unit length
    polarity: np.ndarray  # class index per example
    theme: np.ndarray

    def votes(self, embeddings: np.ndarray, polarity_classes: int, theme_classes: int) -> list[np.ndarray]:
        """[polarity, theme] votes of the same neighbours: the similarities are computed once."""
        return votes(embeddings @ self.vectors.T.astype(np.float32),
                     [(self.polarity, polarity_classes), (self.theme, theme_classes)])


@dataclass(frozen=True)
class Head:
    mean: np.ndarray
    scale: np.ndarray
    polarity: Linear
    theme: Linear
    meta: dict
    memory: Memory | None = None
    ngrams: tuple[NgramModel, ...] = ()
    combiner: Combiner | None = None  # the learned blend of the parts; fixed shares without it

    def transform(self, features: np.ndarray) -> np.ndarray:
        return (features - self.mean) / self.scale

    def parts(self, features: np.ndarray, texts: list[str] | None = None) -> Parts:
        """Each part's class probabilities; `texts` (the notes, cleaned) feed the n-gram models."""
        x = self.transform(features)
        pol, theme = {"dense": self.polarity.proba(x)}, {"dense": self.theme.proba(x)}
        if self.memory is not None:
            emb = features[:, :EMBEDDING_DIMS]
            pol["knn"], theme["knn"] = self.memory.votes(emb, len(self.polarity.classes), len(self.theme.classes))
        for model in self.ngrams if texts is not None else ():
            rows = model.rows(texts)
            pol[model.kind], theme[model.kind] = model.proba(texts, rows)
            if model.memory is not None and self.memory is not None:  # the theme's piece neighbours
                theme[f"{model.kind}_knn"] = model.memory.vote(rows, self.memory.theme, len(self.theme.classes))
        return Parts(pol, theme)

    def predict(self, features: np.ndarray, texts: list[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Class probabilities (polarity, theme): the parts blended with fixed shares."""
        return self.blend(self.parts(features, texts))

    @staticmethod
    def blend(parts: Parts) -> tuple[np.ndarray, np.ndarray]:
        pol, theme = parts.polarity["dense"], parts.theme["dense"]
        if "knn" in parts.polarity:
            pol = LINEAR_SHARE * pol + (1 - LINEAR_SHARE) * parts.polarity["knn"]
            theme = LINEAR_SHARE * theme + (1 - LINEAR_SHARE) * parts.theme["knn"]
        for kind, (pol_share, theme_share) in NGRAM_SHARES.items():
            if kind in parts.polarity:
                pol = (1 - pol_share) * pol + pol_share * parts.polarity[kind]
                theme = (1 - theme_share) * theme + theme_share * parts.theme[kind]
        return pol, theme

    def save(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        extra = {}
        if self.memory is not None:
            extra = {"mem_vectors": self.memory.vectors.astype(np.float16),
                     "mem_polarity": self.memory.polarity, "mem_theme": self.memory.theme}
        for model in self.ngrams:
            extra.update(model.arrays())
        if self.combiner is not None:
            extra.update(self.combiner.arrays())
        np.savez_compressed(
            folder / "head.npz", mean=self.mean, scale=self.scale,
            pol_coef=self.polarity.coef, pol_intercept=self.polarity.intercept,
            theme_coef=self.theme.coef, theme_intercept=self.theme.intercept, **extra,
        )
        meta = {**self.meta, "polarity_classes": list(self.polarity.classes),
                "theme_classes": list(self.theme.classes)}
        (folder / "head.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
        return folder

    @classmethod
    def load(cls, folder: Path) -> Head | None:
        if not (folder / "head.npz").exists():
            return None
        meta = json.loads((folder / "head.json").read_text(encoding="utf-8"))
        with np.load(folder / "head.npz", allow_pickle=False) as z:
            memory = None
            if "mem_vectors" in z.files:
                memory = Memory(z["mem_vectors"].astype(np.float32), z["mem_polarity"], z["mem_theme"])
            theme_classes = tuple(meta["theme_classes"])
            return cls(
                mean=z["mean"], scale=z["scale"],
                polarity=Linear(tuple(meta["polarity_classes"]), z["pol_coef"], z["pol_intercept"]),
                theme=Linear(theme_classes, z["theme_coef"], z["theme_intercept"]),
                meta=meta, memory=memory, ngrams=_load_ngrams(tuple(meta["polarity_classes"]), theme_classes, z),
                combiner=Combiner.from_arrays(z),
            )


def _load_ngrams(polarity_classes: tuple[str, ...], theme_classes: tuple[str, ...], z) -> tuple[NgramModel, ...]:
    models = (NgramModel.from_arrays(kind, polarity_classes, theme_classes, z) for kind in NGRAM_SHARES)
    return tuple(m for m in models if m is not None)


EMBEDDING_DIMS = 512
LINEAR_SHARE = 0.7  # weight of the regressions against the neighbour vote (CV on train)
# (polarity, theme) weight of each n-gram model, blended in this order onto the dense head's
# probabilities (5-fold CV on train: +2 points polarity, +3 points theme over the dense head alone).
# The base-form model speaks only through the theme combiner: theme 0.756 -> 0.761 in CV, while a
# polarity share of 0.2 changed nothing (0.840 either way)
NGRAM_SHARES = {"char": (0.4, 0.5), "word": (0.35, 0.25), "lemma": (0.0, 0.0)}
HEAD_C = 0.05  # regularisation of the dense regressions (CV on train; 0.025 and 0.1 no better)
EMBEDDING_WEIGHT = 0.35  # shrinks the 512 embedding columns so the few rule signals are not drowned


def fit_head(features: np.ndarray, polarities: list[str], themes: list[str], meta: dict,
             c: float = HEAD_C, weights: np.ndarray | None = None, texts: list[str] | None = None) -> Head:
    """Fit both regressions; `themes` holds the main theme per example or NO_THEME.

    Standardised features; the embedding block is down-weighted by folding the weight into
    its scale, so prediction stays a plain (x - mean) / scale. C and the weight were chosen by
    5-fold cross-validation on the training split only. With `texts` (the cleaned notes, same
    order) the character n-gram theme model is fitted as well.
    """
    from sklearn.linear_model import LogisticRegression

    mean = features.mean(axis=0)
    scale = features.std(axis=0) + 1e-6
    scale[:EMBEDDING_DIMS] /= EMBEDDING_WEIGHT
    x = (features - mean) / scale
    heads = []
    for target in (polarities, themes):
        model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
        model.fit(x, target, sample_weight=weights)
        heads.append(Linear(tuple(str(k) for k in model.classes_), model.coef_.astype(np.float32),
                            model.intercept_.astype(np.float32)))
    memory = Memory(
        features[:, :EMBEDDING_DIMS].astype(np.float32),
        np.asarray([heads[0].classes.index(p) for p in polarities], dtype=np.int64),
        np.asarray([heads[1].classes.index(t) for t in themes], dtype=np.int64),
    )
    ngrams: list[NgramModel] = []
    for kind in NGRAM_SHARES if texts is not None else ():
        try:
            ngrams.append(fit_ngrams(kind, texts, polarities, themes, heads[0].classes, heads[1].classes, weights))
        except ValueError:  # a handful of examples can leave no n-gram seen twice: dense head only
            continue
    return Head(mean.astype(np.float32), scale.astype(np.float32), heads[0], heads[1], meta, memory, tuple(ngrams))
