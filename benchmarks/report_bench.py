"""Report benchmark: a 1,000-note analysed session written as .docx with all charts (target ≤ 3 s).

Run: .venv/bin/python benchmarks/report_bench.py [--notes 1000] [--runs 3]
Prints the time of each run (the first includes starting the chart renderer) and a breakdown.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, select

from arena.domain.model import Department, NoteKind, Segment, SpeakerKind
from arena.domain.taxonomy import load_taxonomy
from arena.report import figures
from arena.report.docx_report import build_docx
from arena.services import reporting
from arena.services import sessions as session_service
from arena.services.analysis import engine_version
from arena.services.auth import LOCAL_USER
from arena.services.bootstrap import open_database
from arena.store import repo_notes
from arena.store import tables as t

WORDS = ("altijd", "weer", "bellen", "offerte", "factuur", "monteur", "wachten", "niemand", "belt", "terug", "storing",
         "afspraak", "vriendelijk", "prima", "snel", "geholpen", "kastje", "muur", "klantnummer", "opnieuw")


def seed(db, notes: int) -> int:
    rng = random.Random(7)
    actor = LOCAL_USER
    session = session_service.create_session(db, actor, title="Benchmark-arena", goal="Meten", organisation="Bench BV",
                                             date=date(2026, 11, 16), moderator="Moderator")
    sid = session.id
    items = [session_service.add_agenda_item(db, actor, sid, f"Onderwerp {i}", timebox_min=15).id for i in range(1, 8)]
    people = [session_service.add_participant(db, actor, sid, f"Deelnemer {i}", organisation=f"Bedrijf {i}",
                                              segment=list(Segment)[i % 5]).id for i in range(1, 11)]
    for dep in list(Department)[:5]:
        session_service.add_observer(db, actor, sid, f"Collega {dep.value}", dep)
    codes = load_taxonomy().codes
    version = engine_version()
    start = datetime(2026, 11, 16, 13, 0, tzinfo=UTC)
    with db.write() as conn:
        for i in range(notes):
            speaker = rng.choice([*people, None])
            kind = rng.choice([NoteKind.UITSPRAAK] * 6 + [NoteKind.OBSERVATIE, NoteKind.IDEE, NoteKind.COMPLIMENT])
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 40))).capitalize() + "."
            seconds = i * 7200 / notes
            repo_notes.insert_note(
                conn,
                {"session_id": sid, "author": "Notulist", "created_at": start + timedelta(seconds=seconds),
                 "seconds_since_start": seconds, "recording_offset_s": None, "client_token": None},
                {"text": text, "kind": kind.value,
                 "speaker_kind": SpeakerKind.PARTICIPANT.value if speaker else SpeakerKind.GROUP.value,
                 "participant_id": speaker, "agenda_item_id": items[min(int(seconds // 900), len(items) - 1)]},
            )
        version_ids = list(conn.execute(select(t.note_versions.c.id)).scalars())
        rows = []
        for vid in version_ids:
            polarity = rng.choice(["irritatie"] * 5 + ["positief", "neutraal", "suggestie"])
            themes = rng.sample(codes, rng.randint(1, 2)) if polarity != "neutraal" else []
            rows.append({"note_version_id": vid, "engine_version": version, "polarity": polarity, "themes": themes,
                         "theme_scores": {c: 0.8 for c in themes}, "intensity": rng.random(),
                         "sentiment": rng.uniform(-1, 1), "effort": rng.random() < 0.2,
                         "cues": [{"start": 0, "end": 5, "text": "weer", "kind": "intensifier"}],
                         "keyphrases": ["terugbellen"], "analysed_at": start})
        conn.execute(insert(t.note_analyses), rows)
    return sid


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(f"sqlite:///{folder}/bench.sqlite3")
        sid = seed(db, args.notes)
        times = []
        for run in range(args.runs):
            begin = time.perf_counter()
            data = reporting.build_report(db, LOCAL_USER, sid, charts=True)
            times.append(time.perf_counter() - begin)
            print(f"run {run + 1}: {times[-1]:.2f} s ({len(data) // 1024} kB)"
                  + ("  [includes starting the chart renderer]" if run == 0 else ""))
        # breakdown of one warm run
        begin = time.perf_counter()
        gathered = reporting._gather(db, LOCAL_USER, sid)
        t_gather = time.perf_counter() - begin
        content = reporting.report_content(gathered)
        t_compose = time.perf_counter() - begin - t_gather
        figs = figures.report_figures(gathered.notes)
        t_figures = time.perf_counter() - begin - t_gather - t_compose
        images = figures.render(figs)
        t_render = time.perf_counter() - begin - t_gather - t_compose - t_figures
        build_docx(content, images)
        t_docx = time.perf_counter() - begin - t_gather - t_compose - t_figures - t_render
        print(f"breakdown (warm): read {t_gather:.2f} s, compose {t_compose:.2f} s, {len(figs)} figures {t_figures:.2f} s, "
              f"PNG {t_render:.2f} s, docx {t_docx:.2f} s")
        print(f"{args.notes} notes, charts included: cold {times[0]:.2f} s, warm median "
              f"{statistics.median(times[1:] or times):.2f} s (target ≤ 3 s)")
        db.dispose()


if __name__ == "__main__":
    main()
