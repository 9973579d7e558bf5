"""Live cues run beside capture: results appear as badges, failures and slowness never touch saving."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import pytest

from arena.capture.cues import CueWorker
from arena.services import analysis, capture
from arena.services import sessions as session_service


@dataclass
class FakeResult:
    polarity: str = "irritatie"
    themes: list = field(default_factory=lambda: [("levering", 0.9)])
    intensity: float = 0.5
    sentiment: float = -0.5
    effort: bool = False
    cues: list = field(default_factory=list)
    keyphrases: list = field(default_factory=list)

    def to_dict(self):
        return {"cues": []}


class FakeEngine:
    def analyse(self, text):
        return FakeResult()


def _store(db, engine, note):
    """The real service, with a fixed engine version (arena.nlp may not define one yet)."""
    analysis.store_result(db, note, engine.analyse(note.text), version="test-1")


def _session(db, actor):
    s = session_service.create_session(db, actor, title="Cues")
    return s.id


def test_saved_note_gets_badges_from_the_worker(db, actor):
    sid = _session(db, actor)
    worker = CueWorker(db, loader=FakeEngine, analyser=_store)
    note = capture.capture_line(db, actor, sid, "de bezorger kwam weer niet", author="Anna").note
    worker.submit(note)
    assert worker.join(10)
    page = capture.stream(db, actor, sid, participants=[], agenda=[])
    assert next(b.label for b in page.views[0].badges) == "Irritatie"


def test_a_filed_action_item_or_compliment_keeps_its_own_polarity_badge(db, actor):
    sid = _session(db, actor)
    worker = CueWorker(db, loader=FakeEngine, analyser=_store)  # the engine reads every note as irritatie
    for line in ("#actie K1 terugbellen over de storing", "#compliment monteur dacht mee", "weer geen monteur"):
        worker.submit(capture.capture_line(db, actor, sid, line, author="Anna").note)
    assert worker.join(10)
    first_badge = {v.text: v.badges[0].label for v in capture.stream(db, actor, sid, participants=[], agenda=[]).views}
    assert first_badge == {"K1 terugbellen over de storing": "Suggestie", "monteur dacht mee": "Positief",
                           "weer geen monteur": "Irritatie"}


def test_the_moderators_own_words_get_a_neutral_badge(db, actor):
    sid = _session(db, actor)
    worker = CueWorker(db, loader=FakeEngine, analyser=_store)  # the engine reads every note as irritatie
    for line in ("@mod De medewerkers reageren vandaag niet op wat u zegt", "@mod #idee vaste contactpersoon",
                 "@groep weer geen monteur"):
        worker.submit(capture.capture_line(db, actor, sid, line, author="Anna").note)
    assert worker.join(10)
    first_badge = {v.text: v.badges[0].label for v in capture.stream(db, actor, sid, participants=[], agenda=[]).views}
    assert first_badge == {"De medewerkers reageren vandaag niet op wat u zegt": "Neutraal",
                           "vaste contactpersoon": "Suggestie", "weer geen monteur": "Irritatie"}


def test_failing_engine_never_affects_saving(db, actor):
    sid = _session(db, actor)

    def broken_loader():
        raise RuntimeError("model missing")

    worker = CueWorker(db, loader=broken_loader, analyser=_store)
    for i in range(3):
        note = capture.capture_line(db, actor, sid, f"notitie {i}", author="Anna").note
        worker.submit(note)
    assert worker.join(10)
    page = capture.stream(db, actor, sid, participants=[], agenda=[])
    assert [v.text for v in page.views] == ["notitie 2", "notitie 1", "notitie 0"]
    assert all(v.badges == () for v in page.views)


def test_raising_analysis_keeps_the_worker_alive(db, actor):
    sid = _session(db, actor)
    calls = []

    def flaky(db_, engine, note):
        calls.append(note.id)
        if len(calls) == 1:
            raise ValueError("boom")
        _store(db_, engine, note)

    worker = CueWorker(db, loader=FakeEngine, analyser=flaky)
    first = capture.capture_line(db, actor, sid, "een", author="Anna").note
    second = capture.capture_line(db, actor, sid, "twee", author="Anna").note
    worker.submit(first)
    worker.submit(second)
    assert worker.join(10)
    assert calls == [first.id, second.id]
    badges = {v.text: v.badges for v in capture.stream(db, actor, sid, participants=[], agenda=[]).views}
    assert badges["een"] == () and badges["twee"]


def test_slow_engine_does_not_delay_submit(db, actor):
    sid = _session(db, actor)
    release = threading.Event()

    class SlowEngine(FakeEngine):
        def analyse(self, text):
            release.wait(5)
            return FakeResult()

    worker = CueWorker(db, loader=SlowEngine, analyser=_store)
    started = time.perf_counter()
    for i in range(5):
        worker.submit(capture.capture_line(db, actor, sid, f"n{i}", author="Anna").note)
    assert time.perf_counter() - started < 2.0
    release.set()
    assert worker.join(10)


def test_without_engine_the_worker_turns_itself_off(db, actor):
    sid = _session(db, actor)
    worker = CueWorker(db, loader=lambda: None)
    worker.submit(capture.capture_line(db, actor, sid, "een", author="Anna").note)
    assert worker.join(5)
    worker.submit(capture.capture_line(db, actor, sid, "twee", author="Anna").note)
    assert worker.join(5)


@pytest.mark.slow
def test_real_engine_gives_badges(db, actor):
    """The real Dutch engine (spaCy + lexicon), loaded in the worker thread, through analysis.analyse_note."""
    sid = _session(db, actor)
    worker = CueWorker(db)
    note = capture.capture_line(db, actor, sid, "De monteur kwam drie uur te laat en niemand belde af.", author="Anna").note
    worker.submit(note)
    assert worker.join(180)
    (view,) = capture.stream(db, actor, sid, participants=[], agenda=[]).views
    labels = [b.label for b in view.badges]
    assert labels and labels[0] == "Irritatie", labels
    assert len(labels) >= 2  # at least one theme
