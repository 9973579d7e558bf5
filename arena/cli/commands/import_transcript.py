"""import: a transcript (WebVTT, .txt or .docx) of an online session becomes notes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from arena.cli.common import add_database_option, cli_actor, database
from arena.domain.text import ValidationError
from arena.report.transcripts import GROUP, MODERATOR
from arena.services import transcripts

NAME = "import"
HELP = "Importeer een transcript (.vtt van Teams/Zoom, .txt of .docx met ‘Naam: tekst’) als notities."


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--session", "--sessie", dest="session", type=int, required=True, help="sessie-id")
    parser.add_argument("--file", "--bestand", dest="file", type=Path, required=True, help="het transcript")
    parser.add_argument("--koppel", "--map", dest="mapping", action="append", default=[], metavar="SPREKER=DOEL",
                        help="spreker koppelen: DOEL is een code (K3), 'moderator' of 'groep'; herhaalbaar")
    parser.add_argument("--voorbeeld", "--dry-run", dest="dry_run", action="store_true",
                        help="alleen de voorgestelde koppeling tonen, niets opslaan")
    add_database_option(parser)


def run(args: argparse.Namespace) -> int:
    db, actor = database(args), cli_actor()
    if not args.file.exists():
        print(f"Fout: bestand niet gevonden: {args.file}", file=sys.stderr)
        return 1
    found = transcripts.preview(db, actor, args.session, args.file.name, args.file.read_bytes())
    codes = {c.code.upper(): c.participant_id for c in found.candidates}
    mapping = dict(found.proposal)
    for item in args.mapping:
        speaker, _, target = item.partition("=")
        if speaker not in mapping:
            raise ValidationError(f"Spreker ‘{speaker}’ komt niet voor in het transcript.")
        key = target.strip().upper()
        if key in codes:
            mapping[speaker] = codes[key]
        elif key in {"MODERATOR", "GROEP", "GROUP"}:
            mapping[speaker] = MODERATOR if key == "MODERATOR" else GROUP
        else:
            raise ValidationError(f"Onbekend doel ‘{target}’: gebruik een deelnemerscode (K1), 'moderator' of 'groep'.")
    by_id = {c.participant_id: c.code for c in found.candidates}
    print(f"{len(found.cues)} uitspraken van {len(found.speakers)} sprekers:")
    for speaker in found.speakers:
        target = mapping[speaker]
        shown = by_id[target] if isinstance(target, int) else ("moderator" if target == MODERATOR else "groep")
        print(f"  {speaker or '(geen naam)'} -> {shown} ({found.cue_count(speaker)} uitspraken)")
    if args.dry_run:
        print("Voorbeeld: er is niets opgeslagen.")
        return 0
    result = transcripts.import_cues(db, actor, args.session, found.cues, mapping)
    print(f"Geïmporteerd: {result.created} nieuwe notities, {result.already_there} waren er al.")
    return 0
