"""K-fold cross-validation of the classifier head on data/labelled/train.jsonl.

The figure the head's settings were chosen by (never the held-out split or the dev set): each fold
fits a head on the other folds, exactly as `python -m arena.nlp.build` does, and scores the
engine with that head on the left-out fold.

    .venv/bin/python -m benchmarks.nlp_cv [--folds 5] [--seed 0]
"""

from __future__ import annotations

import argparse
import time

import numpy as np


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--fixed", action="store_true", help="fixed shares only, without the learned combiner")
    args = parser.parse_args()

    from arena.nlp import Engine
    from arena.nlp.learning import base_examples, fit_examples, score, with_combiner

    started = time.perf_counter()
    examples = base_examples()
    engine = Engine.load().without_head()
    texts = [e.text for e in examples]
    prepared = engine.prepare(texts)
    features = prepared.features
    order = np.random.default_rng(args.seed).permutation(len(examples))
    results = [None] * len(examples)
    for k in range(args.folds):
        test = order[k::args.folds]
        train = np.setdiff1d(order, test)
        fold_examples = [examples[i] for i in train]
        head = fit_examples(features[train], fold_examples, {"fold": k})
        if not args.fixed:  # as the build does: a combiner from CV inside this fold's training part
            head = with_combiner(engine, head, prepared.subset(train), fold_examples)
        for i, result in zip(test, engine.with_head(head).analyse_many([texts[i] for i in test]), strict=True):
            results[i] = result
    scores = score(results, examples)  # type: ignore[arg-type]
    print(f"{args.folds}-fold CV on train.jsonl ({len(examples)} statements, {time.perf_counter() - started:.0f} s)")
    print(scores.line("vaste aandelen" if args.fixed else "met combiner"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
