"""Live cues: analyse each saved note in a background thread, never in the save path.

Saving a note must not wait for (or fail because of) the NLP engine: the engine loads lazily in
the worker thread, every exception is logged and swallowed, and a slow analysis only delays the
badges. Notes the worker never reached stay "pending" and are analysed later on the Analyse page.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from arena.domain.model import Note
from arena.store.database import Database

log = logging.getLogger(__name__)

EngineLoader = Callable[[], Any]
Analyser = Callable[[Database, Any, Note], Any]


def default_loader() -> Any | None:
    """The real engine, or None while arena.nlp has no Engine (then no badges are shown)."""
    try:
        from arena.nlp import Engine  # type: ignore[attr-defined]
    except ImportError:
        return None
    return Engine.load()


def default_analyser() -> Analyser | None:
    try:
        from arena.services.analysis import analyse_note
    except ImportError:
        return None
    return analyse_note


class CueWorker:
    """One daemon thread per database that analyses submitted notes in order."""

    def __init__(self, db: Database, loader: EngineLoader = default_loader,
                 analyser: Analyser | None = None, *, warm: bool = True) -> None:
        """`warm`: load the engine at once (in the thread), so the first note's badges come quickly too."""
        self.db = db
        self._loader = loader
        self._analyser = analyser
        self._queue: queue.Queue[Note | None] = queue.Queue()
        self._engine: Any | None = None
        self._disabled = False
        self.done = 0  # analyses attempted (for tests and diagnostics)
        self._warm = warm
        self._thread = threading.Thread(target=self._run, name="arena-live-cues", daemon=True)
        self._thread.start()

    def submit(self, note: Note) -> None:
        """Never raises and never blocks: the caller has already saved the note."""
        try:
            if not self._disabled:
                self._queue.put_nowait(note)
        except Exception:  # pragma: no cover - an unbounded queue does not refuse
            log.exception("could not queue note %s for live cues", note.id)

    def join(self, timeout: float = 10.0) -> bool:
        """Wait until the queue is empty (tests); True when everything submitted was handled."""
        done = threading.Event()

        def waiter() -> None:
            self._queue.join()
            done.set()

        threading.Thread(target=waiter, daemon=True).start()
        return done.wait(timeout)

    def close(self) -> None:
        self._queue.put(None)

    def _run(self) -> None:
        if self._warm:
            self._load()
        while True:
            note = self._queue.get()
            try:
                if note is None:
                    return
                self._analyse(note)
            except Exception:  # the worker must outlive any engine failure
                log.exception("live cue for note %s failed", getattr(note, "id", "?"))
            finally:
                self.done += 1 if note is not None else 0
                self._queue.task_done()

    def _load(self) -> None:
        try:
            self._engine = self._loader()
        except Exception:
            log.exception("the NLP engine failed to load: live cues are off")
        if self._engine is None:
            log.info("no NLP engine available: live cues are off")
            self._disabled = True

    def _analyse(self, note: Note) -> None:
        if self._engine is None and not self._disabled:
            self._load()
        if self._engine is None:
            self._drain()
            return
        analyser = self._analyser or default_analyser()
        if analyser is None:
            self._disabled = True
            self._drain()
            return
        analyser(self.db, self._engine, note)

    def _drain(self) -> None:
        while True:
            try:
                self._queue.get_nowait()
            except queue.Empty:
                return
            self._queue.task_done()
