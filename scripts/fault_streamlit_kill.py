"""Fault drill: the Streamlit server is killed with SIGKILL while three browsers add notes.

Three headless Chromium clients type notes on the real Live notuleren page. A note counts as
acknowledged when the page showed its "✓ #id" confirmation (the save committed before that).
After a random moment the server gets SIGKILL; it is restarted on the same data folder and every
acknowledged note must be in the database. Prints the figures; exit code 1 if any were lost.

    .venv/bin/python scripts/fault_streamlit_kill.py [--rounds 3] [--seconds 8]
"""

from __future__ import annotations

import argparse
import random
import signal
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from arena.services import sessions
from arena.services.auth import LOCAL_USER
from arena.services.bootstrap import open_database
from tests.e2e.conftest import CHROME_FLAGS, CHROMEDRIVER, CHROMIUM, start_server
from tests.e2e.test_live_capture import open_live, type_note

CLIENTS = 3


def make_driver(profile: Path):
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    return driver


def client(driver, name: str, acked: dict[int, str], typed: list[str], stop: threading.Event) -> None:
    n = 0
    while not stop.is_set():
        text = f"{name} notitie {n} over de levering"
        typed.append(text)
        try:
            note_id = type_note(driver, text, use_focus=n > 0)
        except Exception:  # server gone: no acknowledgement, so the note does not count as promised
            return
        acked[note_id] = text
        n += 1


def drill(rounds: int, seconds: float, seed: int) -> int:
    rng = random.Random(seed)
    folder = Path(tempfile.mkdtemp(prefix="arena-kill-"))
    data = folder / "data"
    data.mkdir()
    db = open_database(f"sqlite:///{data / 'klantenarena.sqlite3'}")
    session = sessions.create_session(db, LOCAL_USER, title="Kill-drill", duration_min=60)
    sessions.add_participant(db, LOCAL_USER, session.id, "Jan Jansen")
    sessions.add_agenda_item(db, LOCAL_USER, session.id, "Levering", timebox_min=10)
    db.dispose()
    drivers = [make_driver(folder / f"profile{i}") for i in range(CLIENTS)]
    acked: dict[int, str] = {}
    typed: list[str] = []
    total_lost = 0
    try:
        for round_no in range(1, rounds + 1):
            server = start_server(data, folder / f"server{round_no}.log", {})
            server.session_id = session.id
            for driver in drivers:
                open_live(driver, server)
            stop = threading.Event()
            threads = [threading.Thread(target=client, args=(d, f"r{round_no}c{i}", acked, typed, stop))
                       for i, d in enumerate(drivers)]
            for thread in threads:
                thread.start()
            wait = rng.uniform(seconds * 0.5, seconds)
            time.sleep(wait)
            server.process.send_signal(signal.SIGKILL)
            server.process.wait(timeout=10)
            stop.set()
            for thread in threads:
                thread.join(timeout=30)
            con = sqlite3.connect(data / "klantenarena.sqlite3")
            integrity = con.execute("pragma integrity_check").fetchone()[0]
            stored = {row[0]: row[1] for row in con.execute(
                "select n.id, v.text from notes n join note_versions v on v.note_id = n.id and v.version = n.current_version")}
            con.close()
            lost = [i for i, text in acked.items() if stored.get(i) != text]
            total_lost += len(lost)
            print(f"ronde {round_no}: SIGKILL na {wait:.1f} s; getypt {len(typed)}, bevestigd {len(acked)}, "
                  f"in database {len(stored)}, verloren bevestigde notities {len(lost)}, integrity_check {integrity}")
        # After the last kill: a fresh server serves every note and takes new ones.
        server = start_server(data, folder / "server-final.log", {})
        server.session_id = session.id
        open_live(drivers[0], server)
        type_note(drivers[0], "na de laatste herstart")
        server.stop()
    finally:
        for driver in drivers:
            try:
                driver.quit()
            except Exception:
                pass
    print(f"TOTAAL: clients {CLIENTS}, rondes {rounds}, bevestigde notities {len(acked)}, verloren {total_lost}, "
          f"crashes 0 (server na elke SIGKILL opnieuw gestart en bruikbaar)")
    return 1 if total_lost else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--seed", type=int, default=20261123)
    args = parser.parse_args()
    return drill(args.rounds, args.seconds, args.seed)


if __name__ == "__main__":
    raise SystemExit(main())
