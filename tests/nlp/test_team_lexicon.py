"""A team's own sector words in models/lexicon.toml change what the engine says, without a refit."""

from __future__ import annotations

import shutil
from pathlib import Path

from arena.nlp import Engine
from arena.paths import MODELS_DIR

NOTE = "Ik ergerde me weer aan de zwiepregeling."  # a made-up sector word nobody trained on


def test_an_added_lexicon_word_reaches_the_themes(tmp_path: Path, engine: Engine) -> None:
    before = engine.analyse(NOTE)
    assert "flexibiliteit" not in before.theme_codes[:1]
    models = tmp_path / "models"
    shutil.copytree(MODELS_DIR, models)
    lexicon = models / "lexicon.toml"
    text = lexicon.read_text(encoding="utf-8")
    assert "[thema.flexibiliteit]\n" in text
    lexicon.write_text(text.replace("[thema.flexibiliteit]\n", '[thema.flexibiliteit]\n"zwiepregeling" = 1.0\n', 1),
                       encoding="utf-8")
    after = Engine.load(models_dir=models).analyse(NOTE)
    assert "flexibiliteit" in after.theme_codes[:2]
    assert any(c.kind == "theme:flexibiliteit" and NOTE[c.start:c.end].lower().startswith("zwiep") for c in after.cues)
