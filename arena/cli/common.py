"""Helpers shared by the commands: the database and the acting user on the command line."""

from __future__ import annotations

import argparse

from arena.services.auth import LOCAL_USER, Actor
from arena.services.bootstrap import open_database
from arena.store.database import Database


def add_database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database-url", help="SQLAlchemy-URL; standaard ARENA_DATABASE_URL of het SQLite-bestand in de datamap")


def database(args: argparse.Namespace) -> Database:
    return open_database(getattr(args, "database_url", None))


def cli_actor() -> Actor:
    """Whoever can run the CLI on the server can read its database file: a local moderator."""
    return LOCAL_USER
