"""The public API others call: types, JSON shape, loading once, threads."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import arena.nlp as nlp
from arena.nlp import ENGINE_VERSION, Cue, Engine, NoteResult


def test_exports() -> None:
    for name in ("ENGINE_VERSION", "Cue", "NoteResult", "Engine", "Cluster", "ZorgklantSuggestion",
                 "discover_clusters", "suggest_zorgklanten"):
        assert hasattr(nlp, name)
    assert isinstance(ENGINE_VERSION, str) and ENGINE_VERSION


def test_load_is_cached(engine: Engine) -> None:
    assert Engine.load() is engine


def test_result_to_dict(engine: Engine) -> None:
    result = engine.analyse("Ik kreeg na drie weken nog steeds geen antwoord op mijn mail.")
    assert isinstance(result, NoteResult) and all(isinstance(c, Cue) for c in result.cues)
    data = json.loads(json.dumps(result.to_dict()))
    assert set(data) >= {"polarity", "themes", "theme_scores", "intensity", "sentiment", "effort", "cues", "keyphrases"}
    assert data["themes"] == [code for code, _ in result.themes]
    assert data["themes"][0] == "bereikbaarheid"
    assert list(data["theme_scores"]) == data["themes"]
    assert data["keyphrases"]


def test_threads_give_the_same_answers(engine: Engine) -> None:
    texts = ["De medewerker was onvriendelijk.", "Top service!", "De factuur klopte niet.", "Bel sneller terug."] * 8
    expected = [r.to_dict() for r in engine.analyse_many(texts)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda t: engine.analyse(t).to_dict(), texts))
    assert [g["polarity"] for g in got] == [e["polarity"] for e in expected]
    assert [g["themes"] for g in got] == [e["themes"] for e in expected]
