"""Screenshot of the Analyse page on the demo session, in headless Chromium.

    .venv/bin/python scripts/screenshot_analyse.py [out.png]

Starts Streamlit on a free port with a temporary data folder holding the demo session (analysed,
with clusters found, one human correction and one improvement action, so every figure has data),
waits in headless Chromium until every chart is drawn, and takes the screenshot.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _prepare(data_dir: Path) -> int:
    os.environ["ARENA_DATA_DIR"] = str(data_dir)
    os.environ.pop("ARENA_DATABASE_URL", None)
    from arena.nlp import Engine
    from arena.paths import database_url
    from arena.services import actions, analysis, review
    from arena.services.auth import LOCAL_USER
    from arena.services.bootstrap import open_database
    from arena.services.demo import create_demo_session

    db = open_database(database_url())
    session_id = create_demo_session(db, LOCAL_USER)
    engine = Engine.load()
    analysis.analyse_pending(db, LOCAL_USER, engine, [session_id])
    review.discover(db, LOCAL_USER, engine, [session_id])
    notes = analysis.analysed_notes(db, LOCAL_USER, [session_id])
    first_irritation = next(n for n in notes if n.is_irritation)
    analysis.set_key_quote(db, LOCAL_USER, first_irritation.note.id, True)
    evidence = [n.note.id for n in notes if "bereikbaarheid" in n.themes][:3]
    actions.create_action(db, LOCAL_USER, session_id, "Terugbelbelofte binnen 4 uur", theme_code="bereikbaarheid",
                          owner="Klantenservice", evidence_note_ids=evidence)
    db.dispose()
    return session_id


def _wait(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"Streamlit did not answer at {url}")


FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--hide-scrollbars",
         "--window-size=1400,3000"]


def _chromium(url: str, out: Path, timeout: float = 120) -> None:
    """Headless Chromium via chromedriver: the plain `chromium --screenshot` fires on the load event,
    before Streamlit's websocket has drawn anything, so we wait until every chart is drawn."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in FLAGS:
        options.add_argument(flag)
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    try:
        driver.set_window_size(1400, 3000)
        driver.get(url)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            done = driver.execute_script(
                "const plots = document.querySelectorAll('.js-plotly-plot .main-svg').length;"
                "const running = document.querySelector('[data-testid=\"stStatusWidget\"]');"
                "return plots >= 9 && !running;"
            )
            if done:
                break
            time.sleep(0.5)
        time.sleep(1.5)  # let plotly finish its transitions
        driver.save_screenshot(str(out))
    finally:
        driver.quit()


def main(out: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="arena-shot-") as tmp:
        session_id = _prepare(Path(tmp) / "data")
        port = _free_port()
        env = dict(os.environ, ARENA_DATA_DIR=str(Path(tmp) / "data"))
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(REPO / "streamlit_app.py"), "--server.headless=true",
             f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false"],
            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            _wait(f"http://127.0.0.1:{port}/_stcore/health")
            url = f"http://127.0.0.1:{port}/analyse?sessie={session_id}"
            _chromium(url, out)
        finally:
            server.terminate()
            server.wait(timeout=20)
    print(f"screenshot: {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "analyse.png").resolve())
