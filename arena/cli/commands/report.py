"""report: the Word improvement report of one session."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from arena.cli.common import add_database_option, cli_actor, database
from arena.services import reporting

NAME = "report"
HELP = "Maak het verbeterrapport (.docx) van een sessie; gepseudonimiseerd tenzij --echte-namen."


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--session", "--sessie", dest="session", type=int, required=True, help="sessie-id (zoals de app en `demo` tonen)")
    parser.add_argument("--out", type=Path, required=True, help="doelbestand, bijvoorbeeld rapport.docx")
    parser.add_argument("--echte-namen", "--real-names", dest="real_names", action="store_true",
                        help="namen van deelnemers tonen in plaats van K1, K2, … (alleen als dat echt nodig is)")
    parser.add_argument("--zonder-grafieken", "--no-charts", dest="no_charts", action="store_true", help="geen grafieken opnemen")
    parser.add_argument("--zonder-analyse", "--no-analysis", dest="no_analysis", action="store_true",
                        help="niet eerst de nog niet geanalyseerde notities analyseren")
    add_database_option(parser)


def run(args: argparse.Namespace) -> int:
    if args.real_names:
        print(f"Waarschuwing: {reporting.REAL_NAMES_WARNING}", file=sys.stderr)
    engine = None if args.no_analysis else reporting.load_engine()
    if engine is None and not args.no_analysis:
        print("Let op: de analyse-engine is niet beschikbaar; het rapport gebruikt alleen bestaande analyses.", file=sys.stderr)
    data = reporting.build_report(database(args), cli_actor(), args.session, real_names=args.real_names,
                                  engine=engine, charts=not args.no_charts)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"Rapport geschreven: {args.out} ({len(data) // 1024} kB)")
    return 0
