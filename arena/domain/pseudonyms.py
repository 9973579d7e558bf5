"""Pseudonym codes (K1, K2, …): stable per session, never reused after erasure."""

from __future__ import annotations

import re
from collections.abc import Iterable

_CODE = re.compile(r"^K(\d+)$")


def next_code(existing: Iterable[str]) -> str:
    """The next free code; gaps from removed people are not refilled, so a code names one person."""
    highest = 0
    for code in existing:
        match = _CODE.match(code)
        if match:
            highest = max(highest, int(match.group(1)))
    return f"K{highest + 1}"


def replace_names(text: str, replacements: dict[str, str]) -> str:
    """Replace each real name or organisation with its code, longest first, case-insensitively."""
    for real in sorted((r for r in replacements if r and r.strip()), key=len, reverse=True):
        text = re.sub(re.escape(real), replacements[real], text, flags=re.IGNORECASE)
    return text
