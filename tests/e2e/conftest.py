"""End-to-end harness: a real `streamlit run` server and a real headless Chromium (Debian packages).

Each server gets a free loopback port and a fresh ARENA_DATA_DIR, so every test starts from an empty
data folder. Without chromium the e2e tests are skipped locally and fail in CI (CI must run them).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROME_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
)
START_TIMEOUT_S = 90


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class StreamlitServer:
    url: str
    port: int
    data_dir: Path
    process: subprocess.Popen
    log_path: Path

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "klantenarena.sqlite3"

    @property
    def database_url(self) -> str:
        return f"sqlite:///{self.sqlite_path}"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-4000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def start_server(data_dir: Path, log_path: Path, extra_env: dict[str, str] | None = None) -> StreamlitServer:
    """`python -m streamlit run streamlit_app.py` on a free port; returns once /_stcore/health answers ok."""
    port = free_port()
    env = {**os.environ, "ARENA_DATA_DIR": str(data_dir), "ARENA_LIVE_CUES": "0", **(extra_env or {})}
    env.pop("ARENA_DATABASE_URL", None)
    command = [
        sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.headless", "true",
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]
    log_file = log_path.open("wb")
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=log_file, stderr=subprocess.STDOUT)
    server = StreamlitServer(f"http://127.0.0.1:{port}", port, data_dir, process, log_path)
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"streamlit exited with {process.returncode}:\n{server.log()}")
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2) as response:
                if response.status == 200 and response.read().strip() == b"ok":
                    return server
        except OSError:
            pass
        time.sleep(0.2)
    server.stop()
    pytest.fail(f"streamlit did not become healthy within {START_TIMEOUT_S} s:\n{server.log()}")


@pytest.fixture
def server_factory(tmp_path: Path) -> Iterator[Callable[..., StreamlitServer]]:
    """Start one or more fresh servers; all are stopped at the end of the test."""
    servers: list[StreamlitServer] = []

    def make(data_dir: Path | None = None, **env: str) -> StreamlitServer:
        folder = data_dir or tmp_path / f"data{len(servers)}"
        folder.mkdir(parents=True, exist_ok=True)
        server = start_server(folder, tmp_path / f"streamlit{len(servers)}.log", env)
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.stop()


@pytest.fixture
def streamlit_server(server_factory) -> StreamlitServer:
    return server_factory()


def _require_chromium() -> None:
    if CHROMIUM.exists() and CHROMEDRIVER.exists():
        return
    message = f"headless Chromium not installed ({CHROMIUM}, {CHROMEDRIVER}): apt-get install chromium chromium-driver"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def browser_factory(tmp_path: Path) -> Iterator[Callable[[], object]]:
    """Fresh Chromium instances (each its own profile = its own browser session)."""
    _require_chromium()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    drivers = []

    def make():
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in CHROME_FLAGS:
            options.add_argument(flag)
        profile = tmp_path / f"chrome-profile-{len(drivers)}"
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
        driver.set_page_load_timeout(60)
        drivers.append(driver)
        return driver

    yield make
    for driver in drivers:
        try:
            driver.quit()
        except Exception:  # a crashed browser must not hide the test result
            pass


@pytest.fixture
def browser(browser_factory):
    return browser_factory()


# --- waiting helpers ------------------------------------------------------------------------------

def wait_until(condition: Callable[[], object], timeout: float = 30.0, interval: float = 0.1,
               message: str = "condition") -> object:
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        try:
            value = condition()
            if value:
                return value
        except Exception as exc:  # the DOM changes under us while Streamlit reruns
            last_error = exc
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {message}" + (f" ({last_error})" if last_error else ""))


def body_text(driver) -> str:
    return driver.execute_script("return document.body ? document.body.innerText : ''")


def wait_for_text(driver, text: str, timeout: float = 30.0) -> None:
    wait_until(lambda: text in body_text(driver), timeout, message=repr(text))


def wait_for_app(driver, timeout: float = 60.0) -> None:
    """The script has run once: the sidebar and a heading are there and nothing is running."""
    wait_until(
        lambda: driver.execute_script(
            "return !!document.querySelector('[data-testid=\"stSidebar\"]') && "
            "!!document.querySelector('h1') && "
            "!document.querySelector('[data-testid=\"stStatusWidget\"] [data-testid=\"stStatusWidgetRunningIcon\"]')"
        ),
        timeout,
        message="the app to render",
    )
