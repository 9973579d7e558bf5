"""The small classifier head on top of the features (embedding + rule signals + theme similarity).

Two multinomial logistic regressions: polarity (4 classes) and main theme (11 themes + "none").
Stored as plain numpy arrays (no pickle), so loading is fast and safe; scikit-learn is only
needed to fit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

NO_THEME = "-"


@dataclass(frozen=True)
class Linear:
    classes: tuple[str, ...]
    coef: np.ndarray  # (classes, features)
    intercept: np.ndarray  # (classes,)

    def proba(self, x: np.ndarray) -> np.ndarray:
        z = x @ self.coef.T + self.intercept
        if len(self.classes) == 2 and z.shape[1] == 1:  # scikit-learn's binary form
            z = np.hstack([-z, z])
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class Head:
    mean: np.ndarray
    scale: np.ndarray
    polarity: Linear
    theme: Linear
    meta: dict

    def transform(self, features: np.ndarray) -> np.ndarray:
        return (features - self.mean) / self.scale

    def predict(self, features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        x = self.transform(features)
        return self.polarity.proba(x), self.theme.proba(x)

    def save(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            folder / "head.npz", mean=self.mean, scale=self.scale,
            pol_coef=self.polarity.coef, pol_intercept=self.polarity.intercept,
            theme_coef=self.theme.coef, theme_intercept=self.theme.intercept,
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
            return cls(
                mean=z["mean"], scale=z["scale"],
                polarity=Linear(tuple(meta["polarity_classes"]), z["pol_coef"], z["pol_intercept"]),
                theme=Linear(tuple(meta["theme_classes"]), z["theme_coef"], z["theme_intercept"]),
                meta=meta,
            )


EMBEDDING_DIMS = 512
EMBEDDING_WEIGHT = 0.35  # shrinks the 512 embedding columns so the few rule signals are not drowned


def fit_head(features: np.ndarray, polarities: list[str], themes: list[str], meta: dict,
             c: float = 0.1, weights: np.ndarray | None = None) -> Head:
    """Fit both regressions; `themes` holds the main theme per example or NO_THEME.

    Standardised features; the embedding block is down-weighted by folding the weight into
    its scale, so prediction stays a plain (x - mean) / scale. C and the weight were chosen by
    5-fold cross-validation on the training split only.
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
    return Head(mean.astype(np.float32), scale.astype(np.float32), heads[0], heads[1], meta)
