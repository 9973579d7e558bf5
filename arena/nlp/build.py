"""Rebuild the shipped model files: `python -m arena.nlp.build`.

1. the spaCy pipeline -> models/pipeline (nlp.to_disk)
2. the classifier head fitted on data/labelled/train.jsonl -> models/head
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from arena.nlp.head import HEAD_C
from arena.nlp.pipeline import build_nlp, save_nlp


def main(argv: list[str] | None = None) -> int:
    from arena.paths import MODELS_DIR

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--models", type=Path, default=MODELS_DIR)
    parser.add_argument("--c", type=float, default=HEAD_C, help="regularisation strength of the head")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    print("pipeline ->", save_nlp(build_nlp(), args.models))

    from arena.nlp.engine import Engine
    from arena.nlp.learning import base_examples, refit

    engine = Engine.load(args.models).without_head()
    folder = refit([], args.models / "head", engine=engine, c=args.c)
    print(f"head ({len(base_examples())} voorbeelden) -> {folder}  [{time.perf_counter() - started:.1f} s]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
