"""Learning from the team: corrections become labelled examples, the head is re-fitted, and an
evaluation report shows whether it beats the unaided engine.

    examples = [LabelledExample("Niemand belde terug.", "irritatie", ("bereikbaarheid",)), ...]
    folder = refit(examples, Path("data/local/nlp_head"))        # new head saved in a folder
    engine = Engine.load(head_dir=folder)
    print(compare(engine, held_out).text())
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from arena.nlp.combiner import fit_combiner
from arena.nlp.engine import Engine, Prepared
from arena.nlp.head import HEAD_C, NO_THEME, Head, fit_head
from arena.nlp.results import NoteResult
from arena.nlp.taxonomy import POLARITIES
from arena.nlp.text import normalise
from arena.nlp.version import ENGINE_VERSION

CORRECTION_WEIGHT = 2.0  # a human correction counts double against the shipped examples
COMBINER_MIN_EXAMPLES = 500  # below this the out-of-fold opinions are too few to learn a blend from
COMBINER_FOLDS = 5


@dataclass(frozen=True)
class LabelledExample:
    text: str
    polarity: str
    themes: tuple[str, ...] = ()  # best first; several = any is right

    @classmethod
    def from_dict(cls, row: dict) -> LabelledExample:
        return cls(str(row["text"]), str(row["polarity"]), tuple(row.get("themes") or ()))


def read_jsonl(path: Path) -> list[dict]:
    """The rows of a labelled JSON Lines file, blank lines skipped."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_jsonl(path: Path) -> list[LabelledExample]:
    return [LabelledExample.from_dict(r) for r in read_jsonl(path)]


def base_examples() -> list[LabelledExample]:
    """The shipped training split (data/labelled/train.jsonl), if present."""
    from arena.paths import REPO_ROOT

    path = REPO_ROOT / "data" / "labelled" / "train.jsonl"
    return load_jsonl(path) if path.exists() else []


def refit(examples: Sequence[LabelledExample], folder: Path | None = None, engine: Engine | None = None,
          include_base: bool = True, c: float = HEAD_C) -> Path:
    """Fit a new head on the shipped examples plus the team's corrections; save it in `folder`
    (default: a new time-stamped folder under the user's data folder) and return that folder."""
    if folder is None:
        from arena.paths import data_dir

        folder = data_dir() / "nlp" / f"head-{time.strftime('%Y%m%d-%H%M%S')}"
    engine = engine or Engine.load()
    base = base_examples() if include_base else []
    data = [*base, *examples]
    if not data:
        raise ValueError("Geen voorbeelden om van te leren.")
    known = set(engine.theme_codes)
    wrong = [e for e in data if e.polarity not in POLARITIES or not set(e.themes) <= known]
    if wrong:  # a typo would otherwise become a new class the app cannot show
        raise ValueError(f"Onbekende polariteit of themacode in {len(wrong)} voorbeeld(en), bijv. {wrong[0]!r}.")
    weights = np.asarray([1.0] * len(base) + [CORRECTION_WEIGHT] * len(examples), dtype=np.float64)
    meta = {"engine_version": ENGINE_VERSION, "examples": len(data), "corrections": len(examples)}
    prepared = engine.prepare([e.text for e in data])
    head = fit_examples(prepared.features, data, meta, c=c, weights=weights)
    if len(data) >= COMBINER_MIN_EXAMPLES:
        head = with_combiner(engine, head, prepared, data, weights, c=c)
    return head.save(folder)


def with_combiner(engine: Engine, head: Head, prepared: Prepared, data: Sequence[LabelledExample],
                  weights: np.ndarray | None = None, c: float = HEAD_C, folds: int = COMBINER_FOLDS) -> Head:
    """`head` with a theme combiner fitted on its parts' out-of-fold opinions: each fold's head is
    fitted without the statements it then judges, as the shipped head meets new notes. Returns
    `head` unchanged when a fold lacks a theme (the fixed shares then decide)."""
    order = np.random.default_rng(0).permutation(len(data))
    rows: list[np.ndarray] = []
    for k in range(folds):
        test = np.sort(order[k::folds])
        train = np.setdiff1d(order, test)
        fold_head = fit_examples(prepared.features[train], [data[i] for i in train], {},
                                 c=c, weights=None if weights is None else weights[train])
        part = prepared.subset(test)
        inputs = engine.combiner_inputs(fold_head, fold_head.parts(part.features, part.ngram_texts), part)
        if inputs is None:
            return head
        rows.append(inputs)
    held = np.concatenate([np.sort(order[k::folds]) for k in range(folds)])
    codes = engine.theme_codes
    theme = np.asarray([codes.index(data[i].themes[0]) if data[i].themes else -1 for i in held])
    return replace(head, combiner=fit_combiner(np.concatenate(rows), theme))


def fit_examples(features: np.ndarray, examples: Sequence[LabelledExample], meta: dict, c: float = HEAD_C,
                 weights: np.ndarray | None = None) -> Head:
    """A head fitted on examples whose engine features are already computed (same order)."""
    return fit_head(features, [e.polarity for e in examples],
                    [e.themes[0] if e.themes else NO_THEME for e in examples],
                    meta=meta, c=c, weights=weights, texts=[normalise(e.text) for e in examples])


@dataclass
class Scores:
    n: int
    irritation_f1: float
    polarity_accuracy: float
    theme_top1: float  # over examples with a gold theme: is the first predicted theme among them
    theme_strict: float  # over all examples: no-theme gold also needs an empty or neutral prediction
    errors: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        return (f"{name:<22} n={self.n:<4} irritatie-F1 {self.irritation_f1:.3f}  polariteit {self.polarity_accuracy:.3f}"
                f"  thema top-1 {self.theme_top1:.3f}  (strikt {self.theme_strict:.3f})")


def score(results: Sequence[NoteResult], gold: Sequence[LabelledExample]) -> Scores:
    tp = fp = fn = 0
    pol_ok = top_ok = themed = strict_ok = 0
    errors = []
    for r, g in zip(results, gold, strict=True):
        pred_irr, gold_irr = r.polarity == "irritatie", g.polarity == "irritatie"
        tp += pred_irr and gold_irr
        fp += pred_irr and not gold_irr
        fn += gold_irr and not pred_irr
        pol_ok += r.polarity == g.polarity
        top = r.theme_codes[0] if r.themes else None
        if g.themes:
            themed += 1
            hit = top in g.themes
            top_ok += hit
            strict_ok += hit
        else:
            hit = top is None or r.polarity == "neutraal"
            strict_ok += hit
        if r.polarity != g.polarity or not hit:
            errors.append(f"{g.polarity}/{','.join(g.themes) or '-'} -> {r.polarity}/{top or '-'}: {g.text}")
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    n = len(gold)
    return Scores(n, f1, pol_ok / n if n else 0.0, top_ok / themed if themed else 0.0,
                  strict_ok / n if n else 0.0, errors)


def evaluate(engine: Engine, examples: Sequence[LabelledExample]) -> Scores:
    return score(engine.analyse_many([e.text for e in examples]), examples)


@dataclass
class Comparison:
    unaided: Scores
    with_head: Scores

    @property
    def head_wins(self) -> bool:
        a, b = self.unaided, self.with_head
        return (b.irritation_f1 + b.polarity_accuracy + b.theme_top1) > (a.irritation_f1 + a.polarity_accuracy + a.theme_top1)

    def text(self) -> str:
        verdict = "de head is beter" if self.head_wins else "de head is NIET beter; gebruik hem niet"
        return "\n".join([self.unaided.line("zonder head (regels)"), self.with_head.line("met head"),
                          f"oordeel: {verdict}"])


def compare(engine: Engine, examples: Sequence[LabelledExample]) -> Comparison:
    """Evaluation report: the engine with its head against the unaided rules + similarity."""
    return Comparison(evaluate(engine.without_head(), examples), evaluate(engine, examples))


def corrections_to_examples(rows: Iterable[dict]) -> list[LabelledExample]:
    """Human labels as stored by the app ({"text", "polarity", "themes"}) -> examples."""
    return [LabelledExample.from_dict(r) for r in rows if r.get("text") and r.get("polarity")]


def head_info(folder: Path) -> dict:
    head = Head.load(folder)
    return dict(head.meta) if head else {}
