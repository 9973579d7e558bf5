"""The CLI on a fresh demo session: report (with analysis first), export and transcript import."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import zipfile

import docx
import openpyxl

from tests.conftest import REPO
from tests.report.conftest import PERSONAL


def arena(*args: str, data_dir) -> subprocess.CompletedProcess:
    env = {**os.environ, "ARENA_DATA_DIR": str(data_dir)}
    env.pop("ARENA_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "arena", *args], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=300)


def test_report_export_and_import_from_the_command_line(tmp_path):
    demo = arena("demo", data_dir=tmp_path)
    assert demo.returncode == 0, demo.stderr
    session_id = demo.stdout.strip().splitlines()[-1]

    out = tmp_path / "rapport.docx"
    result = arena("report", "--session", session_id, "--out", str(out), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    document = docx.Document(out)
    assert document.paragraphs[0].text == "" and any(p.text == "Managementsamenvatting" for p in document.paragraphs)
    assert len(document.inline_shapes) >= 5
    with zipfile.ZipFile(out) as archive:
        xml = "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist() if n.endswith(".xml"))
    assert not [s for s in PERSONAL if s in xml]
    con = sqlite3.connect(tmp_path / "klantenarena.sqlite3")
    analysed, total = con.execute(
        "select (select count(distinct note_version_id) from note_analyses), (select count(*) from notes)"
    ).fetchone()
    engine_available = "analyse-engine is niet beschikbaar" not in result.stderr
    assert analysed == (total if engine_available else 0)

    xlsx = tmp_path / "notities.xlsx"
    assert arena("export", "--session", session_id, "--out", str(xlsx), data_dir=tmp_path).returncode == 0
    rows = list(openpyxl.load_workbook(xlsx)["Notities"].values)
    assert len(rows) == total + 1

    vtt = tmp_path / "online.vtt"
    vtt.write_text("WEBVTT\n\n00:00:03.000 --> 00:00:05.000\n<v Jeroen Bakker>Bel me gewoon terug.</v>\n", encoding="utf-8")
    first = arena("import", "--session", session_id, "--file", str(vtt), data_dir=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "Jeroen Bakker -> K1" in first.stdout and "1 nieuwe notities" in first.stdout
    again = arena("import", "--session", session_id, "--file", str(vtt), data_dir=tmp_path)
    assert "0 nieuwe notities, 1 waren er al" in again.stdout

    plain = tmp_path / "verslag.txt"
    plain.write_text("Een verslag zonder sprekers.\nNog een regel.\n", encoding="utf-8")
    bad = arena("import", "--session", session_id, "--file", str(plain), data_dir=tmp_path)
    assert bad.returncode == 1 and "bevat geen uitspraken" in bad.stderr
    missing = arena("report", "--session", "999", "--out", str(tmp_path / "x.docx"), data_dir=tmp_path)
    assert missing.returncode == 1 and "Sessie 999 bestaat niet" in missing.stderr
