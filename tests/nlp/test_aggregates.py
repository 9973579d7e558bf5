"""Across notes: discovered clusters and zorgklant suggestions (pure functions)."""

from __future__ import annotations

from arena.nlp import Engine, NoteResult, discover_clusters, suggest_zorgklanten

NOTES = [
    "De parkeerplaats bij de vestiging is altijd vol.",
    "Je kunt er nooit parkeren, de parkeerplaats is te klein.",
    "Parkeren bij het kantoor is een drama.",
    "Ook de parkeerplaats voor bezoekers is steeds bezet.",
    "De koffie in de wachtruimte is koud en smerig.",
    "In de wachtruimte staat slechte koffie.",
    "De koffieautomaat in de wachtkamer is al weken kapot.",
    "Koffie is er niet te drinken in die wachtruimte.",
]


def test_clusters_have_dutch_labels_and_cover_notes(engine: Engine) -> None:
    clusters = discover_clusters([*NOTES, ""], engine, max_clusters=4)
    assert 2 <= len(clusters) <= 4
    members = sorted(i for c in clusters for i in c.members)
    assert members == list(range(len(NOTES)))  # the empty note is left out
    labels = " ".join(c.label for c in clusters)
    assert "parkeerplaats" in labels or "parkeren" in labels
    assert "koffie" in labels or "wachtruimte" in labels
    assert discover_clusters(NOTES, engine) == discover_clusters(NOTES, engine)  # deterministic
    assert discover_clusters(["kort"], engine) == []


def _result(polarity: str, intensity: float, theme: str = "bereikbaarheid", effort: bool = False) -> NoteResult:
    return NoteResult(polarity, [(theme, 0.8)], intensity, -0.5 if polarity == "irritatie" else 0.5, effort)


def test_zorgklant_repeated_or_intense() -> None:
    items = [
        ("P01", _result("irritatie", 0.4)),
        ("P01", _result("irritatie", 0.5, effort=True)),
        ("P02", _result("irritatie", 0.9, "facturatie")),
        ("P03", _result("irritatie", 0.3)),
        ("P03", _result("positief", 0.0)),
        ("P04", _result("positief", 0.0)),
    ]
    suggestions = suggest_zorgklanten(items)
    assert [s.participant for s in suggestions] == ["P02", "P01"] or \
        [s.participant for s in suggestions] == ["P01", "P02"]
    by = {s.participant: s for s in suggestions}
    assert by["P01"].note_count == 2 and "irritaties" in by["P01"].reason
    assert "Bereikbaarheid" in by["P01"].reason
    assert "intensiteit" in by["P02"].reason
    assert suggest_zorgklanten([]) == []
