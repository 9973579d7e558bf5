"""The learned blend of the head's parts for the theme (stacking): how much each opinion counts.

The head has seven parts that each give theme probabilities: the dense regression, the neighbour
vote on the embedding, the letter, word and base-form n-gram models, and the neighbour votes on
rare letter and word pieces (neighbours.py); the lexicon and the theme descriptions add their own
scores. Fixed shares chosen by grid search blended them before; the combiner learns
one weight per kind of evidence from the parts' out-of-fold opinions on the training split (each
fold's head never saw the statements it judged). The weights are shared by all themes (a
conditional logit), so a theme with few examples is scored by the same rule as the others.
5-fold CV on train: theme top-1 0.751 -> 0.757; held-out written statements 0.760 -> 0.780.

Polarity keeps its fixed shares: a learned blend of the same parts scored 0.7 points higher in
CV, but it is so sure of itself that the cue rules can no longer overrule an embedding that cannot
tell "onvriendelijk" from "vriendelijk" (engine.RULE_SHARE).

Stored as plain arrays in the head's npz file, no pickle.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from arena.nlp.linear import softmax

PARTS = ("dense", "knn", "char", "word", "lemma", "char_knn", "word_knn")
FLOOR = 1e-4  # log of a part's probability is floored: one part's "never" must not veto the rest
L2 = 1e-3


@dataclass(frozen=True)
class Parts:
    """Each part's class probabilities for a batch of notes: (notes, classes) per part."""

    polarity: dict[str, np.ndarray]
    theme: dict[str, np.ndarray]

    @property
    def complete(self) -> bool:
        return all(p in self.theme for p in PARTS)


def theme_inputs(parts: Parts, theme_columns: list[int], lexicon: np.ndarray, similarity: np.ndarray) -> np.ndarray:
    """(notes, themes, kinds): per theme the parts' log-probabilities, its lexicon strength and its
    similarity to the theme description; `theme_columns` picks the themes out of the head's classes."""
    logs = [np.log(np.clip(parts.theme[p][:, theme_columns], FLOOR, 1.0)) for p in PARTS]
    return np.stack([*logs, lexicon, similarity], axis=2)


@dataclass(frozen=True)
class Combiner:
    theme_weights: np.ndarray  # (kinds,): one weight per kind of evidence, shared by all themes

    def themes(self, inputs: np.ndarray) -> np.ndarray:
        """(notes, themes) probabilities over the taxonomy themes."""
        return softmax(inputs @ self.theme_weights)

    def arrays(self) -> dict[str, np.ndarray]:
        return {"comb_theme_weights": self.theme_weights}

    @classmethod
    def from_arrays(cls, z) -> Combiner | None:
        return cls(z["comb_theme_weights"]) if "comb_theme_weights" in z.files else None


def fit_combiner(inputs: np.ndarray, theme: np.ndarray) -> Combiner:
    """Fit on out-of-fold `theme_inputs`; `theme` holds the index of the main theme among the
    taxonomy themes, or -1 for a statement without one (left out: "no theme" is decided by the
    head's own estimate)."""
    from scipy.optimize import minimize

    themed = theme >= 0
    x, y = inputs[themed], theme[themed]

    def loss(w: np.ndarray) -> float:
        s = x @ w
        s = s - s.max(axis=1, keepdims=True)
        log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        return float(-log_p[np.arange(len(y)), y].mean() + L2 * (w @ w))

    return Combiner(minimize(loss, np.full(x.shape[2], 0.3), method="L-BFGS-B").x.astype(np.float32))
