"""Add a batch of newly written, labelled statements to data/labelled, split 3:1 train/held-out.

Each file is one writer's batch (JSON Lines: id, text, polarity, themes). Rows are checked against
the taxonomy; statements already in train, held-out or the shared dev set are skipped; the rest of
each file is split with a fixed seed, so a batch always lands the same way.

    .venv/bin/python scripts/add_labelled_batch.py BATCH.jsonl [BATCH.jsonl ...] [--dry-run]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from arena.domain.taxonomy import load_taxonomy
from arena.nlp.learning import read_jsonl
from arena.nlp.taxonomy import POLARITIES
from arena.paths import REPO_ROOT

LABELLED = REPO_ROOT / "data" / "labelled"
DEV = REPO_ROOT.parent / "shared" / "eval" / "dev_notes.jsonl"
SEED = 20261123
HELD_OUT_SHARE = 4  # one in four


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _check(row: dict, codes: set[str], where: str) -> None:
    if not str(row.get("id", "")).strip() or not str(row.get("text", "")).strip():
        raise SystemExit(f"{where}: id en text zijn verplicht")
    if row.get("polarity") not in POLARITIES:
        raise SystemExit(f"{where}: onbekende polariteit {row.get('polarity')!r}")
    themes = row.get("themes")
    if not isinstance(themes, list) or not set(themes) <= codes or len(themes) != len(set(themes)):
        raise SystemExit(f"{where}: ongeldige thema's {themes!r}")


def split(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    order = np.random.default_rng(SEED).permutation(len(rows))
    cut = len(rows) // HELD_OUT_SHARE
    return [rows[i] for i in sorted(order[cut:])], [rows[i] for i in sorted(order[:cut])]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--dry-run", action="store_true", help="only report what would be added")
    parser.add_argument("--labelled", type=Path, default=LABELLED, help="folder with train.jsonl and heldout.jsonl")
    parser.add_argument("--dev", type=Path, default=DEV, help="the shared dev set (never added)")
    args = parser.parse_args(argv)

    codes = set(load_taxonomy().codes)
    existing = [r for name in ("train.jsonl", "heldout.jsonl") for r in read_jsonl(args.labelled / name)]
    seen_text = {_norm(r["text"]) for r in existing} | ({_norm(r["text"]) for r in read_jsonl(args.dev)} if args.dev.exists() else set())
    seen_id = {r["id"] for r in existing}
    train: list[dict] = []
    held: list[dict] = []
    for path in args.files:
        batch = []
        for n, row in enumerate(read_jsonl(path), 1):
            _check(row, codes, f"{path.name}:{n}")
            if row["id"] in seen_id:
                raise SystemExit(f"{path.name}:{n}: id {row['id']} bestaat al")
            if _norm(row["text"]) in seen_text:
                print(f"{path.name}:{n}: staat er al, overgeslagen")
                continue
            seen_id.add(row["id"])
            seen_text.add(_norm(row["text"]))
            batch.append({k: row[k] for k in ("id", "text", "polarity", "themes")})
        to_train, to_held = split(batch)
        train += to_train
        held += to_held
        print(f"{path.name}: {len(to_train)} train, {len(to_held)} held-out")
    if not args.dry_run:
        for name, rows in (("train.jsonl", train), ("heldout.jsonl", held)):
            with (args.labelled / name).open("a", encoding="utf-8") as out:
                out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    print(f"totaal: {len(train)} train, {len(held)} held-out{' (niets geschreven)' if args.dry_run else ''}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
