"""demo: create the Dutch demo session; the last output line is its id."""

from __future__ import annotations

import argparse

from arena.cli.common import add_database_option, cli_actor, database
from arena.services.demo import create_demo_session

NAME = "demo"
HELP = "Maak een voorbeeldsessie met agenda, deelnemers, observatoren en notities; drukt als laatste regel het sessie-id af."


def register(parser: argparse.ArgumentParser) -> None:
    add_database_option(parser)


def run(args: argparse.Namespace) -> int:
    db = database(args)
    session_id = create_demo_session(db, cli_actor())
    print("Voorbeeldsessie aangemaakt. Sessie-id:")
    print(session_id)
    return 0
