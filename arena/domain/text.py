"""Text hygiene shared by every entry point: keep what the user typed, drop what no store can hold."""

from __future__ import annotations

import re
import unicodedata

_SURROGATES = re.compile("[\ud800-\udfff]")
_WORD_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


class ValidationError(ValueError):
    """Bad input, with a message in Dutch for the user."""


def clean_note_text(text: str) -> str:
    """NUL and lone surrogates cannot be stored (PostgreSQL, UTF-8); they become U+FFFD.

    Everything else, control characters and markup included, is kept as typed.
    """
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    if _SURROGATES.search(text):
        text = _SURROGATES.sub("\ufffd", text)
    return text


def required_text(value: str | None, field: str) -> str:
    cleaned = clean_note_text(value or "").strip()
    if not cleaned:
        raise ValidationError(f"{field} is verplicht en mag niet leeg zijn.")
    return cleaned


def word_safe(text: str) -> str:
    """For .docx and XML: control characters removed, Unicode normalised (NFC)."""
    return _WORD_UNSAFE.sub("", unicodedata.normalize("NFC", clean_note_text(text)))


def shorten(text: str, limit: int) -> str:
    """Shorten to `limit` characters at a word boundary, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut + "…"
