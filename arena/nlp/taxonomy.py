"""Reads theme codes, labels and example sentences from models/taxonomy.json.

arena/nlp reads the JSON itself instead of importing arena.domain, so the engine stays a
text-in/results-out library; the file is still the one source of labels.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ThemeText:
    code: str
    label: str
    description: str
    examples: tuple[str, ...]


def load_theme_texts(models_dir: Path) -> list[ThemeText]:
    raw = json.loads((models_dir / "taxonomy.json").read_text(encoding="utf-8"))
    return [
        ThemeText(t["code"], t["label"], t["description"], tuple(t.get("examples", ())))
        for t in raw["themes"]
    ]


POLARITIES = ("irritatie", "positief", "neutraal", "suggestie")
