"""restore PATH: put a backup back (checked first), keep a copy of the current data, replay erasures."""

from __future__ import annotations

import argparse
from pathlib import Path

from arena.cli.common import add_database_option, cli_actor, database
from arena.privacy.restore import restore_backup

NAME = "restore"
HELP = "Zet een back-up terug: eerst gecontroleerd, met een kopie van de huidige database; wissingen worden opnieuw toegepast."


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="het back-upbestand (.sqlite3)")
    parser.add_argument("--ja", "--yes", dest="yes", action="store_true", help="bevestig: de huidige gegevens worden vervangen")
    add_database_option(parser)


def run(args: argparse.Namespace) -> int:
    if not args.yes:
        print("Herstellen vervangt de huidige gegevens. Voeg --ja toe om te bevestigen; er is niets gewijzigd.")
        return 1
    report = restore_backup(database(args), cli_actor(), Path(args.path), confirmed=True)
    print(f"Kopie van de vorige database: {report.restore.safety_copy}")
    print(f"Hersteld uit {report.restore.restored_from} (schemaversie {report.restore.revision}).")
    print(f"Wissingen opnieuw toegepast: {len(report.reapplied)}")
    return 0
