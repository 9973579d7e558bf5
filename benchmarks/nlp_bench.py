"""Speed and memory of the NLP engine.

Prints: model load time (target <= 5 s), notes/s for full analysis of 1,000 notes of ~20 words
(target >= 300/s), single-note latency (target <= 50 ms) and peak memory (target <= 600 MB).
Also a host reference (a plain Python loop), so figures taken on different days can be compared:
hosts of the same kind have differed by more than 1.5x in notes/s.

    .venv/bin/python benchmarks/nlp_bench.py [--notes 1000]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SUBJECTS = ["De monteur", "Mijn contactpersoon", "De klantenservice", "De helpdesk", "Het bedrijf",
            "De verkoper", "De medewerker aan de telefoon", "De planning", "De bezorger", "Het callcenter"]
MIDDLES = ["heeft na drie weken nog steeds niet gereageerd op mijn mail over",
           "kwam de afspraak weer niet na ondanks de belofte over", "was ontzettend vriendelijk en hielp snel met",
           "stuurde een factuur met onverwachte kosten voor", "verbond me vier keer verkeerd door over",
           "wist zelf ook niet hoe het zat met", "probeerde me meteen iets te verkopen in plaats van",
           "heeft keurig en op tijd geleverd wat was afgesproken voor"]
OBJECTS = ["de nieuwe cv-ketel in de woonkamer", "het onderhoudscontract van vorig jaar", "de offerte voor de dakkapel",
           "de storing aan de router sinds maandag", "de levering van de keukenkastjes", "mijn klacht over de lekkage"]
ENDINGS = ["en dat is echt frustrerend.", "en daar ben ik heel tevreden over.", "dus ik moest zelf achteraan bellen.",
           "wat ik niet had verwacht.", "zoals ik al eerder had gemeld."]


def notes(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [" ".join([rng.choice(SUBJECTS), rng.choice(MIDDLES), rng.choice(OBJECTS), rng.choice(ENDINGS)])
            for _ in range(n)]


def notes_per_second(engine, batch: list[str]) -> float:
    started = time.perf_counter()
    engine.analyse_many(batch)
    return len(batch) / (time.perf_counter() - started)


def host_reference_s() -> float:
    """Seconds for 10 M additions in a plain Python loop: what the engine's Python parts depend on."""
    started = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=1000)
    args = parser.parse_args()

    started = time.perf_counter()
    from arena.nlp import Engine

    engine = Engine.load()
    load_s = time.perf_counter() - started

    batch = notes(args.notes)
    words = statistics.mean(len(t.split()) for t in batch)
    per_s = notes_per_second(engine, batch)
    # the same batch as the app's own work runs it: one BLAS thread (arena/nlp/semantic.py)
    cores, engine.embedder.batch_threads = engine.embedder.batch_threads, 1
    one_thread_per_s = notes_per_second(engine, batch)
    engine.embedder.batch_threads = cores

    singles = notes(60, seed=11)
    latencies = []
    for text in singles:
        t0 = time.perf_counter()
        engine.analyse(text)
        latencies.append((time.perf_counter() - t0) * 1000)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB

    print(f"model load (imports + Engine.load): {load_s:6.2f} s     target <= 5 s")
    print(f"full analysis, {len(batch)} notes of ~{words:.0f} words: {per_s:6.0f} notes/s   target >= 300/s"
          f"   (encoder on {cores} BLAS threads; on one thread: {one_thread_per_s:.0f} notes/s)")
    print(f"single-note latency: median {statistics.median(latencies):5.1f} ms, "
          f"p95 {sorted(latencies)[int(0.95 * len(latencies)) - 1]:5.1f} ms   target <= 50 ms")
    print(f"peak memory (max RSS): {peak_mb:6.0f} MB   target <= 600 MB")
    print(f"host reference: 10 M additions in a Python loop: {host_reference_s():.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
