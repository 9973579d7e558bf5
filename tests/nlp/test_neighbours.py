"""Neighbour votes on rare letter and word pieces: the inverted index, the vote, the head's parts."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from arena.nlp.combiner import PARTS
from arena.nlp.head import Head, fit_head
from arena.nlp.neighbours import PieceMemory, vote, votes
from arena.nlp.ngrams import fit_ngrams, sklearn_vectoriser

STATEMENTS = [
    "De wachtmuziek duurde een half uur.",
    "Weer die wachtmuziek aan de telefoon.",
    "De opzegtermijn is veel te lang.",
    "Over de opzegtermijn stond niets in het contract.",
    "De factuur klopte niet.",
    "Een tweede factuur met dezelfde fout.",
] * 10  # sixty statements: a piece in one pair of sentences is in a third of them
THEMES = ["bereikbaarheid", "bereikbaarheid", "flexibiliteit", "flexibiliteit", "facturatie", "facturatie"] * 10
POLARITIES = ["irritatie", "neutraal"] * 30
THEME_CLASSES = ("bereikbaarheid", "facturatie", "flexibiliteit")


@pytest.mark.parametrize("kind", ["char", "word"])
def test_similarities_equal_cosine_over_the_rare_pieces(kind: str) -> None:
    model = fit_ngrams(kind, STATEMENTS, POLARITIES, THEMES, ("irritatie", "neutraal"), THEME_CLASSES)
    max_df = 0.2  # a sixth of the statements shares each sentence's own pieces; "de" is in most
    memory = PieceMemory.build(model.rows(STATEMENTS), len(model.vocabulary), max_df)
    vectoriser = sklearn_vectoriser(kind, model.vocabulary.tolist())
    vectoriser.idf_ = model.idf
    train = vectoriser.transform(STATEMENTS).toarray()
    rare = (train > 0).sum(axis=0) <= max_df * len(STATEMENTS)
    assert 0 < rare.sum() < len(rare)
    notes = ["Die wachtmuziek alweer.", "Niets van dit alles.", ""]
    expected = vectoriser.transform(notes).toarray()[:, rare] @ train[:, rare].T
    similarities = memory.similarities(model.rows(notes))
    assert similarities[0].max() > 0.1
    np.testing.assert_allclose(similarities, expected, atol=2e-3)  # values kept as float16


def test_common_pieces_make_no_neighbours() -> None:
    # "de" is in every statement: it may not link a note to all of them
    rows = [(np.asarray([0, 1]), np.asarray([0.6, 0.8])), (np.asarray([0, 2]), np.asarray([0.6, 0.8])),
            (np.asarray([0]), np.asarray([1.0]))] * 20
    memory = PieceMemory.build(rows, pieces=3, max_df=0.5)
    similarities = memory.similarities([(np.asarray([0]), np.asarray([1.0])), (np.asarray([1]), np.asarray([1.0]))])
    assert not similarities[0].any()
    np.testing.assert_allclose(similarities[1], [0.8, 0.0, 0.0] * 20, atol=1e-3)  # float16


def test_the_closest_statements_decide_the_vote_and_strangers_get_an_even_one() -> None:
    labels = np.asarray([0, 0, 1, 2])
    similarities = np.asarray([[0.9, 0.8, 0.1, 0.0], [0.0, 0.0, 0.0, 0.0]])
    votes = vote(similarities, labels, 3)
    assert votes[0].argmax() == 0 and votes[0, 0] > 0.99
    np.testing.assert_allclose(votes[1], [1 / 3] * 3)


def test_the_head_gets_a_piece_vote_per_kind_and_keeps_it_when_saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("arena.nlp.neighbours.MAX_DF", 0.4)  # sixty statements: each theme's words are in a third
    rng = np.random.default_rng(0)
    features = rng.normal(size=(len(STATEMENTS), 530)).astype(np.float32)
    features[:, :512] /= np.linalg.norm(features[:, :512], axis=1, keepdims=True)  # embeddings are unit length
    head = fit_head(features, POLARITIES, THEMES, {}, texts=STATEMENTS)
    loaded = Head.load(head.save(tmp_path / "head"))
    assert loaded is not None
    notes = ["Factuur?!", "Mijn opzegtermijn!"]
    parts = loaded.parts(features[:2], notes)
    assert parts.complete and set(PARTS) <= set(parts.theme)
    for kind in ("char_knn", "word_knn"):
        np.testing.assert_allclose(parts.theme[kind], head.parts(features[:2], notes).theme[kind])
    classes = loaded.theme.classes
    assert parts.theme["word_knn"][0, classes.index("facturatie")] > 0.9  # "factuur" as a whole word
    assert parts.theme["char_knn"][1, classes.index("flexibiliteit")] > 0.9  # "opzegtermijn" in letter pieces


def test_the_vote_goes_in_chunks_with_the_same_result(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(4)
    rows = [(np.sort(rng.choice(50, size=5, replace=False)), rng.random(5)) for _ in range(40)]
    memory = PieceMemory.build(rows, pieces=50, max_df=0.3)
    labels = rng.integers(0, 3, size=40)
    whole = vote(memory.similarities(rows[:30]), labels, 3)
    monkeypatch.setattr("arena.nlp.neighbours.CHUNK", 7)
    np.testing.assert_allclose(memory.vote(rows[:30], labels, 3), whole)
    assert memory.vote([], labels, 3).shape == (0, 3)


def test_one_neighbour_search_votes_on_several_labellings() -> None:
    rng = np.random.default_rng(5)
    similarities = rng.random((9, 40))
    polarity, theme = rng.integers(0, 4, size=40), rng.integers(0, 12, size=40)
    both = votes(similarities, [(polarity, 4), (theme, 12)])
    np.testing.assert_allclose(both[0], vote(similarities, polarity, 4))
    np.testing.assert_allclose(both[1], vote(similarities, theme, 12))
