"""One real engine (spaCy pipeline, USE encoder, shipped head) for the whole NLP test module."""

from __future__ import annotations

import pytest

from arena.nlp import Engine


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.load()
