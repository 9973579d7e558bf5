"""export-person ID: everything stored about one participant, as JSON and .docx."""

from __future__ import annotations

import argparse
from pathlib import Path

from arena.cli.common import add_database_option, cli_actor, database
from arena.privacy.export import person_export, to_docx, to_json

NAME = "export-person"
HELP = "Exporteer alle gegevens over één deelnemer (AVG-inzageverzoek) als JSON en Word-document."


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("participant_id", type=int)
    parser.add_argument("--map", "--out", dest="out", default=".", help="doelmap (standaard de huidige map)")
    add_database_option(parser)


def run(args: argparse.Namespace) -> int:
    export = person_export(database(args), cli_actor(), args.participant_id)
    folder = Path(args.out).expanduser()
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"persoonsgegevens-deelnemer-{args.participant_id}"
    (folder / f"{stem}.json").write_bytes(to_json(export))
    (folder / f"{stem}.docx").write_bytes(to_docx(export))
    print(f"Geschreven: {folder / stem}.json en .docx ({len(export['notes'])} notities)")
    return 0
