"""Lemma accuracy of the arena Dutch pipeline on the UD Dutch Alpino test split.

Reads ../shared/ud/nl_alpino-ud-test.conllu (never copied into the repo). Gold tokens are fed
to the pipeline as a pre-tokenised Doc, one sentence at a time, so only lemmatisation is measured.
Comparison is lowercased with `_` stripped (the reference figures use the same convention).

    .venv/bin/python benchmarks/nlp_lemma_ud.py [--errors 50]
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

UD_FILE = REPO.parent / "shared" / "ud" / "nl_alpino-ud-test.conllu"


def read_sentences(path: Path) -> list[list[tuple[str, str, str]]]:
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        current.append((cols[1], cols[2].replace("_", "").lower(), cols[3]))
    if current:
        sentences.append(current)
    return sentences


def read_paragraphs(path: Path) -> list[list[str]]:
    """Sentence texts grouped by paragraph (sent_id ...p.N.s.M), to test sentence splitting."""
    paragraphs: dict[str, list[str]] = {}
    sent_id = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id = "):
            sent_id = line[12:].strip()
        elif line.startswith("# text = "):
            key = sent_id.rsplit(".s.", 1)[0] if ".s." in sent_id else sent_id
            paragraphs.setdefault(key, []).append(line[9:].strip())
    return list(paragraphs.values())


def sentence_f1(nlp, paragraphs: list[list[str]]) -> tuple[float, int]:
    """F1 of predicted sentence ends (character offsets) against the gold sentences."""
    tp = fp = fn = 0
    for sentences in paragraphs:
        text, gold, pos = "", set(), 0
        for sentence in sentences:
            text += sentence + " "
            pos += len(sentence)
            gold.add(pos)
            pos += 1
        doc = nlp(text.strip())
        pred = {sent.end_char for sent in doc.sents}
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
    return (2 * tp / (2 * tp + fp + fn) if tp else 0.0), sum(len(p) for p in paragraphs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", type=int, default=0, help="print the N most frequent errors")
    parser.add_argument("--file", type=Path, default=UD_FILE)
    args = parser.parse_args()
    if not args.file.exists():
        print(f"UD file not found: {args.file}")
        return 1

    from spacy.tokens import Doc

    from arena.nlp.pipeline import load_nlp

    nlp = load_nlp()
    lemmatizer = nlp.get_pipe("arena_lemmatizer")
    total = correct = 0
    errors: collections.Counter = collections.Counter()
    for sentence in read_sentences(args.file):
        words = [w for w, _, _ in sentence]
        doc = Doc(nlp.vocab, words=words, sent_starts=[True] + [False] * (len(words) - 1))
        doc = lemmatizer(doc)
        for token, (word, gold, pos) in zip(doc, sentence):
            total += 1
            pred = token.lemma_.replace("_", "").lower()
            if pred == gold:
                correct += 1
            else:
                errors[(word, gold, pred, pos)] += 1
    print(f"UD Dutch Alpino test: {total} tokens, lemma accuracy {correct / total:.4f} "
          f"(reference: Frog 0.970, simplemma 0.967, spaCy lookup 0.886)")
    f1, n_sentences = sentence_f1(nlp, read_paragraphs(args.file))
    print(f"sentence splitting, same file joined per paragraph ({n_sentences} sentences): boundary F1 {f1:.4f}")
    for (word, gold, pred, pos), n in errors.most_common(args.errors):
        print(f"{n:3d}  {word!r:28} gold={gold!r:24} pred={pred!r:24} {pos}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
