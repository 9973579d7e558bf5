"""Where the project's shipped data and the user's data live."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
MODELS_DIR = REPO_ROOT / "models"


def data_dir() -> Path:
    """The user's data folder (database, backups, generated files); created on first use."""
    folder = Path(os.environ.get("ARENA_DATA_DIR", REPO_ROOT / "data" / "local")).expanduser()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def database_url() -> str:
    """ARENA_DATABASE_URL wins; otherwise an SQLite file in the data folder."""
    url = os.environ.get("ARENA_DATABASE_URL", "").strip()
    if url:
        return url
    return f"sqlite:///{data_dir() / 'klantenarena.sqlite3'}"
