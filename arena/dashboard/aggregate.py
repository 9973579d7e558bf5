"""Counts behind every figure, computed from the read model (`analysis.analysed_notes`).

Conventions shared by all figures and the report:
- theme counts count a note once per effective theme (a note about two themes counts for both);
- an irritation without any theme counts as NO_THEME ("Zonder thema");
- per-participant and per-timeline views use a note's primary (first) theme, so totals equal note counts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from statistics import fmean

from arena.domain.model import Segment
from arena.domain.taxonomy import load_taxonomy
from arena.services.analysis import AnalysedNote

IRRITATION = "irritatie"
NO_THEME = "_geen"
NO_THEME_LABEL = "Zonder thema"
NO_THEME_COLOUR = "#DDDDDD"
NO_TOPIC = "Zonder onderwerp"
NO_SEGMENT = "onbekend"


def theme_label(code: str) -> str:
    return NO_THEME_LABEL if code == NO_THEME else load_taxonomy().label(code)


def theme_colour(code: str) -> str:
    return NO_THEME_COLOUR if code == NO_THEME else load_taxonomy().colour(code)


def theme_order() -> list[str]:
    """Taxonomy order, then NO_THEME: the tie-break everywhere, so colours and positions stay put."""
    return [*load_taxonomy().codes, NO_THEME]


def segment_label(code: str) -> str:
    try:
        return Segment(code).label
    except ValueError:
        return "Geen deelnemer"


def themes_of(note: AnalysedNote) -> list[str]:
    return list(dict.fromkeys(note.themes)) or [NO_THEME]


def primary_theme(note: AnalysedNote) -> str:
    return note.themes[0] if note.themes else NO_THEME


def topic_of(note: AnalysedNote) -> str:
    return note.agenda_topic or NO_TOPIC


def segment_of(note: AnalysedNote) -> str:
    return note.segment.value if note.segment else NO_SEGMENT


def participant_key(note: AnalysedNote) -> str | None:
    """Pseudonyms are per session (K1 of one session is not K1 of another): the key holds both."""
    return f"{note.session_id}:{note.participant_code}" if note.participant_code else None


def participant_label(key: str, multi_session: bool) -> str:
    session_id, code = key.split(":", 1)
    return f"{code} · #{session_id}" if multi_session else code


def irritations(notes: Iterable[AnalysedNote]) -> list[AnalysedNote]:
    return [n for n in notes if n.polarity == IRRITATION]


def count_by_theme(notes: Iterable[AnalysedNote], polarity: str | None = IRRITATION) -> list[tuple[str, int]]:
    """(theme, notes) for themes that occur, most frequent first."""
    counts: Counter[str] = Counter()
    for note in notes:
        if polarity is None or note.polarity == polarity:
            counts.update(themes_of(note))
    rank = {code: i for i, code in enumerate(theme_order())}
    return sorted(counts.items(), key=lambda kv: (-kv[1], rank.get(kv[0], len(rank))))


@dataclass(frozen=True)
class Matrix:
    """Irritation counts, rows = theme codes (taxonomy order), columns = keys in their natural order."""

    rows: list[str]
    cols: list[str]
    values: list[list[int]]

    def get(self, row: str, col: str) -> int:
        return self.values[self.rows.index(row)][self.cols.index(col)]

    @property
    def total(self) -> int:
        return sum(sum(r) for r in self.values)


def theme_matrix(
    notes: Iterable[AnalysedNote], column: Callable[[AnalysedNote], str], col_order: Sequence[str] | None = None
) -> Matrix:
    counts: dict[tuple[str, str], int] = defaultdict(int)
    cols_seen: dict[str, None] = {}
    for note in irritations(notes):
        col = column(note)
        cols_seen.setdefault(col, None)
        for theme in themes_of(note):
            counts[(theme, col)] += 1
    cols = [c for c in (col_order or []) if c in cols_seen] + [c for c in cols_seen if c not in (col_order or [])]
    rows = [code for code in theme_order() if any(counts.get((code, c)) for c in cols)]
    return Matrix(rows, cols, [[counts.get((r, c), 0) for c in cols] for r in rows])


def topic_order(notes: Iterable[AnalysedNote]) -> list[str]:
    """Agenda order (position), topics without a position last."""
    seen: dict[str, float] = {}
    for note in notes:
        topic = topic_of(note)
        position = note.agenda_position if note.agenda_position is not None else 10_000
        seen[topic] = min(seen.get(topic, position), position)
    return sorted(seen, key=lambda topic: (seen[topic], topic))


def theme_by_topic(notes: Sequence[AnalysedNote]) -> Matrix:
    return theme_matrix(notes, topic_of, topic_order(notes))


def theme_by_segment(notes: Sequence[AnalysedNote]) -> Matrix:
    return theme_matrix(notes, segment_of, [s.value for s in Segment] + [NO_SEGMENT])


def per_participant(notes: Sequence[AnalysedNote], limit: int | None = None) -> Matrix:
    """Irritations per participant, split by primary theme (so a column sums to the participant's irritations).

    With `limit`, only the participants with the most irritations (a chart of 1000 bars says nothing).
    """
    counts: dict[tuple[str, str], int] = defaultdict(int)
    totals: Counter[str] = Counter()
    for note in irritations(notes):
        key = participant_key(note)
        if key is None:
            continue
        counts[(primary_theme(note), key)] += 1
        totals[key] += 1
    cols = sorted(totals, key=lambda k: (-totals[k], participant_sort_key(k)))[:limit]
    rows = [code for code in theme_order() if any(counts.get((code, c)) for c in cols)]
    return Matrix(rows, cols, [[counts.get((r, c), 0) for c in cols] for r in rows])


def participant_sort_key(key: str) -> tuple[int, int, str]:
    session_id, code = key.split(":", 1)
    digits = "".join(ch for ch in code if ch.isdigit())
    return (int(session_id), int(digits) if digits else 0, code)


@dataclass(frozen=True)
class TopicMood:
    topic: str
    notes: int
    irritations: int
    sentiment: float  # mean over analysed notes, -1..1
    intensity: float  # mean over irritations, 0..1


def topic_mood(notes: Sequence[AnalysedNote]) -> list[TopicMood]:
    by_topic: dict[str, list[AnalysedNote]] = defaultdict(list)
    for note in notes:
        by_topic[topic_of(note)].append(note)
    out = []
    for topic in topic_order(notes):
        group = by_topic[topic]
        analysed = [n for n in group if n.analysed]
        irritated = [n for n in analysed if n.polarity == IRRITATION]
        out.append(
            TopicMood(
                topic=topic,
                notes=len(group),
                irritations=sum(1 for n in group if n.polarity == IRRITATION),
                sentiment=round(fmean(n.sentiment for n in analysed), 3) if analysed else 0.0,
                intensity=round(fmean(n.intensity for n in irritated), 3) if irritated else 0.0,
            )
        )
    return out


def category_share(notes: Iterable[AnalysedNote]) -> dict[str, float] | None:
    """Share of organisational versus product themes over the themed irritations (theme assignments)."""
    taxonomy = load_taxonomy()
    counts: Counter[str] = Counter()
    for note in irritations(notes):
        for code in note.themes:
            try:
                counts[taxonomy.theme(code).category] += 1
            except KeyError:
                continue
    total = sum(counts.values())
    if not total:
        return None
    categories = list(taxonomy.field_reference) or sorted(counts)
    return {category: counts.get(category, 0) / total for category in categories}


def theme_share_per_session(notes: Iterable[AnalysedNote]) -> dict[int, dict[str, float]]:
    """Per session: each theme's share of that session's irritations (0..1)."""
    per_session: dict[int, list[AnalysedNote]] = defaultdict(list)
    for note in irritations(notes):
        per_session[note.session_id].append(note)
    out: dict[int, dict[str, float]] = {}
    for session_id, group in per_session.items():
        counts: Counter[str] = Counter()
        for note in group:
            counts.update(themes_of(note))
        out[session_id] = {code: count / len(group) for code, count in counts.items()}
    return out
