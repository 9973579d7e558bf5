"""backup PATH: an online, consistent copy of the SQLite database."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from arena.cli.common import add_database_option, database
from arena.store.backup import backup_sqlite

NAME = "backup"
HELP = "Maak een consistente back-up van de SQLite-database (ook terwijl de app draait)."


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="doelbestand, of een map (dan met datum en tijd in de naam)")
    add_database_option(parser)


def run(args: argparse.Namespace) -> int:
    target = Path(args.path)
    if target.is_dir() or args.path.endswith(("/", "\\")):
        target = target / f"klantenarena-{datetime.now():%Y%m%d-%H%M%S}.sqlite3"
    written = backup_sqlite(database(args), target)
    print(f"Back-up geschreven: {written}")
    return 0
