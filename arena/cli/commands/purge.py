"""purge: apply the retention term (table settings) to sessions older than it."""

from __future__ import annotations

import argparse

from arena.cli.common import add_database_option, cli_actor, database
from arena.privacy import retention
from arena.privacy.erasure import ErasureMode

NAME = "purge"
HELP = "Pas de bewaartermijn toe: ruwe notities van oudere sessies anonimiseren of verwijderen."


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ja", "--yes", dest="yes", action="store_true",
                        help="voer het echt uit (zonder: alleen tonen wat er zou gebeuren)")
    parser.add_argument("--maanden", "--months", dest="months", type=int,
                        help="stel eerst de bewaartermijn in (maanden)")
    parser.add_argument("--wijze", "--mode", dest="mode", choices=[m.value for m in ErasureMode],
                        help="anonymise_notes (standaard) of delete_notes")
    add_database_option(parser)


def run(args: argparse.Namespace) -> int:
    db, actor = database(args), cli_actor()
    if args.months is not None or args.mode:
        current = retention.get_policy(db, actor)
        policy = retention.set_policy(db, actor, args.months if args.months is not None else current.months,
                                      args.mode or current.mode)
        print(f"Bewaartermijn ingesteld: {policy.months} maanden, {policy.mode.label.lower()}.")
    policy = retention.get_policy(db, actor)
    if policy.months is None:
        print("Geen bewaartermijn ingesteld (python -m arena purge --maanden 24); er is niets gewijzigd.")
        return 0
    result = retention.purge(db, actor, dry_run=not args.yes)
    verb = "zou" if result.dry_run else "is"
    print(f"Grens: sessies van voor {result.cutoff:%d-%m-%Y}; {len(result.sessions)} sessie(s).")
    print(f"Deelnemers gewist: {result.participants_erased} ({verb} gedaan); notities verwijderd: {result.notes_deleted}.")
    if result.dry_run and result.sessions:
        print("Voeg --ja toe om dit uit te voeren.")
    return 0
