"""Build, save and load the arena Dutch spaCy pipeline (spacy.blank("nl") + our components)."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from arena.nlp import lemmatizer as _lemmatizer  # noqa: F401 - registers the factory


def build_nlp() -> Language:
    nlp = spacy.blank("nl")
    nlp.add_pipe("arena_lemmatizer")
    return nlp


def load_nlp(path: Path | None = None) -> Language:
    if path is None or not path.exists():
        return build_nlp()
    return spacy.load(path)
