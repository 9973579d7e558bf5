"""Show user text as text: no Markdown, no HTML, no links, no external images."""

from __future__ import annotations

import streamlit as st

from arena.domain.text import shorten


def text(value: str, *, limit: int | None = None) -> None:
    """st.text renders verbatim (pre-formatted), so `<img …>` or `![x](url)` stay inert characters."""
    st.text(shorten(value, limit) if limit else value)
