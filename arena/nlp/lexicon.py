"""The editable irritation lexicon (models/lexicon.toml): loading, compiling to lemmas, matching.

Phrases are written by people in ordinary Dutch; they are lemmatised with the same
lemmatiser as the notes, so "teruggebeld", "belde terug" and "terugbellen" all meet.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from arena.nlp.lemmatizer import shared_lemmatizer

# TOML section -> match kind used everywhere else.
SECTIONS = {
    "negatief": "negative",
    "positief": "positive",
    "verwachting": "expectation",
    "ontkenning": "negation",
    "versterker": "intensifier",
    "herhaling": "repetition",
    "moeite": "effort",
    "suggestie": "suggestion",
}


@dataclass(frozen=True)
class Match:
    start: int  # token index
    end: int  # token index, exclusive
    kind: str  # "theme:<code>" or a value of SECTIONS
    weight: float
    phrase: str


@dataclass(frozen=True)
class _Entry:
    lemmas: tuple[str, ...]
    kind: str
    weight: float
    phrase: str


class Lexicon:
    """Compiled lexicon: exact lemma sequences plus prefix/suffix wildcards for compounds."""

    def __init__(self, entries: Sequence[tuple[str, str, float]], version: str = "") -> None:
        self.version = version
        self.themes: list[str] = []
        self._by_first: dict[str, list[_Entry]] = {}
        self._prefixes: list[tuple[str, _Entry]] = []
        self._suffixes: list[tuple[str, _Entry]] = []
        lemmatizer = shared_lemmatizer()
        for phrase, kind, weight in entries:
            if kind.startswith("theme:") and kind[6:] not in self.themes:
                self.themes.append(kind[6:])
            words = phrase.lower().split()
            if len(words) == 1 and words[0].endswith("*") and len(words[0]) > 2:
                self._prefixes.append((words[0][:-1], _Entry((), kind, weight, phrase)))
                continue
            if len(words) == 1 and words[0].startswith("*") and len(words[0]) > 2:
                self._suffixes.append((words[0][1:], _Entry((), kind, weight, phrase)))
                continue
            lemmas = tuple(lemmatizer.lemmatise(words))
            entry = _Entry(lemmas, kind, weight, phrase)
            self._by_first.setdefault(lemmas[0], []).append(entry)
            if words[0] != lemmas[0]:  # also match the surface form ("2x", "nagekomen")
                self._by_first.setdefault(words[0], []).append(_Entry((words[0], *lemmas[1:]), kind, weight, phrase))

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
            entries: list[tuple[str, str, float]] = []
            for code, phrases in raw.get("thema", {}).items():
                entries += [(p, f"theme:{code}", float(w)) for p, w in phrases.items() if p.strip()]
            for section, kind in SECTIONS.items():
                entries += [(p, kind, float(w)) for p, w in raw.get(section, {}).items() if p.strip()]
        except (tomllib.TOMLDecodeError, TypeError, ValueError, AttributeError) as exc:
            # shown to the team member who edited the file: name the file and the problem
            raise ValueError(f"Fout in het lexicon {path.name}: {exc}") from exc
        return cls(entries, str(raw.get("meta", {}).get("version", "")))

    def match(self, lemmas: Sequence[str], lowers: Sequence[str]) -> list[Match]:
        """All matches, then per kind the longest non-overlapping ones (no double counting)."""
        found: list[Match] = []
        n = len(lemmas)
        for i in range(n):
            for key in {lemmas[i], lowers[i]}:
                for entry in self._by_first.get(key, ()):
                    k = len(entry.lemmas)
                    if i + k <= n and all(
                        entry.lemmas[j] in (lemmas[i + j], lowers[i + j]) for j in range(1, k)
                    ):
                        found.append(Match(i, i + k, entry.kind, entry.weight, entry.phrase))
            lemma = lemmas[i]
            if len(lemma) > 3:
                for prefix, entry in self._prefixes:
                    if lemma.startswith(prefix):
                        found.append(Match(i, i + 1, entry.kind, entry.weight, entry.phrase))
                for suffix, entry in self._suffixes:
                    if lemma.endswith(suffix):
                        found.append(Match(i, i + 1, entry.kind, entry.weight, entry.phrase))
        return _longest_per_kind(found)


def _longest_per_kind(matches: list[Match]) -> list[Match]:
    matches.sort(key=lambda m: (m.kind, -(m.end - m.start), -m.weight, m.start))
    kept: list[Match] = []
    taken: dict[str, set[int]] = {}
    for m in matches:
        used = taken.setdefault(m.kind, set())
        span = set(range(m.start, m.end))
        if used & span:
            continue
        used |= span
        kept.append(m)
    kept.sort(key=lambda m: (m.start, m.end))
    return kept
