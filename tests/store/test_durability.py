"""Durability under concurrency and crashes, through the real save path on a real SQLite file."""

from __future__ import annotations

import multiprocessing as mp
import os
import random
import signal
import sqlite3
import time

from arena.services import notes, sessions
from arena.services.auth import LOCAL_USER
from arena.services.bootstrap import open_database

WRITERS = 8
NOTES_EACH = 300


def _writer(url: str, session_id: int, worker: int, start, results) -> None:
    db = open_database(url, migrate=False)
    start.wait()
    failed = 0
    for i in range(NOTES_EACH):
        try:
            notes.save_note(db, LOCAL_USER, session_id, f"schrijver {worker} notitie {i}")
        except Exception:
            failed += 1
    results.put((worker, failed))


def test_eight_processes_save_without_a_single_failure(sqlite_url):
    db = open_database(sqlite_url)
    session_id = sessions.create_session(db, LOCAL_USER, title="Gelijktijdig").id
    db.dispose()
    ctx = mp.get_context("spawn")
    start, results = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(sqlite_url, session_id, w, start, results)) for w in range(WRITERS)]
    for p in procs:
        p.start()
    time.sleep(1.0)
    start.set()
    outcome = dict(results.get(timeout=900) for _ in procs)  # generous: a starved machine is slow, not wrong
    for p in procs:
        p.join(timeout=30)
    assert sum(outcome.values()) == 0, outcome
    db = open_database(sqlite_url, migrate=False)
    assert len(notes.list_notes(db, LOCAL_USER, session_id)) == WRITERS * NOTES_EACH


def _crash_writer(url: str, session_id: int, ack_fd: int) -> None:
    db = open_database(url, migrate=False)
    with os.fdopen(ack_fd, "w", buffering=1) as acks:
        for i in range(100_000):
            note = notes.save_note(db, LOCAL_USER, session_id, f"crash {i} " + "x" * (i % 500))
            acks.write(f"{note.id}\n")  # acknowledged only after COMMIT returned


def test_writer_killed_at_random_moments_loses_no_acknowledged_note(sqlite_url):
    db = open_database(sqlite_url)
    session_id = sessions.create_session(db, LOCAL_USER, title="Crash").id
    db.dispose()
    ctx = mp.get_context("fork")
    rng = random.Random(20261123)
    acknowledged: set[int] = set()
    for _ in range(100):
        read_fd, write_fd = os.pipe()
        proc = ctx.Process(target=_crash_writer, args=(sqlite_url, session_id, write_fd))
        proc.start()
        os.close(write_fd)
        time.sleep(rng.uniform(0.02, 0.15))
        os.kill(proc.pid, signal.SIGKILL)
        proc.join()
        with os.fdopen(read_fd) as pipe:
            acknowledged.update(int(line) for line in pipe.read().split("\n")[:-1] if line.strip())
    con = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"))
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {row[0] for row in con.execute("select id from notes")}
    assert acknowledged, "the writers never got to save anything"
    assert acknowledged <= stored, f"lost acknowledged notes: {sorted(acknowledged - stored)[:10]}"
    print(f"100 SIGKILLs: {len(acknowledged)} acknowledged, {len(stored)} stored, 0 lost, integrity ok")
