"""Storage figures: commit latency of one note save, and concurrent writers on one SQLite file.

Run: .venv/bin/python -m benchmarks.storage_bench [--postgres URL]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import tempfile
import time
from pathlib import Path

from arena.services import notes, sessions
from arena.services.auth import LOCAL_USER
from arena.services.bootstrap import open_database


def latency(url: str, count: int = 1000) -> tuple[float, float, float]:
    db = open_database(url)
    session_id = sessions.create_session(db, LOCAL_USER, title="Bench").id
    timings = []
    for i in range(count):
        start = time.perf_counter()
        notes.save_note(db, LOCAL_USER, session_id, f"De offerte kwam pas na drie weken, notitie {i}.")
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    db.dispose()
    return statistics.median(timings), timings[int(len(timings) * 0.95)], timings[-1]


def _writer(url: str, session_id: int, count: int, out) -> None:
    db = open_database(url, migrate=False)
    failed = 0
    for i in range(count):
        try:
            notes.save_note(db, LOCAL_USER, session_id, f"gelijktijdig {i}")
        except Exception:
            failed += 1
    out.put(failed)


def concurrency(url: str, writers: int = 8, each: int = 300) -> tuple[int, int, float]:
    db = open_database(url)
    session_id = sessions.create_session(db, LOCAL_USER, title="Gelijktijdig").id
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    start = time.perf_counter()
    procs = [ctx.Process(target=_writer, args=(url, session_id, each, out)) for _ in range(writers)]
    for p in procs:
        p.start()
    failed = sum(out.get() for _ in procs)
    for p in procs:
        p.join()
    elapsed = time.perf_counter() - start
    stored = len(notes.list_notes(db, LOCAL_USER, session_id))
    return failed, stored, elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", help="also measure on this PostgreSQL URL")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        urls = {"SQLite": f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"}
        if args.postgres:
            urls["PostgreSQL"] = args.postgres
        for name, url in urls.items():
            p50, p95, worst = latency(url)
            print(f"{name}: save_note latency over 1000 saves: p50 {p50:.2f} ms, p95 {p95:.2f} ms, max {worst:.2f} ms")
        failed, stored, elapsed = concurrency(urls["SQLite"].replace("bench.sqlite3", "conc.sqlite3"))
        print(f"SQLite: 8 processes x 300 saves: {failed} failed, {stored} stored, {elapsed:.1f} s "
              f"({stored / elapsed:.0f} saves/s)")


if __name__ == "__main__":
    main()
