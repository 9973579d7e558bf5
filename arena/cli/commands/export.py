"""export: notes with analysis as CSV/XLSX, the codebook as .qdc, the coded session as .qdpx (REFI-QDA)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from arena.cli.common import add_database_option, cli_actor, database
from arena.services import reporting

NAME = "export"
HELP = "Exporteer notities met analyse (csv, xlsx) of als REFI-QDA (qdc-codeboek, qdpx-project); gepseudonimiseerd."


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--session", "--sessie", dest="session", type=int, required=True, help="sessie-id")
    parser.add_argument("--format", "--formaat", dest="format", choices=sorted(reporting.EXPORT_FORMATS),
                        help="exportformaat; standaard afgeleid van de extensie van --out")
    parser.add_argument("--out", type=Path, required=True, help="doelbestand, bijvoorbeeld notities.xlsx")
    parser.add_argument("--echte-namen", "--real-names", dest="real_names", action="store_true",
                        help="namen van deelnemers tonen in plaats van K1, K2, …")
    add_database_option(parser)


def run(args: argparse.Namespace) -> int:
    fmt = args.format or args.out.suffix.lower().lstrip(".")
    if fmt not in reporting.EXPORT_FORMATS:
        print(f"Fout: kies een formaat ({', '.join(sorted(reporting.EXPORT_FORMATS))}) met --format of de extensie van --out.",
              file=sys.stderr)
        return 2
    if args.real_names:
        print(f"Waarschuwing: {reporting.REAL_NAMES_WARNING}", file=sys.stderr)
    data = reporting.export(database(args), cli_actor(), args.session, fmt, real_names=args.real_names)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"Export geschreven: {args.out} ({len(data) // 1024} kB)")
    return 0
