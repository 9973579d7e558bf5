"""The labelled statements are clean data: valid labels, unique ids, no leak between the splits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from arena.nlp.taxonomy import POLARITIES
from arena.paths import MODELS_DIR, REPO_ROOT

LABELLED = REPO_ROOT / "data" / "labelled"
DEV = REPO_ROOT.parent / "shared" / "eval" / "dev_notes.jsonl"


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("name", ["train.jsonl", "heldout.jsonl"])
def test_rows_are_valid(name: str) -> None:
    codes = {t["code"] for t in json.loads((MODELS_DIR / "taxonomy.json").read_text(encoding="utf-8"))["themes"]}
    data = rows(LABELLED / name)
    ids = [r["id"] for r in data]
    assert len(ids) == len(set(ids)), "dubbele id's"
    for r in data:
        assert r["text"].strip() and r["polarity"] in POLARITIES, r
        assert set(r["themes"]) <= codes and len(r["themes"]) == len(set(r["themes"])), r


def test_no_statement_in_both_splits_or_from_the_dev_set() -> None:
    def norm(text: str) -> str:
        return " ".join(text.lower().split())

    train = {norm(r["text"]) for r in rows(LABELLED / "train.jsonl")}
    held = {norm(r["text"]) for r in rows(LABELLED / "heldout.jsonl")}
    assert not train & held
    if DEV.exists():
        dev = {norm(r["text"]) for r in rows(DEV)}
        assert not dev & (train | held)
