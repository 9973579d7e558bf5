"""The theme combiner: learned weights for the head's parts, fitted out of fold, stored with the head."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from arena.nlp import Engine
from arena.nlp.combiner import PARTS, Combiner, fit_combiner
from arena.nlp.head import Head, fit_head
from arena.nlp.learning import base_examples, fit_examples, with_combiner


def _evidence(rng: np.random.Generator, truth: np.ndarray, themes: int, kinds: int, honest: int) -> np.ndarray:
    """(notes, themes, kinds) of noise, where only kind `honest` points at the true theme."""
    x = rng.normal(size=(len(truth), themes, kinds))
    x[np.arange(len(truth)), truth, honest] += 4.0
    return x


def test_the_combiner_learns_which_evidence_to_trust() -> None:
    rng = np.random.default_rng(0)
    truth = rng.integers(0, 11, size=600)
    combiner = fit_combiner(_evidence(rng, truth, 11, 6, honest=2), truth)
    assert int(np.argmax(combiner.theme_weights)) == 2
    new = rng.integers(0, 11, size=200)
    probabilities = combiner.themes(_evidence(rng, new, 11, 6, honest=2))
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, atol=1e-5)
    assert (probabilities.argmax(axis=1) == new).mean() > 0.9


def test_statements_without_a_theme_are_left_out_of_the_fit() -> None:
    rng = np.random.default_rng(1)
    truth = rng.integers(0, 11, size=400)
    x = _evidence(rng, truth, 11, 6, honest=1)
    alone = fit_combiner(x, truth)
    # rows marked -1 ("no theme") carry evidence that would teach the opposite; they must not count
    misleading = _evidence(rng, rng.integers(0, 11, size=400), 11, 6, honest=4)
    mixed = fit_combiner(np.concatenate([x, misleading]), np.concatenate([truth, np.full(400, -1)]))
    np.testing.assert_allclose(mixed.theme_weights, alone.theme_weights, atol=1e-4)


def test_the_combiner_is_saved_with_the_head(tmp_path: Path) -> None:
    rng = np.random.default_rng(2)
    features = rng.normal(size=(4, 530)).astype(np.float32)
    head = fit_head(features, ["irritatie", "positief"] * 2, ["-", "facturatie"] * 2, {})
    combiner = Combiner(np.asarray([0.3, 0.1, 0.6, 0.5, 0.6, 0.1], dtype=np.float32))
    loaded = Head.load(Head(**{**head.__dict__, "combiner": combiner}).save(tmp_path / "with"))
    assert loaded is not None and loaded.combiner is not None
    np.testing.assert_array_equal(loaded.combiner.theme_weights, combiner.theme_weights)
    without = Head.load(head.save(tmp_path / "without"))  # heads from before the combiner still load
    assert without is not None and without.combiner is None


def test_out_of_fold_fit_on_labelled_statements(engine: Engine) -> None:
    examples = base_examples()[:600]
    prepared = engine.without_head().prepare([e.text for e in examples])
    head = fit_examples(prepared.features, examples, {})
    combined = with_combiner(engine, head, prepared, examples)
    assert head.combiner is None and combined.combiner is not None
    weights = combined.combiner.theme_weights
    assert weights.shape == (len(PARTS) + 2,) and np.isfinite(weights).all()  # + lexicon, description
    lexicon = len(PARTS)
    assert weights[PARTS.index("char")] > 0 and weights[lexicon] > 0, "letter n-grams and the lexicon point at the theme"


def test_a_fold_without_some_theme_keeps_the_fixed_shares(engine: Engine) -> None:
    examples = [e for e in base_examples() if not e.themes or e.themes[0] != "offerte"][:300]
    prepared = engine.without_head().prepare([e.text for e in examples])
    head = fit_examples(prepared.features, examples, {})
    assert with_combiner(engine, head, prepared, examples).combiner is None


def test_the_shipped_engine_ranks_themes_with_its_combiner(engine: Engine) -> None:
    assert engine.head is not None and engine.head.combiner is not None
    text = "De factuur klopte weer niet en niemand belde terug."
    prepared = engine.prepare([text])
    parts = engine.head.parts(prepared.features, prepared.ngram_texts)
    inputs = engine.combiner_inputs(engine.head, parts, prepared)
    assert inputs is not None
    probabilities = engine.head.combiner.themes(inputs)[0]
    result = engine.analyse(text)
    assert result.theme_codes[0] == engine.theme_codes[int(probabilities.argmax())]
    assert result.themes[0][1] == round(float(probabilities.max()), 4)
    assert sum(score for _, score in result.themes) <= 1.0 + 1e-6
