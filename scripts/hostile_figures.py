"""The hostile corpus through every part, including the slow path (1 MB note through the NLP engine).

Prints the figures for the report: crashes, lost notes, formula cells, live links, requests to the
sentinel, and the slowest steps.

    .venv/bin/python scripts/hostile_figures.py [--skip-large-nlp]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-large-nlp", action="store_true")
    args = parser.parse_args()

    from arena.services import sessions
    from arena.services.auth import LOCAL_USER
    from arena.services.bootstrap import open_database
    from tests.hostile import pipeline as p

    sentinel = p.Sentinel()
    tally = p.Tally()
    folder = Path(tempfile.mkdtemp(prefix="arena-hostile-"))
    db = open_database(f"sqlite:///{folder / 'arena.sqlite3'}")
    actor = LOCAL_USER
    started = time.perf_counter()
    engine = p.engine_or_none()
    corpus = p.texts(sentinel.url, include_large=not args.skip_large_nlp)
    if engine is not None:
        p.nlp(engine, corpus, tally)
    small = p.texts(sentinel.url, include_large=False)
    main_session = sessions.create_session(db, actor, title="Vijandig <b>rapport</b> \u202e=1+1").id
    p.capture(db, actor, main_session, small, tally)
    p.analysis_and_charts(db, actor, engine, main_session, tally)
    p.report_and_exports(db, actor, main_session, small, tally, charts=True)
    large = {k: v for k, v in p.texts(sentinel.url).items() if k in p.LARGE}
    big_session = sessions.create_session(db, actor, title="Groot").id
    p.capture(db, actor, big_session, large, tally)
    p.report_and_exports(db, actor, big_session, {}, tally, charts=False)
    p.person_exports(db, actor, sessions.create_session(db, actor, title="AVG").id, tally)
    p.uploads(db, actor, sessions.create_session(db, actor, title="Uploads").id, sentinel.url, tally)
    time.sleep(1.0)  # late requests from a renderer would still arrive
    sentinel.close()
    db.dispose()

    print(f"gecontroleerd: {dict(tally.checked)} in {time.perf_counter() - started:.0f} s")
    print(f"crashes {len(tally.crashes)}, verloren notities {len(tally.lost)}, formulecellen {tally.formula_cells}, "
          f"actieve links/markup {tally.external_links + tally.script_in_output}, verzoeken aan de sentinel {len(sentinel.hits)}")
    print(f"geweigerd met Nederlandse melding: {len(tally.refused)}")
    for where, message in sorted(tally.refused.items()):
        print(f"  {where}: {message[:110]}")
    print("traagste stappen:")
    for where, seconds in sorted(tally.seconds.items(), key=lambda kv: -kv[1])[:6]:
        print(f"  {where}: {seconds:.2f} s")
    for line in tally.crashes + tally.lost:
        print("  FOUT", line)
    return 1 if tally.crashes or tally.lost or tally.formula_cells or sentinel.hits else 0


if __name__ == "__main__":
    raise SystemExit(main())
