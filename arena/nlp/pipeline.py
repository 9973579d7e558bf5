"""Build, save and load the arena Dutch spaCy pipeline.

spacy.blank("nl") + domain abbreviations in the tokenizer + arena_sentences + arena_lemmatizer
+ arena_cues. Saved with nlp.to_disk to models/pipeline; the lexicon is read from
models/lexicon.toml at load time so a team's edits apply without a rebuild.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from arena.nlp import components as _components  # noqa: F401 - registers arena_sentences/arena_cues
from arena.nlp import lemmatizer as _lemmatizer  # noqa: F401 - registers arena_lemmatizer
from arena.nlp.components import add_abbreviations

PIPELINE_DIR = "pipeline"


def build_nlp() -> Language:
    nlp = spacy.blank("nl")
    nlp.meta.update({"name": "arena_nl", "version": "2026.11.2", "license": "MIT",
                     "description": "klantenarena: Dutch sentences, lemmas and irritation cues"})
    add_abbreviations(nlp)
    nlp.add_pipe("arena_sentences")
    nlp.add_pipe("arena_lemmatizer")
    nlp.add_pipe("arena_cues")
    return nlp


def save_nlp(nlp: Language, models_dir: Path) -> Path:
    target = models_dir / PIPELINE_DIR
    nlp.to_disk(target)
    return target


def load_nlp(models_dir: Path | None = None) -> Language:
    """The saved pipeline from models_dir/pipeline, or a freshly built one if it is missing."""
    if models_dir is not None and (models_dir / PIPELINE_DIR / "config.cfg").exists():
        return spacy.load(models_dir / PIPELINE_DIR)
    return build_nlp()
