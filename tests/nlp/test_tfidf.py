"""arena/nlp/tfidf.py applies a fitted vocabulary exactly as scikit-learn's TfidfVectorizer does."""

from __future__ import annotations

import numpy as np
import pytest

from arena.nlp.ngrams import KINDS, _analyser, sklearn_vectoriser
from arena.nlp.tfidf import Tfidf, linear_scores

FIT = ["De factuur klopte niet, weer niet!", "Niemand belde terug na mijn mail.", "De offerte kwam te laat.",
       "Ik werd verkeerd doorverbonden.", "Heel vriendelijk geholpen, u bent top.", "Weer een foute factuur.",
       "Mijn klantnummer moest ik drie keer opgeven.", "De offerte voor het dak kwam niet."]
APPLY = ["De  factuur\tkwam   niet.", "", "   ", "Café Überlaat — 't is  weer    zo'n dag!", "a",
         "Ééntje: klantnummer klantnummer klantnummer", "Onbekende woorden zoals qzxv", "U kreeg de offerte laat."]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_rows_equal_scikit_learn(kind: str) -> None:
    fitted = sklearn_vectoriser(kind).set_params(min_df=1).fit(FIT)
    vocabulary = sorted(fitted.vocabulary_, key=fitted.vocabulary_.get)
    ours = Tfidf(_analyser(kind), vocabulary, fitted.idf_)
    expected = fitted.transform(APPLY).toarray()
    for text, want in zip(APPLY, expected, strict=True):
        got = np.zeros(len(vocabulary))
        cols, values = ours.row(text)
        got[cols] = values
        np.testing.assert_allclose(got, want, atol=1e-9, err_msg=repr(text))
    coef = np.random.default_rng(0).normal(size=(3, len(vocabulary)))
    np.testing.assert_allclose(linear_scores(ours.rows(APPLY), coef, np.ones(3)), expected @ coef.T + 1, atol=1e-9)


def test_loading_the_engine_does_not_need_scikit_learn() -> None:
    import subprocess
    import sys

    code = ("import sys; from arena.nlp.head import Head; from arena.paths import MODELS_DIR; "
            "h = Head.load(MODELS_DIR / 'head'); h.ngrams[0].proba(['De factuur klopte niet.']); "
            "print('sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
