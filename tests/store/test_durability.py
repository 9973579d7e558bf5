"""Durability under concurrency and crashes, through the real save path on a real SQLite file."""

from __future__ import annotations

import multiprocessing as mp
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

from arena.services import notes, sessions
from arena.services.auth import LOCAL_USER
from arena.services.bootstrap import open_database
from tests.conftest import REPO

WRITERS = 8
NOTES_EACH = 300


# Writers are separate Python processes started with subprocess: multiprocessing's spawn would
# re-run whatever sys.modules["__main__"] is, and AppTest leaves a Streamlit page there.
_WRITER = """
import sys, time
from pathlib import Path
from arena.services import notes
from arena.services.auth import LOCAL_USER
from arena.services.bootstrap import open_database
url, session_id, worker, go, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4]), int(sys.argv[5])
db = open_database(url, migrate=False)
while not go.exists():
    time.sleep(0.01)
failed = 0
for i in range(count):
    try:
        notes.save_note(db, LOCAL_USER, session_id, f"schrijver {worker} notitie {i}")
    except Exception as exc:
        failed += 1
        print(repr(exc), file=sys.stderr)
print(failed)
"""


def test_eight_processes_save_without_a_single_failure(sqlite_url, tmp_path):
    db = open_database(sqlite_url)
    session_id = sessions.create_session(db, LOCAL_USER, title="Gelijktijdig").id
    db.dispose()
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, sqlite_url, str(session_id), str(w), str(go), str(NOTES_EACH)],
            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for w in range(WRITERS)
    ]
    time.sleep(1.0)
    go.touch()
    failures = []
    for proc in procs:
        out, err = proc.communicate(timeout=900)  # generous: a starved machine is slow, not wrong
        assert proc.returncode == 0, err
        failures.append(int(out.strip().splitlines()[-1]))
    assert sum(failures) == 0, failures
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
