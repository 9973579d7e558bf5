"""erase ID: remove a participant's identity; their notes deleted or kept anonymised."""

from __future__ import annotations

import argparse

from arena.cli.common import add_database_option, cli_actor, database
from arena.privacy.erasure import ErasureMode, erase_participant

NAME = "erase"
HELP = "Wis een deelnemer (AVG): naam, organisatie en e-mail weg; notities verwijderen of geanonimiseerd bewaren."


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("participant_id", type=int)
    parser.add_argument("--wijze", "--mode", dest="mode", required=True, choices=[m.value for m in ErasureMode])
    parser.add_argument("--ja", "--yes", dest="yes", action="store_true", help="bevestig het wissen")
    add_database_option(parser)


def run(args: argparse.Namespace) -> int:
    if not args.yes:
        print("Wissen kan niet ongedaan worden gemaakt. Voeg --ja toe om te bevestigen; er is niets gewijzigd.")
        return 1
    result = erase_participant(database(args), cli_actor(), args.participant_id, args.mode, confirmed=True)
    if result.already_erased:
        print(f"Deelnemer {result.code} was al gewist.")
    else:
        print(f"Deelnemer {result.code} gewist: {result.notes_deleted} notities verwijderd, "
              f"{result.rows_rewritten} rijen geanonimiseerd, {len(result.files_removed)} bestanden verwijderd.")
    return 0
