"""CLI contract: `python -m arena analyse [FILE]` writes one JSON object per input line."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from arena.cli.commands import analyse

REPO = Path(__file__).resolve().parents[2]
REQUIRED = {"polarity", "themes", "intensity", "sentiment", "cues"}


def run_stream(data: bytes) -> list[dict]:
    out = io.StringIO()
    assert analyse.analyse_stream(io.BytesIO(data), out) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_module_contract() -> None:
    assert analyse.NAME == "analyse" and analyse.HELP
    assert callable(analyse.register) and callable(analyse.run)


def test_jsonl_plain_and_invalid_lines_keep_positions(engine) -> None:
    data = "\n".join([
        json.dumps({"id": 1, "text": "Ik werd nooit teruggebeld.", "extra": [1, 2]}),
        "",
        "Gewoon een regel tekst: de factuur klopte niet.",
        '{"text": ""}',
        "{kapot",
        '{"id": 5}',
        '["geen", "object"]',
        "De monteur was heel vriendelijk.",
    ]).encode() + b"\n\xff\xfe\n"
    rows = run_stream(data)
    assert len(rows) == 9
    assert [r["line"] for r in rows] == list(range(1, 10))
    for i in (0, 2, 6, 7):
        assert REQUIRED <= set(rows[i]), rows[i]
    for i in (1, 3, 4, 5, 8):
        assert set(rows[i]) == {"line", "error"} and rows[i]["error"]
    assert rows[0]["polarity"] == "irritatie" and rows[0]["themes"][0] == "bereikbaarheid"
    assert rows[7]["polarity"] == "positief"
    assert "Lege regel" in rows[1]["error"]
    assert "JSON" in rows[4]["error"]
    assert "UTF-8" in rows[8]["error"]


def test_crlf_and_bom(engine) -> None:
    rows = run_stream("\ufeffDe levering was te laat.\r\nTop!\r\n".encode())
    assert len(rows) == 2 and "error" not in rows[0]


def test_command_line_with_file(tmp_path: Path) -> None:
    notes = tmp_path / "notes.jsonl"
    notes.write_text('{"text": "De offerte kwam pas na zes weken."}\n\n', encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "arena", "analyse", str(notes)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert rows[0]["themes"][0] == "offerte" and "error" in rows[1]


def test_missing_file(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "arena", "analyse", str(tmp_path / "nope.txt")], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "niet gevonden" in proc.stderr
