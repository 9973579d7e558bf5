"""Fault tests never touch the user's real journal in the home folder."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def journal_file(tmp_path, monkeypatch):
    path = tmp_path / "tweede-schijf" / "journal.jsonl"
    monkeypatch.setenv("ARENA_JOURNAL_PATH", str(path))
    return path
