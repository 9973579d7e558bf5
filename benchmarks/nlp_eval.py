"""Accuracy of the NLP engine: irritation F1, polarity accuracy, theme top-1.

Sets: ../shared/eval/dev_notes.jsonl (development set, 30 real statements) and
data/labelled/heldout.jsonl (our held-out split, never fitted on), the latter also per register:
short notes (ids "ho-"), statements in the written story/article/advice register (ids "nw-") and
notes typed live in a session: observations, process notes, questions, action items (ids "mn-").
Each set is scored with the shipped head and without it (the unaided rules + semantic similarity).

    .venv/bin/python benchmarks/nlp_eval.py [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

REGISTERS = {"ho-": "korte notities", "nw-": "verhalen, artikelen, adviezen", "mn-": "live notities van een sessie"}
SETS = {
    "dev (shared)": REPO.parent / "shared" / "eval" / "dev_notes.jsonl",
    "held-out (eigen)": REPO / "data" / "labelled" / "heldout.jsonl",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", action="store_true", help="list the misclassified statements")
    parser.add_argument("--file", type=Path, action="append", help="extra JSONL set(s) to score")
    args = parser.parse_args()

    from arena.nlp import Engine
    from arena.nlp.learning import compare, load_jsonl

    engine = Engine.load()
    sets: dict[str, list] = {}
    for name, path in {**SETS, **{extra.name: extra for extra in args.file or []}}.items():
        if not path.exists():
            print(f"{name}: {path} niet gevonden")
            continue
        sets[f"{name} ({path.name})"] = load_jsonl(path)
    held = SETS["held-out (eigen)"]
    if held.exists():
        ids = [json.loads(line)["id"] for line in held.read_text(encoding="utf-8").splitlines() if line.strip()]
        examples = load_jsonl(held)
        for prefix, label in REGISTERS.items():
            sets[f"held-out, {label}"] = [e for i, e in zip(ids, examples, strict=True) if i.startswith(prefix)]
    print("targets: irritatie-F1 >= 0.90, polariteit >= 0.85, thema top-1 >= 0.85")
    for name, examples in sets.items():
        report = compare(engine, examples)
        print(f"== {name}")
        print(report.text())
        if args.errors:
            for line in report.with_head.errors:
                print("   ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
