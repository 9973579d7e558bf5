"""init-db: create or upgrade the database schema."""

from __future__ import annotations

import argparse

from arena.cli.common import add_database_option, database
from arena.store.migrate import current_revision

NAME = "init-db"
HELP = "Maak de database aan of werk het schema bij (bestaande gegevens blijven behouden)."


def register(parser: argparse.ArgumentParser) -> None:
    add_database_option(parser)


def run(args: argparse.Namespace) -> int:
    db = database(args)
    print(f"Database klaar: {db.engine.url.render_as_string(hide_password=True)} (schema {current_revision(db)})")
    return 0
