"""The n-gram text models in the head: fitted, stored as plain arrays, rebuilt identically."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from arena.nlp import Engine
from arena.nlp.head import Head, fit_head
from arena.nlp.ngrams import fit_ngrams

TEXTS = ["Ik hing een uur in de wachtrij.", "De wachtmuziek bleef maar spelen.", "Niemand belde terug.",
         "De factuur was te hoog.", "Weer een foute factuur.", "Extra kosten op de rekening.",
         "Heel vriendelijk geholpen.", "We hebben twee vestigingen."]
POLARITIES = ["irritatie"] * 6 + ["positief", "neutraal"]
THEMES = ["bereikbaarheid"] * 3 + ["facturatie"] * 3 + ["bejegening", "-"]


def test_compound_pieces_carry_the_theme() -> None:
    classes = ("-", "bejegening", "bereikbaarheid", "facturatie")
    model = fit_ngrams("char", TEXTS, POLARITIES, THEMES, ("irritatie", "neutraal", "positief"), classes)
    _, theme = model.proba(["Die wachtmuziek!", "Een factuurfout"])  # neither word was seen whole
    assert classes[int(theme[0].argmax())] == "bereikbaarheid"
    assert classes[int(theme[1].argmax())] == "facturatie"
    assert "wacht" in set(model.vocabulary.tolist())


def test_head_round_trip_keeps_predictions(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    features = rng.normal(size=(len(TEXTS), 530)).astype(np.float32)
    head = fit_head(features, POLARITIES, THEMES, {"engine_version": "test"}, texts=TEXTS)
    assert [m.kind for m in head.ngrams] == ["char", "word", "lemma"]
    loaded = Head.load(head.save(tmp_path / "head"))
    assert loaded is not None and [m.kind for m in loaded.ngrams] == ["char", "word", "lemma"]
    for a, b in zip(head.predict(features, TEXTS), loaded.predict(features, TEXTS), strict=True):
        np.testing.assert_allclose(a, b, atol=1e-3)  # float16 memory vectors on disk
    # without texts the n-gram models are skipped, not failed
    pol, theme = loaded.predict(features)
    assert pol.shape == (len(TEXTS), 3) and theme.shape == (len(TEXTS), 4)


def test_head_without_ngram_arrays_still_loads(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    features = rng.normal(size=(len(TEXTS), 530)).astype(np.float32)
    old = fit_head(features, POLARITIES, THEMES, {"engine_version": "older"})  # as heads before n-grams
    loaded = Head.load(old.save(tmp_path / "old"))
    assert loaded is not None and loaded.ngrams == ()
    assert loaded.predict(features, TEXTS)[1].shape == (len(TEXTS), 4)


def test_word_ngrams_see_the_sign_of_a_sentence() -> None:
    texts = ["Ik hoefde niet eens te wachten.", "Ik hoefde niet eens te bellen.", "Ik moest weer wachten.",
             "Ik moest weer bellen.", "Ze belden zelf op.", "Ze belden zelf terug."]
    pols = ["positief", "positief", "irritatie", "irritatie", "positief", "positief"]
    themes = ["bereikbaarheid", "afspraken"] * 3
    model = fit_ngrams("word", texts, pols, themes, ("irritatie", "positief"), ("afspraken", "bereikbaarheid"))
    pol, _ = model.proba(["Ik hoefde niet eens te mailen.", "Ik moest weer mailen."])
    assert pol[0].argmax() == 1 and pol[1].argmax() == 0


def test_binary_models_give_sigmoid_probabilities() -> None:
    from sklearn.linear_model import LogisticRegression

    from arena.nlp.linear import from_sklearn

    x = np.asarray([[0.0], [1.0], [2.0], [3.0]])
    model = LogisticRegression().fit(x, ["b", "b", "a", "a"])
    reordered = from_sklearn(model, ("b", "a"))  # the reverse of scikit-learn's sorted order
    np.testing.assert_allclose(reordered.proba(x)[:, ::-1], model.predict_proba(x), atol=1e-6)


def test_a_tiny_refit_without_shared_ngrams_keeps_the_dense_head() -> None:
    features = np.random.default_rng(2).normal(size=(2, 530)).astype(np.float32)
    head = fit_head(features, ["irritatie", "positief"], ["-", "facturatie"], {}, texts=["Aap", "Noot"])
    assert head.ngrams == ()


def test_shipped_head_has_ngram_models(engine: Engine) -> None:
    assert engine.head is not None and [m.kind for m in engine.head.ngrams] == ["char", "word", "lemma"]
    for model in engine.head.ngrams:
        assert model.theme.classes == engine.head.theme.classes
        assert model.polarity.classes == engine.head.polarity.classes
    assert len(engine.head.ngrams[0].vocabulary) > 10_000


def test_base_form_sequences_join_the_inflections_of_a_complaint() -> None:
    """The lemma model reads base forms: "teruggebeld", "belde ... terug" and "terugbellen" are one
    piece, so a note worded in a form no training statement used still lands on the theme."""
    from arena.nlp.ngrams import lemma_ngrams

    assert "terugbellen" in lemma_ngrams("Ik ben nooit teruggebeld.")
    assert "terugbellen" in lemma_ngrams("Niemand belde me terug.")
    assert "factuur kloppen" in lemma_ngrams("De facturen klopten weer niet.")
    texts = ["Ik werd niet teruggebeld.", "Ze zouden terugbellen maar deden het niet.", "Weer niet teruggebeld.",
             "De facturen klopten niet.", "De factuur klopte weer niet.", "Alweer een factuur die niet klopte."]
    themes = ["bereikbaarheid"] * 3 + ["facturatie"] * 3
    polarities = ["irritatie", "neutraal"] * 3
    model = fit_ngrams("lemma", texts, polarities, themes, ("irritatie", "neutraal"), ("bereikbaarheid", "facturatie"))
    _, theme = model.proba(["Niemand belde me terug.", "Mijn factuur klopt nooit."])
    assert theme[0].argmax() == 0 and theme[1].argmax() == 1
