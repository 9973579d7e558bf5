"""Fault drill: PostgreSQL restarted (pg_ctl restart) while three writers save notes.

Runs its own throw-away PostgreSQL cluster on a free loopback port (the shared test server is
not touched). Each writer saves through notes.save_note; a save is acknowledged when it returned
(committed) or raised SavedToJournal (kept in the fallback journal, Dutch message to the user).
After the restarts the journal is flushed; every acknowledged note must be in the database once.

    .venv/bin/python scripts/fault_postgres_restart.py [--restarts 3] [--mode fast|immediate] [--outage 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WRITERS = 3


def _bin() -> Path:
    return sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]


def _as_postgres(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.getuid() == 0 else cmd


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_cluster(folder: Path, port: int) -> None:
    folder.mkdir(parents=True)
    if os.getuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    subprocess.run(_as_postgres([str(_bin() / "initdb"), "-D", str(folder), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                                 "--locale=C.UTF-8"]), check=True, capture_output=True)
    pg_ctl(folder, port, "start")


def pg_ctl(folder: Path, port: int, action: str, mode: str = "fast") -> None:
    cmd = [str(_bin() / "pg_ctl"), "-D", str(folder), "-l", str(folder / "server.log"), "-w", "-m", mode, action]
    if action in ("start", "restart"):
        cmd += ["-o", f"-c listen_addresses=127.0.0.1 -p {port} -k /tmp"]
    subprocess.run(_as_postgres(cmd), check=True, capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--restarts", type=int, default=3)
    parser.add_argument("--mode", choices=["fast", "immediate"], default="immediate")
    parser.add_argument("--outage", type=float, default=3.0, help="seconden tussen stop en start (0: pg_ctl restart)")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="arena-pg-drill-"))
    os.chmod(folder, 0o755)
    os.environ["ARENA_JOURNAL_PATH"] = str(folder / "journal" / "journal.jsonl")
    port = _free_port()
    start_cluster(folder / "cluster", port)
    import psycopg

    with psycopg.connect(f"postgresql://postgres@127.0.0.1:{port}/postgres", autocommit=True) as conn:
        conn.execute("create database arena_drill")
    url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/arena_drill"

    from arena.services import notes, sessions
    from arena.services.auth import LOCAL_USER
    from arena.services.bootstrap import open_database
    from arena.services.journal import flush_journal
    from arena.store.journal import SavedToJournal

    db = open_database(url)
    session_id = sessions.create_session(db, LOCAL_USER, title="Herstart-drill").id
    saved: dict[str, int] = {}
    journaled: list[str] = []
    other_errors: list[str] = []
    latencies: list[float] = []
    stop = threading.Event()
    lock = threading.Lock()

    def writer(k: int) -> None:
        n = 0
        while not stop.is_set():
            token = f"w{k}-{n}"
            began = time.monotonic()
            try:
                note = notes.save_note(db, LOCAL_USER, session_id, f"schrijver {k} notitie {n}", client_token=token)
                with lock:
                    saved[token] = note.id
            except SavedToJournal:
                with lock:
                    journaled.append(token)
            except Exception as exc:  # anything else reached the user as a crash
                with lock:
                    other_errors.append(f"{type(exc).__name__}: {exc}"[:200])
            with lock:
                latencies.append(time.monotonic() - began)
            n += 1
            time.sleep(0.01)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(WRITERS)]
    for thread in threads:
        thread.start()
    outages = []
    try:
        for _ in range(args.restarts):
            time.sleep(2.0)
            began = time.monotonic()
            if args.outage > 0:
                pg_ctl(folder / "cluster", port, "stop", args.mode)
                time.sleep(args.outage)
                pg_ctl(folder / "cluster", port, "start")
            else:
                pg_ctl(folder / "cluster", port, "restart", args.mode)
            outages.append(time.monotonic() - began)
        time.sleep(2.0)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    flushed = flush_journal(db, LOCAL_USER)
    with db.read() as conn:
        rows = conn.exec_driver_sql("select client_token, count(*) from notes group by client_token").all()
    stored = dict(rows)
    acknowledged = set(saved) | set(journaled)
    lost = sorted(t for t in acknowledged if t not in stored)
    doubles = sorted(t for t, count in stored.items() if count > 1)
    print(f"PostgreSQL-herstarts: {args.restarts} ({args.mode}), duur {', '.join(f'{s:.1f} s' for s in outages)}")
    print(f"schrijvers {WRITERS}: direct opgeslagen {len(saved)}, via noodjournaal {len(journaled)} "
          f"(later opgeslagen {flushed.saved}, al aanwezig {flushed.already_present}, wachtend {flushed.waiting})")
    print(f"bevestigd {len(acknowledged)}, in database {len(stored)}, verloren {len(lost)}, dubbel {len(doubles)}, "
          f"andere fouten (crashes) {len(other_errors)}; langste opslag {max(latencies):.2f} s")
    for line in other_errors[:5]:
        print("  ", line)
    db.dispose()
    pg_ctl(folder / "cluster", port, "stop")
    shutil.rmtree(folder, ignore_errors=True)
    return 1 if lost or doubles or other_errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
