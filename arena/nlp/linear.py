"""A fitted multinomial logistic regression as plain arrays."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Linear:
    classes: tuple[str, ...]
    coef: np.ndarray  # (classes, features)
    intercept: np.ndarray  # (classes,)

    def proba(self, x) -> np.ndarray:
        z = x @ self.coef.T + self.intercept
        if len(self.classes) == 2 and z.shape[1] == 1:  # scikit-learn's binary form: sigmoid(z)
            z = np.hstack([np.zeros_like(z), z])
        return softmax(z)


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def from_sklearn(model, classes: tuple[str, ...]) -> Linear:
    """A fitted LogisticRegression as a Linear with its rows in `classes` order (the binary
    single-row form is expanded to two rows so it can be reordered)."""
    coef, intercept = np.asarray(model.coef_), np.asarray(model.intercept_)
    if coef.shape[0] == 1 and len(model.classes_) == 2:
        coef = np.vstack([np.zeros_like(coef), coef])
        intercept = np.concatenate([np.zeros_like(intercept), intercept])
    order = [list(model.classes_).index(k) for k in classes]
    return Linear(classes, coef[order].astype(np.float32), intercept[order].astype(np.float32))
