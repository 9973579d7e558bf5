"""Text hygiene before spaCy: Unicode normalisation and chunking of huge notes."""

from __future__ import annotations

import re
import unicodedata

# spaCy refuses texts over nlp.max_length (1,000,000 chars); notes are split well below that.
CHUNK_CHARS = 100_000
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile(r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u2028\u2029\ufeff]")


def normalise(text: str) -> str:
    """Typographic quotes to plain ones, control and zero-width characters to spaces.

    Character-for-character, so cue offsets point into the original note. NFC composition
    ("e" + combining accent -> "é") is applied only when the note already has the same length
    in NFC; otherwise the text is kept as typed (lemmas may then miss, offsets stay right).
    """
    nfc = unicodedata.normalize("NFC", text)
    if len(nfc) == len(text):
        text = nfc
    text = text.translate(_QUOTES)
    text = _SURROGATE.sub("\ufffd", text)  # lone surrogates cannot be encoded; spaCy would fail
    return _CONTROL.sub(" ", text)


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "\u00a0": " ", "\u2009": " "})


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Split at whitespace near `size` characters; returns (offset, chunk) pairs."""
    if len(text) <= size:
        return [(0, text)]
    out, start = [], 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind(" ", start + size // 2, end)
            end = cut if cut > start else end
        out.append((start, text[start:end]))
        start = end
    return out
