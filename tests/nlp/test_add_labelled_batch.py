"""scripts/add_labelled_batch.py: new statements are checked, deduplicated and split 3:1, the same way every time."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from arena.paths import REPO_ROOT

spec = importlib.util.spec_from_file_location("add_labelled_batch", REPO_ROOT / "scripts" / "add_labelled_batch.py")
assert spec and spec.loader
add_batch = importlib.util.module_from_spec(spec)
spec.loader.exec_module(add_batch)


def write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    labelled = tmp_path / "labelled"
    labelled.mkdir()
    write(labelled / "train.jsonl", [{"id": "tr-1", "text": "Niemand belde terug.", "polarity": "irritatie",
                                      "themes": ["bereikbaarheid"]}])
    write(labelled / "heldout.jsonl", [])
    write(tmp_path / "dev.jsonl", [{"id": "d1", "text": "Ik werd verkeerd doorverbonden.", "polarity": "irritatie",
                                    "themes": ["overdracht"]}])
    return labelled


def batch(n: int) -> list[dict]:
    return [{"id": f"nw-t-{i:03d}", "text": f"De monteur kwam op dag {i} niet opdagen.", "polarity": "irritatie",
             "themes": ["afspraken"], "writer_note": "ignored"} for i in range(n)]


def test_a_batch_is_split_three_to_one_and_stable(tmp_path: Path, folder: Path) -> None:
    duplicate = {"id": "nw-t-dup", "text": "niemand  belde TERUG.", "polarity": "irritatie", "themes": []}
    from_dev = {"id": "nw-t-dev", "text": "Ik werd verkeerd doorverbonden.", "polarity": "irritatie", "themes": []}
    rows = [*batch(40), duplicate, from_dev]
    source = write(tmp_path / "t.jsonl", rows)
    args = [str(source), "--labelled", str(folder), "--dev", str(tmp_path / "dev.jsonl")]
    assert add_batch.main(args) == 0
    train, held = read(folder / "train.jsonl"), read(folder / "heldout.jsonl")
    assert (len(train), len(held)) == (1 + 30, 10)  # the duplicate and the dev statement are skipped
    assert set(train[1].keys()) == {"id", "text", "polarity", "themes"}
    assert not {r["id"] for r in train} & {r["id"] for r in held}
    # the same batch elsewhere lands the same way (fixed seed)
    again = tmp_path / "again"
    again.mkdir()
    write(again / "train.jsonl", train[:1])
    write(again / "heldout.jsonl", [])
    add_batch.main([str(source), "--labelled", str(again), "--dev", str(tmp_path / "dev.jsonl")])
    assert [r["id"] for r in read(again / "heldout.jsonl")] == [r["id"] for r in held]


@pytest.mark.parametrize(("bad", "message"), [
    ({"polarity": "boos"}, "onbekende polariteit"),
    ({"themes": ["levering"]}, "ongeldige thema's"),
    ({"text": "  "}, "verplicht"),
    ({"id": "tr-1"}, "bestaat al"),
])
def test_a_bad_row_stops_before_anything_is_written(tmp_path: Path, folder: Path, bad: dict, message: str) -> None:
    rows = batch(4)
    rows[2] = {**rows[2], **bad}
    source = write(tmp_path / "t.jsonl", rows)
    with pytest.raises(SystemExit) as stop:
        add_batch.main([str(source), "--labelled", str(folder), "--dev", str(tmp_path / "dev.jsonl")])
    assert message in str(stop.value) and "t.jsonl:3" in str(stop.value)
    assert len(read(folder / "train.jsonl")) == 1 and read(folder / "heldout.jsonl") == []
