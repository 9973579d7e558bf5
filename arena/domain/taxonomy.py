"""The irritation taxonomy: one source for codes, Dutch labels, colours and descriptions."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_TAXONOMY_FILE = Path(__file__).resolve().parents[2] / "models" / "taxonomy.json"


@dataclass(frozen=True)
class Theme:
    code: str
    label: str
    category: str  # "organisatorisch" or "producttechnisch"
    colour: str
    description: str


@dataclass(frozen=True)
class Polarity:
    code: str
    label: str
    colour: str


@dataclass(frozen=True)
class Taxonomy:
    version: str
    themes: tuple[Theme, ...]
    polarities: tuple[Polarity, ...]
    field_reference: dict[str, float]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(t.code for t in self.themes)

    def theme(self, code: str) -> Theme:
        for theme in self.themes:
            if theme.code == code:
                return theme
        raise KeyError(code)

    def label(self, code: str) -> str:
        try:
            return self.theme(code).label
        except KeyError:
            return code

    def colour(self, code: str) -> str:
        try:
            return self.theme(code).colour
        except KeyError:
            return "#888888"

    def polarity(self, code: str) -> Polarity:
        for polarity in self.polarities:
            if polarity.code == code:
                return polarity
        raise KeyError(code)


@lru_cache(maxsize=1)
def load_taxonomy(path: Path = _TAXONOMY_FILE) -> Taxonomy:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return Taxonomy(
        version=raw["version"],
        themes=tuple(
            Theme(t["code"], t["label"], t["category"], t["colour"], t["description"])
            for t in raw["themes"]
        ),
        polarities=tuple(Polarity(p["code"], p["label"], p["colour"]) for p in raw["polarities"]),
        field_reference=dict(raw.get("field_reference", {})),
    )
