"""`python -m arena analyse [FILE]`: analyse notes with the Dutch NLP engine.

Input (FILE or stdin): JSON Lines with a "text" field (other fields ignored), or plain text with
one note per line. Output (stdout): one JSON object per input line, in the same order, with
polarity, themes (best first), theme_scores, intensity, sentiment, effort, cues, keyphrases.
An empty or invalid line gives {"line": n, "error": "<Dutch message>"} at the same position.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

NAME = "analyse"
HELP = "Analyseer notities (JSON Lines met een 'text'-veld of platte tekst, één per regel) met de NLP-engine."

BATCH = 256  # notes per engine call: large enough for speed, small enough to stream


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", default="-", metavar="FILE",
                        help="invoerbestand; weglaten of '-' leest van stdin")
    parser.add_argument("--models", type=Path, default=None, help="map met de modelbestanden (standaard models/)")
    parser.add_argument("--head", type=Path, default=None, help="map met een zelf hertrainde classifier-head")


def parse_line(raw: bytes) -> tuple[str | None, str | None]:
    """(text, None) for a usable note, (None, Dutch error) otherwise."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "Ongeldige tekencodering: de regel is geen UTF-8."
    line = line.lstrip("\ufeff").rstrip("\r\n")
    if not line.strip():
        return None, "Lege regel: er is geen notitie om te analyseren."
    if line.lstrip().startswith("{"):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            return None, f"Ongeldige JSON op deze regel (fout bij teken {exc.pos + 1})."
        if not isinstance(obj, dict):
            return None, "Ongeldige JSON: verwacht een object met een 'text'-veld."
        text = obj.get("text")
        if not isinstance(text, str):
            return None, "Het veld 'text' ontbreekt of is geen tekst."
        if not text.strip():
            return None, "Het veld 'text' is leeg: er is geen notitie om te analyseren."
        return text, None
    return line, None


def _lines(stream: BinaryIO) -> Iterator[bytes]:
    yield from stream


def run(args: argparse.Namespace) -> int:
    if args.file in (None, "-"):
        return analyse_stream(sys.stdin.buffer, sys.stdout, args.models, args.head)
    path = Path(args.file)
    if not path.is_file():
        print(f"Fout: bestand niet gevonden: {path}", file=sys.stderr)
        return 1
    with path.open("rb") as stream:
        return analyse_stream(stream, sys.stdout, args.models, args.head)


def analyse_stream(stream: BinaryIO, out: TextIO, models: Path | None = None, head: Path | None = None) -> int:
    from arena.nlp import ENGINE_VERSION, Engine

    engine = Engine.load(models, head)
    pending: list[tuple[int, str | None, str | None]] = []

    def analyse(texts: list[str]) -> list[object]:
        try:
            return list(engine.analyse_many(texts))
        except Exception:
            results: list[object] = []
            for text in texts:
                try:
                    results.append(engine.analyse(text))
                except Exception as exc:
                    results.append(exc)
            return results

    def flush() -> None:
        results = iter(analyse([t for _, t, _ in pending if t is not None]))
        for number, text, error in pending:
            result = next(results) if text is not None else None
            if text is None:
                row = {"line": number, "error": error}
            elif isinstance(result, Exception):
                row = {"line": number, "error": f"Analyse mislukt ({type(result).__name__}); probeer het opnieuw."}
            else:
                row = {"line": number, **result.to_dict(), "engine_version": ENGINE_VERSION}  # type: ignore[union-attr]
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        out.flush()
        pending.clear()

    for number, raw in enumerate(_lines(stream), start=1):
        text, error = parse_line(raw)
        pending.append((number, text, error))
        if len(pending) >= BATCH:
            flush()
    flush()
    return 0
